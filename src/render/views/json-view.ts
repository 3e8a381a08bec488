import { assembleExport } from "../../model/export-json.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";

/** What templates/json/catalog.json.hbs sees: the export, with the banner as a $comment (JSON has no comments). */
export function jsonView(shared: SharedInput) {
  return { json: assembleExport(shared.exportFragments, bannerText("every catalog")) };
}
