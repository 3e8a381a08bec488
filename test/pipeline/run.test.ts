import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/index.js";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

/** A project with the bundled catalogs, for run() to work in. */
function project(): string {
  const dir = tempDir("codebook-run-");
  cpSync(CATALOGS, join(dir, "catalogs"), { recursive: true, filter: (path) => !path.endsWith(".json") });
  return dir;
}

describe("run(), the run behind gen, gen --check and gen watch", () => {
  const printed: string[] = [];
  beforeEach(() => {
    // run() reports what happened and prints nothing: only the CLI prints.
    vi.spyOn(process.stdout, "write").mockImplementation((text) => printed.push(String(text)) > 0);
    vi.spyOn(process.stderr, "write").mockImplementation((text) => printed.push(String(text)) > 0);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(printed.splice(0)).toEqual([]);
  });

  it("writes what gen writes, then finds it up to date, and says what it did each time", async () => {
    const dir = project();
    const written = await run({ catalogs: "catalogs", out: "out", cwd: dir });
    expect(written).toMatchObject({ status: "written", updated: [], removed: [], unchanged: 0, diagnostics: [], shownOut: "out" });
    expect(written.status === "written" && written.created).toContain("ts/phonepos.ts");
    const cli = runGen(["--out", "cli-out", "--no-cache"], dir);
    expect(cli.status, cli.stderr).toBe(0);
    expect(readTree(join(dir, "out"))).toEqual(readTree(join(dir, "cli-out")));

    const checked = await run({ catalogs: "catalogs", out: "out", cwd: dir, check: true });
    expect(checked).toMatchObject({
      status: "checked",
      modified: [],
      missing: [],
      orphaned: [],
      unchanged: written.status === "written" ? written.created.length : -1,
    });
    const again = await run({ catalogs: "catalogs", out: "out", cwd: dir });
    expect(again).toMatchObject({ status: "written", created: [], updated: [], removed: [] });
  });

  it("reports a stale file under --check, and writes nothing", async () => {
    const dir = project();
    await run({ catalogs: "catalogs", out: "out", cwd: dir });
    writeFileSync(join(dir, "out/ts/phonepos.ts"), "// edited\n");
    const checked = await run({ catalogs: "catalogs", out: "out", cwd: dir, check: true });
    expect(checked).toMatchObject({ status: "checked", modified: ["ts/phonepos.ts"], missing: [], orphaned: [] });
    expect(readFileSync(join(dir, "out/ts/phonepos.ts"), "utf8")).toBe("// edited\n");
  });

  it("gives a catalog's errors with their positions and the texts for code frames, and writes nothing", async () => {
    const dir = project();
    writeFileSync(join(dir, "catalogs/broken.yaml"), "vendor:\n  id: [\n");
    const result = await run({ catalogs: "catalogs", out: "out", cwd: dir });
    expect(result.status).toBe("invalid");
    expect(result.diagnostics[0]).toMatchObject({ file: "catalogs/broken.yaml", severity: "error", line: 3 });
    expect(result.texts.get("catalogs/broken.yaml")).toBe("vendor:\n  id: [\n");
    expect(existsSync(join(dir, "out")) ? [...readTree(join(dir, "out")).keys()] : []).toEqual([]);
  });

  it("says what cannot be met as asked, and why the output directory cannot be used", async () => {
    const dir = project();
    const unknown = await run({ catalogs: "catalogs", out: "out", cwd: dir, only: "nobody" });
    expect(unknown).toMatchObject({ status: "usage", message: expect.stringMatching(/^unknown vendor "nobody" for --only; known: coupon/) });
    writeFileSync(join(dir, "a-file"), "");
    expect(await run({ catalogs: "catalogs", out: "a-file", cwd: dir })).toMatchObject({ status: "output-failed", failure: { kind: "not-directory" } });
    mkdirSync(join(dir, "templates/ts"), { recursive: true });
    writeFileSync(join(dir, "templates/ts/index.ts.hbs"), "{{> vendorExport}}\n");
    const templates = await run({ catalogs: "catalogs", out: "out", cwd: dir, templates: "templates" });
    expect(templates).toMatchObject({ status: "invalid", diagnostics: [{ file: "templates/ts/index.ts.hbs", rule: "template-error", line: 1 }] });
  });

  it("tells through its hooks when it holds the output directory, and lets go of it", async () => {
    const dir = project();
    const holds: string[] = [];
    await run({ catalogs: "catalogs", out: "out", cwd: dir }, { onHold: (release) => holds.push(release ? "held" : "released") });
    expect(holds).toEqual(["held", "released"]);
  });
});
