import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileTypeScript } from "../support/compile.js";
import { compileJavaTree, javaRuntimeFiles } from "../support/java.js";
import { FIXTURES } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

const CATALOG_DIR = join(FIXTURES, "valid/retired");
const REASON = 'The old parser is gone; "quotes" */ and a backslash \\ stay verbatim.';

interface Api {
  fromCode(code: string | number): unknown;
  values(): readonly unknown[];
  parse(code: string | number): { known: boolean; code: unknown; retired?: { name: string; since: string; reason: string; replacement: string | null } };
  [member: string]: unknown;
}

describe("retired codes in the generated code and docs", () => {
  const out = tempDir();
  beforeAll(() => {
    expect(runGen(["--catalogs", CATALOG_DIR, "--out", out, "--no-cache"]).status).toBe(0);
  });

  it("TypeScript compiles in strict mode", () => {
    const result = compileTypeScript(join(out, "ts"), ["index.ts"]);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("TypeScript: retired codes leave the enum, and parse() tells them from unknown codes", async () => {
    const module = (await import(join(out, "ts/retiring.ts"))) as Record<string, Api>;
    const terminal = module.TerminalCode as Api;
    expect(terminal.values()).toEqual(["0100"]);
    expect(terminal.OLD_PARSER_ERROR).toBeUndefined();
    expect(terminal.fromCode("0101")).toBeNull();
    const retired = { name: "OLD_PARSER_ERROR", since: "2.0", reason: REASON, replacement: "INVALID_JSON" };
    expect(terminal.parse("0101")).toEqual({ known: false, code: "0101", retired });
    expect(terminal.parse(101)).toEqual({ known: false, code: 101, retired });
    expect(terminal.parse("101")).toEqual({ known: false, code: "101" });
    expect(terminal.parse("0100")).toMatchObject({ known: true, code: "0100" });
    const status = module.StatusCode as Api;
    expect(status.parse(2)).toEqual({ known: false, code: 2, retired: { name: "LEGACY", since: "2024-05-01", reason: "No longer sent.", replacement: null } });
    expect(status.parse("02")).toEqual({ known: false, code: "02" });
    expect(status.parse(3)).toEqual({ known: false, code: 3 });
    const kinds = module.KindCode as Api;
    expect(kinds.values()).toEqual(["NEW"]);
    expect(kinds.parse("OLD").retired?.name).toBe("OLD");
  });

  it("TypeScript: parseResponse recognises a retired code as retired, not as unknown", async () => {
    const module = (await import(join(out, "ts/retiring.ts"))) as { parseResponse(body: unknown): { errors: Record<string, unknown>[] } };
    const [retired, legacy, live, unknown] = [
      ...module.parseResponse({ errorCode: "0101", status: 2 }).errors,
      ...module.parseResponse({ errorCode: "0100", status: 3 }).errors,
    ];
    expect(retired).toMatchObject({ known: false, retired: true, codeSet: "terminal", code: "0101", name: "OLD_PARSER_ERROR", basis: "default" });
    expect(legacy).toMatchObject({ known: false, retired: true, codeSet: "status", code: 2, name: "LEGACY" });
    expect(live).toMatchObject({ known: true, retired: false, code: "0100", name: "INVALID_JSON" });
    expect(unknown).toMatchObject({ known: false, retired: false, code: 3, name: null });
  });

  it("Java: parseResponse gives the same as the TypeScript for retired, live and unknown codes", async () => {
    const module = (await import(join(out, "ts/retiring.ts"))) as { parseResponse(body: unknown): unknown };
    const classes = tempDir("codebook-retired-responses-");
    const bodies: [string, string][] = [
      ['java.util.Map.of("errorCode", "0101")', "0101"],
      ['java.util.Map.of("status", 2)', "s2"],
      ['java.util.Map.of("errorCode", "0100")', "0100"],
      ['java.util.Map.of("status", 3)', "s3"],
    ];
    const probe = `import codebook.retiring.*;
public final class ResponsesProbe {
    public static void main(String[] args) {
${bodies.map(([body]) => `        System.out.println(RetiringResponses.parseResponse(${body}, null).toJson());`).join("\n")}
    }
}
`;
    writeFileSync(join(classes, "ResponsesProbe.java"), probe);
    const dir = join(out, "java/codebook/retiring");
    const compiled = compileJavaTree(
      [...readdirSync(dir).map((name) => join(dir, name)), ...javaRuntimeFiles(join(out, "java")), join(classes, "ResponsesProbe.java")],
      classes,
    );
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", classes, "ResponsesProbe"], { encoding: "utf8" });
    const expected = [{ errorCode: "0101" }, { status: 2 }, { errorCode: "0100" }, { status: 3 }].map((body) => JSON.stringify(module.parseResponse(body)));
    expect(run.stdout.trimEnd().split("\n")).toEqual(expected);
    expect(run.stdout).toContain('"known":false,"retired":true,"codeSet":"terminal","code":"0101","name":"OLD_PARSER_ERROR"');
  });

  it("Java compiles with -Xlint:all -Werror; retired(code) recognises retired codes, fromCode does not", () => {
    const dir = join(out, "java/codebook/retiring");
    const classes = tempDir("codebook-retired-java-");
    const probe = `import codebook.retiring.*;
public final class Probe {
    public static void main(String[] args) {
        System.out.println(TerminalCode.values().length + " " + TerminalCode.fromCode("0101") + " " + TerminalCode.retired("0101"));
        System.out.println(TerminalCode.retired(101).name() + " " + TerminalCode.retired("0100") + " " + TerminalCode.retired("101"));
        System.out.println(StatusCode.retired(2) + " " + StatusCode.retired("02") + " " + StatusCode.fromCode(2));
        System.out.println(KindCode.values().length + " " + KindCode.retired("OLD").since() + " " + KindCode.retired("NEW"));
    }
}
`;
    writeFileSync(join(classes, "Probe.java"), probe);
    const files = readdirSync(dir).map((name) => join(dir, name));
    const compiled = compileJavaTree([...files, ...javaRuntimeFiles(join(out, "java")), join(classes, "Probe.java")], classes);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", classes, "Probe"], { encoding: "utf8" });
    expect(run.stdout.split("\n")).toEqual([
      `1 null Retired[code=0101, name=OLD_PARSER_ERROR, since=2.0, reason=${REASON}, replacement=INVALID_JSON]`,
      "OLD_PARSER_ERROR null null",
      "Retired[code=2, name=LEGACY, since=2024-05-01, reason=No longer sent., replacement=null] null null",
      "1 1.0 null",
      "",
    ]);
  });

  it("the docs keep a retired code, struck through with the reason", () => {
    const page = readFileSync(join(out, "docs/retiring.md"), "utf8");
    const entry = (id: string) => page.slice(page.indexOf(`<article class="cb-entry" id="${id}"`), page.indexOf("</article>", page.indexOf(`id="${id}"`)));
    const parser = entry("terminal-0101");
    expect(parser).toContain('<span class="cb-name"><s>OLD_<wbr>PARSER_<wbr>ERROR</s></span> <span class="cb-badge">retired</span>');
    expect(parser).toContain("<dt>Retired</dt><dd>since 2.0: The old parser is gone; &quot;quotes&quot; */ and a backslash \\ stay verbatim.</dd>");
    expect(parser).toContain("<dt>Replaced by</dt><dd><code>INVALID_JSON</code></dd>");
    const legacy = entry("status-2");
    expect(legacy).toContain("<s>LEGACY</s>");
    expect(legacy).toContain("<dt>Retired</dt><dd>since 2024-05-01: No longer sent.</dd>");
    expect(legacy).not.toContain("Replaced by");
  });
});
