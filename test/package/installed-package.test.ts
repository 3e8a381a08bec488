import { type SpawnSyncReturns, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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
    // VitePress, for gen docs, is an optional peer dependency: the project installs the version this repository uses.
    const vitepress = (JSON.parse(readFileSync(join(ROOT, "node_modules/vitepress/package.json"), "utf8")) as { version: string }).version;
    const installed = run("npm", ["install", tarball, `vitepress@${vitepress}`, "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
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
    expect(validate.stdout).toBe("1 catalog, 1 code set, 3 codes: no problems\n");
    const generate = npx(["gen"], project);
    expect(generate.stderr).toBe("");
    expect(generate.stdout).toBe("generated: 18 created, 0 updated, 0 removed, 0 unchanged\n");
    expect(existsSync(join(project, "generated/ts/example-pay.ts"))).toBe(true);
    expect(existsSync(join(project, "generated/java/codebook/examplepay/TerminalErrorCode.java"))).toBe(true);
    const check = npx(["gen", "--check"], project);
    expect(check.status).toBe(0);
    expect(check.stdout).toBe("generated is up to date (18 files)\n");

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

  it("gen docs builds the site of the project's output, or of one anywhere, with the package's sidebar and search", async () => {
    const build = npx(["gen", "docs", "build"], project);
    // VitePress shows its progress on stderr; nothing else may be there.
    expect(build.stderr).not.toMatch(/error|warn|fail/i);
    expect(build.status).toBe(0);
    expect(build.stdout).toContain("gen docs build: generated/docs -> docs-site\n");
    const page = readFileSync(join(project, "docs-site/example-pay.html"), "utf8");
    expect(page).toContain('id="terminal-error-2310"');
    // A deprecation's reason that is a sentence is followed by another sentence, not by "; use".
    expect(page).toContain("<dd>Merged into BATTERY_TOO_LOW by the vendor. Use <code>BATTERY_TOO_LOW</code> instead.</dd>");
    // The sidebar lists the vendor's code sets; the search index holds its codes.
    expect(page).toMatch(/class="VPSidebar[\s\S]*href="\/example-pay\.html#terminal-error[^"]*"/);
    const searchIndex = readdirSync(join(project, "docs-site/assets/chunks")).find((name) => name.startsWith("@localSearchIndexroot"));
    expect(readFileSync(join(project, "docs-site/assets/chunks", searchIndex ?? "none"), "utf8")).toContain("BATTERY_TOO_LOW");
    // Nothing is left in the installed package.
    expect(readdirSync(join(project, "node_modules/codebook/docs/.vitepress")).sort()).toEqual([
      "config.ts",
      "page-data.ts",
      "resolve-from-repository.ts",
      "search-sections.ts",
      "sidebar.ts",
      "theme",
    ]);

    // An output directory outside the project, built from inside it.
    const elsewhere = tempDir("codebook-elsewhere-");
    cpSync(join(project, "generated"), join(elsewhere, "generated"), { recursive: true });
    const far = npx(["gen", "docs", "build", "--out", join(elsewhere, "generated"), "--dest", join(elsewhere, "site")], project);
    expect(far.stderr).not.toMatch(/error|warn|fail/i);
    expect(far.status).toBe(0);
    expect(existsSync(join(elsewhere, "site/example-pay.html"))).toBe(true);

    // A build empties its destination: a directory of the user's is refused, and kept.
    mkdirSync(join(project, "mine"));
    writeFileSync(join(project, "mine/keep.txt"), "mine");
    const refused = npx(["gen", "docs", "build", "--dest", "mine"], project);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      "mine:0:0 error site-destination-in-use mine is not empty and was not built by gen docs (no .codebook-site in it); a build empties its destination, so choose another --dest or empty it\n",
    );
    expect(readdirSync(join(project, "mine"))).toEqual(["keep.txt"]);
    // Building again into its own site is fine.
    expect(npx(["gen", "docs", "build"], project).status).toBe(0);

    // gen docs preview serves the build on 127.0.0.1, links as they are; gen docs dev serves the pages live.
    const previewed = await servedPage(["preview", "--port", "0", "--plain"], "example-pay.html");
    expect(previewed).toBe(readFileSync(join(project, "docs-site/example-pay.html"), "utf8"));
    const live = await servedPage(["dev"], "example-pay.html");
    expect(live).toContain('<script type="module" src="/@vite/client"></script>');
  });

  /** Starts `gen docs <args>` in the project, fetches one page from the URL it prints, and stops it. */
  async function servedPage(args: readonly string[], page: string): Promise<string> {
    // The installed bin itself rather than npx, which starts it in a process group of its own that a
    // signal to npx does not reach.
    const bin = join(project, "node_modules/codebook/bin/gen.js");
    const server = spawn(process.execPath, [bin, "docs", ...args], { cwd: project, env: { ...process.env, NO_COLOR: "1" } });
    try {
      const url = await new Promise<string>((done, fail) => {
        let seen = "";
        const timer = setTimeout(() => fail(new Error(`gen docs ${args.join(" ")} printed no URL in 60 s: ${seen}`)), 60_000);
        server.stdout.on("data", (chunk: Buffer) => {
          seen += chunk.toString();
          const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
          if (found?.[1]) {
            clearTimeout(timer);
            done(found[1]);
          }
        });
        server.once("exit", (code) => fail(new Error(`gen docs ${args.join(" ")} exited with ${code}: ${seen}`)));
      });
      const served = await fetch(`${url}/${page}`);
      expect(served.status).toBe(200);
      return await served.text();
    } finally {
      server.kill("SIGTERM");
      await new Promise((done) => (server.exitCode === null ? server.once("exit", done) : done(undefined)));
    }
  }

  it("gen docs without VitePress says how to install it", () => {
    renameSync(join(project, "node_modules/vitepress"), join(project, "node_modules/vitepress-away"));
    try {
      const missing = npx(["gen", "docs", "build"], project);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toBe(
        "gen docs: error vitepress-missing the docs site is built with VitePress, which is not installed: run `npm install --save-dev vitepress@^1.6`\n",
      );
    } finally {
      renameSync(join(project, "node_modules/vitepress-away"), join(project, "node_modules/vitepress"));
    }
  });

  it("its API is importable from Node ESM and typed for TypeScript without @types/node", () => {
    writeFileSync(
      join(project, "use-api.ts"),
      `import { buildModel, type CheckReport, checkFiles, type Diagnostic, type Explanation, explainCode, generate, type GenerateResult, loadCatalogs, type RunResult, run, validateCatalogs, type Watcher, watch, writeFiles } from "codebook";

const result: GenerateResult = generate({ catalogs: "catalogs" });
const problems: readonly Diagnostic[] = result.diagnostics;
const explained: Explanation = explainCode(buildModel(loadCatalogs("catalogs").catalogs), "2310");
export async function summary() {
  const report: CheckReport = await checkFiles(result.files, "generated");
  return { matches: explained.matches.map((match) => match.name), problems: problems.length, stale: report.modified.length + report.missing.length, loadCatalogs, validateCatalogs, writeFiles };
}
export async function written(): Promise<number> {
  const result: RunResult = await run({ catalogs: "catalogs", out: "generated", check: true });
  return result.status === "checked" ? result.modified.length : -1;
}
export function watching(): Watcher {
  return watch(() => ({ run: { catalogs: "catalogs", out: "generated" }, alsoWatch: [] }), { onResult: () => {}, onError: () => {} });
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
      `import { generate, checkFiles, run, writeFiles } from "codebook";
const result = generate({ catalogs: "catalogs" });
const before = await checkFiles(result.files, "api-out");
const written = await writeFiles(result.files, "api-out");
const after = await checkFiles(result.files, "api-out");
const ran = await run({ catalogs: "catalogs", out: "run-out" });
const checked = await run({ catalogs: "catalogs", out: "run-out", check: true });
console.log(JSON.stringify({ files: result.files.length, missing: before.missing.length, created: written.created.length, unchanged: after.unchanged, ran: ran.status, runCreated: ran.created.length, checked: checked.status, stale: checked.modified.length }));
`,
    );
    const ran = run(process.execPath, ["use-api.mjs"], project);
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({
      files: 17,
      missing: 18,
      created: 18,
      unchanged: 18,
      ran: "written",
      runCreated: 18,
      checked: "checked",
      stale: 0,
    });
    // The API writes what gen writes.
    expect(readFileSync(join(project, "api-out/ts/example-pay.ts"), "utf8")).toBe(readFileSync(join(project, "generated/ts/example-pay.ts"), "utf8"));
    expect(readFileSync(join(project, "run-out/ts/example-pay.ts"), "utf8")).toBe(readFileSync(join(project, "generated/ts/example-pay.ts"), "utf8"));
  });
});
