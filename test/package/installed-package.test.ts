import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

/** Runs a command in the consumer's project, as its developer would, without colour. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
}

function npx(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  // --no: never fetch gen from the registry, it must come from the installed package; and after --, npx
  // passes every flag on (it would take `npx --no gen --check`'s --check for itself).
  return run("npx", ["--no", "--", ...args], cwd);
}

const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

interface PackedFile {
  readonly path: string;
}

/** What `npm pack` puts in the tarball, by path. */
function packedPaths(): string[] {
  const packed = run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT);
  expect(packed.status, packed.stderr).toBe(0);
  return (JSON.parse(packed.stdout) as { files: PackedFile[] }[])[0]?.files.map((file) => file.path) ?? [];
}

describe("codebook installed from its tarball into a fresh project", () => {
  let project = "";

  beforeAll(() => {
    const packs = tempDir("codebook-pack-");
    // The tests run after `npm run build`: packing needs no second build.
    const packed = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packs], ROOT);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(packs, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "");
    project = tempDir("codebook-consumer-");
    writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`);
    // The dependencies come from npm's cache where it has them (npm ci filled it), else from the registry.
    const installed = run("npm", ["install", tarball, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
    expect(installed.status, installed.stderr).toBe(0);
  });

  it("npm pack holds what gen and the docs site need, and nothing of the tests", () => {
    const paths = packedPaths();
    for (const path of [
      "package.json",
      "bin/gen.js",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/cli/run-cli.js",
      "dist/catalog/schema-validator.cjs",
      "dist/render/builtin-templates.cjs",
      "dist/pipeline/catalog-worker.js",
      "templates/ts/vendor.ts.hbs",
      "catalogs/catalog.schema.json",
      "codebook.config.schema.json",
      "docs/.vitepress/config.ts",
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(paths.filter((path) => /^(test|generated|bench|scripts|src)\//.test(path) || path.includes(".test."))).toEqual([]);
    // The bundled vendors' catalogs are this repository's data, not the package's.
    expect(paths.filter((path) => path.startsWith("catalogs/") && path.endsWith(".yaml"))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.private).toBeUndefined();
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("gen init scaffolds a project whose example validates, generates and explains", () => {
    const init = npx(["gen", "init"], project);
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(init.stdout).toContain("  created  codebook.config.yaml\n  created  catalogs/example-pay.yaml\n  created  .github/workflows/codebook.yml\n");
    expect(readFileSync(join(project, ".github/workflows/codebook.yml"), "utf8")).toContain("- run: npx gen --check\n");

    // Each modeline resolves to the installed package's schema.
    const catalogLine = readFileSync(join(project, "catalogs/example-pay.yaml"), "utf8").split("\n")[0] ?? "";
    expect(catalogLine).toBe("# yaml-language-server: $schema=../node_modules/codebook/catalogs/catalog.schema.json");
    expect(existsSync(resolve(join(project, "catalogs"), catalogLine.replace(/^.*\$schema=/, "")))).toBe(true);
    const configLine = readFileSync(join(project, "codebook.config.yaml"), "utf8").split("\n")[0] ?? "";
    expect(configLine).toBe("# yaml-language-server: $schema=./node_modules/codebook/codebook.config.schema.json");
    expect(existsSync(resolve(project, configLine.replace(/^.*\$schema=/, "")))).toBe(true);

    const validate = npx(["gen", "validate"], project);
    expect(validate.stdout).toBe("1 catalogs, 1 code sets, 3 codes: no problems\n");
    const generate = npx(["gen"], project);
    expect(generate.stderr).toBe("");
    expect(generate.stdout).toBe("generated: 16 created, 0 updated, 0 removed, 0 unchanged\n");
    expect(existsSync(join(project, "generated/ts/example-pay.ts"))).toBe(true);
    expect(existsSync(join(project, "generated/java/codebook/examplepay/TerminalErrorCode.java"))).toBe(true);
    const check = npx(["gen", "--check"], project);
    expect(check.status).toBe(0);
    expect(check.stdout).toBe("generated is up to date (16 files)\n");

    const explain = npx(["gen", "explain", "2310"], project);
    expect(explain.status).toBe(0);
    expect(explain.stdout.split("\n").slice(0, 2)).toEqual([
      "example-pay:2310 BATTERY_TOO_LOW",
      "  Example Pay · Terminal Error Codes (terminal-error, TerminalErrorCode)",
    ]);
    expect(explain.stdout).toContain("  Docs: generated/docs/example-pay.md#terminal-error-2310\n");
    const byName = npx(["gen", "explain", "example-pay:battery_low", "--format", "json"], project);
    const data = JSON.parse(byName.stdout) as { matches: { code: string; deprecated: unknown }[] };
    expect(data.matches.map((match) => [match.code, match.deprecated])).toEqual([
      ["2311", { reason: "Merged into BATTERY_TOO_LOW by the vendor.", replacement: "BATTERY_TOO_LOW" }],
    ]);

    const again = npx(["gen", "init"], project);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      "gen init: codebook.config.yaml, catalogs/example-pay.yaml, .github/workflows/codebook.yml exist already; nothing was written (move them away to start afresh)\n",
    );
  });

  it("its API is importable from Node ESM and typed for TypeScript without @types/node", () => {
    writeFileSync(
      join(project, "use-api.ts"),
      `import { buildModel, type CheckReport, checkFiles, type Diagnostic, type Explanation, explainCode, generate, type GenerateResult, loadCatalogs, validateCatalogs, writeFiles } from "codebook";

const result: GenerateResult = generate({ catalogs: "catalogs" });
const problems: readonly Diagnostic[] = result.diagnostics;
const explained: Explanation = explainCode(buildModel(loadCatalogs("catalogs").catalogs), "2310");
export async function summary() {
  const report: CheckReport = await checkFiles(result.files, "generated");
  return { matches: explained.matches.map((match) => match.name), problems: problems.length, stale: report.modified.length + report.missing.length, loadCatalogs, validateCatalogs, writeFiles };
}
`,
    );
    const tsconfig = {
      compilerOptions: {
        strict: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2023"],
        types: [],
        noEmit: true,
        skipLibCheck: false,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
      },
      files: ["use-api.ts"],
    };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(tsconfig));
    const compiled = run(process.execPath, [TSC, "-p", "tsconfig.json"], project);
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);

    writeFileSync(
      join(project, "use-api.mjs"),
      `import { generate, checkFiles, writeFiles } from "codebook";
const result = generate({ catalogs: "catalogs" });
const before = await checkFiles(result.files, "api-out");
const written = await writeFiles(result.files, "api-out");
const after = await checkFiles(result.files, "api-out");
console.log(JSON.stringify({ files: result.files.length, missing: before.missing.length, created: written.created.length, unchanged: after.unchanged }));
`,
    );
    const ran = run(process.execPath, ["use-api.mjs"], project);
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({ files: 15, missing: 16, created: 16, unchanged: 16 });
    // The API writes what gen writes.
    expect(readFileSync(join(project, "api-out/ts/example-pay.ts"), "utf8")).toBe(readFileSync(join(project, "generated/ts/example-pay.ts"), "utf8"));
  });
});
