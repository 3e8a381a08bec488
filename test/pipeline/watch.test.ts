import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type RunOptions, type RunResult, run, type Watcher, watch } from "../../src/index.js";
import { CATALOGS } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

const BATTERY = "The battery level is too low for personalisation (<=15%) or transaction (<=10%).";

/** A project with the bundled catalogs. */
function project(): string {
  const dir = tempDir("codebook-watch-");
  cpSync(CATALOGS, join(dir, "catalogs"), { recursive: true, filter: (path) => !path.endsWith(".json") });
  return dir;
}

/** Rewrites a file of the project, as an editor's save does. */
function edit(dir: string, path: string, change: (text: string) => string): void {
  writeFileSync(join(dir, path), change(readFileSync(join(dir, path), "utf8")));
}

/** What gen writes for the project's catalogs as they are now, by path. */
async function reference(dir: string, options: Partial<RunOptions> = {}): Promise<Map<string, Buffer>> {
  const out = tempDir("codebook-reference-");
  const result = await run({ catalogs: join(dir, "catalogs"), out, cwd: dir, ...options });
  expect(result.status).toBe("written");
  return readTree(out);
}

/** The watcher's results as they come, each awaited with a bound on the wait. */
class Results {
  private readonly queue: { result: RunResult | undefined; cause: readonly string[] }[] = [];
  private waiting: (() => void) | undefined;

  readonly push = (result: RunResult | undefined, cause: readonly string[]) => {
    this.queue.push({ result, cause });
    this.waiting?.();
  };

  async next(timeoutMs = 20_000): Promise<{ result: RunResult | undefined; cause: readonly string[] }> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0) {
      if (Date.now() > deadline) throw new Error(`no run within ${timeoutMs} ms`);
      await new Promise<void>((done) => {
        this.waiting = done;
        setTimeout(done, 50);
      });
    }
    const first = this.queue.shift();
    if (!first) throw new Error("unreachable: the queue was checked");
    return first;
  }

  get pending(): number {
    return this.queue.length;
  }
}

describe("watch(), the loop behind gen watch", () => {
  let watcher: Watcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
  });

  function start(dir: string, options: Partial<RunOptions> = {}, onHold?: (held: boolean) => void): Results {
    const results = new Results();
    const errors: unknown[] = [];
    watcher = watch(() => ({ run: { catalogs: "catalogs", out: "out", cwd: dir, ...options }, alsoWatch: [] }), {
      onResult: results.push,
      onError: (error) => errors.push(error),
      onHold: onHold && ((release) => onHold(release !== undefined)),
    });
    expect(errors).toEqual([]);
    return results;
  }

  it("generates at once, then again on a catalog's save, naming what changed", async () => {
    const dir = project();
    const results = start(dir);
    expect(await results.next()).toMatchObject({ result: { status: "written", updated: [] }, cause: [] });
    expect(watcher?.watched()).toEqual([join(dir, "catalogs")]);

    edit(dir, "catalogs/phonepos.yaml", (text) => text.replace(BATTERY, "The battery is too low."));
    const second = await results.next();
    expect(second.cause).toEqual([join(dir, "catalogs/phonepos.yaml")]);
    expect(second.result).toMatchObject({ status: "written", created: [], removed: [] });
    expect(second.result?.status === "written" && second.result.updated).toEqual(
      // Only what the edited code set's text reaches.
      ["catalog.json", "docs/phonepos.md", "java/codebook/phonepos/TerminalErrorCode.java", "ts/phonepos/terminal-error.ts"],
    );
    expect(readTree(join(dir, "out"))).toEqual(await reference(dir));
  });

  it("reports a broken save without writing, keeps watching, and writes once it is fixed", async () => {
    const dir = project();
    const results = start(dir);
    await results.next();
    const before = readTree(join(dir, "out"));
    const good = readFileSync(join(dir, "catalogs/phonepos.yaml"), "utf8");
    writeFileSync(join(dir, "catalogs/phonepos.yaml"), good.replace('code: "2310"', 'code: ["2310"'));
    const broken = await results.next();
    expect(broken.result?.status).toBe("invalid");
    expect(broken.result?.diagnostics[0]).toMatchObject({ file: "catalogs/phonepos.yaml", severity: "error", rule: "yaml-syntax" });
    expect(readTree(join(dir, "out"))).toEqual(before);

    writeFileSync(join(dir, "catalogs/phonepos.yaml"), good.replace(BATTERY, "Charge it."));
    expect((await results.next()).result?.status).toBe("written");
    expect(readFileSync(join(dir, "out/docs/phonepos.md"), "utf8")).toContain("Charge it.");
  });

  it("never leaves half-written output when saves arrive during a run: the last run writes what the last save says", async () => {
    const dir = project();
    let saves = 0;
    let holds = 0;
    const results = start(dir, {}, (held) => {
      // While the second run holds the output directory, the catalog is saved again, first cut short
      // (as an editor that truncates, then writes), then whole.
      if (!held || ++holds !== 2) return;
      saves += 1;
      const text = readFileSync(join(dir, "catalogs/phonepos.yaml"), "utf8");
      writeFileSync(join(dir, "catalogs/phonepos.yaml"), text.slice(0, text.length / 2));
      setTimeout(() => writeFileSync(join(dir, "catalogs/phonepos.yaml"), text.replace("Charge it first.", "Charge it second.")), 5);
    });
    await results.next();
    edit(dir, "catalogs/phonepos.yaml", (text) => text.replace(BATTERY, "Charge it first."));
    // Each run after that writes the whole catalog of one save or, for the cut one, nothing.
    const docs = () => readFileSync(join(dir, "out/docs/phonepos.md"), "utf8");
    const seen: string[] = [];
    while (!docs().includes("Charge it second.")) {
      const { result } = await results.next();
      seen.push(result?.status ?? "none");
      expect(result?.status === "invalid" || docs().includes("Charge it first.") || docs().includes("Charge it second.")).toBe(true);
    }
    await watcher?.idle();
    expect(saves).toBe(1);
    // The run that held the directory when the cut save came read it cut: it wrote nothing.
    expect(seen).toContain("invalid");
    expect(seen.at(-1)).toBe("written");
    expect(readTree(join(dir, "out"))).toEqual(await reference(dir));
    expect(readdirNames(join(dir, "out")).filter((name) => name.startsWith(".codebook-") && name !== ".codebook-manifest.json")).toEqual([]);
  });

  it("runs again on a template's or the taxonomy's save, and ignores editors' swap files", async () => {
    const dir = project();
    mkdirSync(join(dir, "templates/docs"), { recursive: true });
    const builtin = readFileSync(new URL("../../templates/docs/index.md.hbs", import.meta.url), "utf8");
    writeFileSync(join(dir, "templates/docs/index.md.hbs"), builtin);
    const results = start(dir, { templates: "templates" });
    await results.next();
    writeFileSync(join(dir, "catalogs/.phonepos.yaml.swp"), "swap");
    writeFileSync(join(dir, "catalogs/notes.txt"), "not a catalog");
    writeFileSync(join(dir, "templates/docs/index.md.hbs"), `${builtin}\nAdded by the team.\n`);
    const after = await results.next();
    expect(after.cause).toEqual([join(dir, "templates/docs/index.md.hbs")]);
    expect(after.result).toMatchObject({ status: "written", updated: ["docs/index.md"] });
    expect(readFileSync(join(dir, "out/docs/index.md"), "utf8")).toContain("Added by the team.");
  });

  it("takes no write of its own for a save, even with the output inside a watched directory", async () => {
    const dir = project();
    mkdirSync(join(dir, "templates/docs"), { recursive: true });
    cpSync(new URL("../../templates/docs/index.md.hbs", import.meta.url), join(dir, "templates/docs/index.md.hbs"));
    const results = start(dir, { templates: "templates", out: "templates/generated" });
    expect((await results.next()).result).toMatchObject({ status: "written", unchanged: 0 });
    await new Promise((done) => setTimeout(done, 500));
    expect(results.pending).toBe(0);
  });

  it("goes on watching a catalogs directory that is replaced under the same name", async () => {
    const dir = project();
    const results = start(dir);
    await results.next();
    renameSync(join(dir, "catalogs"), join(dir, "catalogs-old"));
    cpSync(join(dir, "catalogs-old"), join(dir, "catalogs"), { recursive: true });
    // The replacement itself starts a run (its catalogs are the same: nothing to write).
    expect((await results.next()).result?.status).toBe("written");
    await watcher?.idle();
    edit(dir, "catalogs/phonepos.yaml", (text) => text.replace(BATTERY, "Charge the new one."));
    let written = false;
    while (!written) {
      await results.next();
      written = readFileSync(join(dir, "out/docs/phonepos.md"), "utf8").includes("Charge the new one.");
    }
    expect(written).toBe(true);
  });

  it("stops on close(): a save after it starts no run", async () => {
    const dir = project();
    const results = start(dir);
    await results.next();
    await watcher?.close();
    edit(dir, "catalogs/phonepos.yaml", (text) => text.replace(BATTERY, "Too late."));
    await new Promise((done) => setTimeout(done, 300));
    expect(results.pending).toBe(0);
    expect(existsSync(join(dir, "out/docs/phonepos.md")) && readFileSync(join(dir, "out/docs/phonepos.md"), "utf8")).not.toContain("Too late.");
  });
});

function readdirNames(dir: string): string[] {
  return [...readTree(dir).keys()].map((path) => path.split("/")[0] ?? "");
}
