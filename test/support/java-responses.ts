import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { hex } from "./java.js";

/**
 * A Java harness for the generated <Vendor>Responses classes: it reads lines of "class TAB status TAB
 * hex(JSON text)", parses the JSON into the Map/List/String/Long/Double/Boolean tree a JSON library
 * gives (objects keep their key order, as LinkedHashMap), and prints parseResponse(...).toJson() TAB
 * decide(...).toJson() for each.
 */
export function responsesHarness(classes: readonly string[]): string {
  const dispatch = classes
    .map(
      (name) =>
        `      case "${name}": { ${name}.ParsedResponse p = ${name}.parseResponse(body, status); out.append(p.toJson()).append('\\t').append(${name}.decide(p).toJson()); break; }`,
    )
    .join("\n");
  return `import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.*;

public final class ResponsesHarness {
  private final String text;
  private int at;

  private ResponsesHarness(String text) { this.text = text; }

  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
      String[] parts = line.split("\\t", -1);
      Integer status = parts[1].equals("-") ? null : Integer.valueOf(parts[1]);
      byte[] bytes = new byte[parts[2].length() / 2];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(parts[2].substring(2 * i, 2 * i + 2), 16);
      Object body = new ResponsesHarness(new String(bytes, StandardCharsets.UTF_8)).value();
      switch (parts[0]) {
${dispatch}
        default: throw new IllegalArgumentException(parts[0]);
      }
      out.append('\\n');
    }
    System.out.print(out);
  }

  private void space() { while (at < text.length() && " \\t\\n\\r".indexOf(text.charAt(at)) >= 0) at++; }

  private Object value() {
    space();
    char c = text.charAt(at);
    if (c == '{') {
      at++;
      Map<String, Object> map = new LinkedHashMap<>();
      space();
      if (text.charAt(at) == '}') { at++; return map; }
      while (true) {
        space();
        String key = string();
        space();
        at++; // :
        Object v = value();
        map.remove(key);
        map.put(key, v);
        space();
        if (text.charAt(at++) == '}') return map;
      }
    }
    if (c == '[') {
      at++;
      List<Object> list = new ArrayList<>();
      space();
      if (text.charAt(at) == ']') { at++; return list; }
      while (true) {
        list.add(value());
        space();
        if (text.charAt(at++) == ']') return list;
      }
    }
    if (c == '"') return string();
    if (text.startsWith("true", at)) { at += 4; return Boolean.TRUE; }
    if (text.startsWith("false", at)) { at += 5; return Boolean.FALSE; }
    if (text.startsWith("null", at)) { at += 4; return null; }
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
    String number = text.substring(start, at);
    if (number.matches("-?[0-9]{1,18}")) return Long.valueOf(number);
    return Double.valueOf(number);
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = text.charAt(at++);
      if (c == '"') return out.toString();
      if (c != '\\\\') { out.append(c); continue; }
      char e = text.charAt(at++);
      switch (e) {
        case 'n': out.append('\\n'); break;
        case 'r': out.append('\\r'); break;
        case 't': out.append('\\t'); break;
        case 'b': out.append('\\b'); break;
        case 'f': out.append('\\f'); break;
        case 'u': out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; break;
        default: out.append(e);
      }
    }
  }
}
`;
}

/** One probe: which class, the HTTP status (or none), and the body's JSON text. */
export interface ResponseProbe {
  readonly className: string;
  readonly httpStatus: number | undefined;
  readonly json: string;
}

/** Runs the harness over probes (compiled against the generated classes) and returns one output line per probe. */
export function runResponsesHarness(dir: string, classpath: string, classes: readonly string[], probes: readonly ResponseProbe[]): string[] {
  writeFileSync(join(dir, "ResponsesHarness.java"), responsesHarness(classes));
  const javac = spawnSync("javac", ["--release", "8", "-encoding", "UTF-8", "-cp", classpath, "-d", dir, join(dir, "ResponsesHarness.java")], {
    encoding: "utf8",
  });
  if (javac.status !== 0) throw new Error(`javac failed:\n${javac.stdout}${javac.stderr}`);
  const input = join(dir, "probes.txt");
  writeFileSync(input, probes.map((probe) => `${probe.className}\t${probe.httpStatus ?? "-"}\t${hex(probe.json)}`).join("\n"));
  const run = spawnSync("java", ["-Xss16m", "-cp", `${classpath}:${dir}`, "ResponsesHarness", input], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`java failed:\n${run.stderr}`);
  return run.stdout.split("\n").slice(0, -1);
}
