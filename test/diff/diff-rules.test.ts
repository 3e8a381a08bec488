import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { RULES } from "../../src/diff/rules.js";
import { type CatalogFiles, repoWithCommits } from "../support/git-repo.js";
import { ROOT } from "../support/paths.js";
import { ACME, BASE, SCENARIOS, type Scenario } from "./scenarios.js";

/** gen diff in this process (its public entry, runCli), in a repository whose HEAD~1 is the scenario's before. */
async function diff(root: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    cwd: root,
  };
  const code = await runCli(["node", "gen", "diff", "--against", "HEAD~1", ...args], io);
  return { code, stdout, stderr };
}

interface Line {
  file: string;
  line: number;
  column: number;
  category: string;
  rule: string;
  message: string;
}

function parse(text: string): Line {
  const match = /^(.+):(\d+):(\d+) (\S+) (\S+) (.+)$/.exec(text);
  if (!match) throw new Error(`not a change line: ${text}`);
  const [, file = "", line = "0", column = "0", category = "", rule = "", message = ""] = match;
  return { file, line: Number(line), column: Number(column), category, rule, message };
}

const breaking = (category: string) => category === "wire" || category === "source";

function summary(lines: readonly Line[]): string {
  const counts = ["wire", "source", "behaviour", "additive"]
    .map((category) => [category, lines.filter((l) => l.category === category).length] as const)
    .filter(([, n]) => n > 0)
    .map(([category, n]) => `${n} ${category}`);
  return `${lines.length} ${lines.length === 1 ? "change" : "changes"} since HEAD~1: ${counts.join(", ")}`;
}

/** What GitHub Actions reads: properties escape ':' and ','; the default --fail-on is source. */
function githubLine(l: Line): string {
  const level = breaking(l.category) ? "error" : l.category === "additive" ? "notice" : "warning";
  const file = l.file.replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::${level} file=${file},line=${l.line},col=${l.column},title=${l.rule} (${l.category})::${l.message}`;
}

describe("gen diff: every rule, in every format, from a repository with two commits", () => {
  it("has a scenario for every rule", () => {
    expect(new Set(SCENARIOS.map((s) => s.rule))).toEqual(new Set(Object.keys(RULES)));
  });

  for (const scenario of SCENARIOS) {
    it(scenario.rule, async () => {
      const root = repoWithCommits(scenario.before, scenario.after);
      const lines = scenario.text.map(parse);
      expect(lines.map((l) => l.rule)).toContain(scenario.rule);
      for (const l of lines) expect(l.category).toBe(RULES[l.rule as keyof typeof RULES].category);
      const failed = lines.some((l) => breaking(l.category));

      const text = await diff(root);
      expect(text).toEqual({ code: failed ? 1 : 0, stdout: `${scenario.text.join("\n")}\n${summary(lines)}\n`, stderr: "" });

      const json = await diff(root, "--format", "json");
      expect(json.code).toBe(failed ? 1 : 0);
      const report = JSON.parse(json.stdout) as { against: string; failOn: string; failed: boolean; changes: (Line & { group: string; vendor: string })[] };
      expect({ against: report.against, failOn: report.failOn, failed: report.failed }).toEqual({ against: "HEAD~1", failOn: "source", failed });
      expect(report.changes.map((c) => `${c.file}:${c.line}:${c.column} ${c.category} ${c.rule} ${c.message}`)).toEqual(scenario.text);
      for (const c of report.changes) expect(c.group).toBe(RULES[c.rule as keyof typeof RULES].group);

      const github = await diff(root, "--format", "github");
      expect(github).toEqual({ code: failed ? 1 : 0, stdout: lines.map((l) => `${githubLine(l)}\n`).join(""), stderr: "" });

      const markdown = await diff(root, "--format", "markdown");
      expect(markdown.code).toBe(failed ? 1 : 0);
      expect(markdown.stdout.startsWith("# Changes since HEAD\\~1\n\n## ")).toBe(true);
      for (const c of report.changes) {
        const heading = `### ${c.group[0]?.toUpperCase()}${c.group.slice(1)}`;
        const section = markdown.stdout.slice(markdown.stdout.indexOf(`## ${c.vendor}\n`));
        const items = section.slice(section.indexOf(heading)).split("\n\n")[1] ?? "";
        expect(items, `${c.rule} under ${heading}`).toContain(`(\`${c.rule}\`)`);
      }
    });
  }
});

describe("gen diff: nothing fires for an unchanged catalog set", () => {
  const cases: [string, CatalogFiles][] = [
    ["the same bytes", BASE],
    [
      "a comment and a reordered key only",
      {
        ...BASE,
        "acme.yaml": `# a comment\n${ACME.replace("        message: Accepted.\n        httpStatus: 200\n", "        httpStatus: 200\n        message: Accepted.\n")}`,
      },
    ],
  ];
  for (const [name, after] of cases) {
    it(name, async () => {
      const root = repoWithCommits(BASE, after);
      expect(await diff(root)).toEqual({ code: 0, stdout: "no changes since HEAD~1\n", stderr: "" });
      expect(await diff(root, "--fail-on", "behaviour", "--format", "github")).toEqual({ code: 0, stdout: "", stderr: "" });
      const json = await diff(root, "--format", "json");
      expect(JSON.parse(json.stdout)).toEqual({ against: "HEAD~1", failOn: "source", failed: false, changes: [] });
      expect((await diff(root, "--format", "markdown")).stdout).toBe("# Changes since HEAD\\~1\n\nNo code changes since HEAD\\~1.\n");
    });
  }
});

describe("gen diff --format markdown: a changelog with links to the codes' anchors", () => {
  it("groups a vendor's changes as added, retired, changed and removed", async () => {
    const scenario = (rule: string): Scenario => SCENARIOS.find((s) => s.rule === rule) as Scenario;
    const after = scenario("CODE_RETIRED").after["acme.yaml"] ?? "";
    const edited = after
      .replace("      - code: B\n        name: BRAVO\n", "      - code: C\n        name: CHARLIE\n")
      .replace("httpStatus: 200", "httpStatus: 202");
    const root = repoWithCommits(BASE, { ...BASE, "acme.yaml": edited });
    const { stdout } = await diff(root, "--format", "markdown");
    expect(stdout).toBe(
      [
        "# Changes since HEAD\\~1",
        "",
        "## acme",
        "",
        "### Added",
        "",
        "- [code other C CHARLIE was added](acme.md#other-C) (`CODE_ADDED`)",
        "",
        "### Retired",
        "",
        "- [code status 1001 ACCEPTED was retired since 2.0: No longer sent.](acme.md#status-1001) (`CODE_RETIRED`)",
        "",
        "### Changed",
        "",
        "- [the httpStatus of status 1001 ACCEPTED changed from 200 to 202](acme.md#status-1001) (`HTTP_STATUS_CHANGED`)",
        "",
        "### Removed",
        "",
        "- code other B BRAVO was deleted; mark it retired instead of deleting it (`CODE_REMOVED`)",
        "",
      ].join("\n"),
    );
  });
});

describe("the README's table of rules", () => {
  it("lists every rule with its category and meaning, in order", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const rows = Object.entries(RULES).map(([id, rule]) => `| \`${id}\` | ${rule.category} | ${rule.meaning} |`);
    expect(readme).toContain(["| Rule | Category | Meaning |", "|---|---|---|", ...rows].join("\n"));
  });
});
