import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { OutputFile } from "../render/output-file.js";

/** How a wanted file compares with the output directory. */
export type FileStatus = "unchanged" | "missing" | "modified";

/** A wanted file once compared (and, when writing, staged): its content is no longer held. */
export interface SettledFile {
  readonly path: string;
  readonly vendor: string | null;
  readonly status: FileStatus;
}

/**
 * Compares one wanted file with the output directory and, given a staging directory, writes it there
 * when it differs. Settling files as soon as they are rendered keeps only one vendor's outputs in
 * memory at a time.
 */
export function settleFile(file: OutputFile, outDir: string, staging: string | undefined): SettledFile {
  const status = compareWithDisk(join(outDir, file.path), file.content);
  if (status !== "unchanged" && staging !== undefined) {
    const staged = join(staging, file.path);
    mkdirSync(dirname(staged), { recursive: true });
    writeFileSync(staged, file.content);
  }
  return { path: file.path, vendor: file.vendor, status };
}

function compareWithDisk(path: string, content: string): FileStatus {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return "modified";
    size = stats.size;
  } catch {
    return "missing";
  }
  // Different sizes cannot hold the same text: no need to read the file.
  if (size !== Buffer.byteLength(content)) return "modified";
  return readFileSync(path, "utf8") === content ? "unchanged" : "modified";
}
