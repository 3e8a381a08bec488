import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseFast } from "../../src/catalog/fast-parse.js";
import { SCHEMA_OPTIONS } from "../../src/catalog/schema-options.js";
import { builtinTaxonomy } from "../../src/outcomes/taxonomy.js";
import { ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

const REQUIRED = [
  "success",
  "pending",
  "declined",
  "declined-final",
  "insufficient-funds",
  "payment-method-invalid",
  "invalid-request",
  "unauthenticated",
  "forbidden",
  "not-found",
  "conflict",
  "expired",
  "busy",
  "unavailable",
  "user-action-required",
  "internal-error",
  "unknown",
];

const CATALOG = `vendor:
  id: acme
  name: Acme
  summary: A test vendor.
codeSets:
  - id: status
    typeName: StatusCode
    title: Status
    codeKind: integer
    codes:
      - code: 1
        name: REFUSED
        outcome: { id: refused, source: codebook, evidence: "Refused says so." }
`;

const TAXONOMY = `fallback: refused
outcomes:
  - id: refused
    title: Refused
    description: Refused.
    action: Stop.
    retry: { policy: never }
    allowedRetry: [never]
`;

describe("the outcome taxonomy", () => {
  it("ships every outcome the issue names, valid against its own schema", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "taxonomy/outcomes.schema.json"), "utf8")) as object;
    const validate = new Ajv2020(SCHEMA_OPTIONS).compile(schema);
    const data = parseFast(readFileSync(join(ROOT, "taxonomy/outcomes.yaml"), "utf8"));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(
      builtinTaxonomy()
        .outcomes.map((outcome) => outcome.id)
        .sort(),
    ).toEqual([...REQUIRED].sort());
    expect(builtinTaxonomy().fallback).toBe("unknown");
  });

  it("is shipped in the package", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain("taxonomy");
  });

  it("is replaced by gen --outcomes FILE: a catalog using its ids validates, and the built-in ids are unknown", () => {
    const dir = tempDir();
    mkdirCatalogs(dir);
    writeFileSync(join(dir, "mine.yaml"), TAXONOMY);
    expect(runGen(["validate", "--catalogs", "catalogs"], dir).status).toBe(1);
    const run = runGen(["validate", "--catalogs", "catalogs", "--outcomes", "mine.yaml"], dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const generated = runGen(["--catalogs", "catalogs", "--outcomes", "mine.yaml", "--out", "out", "--no-cache"], dir);
    expect(generated.status).toBe(0);
    expect(readFileSync(join(dir, "out/catalog.json"), "utf8")).toContain('"outcome": "refused"');
  });

  it("is set by the config file's outcomes, relative to the config, for every command that reads catalogs", () => {
    const dir = tempDir();
    mkdirCatalogs(dir);
    mkdirSync(join(dir, "tax"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "tax/mine.yaml"), TAXONOMY);
    writeFileSync(join(dir, "codebook.config.yaml"), "catalogs: catalogs\noutcomes: tax/mine.yaml\n");
    const sub = join(dir, "sub");
    expect(runGen(["--print-config"], sub).stdout).toContain("outcomes: ../tax/mine.yaml");
    const validated = runGen(["validate"], sub);
    expect(validated.stderr).toBe("");
    expect(validated.status).toBe(0);
    const explained = runGen(["explain", "1"], sub);
    expect(explained.stdout).toContain("  Outcome: refused; retry never (by code, codebook's judgement)\n");
    // gen diff resolves both sides against it (here the same catalogs: no change).
    const diffed = runGen(["diff", "--against", "../catalogs"], sub);
    expect(diffed.stderr).toBe("");
    expect(diffed.status).toBe(0);
    // A flag still wins: the built-in taxonomy has no outcome refused.
    const flagged = runGen(["validate", "--outcomes", "../tax/none.yaml"], sub);
    expect(flagged.status).toBe(1);
    expect(flagged.stderr).toContain("none.yaml:0:0 error unreadable-file cannot read the outcome taxonomy (ENOENT)");
  });

  it("refuses a broken taxonomy file with positioned diagnostics and exit 1, writing nothing", () => {
    const dir = tempDir();
    mkdirCatalogs(dir);
    writeFileSync(join(dir, "mine.yaml"), TAXONOMY.replace("fallback: refused", "fallback: gone").replace("allowedRetry: [never]", "allowedRetry: [manual]"));
    const run = runGen(["--catalogs", "catalogs", "--outcomes", "mine.yaml", "--out", "out"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("mine.yaml:1:11 error unknown-outcome fallback gone is not an outcome of this taxonomy");
    expect(existsSync(join(dir, "out"))).toBe(false);
    expect(run.stderr).toContain("mine.yaml:7:22 error retry-contradicts-outcome outcome refused's default retry never is not among its allowedRetry (manual)");
    writeFileSync(join(dir, "mine.yaml"), TAXONOMY.replace("    action: Stop.\n", ""));
    const schemaRun = runGen(["validate", "--catalogs", "catalogs", "--outcomes", "mine.yaml"], dir);
    expect(schemaRun.status).toBe(1);
    expect(schemaRun.stderr).toContain('mine.yaml:3:5 error missing-property outcomes[0] is missing required property "action"');
    expect(runGen(["validate", "--outcomes", "missing.yaml"], dir).stderr).toContain(
      "missing.yaml:0:0 error unreadable-file cannot read the outcome taxonomy (ENOENT)",
    );
  });
});

function mkdirCatalogs(dir: string): void {
  mkdirSync(join(dir, "catalogs"));
  writeFileSync(join(dir, "catalogs/acme.yaml"), CATALOG);
}
