import { closeSync, openSync, writeSync } from "node:fs";
import { type ExportFraming, exportFraming } from "../model/export-json.js";
import type { Chunk, FileChunk } from "../render/output-file.js";

/**
 * catalog.json, written while the catalogs are processed: each vendor's part is appended as its job
 * finishes, in the order the jobs were claimed (one that finishes early waits, in memory, for those
 * before it), framed as catalog.json frames it. When the vendors' final order (by id) is that order,
 * the file is catalog.json as it stands, and it is linked into place; otherwise catalog.json is put
 * together from the file's parts. Either way no vendor's part is held in memory for long, none is
 * written twice in the common case, and the parts stay readable for the cache.
 */
export class ExportStream {
  private readonly fd: number;
  private readonly framing: ExportFraming;
  /** Bytes written so far. */
  private size = 0;
  /** The next claim position to write. */
  private next = 0;
  private readonly waiting = new Map<number, string | null>();
  /** Where each claim position's part was written. */
  private readonly parts: (FileChunk | undefined)[] = [];
  private written = 0;
  private closed = false;

  constructor(
    readonly file: string,
    comment: string,
  ) {
    this.framing = exportFraming(comment);
    this.fd = openSync(file, "w");
  }

  /** The part for a claim position, or null when that job produced none (an invalid catalog). */
  add(position: number, fragment: string | null): void {
    this.waiting.set(position, fragment);
    for (let part = this.waiting.get(this.next); part !== undefined; part = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      if (part !== null) this.append(this.next, part);
      this.next += 1;
    }
  }

  /** Where a claim position's part was written. */
  part(position: number): FileChunk | undefined {
    return this.parts[position];
  }

  /** Writes the closing bracket and closes the file; afterwards, whole() tells whether the file is the export of `fragments`. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (this.written > 0) this.write(this.framing.tail);
    } finally {
      closeSync(this.fd);
    }
  }

  /**
   * The file as one chunk, if it is exactly the export of these fragments in this order: every one of
   * them written here, each right after the one before it.
   */
  whole(fragments: readonly Chunk[]): FileChunk | undefined {
    if (!this.closed || fragments.length === 0 || fragments.length !== this.written) return undefined;
    const separator = Buffer.byteLength(this.framing.separator);
    let expected = Buffer.byteLength(this.framing.head);
    for (const fragment of fragments) {
      if (typeof fragment === "string" || fragment.file !== this.file || fragment.offset !== expected) return undefined;
      expected = fragment.offset + fragment.bytes + separator;
    }
    return { file: this.file, offset: 0, bytes: this.size };
  }

  private append(position: number, fragment: string): void {
    this.write(this.written === 0 ? this.framing.head : this.framing.separator);
    const bytes = Buffer.from(fragment);
    this.parts[position] = { file: this.file, offset: this.size, bytes: bytes.length };
    this.writeBytes(bytes);
    this.written += 1;
  }

  private write(text: string): void {
    this.writeBytes(Buffer.from(text));
  }

  private writeBytes(bytes: Buffer): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done);
    this.size += bytes.length;
  }
}
