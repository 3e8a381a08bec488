import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/** A project: the bundled catalogs in <root>/cat, a config file, and a subdirectory to run gen from. */
function project(config: string, name = "codebook.config.yaml"): string {
  const root = tempDir();
  cpSync(CATALOGS, join(root, "cat"), { recursive: true });
  mkdirSync(join(root, "sub", "deeper"), { recursive: true });
  writeFileSync(join(root, name), config);
  return root;
}

describe("codebook.config.yaml", () => {
  it("is found walking up from the working directory; its paths are relative to its own directory", () => {
    const root = project("catalogs: cat\nout: build/gen\ntargets: [ts, json]\ncache: false\n");
    const run = runGen([], join(root, "sub", "deeper"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${join(root, "build/gen")}: 21 created, 0 updated, 0 removed, 0 unchanged\n`);
    expect(existsSync(join(root, "build/gen/ts/phonepos.ts"))).toBe(true);
    expect(existsSync(join(root, "build/gen/catalog.json"))).toBe(true);
    expect(existsSync(join(root, "build/gen/docs"))).toBe(false);
    expect(existsSync(join(root, "build/gen/java"))).toBe(false);
    expect(existsSync(join(root, "build/gen/ts/phonepos.handling.ts"))).toBe(true);
    // cache: false wrote no cache.
    expect(existsSync(join(root, "node_modules"))).toBe(false);
  });

  it("is overridden by flags, and --print-config shows each value with where it came from", () => {
    const root = project("# yaml-language-server: $schema=x\ncatalogs: cat\nout: build\njobs: 2\n");
    const run = runGen(["--print-config", "--out", "elsewhere", "--targets", "docs,ts"], join(root, "sub"));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        "# config file: ../codebook.config.yaml",
        "catalogs: ../cat                           # ../codebook.config.yaml:2:11",
        "out: elsewhere                             # --out",
        "templates: none                            # default",
        "outcomes: the built-in taxonomy            # default",
        "targets: docs, ts                          # --targets",
        "cacheDir: ../node_modules/.cache/codebook  # default",
        "cache: true                                # default",
        "jobs: 2                                    # ../codebook.config.yaml:4:7",
        "ts: style enum, importExtension js         # default",
        "",
      ].join("\n"),
    );
    // --print-config runs nothing.
    expect(existsSync(join(root, "sub", "elsewhere"))).toBe(false);
  });

  it("a flag wins over the config for the run itself too", () => {
    const root = project("catalogs: cat\nout: build\n");
    const run = runGen(["--out", "mine", "--no-cache"], root);
    expect(run.status).toBe(0);
    expect(existsSync(join(root, "mine/ts/index.ts"))).toBe(true);
    expect(existsSync(join(root, "build"))).toBe(false);
  });

  it("without a config, --print-config shows the defaults", () => {
    const dir = tempDir();
    const run = runGen(["--print-config"], dir);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      "# no config file (codebook.config.yaml) here or in any directory above",
      "catalogs: catalogs                        # default",
      "out: generated                            # default",
    ]);
  });

  it("may be JSON, and --config names one explicitly", () => {
    const root = project('{ "catalogs": "cat", "targets": ["docs"] }\n', "codebook.config.json");
    const run = runGen(["validate"], join(root, "sub"));
    expect(run.stdout).toBe("5 catalogs, 7 code sets, 352 codes: no problems\n");
    const other = join(root, "other.yaml");
    writeFileSync(other, "catalogs: nowhere\n");
    const named = runGen(["validate", "--config", "../other.yaml"], join(root, "sub"));
    expect(named.status).toBe(1);
    const nowhere = join(root, "nowhere");
    expect(named.stderr).toBe(
      `${nowhere}:0:0 error catalogs-not-found cannot read catalogs directory ${nowhere}: no such file or directory\n1 error, 0 warnings\n`,
    );
  });

  it("is validated by its schema: every error as file:line:column with a code frame, exit 1, nothing written", () => {
    const root = project("catalogs: cat\nout: 3\ntargts: [ts]\ntargets: [ts, rust]\njobs: 0\n");
    const run = runGen([], join(root, "sub"));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "../codebook.config.yaml:2:6 error wrong-type out must be a string, not the integer 3",
        "  1 | catalogs: cat",
        "> 2 | out: 3",
        "    |      ^",
        '../codebook.config.yaml:3:1 error unknown-property unknown property "targts" in config; did you mean "targets"?',
        "  2 | out: 3",
        "> 3 | targts: [ts]",
        "    | ^",
        '../codebook.config.yaml:4:15 error invalid-value targets[1] must be one of "ts", "java", "docs", "json", not "rust"',
        "  3 | targts: [ts]",
        "> 4 | targets: [ts, rust]",
        "    |               ^",
        "../codebook.config.yaml:5:7 error out-of-bounds jobs must be >= 1, not 0",
        "  4 | targets: [ts, rust]",
        "> 5 | jobs: 0",
        "    |       ^",
        "4 errors, 0 warnings",
        "",
      ].join("\n"),
    );
    expect(existsSync(join(root, "sub", "generated"))).toBe(false);
  });

  it("reports YAML syntax errors and duplicate keys where they are, for every command", () => {
    const root = project("catalogs: cat\ncatalogs: other\n");
    for (const args of [[], ["validate"], ["export"], ["explain", "2310"]]) {
      const run = runGen(args, root);
      expect(run.status, args.join(" ")).toBe(1);
      expect(run.stderr).toBe(
        [
          'codebook.config.yaml:2:1 error duplicate-key Map keys must be unique: "catalogs" appears more than once in this mapping',
          "  1 | catalogs: cat",
          "> 2 | catalogs: other",
          "    | ^",
          "1 error, 0 warnings",
          "",
        ].join("\n"),
      );
    }
  });

  it("refuses two config files in one directory rather than pick one", () => {
    const root = project("catalogs: cat\n");
    writeFileSync(join(root, "codebook.config.json"), "{}\n");
    const run = runGen(["validate"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "codebook.config.yaml:0:0 error config-ambiguous two config files in one directory (codebook.config.yaml and codebook.config.json): keep one\n1 error, 0 warnings\n",
    );
  });

  it("a --config file that is not there is an error, not a quiet default", () => {
    const run = runGen(["validate", "--config", "missing.yaml"], tempDir());
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("missing.yaml:0:0 error config-unreadable cannot read config file missing.yaml: no such file\n1 error, 0 warnings\n");
  });

  it("an empty config sets nothing", () => {
    const root = project("# nothing yet\n");
    cpSync(join(root, "cat"), join(root, "catalogs"), { recursive: true });
    const run = runGen(["validate"], join(root, "sub"));
    expect(run.stdout).toBe("5 catalogs, 7 code sets, 352 codes: no problems\n");
  });

  it("a --targets flag that names an unknown target is a usage error", () => {
    const run = runGen(["--targets", "ts,rust"], tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown target rust; known: ts, java, docs, json.");
  });
});
