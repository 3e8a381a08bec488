import { exportCatalog } from "../../model/export-json.js";
import type { CatalogModel } from "../../model/types.js";
import { bannerText } from "./banner.js";

/** What templates/json/catalog.json.hbs sees: the export, with the banner as a $comment (JSON has no comments). */
export function jsonView(model: CatalogModel) {
  return { json: JSON.stringify({ $comment: bannerText("every catalog"), ...exportCatalog(model) }, null, 2) };
}
