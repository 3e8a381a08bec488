import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS, GEN, ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

/** A fresh output directory generated from the bundled catalogs. */
function generatedDir(): string {
  const out = tempDir();
  expect(runGen(["--out", out]).status).toBe(0);
  return out;
}

function snapshot(dir: string): Map<string, string> {
  return new Map([...readTree(dir)].map(([path, bytes]) => [path, bytes.toString("base64")]));
}

describe("gen (generate)", () => {
  it("writes every target and reports what it did; `gen generate` is the same command", () => {
    const out = tempDir();
    const run = runGen(["generate", "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/: 46 created, 0 updated, 0 removed, 0 unchanged\n$/);
    for (const path of ["ts/index.ts", "ts/phonepos.ts", "ts/codebook-runtime.ts", "docs/index.md", "docs/wlw.md", "catalog.json", ".codebook-manifest.json"]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
  });

  it("writes only files whose content changed: the others keep their mtime", () => {
    const out = generatedDir();
    const old = new Date("2001-01-01T00:00:00Z");
    utimesSync(join(out, "ts/wlw.ts"), old, old);
    writeFileSync(join(out, "ts/phonepos.ts"), "// edited by hand\n");
    const run = runGen(["--out", out]);
    expect(run.stdout).toMatch(/0 created, 1 updated, 0 removed, 45 unchanged/);
    expect(statSync(join(out, "ts/wlw.ts")).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(join(out, "ts/phonepos.ts"), "utf8")).toContain("export { TerminalErrorCode, ");
  });

  it("removes files it generated that nothing produces any more, and only those", () => {
    const catalogs = tempDir();
    cpSync(CATALOGS, catalogs, { recursive: true });
    const out = tempDir();
    expect(runGen(["--catalogs", catalogs, "--out", out]).status).toBe(0);
    writeFileSync(join(out, "docs/notes-by-hand.md"), "mine\n");
    rmSync(join(catalogs, "wlw.yaml"));
    const run = runGen(["--catalogs", catalogs, "--out", out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/8 removed/);
    expect(existsSync(join(out, "ts/wlw.ts"))).toBe(false);
    expect(existsSync(join(out, "ts/wlw.handling.ts"))).toBe(false);
    expect(existsSync(join(out, "java/codebook/wlw"))).toBe(false);
    expect(existsSync(join(out, "docs/wlw.md"))).toBe(false);
    expect(readFileSync(join(out, "docs/notes-by-hand.md"), "utf8")).toBe("mine\n");
  });

  describe("--check", () => {
    it("exits 0 and writes nothing when the output is current", () => {
      const out = generatedDir();
      const before = snapshot(out);
      // Without the cache, which would answer from what it recorded instead of comparing the files.
      const run = runGen(["--check", "--no-cache", "--out", out]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/is up to date \(46 files\)/);
      expect(snapshot(out)).toEqual(before);
    });

    it("lists modified, missing and orphaned files, prints the fixing command, exits 1 and writes nothing", () => {
      const out = generatedDir();
      writeFileSync(join(out, "ts/phonepos.ts"), "// stale\n");
      rmSync(join(out, "docs/wlw.md"));
      const manifest = JSON.parse(readFileSync(join(out, ".codebook-manifest.json"), "utf8")) as { files: { path: string; vendor: string | null }[] };
      manifest.files.push({ path: "ts/retired.ts", vendor: "retired" });
      writeFileSync(join(out, ".codebook-manifest.json"), JSON.stringify(manifest));
      writeFileSync(join(out, "ts/retired.ts"), "// from a vendor that was removed\n");
      const before = snapshot(out);
      const run = runGen(["--check", "--out", out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`  modified  ${out}/ts/phonepos.ts`);
      expect(run.stderr).toContain(`  missing   ${out}/docs/wlw.md`);
      expect(run.stderr).toContain(`  orphaned  ${out}/ts/retired.ts`);
      expect(run.stderr).toContain(`  modified  ${out}/.codebook-manifest.json`);
      expect(run.stderr).toContain(`Run \`npx gen --out ${out}\` to update it.`);
      expect(snapshot(out)).toEqual(before);
      expect(runGen(["--out", out]).status).toBe(0);
      expect(existsSync(join(out, "ts/retired.ts"))).toBe(false);
      expect(runGen(["--check", "--out", out]).status).toBe(0);
    });

    it("finds a file changed without changing its size, byte for byte", () => {
      const out = generatedDir();
      const path = join(out, "docs/phonepos.md");
      const text = readFileSync(path, "utf8");
      // One character for another of the same UTF-8 length, far into the file.
      const at = text.lastIndexOf("a");
      writeFileSync(path, `${text.slice(0, at)}b${text.slice(at + 1)}`);
      const run = runGen(["--check", "--no-cache", "--out", out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`  modified  ${out}/docs/phonepos.md`);
      expect(run.stderr.match(/ {2}modified {2}/g)).toHaveLength(1);
    });

    it("reports every file as missing for an empty output directory", () => {
      const run = runGen(["--check", "--out", tempDir()]);
      expect(run.status).toBe(1);
      expect(run.stderr.match(/ {2}missing {3}/g)).toHaveLength(46);
    });
  });

  describe("--only", () => {
    it("writes only that vendor's files and the shared ones, and leaves the other vendors alone", () => {
      const out = tempDir();
      const run = runGen(["--only", "phonepos", "--out", out]);
      expect(run.status).toBe(0);
      const files = [...readTree(out).keys()];
      expect(files).toEqual([
        ".codebook-manifest.json",
        "catalog.json",
        "docs/index.md",
        "docs/outcomes.md",
        "docs/phonepos.md",
        "java/codebook/phonepos/PhoneposResponses.java",
        "java/codebook/phonepos/PrimaryStatusCode.java",
        "java/codebook/phonepos/TerminalErrorCode.java",
        "java/codebook/runtime/CodebookCode.java",
        "java/codebook/runtime/Label.java",
        "java/codebook/runtime/Placeholder.java",
        "java/codebook/runtime/Placeholders.java",
        "java/codebook/runtime/Retry.java",
        "java/codebook/runtime/RetryPolicy.java",
        "java/codebook/runtime/Severity.java",
        "ts/codebook-handling.ts",
        "ts/codebook-runtime.ts",
        "ts/index.ts",
        "ts/phonepos.handling.ts",
        "ts/phonepos.ts",
        "ts/phonepos/primary-status.ts",
        "ts/phonepos/terminal-error.ts",
      ]);
      expect(runGen(["--only", "phonepos", "--check", "--out", out]).status).toBe(0);
      // A full run then adds the rest, and --only never removes another vendor's files.
      expect(runGen(["--out", out]).status).toBe(0);
      expect(runGen(["--only", "wlw", "--out", out]).stdout).toMatch(/0 created, 0 updated, 0 removed/);
      expect(existsSync(join(out, "ts/secupay.ts"))).toBe(true);
    });

    it("is a usage error for an unknown vendor", () => {
      const run = runGen(["--only", "nobody", "--out", tempDir()]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('unknown vendor "nobody" for --only; known: coupon-credit, external-api, phonepos, secupay, wlw');
    });
  });

  describe("--templates", () => {
    it("overrides built-in templates file by file; the rest fall back", () => {
      const templates = tempDir();
      mkdirSync(join(templates, "docs"));
      writeFileSync(join(templates, "docs/index.md.hbs"), "# Our codes\n{{#each vendors}}\n* {{heading}}\n{{/each}}\n");
      const out = tempDir();
      const run = runGen(["--templates", templates, "--out", out]);
      expect(run.status).toBe(0);
      expect(readFileSync(join(out, "docs/index.md"), "utf8")).toMatch(/^# Our codes\n\* \[Coupon\/Credit API\]\(\.\/coupon-credit\.md\)/);
      expect(readFileSync(join(out, "docs/phonepos.md"), "utf8")).toContain("# PhonePOS");
    });

    it("renders a template that uses more of Handlebars than the compiled subset (@index, #with) through Handlebars itself", () => {
      const templates = tempDir();
      mkdirSync(join(templates, "docs"));
      writeFileSync(join(templates, "docs/index.md.hbs"), "# Our codes\n{{#each vendors}}\n{{@index}}. {{#with this}}{{heading}}{{/with}}\n{{/each}}\n");
      const out = tempDir();
      const run = runGen(["--templates", templates, "--out", out]);
      expect(run.status).toBe(0);
      expect(readFileSync(join(out, "docs/index.md"), "utf8")).toMatch(
        /^# Our codes\n0\. \[Coupon\/Credit API\]\(\.\/coupon-credit\.md\)[^\n]*\n1\. \[External API\]/,
      );
    });

    it("reports a broken template with its file and line, exits 1 and writes nothing", () => {
      const templates = tempDir();
      mkdirSync(join(templates, "ts"));
      writeFileSync(join(templates, "ts/vendor.ts.hbs"), "// ok\n// ok\n{{#each codeSets}}\n{{typeName}\n{{/each}}\n");
      const out = generatedDir();
      const before = snapshot(out);
      const run = runGen(["--templates", templates, "--out", out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`${templates}/ts/vendor.ts.hbs:4:1 error template-error template syntax error`));
      expect(snapshot(out)).toEqual(before);
    });

    it("reports a template that uses a field the view does not have, with its line and column", () => {
      const templates = tempDir();
      mkdirSync(join(templates, "docs"));
      writeFileSync(join(templates, "docs/vendor.md.hbs"), "# {{title}}\n\n{{colour}}\n");
      const out = tempDir();
      const run = runGen(["--templates", templates, "--out", out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${templates}/docs/vendor.md.hbs:3:3 error template-error template refers to "colour", which the view does not provide`);
      expect(readTree(out).size).toBe(0);
    });
  });

  it("refuses a bad catalog with a diagnostic, exit 1, and leaves the output exactly as it was", () => {
    const catalogs = tempDir();
    cpSync(CATALOGS, catalogs, { recursive: true });
    writeFileSync(join(catalogs, "secupay.yaml"), readFileSync(join(catalogs, "secupay.yaml"), "utf8").replace("code: 1002", "code: 1001"));
    const out = generatedDir();
    const before = snapshot(out);
    const run = runGen(["--catalogs", catalogs, "--out", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/secupay\.yaml:\d+:\d+ error duplicate-code 1001 is already used by INVALID_PARAMS/);
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses an output path that is a file", () => {
    const file = join(tempDir(), "file");
    writeFileSync(file, "x");
    const run = runGen(["--out", file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error output-not-directory");
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  // Root writes through any mode bits, so as root the run happens as nobody.
  const asRoot = process.getuid?.() === 0;
  const asNobody = (args: string[]) =>
    spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, GEN, ...args], { cwd: ROOT, encoding: "utf8" });
  const nobodyCanRun = !asRoot || asNobody(["--version"]).status === 0;

  it.skipIf(!nobodyCanRun)("refuses a read-only output directory with a clear message, and leaves it as it was", () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const out = join(parent, "out");
    mkdirSync(out);
    writeFileSync(join(out, "keep.txt"), "mine\n");
    chmodSync(out, 0o555);
    const args = ["--no-cache", "--out", out];
    const run = asRoot ? asNobody(args) : runGen(args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${out}:0:0 error write-failed could not write ${out} (EACCES); it was left as it was`);
    expect(readdirSync(out)).toEqual(["keep.txt"]);
  });
});
