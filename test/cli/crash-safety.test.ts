import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticCatalogs } from "../../bench/synthetic-catalogs.mjs";
import { PARALLEL_THRESHOLD_BYTES } from "../../src/pipeline/run-jobs.js";
import { GEN, ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

// gen's commit is all or nothing even when the process dies in the middle of it: a journal written
// before the first rename lets the next run complete it (src/write/apply.ts). These tests kill real
// gen processes at random instants and check what the next runs make of the output directory.

const MANIFEST = ".codebook-manifest.json";
const JOURNAL = ".codebook-journal.json";
const KILL_RUNS = Number(process.env.CODEBOOK_KILL_RUNS ?? 50);
/** Three gen runs per kill; on a loaded machine a run can take seconds. */
const KILL_TIMEOUT_MS = Math.max(600_000, KILL_RUNS * 30_000);

let work: string;
const sets: Record<"a" | "b", { catalogs: string; cache: string; clean: Map<string, Buffer> }> = {} as never;

/** The output directory's files, without gen's own bookkeeping (lock, journal, staging directories). */
function outputs(out: string): Map<string, Buffer> {
  if (!existsSync(out)) return new Map();
  return new Map([...readTree(out)].filter(([path]) => !path.startsWith(".codebook-") || path === MANIFEST));
}

/** gen's own files left in the output directory: none, after a run that finished. */
function leftovers(out: string): string[] {
  return existsSync(out) ? readdirSync(out).filter((name) => name.startsWith(".codebook-") && name !== MANIFEST) : [];
}

function genArgs(set: "a" | "b", out: string, ...extra: string[]): string[] {
  return ["--catalogs", sets[set].catalogs, "--out", out, "--cache-dir", sets[set].cache, ...extra];
}

function started(args: readonly string[]): { child: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [GEN, ...args], { cwd: ROOT, stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  work = tempDir("codebook-crash-");
  const schema = readFileSync(join(ROOT, "catalogs/catalog.schema.json"), "utf8");
  // Two sets that differ in every file, and by four vendors: going from one to the other replaces,
  // creates and removes files. 160 files make a commit long enough to be hit by half the kills, which
  // wait for the journal, and short enough that 50 kills with their two follow-up runs stay in a minute or two.
  for (const [set, vendors, codes] of [
    ["a", 40, 2],
    ["b", 36, 3],
  ] as const) {
    const catalogs = join(work, set);
    writeSyntheticCatalogs(catalogs, vendors, codes, schema);
    const clean = join(work, `clean-${set}`);
    expect(runGen(["--catalogs", catalogs, "--out", clean, "--no-cache"]).status).toBe(0);
    sets[set] = { catalogs, cache: join(work, `cache-${set}`), clean: readTree(clean) };
  }
});

/** Resolves when `path` exists (looked for every millisecond or so), or when `stop` resolves first. */
async function appears(path: string, stop: Promise<unknown>): Promise<boolean> {
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  while (!stopped) {
    if (existsSync(path)) return true;
    await sleep(1);
  }
  return existsSync(path);
}

describe("gen killed with SIGKILL", () => {
  it(
    `at ${KILL_RUNS} random instants: the next gen completes the commit, and the end state equals a clean run`,
    async () => {
      const out = join(work, "killed");
      expect(runGen(genArgs("a", out)).status).toBe(0);
      // One run watched from outside: how long a run takes, and how long its journal is there (the commit).
      const spawnedAt = Date.now();
      const watched = started(genArgs("b", out));
      expect(await appears(join(out, JOURNAL), watched.exited)).toBe(true);
      const commitFrom = Date.now();
      while (existsSync(join(out, JOURNAL))) await sleep(1);
      const commitMs = Date.now() - commitFrom;
      expect((await watched.exited).code).toBe(0);
      const runMs = Date.now() - spawnedAt;

      let current: "a" | "b" = "b";
      const landed = { before: 0, commit: 0, after: 0 };
      for (let run = 0; run < KILL_RUNS; run++) {
        const target: "a" | "b" = current === "a" ? "b" : "a";
        // Now and then from an empty directory, where whole directories are moved into place.
        if (run % 10 === 9) rmSync(out, { recursive: true, force: true });
        const before = outputs(out);
        const gen = started(genArgs(target, out));
        // Half the kills anywhere in the run; the other half once the journal is there, somewhere in the commit.
        let delay: number;
        if (run % 2 === 0) {
          delay = Math.random() * runMs * 1.1;
          await sleep(delay);
        } else {
          await appears(join(out, JOURNAL), gen.exited);
          delay = Math.random() * commitMs * 1.2;
          await sleep(delay);
        }
        gen.child.kill("SIGKILL");
        const exit = await gen.exited;
        const inCommit = existsSync(join(out, JOURNAL));
        const after = outputs(out);
        if (inCommit) landed.commit += 1;
        else {
          // Killed before its commit or after it: the old state or the new one, exactly.
          expect([before, sets[target].clean], `kill #${run} after ${delay.toFixed(0)} ms`).toContainEqual(after);
          if (exit.code === 0 || mapsEqual(after, sets[target].clean)) landed.after += 1;
          else landed.before += 1;
        }

        const next = runGen(genArgs(target, out));
        expect(next.status, `after kill #${run}, gen: ${next.stderr}${next.stdout}`).toBe(0);
        // The killed run's journal was complete: the next run finishes its commit and then has nothing left to do.
        if (inCommit) {
          expect(next.stderr).toMatch(/gen: note: completed the commit that gen pid \d+ left unfinished/);
          expect(next.stdout).toMatch(/: 0 created, 0 updated, 0 removed, \d+ unchanged/);
        }
        const check = runGen(genArgs(target, out, "--check"));
        expect(check.status, `after kill #${run}, gen --check: ${check.stderr}${check.stdout}`).toBe(0);
        expect(outputs(out)).toEqual(sets[target].clean);
        expect(leftovers(out)).toEqual([]);
        current = target;
      }
      console.log(
        `SIGKILL: ${KILL_RUNS} kills (a run ${runMs} ms, its commit ${commitMs} ms): ${landed.before} before the commit, ${landed.commit} in it, ${landed.after} after it`,
      );
      expect(landed.commit).toBeGreaterThan(0);
    },
    KILL_TIMEOUT_MS,
  );

  it("leaves a journal that --check reports (exit 1) without repairing it, and that the next gen completes", async () => {
    const out = join(work, "reported");
    expect(runGen(genArgs("a", out)).status).toBe(0);
    for (let attempt = 0; attempt < 10 && !existsSync(join(out, JOURNAL)); attempt++) {
      expect(runGen(genArgs("a", out)).status).toBe(0);
      const gen = started(genArgs("b", out));
      await appears(join(out, JOURNAL), gen.exited);
      gen.child.kill("SIGKILL");
      await gen.exited;
    }
    if (!existsSync(join(out, JOURNAL))) return expect.fail("no kill landed inside a commit in 10 attempts");
    // Without the killed run's lock, which --check takes over as any gen would.
    const snapshot = () => new Map([...readTree(out)].filter(([path]) => path !== ".codebook-lock"));
    const before = snapshot();
    const check = runGen(genArgs("b", out, "--check", "--no-cache"));
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`  interrupted commit  ${out}/${JOURNAL}`);
    expect(check.stderr).toMatch(/ {2}leftover {2}\S+\/\.codebook-staging-\d+-\w+-stream/);
    // --check writes nothing, not even the repair.
    expect(snapshot()).toEqual(before);
    const next = runGen(genArgs("b", out));
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(/completed the commit that gen pid \d+ left unfinished/);
    expect(outputs(out)).toEqual(sets.b.clean);
    expect(leftovers(out)).toEqual([]);
  }, 300_000);
});

describe("gen stopped with SIGTERM or SIGINT", () => {
  let large: string;
  let cleanLarge: Map<string, Buffer>;

  beforeAll(() => {
    // Above the threshold, so that worker threads are writing into the staging directory when the signal comes.
    large = join(work, "large");
    const bytes = writeSyntheticCatalogs(large, 8, 1000, readFileSync(join(ROOT, "catalogs/catalog.schema.json"), "utf8"));
    expect(bytes).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
    const clean = join(work, "clean-large");
    expect(runGen(["--catalogs", large, "--out", clean, "--no-cache"]).status).toBe(0);
    cleanLarge = readTree(clean);
  });

  for (const [signal, status] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    it(`exits ${status} on ${signal}, leaving the old state or the new one and nothing of its own`, async () => {
      for (const extra of [0, 150, 400]) {
        const out = join(work, `${signal}-${extra}`);
        expect(runGen(genArgs("a", out, "--no-cache")).status).toBe(0);
        const before = outputs(out);
        const gen = started(["--catalogs", large, "--out", out, "--no-cache", "--jobs", "2"]);
        // The lock file appears once gen has its signal handlers in place and starts work on the directory.
        for (let waited = 0; !existsSync(join(out, ".codebook-lock")) && waited < 20_000; waited += 2) await sleep(2);
        await sleep(extra);
        gen.child.kill(signal);
        const exit = await gen.exited;
        const after = outputs(out);
        expect(exit.signal).toBe(null);
        if (exit.code === 0) expect(after).toEqual(cleanLarge);
        else {
          expect(exit.code).toBe(status);
          expect([before, cleanLarge]).toContainEqual(after);
        }
        expect(leftovers(out)).toEqual([]);
      }
    }, 120_000);
  }
});

function mapsEqual(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.get(key)?.equals(value)) return false;
  return true;
}
