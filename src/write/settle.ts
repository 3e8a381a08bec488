import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Chunk, type Content, contentBytes, type FileChunk, type OutputFile } from "../render/output-file.js";

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
  if (status !== "unchanged" && staging !== undefined) writeContent(staging, file.path, file.content);
  return { path: file.path, vendor: file.vendor, status };
}

/** Writes content to a new file at `relative` below `root` (which must exist), chunk by chunk when it comes in chunks. */
export function writeContent(root: string, relative: string, content: Content): void {
  const path = join(root, relative);
  if (typeof content === "string") {
    inDirectory(root, relative, () => writeFileSync(path, content));
    return;
  }
  const whole = content.length === 1 ? wholeFile(content[0]) : undefined;
  if (whole !== undefined) {
    inDirectory(root, relative, () => linkOrCopy(whole, path));
    return;
  }
  const fd = inDirectory(root, relative, () => openSync(path, "w"));
  try {
    for (const chunk of content) writeAll(fd, chunkBytes(chunk));
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a file with `create`, making its directory first if it is missing. Trying first saves the
 * mkdirs: all but the first file of a directory find it there. The directories are made one by one
 * below root, never root itself: once an interrupted run has removed its staging directory, a worker
 * thread still writing cannot bring it back.
 */
function inDirectory<T>(root: string, relative: string, create: () => T): T {
  try {
    return create();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const parts = dirname(relative).split("/");
    for (let depth = 1; depth <= parts.length && parts[0] !== "."; depth++) {
      try {
        mkdirSync(join(root, ...parts.slice(0, depth)));
      } catch (mkdirError) {
        if ((mkdirError as NodeJS.ErrnoException).code !== "EEXIST") throw mkdirError;
      }
    }
    return create();
  }
}

/** A chunk's bytes: encoded text, or a stretch of a file (this run's catalog.json stream, a cache entry) read only now. */
export function chunkBytes(chunk: Chunk): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : readRange(chunk.file, chunk.offset, chunk.bytes);
}

/** Exactly `length` bytes of a file from `offset`: a file that ends before is an I/O error. */
function readRange(file: string, offset: number, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const bytes = readAt(fd, length, offset);
    if (bytes.length < length) throw Object.assign(new Error(`${file} ended early`), { code: "EIO" });
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** The file a chunk holds in full, if it does: such content is linked into place rather than read and written again. */
function wholeFile(chunk: Chunk | undefined): string | undefined {
  if (chunk === undefined || typeof chunk === "string" || chunk.offset !== 0) return undefined;
  return statSync(chunk.file, { throwIfNoEntry: false })?.size === chunk.bytes ? chunk.file : undefined;
}

/** A second name for the file (it stays readable where it is); a copy where links are not to be had (another filesystem). */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    copyFileSync(from, to);
  }
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
  return sameBytes(path, typeof content === "string" ? [content] : content) ? "unchanged" : "modified";
}

/**
 * Whether a file that stat found the right size holds exactly the content's bytes, compared a block at a
 * time (a chunk may be a whole catalog.json of tens of megabytes, never read in one piece), and ends
 * with them: a file that grew since stat differs.
 */
function sameBytes(path: string, content: readonly Chunk[]): boolean {
  const fd = openSync(path, "r");
  try {
    let position = 0;
    for (const chunk of content) {
      const pieces = typeof chunk === "string" ? [Buffer.from(chunk)] : fileBlocks(chunk);
      for (const wanted of pieces) {
        if (!readAt(fd, wanted.length, position).equals(wanted)) return false;
        position += wanted.length;
      }
    }
    return readAt(fd, 1, position).length === 0;
  } finally {
    closeSync(fd);
  }
}

const BLOCK_BYTES = 1 << 20;

/** A file chunk's bytes in blocks of at most BLOCK_BYTES. */
function* fileBlocks(chunk: FileChunk): Generator<Buffer> {
  for (let done = 0; done < chunk.bytes; done += BLOCK_BYTES) yield readRange(chunk.file, chunk.offset + done, Math.min(BLOCK_BYTES, chunk.bytes - done));
}

/** Up to `length` bytes at `position` (fewer only at the end of the file). */
function readAt(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const count = readSync(fd, bytes, read, length - read, position + read);
    if (count === 0) break;
    read += count;
  }
  return read === length ? bytes : bytes.subarray(0, read);
}
