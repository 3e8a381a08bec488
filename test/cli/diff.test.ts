import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "../diff/scenarios.js";
import { git, repoWithCommits } from "../support/git-repo.js";
import { ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

const scenario = (rule: string) => {
  const found = SCENARIOS.find((s) => s.rule === rule);
  if (!found) throw new Error(rule);
  return found;
};

describe("gen diff: exit codes for every --fail-on", () => {
  // One change of each category, and the exit code under --fail-on wire, source and behaviour.
  const table: [rule: string, wire: number, source: number, behaviour: number][] = [
    ["CODE_REMOVED", 1, 1, 1],
    ["TYPE_NAME_CHANGED", 0, 1, 1],
    ["HTTP_STATUS_CHANGED", 0, 0, 1],
    ["CODE_ADDED", 0, 0, 0],
  ];
  for (const [rule, wire, source, behaviour] of table) {
    it(`${rule}: --fail-on wire ${wire}, source ${source}, behaviour ${behaviour}, default ${source}`, () => {
      const { before, after } = scenario(rule);
      const root = repoWithCommits(before, after);
      const status = (...args: string[]) => runGen(["diff", "--against", "HEAD~1", ...args], root).status;
      expect([status("--fail-on", "wire"), status("--fail-on", "source"), status("--fail-on", "behaviour"), status()]).toEqual([
        wire,
        source,
        behaviour,
        source,
      ]);
    });
  }

  it("refuses an unknown --fail-on or --format, and a missing --against, as usage errors", () => {
    const root = repoWithCommits(scenario("CODE_ADDED").before);
    expect(runGen(["diff", "--against", "HEAD", "--fail-on", "additive"], root).status).toBe(2);
    expect(runGen(["diff", "--against", "HEAD", "--format", "xml"], root).status).toBe(2);
    const missing = runGen(["diff"], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--against <ref>' not specified");
  });
});

describe("gen diff reads the ref through git alone", () => {
  it("leaves the work tree, the index and HEAD as they were, with uncommitted edits in place", () => {
    const { before, after } = scenario("CODE_NAME_CHANGED");
    const root = repoWithCommits(before);
    writeFileSync(join(root, "catalogs/acme.yaml"), after["acme.yaml"] ?? "");
    const head = git(root, "rev-parse", "HEAD");
    const status = git(root, "status", "--porcelain");
    const run = runGen(["diff", "--against", "HEAD"], root);
    expect(run.stdout).toBe(
      "catalogs/acme.yaml:13:15 wire CODE_NAME_CHANGED code status 1001 was named ACCEPTED and is now APPROVED\n1 change since HEAD: 1 wire\n",
    );
    expect(run.status).toBe(1);
    expect(git(root, "rev-parse", "HEAD")).toBe(head);
    expect(git(root, "status", "--porcelain")).toBe(status);
    expect(readFileSync(join(root, "catalogs/acme.yaml"), "utf8")).toBe(after["acme.yaml"]);
  });

  it("finds the catalogs directory from a subdirectory of the repository, and with --catalogs", () => {
    const { before, after } = scenario("HTTP_STATUS_CHANGED");
    const root = repoWithCommits(before, after);
    mkdirSync(join(root, "sub"));
    const run = runGen(["diff", "--against", "HEAD~1", "--catalogs", "../catalogs"], join(root, "sub"));
    // Outside the working directory, a catalog is named by its absolute path, as in every diagnostic.
    expect(run.stdout).toBe(
      `${root}/catalogs/acme.yaml:15:21 behaviour HTTP_STATUS_CHANGED the httpStatus of status 1001 ACCEPTED changed from 200 to 202\n1 change since HEAD~1: 1 behaviour\n`,
    );
  });

  it("compares with a directory of catalogs when --against names one", () => {
    const { before, after } = scenario("CODE_REMOVED");
    const root = repoWithCommits(after);
    mkdirSync(join(root, "old"));
    for (const [name, text] of Object.entries(before)) writeFileSync(join(root, "old", name), text);
    const run = runGen(["diff", "--against", "old"], root);
    expect(run.stdout).toBe(
      "old/acme.yaml:12:9 wire CODE_REMOVED code status 1001 ACCEPTED was deleted; mark it retired instead of deleting it\n1 change since old: 1 wire\n",
    );
    expect(run.status).toBe(1);
  });

  it("reports nothing for the bundled catalogs against HEAD's", () => {
    const root = tempDir();
    cpSync(join(ROOT, "catalogs"), join(root, "catalogs"), { recursive: true });
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "bundled");
    expect(runGen(["diff", "--against", "main"], root)).toEqual({ status: 0, stdout: "no changes since main\n", stderr: "" });
  });
});

describe("gen diff: bad input", () => {
  it("a ref that does not exist: exit 2 and what is wrong", () => {
    const root = repoWithCommits(scenario("CODE_ADDED").before);
    expect(runGen(["diff", "--against", "no-such-branch"], root)).toEqual({
      status: 2,
      stdout: "",
      stderr: "gen diff: no-such-branch is not a commit, branch or tag of this repository\n",
    });
  });

  it("a ref that looks like an option is not passed on to git", () => {
    const root = repoWithCommits(scenario("CODE_ADDED").before);
    const run = runGen(["diff", "--against=--output=/tmp/x"], root);
    expect(run).toEqual({ status: 2, stdout: "", stderr: "gen diff: --output=/tmp/x is not a git ref\n" });
  });

  it("not a git repository: exit 2, and a directory as the way out", () => {
    const root = tempDir();
    cpSync(join(ROOT, "catalogs"), join(root, "catalogs"), { recursive: true });
    const run = runGen(["diff", "--against", "main"], root, { GIT_CEILING_DIRECTORIES: root.slice(0, root.lastIndexOf("/")) });
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: "gen diff: catalogs is not inside a git repository; pass a directory of catalogs as --against instead\n",
    });
  });

  it("a catalog at the ref that does not parse: exit 1, placed in the old file", () => {
    const { after } = scenario("TEXT_CHANGED");
    const broken = { ...after, "acme.yaml": (after["acme.yaml"] ?? "").replace("        name: DECLINED\n", "        name: DECLINED\n       bad: [\n") };
    const root = repoWithCommits(broken, after);
    const run = runGen(["diff", "--against", "HEAD~1"], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toMatch(/^HEAD~1:catalogs\/acme\.yaml:19:\d+ error yaml-syntax /);
    const json = JSON.parse(runGen(["diff", "--against", "HEAD~1", "--format", "json"], root).stdout) as { diagnostics: { file: string; line: number }[] };
    expect(json.diagnostics[0]).toMatchObject({ file: "HEAD~1:catalogs/acme.yaml", line: 19 });
  });

  it("the current catalogs invalid: exit 1 with their diagnostics, as gen validate gives them", () => {
    const { before, after } = scenario("CODE_NAME_CHANGED");
    const root = repoWithCommits(before, after);
    writeFileSync(join(root, "catalogs/acme.yaml"), (after["acme.yaml"] ?? "").replace('"1002"', '"1001"'));
    const diff = runGen(["diff", "--against", "HEAD~1"], root);
    const validate = runGen(["validate"], root);
    expect(diff.status).toBe(1);
    expect(diff.stderr).toBe(validate.stderr);
  });

  it("a shallow clone without the ref: exit 2 and how to fetch it", () => {
    const { before, after } = scenario("CODE_ADDED");
    const origin = repoWithCommits(before, after);
    const first = git(origin, "rev-parse", "HEAD~1").trim();
    const clone = join(tempDir(), "clone");
    git(origin, "clone", "-q", "--depth", "1", `file://${origin}`, clone);
    const run = runGen(["diff", "--against", first], clone);
    expect(run).toEqual({
      status: 2,
      stdout: "",
      stderr: `gen diff: ${first} is not in this shallow clone; fetch it first (git fetch origin ${first}, or git fetch --unshallow), then run gen diff again\n`,
    });
    git(clone, "fetch", "-q", "--unshallow");
    expect(runGen(["diff", "--against", first], clone).status).toBe(0);
  });
});

describe("--format github for gen validate and gen --check", () => {
  it("gen validate prints one workflow command per diagnostic", () => {
    const run = runGen(["validate", "--catalogs", "test/fixtures/invalid", "--format", "github"]);
    expect(run.status).toBe(1);
    expect(run.stdout.split("\n")).toContain(
      "::error file=test/fixtures/invalid/duplicate-code.yaml,line=17,col=15,title=duplicate-code::100 is already used by ACCEPTED (line 13) in code set status",
    );
  });

  it("gen --check prints one workflow command per stale file", () => {
    const out = tempDir();
    const run = runGen(["--check", "--format", "github", "--out", out, "--no-cache"]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toContain(
      `::error file=${out}/docs/phonepos.md,title=stale-output::${out}/docs/phonepos.md is missing: run \`npx gen --out ${out}\` and commit the result`,
    );
    expect(runGen(["--check", "--format", "github", "--no-cache"]).stdout).toMatch(/^generated is up to date/);
  });
});

describe("gen --changelog-since: the docs page of changes since a ref, only when asked for", () => {
  it("writes docs/changelog.md with links to the codes' anchors, and drops it on a run without the option", () => {
    const { before, after } = scenario("HTTP_STATUS_CHANGED");
    const root = repoWithCommits(before, after);
    const out = join(root, "generated");
    const run = runGen(["--changelog-since", "HEAD~1", "--no-cache"], root);
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, "docs/changelog.md"), "utf8")).toBe(
      [
        "---",
        'title: "Changes since HEAD~1"',
        'description: "The code changes since HEAD~1, per vendor."',
        "---",
        "",
        "<!-- Generated by codebook from every catalog. Do not edit: change the catalog and run `npx gen`. -->",
        "",
        "<!-- v-pre: Vue (VitePress) must not read catalog text as template syntax (double curly braces). -->",
        "<div v-pre>",
        "",
        "# Changes since HEAD\\~1",
        "",
        "## Acme",
        "",
        "### Changed",
        "",
        "- [the httpStatus of status 1001 ACCEPTED changed from 200 to 202](acme.md#status-1001) (`HTTP_STATUS_CHANGED`)",
        "",
        "</div>",
        "",
      ].join("\n"),
    );
    expect(readFileSync(join(out, "docs/acme.md"), "utf8")).toContain('<article class="cb-entry" id="status-1001"');
    expect(readFileSync(join(out, ".codebook-manifest.json"), "utf8")).toContain('"docs/changelog.md"');
    expect(runGen(["--check", "--changelog-since", "HEAD~1", "--no-cache"], root).status).toBe(0);
    // Without the option, the output is what it always is: the page goes, like any output nothing produces.
    expect(runGen(["--check"], root).stderr).toContain("orphaned  generated/docs/changelog.md");
    expect(runGen([], root).status).toBe(0);
    expect(() => readFileSync(join(out, "docs/changelog.md"))).toThrow();
  });

  it("a ref that does not exist: exit 2 and nothing written", () => {
    const root = repoWithCommits(scenario("CODE_ADDED").before);
    const run = runGen(["--changelog-since", "nope", "--no-cache"], root);
    expect(run).toEqual({ status: 2, stdout: "", stderr: "gen: --changelog-since: nope is not a commit, branch or tag of this repository\n" });
    expect(() => readFileSync(join(root, "generated/.codebook-manifest.json"))).toThrow();
  });
});
