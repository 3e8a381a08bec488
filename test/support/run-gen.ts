import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GEN, ROOT } from "./paths.js";

export interface GenRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs bin/gen.js as a user does: a separate node process, from the repository root unless told otherwise, without colour unless told. */
export function runGen(args: readonly string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): GenRun {
  const result = spawnSync(process.execPath, [GEN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...env },
    maxBuffer: 1 << 28,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory for one test. */
export function tempDir(prefix = "codebook-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
