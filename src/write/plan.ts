import { contentText, type OutputFile } from "../render/output-file.js";

/** What the output directory holds now, as far as gen cares: the content of each path it may touch. */
export type CurrentFiles = ReadonlyMap<string, string | undefined>;

/** The difference between what gen produces and what is on disk. */
export interface WritePlan {
  /** Files to create or overwrite. */
  readonly write: readonly OutputFile[];
  /** Paths whose content differs. */
  readonly modified: readonly string[];
  /** Paths that do not exist yet. */
  readonly missing: readonly string[];
  /** Paths gen generated before that nothing produces any more. */
  readonly orphaned: readonly string[];
  /** How many files are already current. */
  readonly unchanged: number;
}

/** Compares the wanted files with the current ones. Pure. `previous` lists what gen generated last time. */
export function planWrite(files: readonly OutputFile[], current: CurrentFiles, previous: readonly string[]): WritePlan {
  const wanted = new Set(files.map((file) => file.path));
  const write: OutputFile[] = [];
  const modified: string[] = [];
  const missing: string[] = [];
  let unchanged = 0;
  for (const file of files) {
    const existing = current.get(file.path);
    if (existing === contentText(file.content)) {
      unchanged += 1;
      continue;
    }
    write.push(file);
    (existing === undefined ? missing : modified).push(file.path);
  }
  const orphaned = [...new Set(previous)].filter((path) => !wanted.has(path) && current.get(path) !== undefined).sort();
  return { write, modified, missing, orphaned, unchanged };
}

export function isCurrent(plan: WritePlan): boolean {
  return plan.write.length === 0 && plan.orphaned.length === 0;
}
