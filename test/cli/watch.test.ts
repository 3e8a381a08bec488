import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CATALOGS, GEN } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

const BATTERY = "The battery level is too low for personalisation (<=15%) or transaction (<=10%).";

/** gen watch as a user starts it, with what it prints gathered as it comes. */
class WatchProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [GEN, "watch", ...args], { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
    this.child.stdout?.on("data", (chunk: Buffer) => {
      this.stdout += chunk.toString("utf8");
    });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.exited = new Promise((done) => this.child.on("exit", (code, signal) => done({ code, signal })));
  }

  /** Waits, at most 20 s, until `ready` holds. */
  async until(what: string, ready: () => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!ready()) {
      if (Date.now() > deadline) throw new Error(`gen watch: no ${what} within 20 s\nstdout:\n${this.stdout}\nstderr:\n${this.stderr}`);
      await new Promise((done) => setTimeout(done, 25));
    }
  }
}

function project(): string {
  const dir = tempDir("codebook-watch-cli-");
  cpSync(CATALOGS, join(dir, "catalogs"), { recursive: true, filter: (path) => !path.endsWith(".json") });
  return dir;
}

describe("gen watch", () => {
  let watching: WatchProcess | undefined;
  afterEach(() => {
    watching?.child.kill("SIGKILL");
    watching = undefined;
  });

  it("writes, rewrites on a catalog's save, reports a broken save and goes on, and exits 130 on Ctrl-C", async () => {
    const dir = project();
    watching = new WatchProcess([], dir);
    const gen = watching;
    await gen.until("first run", () => gen.stderr.includes("(Ctrl-C to stop)\n"));
    expect(gen.stdout).toBe("generated: 46 created, 0 updated, 0 removed, 0 unchanged\n");
    expect(gen.stderr).toBe("gen watch: watching catalogs (Ctrl-C to stop)\n");

    const catalog = join(dir, "catalogs/phonepos.yaml");
    const good = readFileSync(catalog, "utf8");
    writeFileSync(catalog, good.replace(BATTERY, "Charge the phone."));
    const docs = join(dir, "generated/docs/phonepos.md");
    await gen.until("rewrite", () => readFileSync(docs, "utf8").includes("Charge the phone."));
    await gen.until("report", () => gen.stdout.split("\n").length === 3);
    expect(gen.stdout.split("\n")[1]).toMatch(/^generated: 0 created, [1-9]\d* updated, 0 removed, \d+ unchanged$/);
    expect(gen.stderr).toContain("gen watch: catalogs/phonepos.yaml changed\n");

    writeFileSync(catalog, good.replace("BATTERY_TOO_LOW", "BATTERY TOO LOW"));
    await gen.until("diagnostic", () => / error /.test(gen.stderr));
    expect(gen.stderr).toMatch(/\ncatalogs\/phonepos\.yaml:194:15 error \S+ /);
    expect(readFileSync(docs, "utf8")).toContain("Charge the phone.");
    expect(gen.child.exitCode).toBeNull();

    gen.child.kill("SIGINT");
    expect(await gen.exited).toEqual({ code: 130, signal: null });
  });

  it("reads its config again when it changes, and exits 143 on SIGTERM", async () => {
    const dir = project();
    writeFileSync(join(dir, "codebook.config.yaml"), "out: first\n");
    watching = new WatchProcess([], dir);
    const gen = watching;
    await gen.until("first run", () => gen.stderr.includes("(Ctrl-C to stop)\n"));
    expect(gen.stderr).toBe("gen watch: watching codebook.config.yaml, catalogs (Ctrl-C to stop)\n");
    expect(existsSync(join(dir, "first/ts/phonepos.ts"))).toBe(true);

    writeFileSync(join(dir, "codebook.config.yaml"), "out: [first\n");
    await gen.until("config diagnostic", () => gen.stderr.includes("codebook.config.yaml:"));
    writeFileSync(join(dir, "codebook.config.yaml"), "out: second\n");
    await gen.until("run into the new output directory", () => gen.stdout.includes("second: 46 created"));
    expect(existsSync(join(dir, "second/ts/phonepos.ts"))).toBe(true);

    gen.child.kill("SIGTERM");
    expect(await gen.exited).toEqual({ code: 143, signal: null });
  });
});
