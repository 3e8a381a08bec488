import { changeListItem } from "../../diff/format-changes.js";
import { groupChanges } from "../../diff/group-changes.js";
import { markdownHeading, markdownListItem } from "../escape/markdown.js";
import type { SharedInput } from "../shared-input.js";
import { bannerText } from "./banner.js";
import { frontMatter } from "./markdown-view.js";

/** What templates/docs/changelog.md.hbs sees: the changes since a ref, per vendor and group, escaped for a page Vue renders. */
export function markdownChangelogView(shared: SharedInput) {
  const against = shared.changelog?.against ?? "";
  const changes = shared.changelog?.changes ?? [];
  const names = new Map(shared.summary.vendors.map((vendor) => [vendor.id, vendor.name]));
  return {
    frontMatter: frontMatter(`Changes since ${against}`, `The code changes since ${against}, per vendor.`),
    banner: `<!-- ${bannerText("every catalog")} -->`,
    title: markdownHeading(`Changes since ${against}`),
    none: changes.length === 0 ? `No code changes since ${markdownListItem(against)}.` : null,
    vendors: groupChanges(changes).map(({ vendor, groups }) => ({
      heading: markdownHeading(names.get(vendor) ?? vendor),
      groups: groups.map(({ title, changes: items }) => ({ title, items: items.map((change) => changeListItem(change)) })),
    })),
  };
}
