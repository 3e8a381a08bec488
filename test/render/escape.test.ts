import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { javadocLines, javaString } from "../../src/render/escape/java.js";
import { anchorId, htmlText, markdownCell } from "../../src/render/escape/markdown.js";
import { jsDocLines, tsString } from "../../src/render/escape/typescript.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "../property/settings.js";
import { HOSTILE_FRAGMENTS } from "../support/arbitraries.js";

// The escapers take shortcuts for text that needs no escaping. Each must still give exactly what its
// plain definition gives, written here the slow, obvious way, for any text at all.

const anyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS, "\ud800", "\udfff", "\ud83d", "x\ud800y", "a_b", "_a", "a_", "é_1", "😀_😀") },
      { weight: 2, arbitrary: fc.constantFrom("word", "The card", "INVALID_JSON", "für", "0100", "x") },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(""));

const property = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => void) =>
  fc.assert(
    fc.property(arbitrary, (value) => {
      check(value);
    }),
    { numRuns: PROPERTY_RUNS * 5, seed: PROPERTY_SEED },
  );

describe("escaping shortcuts give what the plain definitions give", () => {
  it("tsString is JSON.stringify with U+2028 and U+2029 escaped", () => {
    property(anyText, (text) => {
      expect(tsString(text)).toBe(
        JSON.stringify(text)
          .replace(/\u2028/g, "\\u2028")
          .replace(/\u2029/g, "\\u2029"),
      );
    });
  });

  it("jsDocLines splits at every line break, escapes */ and @tags, and trims line ends", () => {
    property(anyText, (text) => {
      const expected = text
        .replace(/\r\n?|\u2028|\u2029/g, "\n")
        .replace(/\*\//g, "*\\/")
        .replace(/(^|\s)@/g, "$1\\@")
        .split("\n")
        .map((line) => line.replace(/\s+$/, ""));
      expect(jsDocLines(text)).toEqual(expected);
    });
  });

  it("javadocLines escapes HTML, backslashes, @ and */, splits at every line break and trims line ends", () => {
    property(anyText, (text) => {
      const expected = text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\\/g, "&#92;")
        .replace(/@/g, "&#64;")
        .replace(/\*\//g, "*&#47;")
        .replace(/\r\n?|\u2028|\u2029/g, "\n")
        .split("\n")
        .map((line) => line.replace(/\s+$/, ""));
      expect(javadocLines(text)).toEqual(expected);
    });
  });

  it("javaString leaves printable ASCII alone and escapes every other UTF-16 unit", () => {
    property(anyText, (text) => {
      const simple: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
      let expected = '"';
      for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        const char = text.charAt(index);
        if (simple[char] !== undefined) expected += simple[char];
        else if (unit < 0x20 || unit === 0x7f) expected += `\\${unit.toString(8).padStart(3, "0")}`;
        else if (unit > 0x7e) expected += `\\u${unit.toString(16).padStart(4, "0")}`;
        else expected += char;
      }
      expect(javaString(text)).toBe(`${expected}"`);
    });
  });

  it("markdownCell escapes character by character, line by line", () => {
    property(anyText, (text) => {
      expect(markdownCell(text)).toBe(plainMarkdownCell(text));
    });
  });

  it("anchorId keeps [A-Za-z0-9_-] and spells everything else as .hex.", () => {
    property(anyText, (code) => {
      const expected = [...code].map((char) => (/[A-Za-z0-9_-]/.test(char) ? char : `.${char.codePointAt(0)?.toString(16)}.`)).join("");
      expect(anchorId("set", code)).toBe(`set-${expected}`);
    });
  });
});

/** markdownCell by its definition: no shortcut, every character looked at. */
function plainMarkdownCell(text: string): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "{": "&#123;", "}": "&#125;", "`": "&#96;" };
  const wordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  const inline = (line: string) => {
    const chars = [...line];
    const out = chars
      .map((char, index) => {
        if (entities[char] !== undefined) return entities[char];
        if (char === "_") return wordChar(chars[index - 1]) && wordChar(chars[index + 1]) ? "_" : "\\_";
        return "\\*[]~".includes(char) ? `\\${char}` : char;
      })
      .join("");
    return out.replace(/:(?=[\w+-]+:)/g, "&#58;");
  };
  const edge = (run: string, side: "start" | "end") =>
    run.includes("\v") ? (side === "start" ? `<span></span>${run}` : `${run}<span></span>`) : [...run].map((char) => `&#${char.codePointAt(0)};`).join("");
  const edges = (line: string) => line.replace(/^[\s\uFEFF]+/, (run) => edge(run, "start")).replace(/[\s\uFEFF]+$/, (run) => edge(run, "end"));
  return text
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => edges(inline(line)))
    .join("<br>");
}

describe("htmlText", () => {
  it("escapes what HTML and Vue read, and writes every line break as <br>, so no text ends an HTML block", () => {
    expect(htmlText(`a <b> & "q" 'x' {{v}} | * _`)).toBe("a &lt;b&gt; &amp; &quot;q&quot; &#39;x&#39; &#123;&#123;v&#125;&#125; | * _");
    expect(htmlText("one\r\ntwo\n\nthree\u2028four")).toBe("one<br>two<br><br>three<br>four");
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom("\n", "\r\n", "\r", "\u2028", "<", "&amp;", "{{"))).map((parts) => parts.join("")),
        (text) => {
          const html = htmlText(text);
          // Nothing that ends the block or starts markup is left, but the <br>s and the entities.
          expect(html).not.toMatch(/[\n\r\u2028\u2029"'{}]|<(?!br>)|(?<!<br)>|&(?!amp;|lt;|gt;|quot;|#39;|#123;|#125;)/);
          const decoded = html.replace(/<br>/g, "\n").replace(/&(amp|lt|gt|quot|#39|#123|#125);/g, (_, name: string) => DECODED[name] ?? "");
          expect(decoded).toBe(text.split(/\r\n?|\n|\u2028|\u2029/).join("\n"));
        },
      ),
      { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS },
    );
  });
});

const DECODED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#123": "{", "#125": "}" };
