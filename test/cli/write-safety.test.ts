import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS, GEN, ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

// What a careful user or a hostile repository can put in an output directory: gen must delete or
// replace nothing but the regular files it wrote, and say so when it refuses.

const MANIFEST = ".codebook-manifest.json";

/** A fresh output directory generated from the bundled catalogs. */
function generatedDir(): string {
  const out = tempDir();
  expect(runGen(["--out", out, "--no-cache"]).status).toBe(0);
  return out;
}

/** Adds entries to the manifest, as a hand edit or a repository could. */
function addManifestEntries(out: string, ...paths: string[]): void {
  const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { files: { path: string; vendor: string | null }[] };
  manifest.files.push(...paths.map((path) => ({ path, vendor: null })));
  writeFileSync(join(out, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

const gen = (out: string, ...extra: string[]) => runGen(["--out", out, "--no-cache", ...extra]);

describe("gen removes only regular files its manifest lists, inside the output directory", () => {
  it("does not follow a symlink out of the output directory to delete a file there", () => {
    const out = generatedDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, "victim.txt"), "not gen's\n");
    symlinkSync(elsewhere, join(out, "link"));
    addManifestEntries(out, "link/victim.txt");
    const run = gen(out);
    expect(run.status).toBe(0);
    expect(readFileSync(join(elsewhere, "victim.txt"), "utf8")).toBe("not gen's\n");
    expect(run.stderr).toMatch(
      new RegExp(`${out}/${MANIFEST}:\\d+:\\d+ warning manifest-entry-ignored ignored manifest entry "link/victim.txt": link is a symbolic link`),
    );
    expect(run.stdout).toMatch(/0 removed/);
  });

  for (const [entry, kept, reason] of [
    ["docs/.", "docs/index.md", 'it has a "." or ".." segment'],
    ["java", "java/codebook/phonepos/TerminalErrorCode.java", "it is a directory"],
    ["./ts/index.ts", "ts/index.ts", 'it has a "." or ".." segment'],
    ["ts//index.ts", "ts/index.ts", "it has an empty path segment"],
    [".codebook-lock", "ts/index.ts", "it names gen's own bookkeeping"],
  ] as const) {
    it(`ignores the manifest entry ${JSON.stringify(entry)} with a warning and removes nothing`, () => {
      const out = generatedDir();
      const before = readTree(out);
      addManifestEntries(out, entry);
      const run = gen(out);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`warning manifest-entry-ignored ignored manifest entry ${JSON.stringify(entry)}: ${reason}`);
      expect(existsSync(join(out, kept)), kept).toBe(true);
      expect(run.stdout).toMatch(/0 removed/);
      // The warning is all: every output is there as before, and the manifest is written anew without the entry.
      expect(readTree(out)).toEqual(before);
    });
  }

  it("never replaces a directory where an output file goes: an error naming it, and the user's files stay", () => {
    const out = generatedDir();
    rmSync(join(out, "docs/phonepos.md"));
    mkdirSync(join(out, "docs/phonepos.md"));
    writeFileSync(join(out, "docs/phonepos.md/keep.txt"), "x\n");
    for (const args of [[], ["--check"]]) {
      const run = gen(out, ...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${out}/docs/phonepos.md:0:0 error output-path-blocked gen writes ${out}/docs/phonepos.md but a directory is there`);
    }
    expect(readFileSync(join(out, "docs/phonepos.md/keep.txt"), "utf8")).toBe("x\n");
  });

  it("never writes through a symlinked directory inside the output directory", () => {
    const out = generatedDir();
    const elsewhere = tempDir();
    rmSync(join(out, "ts"), { recursive: true });
    symlinkSync(elsewhere, join(out, "ts"));
    const run = gen(out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${out}/ts:0:0 error output-path-blocked gen writes ${out}/ts/`);
    expect(run.stderr).toContain(`but ${out}/ts is a symbolic link; gen does not write through it`);
    expect(readTree(elsewhere).size).toBe(0);
  });

  it("refuses a symlink where an output file goes, even one to the right content", () => {
    const out = generatedDir();
    const elsewhere = tempDir();
    cpSync(join(out, "ts/wlw.ts"), join(elsewhere, "wlw.ts"));
    rmSync(join(out, "ts/wlw.ts"));
    symlinkSync(join(elsewhere, "wlw.ts"), join(out, "ts/wlw.ts"));
    const run = gen(out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${out}/ts/wlw.ts:0:0 error output-path-blocked gen writes ${out}/ts/wlw.ts but a symbolic link is there`);
  });
});

describe("a corrupt manifest", () => {
  for (const [name, text, position, message] of [
    ["not JSON", '{\n  "files": [\n    { "path": "ts/index.ts" x\n', "3:29", "is not valid JSON"],
    ["cut short", '{\n  "files": [\n', "3:1", "is not valid JSON"],
    ["the wrong shape", '{ "files": { "path": "ts/index.ts" } }\n', "1:1", 'is not a gen manifest: it needs a "files" list'],
    ["an entry of the wrong shape", '{ "files": [{ "path": 7, "vendor": null }] }\n', "1:1", "is not a gen manifest: entry 1 is not"],
  ] as const) {
    it(`(${name}) is an error with its position that deletes and writes nothing`, () => {
      const out = generatedDir();
      writeFileSync(join(out, "ts/retired.ts"), "// an orphan the manifest no longer names\n");
      writeFileSync(join(out, "ts/phonepos.ts"), "// stale\n");
      writeFileSync(join(out, MANIFEST), text);
      const before = readTree(out);
      for (const args of [[], ["--check"]]) {
        const run = gen(out, ...args);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`${out}/${MANIFEST}:${position} error manifest-invalid the manifest ${out}/${MANIFEST} ${message}`);
        expect(readTree(out)).toEqual(before);
      }
    });
  }

  it("is fine when missing: nothing is removed, everything is written", () => {
    const out = generatedDir();
    rmSync(join(out, MANIFEST));
    const run = gen(out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/1 created, 0 updated, 0 removed/);
  });
});

describe("a catalogs directory without a readable catalog", () => {
  /** Catalogs whose only *.yaml is made by `make`; the output directory was generated from the bundled ones. */
  function onlyEntry(make: (path: string) => void): { catalogs: string; out: string; before: Map<string, Buffer> } {
    const catalogs = tempDir();
    make(join(catalogs, "acme.yaml"));
    const out = generatedDir();
    return { catalogs, out, before: readTree(out) };
  }

  for (const [kind, make, what] of [
    ["a directory", (path: string) => mkdirSync(path), "is a directory, not a catalog file"],
    ["a FIFO", (path: string) => spawnSync("mkfifo", [path]), "is not a regular file"],
  ] as const) {
    it(`is an error naming the *.yaml that is ${kind}, and removes nothing`, () => {
      const { catalogs, out, before } = onlyEntry(make);
      for (const args of [[], ["--check"]]) {
        const run = runGen(["--catalogs", catalogs, "--out", out, "--no-cache", ...args]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`${catalogs}/acme.yaml:0:0 error unreadable-file cannot read ${catalogs}/acme.yaml: it ${what}`);
        expect(readTree(out)).toEqual(before);
      }
      expect(runGen(["validate", "--catalogs", catalogs]).status).toBe(1);
    });
  }

  it("is an error beside other catalogs too: a vendor's catalog that became a directory does not remove its files", () => {
    const catalogs = tempDir();
    cpSync(CATALOGS, catalogs, { recursive: true });
    const out = tempDir();
    expect(runGen(["--catalogs", catalogs, "--out", out, "--no-cache"]).status).toBe(0);
    const before = readTree(out);
    rmSync(join(catalogs, "wlw.yaml"));
    mkdirSync(join(catalogs, "wlw.yaml"));
    const run = runGen(["--catalogs", catalogs, "--out", out, "--no-cache"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${catalogs}/wlw.yaml:0:0 error unreadable-file`);
    expect(readTree(out)).toEqual(before);
  });

  // Root reads through any mode bits, so as root the run happens as nobody (as for the read-only output test).
  const asRoot = process.getuid?.() === 0;
  const asNobody = (args: string[]) =>
    spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, GEN, ...args], { cwd: ROOT, encoding: "utf8" });
  const nobodyCanRun = !asRoot || asNobody(["--version"]).status === 0;

  it.skipIf(!nobodyCanRun)("is an error naming an unreadable *.yaml, and removes nothing", () => {
    const catalogs = tempDir();
    chmodSync(catalogs, 0o755);
    writeFileSync(join(catalogs, "wlw.yaml"), readFileSync(join(CATALOGS, "wlw.yaml")));
    chmodSync(join(catalogs, "wlw.yaml"), 0o644);
    const parent = tempDir();
    chmodSync(parent, 0o777);
    const out = join(parent, "out");
    const run = (args: string[]) => (asRoot ? asNobody(args) : runGen(args));
    const args = ["--catalogs", catalogs, "--out", out, "--no-cache"];
    expect(run(args).status).toBe(0);
    const before = readTree(out);
    expect(before.has("ts/wlw.ts")).toBe(true);
    chmodSync(join(catalogs, "wlw.yaml"), 0o000);
    const refused = run(args);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`${catalogs}/wlw.yaml:0:0 error unreadable-file cannot read ${catalogs}/wlw.yaml: permission denied`);
    expect(readTree(out)).toEqual(before);
  });
});
