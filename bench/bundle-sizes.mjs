// What a consumer's bundle of the generated TypeScript costs, minified by esbuild (--bundle --minify), for
// the budgets of issue 15: one member plus fromCode of a code set costs at most the set's own table plus
// 1.5 KiB, and one vendor through the index at most 1.05 times the vendor's module imported directly.
// `node bench/bundle-sizes.mjs [generated dir]` prints them; bench/run.mjs prints them for both styles.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync, transformSync } from "esbuild";

/** The set's members as an enum, minified by esbuild as a consumer's build would: what the enum itself costs. */
function enumSize(set) {
  const value = (code) => (typeof code === "number" ? String(code) : JSON.stringify(code));
  const source = `export enum E { ${set.codes.map((entry) => `${entry.name} = ${value(entry.code)}`).join(", ")} }\n`;
  return transformSync(source, { loader: "ts", minify: true, format: "esm" }).code.length;
}

/** The budgets, in bytes and as a ratio. */
export const BUNDLE_BUDGETS = { memberOverTable: 1536, indexOverDirect: 1.05 };

/** Bundles an entry's source (imports relative to tsDir) as a consumer's build would; returns the minified text. */
export function bundleEntry(tsDir, source) {
  const result = buildSync({
    stdin: { contents: source, resolveDir: tsDir, loader: "ts", sourcefile: "entry.ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "neutral",
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/**
 * The entries measured for one code set, in either style: its data alone (the ByCode map, and its code-less
 * cases where it has them), and one
 * member plus fromCode through the vendor module (erasable: the set's module, where fromCode is). Both
 * entries touch two things, so that the difference is what the set's helpers and members cost.
 */
export function codeSetEntries(vendorModule, set, style) {
  const member = set.codes[0]?.name;
  const code = JSON.stringify(set.codes[0]?.code);
  const byCode = `${set.typeName.charAt(0).toLowerCase()}${set.typeName.slice(1)}ByCode`;
  // A set's code-less cases are its data too. The enum carries them (its merged helpers include uncoded()),
  // so there the table counts them; an erasable bundle of fromCode leaves them out, and so does its table.
  const setModule = `${vendorModule.replace(/\.js$/, "")}/${set.id}.js`;
  const table =
    style === "erasable" || set.uncoded === undefined || set.uncoded.length === 0
      ? `import { ${byCode} as t } from "${vendorModule}";\nconsole.log(t, t.get(${code}));\n`
      : `import { ${byCode} as t } from "${vendorModule}";\nimport { uncoded as u } from "${setModule}";\nconsole.log(t, t.get(${code}), u());\n`;
  const oneMember =
    style === "erasable"
      ? `import { ${set.typeName} as T, fromCode } from "${setModule}";\nconsole.log(T.${member}, fromCode(${code}));\n`
      : `import { ${set.typeName} as T } from "${vendorModule}";\nconsole.log(T.${member}, T.fromCode(${code}));\n`;
  return { table, oneMember };
}

/** Every budget of a generated directory (its ts/ and catalog.json), as rows to print. */
export function measureBundles(generatedDir, style) {
  const tsDir = join(generatedDir, "ts");
  const catalog = JSON.parse(readFileSync(join(generatedDir, "catalog.json"), "utf8"));
  const namespaceOf = (id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
  const sets = [];
  const vendors = [];
  for (const vendor of catalog.vendors) {
    const module = `./${vendor.id}.js`;
    for (const set of vendor.codeSets) {
      const entries = codeSetEntries(module, set, style);
      // The set's own table: its entries (the ByCode map, as bundled) and its members. The erasable entries
      // refer to the members' object, so it is in their bundle; esbuild inlines an enum's members into the
      // entries, so the enum is counted as esbuild compiles it on its own (for an integer set that is a
      // two-way table: TypeScript gives every numeric member a reverse mapping). The budget is what one
      // member and fromCode add on top of both.
      const members = style === "enum" ? enumSize(set) : 0;
      const table = bundleEntry(tsDir, entries.table).length + members;
      const oneMember = bundleEntry(tsDir, entries.oneMember).length;
      sets.push({ vendor: vendor.id, set: set.typeName, table, oneMember, over: oneMember - table });
    }
    const ns = namespaceOf(vendor.id);
    const direct = bundleEntry(tsDir, `import * as v from "${module}";\nconsole.log(v);\n`).length;
    const viaIndex = bundleEntry(tsDir, `import { ${ns} as v } from "./index.js";\nconsole.log(v);\n`).length;
    vendors.push({ vendor: vendor.id, direct, viaIndex, ratio: viaIndex / direct });
  }
  return { sets, vendors };
}

/** The rows as lines, each with its budget and whether it holds. */
export function describeBundles({ sets, vendors }) {
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [];
  for (const row of sets) {
    const ok = row.over <= BUNDLE_BUDGETS.memberOverTable ? "ok" : "OVER BUDGET";
    lines.push(
      `  ${`${row.vendor} ${row.set}`.padEnd(36)} table ${kib(row.table).padStart(9)}  one member + fromCode ${kib(row.oneMember).padStart(9)}  (+${row.over} B; budget +${BUNDLE_BUDGETS.memberOverTable} B: ${ok})`,
    );
  }
  for (const row of vendors) {
    const ok = row.ratio <= BUNDLE_BUDGETS.indexOverDirect ? "ok" : "OVER BUDGET";
    lines.push(
      `  ${row.vendor.padEnd(36)} direct ${kib(row.direct).padStart(9)}  via the index ${kib(row.viaIndex).padStart(9)}  (${row.ratio.toFixed(3)}x; budget ${BUNDLE_BUDGETS.indexOverDirect}x: ${ok})`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? new URL("../generated", import.meta.url).pathname;
  const style = process.argv[3] ?? "enum";
  console.log(`esbuild --bundle --minify of ${dir}/ts (${style} style):`);
  for (const line of describeBundles(measureBundles(dir, style))) console.log(line);
}
