import { githubCommand } from "../diagnostics/format.js";
import { markdownHeading, markdownListItem } from "../render/escape/markdown.js";
import type { Change } from "./change.js";
import { CATEGORY_ORDER, type ChangeCategory, type ChangeGroup, failsOn } from "./rules.js";

export type FailOn = Exclude<ChangeCategory, "additive">;

/** `file:line:column category RULE message`, one per change, then a count by category. */
export function formatChangesText(changes: readonly Change[], against: string): string {
  const lines = changes.map((c) => `${c.file}:${c.line}:${c.column} ${c.category} ${c.rule} ${c.message}\n`);
  return `${lines.join("")}${summarizeChanges(changes, against)}\n`;
}

export function summarizeChanges(changes: readonly Change[], against: string): string {
  if (changes.length === 0) return `no changes since ${against}`;
  const counts = CATEGORY_ORDER.map((category) => [category, changes.filter((c) => c.category === category).length] as const)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${count} ${category}`);
  return `${changes.length} ${changes.length === 1 ? "change" : "changes"} since ${against}: ${counts.join(", ")}`;
}

/** `{ against, failOn, failed, changes: [...] }` for machines. */
export function formatChangesJson(changes: readonly Change[], against: string, failOn: FailOn): string {
  const failed = changes.some((c) => failsOn(c.category, failOn));
  return `${JSON.stringify({ against, failOn, failed, changes }, null, 2)}\n`;
}

/** Workflow commands: an error for each change that fails the run, a warning for the other breaking ones, a notice for additions. */
export function formatChangesGithub(changes: readonly Change[], failOn: FailOn): string {
  return changes
    .map((c) => {
      const level = failsOn(c.category, failOn) ? "error" : c.category === "additive" ? "notice" : "warning";
      return `${githubCommand(level, { file: c.file, line: c.line, col: c.column, title: `${c.rule} (${c.category})` }, c.message)}\n`;
    })
    .join("");
}

const GROUPS: readonly { readonly group: ChangeGroup; readonly title: string }[] = [
  { group: "added", title: "Added" },
  { group: "retired", title: "Retired" },
  { group: "changed", title: "Changed" },
  { group: "removed", title: "Removed" },
];

/**
 * A changelog: per vendor, the changes grouped by added, retired, changed and removed, each linking to
 * its code's anchor in the docs (`linkBase` goes before `<vendor>.md#...`; empty when the changelog
 * sits beside the vendor pages).
 */
export function formatChangesMarkdown(changes: readonly Change[], against: string, linkBase = ""): string {
  const out = [`# Changes since ${markdownHeading(against)}`, ""];
  if (changes.length === 0) return `${[...out, `No code changes since ${markdownListItem(against)}.`].join("\n")}\n`;
  const vendors = [...new Set(changes.map((c) => c.vendor))];
  for (const vendor of vendors) {
    out.push(`## ${markdownHeading(vendor)}`, "");
    const ofVendor = changes.filter((c) => c.vendor === vendor);
    for (const { group, title } of GROUPS) {
      const items = ofVendor.filter((c) => c.group === group);
      if (items.length === 0) continue;
      out.push(`### ${title}`, "");
      for (const c of items) {
        const text = markdownListItem(c.message);
        const rule = `\`${c.rule}\``;
        out.push(c.anchor === undefined ? `- ${text} (${rule})` : `- [${text}](${linkBase}${c.anchor}) (${rule})`);
      }
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
