import type { DataPath } from "../catalog/locate.js";
import type { Position } from "../catalog/source-file.js";

/**
 * Finds where a data path sits in a catalog written in the plain block style, from the lines alone:
 * the position-keeping YAML parse takes a fifth of a second per 300 KiB, which would make a diff of a
 * few edited catalogs cost more than validating them all. It gives what locate() gives (the value's
 * start, or the nearest ancestor's when the path ends early), or undefined wherever it is not sure
 * (a flow collection to look into, a quoted key, a tab, an anchor...), and the caller then asks locate().
 */
export function createFastLocator(text: string): (path: DataPath) => Position | undefined {
  let lines: readonly Line[] | undefined;
  return (path) => {
    lines ??= splitLines(text);
    try {
      return walk(lines, path);
    } catch (error) {
      if (error === UNSURE) return undefined;
      throw error;
    }
  };
}

interface Line {
  readonly text: string;
  /** Column of the first character that is not a space; -1 for a blank or comment-only line. */
  readonly indent: number;
}

const UNSURE = new Error("not sure where this is");
function unsure(): never {
  throw UNSURE;
}

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/** Characters that start something this locator does not follow (tags, anchors, aliases, quoted keys...). */
const UNSUPPORTED_START = /^[?&*!%@`'"|>]/;

function splitLines(text: string): Line[] {
  if (text.includes("\t") || text.includes("\r")) unsure();
  return text.split("\n").map((line) => {
    const indent = line.search(/[^ ]/);
    const content = indent < 0 ? "" : line.slice(indent);
    return { text: line, indent: indent < 0 || content.startsWith("#") ? -1 : indent };
  });
}

/** A node: where it starts, and whether it is a mapping, a sequence, or something not to look into. */
interface Node {
  readonly line: number;
  readonly column: number;
  readonly kind: "mapping" | "sequence" | "scalar" | "flow";
}

function walk(lines: readonly Line[], path: DataPath): Position {
  const first = nextContent(lines, 0);
  if (first < 0 || lines[first]?.indent !== 0 || lines[first]?.text.startsWith("---")) unsure();
  let node: Node = nodeAt(lines, first, 0);
  if (node.kind !== "mapping") unsure();
  for (const segment of path) {
    if (node.kind === "flow") unsure();
    const child =
      node.kind === "mapping"
        ? valueAt(lines, node, String(segment))
        : node.kind === "sequence" && typeof segment === "number"
          ? itemOf(lines, node, segment)
          : undefined;
    if (child === undefined) break;
    node = child;
  }
  return { line: node.line + 1, column: node.column + 1 };
}

function nodeAt(lines: readonly Line[], line: number, column: number): Node {
  const rest = lines[line]?.text.slice(column) ?? "";
  if (rest === "-" || rest.startsWith("- ")) return { line, column, kind: "sequence" };
  if (UNSUPPORTED_START.test(rest)) unsure();
  if (rest.startsWith("[") || rest.startsWith("{")) return { line, column, kind: "flow" };
  if (KEY.test(rest)) return { line, column, kind: "mapping" };
  return { line, column, kind: "scalar" };
}

/** The value of a key of a block mapping; undefined when the mapping has no such key (every key was read). */
function valueAt(lines: readonly Line[], mapping: Node, key: string): Node | undefined {
  for (const { line, rest } of linesAtColumn(lines, mapping)) {
    // A sequence may sit at its key's own indent: its items are the key's value, not keys.
    if (rest === "-" || rest.startsWith("- ")) continue;
    const match = KEY.exec(rest);
    if (!match) unsure();
    if (match[1] !== key) continue;
    const valueColumn = mapping.column + match[0].length;
    const value = (lines[line] as Line).text.slice(valueColumn);
    if (value !== "" && !value.startsWith("#")) return nodeAt(lines, line, valueColumn);
    const below = nextContent(lines, line + 1);
    const child = lines[below];
    if (child === undefined) unsure();
    const text = child.text.slice(child.indent);
    if (child.indent > mapping.column || (child.indent === mapping.column && (text === "-" || text.startsWith("- "))))
      return nodeAt(lines, below, child.indent);
    // `key:` with nothing under it is null, whose position this locator does not guess.
    unsure();
  }
  return undefined;
}

/** The index-th item of a block sequence; undefined past its end. */
function itemOf(lines: readonly Line[], sequence: Node, index: number): Node | undefined {
  let count = 0;
  for (const { line, rest } of linesAtColumn(lines, sequence)) {
    if (rest !== "-" && !rest.startsWith("- ")) return undefined;
    if (count++ < index) continue;
    const offset = rest.slice(1).search(/[^ ]/);
    // An item that starts on the next line, or a comment after the dash: left to locate().
    if (offset < 0 || rest[offset + 1] === "#") unsure();
    return nodeAt(lines, line, sequence.column + 1 + offset);
  }
  return undefined;
}

/**
 * The lines of a block node that start at its column (its keys, or its items' dashes), from its first
 * line to the first line indented less; deeper lines belong to its children.
 */
function* linesAtColumn(lines: readonly Line[], node: Node): Generator<{ line: number; rest: string }> {
  for (let line = node.line; line >= 0 && line < lines.length; line = nextContent(lines, line + 1)) {
    const current = lines[line] as Line;
    if (line !== node.line && current.indent < node.column) return;
    if (line === node.line || current.indent === node.column) yield { line, rest: current.text.slice(node.column) };
  }
}

function nextContent(lines: readonly Line[], from: number): number {
  for (let line = from; line < lines.length; line++) if ((lines[line] as Line).indent >= 0) return line;
  return -1;
}
