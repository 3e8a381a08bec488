import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { ANDROID_MIN_API, androidApiProblems, referencedJdkMembers } from "../support/android-api.js";
import { emitTypeScript } from "../support/compile.js";
import { compileJavaTree, hex, JAVA_RELEASES } from "../support/java.js";
import { type LargeCatalogOptions, largeCatalogYaml, longText, retiredEntry, uncodedEntry } from "../support/large-catalog.js";
import { runGen, tempDir } from "../support/run-gen.js";
import { readTree } from "../support/tree.js";

// Generated Java must compile at any size a catalog may have, although the JVM limits a method to 64 KiB
// of bytecode, a class to 65,535 constants and a string constant to 65,535 bytes. The sizes here cross
// every threshold of java-view.ts and typescript-view.ts, for codes, uncoded entries and retired codes, and
// the large vendors cross the old limits (3,000 plain codes, 1,500 with full metadata, about 600 uncoded
// entries, a 64 KiB text) many times over: 10,000 codes per set, 10,000 uncoded entries, 10,000 retired
// codes and a 200,000-character text by default, 50,000 and 1,000,000 with CODEBOOK_LARGE=1.
const LARGE = process.env.CODEBOOK_LARGE === "1";
const BIG = LARGE ? { codes: 50_000, textChars: 1_000_000 } : { codes: 10_000, textChars: 200_000 };

/**
 * The largest count whose Java still takes its data inline (found by bisection): `options` makes a catalog of
 * that count, `dataClass` is the class that holds the data beyond it.
 */
function lastInlineSize(dir: string, file: string, dataClass: string, options: (count: number) => LargeCatalogOptions): number {
  const inline = (count: number) => {
    const catalogs = join(dir, `probe-${dataClass}-${count}`);
    mkdirSync(catalogs, { recursive: true });
    writeFileSync(join(catalogs, "probe.yaml"), largeCatalogYaml(options(count)));
    const java = generate({ catalogs }).files.find((entry) => entry.path.endsWith(`/${file}.java`));
    return !String(java?.content).includes(`class ${dataClass} {`);
  };
  let low = 2;
  let high = 1000;
  expect(inline(low)).toBe(true);
  expect(inline(high)).toBe(false);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (inline(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** A harness printing, for each probe "<class> <code>", what the Java API says of that code (by reflection: enum or class alike). */
const PROBE_HARNESS = `
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

public final class Probe {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.split(" ", -1);
      if (parts[0].equals("U")) {
        Class<?> uncodedType = Class.forName(parts[1] + "$Uncoded");
        Object entry = uncodedType.getMethod("match", int.class, String.class).invoke(null, Integer.parseInt(parts[2]), parts[3]);
        if (entry == null) { out.append("null\\n"); continue; }
        String name = (String) uncodedType.getMethod("name").invoke(entry);
        int ordinal = (Integer) uncodedType.getMethod("ordinal").invoke(entry);
        Object[] values = (Object[]) uncodedType.getMethod("values").invoke(null);
        boolean same = values[ordinal] == entry && uncodedType.getMethod("valueOf", String.class).invoke(null, name) == entry;
        out.append(name).append(' ').append(same).append(' ').append(ordinal).append('/').append(values.length)
            .append(' ').append(call(uncodedType, entry, "getHttpStatus"));
        for (String getter : new String[] {"getMessage", "getCase", "getDescription", "getAction"}) {
          out.append(' ').append(text(call(uncodedType, entry, getter)));
        }
        Object retry = call(uncodedType, entry, "getRetry");
        out.append(' ').append(retry == null ? "-" : text(((codebook.runtime.Retry) retry).getPolicy().getId() + "," + call(retry.getClass(), retry, "getMinDelaySeconds") + "," + call(retry.getClass(), retry, "getMaxDelaySeconds") + "," + call(retry.getClass(), retry, "getNote")));
        out.append('\\n');
        continue;
      }
      if (parts[0].equals("R")) {
        Object retired = Class.forName(parts[1]).getMethod("retired", String.class).invoke(null, parts[2]);
        if (retired == null) { out.append("null\\n"); continue; }
        out.append(call(retired.getClass(), retired, "code")).append(' ').append(call(retired.getClass(), retired, "name"));
        for (String accessor : new String[] {"since", "reason", "replacement"}) {
          out.append(' ').append(text(call(retired.getClass(), retired, accessor)));
        }
        out.append('\\n');
        continue;
      }
      Class<?> type = Class.forName(parts[0]);
      if (parts.length == 1) {
        Object[] uncoded = (Object[]) Class.forName(parts[0] + "$Uncoded").getMethod("values").invoke(null);
        Object last = uncoded[uncoded.length - 1];
        out.append(text(call(last.getClass(), last, "getMessage"))).append(' ').append(text(call(last.getClass(), last, "getDescription"))).append('\\n');
        continue;
      }
      boolean integer = type.getMethod("getCode").getReturnType() == int.class;
      Object member = integer
          ? type.getMethod("fromCode", int.class).invoke(null, Integer.parseInt(parts[1]))
          : type.getMethod("fromCode", String.class).invoke(null, parts[1]);
      if (member == null) { out.append("null\\n"); continue; }
      String name = (String) type.getMethod("name").invoke(member);
      Object byName = type.getMethod("valueOf", String.class).invoke(null, name);
      Object byString = type.getMethod("fromCode", String.class).invoke(null, String.valueOf(type.getMethod("getCode").invoke(member)));
      int ordinal = (Integer) type.getMethod("ordinal").invoke(member);
      Object[] values = (Object[]) type.getMethod("values").invoke(null);
      out.append(name).append(' ').append(type.getMethod("getCode").invoke(member))
          .append(' ').append(byName == member && byString == member && values[ordinal] == member)
          .append(' ').append(ordinal).append('/').append(values.length);
      for (String getter : new String[] {"getMessage", "getDescription", "getAction", "getScopeTitle", "getCategoryTitle"}) {
        out.append(' ').append(text(call(type, member, getter)));
      }
      out.append(' ').append(text(String.valueOf(call(type, member, "getHttpStatus"))));
      out.append(' ').append(list(call(type, member, "getEndpoints")));
      out.append(' ').append(list(call(type, member, "getAlternativeMessages")));
      out.append(' ').append(Boolean.TRUE.equals(call(type, member, "isReserved")));
      Object retry = call(type, member, "getRetry");
      out.append(' ').append(retry == null ? "-" : text(((codebook.runtime.Retry) retry).getPolicy().getId() + "," + call(retry.getClass(), retry, "getMinDelaySeconds") + "," + call(retry.getClass(), retry, "getMaxDelaySeconds") + "," + call(retry.getClass(), retry, "getNote")));
      @SuppressWarnings("unchecked")
      java.util.Map<String, java.util.Map<String, String>> translations = (java.util.Map<String, java.util.Map<String, String>>) call(type, member, "getTranslations");
      out.append(' ').append(translations == null || translations.isEmpty() ? "-" : text(sorted(translations)));
      Method format = find(type, "format", java.util.Map.class, String.class);
      out.append(' ').append(format == null ? "-" : text((String) format.invoke(member, java.util.Collections.singletonMap("name", "N"), "de")));
      out.append('\\n');
    }
    System.out.print(out);
  }

  static Method find(Class<?> type, String name, Class<?>... parameters) {
    try { return type.getMethod(name, parameters); } catch (NoSuchMethodException e) { return null; }
  }

  static String sorted(java.util.Map<String, java.util.Map<String, String>> translations) {
    java.util.Map<String, Object> sorted = new java.util.TreeMap<>();
    for (java.util.Map.Entry<String, java.util.Map<String, String>> entry : translations.entrySet()) sorted.put(entry.getKey(), new java.util.TreeMap<>(entry.getValue()));
    return sorted.toString();
  }

  static String list(Object items) {
    return items == null || ((java.util.List<?>) items).isEmpty() ? "-" : text(items.toString());
  }

  static Object call(Class<?> type, Object member, String getter) throws Exception {
    Method method = find(type, getter);
    return method == null ? null : method.invoke(member);
  }

  static String text(Object value) {
    if (value == null) return "-";
    StringBuilder out = new StringBuilder();
    for (byte b : ((String) value).getBytes(StandardCharsets.UTF_8)) out.append(String.format("%02x", b & 0xff));
    return out.toString();
  }
}
`;

/** The same answers from the TypeScript module, loaded in Node from tsc's output. */
const NODE_PROBE = `
import { readFileSync } from "node:fs";
const index = await import(process.argv[2]);
const hex = (text) => text === null || text === undefined ? "-" : Buffer.from(String(text), "utf8").toString("hex");
const javaList = (items) => items.length === 0 ? "-" : hex("[" + items.join(", ") + "]");
const out = [];
const retryText = (retry) => retry === null ? "-" : hex([retry.policy, retry.minDelaySeconds, retry.maxDelaySeconds, retry.note].map(String).join(","));
for (const line of readFileSync(0, "utf8").split("\\n").filter(Boolean)) {
  const words = line.split(" ");
  if (words[0] === "U") {
    const api = index[words[1]][words[2]];
    const entry = api.matchUncoded(Number(words[3]), words[4]);
    if (entry === null) { out.push("null"); continue; }
    const all = api.uncoded();
    const ordinal = all.indexOf(entry);
    out.push([entry.name, all.filter((other) => other.name === entry.name).length === 1, ordinal + "/" + all.length, entry.httpStatus, ...[entry.message, entry.case, entry.description, entry.action].map(hex), retryText(entry.retry)].join(" "));
    continue;
  }
  if (words[0] === "R") {
    const retired = index[words[1]][words[2]].parse(words[3]).retired;
    out.push(retired === undefined ? "null" : [words[3], retired.name, hex(retired.since), hex(retired.reason), hex(retired.replacement)].join(" "));
    continue;
  }
  const [ns, typeName, code] = words;
  const api = index[ns][typeName];
  if (code === undefined) {
    const last = api.uncoded().at(-1);
    out.push(hex(last.message) + " " + hex(last.description));
    continue;
  }
  const member = api.fromCode(typeof api.values()[0] === "number" ? Number(code) : code);
  if (member === null) { out.push("null"); continue; }
  const info = api.info(member);
  const values = api.values();
  const ordinal = values.indexOf(member);
  const same = api.valueOf(info.name) === member && api.fromCode(String(member)) === member;
  const fields = [info.message, info.description, info.action, info.scope?.title, info.category?.title].map(hex);
  const retry = retryText(info.retry);
  const translations = info.translations.size === 0 ? "-" : hex("{" + [...info.translations].sort(([a], [b]) => (a < b ? -1 : 1)).map(([locale, texts]) => locale + "={" + Object.entries(texts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => k + "=" + v).join(", ") + "}").join(", ") + "}");
  const formatted = info.placeholders.length === 0 ? "-" : hex(api.format(member, { name: "N" }, { locale: "de" }));
  out.push([info.name, String(member), same, ordinal + "/" + values.length, ...fields, hex(String(info.httpStatus)), javaList(info.endpoints), javaList(info.alternativeMessages), String(info.reserved), retry, translations, formatted].join(" "));
}
process.stdout.write(out.join("\\n") + "\\n");
`;

/** The set ids of test/support/large-catalog.ts, by type name: each set's TypeScript module is named after its id. */
const SET_IDS = { ErrorCode: "errors", TerminalCode: "terminal", SymbolCode: "symbols" } as const;

interface Vendor extends LargeCatalogOptions {
  /** The shape each set's Java must take. */
  readonly shapes: Record<"ErrorCode" | "TerminalCode" | "SymbolCode", "inline enum" | "data enum" | "class">;
  /** The shape of ErrorCode's Uncoded. */
  readonly uncodedShape: "inline enum" | "data enum" | "class";
  readonly uncoded: number;
  readonly retired: number;
}

const root = tempDir("codebook-java-large-");
const vendorOf = (javaProbe: string) => vendors.find((vendor) => javaProbe.startsWith(`codebook.${vendor.id}.`)) as Vendor;
const vendors: Vendor[] = [];
/** Each probe's line for the Java harness and for Node, and how the answer starts (null: the answer is "null"). */
let probes: { java: string; node: string; expected: string[] | null }[] = [];

beforeAll(() => {
  const small = { id: "probe", codes: 1, terminalCodes: 1, symbolCodes: 1, textChars: 10 };
  const inlineMax = lastInlineSize(join(root, "bisect"), "ErrorCode", "$Data", (codes) => ({ ...small, codes }));
  // With edgeinline's long text: the bytecode estimate counts the commas in literals too.
  const uncodedMax = lastInlineSize(join(root, "bisect"), "ErrorCode", "$UncodedData", (uncoded) => ({ ...small, textChars: 40_000, uncoded }));
  const retiredMax = lastInlineSize(join(root, "bisect"), "TerminalCode", "$RetiredData", (retired) => ({ ...small, retired }));
  vendors.push(
    // At the thresholds: the last enum with inline arguments (ErrorCode) and the first with $Data, the last
    // enum and the first class, a text within and beyond one literal, TypeScript's last set of object
    // literals (1,000 codes) and its first JSON text.
    {
      id: "edgeinline",
      codes: inlineMax,
      terminalCodes: 1000,
      symbolCodes: 1,
      textChars: 40_000,
      uncoded: uncodedMax,
      retired: retiredMax,
      shapes: { ErrorCode: "inline enum", TerminalCode: "inline enum", SymbolCode: "inline enum" },
      uncodedShape: "inline enum",
    },
    {
      id: "edgedata",
      codes: inlineMax + 1,
      terminalCodes: 3000,
      symbolCodes: 2,
      textChars: 65_535,
      uncoded: uncodedMax + 1,
      retired: retiredMax + 1,
      shapes: { ErrorCode: "data enum", TerminalCode: "data enum", SymbolCode: "data enum" },
      uncodedShape: "data enum",
    },
    {
      id: "edgeclass",
      codes: 3001,
      terminalCodes: 3001,
      symbolCodes: 3001,
      textChars: 100,
      uncoded: 3001,
      retired: 1001,
      shapes: { ErrorCode: "class", TerminalCode: "class", SymbolCode: "class" },
      uncodedShape: "class",
    },
    // Large: two catalogs, as one file holds at most 50 MB (50,000 codes with every field take 47 MB).
    {
      id: "big",
      codes: BIG.codes,
      terminalCodes: 1,
      symbolCodes: 2,
      textChars: BIG.textChars,
      uncoded: 1000,
      retired: 1000,
      shapes: { ErrorCode: "class", TerminalCode: "inline enum", SymbolCode: "data enum" },
      uncodedShape: "data enum",
    },
    {
      id: "bigkinds",
      codes: 1,
      terminalCodes: BIG.codes,
      symbolCodes: BIG.codes,
      textChars: 10,
      uncoded: BIG.codes,
      retired: BIG.codes,
      shapes: { ErrorCode: "inline enum", TerminalCode: "class", SymbolCode: "class" },
      uncodedShape: "class",
    },
  );
  const catalogs = join(root, "catalogs");
  mkdirSync(catalogs);
  for (const vendor of vendors) writeFileSync(join(catalogs, `${vendor.id}.yaml`), largeCatalogYaml(vendor));
  const gen = runGen(["--catalogs", catalogs, "--out", join(root, "out"), "--no-cache"]);
  expect(gen.stderr).toBe("");
  expect(gen.status).toBe(0);
  probes = vendors.flatMap((vendor) => {
    const sample = (count: number) =>
      [...new Set([0, 1, Math.floor(count / 2), count - 2, count - 1, ...Array.from({ length: 7 }, (_, k) => Math.floor((k * count) / 7))])].filter(
        (i) => i >= 0 && i < count,
      );
    const codes = [
      ...sample(vendor.codes).map((i) => ({
        set: "ErrorCode",
        code: String(100000 + i),
        name: `${["PAYMENT", "TERMINAL", "CARD", "TOKEN", "REFUND", "CAPTURE", "CONTRACT", "ACCOUNT"][(i * 7 + 3) % 8]}_${i}`,
      })),
      ...sample(vendor.terminalCodes).map((i) => ({ set: "TerminalCode", code: String(i).padStart(6, "0"), name: `TERMINAL_${i}` })),
      ...sample(vendor.symbolCodes).map((i) => ({ set: "SymbolCode", code: i === 0 ? "long-text" : `sym-${i}`, name: i === 0 ? "LONG_TEXT" : `SYM_${i}` })),
      { set: "ErrorCode", code: String(100000 + vendor.codes), name: null },
      // The last uncoded entry, whose message and description are the long text.
      { set: "ErrorCode", code: undefined, name: null },
    ].map(({ set, code, name }) => ({
      java: code === undefined ? `codebook.${vendor.id}.${set}` : `codebook.${vendor.id}.${set} ${code}`,
      node: code === undefined ? `${vendor.id} ${set}` : `${vendor.id} ${set} ${code}`,
      expected: name === null ? null : [name, code as string, "true"],
    }));
    const uncoded = sample(vendor.uncoded - 2).map((i) => {
      const entry = uncodedEntry(i);
      const retry = entry.retry === null ? "-" : hex(`${entry.retry.policy},${entry.retry.minDelaySeconds},null,null`);
      return {
        java: `U codebook.${vendor.id}.ErrorCode ${entry.httpStatus} ${entry.message}`,
        node: `U ${vendor.id} ErrorCode ${entry.httpStatus} ${entry.message}`,
        expected: [entry.name, "true", `${i}/${vendor.uncoded}`, String(entry.httpStatus), hex(entry.message), hex(entry.case), "-", "-", retry],
      };
    });
    const retired = sample(vendor.retired).map((i) => {
      const entry = retiredEntry(i);
      return {
        java: `R codebook.${vendor.id}.TerminalCode ${entry.code}`,
        node: `R ${vendor.id} TerminalCode ${entry.code}`,
        expected: [entry.code, entry.name, hex(entry.since), hex(entry.reason), entry.replacement === null ? "-" : hex(entry.replacement)],
      };
    });
    // Misses: a known message with another status, a live code and an unknown one are no retired codes.
    const misses = [`ErrorCode 599 Uncoded-0`, "TerminalCode 000000", "TerminalCode 999999"].map((probe, k) => ({
      java: `${k === 0 ? "U" : "R"} codebook.${vendor.id}.${probe}`,
      node: `${k === 0 ? "U" : "R"} ${vendor.id} ${probe}`,
      expected: null,
    }));
    return [...codes, ...uncoded, ...retired, ...misses];
  });
}, 600_000);

describe(`Java and TypeScript at every size (${LARGE ? "CODEBOOK_LARGE=1" : "default sizes"}: ${BIG.codes} codes per set, a ${BIG.textChars}-character text)`, () => {
  it("takes the shape each set's size calls for", () => {
    for (const vendor of vendors) {
      for (const [set, shape] of Object.entries(vendor.shapes)) {
        const java = readFileSync(join(root, "out/java/codebook", vendor.id, `${set}.java`), "utf8");
        expect(java.includes(`public enum ${set} implements codebook.runtime.CodebookCode {`), `${vendor.id} ${set}`).toBe(shape !== "class");
        expect(java.includes("private static final class $Data {"), `${vendor.id} ${set}`).toBe(shape !== "inline enum");
      }
      const errors = readFileSync(join(root, "out/java/codebook", vendor.id, "ErrorCode.java"), "utf8");
      expect(errors.includes("public enum Uncoded {"), `${vendor.id} Uncoded`).toBe(vendor.uncodedShape !== "class");
      expect(errors.includes("private static final class $UncodedData {"), `${vendor.id} Uncoded`).toBe(vendor.uncodedShape !== "inline enum");
      const terminal = readFileSync(join(root, "out/java/codebook", vendor.id, "TerminalCode.java"), "utf8");
      expect(terminal.includes("private static final class $RetiredData {"), `${vendor.id} retired`).toBe(vendor.id !== "edgeinline");
      // Each set is a module of its own: ts/<vendor>/<set id>.ts.
      const ts = (set: string) => readFileSync(join(root, "out/ts", vendor.id, `${SET_IDS[set as keyof typeof SET_IDS]}.ts`), "utf8");
      const sizes = { ErrorCode: vendor.codes, TerminalCode: vendor.terminalCodes, SymbolCode: vendor.symbolCodes };
      for (const [set, codes] of Object.entries(sizes)) {
        const prefix = set.replace(/(?<=.)([A-Z])/g, "_$1").toUpperCase();
        expect(ts(set).includes(`const ${prefix}_INFOS: readonly ${set}Info[] = /* @__PURE__ */ (() =>\n  (JSON.parse(`), `${vendor.id} ${set}`).toBe(
          codes > 1000,
        );
      }
      expect(
        ts("ErrorCode").includes("const ERROR_CODE_UNCODED: readonly ErrorCodeUncodedInfo[] = /* @__PURE__ */ (() => JSON.parse("),
        `${vendor.id} uncoded`,
      ).toBe(vendor.uncoded > 1000);
      expect(
        ts("TerminalCode").includes("const TERMINAL_CODE_RETIRED: ReadonlyMap<string, RetiredInfo> = /* @__PURE__ */ (() => new Map(JSON.parse("),
        `${vendor.id} retired`,
      ).toBe(vendor.retired > 1000);
    }
  });

  it(`compiles with javac --release ${JAVA_RELEASES.join(", ")} -Xlint:all -Werror, calling nothing Android lacks below API level ${ANDROID_MIN_API}`, () => {
    const javaDir = join(root, "out/java");
    const files = [...readTree(javaDir).keys()].map((file) => join(javaDir, file));
    for (const release of JAVA_RELEASES) {
      const javac = compileJavaTree(files, join(root, `classes-${release}`), { release });
      expect(javac.output, `--release ${release}`).toBe("");
      expect(javac.status, `--release ${release}`).toBe(0);
    }
    const members = referencedJdkMembers(join(root, "classes-8"));
    expect(members.size).toBeGreaterThan(30);
    expect(androidApiProblems(members)).toEqual([]);
  }, 600_000);

  let javaAnswers: string[] = [];
  it("answers for first, last and sampled codes, compiled for Java 8", () => {
    writeFileSync(join(root, "Probe.java"), PROBE_HARNESS);
    const classes = join(root, "classes-8");
    const javac = compileJavaTree([join(root, "Probe.java")], join(root, "probe"), { release: 8, classpath: classes });
    expect(javac.output).toBe("");
    expect(javac.status).toBe(0);
    const run = spawnSync("java", ["-Xss8m", "-cp", `${classes}:${join(root, "probe")}`, "Probe"], {
      input: `${probes.map((p) => p.java).join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect(run.stderr).toBe("");
    javaAnswers = run.stdout.split("\n").slice(0, -1);
    expect(javaAnswers).toHaveLength(probes.length);
    probes.forEach((probe, index) => {
      const answer = javaAnswers[index]?.split(" ") ?? [];
      if (probe.java.split(" ").length === 1)
        expect(answer).toEqual([hex(longText(vendorOf(probe.java).textChars)), hex(longText(vendorOf(probe.java).textChars))]);
      else if (probe.expected === null) expect(answer).toEqual(["null"]);
      else expect(answer.slice(0, probe.expected.length), probe.java).toEqual(probe.expected);
    });
  }, 600_000);

  it("compiles with strict tsc, loads in Node and agrees with the Java", () => {
    // The consumer's package is an ES module package, so tsc (module NodeNext) emits ES modules.
    writeFileSync(join(root, "out/package.json"), '{ "type": "module" }\n');
    const ts = emitTypeScript(join(root, "out/ts"), ["index.ts"], join(root, "js"));
    expect(ts.output).toBe("");
    expect(ts.status).toBe(0);
    writeFileSync(join(root, "js/package.json"), '{ "type": "module" }\n');
    writeFileSync(join(root, "probe.mjs"), NODE_PROBE);
    const run = spawnSync(process.execPath, [join(root, "probe.mjs"), pathToFileURL(join(root, "js/index.js")).href], {
      input: `${probes.map((p) => p.node).join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    expect(run.stderr).toBe("");
    const nodeAnswers = run.stdout.split("\n").slice(0, -1);
    expect(nodeAnswers).toEqual(javaAnswers);
  }, 600_000);

  it("keeps the long text whole, character for character, in a code's and an uncoded entry's texts", () => {
    expect(javaAnswers[probes.findIndex((probe) => probe.java === "codebook.big.ErrorCode")]).toBe(
      `${hex(longText(BIG.textChars))} ${hex(longText(BIG.textChars))}`,
    );
    const line = javaAnswers[probes.findIndex((probe) => probe.java === "codebook.big.SymbolCode long-text")]?.split(" ");
    expect(line?.[5]).toBe(hex(longText(BIG.textChars)));
  });
});
