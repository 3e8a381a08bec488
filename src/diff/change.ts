import type { ChangeCategory, ChangeGroup, RuleId } from "./rules.js";

/** One difference between two catalog sets, placed in the new catalog (in the old one for a removal). */
export interface Change {
  /** A stable id from RULES, e.g. CODE_REMOVED. */
  readonly rule: RuleId;
  readonly category: ChangeCategory;
  /** The changelog's group. */
  readonly group: ChangeGroup;
  /** One sentence for a person. */
  readonly message: string;
  /** The catalog file, as shown in diagnostics. */
  readonly file: string;
  /** 1-based line and column in that file. */
  readonly line: number;
  readonly column: number;
  /** The vendor (its id in the new catalogs, or in the old ones when removed). */
  readonly vendor: string;
  /** The docs anchor of the code, code set or case the change is about (in the side that has it), if any. */
  readonly anchor?: string;
}
