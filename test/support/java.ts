import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "./paths.js";

/** The TerminalErrorCode enum exactly as the PhonePOS document prints it. */
export function seedTerminalErrorCodeSource(): string {
  const seed = readFileSync(join(FIXTURES, "seeds/phonepos.txt"), "utf8");
  const start = seed.indexOf("public enum TerminalErrorCode {");
  const end = seed.lastIndexOf("}");
  if (start < 0 || end < start) throw new Error("the PhonePOS seed no longer contains the TerminalErrorCode enum");
  return `${seed.slice(start, end + 1)}\n`;
}

/** Every .java file under dir, at any depth. */
export function javaSourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? javaSourceFiles(join(dir, entry.name)) : entry.name.endsWith(".java") ? [join(dir, entry.name)] : [],
  );
}

/** The shared runtime's sources (codebook.runtime) under a generated java/ directory: every enum and parser needs them. */
export function javaRuntimeFiles(javaDir: string): string[] {
  const dir = join(javaDir, "codebook/runtime");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".java"))
    .sort()
    .map((name) => join(dir, name));
}

/** Integers the parity tests feed fromCode(int). */
export const INT_RANGE = { from: -20_000, to: 20_000 };

/** Strings that trip up naive lookups: padding, signs, whitespace, other digit scripts, full-width digits. */
export const AWKWARD_STRINGS = [
  " 0100",
  "100",
  "+100",
  "0100\n",
  "",
  "٠١٠٠",
  "２３１０",
  "0100 ",
  "00100",
  "-100",
  "2310",
  "0100",
  "0x64",
  "１００",
  "\u00a00100",
];

/**
 * A harness that prints, one per line, TYPE.fromCode(i) for every int of INT_RANGE and then
 * TYPE.fromCode(s) for every string given as hex-encoded UTF-8 (so no platform charset can alter them).
 * Members are printed by name(); an unknown code prints "null".
 */
export function harnessSource(typeName: string, importLine = ""): string {
  return `${importLine}
public final class Harness {
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    for (int i = ${INT_RANGE.from}; i <= ${INT_RANGE.to}; i++) {
      Object member = ${typeName}.fromCode(i);
      out.append(member == null ? "null" : ((Enum<?>) member).name()).append('\\n');
    }
    for (String hex : args) {
      byte[] bytes = new byte[hex.length() / 2];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      Object member = ${typeName}.fromCode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      out.append(member == null ? "null" : ((Enum<?>) member).name()).append('\\n');
    }
    System.out.print(out);
  }
}
`;
}

/** Compiles Java sources in dir with javac (warnings are errors) and runs a main class; returns its stdout lines. */
export function compileAndRun(
  dir: string,
  sources: Record<string, string>,
  mainClass: string,
  args: readonly string[],
  javacFlags: readonly string[] = [],
): string[] {
  const files = Object.entries(sources).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const javac = spawnSync("javac", [...javacFlags, "-encoding", "UTF-8", "-d", join(dir, "classes"), ...files], { encoding: "utf8" });
  if (javac.status !== 0) throw new Error(`javac failed:\n${javac.stdout}${javac.stderr}`);
  const run = spawnSync("java", ["-cp", join(dir, "classes"), mainClass, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`java failed:\n${run.stderr}`);
  return run.stdout.split("\n").slice(0, -1);
}

export const hex = (text: string) => Buffer.from(text, "utf8").toString("hex");

/**
 * A harness that answers probes read from stdin, one per line, through reflection on generated enums:
 *   S <class> <hex>          fromCode(String)          -> constant name or null
 *   I <class> <int>          fromCode(int)             -> constant name or null
 *   V <class> <name>         valueOf(name)             -> getCode, hex(message), hex(description), or "throws"
 *   U <class> <status> <hex> Uncoded.match(int, String) -> constant name or null
 * Texts are hex-encoded UTF-8 both ways ("-" for null), so no platform charset can alter them.
 */
export const CONFORMANCE_HARNESS = `
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

public final class Conformance {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] parts = line.split(" ", -1);
      Class<?> type = Class.forName(parts[1]);
      switch (parts[0]) {
        case "S": out.append(name(type.getMethod("fromCode", String.class).invoke(null, unhex(parts[2])))); break;
        case "I": out.append(name(type.getMethod("fromCode", int.class).invoke(null, Integer.parseInt(parts[2])))); break;
        case "V":
          try {
            Object member = type.getMethod("valueOf", String.class).invoke(null, parts[2]);
            out.append(type.getMethod("getCode").invoke(member)).append(' ').append(text(type, member, "getMessage")).append(' ').append(text(type, member, "getDescription"));
          } catch (InvocationTargetException e) {
            out.append("throws");
          }
          break;
        case "U":
          Class<?> uncoded = Class.forName(parts[1] + "$Uncoded");
          out.append(name(uncoded.getMethod("match", int.class, String.class).invoke(null, Integer.parseInt(parts[2]), unhex(parts[3]))));
          break;
        default: throw new IllegalArgumentException(line);
      }
      out.append('\\n');
    }
    System.out.print(out);
  }

  static String name(Object member) { return member == null ? "null" : ((Enum<?>) member).name(); }

  static String text(Class<?> type, Object member, String getter) throws Exception {
    try {
      Object value = type.getMethod(getter).invoke(member);
      return value == null ? "-" : hex((String) value);
    } catch (NoSuchMethodException e) {
      return "-";
    }
  }

  static String hex(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) out.append(String.format("%02x", b & 0xff));
    return out.toString();
  }

  static String unhex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
`;

/**
 * The Java releases the generated code is compiled for: 8 (the oldest a consumer may have, and Android's
 * language level), 11, and 17 (this machine's JDK). javac 17 targets 8 without an [options] warning, so
 * every release takes the same -Xlint:all -Werror.
 */
export const JAVA_RELEASES = [8, 11, 17] as const;

/**
 * Compiles the files in one javac run with -Xlint:all -Werror, for a release (--release, which also checks
 * that only that release's API is used) or the JDK's own; returns javac's output (empty when clean) and status.
 */
export function compileJavaTree(
  files: readonly string[],
  classes: string,
  options: { readonly release?: number; readonly classpath?: string } = {},
): { status: number | null; output: string } {
  const flags = [
    ...(options.release === undefined ? [] : ["--release", String(options.release)]),
    ...(options.classpath === undefined ? [] : ["-cp", options.classpath]),
  ];
  const javac = spawnSync("javac", [...flags, "-Xlint:all", "-Werror", "-encoding", "UTF-8", "-d", classes, ...files], { encoding: "utf8" });
  return { status: javac.status, output: `${javac.stdout}${javac.stderr}` };
}

/** Runs the conformance harness over probes (lines) with the given classpath; returns its answer lines. */
export function runConformance(classpath: string, probes: readonly string[]): string[] {
  const run = spawnSync("java", ["-cp", classpath, "Conformance"], { input: `${probes.join("\n")}\n`, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`java failed:\n${run.stderr}`);
  return run.stdout.split("\n").slice(0, -1);
}
