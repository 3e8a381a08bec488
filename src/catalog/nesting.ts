import type { CST } from "yaml";

/**
 * How deep a catalog may nest: each mapping and sequence, block or flow, is one level, the document's
 * own mapping the first. The format itself needs about ten; past a few thousand the YAML parsers, which
 * recurse, run out of stack, and a limit far below that keeps every thread safe.
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * The yaml library's lexer recurses once per node indicator in a row (`- - - x`, `? ? x`, `&a &b x`),
 * and overflows the stack on a few thousand of them, before any depth could be measured. Such runs
 * are cut short here; a thousand are still read safely.
 */
const MAX_INDICATOR_RUN = 1000;

/** Why a text is refused before it is composed, and where. */
export interface NestingProblem {
  readonly rule: "nesting-too-deep" | "yaml-syntax";
  readonly message: string;
  readonly offset: number;
}

/**
 * Parses a text into CST tokens without overflowing the stack, and finds the first collection nested
 * deeper than MAX_NESTING_DEPTH. Gives the tokens when there is none, so the caller composes them.
 * `parse` is called once per attempt (with a fresh line counter, say).
 */
export function parseTokens(text: string, parse: (text: string) => Iterable<CST.Token>): { tokens: CST.Token[] } | { problem: NestingProblem } {
  const run = firstOverlongIndicatorRun(text);
  if (run !== undefined) {
    // Up to the run's first indicator past the limit, the tokens are those of the whole text (the parser
    // reads forward), and if the run opens collections, one of them is too deep.
    const deep = firstTooDeep([...parse(text.slice(0, run + 1))]);
    if (deep !== undefined) return { problem: tooDeep(deep) };
  }
  let tokens: CST.Token[];
  try {
    // A run that opened nothing was text (a block scalar's, say), which the lexer does not recurse through.
    tokens = [...parse(text)];
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { problem: { rule: "yaml-syntax", message: `more than ${MAX_INDICATOR_RUN} node indicators (-, ?, :, tags, anchors) in a row`, offset: run ?? 0 } };
  }
  const deep = firstTooDeep(tokens);
  return deep === undefined ? { tokens } : { problem: tooDeep(deep) };
}

function tooDeep(offset: number): NestingProblem {
  return {
    rule: "nesting-too-deep",
    message: `a mapping or sequence is nested more than ${MAX_NESTING_DEPTH} levels deep here; a catalog may nest at most ${MAX_NESTING_DEPTH} (the format itself needs about ten)`,
    offset,
  };
}

/** The offset of the first collection at depth MAX_NESTING_DEPTH + 1, in document order; iterative, so any depth is safe. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token): [CST.Token, number] => [token, 0]).reverse();
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [token, depth] = next;
    if (token.type === "document") {
      if (token.value) stack.push([token.value, depth]);
      continue;
    }
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth + 1 > MAX_NESTING_DEPTH) return token.type === "flow-collection" ? token.start.offset : token.offset;
    // Pushed in reverse, so that the earliest child is visited first.
    for (let index = token.items.length - 1; index >= 0; index--) {
      const item = token.items[index] as CST.CollectionItem;
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return undefined;
}

/** The offset of the indicator that makes a run longer than MAX_INDICATOR_RUN, if a line has one. */
function firstOverlongIndicatorRun(text: string): number | undefined {
  // Such a run needs two characters per indicator: only long lines are scanned.
  const minimum = 2 * MAX_INDICATOR_RUN;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > minimum) {
      const found = overlongRunIn(text, start, end);
      if (found !== undefined) return found;
    }
    start = end + 1;
  }
  return undefined;
}

function overlongRunIn(text: string, start: number, end: number): number | undefined {
  let run = 0;
  let at = start;
  while (at < end) {
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    const tokenStart = at;
    while (at < end && !isBlank(text.charCodeAt(at))) at++;
    if (at === tokenStart) break;
    const first = text[tokenStart];
    const indicator = ((first === "-" || first === "?" || first === ":") && at - tokenStart === 1) || first === "!" || first === "&";
    run = indicator ? run + 1 : 0;
    if (run > MAX_INDICATOR_RUN) return tokenStart;
  }
  return undefined;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
