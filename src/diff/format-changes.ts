import { githubCommand } from "../diagnostics/format.js";
import { markdownHeading, markdownListItem } from "../render/escape/markdown.js";
import type { Change } from "./change.js";
import { groupChanges } from "./group-changes.js";
import { CATEGORY_ORDER, type ChangeCategory, failsOn } from "./rules.js";

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

/**
 * A changelog: per vendor, the changes grouped by added, retired, changed and removed, each linking to
 * its code's anchor in the docs (`linkBase` goes before `<vendor>.md#...`; empty when the changelog
 * sits beside the vendor pages).
 */
export function formatChangesMarkdown(changes: readonly Change[], against: string, linkBase = ""): string {
  const out = [`# Changes since ${markdownHeading(against)}`, ""];
  if (changes.length === 0) return `${[...out, `No code changes since ${markdownListItem(against)}.`].join("\n")}\n`;
  for (const { vendor, groups } of groupChanges(changes)) {
    out.push(`## ${markdownHeading(vendor)}`, "");
    for (const { title, changes: items } of groups) out.push(`### ${title}`, "", ...items.map((change) => changeListItem(change, linkBase)), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** `- [message](link) (`RULE`)`, or without the link for what no page shows any more. */
export function changeListItem(change: Change, linkBase = ""): string {
  const text = markdownListItem(change.message);
  const rule = `\`${change.rule}\``;
  return change.anchor === undefined ? `- ${text} (${rule})` : `- [${text}](${linkBase}${change.anchor}) (${rule})`;
}
