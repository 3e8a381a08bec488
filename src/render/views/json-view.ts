import { exportChunks } from "../../model/export-json.js";
import type { Content } from "../output-file.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";

/** The $comment of generated/catalog.json: the banner (JSON has no comments). */
export const CATALOG_JSON_COMMENT = bannerText("every catalog");

/**
 * generated/catalog.json: the export, with the banner as a $comment, in chunks; or, when this run wrote it
 * whole already (see ExportStream), that file.
 */
export function catalogJson(shared: SharedInput): Content {
  return shared.exportFile ? [shared.exportFile] : exportChunks(shared.exportFragments, CATALOG_JSON_COMMENT);
}
