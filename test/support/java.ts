import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
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
