import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileTypeScript } from "../support/compile.js";
import { compileJavaTree, javaRuntimeFiles } from "../support/java.js";
import { FIXTURES } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/**
 * Small catalogs of public code lists that need the catalog format's less common features (HTTP status
 * lists, code set and category defaults, ...): each goes through gen, compiles as TypeScript and Java,
 * and answers lookups the same way in both.
 */
const CATALOG_DIR = join(FIXTURES, "valid/formats");

interface Info {
  readonly name: string;
  readonly httpStatus: number | null;
  readonly retry: { readonly policy: string } | null;
}
interface Api {
  fromCode(code: string | number): string | number | null;
  info(member: string | number): Info;
}

describe("catalog format features, round-tripped through TypeScript and Java", () => {
  const out = tempDir();
  beforeAll(() => {
    const run = runGen(["--catalogs", CATALOG_DIR, "--out", out, "--no-cache"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("TypeScript compiles in strict mode, with isolatedDeclarations, in both styles (erasable: with erasableSyntaxOnly)", () => {
    const result = compileTypeScript(join(out, "ts"), ["index.ts"], { isolatedDeclarations: true, declaration: true });
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
    const erasable = tempDir();
    expect(runGen(["--catalogs", CATALOG_DIR, "--out", erasable, "--targets", "ts", "--ts-style", "erasable", "--no-cache"]).status).toBe(0);
    const strict = compileTypeScript(join(erasable, "ts"), ["index.ts"], { isolatedDeclarations: true, declaration: true, erasableSyntaxOnly: true });
    expect(strict.output).toBe("");
    expect(strict.status).toBe(0);
  });

  it("TypeScript: a code's own value wins, then its category's default, then its set's", async () => {
    const grpc = (await import(join(out, "ts/grpc.ts"))) as Record<string, Api>;
    const status = grpc.GrpcStatus as Api;
    expect(status.info(status.fromCode(9) as number)).toMatchObject({ name: "FAILED_PRECONDITION", httpStatus: 400 });
    const stripe = (await import(join(out, "ts/stripe-declines.ts"))) as Record<string, Api>;
    const decline = stripe.DeclineCode as Api;
    const of = (code: string) => decline.info(decline.fromCode(code) as string);
    expect(of("generic_decline")).toMatchObject({ httpStatus: 402, retry: { policy: "after-fix" } });
    expect(of("try_again_later")).toMatchObject({ httpStatus: 402, retry: { policy: "after-delay" } });
    expect(of("stolen_card")).toMatchObject({ httpStatus: 402, retry: { policy: "never" } });
    expect(of("processing_error")).toMatchObject({ httpStatus: 402, retry: { policy: "after-delay" } });
  });

  it("TypeScript: an alias is the member it names; each secondary identifier has its own lookup", async () => {
    const pg = (await import(join(out, "ts/postgresql.ts"))) as {
      SqlState: Api;
      sqlStateAliases: Record<string, string>;
      sqlStateByCondition: ReadonlyMap<string, readonly string[]>;
    };
    expect(pg.sqlStateAliases.ERRCODE_ARRAY_ELEMENT_ERROR).toBe(pg.SqlState.fromCode("2202E"));
    expect(pg.sqlStateAliases.ERRCODE_DATETIME_VALUE_OUT_OF_RANGE).toBe("22008");
    expect(pg.sqlStateByCondition.get("unique_violation")).toEqual(["23505"]);
    expect(pg.sqlStateByCondition.get("string_data_right_truncation")).toEqual(["01004", "22001"]);
    expect(pg.sqlStateByCondition.get("no_such_condition")).toBeUndefined();
    // Severities: a code's own, else its category's (Class 01: warning), else its set's (error).
    const severities = (pg as unknown as { sqlStateSeverities: ReadonlyMap<string, string> }).sqlStateSeverities;
    expect([severities.get("00000"), severities.get("01004"), severities.get("22P02")]).toEqual(["success", "warning", "error"]);
  });

  it("Java compiles with -Xlint:all -Werror and gives the same effective values", () => {
    const classes = tempDir("codebook-formats-java-");
    const probe = `import codebook.grpc.GrpcStatus;
import codebook.postgresql.SqlState;
import codebook.stripedeclines.DeclineCode;
public final class Probe {
    public static void main(String[] args) {
        System.out.println(GrpcStatus.fromCode(9).getHttpStatus() + " " + GrpcStatus.fromCode(0).getHttpStatus());
        for (String code : new String[] {"generic_decline", "try_again_later", "stolen_card", "processing_error"}) {
            DeclineCode member = DeclineCode.fromCode(code);
            System.out.println(member.name() + " " + member.getHttpStatus() + " " + member.getRetry().getPolicy().getId());
        }
        System.out.println((SqlState.ERRCODE_ARRAY_ELEMENT_ERROR == SqlState.fromCode("2202E")) + " " + SqlState.ERRCODE_DATETIME_VALUE_OUT_OF_RANGE.getCode());
        System.out.println(SqlState.fromCode("00000").getSeverity().getId() + " " + SqlState.ERRCODE_WARNING.getSeverity().getId() + " " + SqlState.fromCode("22P02").getSeverity().getId() + " " + GrpcStatus.fromCode(0).getSeverity().getId());
        System.out.println(SqlState.fromCondition("unique_violation") + " " + SqlState.fromCondition("string_data_right_truncation") + " " + SqlState.fromCondition("nope") + " " + SqlState.fromCondition(null));
    }
}
`;
    writeFileSync(join(classes, "Probe.java"), probe);
    const sources = ["grpc", "postgresql", "stripedeclines"].flatMap((pkg) => {
      const dir = join(out, "java/codebook", pkg);
      return readdirSync(dir).map((name) => join(dir, name));
    });
    const compiled = compileJavaTree([...sources, ...javaRuntimeFiles(join(out, "java")), join(classes, "Probe.java")], classes);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", classes, "Probe"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trimEnd().split("\n")).toEqual([
      "400 200",
      "GENERIC_DECLINE 402 after-fix",
      "TRY_AGAIN_LATER 402 after-delay",
      "STOLEN_CARD 402 never",
      "PROCESSING_ERROR 402 after-delay",
      "true 22008",
      "success warning error success",
      "[ERRCODE_UNIQUE_VIOLATION] [ERRCODE_WARNING_STRING_DATA_RIGHT_TRUNCATION, ERRCODE_STRING_DATA_RIGHT_TRUNCATION] [] []",
    ]);
  });

  it("the docs show the effective values, marked where they are a default, and every HTTP status of a code", () => {
    const grpc = readFileSync(join(out, "docs/grpc.md"), "utf8");
    expect(grpc).toContain("<dt>HTTP status</dt><dd>400 or 412</dd>");
    expect(grpc).toContain(`<dt>Severity</dt><dd>error <em class="cb-default">(its code set's default)</em></dd>`);
    expect(grpc).toContain("<dt>Severity</dt><dd>success</dd>");
    const stripe = readFileSync(join(out, "docs/stripe-declines.md"), "utf8");
    expect(stripe).toContain(`<dt>HTTP status</dt><dd>402 <em class="cb-default">(its code set's default)</em></dd>`);
    expect(stripe).toContain(`<dt>Retry</dt><dd>never <em class="cb-default">(its category's default)</em></dd>`);
    expect(stripe).toContain("Defaults for its codes that state none: HTTP status 402; severity error; retry after-fix.");
    // A note that ends with a period ends the sentence: no second one.
    expect(stripe).toContain("Defaults for its codes that state none: retry after-delay: The payment can be attempted again.\n");
    // processing_error states 402 and its retry itself: neither is marked as a default (its severity is).
    const start = stripe.slice(stripe.indexOf('id="decline-processing_error"'));
    const entry = start.slice(0, start.indexOf("</article>"));
    expect(entry).toContain("<dt>HTTP status</dt><dd>402</dd>");
    expect(entry).toContain("<dt>Retry</dt><dd>after-delay</dd>");
  });

  it("the docs show a code's aliases, its secondary identifiers under their kind's title, and its severity", () => {
    const docs = readFileSync(join(out, "docs/postgresql.md"), "utf8");
    const start = docs.slice(docs.indexOf('id="sqlstate-2202E"'));
    const entry = start.slice(0, start.indexOf("</article>"));
    expect(entry).toContain("<dt>Aliases</dt><dd><code>ERRCODE_<wbr>ARRAY_<wbr>ELEMENT_<wbr>ERROR</code></dd>");
    expect(entry).toContain("<dt>PL/pgSQL condition name</dt><dd><code>array_subscript_error</code></dd>");
    expect(entry).toContain(`<dt>Severity</dt><dd>error <em class="cb-default">(its code set's default)</em></dd>`);
    expect(docs).toContain(`<dt>Severity</dt><dd>success <em class="cb-default">(its category's default)</em></dd>`);
  });

  it("catalog.json has every status of a code, primary first, and where each inherited value comes from", () => {
    const json = JSON.parse(readFileSync(join(out, "catalog.json"), "utf8")) as {
      vendors: {
        id: string;
        codeSets: { codes: { name: string; httpStatus?: number; httpStatuses?: number[]; inherited?: object[] }[] }[];
      }[];
    };
    const codes = (vendor: string) => json.vendors.find((v) => v.id === vendor)?.codeSets[0]?.codes ?? [];
    expect(codes("grpc").find((c) => c.name === "FAILED_PRECONDITION")).toMatchObject({ httpStatus: 400, httpStatuses: [400, 412] });
    expect(codes("stripe-declines").find((c) => c.name === "STOLEN_CARD")?.inherited).toEqual([
      { field: "httpStatus", from: "code-set" },
      { field: "retry", from: "category" },
      { field: "severity", from: "code-set" },
    ]);
    expect(json.vendors.find((v) => v.id === "stripe-declines")?.codeSets[0]).toMatchObject({
      httpStatus: 402,
      retry: { policy: "after-fix" },
      severity: "error",
    });
  });

  it("notes reach the doc comments and the docs, each marked as a note and apart from the vendor's text", () => {
    const code =
      "code.proto maps it to 400 Bad Request; HTTP gateways and client libraries also map it to 412 Precondition Failed, so both are listed (codebook's reading).";
    const set = "Only the codes a payment client meets most are transcribed here; the full list has 17. */ stays text.";
    const ts = readFileSync(join(out, "ts/grpc/status.ts"), "utf8");
    expect(ts).toContain(`   * Note: ${code}\n`);
    expect(ts).toContain(" * Note: Only the codes a payment client meets most are transcribed here; the full list has 17. *\\/ stays text.\n");
    const java = readFileSync(join(out, "java/codebook/grpc/GrpcStatus.java"), "utf8");
    expect(java).toContain(`     * Note: ${code}\n`);
    expect(java).toContain(" * Note: Only the codes a payment client meets most are transcribed here; the full list has 17. *&#47; stays text.\n");
    const docs = readFileSync(join(out, "docs/grpc.md"), "utf8");
    const start = docs.slice(docs.indexOf('id="status-9"'));
    const entry = start.slice(0, start.indexOf("</article>"));
    // The description is the vendor's, in the entry's fields; the note is folded below them, under "Notes".
    expect(entry.indexOf("<dt>Description</dt>")).toBeLessThan(entry.indexOf('<details class="cb-notes"><summary>Notes</summary>'));
    expect(entry).toContain(`<li>${code.replace(/'/g, "&#39;")}</li>`);
    expect(docs).toContain("<summary>Notes on Status codes</summary>");
    expect(docs).toContain(`<li>${set}</li>`);
  });
});
