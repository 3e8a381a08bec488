import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

const ESC = "\u001b[";

/** A catalogs directory holding one catalog with one error (a duplicate code), which has a code frame. */
function brokenCatalogs(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, "invalid", "duplicate-code.yaml"), join(dir, "duplicate-code.yaml"));
  return dir;
}

describe("colour", () => {
  it("FORCE_COLOR colours severities and code frames, even over NO_COLOR", () => {
    const dir = brokenCatalogs();
    const run = runGen(["validate", "--catalogs", dir], undefined, { FORCE_COLOR: "1", NO_COLOR: "1" });
    expect(run.status).toBe(1);
    const shown = join(dir, "duplicate-code.yaml");
    expect(run.stderr).toBe(
      [
        `${ESC}1m${shown}:17:15${ESC}0m ${ESC}31merror${ESC}0m ${ESC}2mduplicate-code${ESC}0m 100 is already used by ACCEPTED (line 13) in code set status`,
        `  ${ESC}2m16 |${ESC}0m         name: DECLINED`,
        `${ESC}31m>${ESC}0m ${ESC}2m17 |${ESC}0m       - code: 100`,
        `     ${ESC}2m|${ESC}0m               ${ESC}31m^${ESC}0m`,
        "1 error, 0 warnings",
        "",
      ].join("\n"),
    );
  });

  it("is off with NO_COLOR, with FORCE_COLOR=0, and when stderr is not a terminal", () => {
    const dir = brokenCatalogs();
    for (const env of [{ NO_COLOR: "1" }, { FORCE_COLOR: "0" }, { FORCE_COLOR: "false" }, { NO_COLOR: "" }]) {
      const run = runGen(["validate", "--catalogs", dir], undefined, env);
      expect(run.status).toBe(1);
      expect(run.stderr, JSON.stringify(env)).not.toContain(ESC);
      expect(run.stderr).toContain(" error duplicate-code 100 is already used by ACCEPTED (line 13)");
    }
  });

  it("colours explain's labels on stdout with FORCE_COLOR", () => {
    const run = runGen(["explain", "2310"], undefined, { FORCE_COLOR: "1" });
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      `${ESC}1mphonepos:2310 BATTERY_TOO_LOW${ESC}0m`,
      "  PhonePOS · Terminal Error Codes (terminal-error, TerminalErrorCode)",
      `  ${ESC}36mDescription:${ESC}0m The battery level is too low for personalisation (<=15%) or transaction (<=10%).`,
    ]);
  });
});

describe("help and commands", () => {
  it("the top-level help shows the default command's options", () => {
    const run = runGen(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Options of the default command (gen [options] is gen generate [options]):\n");
    for (const option of ["--check", "--out <dir>", "--only <vendor>", "--catalogs <dir>", "--targets <list>", "--config <file>", "--print-config"]) {
      expect(run.stdout, option).toMatch(new RegExp(`\\n  ${option.replace(/[[\]]/g, "\\$&")} `));
    }
    for (const command of ["generate", "watch", "validate", "diff", "export", "explain", "docs", "init"])
      expect(run.stdout).toMatch(new RegExp(`\\n  ${command} `));
  });

  it("an unknown command says so and lists the commands, with exit 2", () => {
    for (const args of [["wacth"], ["--out", "x", "wacth"], ["--check", "explian"]]) {
      const run = runGen(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        `gen: unknown command '${args.at(-1)}'\nCommands: generate, watch, validate, diff, export, explain, docs, init, help\n(run gen --help for usage)\n`,
      );
    }
  });

  it("an option's value is not taken for a command", () => {
    const out = tempDir();
    const run = runGen(["--out", join(out, "validate")]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/validate: 46 created/);
  });
});
