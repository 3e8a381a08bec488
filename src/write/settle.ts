import { closeSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Chunk, type Content, contentBytes, type OutputFile } from "../render/output-file.js";

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
  if (typeof content === "string") {
    inDirectory(path, () => writeFileSync(path, content));
    return;
  }
  const fd = inDirectory(path, () => openSync(path, "w"));
  try {
    for (const chunk of content) writeAll(fd, chunkBytes(chunk));
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a file with `create`, making its directory first if it is missing. Trying first saves a
 * recursive mkdir per file: all but the first file of a directory find it there.
 */
function inDirectory<T>(path: string, create: () => T): T {
  try {
    return create();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(path), { recursive: true });
    return create();
  }
}

/** A chunk's bytes: encoded text, or a spooled or cached file read only now, one at a time. */
function chunkBytes(chunk: Chunk): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : readFileSync(chunk.file);
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
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
  return sameChunks(path, content) ? "unchanged" : "modified";
}

/** Compares a file of the right size with chunked content, reading both a chunk at a time. */
function sameChunks(path: string, content: readonly Chunk[]): boolean {
  const fd = openSync(path, "r");
  try {
    let position = 0;
    for (const chunk of content) {
      const wanted = chunkBytes(chunk);
      const existing = Buffer.allocUnsafe(wanted.length);
      for (let read = 0; read < wanted.length; ) {
        const count = readSync(fd, existing, read, wanted.length - read, position + read);
        if (count === 0) return false;
        read += count;
      }
      if (!existing.equals(wanted)) return false;
      position += wanted.length;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}
