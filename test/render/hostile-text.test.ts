import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogs } from "../../src/catalog/load-catalogs.js";
import { compileTypeScript } from "../support/compile.js";
import { CONFORMANCE_HARNESS, compileJavaTree, hex, javaRuntimeFiles, runConformance } from "../support/java.js";
import { FIXTURES, ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

const CATALOG_DIR = join(FIXTURES, "valid/hostile");

/** Every text of the hostile catalog, as the YAML parser reads it: what the outputs must hold unchanged. */
const raw = loadCatalogs(CATALOG_DIR, ROOT).catalogs[0]?.catalog;

describe("hostile catalog text", () => {
  const out = tempDir();
  beforeAll(() => {
    const run = runGen(["--catalogs", CATALOG_DIR, "--out", out]);
    expect(run.status).toBe(0);
  });

  it("generates TypeScript that compiles in strict mode", () => {
    const result = compileTypeScript(join(out, "ts"), ["index.ts"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("generates TypeScript that returns every text unchanged", async () => {
    const module = (await import(join(out, "ts/hostile.ts"))) as Record<string, unknown>;
    const digits = module.HostileDigits as { fromCode(c: string): string | null; info(m: string): Record<string, unknown> };
    const set = raw?.codeSets[0];
    for (const code of set?.codes ?? []) {
      const member = digits.fromCode(String(code.code));
      expect(member).toBe(code.code);
      const info = digits.info(member as string);
      expect(info.message).toBe(code.message ?? null);
      expect(info.description).toBe(code.description ?? null);
      expect(info.action).toBe(code.action ?? null);
      expect(info.alternativeMessages).toEqual(code.alternativeMessages ?? []);
      expect(info.endpoints).toEqual(code.endpoints ?? []);
      expect(Object.fromEntries(info.translations as Map<string, unknown>)).toEqual(code.translations ?? {});
    }
    const symbolic = module.HostileSymbolic as { fromCode(c: string): string | null; values(): string[] };
    expect(symbolic.fromCode("A|B</script>{{x}}*/`")).toBe("A|B</script>{{x}}*/`");
    expect(symbolic.fromCode("__proto__")).toBe("__proto__");
    expect(symbolic.fromCode("constructor")).toBe("constructor");
    expect(symbolic.fromCode("toString")).toBeNull();
    const integers = module.HostileInteger as { fromCode(c: string | number): number | null };
    expect(integers.fromCode(-5)).toBe(-5);
    expect(integers.fromCode("-5")).toBe(-5);
    expect(integers.fromCode(2147483647)).toBe(2147483647);
    expect(integers.fromCode(2147483648)).toBeNull();
    const format = (module.HostileDigits as unknown as { format(m: string, v: object, o?: object): string }).format;
    expect(format("0002", { url: "$& {url} `x`" })).toBe("Visit $& {url} `x` now */ `x` | {{y}}");
    expect(format("0002", { url: "U" }, { locale: "de" })).toBe("Besuche U jetzt");
    const uncoded = (module.HostileDigits as unknown as { matchUncoded(s: number, m: string): { name: string } | null }).matchUncoded;
    expect(uncoded(409, set?.uncoded?.[0]?.message ?? "")?.name).toBe("HOSTILE_UNCODED");
  });

  it("generates Java that compiles with -Xlint:all -Werror and returns every text unchanged", () => {
    const dir = join(out, "java/codebook/hostile");
    const files = readdirSync(dir).map((name) => join(dir, name));
    const classes = tempDir("codebook-hostile-java-");
    writeFileSync(join(classes, "Conformance.java"), CONFORMANCE_HARNESS);
    const compiled = compileJavaTree([...files, ...javaRuntimeFiles(join(out, "java")), join(classes, "Conformance.java")], classes);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const text = (value: string | undefined) => (value === undefined ? "-" : hex(value));
    const probes: string[] = [];
    const expected: string[] = [];
    for (const set of raw?.codeSets ?? []) {
      for (const code of set.codes) {
        probes.push(`V codebook.hostile.${set.typeName} ${code.name}`);
        expected.push(`${String(code.code)} ${text(code.message)} ${text(code.description)}`);
        probes.push(`S codebook.hostile.${set.typeName} ${hex(String(code.code))}`);
        expected.push(code.name);
      }
    }
    const uncoded = raw?.codeSets[0]?.uncoded?.[0];
    probes.push(`U codebook.hostile.HostileDigits 409 ${hex(uncoded?.message ?? "")}`);
    expected.push("HOSTILE_UNCODED");
    expect(runConformance(classes, probes)).toEqual(expected);
    // The deprecation reason reaches the Javadoc escaped once and whole ($& and $1 are text, not patterns).
    expect(readFileSync(join(dir, "HostileDigits.java"), "utf8")).toContain("     * @deprecated costs $&amp; and $1 more. Ends *&#47; here,");
  });

  it("generates JSON that holds every text unchanged", () => {
    const { $comment, ...json } = JSON.parse(readFileSync(join(out, "catalog.json"), "utf8")) as {
      $comment: string;
      vendors: { codeSets: { codes: unknown[] }[] }[];
    };
    expect($comment).toContain("Generated by codebook");
    const codes = json.vendors[0]?.codeSets[0]?.codes as Record<string, unknown>[];
    expect(codes[0]?.message).toBe(raw?.codeSets[0]?.codes[0]?.message);
    expect(codes[0]?.translations).toEqual(raw?.codeSets[0]?.codes[0]?.translations);
    expect(json.vendors[0]).toMatchObject({ name: raw?.vendor.name, summary: raw?.vendor.summary });
  });

  it("generates Markdown without tables, whose text stays text", () => {
    const page = readFileSync(join(out, "docs/hostile.md"), "utf8");
    // A docs site reads the front matter as YAML and renders only what follows.
    const front = /^---\n([\s\S]*?)\n---\n/.exec(page)?.[1] ?? "";
    expect(front).toMatch(/^title: ".*"\ndescription: ".*"$/);
    const markdown = page.slice(front.length + 9);
    const md = new MarkdownIt({ html: true });
    const tokens = md.parse(markdown, {});
    let tables = 0;
    let columns = 0;
    let cells = 0;
    for (const token of tokens) {
      if (token.type === "table_open") tables += 1;
      if (token.type === "tr_open") cells = 0;
      if (token.type === "th_open" || token.type === "td_open") cells += 1;
      if (token.type === "thead_open") columns = -1;
      if (token.type === "tr_close") {
        if (columns === -1) columns = cells;
        else expect(cells).toBe(columns);
      }
    }
    // The error response's fields and the codes are entries, not tables: no text can break a row.
    expect(tables).toBe(0);
    const html = md.render(markdown);
    // No catalog text may become markup: the only tags are the ones the template writes.
    expect(html).not.toMatch(/<script|<b>|<i>|<endpoint>|<v>/);
    expect(html).toContain("&lt;/script&gt;");
    expect(html).toContain("&lt;endpoint&gt;|x");
    // VitePress compiles the rendered HTML as a Vue template: all of it must sit inside one v-pre element.
    const body = html.replace(/^<!--[\s\S]*?-->\n/gm, "").trim();
    expect(body.startsWith("<div v-pre>")).toBe(true);
    expect(body.endsWith("</div>")).toBe(true);
    // The entries' own <div>s nest inside it: the v-pre element closes only at the very end.
    let depth = 0;
    const divs = [...body.matchAll(/<(\/?)div\b/g)];
    for (const [index, div] of divs.entries()) {
      depth += div[1] === "/" ? -1 : 1;
      if (depth === 0) expect(index).toBe(divs.length - 1);
    }
    expect(html).toContain("{{x}}");
  });
});
