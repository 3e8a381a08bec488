import type { DataPath } from "../catalog/locate.js";
import type { Change } from "./change.js";
import type { DiffSide } from "./diff-side.js";
import { RULES, type RuleId } from "./rules.js";

/** Collects changes, each placed at a data path of one side's catalog. */
export type Emit = (rule: RuleId, message: string, side: DiffSide, path: DataPath, anchor?: string) => void;

export function collector(changes: Change[]): Emit {
  return (rule, message, side, path, anchor) => {
    const { line, column } = side.locate(path);
    const { category, group } = RULES[rule];
    const change: Change = { rule, category, group, message, file: side.file, line, column, vendor: side.vendor.id };
    changes.push(anchor === undefined ? change : { ...change, anchor });
  };
}
