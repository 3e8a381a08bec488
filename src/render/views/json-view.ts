import { exportChunks } from "../../model/export-json.js";
import type { Content } from "../output-file.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";

/** generated/catalog.json: the export, with the banner as a $comment (JSON has no comments), in chunks. */
export function catalogJson(shared: SharedInput): Content {
  return exportChunks(shared.exportFragments, bannerText("every catalog"));
}
