import type { DataPath } from "../catalog/locate.js";
import type { Position } from "../catalog/source-file.js";
import type { Change } from "./change.js";
import type { DiffSide } from "./diff-side.js";
import { RULES, type RuleId } from "./rules.js";

/** Collects changes, each placed at a data path of one side's catalog. */
export type Emit = (rule: RuleId, message: string, side: DiffSide, path: DataPath, anchor?: string) => void;

export function collector(changes: Change[]): Emit {
  return (rule, message, side, path, anchor) => {
    changes.push(changeAt(rule, message, { file: side.file, vendor: side.vendor.id, position: side.locate(path) }, anchor));
  };
}

/** Where a change sits: the catalog file, the vendor, and the position in the file. */
export interface ChangePlace {
  readonly file: string;
  readonly vendor: string;
  readonly position: Position;
}

/** One change, its category and group from RULES. */
export function changeAt(rule: RuleId, message: string, place: ChangePlace, anchor?: string): Change {
  const { category, group } = RULES[rule];
  const { line, column } = place.position;
  const change: Change = { rule, category, group, message, file: place.file, line, column, vendor: place.vendor };
  return anchor === undefined ? change : { ...change, anchor };
}
