import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ROOT } from "./paths.js";

/** The strictest settings a consumer of the generated code may use. */
export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2022"],
  types: [],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noEmit: true,
};

/**
 * Runs the project's tsc on files (relative to dir) with the strict options, changed by `overrides` (a
 * consumer's other settings: module, target, ...); returns its output (empty when clean) and status.
 */
export function compileTypeScript(
  dir: string,
  files: readonly string[],
  overrides: Readonly<Record<string, unknown>> = {},
): { status: number | null; output: string } {
  // The config lives in its own temporary directory: the directory under test stays untouched.
  const config = join(mkdtempSync(join(tmpdir(), "codebook-tsc-")), "tsconfig.json");
  const compilerOptions = { ...STRICT_COMPILER_OPTIONS, ...overrides };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: files.map((file) => resolve(dir, file)) }, null, 2));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", config], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Compiles files (relative to dir) with the strict options (changed by `overrides`) and emits JavaScript into outDir, as a consumer's build would. */
export function emitTypeScript(
  dir: string,
  files: readonly string[],
  outDir: string,
  overrides: Readonly<Record<string, unknown>> = {},
): { status: number | null; output: string } {
  const config = join(mkdtempSync(join(tmpdir(), "codebook-tsc-")), "tsconfig.json");
  const compilerOptions = { ...STRICT_COMPILER_OPTIONS, ...overrides, noEmit: false, outDir };
  writeFileSync(config, JSON.stringify({ compilerOptions, files: files.map((file) => resolve(dir, file)) }, null, 2));
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", tsc, "-p", config], { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
