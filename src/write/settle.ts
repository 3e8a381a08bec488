import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Content, contentBytes, type OutputFile } from "../render/output-file.js";

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
  if (status !== "unchanged" && staging !== undefined) writeContent(join(staging, file.path), file.content);
  return { path: file.path, vendor: file.vendor, status };
}

/** Writes content to a new file, chunk by chunk when it comes in chunks. */
export function writeContent(path: string, content: Content): void {
  mkdirSync(dirname(path), { recursive: true });
  if (typeof content === "string") {
    writeFileSync(path, content);
    return;
  }
  const fd = openSync(path, "w");
  try {
    for (const chunk of content) {
      if (typeof chunk === "string") writeSync(fd, chunk);
      else writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}

function compareWithDisk(path: string, content: Content): FileStatus {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return "modified";
    size = stats.size;
  } catch {
    return "missing";
  }
  // Different sizes cannot hold the same text: no need to read the file.
  if (size !== contentBytes(content)) return "modified";
  if (typeof content === "string") return readFileSync(path, "utf8") === content ? "unchanged" : "modified";
  // Chunked content is too large for one string: compare bytes, chunk by chunk.
  const existing = readFileSync(path);
  let offset = 0;
  for (const chunk of content) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (!existing.subarray(offset, offset + bytes.length).equals(bytes)) return "modified";
    offset += bytes.length;
  }
  return "unchanged";
}
