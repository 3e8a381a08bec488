import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/** A copy of the bundled catalogs, one of them replaced by the given text. */
function catalogsWith(file: string, text: string): string {
  const dir = tempDir();
  cpSync(CATALOGS, dir, { recursive: true });
  writeFileSync(join(dir, file), text);
  return dir;
}

describe("gen validate", () => {
  it("passes the bundled catalogs with exit 0 and a summary", () => {
    const run = runGen(["validate"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("5 catalogs, 7 code sets, 352 codes: no problems\n");
    expect(run.status).toBe(0);
  });

  it("reports every problem of every file in one run, as file:line:column severity rule message with a code frame", () => {
    const dir = catalogsWith(
      "phonepos.yaml",
      `vendor:
  id: phonepos
  name: PhonePOS
  summary: x
codeSets:
  - id: terminal-error
    typeName: TerminalErrorCode
    title: Terminal Error Codes
    codeKind: digits
    width: 4
    codes:
      - code: "2310"
        name: BATTERY_TOO_LOW
      - code: "2310"
        name: BATTERY_LOW
      - code: "231"
        name: SHORT
`,
    );
    writeFileSync(join(dir, "wlw.yaml"), "vendor: [\n");
    const run = runGen(["validate", "--catalogs", dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.split("\n");
    expect(lines).toContain(`${dir}/phonepos.yaml:14:15 error duplicate-code 2310 is already used by BATTERY_TOO_LOW (line 12) in code set terminal-error`);
    expect(lines).toContain(`${dir}/phonepos.yaml:16:15 error digit-code-width code "231" has 3 digits; code set terminal-error has width 4`);
    expect(lines.some((line) => line.startsWith(`${dir}/wlw.yaml:`) && line.includes(" error yaml-syntax "))).toBe(true);
    expect(run.stderr).toContain('> 14 |       - code: "2310"\n     |               ^');
    expect(lines).toContain("3 errors, 0 warnings");
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it("prints diagnostics as JSON with --format json", () => {
    const dir = catalogsWith("coupon-credit.yaml", "vendor:\n  id: coupon-credit\n  name: x\n  summary: y\ncodeSets: []\n");
    const run = runGen(["validate", "--catalogs", dir, "--format", "json"]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: unknown[]; errors: number; warnings: number };
    expect(report.errors).toBe(1);
    expect(report.diagnostics).toEqual([
      { severity: "error", rule: "empty-value", message: "codeSets must not be empty", file: `${dir}/coupon-credit.yaml`, line: 5, column: 11 },
    ]);
  });

  it("prints an empty diagnostics list as JSON for clean catalogs", () => {
    const run = runGen(["validate", "--format", "json"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ diagnostics: [], errors: 0, warnings: 0 });
  });

  it("exits 1 with a clear message for a catalogs directory that does not exist", () => {
    const run = runGen(["validate", "--catalogs", "no/such/dir"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no/such/dir:0:0 error catalogs-not-found cannot read catalogs directory no/such/dir: no such file or directory");
  });

  it("exits 2 on a usage error", () => {
    expect(runGen(["validate", "--format", "xml"]).status).toBe(2);
    expect(runGen(["validate", "--no-such-option"]).status).toBe(2);
    expect(runGen(["frobnicate", "extra"]).status).toBe(2);
  });

  it("exits 2 when --jobs is not a whole number of at least 1, for every command", () => {
    for (const [command, jobs] of [
      ["validate", "0"],
      ["generate", "-1"],
      ["export", "1.5"],
      ["validate", "two"],
    ] as const) {
      const run = runGen([command, "--jobs", jobs]);
      expect(run.status, `${command} --jobs ${jobs}`).toBe(2);
      expect(run.stderr).toContain(`option '--jobs <count>' argument '${jobs}' is invalid. expected a whole number of at least 1.`);
    }
  });

  it("exits 0 for --help and --version", () => {
    expect(runGen(["--help"]).status).toBe(0);
    const version = runGen(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("refuses catalogs that would take the same vendor id, TypeScript namespace or Java class", () => {
    const dir = tempDir();
    const catalog = (id: string, extra = "") =>
      `vendor:\n  id: ${id}\n  name: N\n  summary: S\n${extra}codeSets:\n  - id: s\n    typeName: Codes\n    title: T\n    codeKind: integer\n    codes:\n      - code: 1\n        name: ONE\n`;
    writeFileSync(join(dir, "ab1.yaml"), catalog("ab1"));
    writeFileSync(join(dir, "ab-1.yaml"), catalog("ab-1", "  javaPackage: com.example\n"));
    writeFileSync(join(dir, "ab1.yml"), catalog("ab1", "  javaPackage: com.other\n"));
    writeFileSync(join(dir, "cd.yaml"), catalog("cd", "  javaPackage: com.example\n"));
    const run = runGen(["validate", "--catalogs", dir]);
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n");
    expect(lines).toContain(
      `${dir}/ab1.yaml:2:7 error vendor-name-collision the TypeScript namespace ab1 of vendor id ab1 is already taken by ${dir}/ab-1.yaml`,
    );
    expect(lines).toContain(`${dir}/ab1.yml:2:7 error duplicate-vendor vendor id ab1 is already taken by ${dir}/ab1.yaml`);
    expect(lines).toContain(`${dir}/cd.yaml:8:15 error vendor-name-collision the Java class com.example.Codes is already taken by ${dir}/ab-1.yaml`);
  });

  it("refuses a vendor class that would be one of the shared Java runtime's, under the run's package prefix too", () => {
    const dir = tempDir();
    const catalog = (id: string, javaPackage: string, typeName: string) =>
      `vendor:\n  id: ${id}\n  name: N\n  summary: S\n  javaPackage: ${javaPackage}\ncodeSets:\n  - id: s\n    typeName: ${typeName}\n    title: T\n    codeKind: integer\n    codes:\n      - code: 1\n        name: ONE\n`;
    writeFileSync(join(dir, "runtime.yaml"), catalog("runtime", "codebook.runtime", "CodebookCode"));
    const run = runGen(["validate", "--catalogs", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(
      `${dir}/runtime.yaml:8:15 error vendor-name-collision the Java class codebook.runtime.CodebookCode is already taken by the shared Java runtime`,
    );
    writeFileSync(join(dir, "runtime.yaml"), catalog("runtime", "com.acme.runtime", "Label"));
    expect(runGen(["validate", "--catalogs", dir]).status).toBe(0);
    const prefixed = runGen(["--catalogs", dir, "--out", tempDir(), "--java-package-prefix", "com.acme"]);
    expect(prefixed.status).toBe(1);
    expect(prefixed.stderr.split("\n")[0]).toBe(
      `${dir}/runtime.yaml:8:15 error vendor-name-collision the Java class com.acme.runtime.Label is already taken by the shared Java runtime`,
    );
    // Without the Java target, there is no runtime to clash with.
    expect(runGen(["--catalogs", dir, "--out", tempDir(), "--java-package-prefix", "com.acme", "--targets", "ts"]).status).toBe(0);
  });

  it("refuses a code set typeName that a nested type of the generated Java takes", () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, "acme.yaml"),
      "vendor:\n  id: acme\n  name: A\n  summary: S\ncodeSets:\n  - id: s\n    typeName: Scope\n    title: T\n    codeKind: integer\n    codes:\n      - code: 1\n        name: ONE\n",
    );
    const run = runGen(["validate", "--catalogs", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${dir}/acme\\.yaml:7:15 error reserved-type-name `));
  });

  it("names both extensions it reads when a directory holds no catalog, and reads a .yml catalog", () => {
    const dir = tempDir();
    const empty = runGen(["validate", "--catalogs", dir]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(`${dir}:0:0 error catalogs-not-found no catalogs (*.yaml or *.yml) found in ${dir}\n1 error, 0 warnings\n`);
    writeFileSync(
      join(dir, "acme.yml"),
      "vendor:\n  id: acme\n  name: A\n  summary: S\ncodeSets:\n  - id: s\n    typeName: Codes\n    title: T\n    codeKind: integer\n    codes:\n      - code: 1\n        name: ONE\n",
    );
    expect(runGen(["validate", "--catalogs", dir]).stdout).toBe("1 catalog, 1 code set, 1 code: no problems\n");
  });
});
