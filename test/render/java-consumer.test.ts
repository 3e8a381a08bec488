import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileJavaTree, hex, javaSourceFiles } from "../support/java.js";
import { GENERATED } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

interface Label {
  id: string;
  title: string;
  description?: string;
}
interface ExportedRetry {
  policy: string;
  minDelaySeconds?: number;
  maxDelaySeconds?: number;
  delaysSeconds?: number[];
  note?: string;
}
interface ExportedCode {
  code: string | number;
  name: string;
  message?: string;
  description?: string;
  action?: string;
  scope?: string;
  category?: string;
  retry?: ExportedRetry;
  placeholders?: { name: string; token: string }[];
  retired?: unknown;
}
interface ExportedSet {
  id: string;
  typeName: string;
  codeKind: string;
  scopes?: Label[];
  categories?: Label[];
  codes: ExportedCode[];
}
interface Exported {
  vendors: { id: string; javaPackage: string; codeSets: ExportedSet[] }[];
}

const catalog = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as Exported;

/** The sets the consumer handles through CodebookCode alone: digit, integer and symbolic codes, scopes, categories, retries. */
const SETS = [
  ["phonepos", "terminal-error"],
  ["secupay", "error"],
  ["external-api", "error"],
  ["coupon-credit", "error"],
] as const;

const sets = SETS.map(([vendorId, setId]) => {
  const vendor = catalog.vendors.find((candidate) => candidate.id === vendorId);
  const set = vendor?.codeSets.find((candidate) => candidate.id === setId);
  if (!vendor || !set) throw new Error(`no set ${vendorId}/${setId} in catalog.json`);
  return { vendor, set, type: `${vendor.javaPackage}.${set.typeName}` };
});

/**
 * A consumer compiled for Java 8: it takes every constant of four vendors' enums as CodebookCode (and as
 * Enum & CodebookCode), prints what the interface says of each, finds each by its wire code with find, and
 * switches over the typed metadata, which would not compile were it still String.
 */
const CONSUMER = `import codebook.runtime.CodebookCode;
import codebook.runtime.Label;
import codebook.runtime.Placeholder;
import codebook.runtime.Retry;
import codebook.runtime.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

public final class Consumer {
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
${sets.map(({ type }) => `    describeAll(${type}.class, out);`).join("\n")}
${sets.map(({ type }) => `    out.append(${type}.find("no such code").isPresent()).append('\\n');`).join("\n")}
    out.append(codebook.phonepos.TerminalErrorCode.find(2310).get().name()).append('\\n');
    out.append(codebook.secupay.ErrorCode.find(-1).isPresent()).append('\\n');
    out.append(where(codebook.phonepos.TerminalErrorCode.BATTERY_TOO_LOW.getScope())).append('\\n');
    out.append(when(codebook.phonepos.TerminalErrorCode.INVALID_JSON.getRetry().getPolicy())).append('\\n');
    System.out.print(out);
  }

  /** Every constant of an enum, through the interface only, and found again by find(its wire code). */
  static <E extends Enum<E> & CodebookCode> void describeAll(Class<E> type, StringBuilder out) {
    List<CodebookCode> codes = new ArrayList<CodebookCode>();
    for (E constant : type.getEnumConstants()) codes.add(constant);
    for (CodebookCode code : codes) {
      out.append(describe(code)).append(' ').append(findsItself(type, code)).append('\\n');
    }
  }

  static String describe(CodebookCode code) {
    Retry retry = code.getRetry();
    StringBuilder placeholders = new StringBuilder();
    for (Placeholder placeholder : code.getPlaceholders()) placeholders.append(placeholder.getName()).append('=').append(placeholder.getToken()).append(';');
    return code.getVendorId() + " " + code.getCodeSetId() + " " + code.getWireCode() + " " + code.name()
        + " " + hex(code.getMessage()) + " " + hex(code.getDescription()) + " " + hex(code.getAction())
        + " " + label(code.getScope()) + " " + label(code.getCategory())
        + " " + (retry == null ? "-" : hex(retry.getPolicy().getId() + "," + retry.getMinDelaySeconds() + "," + retry.getMaxDelaySeconds() + "," + retry.getDelaysSeconds() + "," + retry.getNote()))
        + " " + hex(placeholders.length() == 0 ? null : placeholders.toString());
  }

  static <E extends Enum<E> & CodebookCode> boolean findsItself(Class<E> type, CodebookCode code) {
    try {
      Object found = type.getMethod("find", String.class).invoke(null, code.getWireCode());
      return ((java.util.Optional<?>) found).get() == code;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static String label(Label label) {
    return label == null ? "-" : hex(label.getId() + "," + label.getTitle());
  }

  /** A switch over the set's own Scope enum: the metadata is typed. */
  static String where(codebook.phonepos.TerminalErrorCode.Scope scope) {
    switch (scope) {
      case GENERAL: return "general scope";
      case PERSONALISATION: return "personalisation scope";
      default: return "another scope";
    }
  }

  static String when(RetryPolicy policy) {
    switch (policy) {
      case AFTER_FIX: return "retry after a fix";
      case NEVER: return "never retry";
      default: return "retry " + policy.getId();
    }
  }

  static String hex(String text) {
    if (text == null) return "-";
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) out.append(String.format("%02x", b & 0xff));
    return out.toString();
  }
}
`;

/** What the consumer must print for one code, from catalog.json. */
function expectedLine(vendorId: string, set: ExportedSet, code: ExportedCode): string {
  const text = (value: string | undefined) => (value === undefined ? "-" : hex(value));
  const label = (labels: Label[] | undefined, id: string | undefined) => {
    const found = labels?.find((candidate) => candidate.id === id);
    return found ? hex(`${found.id},${found.title}`) : "-";
  };
  const retry = code.retry;
  const javaNumber = (value: number | undefined) => (value === undefined ? "null" : String(value));
  const retryText = retry
    ? hex(
        `${retry.policy},${javaNumber(retry.minDelaySeconds)},${javaNumber(retry.maxDelaySeconds)},[${(retry.delaysSeconds ?? []).join(", ")}],${retry.note ?? "null"}`,
      )
    : "-";
  const placeholders = (code.placeholders ?? []).map((p) => `${p.name}=${p.token};`).join("");
  return [
    vendorId,
    set.id,
    String(code.code),
    code.name,
    text(code.message),
    text(code.description),
    text(code.action),
    label(set.scopes, code.scope),
    label(set.categories, code.category),
    retryText,
    placeholders === "" ? "-" : hex(placeholders),
    "true",
  ].join(" ");
}

describe("a Java 8 consumer of several vendors' enums through codebook.runtime", () => {
  it("compiles with --release 8 -Xlint:all -Werror, and reads every code's metadata through CodebookCode as the catalog has it", () => {
    const dir = tempDir("codebook-consumer-");
    writeFileSync(join(dir, "Consumer.java"), CONSUMER);
    const compiled = compileJavaTree([...javaSourceFiles(join(GENERATED, "java")), join(dir, "Consumer.java")], join(dir, "classes"), { release: 8 });
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", join(dir, "classes"), "Consumer"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const expected = [
      ...sets.flatMap(({ vendor, set }) => set.codes.filter((code) => !code.retired).map((code) => expectedLine(vendor.id, set, code))),
      ...sets.map(() => "false"),
      "BATTERY_TOO_LOW",
      "false",
      "general scope",
      "retry after a fix",
    ];
    const lines = run.stdout.split("\n").slice(0, -1);
    expect(lines).toEqual(expected);
    // The four sets between them have scopes, categories, retries with notes, and messages.
    const codeLines = lines.slice(0, -8).map((line) => line.split(" "));
    for (const column of [4, 7, 8, 9])
      expect(
        codeLines.some((line) => line[column] !== "-"),
        `column ${column}`,
      ).toBe(true);
  });
});
