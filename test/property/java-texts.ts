import type { Catalog, CodeSet } from "../support/arbitraries.js";
import { effectiveOf, javaPackageOf, reachableByInt, trimAscii } from "../support/arbitraries.js";
import { hex } from "../support/java.js";

/**
 * A harness beside test/support/java.ts's Conformance that reads every text of a generated enum back
 * through reflection. Unlike Conformance's V probe it hex-encodes the code too (a symbolic code may hold
 * a line break, and stdout's charset is the platform's), and it reads every getter, not only two:
 *   T <class> <name>   the constant's code, message, description, action, scope and category titles,
 *                      HTTP status, alternative messages, endpoints, translations and reserved flag
 *   E <class>          the names of every constant, in order
 *   N <class>          every Uncoded constant: name, HTTP status, message, case, description, action
 * Strings are hex-encoded UTF-8 ("-" for null); a list is its items joined by ",", a map {key=value/...}
 * ("" when empty); a getter the enum does not have reads as null, an empty list or false, so the answer
 * does not depend on which fields the generator chose to emit.
 */
export const TEXTS_HARNESS = `
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class PropertyTexts {
  private static final String[] GETTERS = {
    "getMessage", "getDescription", "getAction", "getScopeTitle", "getCategoryTitle", "getHttpStatus",
    "getAlternativeMessages", "getEndpoints", "getTranslations", "isReserved"
  };
  private static final String[] UNCODED_GETTERS = { "getHttpStatus", "getMessage", "getCase", "getDescription", "getAction" };

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.split(" ", -1);
      Class<?> type = Class.forName(parts[1]);
      switch (parts[0]) {
        case "T": {
          Object member = type.getMethod("valueOf", String.class).invoke(null, parts[2]);
          out.append(hex(String.valueOf(type.getMethod("getCode").invoke(member))));
          for (String getter : GETTERS) out.append(' ').append(read(type, member, getter));
          break;
        }
        case "E": {
          List<String> names = new ArrayList<>();
          for (Object constant : type.getEnumConstants()) names.add(((Enum<?>) constant).name());
          out.append(String.join(",", names));
          break;
        }
        case "N": {
          Class<?> uncoded = Class.forName(parts[1] + "$Uncoded");
          List<String> entries = new ArrayList<>();
          for (Object constant : uncoded.getEnumConstants()) {
            StringBuilder entry = new StringBuilder(((Enum<?>) constant).name());
            for (String getter : UNCODED_GETTERS) entry.append(' ').append(read(uncoded, constant, getter));
            entries.add(entry.toString());
          }
          out.append(String.join(";", entries));
          break;
        }
        default: throw new IllegalArgumentException(line);
      }
      out.append('\\n');
    }
    System.out.print(out);
  }

  static String read(Class<?> type, Object member, String getter) throws Exception {
    Method method;
    try {
      method = type.getMethod(getter);
    } catch (NoSuchMethodException e) {
      if (getter.equals("isReserved")) return "false";
      return getter.equals("getAlternativeMessages") || getter.equals("getEndpoints") || getter.equals("getTranslations") ? "" : "-";
    }
    return render(method.invoke(member));
  }

  static String render(Object value) {
    if (value == null) return "-";
    if (value instanceof String) return hex((String) value);
    if (value instanceof List) {
      List<String> items = new ArrayList<>();
      for (Object item : (List<?>) value) items.add(render(item));
      return String.join(",", items);
    }
    if (value instanceof Map) {
      List<String> items = new ArrayList<>();
      for (Map.Entry<?, ?> entry : new TreeMap<Object, Object>((Map<?, ?>) value).entrySet()) items.add(entry.getKey() + "=" + render(entry.getValue()));
      return items.isEmpty() ? "" : "{" + String.join("/", items) + "}";
    }
    return String.valueOf(value);
  }

  static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) out.append(String.format("%02x", b & 0xff));
    return out.toString();
  }
}
`;

const text = (value: string | undefined): string => (value === undefined ? "-" : hex(value));

function translationsAnswer(translations: Record<string, Partial<Record<string, string>>> | undefined): string {
  const locales = Object.keys(translations ?? {}).sort();
  if (locales.length === 0) return "";
  const render = (texts: Partial<Record<string, string>>) =>
    `{${Object.keys(texts)
      .sort()
      .map((field) => `${field}=${text(texts[field])}`)
      .join("/")}}`;
  return `{${locales.map((locale) => `${locale}=${render(translations?.[locale] ?? {})}`).join("/")}}`;
}

/** PropertyTexts probes for one code set, with the answers the catalog calls for. */
export function textProbes(catalog: Catalog, set: CodeSet): { probes: string[]; expected: string[] } {
  const type = `${javaPackageOf(catalog.vendor)}.${set.typeName}`;
  const probes = [`E ${type}`];
  const expected = [set.codes.map((code) => code.name).join(",")];
  for (const code of set.codes) {
    probes.push(`T ${type} ${code.name}`);
    const effective = effectiveOf(set, code);
    const scope = set.scopes?.find((s) => s.id === effective.scope)?.title;
    const category = set.categories?.find((c) => c.id === code.category)?.title;
    expected.push(
      [
        hex(String(code.code)),
        text(code.message),
        text(code.description),
        text(code.action),
        text(scope),
        text(category),
        effective.httpStatus === undefined ? "-" : String(effective.httpStatus),
        (code.alternativeMessages ?? []).map(hex).join(","),
        (code.endpoints ?? []).map(hex).join(","),
        translationsAnswer(code.translations),
        String(code.reserved ?? false),
      ].join(" "),
    );
  }
  if (set.uncoded !== undefined) {
    probes.push(`N ${type}`);
    expected.push(
      set.uncoded
        .map((entry) => [entry.name, String(entry.httpStatus), hex(entry.message), text(entry.case), text(entry.description), text(entry.action)].join(" "))
        .join(";"),
    );
  }
  return { probes, expected };
}

const JAVA_INT_MIN = -2_147_483_648;
const JAVA_INT_MAX = 2_147_483_647;

/**
 * Conformance probes (test/support/java.ts) for one set, answered from the catalog: fromCode by string
 * and by int for every code, valueOf for numeric sets, Uncoded.match for every uncoded error and
 * near misses, and codes that no set can hold.
 */
export function conformanceProbes(catalog: Catalog, set: CodeSet): { probes: string[]; expected: string[] } {
  const type = `${javaPackageOf(catalog.vendor)}.${set.typeName}`;
  const probes: string[] = [];
  const expected: string[] = [];
  const add = (probe: string, answer: string) => {
    probes.push(probe);
    expected.push(answer);
  };
  const byWire = new Map(set.codes.map((code) => [String(code.code), code.name]));
  for (const code of set.codes) {
    add(`S ${type} ${hex(String(code.code))}`, code.name);
    if (reachableByInt(set, code)) add(`I ${type} ${Number(code.code)}`, code.name);
    if (set.codeKind === "integer" || set.codeKind === "digits") {
      add(`V ${type} ${code.name}`, `${String(code.code)} ${text(code.message)} ${text(code.description)}`);
    }
  }
  const unknownStrings = [
    "",
    " ",
    "__proto__",
    "constructor",
    "toString",
    ...set.codes.map((code) => `${String(code.code)} `),
    ...set.codes.map((code) => `0${String(code.code)}`),
  ];
  for (const unknown of unknownStrings) add(`S ${type} ${hex(unknown)}`, byWire.get(unknown) ?? "null");
  if (set.codeKind === "digits" || (set.codeKind === "alphanumeric" && set.width !== undefined)) {
    // Too wide, or negative: no digits code can match.
    for (const unknown of [10 ** (set.width ?? 1), -1, JAVA_INT_MIN]) add(`I ${type} ${unknown}`, "null");
  }
  if (set.codeKind === "integer") {
    for (const unknown of [JAVA_INT_MIN, JAVA_INT_MAX, 0, 1, -1, ...set.codes.map((code) => Number(code.code) + 1)]) {
      if (unknown < JAVA_INT_MIN || unknown > JAVA_INT_MAX) continue;
      add(`I ${type} ${unknown}`, byWire.get(String(unknown)) ?? "null");
    }
  }
  add(`V ${type} NO_SUCH_NAME_${set.codes.length}x`, "throws");
  for (const entry of set.uncoded ?? []) {
    const variants = [entry.message, ` ${entry.message}\t`, `${entry.message}x`, entry.message.replace(/[\t\n\v\f\r ]+(?=[\s\S]$)/u, "")];
    for (const message of variants) {
      const match = set.uncoded?.find((other) => other.httpStatus === entry.httpStatus && trimAscii(other.message) === trimAscii(message));
      add(`U ${type} ${entry.httpStatus} ${hex(message)}`, match?.name ?? "null");
    }
  }
  return { probes, expected };
}
