import { plainScalarValue } from "./core-schema.js";

/**
 * Reads the plain block style that catalogs are written in, several times faster than js-yaml: block
 * mappings and sequences indented with spaces, keys that are plain words, one-line scalars (plain,
 * single- or double-quoted) or flow collections of them, and literal block scalars (`|`, `|-`).
 * Comments and blank lines anywhere.
 *
 * It gives exactly what js-yaml gives with the YAML 1.2 core schema (fast-parse.ts), or undefined for
 * anything outside that style or anything js-yaml might refuse: a folded or kept block scalar, a
 * multi-line flow scalar, a tag, anchor or alias, a quoted or numeric key, a duplicate key, a tab or CR,
 * a document marker, a character js-yaml calls non-printable. The caller then asks js-yaml.
 */
export function readYamlSubset(text: string): Record<string, unknown> | undefined {
  // CR ends a line for YAML, even inside a comment, and NUL is refused anywhere; the rest is checked
  // where it matters, in scalars (js-yaml ignores what a comment holds).
  if (text.includes("\r") || text.includes("\0")) return undefined;
  try {
    const reader = new Reader(text);
    if (reader.nextContent() !== 0 || reader.atDash()) return undefined;
    const document = reader.mapping(0);
    return reader.nextContent() === END ? document : undefined;
  } catch {
    // OUTSIDE; anything else thrown would be this reader's bug, and js-yaml then decides (the differential
    // tests are what find such bugs).
    return undefined;
  }
}

/** Thrown where the text leaves the subset, and caught above. */
const OUTSIDE = new Error("outside the YAML subset");
function outside(): never {
  throw OUTSIDE;
}

const END = -1;
/**
 * Deeper nesting is left to js-yaml, which recurses more per level and runs out of stack somewhere past
 * 900 levels; below this limit both always finish, so a text js-yaml refuses is never read here. Catalogs
 * nest about six deep.
 */
const MAX_DEPTH = 64;
/** A key this reader takes: a word that the core schema reads as a string (no null, bool or number). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const NOT_STRING_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "__proto__"]);
/** Characters that cannot start a plain scalar (YAML's c-indicators), where this reader would need more. */
const INDICATORS = new Set([..."-?:,[]{}#&*!|>'\"%@`"]);
const SPACE = 32;

/**
 * A cursor over lines. Each structure starts on its first content line and returns with the cursor on
 * the next content line (or at the end), so its caller can look at that line's indent.
 */
class Reader {
  /** The current line: its start, its end (the newline or the text's end), and a position in it. */
  private line = 0;
  private end = 0;
  private at = 0;

  /** How many mappings and sequences the cursor is inside. */
  private depth = 0;

  /**
   * Keys seen, by a hash of length and first and last character: the same few keys recur on thousands
   * of lines. Only keys that passed PLAIN_KEY and NOT_STRING_KEYS are stored, so a hit needs no check.
   */
  private readonly keys: (string | undefined)[] = new Array(1024);

  constructor(private readonly text: string) {}

  /** Moves to the first line with content (not blank, not only a comment) from the current line; gives its indent, or END. */
  nextContent(): number {
    const text = this.text;
    while (this.line < text.length) {
      let at = this.line;
      while (text.charCodeAt(at) === SPACE) at++;
      const end = text.indexOf("\n", at);
      this.end = end < 0 ? text.length : end;
      const code = text.charCodeAt(at);
      if (at < this.end && code !== 35 /* # */) {
        this.at = at;
        return at - this.line;
      }
      this.line = this.end + 1;
    }
    this.line = this.at = this.end = text.length;
    return END;
  }

  atDash(): boolean {
    return this.text.charCodeAt(this.at) === 45 && this.isBlankAt(this.at + 1);
  }

  /** A block mapping whose keys stand at `indent`, the first at the cursor. */
  mapping(indent: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) outside();
    const result: Record<string, unknown> = {};
    for (;;) {
      this.entryInto(result, indent);
      const next = this.nextContent();
      if (next < indent) break;
      if (next > indent || this.atDash()) outside();
    }
    this.depth--;
    return result;
  }

  /** A block sequence whose dashes stand at `indent`, the first at the cursor. */
  private sequence(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) outside();
    const result: unknown[] = [];
    for (;;) {
      this.at = this.skipSpaces(this.at + 1);
      let item: unknown;
      const bare = this.isEnd(this.at);
      if (bare) item = this.nestedNode(indent, false);
      else if (this.atKey()) item = this.mapping(this.at - this.line);
      else item = this.inlineValueEndingEntry(indent);
      result.push(item);
      const next = this.nextContent();
      // js-yaml puts a shallower dash after an empty item (`-` alone) into this sequence, where YAML puts it into an outer one.
      if (bare && item === null && next >= 0 && next < indent && this.atDash()) outside();
      if (next < indent || (next === indent && !this.atDash())) break;
      if (next > indent) outside();
    }
    this.depth--;
    return result;
  }

  /** One `key: value` at the cursor, into `target`. */
  private entryInto(target: Record<string, unknown>, indent: number): void {
    const colon = this.text.indexOf(":", this.at);
    if (colon < 0 || colon >= this.end || !this.isBlankAt(colon + 1)) outside();
    const key = this.key(this.at, colon);
    if (Object.hasOwn(target, key)) outside();
    this.at = this.skipSpaces(colon + 1);
    target[key] = this.isEnd(this.at) ? this.nestedNode(indent, true) : this.inlineValueEndingEntry(indent);
  }

  /**
   * The value after `key:` or `-` with nothing more on the line: a deeper block, a sequence at the key's
   * own indent (YAML allows that for a mapping's value), or null.
   */
  private nestedNode(indent: number, sequenceMayAlign: boolean): unknown {
    this.line = this.end + 1;
    const next = this.nextContent();
    if (next > indent) {
      if (this.atDash()) return this.sequence(next);
      if (this.atKey()) return this.mapping(next);
      outside();
    }
    return next === indent && sequenceMayAlign && this.atDash() ? this.sequence(next) : null;
  }

  /** A value that starts on its entry's line; the next content line must not be deeper, which would continue it. */
  private inlineValueEndingEntry(indent: number): unknown {
    let value: unknown;
    if (this.text.charCodeAt(this.at) === 124 /* | */) value = this.literal(indent);
    else {
      value = this.inlineValue();
      this.line = this.end + 1;
    }
    if (this.nextContent() > indent) outside();
    return value;
  }

  /**
   * A literal block scalar (`|` or `|-`, no indentation indicator) of an entry at `indent`, as js-yaml
   * reads it: the first content line sets the indentation, which must be deeper than the entry's; empty
   * lines count as line breaks; `|` keeps one final line break and `|-` none. Leaves `line` at the start
   * of the line after it (`end` and `at` are stale until the caller's nextContent).
   */
  private literal(indent: number): string {
    const text = this.text;
    const strip = text.charCodeAt(this.at + 1) === 45; /* - */
    if (!this.isEnd(this.skipSpaces(this.at + (strip ? 2 : 1)))) outside();
    let textIndent = -1;
    let result = "";
    let emptyLines = 0;
    let line = this.end + 1;
    while (line < text.length) {
      let at = line;
      while (text.charCodeAt(at) === SPACE && (textIndent < 0 || at - line < textIndent)) at++;
      const newline = text.indexOf("\n", at);
      const lineEnd = newline < 0 ? text.length : newline;
      if (at === lineEnd) {
        // Spaces on a line before the first content line would set the indentation in js-yaml: left to it.
        if (textIndent < 0 && at > line) outside();
        emptyLines++;
        line = lineEnd + 1;
        continue;
      }
      if (at - line < (textIndent < 0 ? indent + 1 : textIndent)) break;
      result += "\n".repeat(textIndent < 0 ? emptyLines : 1 + emptyLines);
      textIndent = at - line;
      emptyLines = 0;
      for (let i = at; i < lineEnd; i++) if (isUnusual(text.charCodeAt(i))) this.checkUnusual(i);
      result += text.slice(at, lineEnd);
      line = lineEnd + 1;
    }
    if (!strip && textIndent >= 0) result += "\n";
    this.line = Math.min(line, text.length);
    return result;
  }

  /** A scalar or flow collection that ends its line (but for a comment). */
  private inlineValue(): unknown {
    const first = this.text.charCodeAt(this.at);
    let value: unknown;
    if (first === 34 /* " */) value = this.doubleQuoted();
    else if (first === 39 /* ' */) value = this.singleQuoted();
    else if (first === 91 /* [ */ || first === 123 /* { */) value = this.flow();
    else return this.plain();
    if (!this.isEnd(this.skipSpaces(this.at))) outside();
    return value;
  }

  /** A plain scalar, to the end of its line or a comment. */
  private plain(): unknown {
    const text = this.text;
    const start = this.at;
    if (INDICATORS.has(text[start] as string) && !this.plainMayStartWithIndicator(start)) outside();
    let last = start;
    for (let i = start; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 35 /* # */ && text.charCodeAt(i - 1) === SPACE) break;
      if (code === 58 /* : */ && this.isBlankAt(i + 1)) outside();
      if (isUnusual(code)) this.checkUnusual(i);
      if (code !== SPACE) last = i + 1;
    }
    return plainScalarValue(text.slice(start, last));
  }

  /** `-`, `?` and `:` start a plain scalar when a space does not follow ("-1", "-x"); no other indicator does. */
  private plainMayStartWithIndicator(start: number): boolean {
    const code = this.text.charCodeAt(start);
    return (code === 45 || code === 63 || code === 58) && !this.isBlankAt(start + 1);
  }

  private doubleQuoted(): string {
    const text = this.text;
    let result = "";
    let segment = this.at + 1;
    for (let i = segment; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) {
        this.at = i + 1;
        return result + text.slice(segment, i);
      }
      if (isUnusual(code)) this.checkUnusual(i);
      if (code === 92 /* \ */) {
        const [decoded, length] = this.escape(i + 1);
        result += text.slice(segment, i) + decoded;
        i += length;
        segment = i + 1;
      }
    }
    return outside();
  }

  /** A double-quoted escape after its backslash, as js-yaml decodes it, and how many characters it took. */
  private escape(at: number): [string, number] {
    if (at >= this.end) outside();
    const letter = this.text[at] as string;
    const simple = SIMPLE_ESCAPES.get(letter);
    if (simple !== undefined) return [simple, 1];
    const digits = HEX_ESCAPE_LENGTHS.get(letter) ?? outside();
    const hex = this.text.slice(at + 1, at + 1 + digits);
    if (at + digits >= this.end || !/^[0-9A-Fa-f]+$/.test(hex)) outside();
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) outside();
    return [String.fromCodePoint(code), 1 + digits];
  }

  private singleQuoted(): string {
    const text = this.text;
    let result = "";
    let segment = this.at + 1;
    for (let i = segment; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (isUnusual(code)) this.checkUnusual(i);
      if (code !== 39) continue;
      if (i + 1 < this.end && text.charCodeAt(i + 1) === 39) {
        result += text.slice(segment, i + 1);
        segment = i + 2;
        i++;
        continue;
      }
      this.at = i + 1;
      return result + text.slice(segment, i);
    }
    return outside();
  }

  /** `[a, "b"]` or `{ k: v, k2: "w" }` on one line, of scalars only. */
  private flow(): unknown {
    const text = this.text;
    const isMapping = text.charCodeAt(this.at) === 123;
    const close = isMapping ? 125 : 93;
    const items: unknown[] = [];
    const mapping: Record<string, unknown> = {};
    this.at = this.skipSpaces(this.at + 1);
    if (text.charCodeAt(this.at) === close) {
      this.at++;
      return isMapping ? mapping : items;
    }
    for (;;) {
      if (isMapping) {
        const colon = text.indexOf(":", this.at);
        if (colon < 0 || colon >= this.end || text.charCodeAt(colon + 1) !== SPACE) outside();
        const key = this.key(this.at, colon);
        if (Object.hasOwn(mapping, key)) outside();
        this.at = this.skipSpaces(colon + 1);
        mapping[key] = this.flowScalar();
      } else items.push(this.flowScalar());
      const separator = this.skipSpaces(this.at);
      const code = text.charCodeAt(separator);
      this.at = this.skipSpaces(separator + 1);
      if (code === close) return isMapping ? mapping : items;
      if (code !== 44 /* , */ || text.charCodeAt(this.at) === close || this.at >= this.end) outside();
    }
  }

  /** A scalar inside a flow collection: quoted, or plain without indicators, colons or comments. */
  private flowScalar(): unknown {
    const text = this.text;
    const first = text.charCodeAt(this.at);
    if (first === 34) return this.doubleQuoted();
    if (first === 39) return this.singleQuoted();
    const start = this.at;
    if (INDICATORS.has(text[start] as string) && !(first === 45 /* - */ && isFlowPlainSafe(text.charCodeAt(start + 1)))) outside();
    let last = start;
    let i = start;
    for (; i < this.end; i++) {
      const code = text.charCodeAt(i);
      if (code === 44 || code === 93 || code === 125) break;
      if (code === 58 || code === 35 || code === 91 || code === 123) outside();
      if (isUnusual(code)) this.checkUnusual(i);
      if (code !== SPACE) last = i + 1;
    }
    this.at = i;
    return plainScalarValue(text.slice(start, last));
  }

  /** The key from `start` to `end`, if it is one this reader takes; a repeated key is the same string, found without slicing. */
  private key(start: number, end: number): string {
    const text = this.text;
    const slot = ((end - start) * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & 1023;
    const known = this.keys[slot];
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
    const key = text.slice(start, end);
    if (!PLAIN_KEY.test(key) || NOT_STRING_KEYS.has(key)) outside();
    this.keys[slot] = key;
    return key;
  }

  /**
   * A character js-yaml may refuse in a scalar, or this reader leaves to it: controls (tab included), the
   * C1 range but NEL, lone surrogates, U+FFFE and U+FFFF. A surrogate pair is fine.
   */
  private checkUnusual(at: number): void {
    const code = this.text.charCodeAt(at);
    if (code === 0x85 || (code >= 0xe000 && code < 0xfffe)) return;
    if (code < 0xd800 || code >= 0xfffe) outside();
    const paired = code < 0xdc00 ? isLowSurrogate(this.text.charCodeAt(at + 1)) : isHighSurrogate(this.text.charCodeAt(at - 1));
    if (!paired) outside();
  }

  /** Whether the cursor is at `word:` and then a space or the line's end: a compact mapping's first key. */
  private atKey(): boolean {
    const text = this.text;
    let i = this.at;
    // Only a word can be a key here; anything else (a quoted or flow scalar with a colon inside) is a value.
    if (!isKeyStart(text.charCodeAt(i))) return false;
    while (i < this.end && text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== SPACE) i++;
    return i > this.at && text.charCodeAt(i) === 58 && this.isBlankAt(i + 1);
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** Whether `at` is a space or the end of the line or text. */
  private isBlankAt(at: number): boolean {
    return at >= this.end || this.text.charCodeAt(at) === SPACE;
  }

  /** Whether nothing but a comment is left on the line from `at`. */
  private isEnd(at: number): boolean {
    return at >= this.end || (this.text.charCodeAt(at) === 35 && this.text.charCodeAt(at - 1) === SPACE);
  }
}

/** A letter or underscore, as PLAIN_KEY starts. */
function isKeyStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** A character that may follow a plain scalar's leading `-` inside a flow collection (YAML's ns-plain-safe(c)). */
function isFlowPlainSafe(code: number): boolean {
  return code > SPACE && code !== 44 && code !== 91 && code !== 93 && code !== 123 && code !== 125;
}

/** A character worth a closer look in a scalar (checkUnusual): below space, DEL and C1, or from the surrogates up. */
function isUnusual(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code >= 0xd800;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code < 0xe000;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code < 0xdc00;
}

/** js-yaml's one-character escapes. */
const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    "0": "\x00",
    a: "\x07",
    b: "\x08",
    t: "\x09",
    n: "\x0A",
    v: "\x0B",
    f: "\x0C",
    r: "\x0D",
    e: "\x1B",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    N: "\x85",
    _: "\xA0",
    L: "\u2028",
    P: "\u2029",
  }),
);
const HEX_ESCAPE_LENGTHS: ReadonlyMap<string, number> = new Map([
  ["x", 2],
  ["u", 4],
  ["U", 8],
]);
