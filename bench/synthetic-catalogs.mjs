// Writes a synthetic catalog set: `vendors` catalogs of `codes` codes each, shaped like the real ones
// (several code kinds, categories with ranges, scopes, translations, placeholders, endpoints).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const WORDS = ["payment", "terminal", "card", "token", "refund", "capture", "contract", "account", "basket", "session", "device", "issuer"];
const word = (i, k) => WORDS[(i * 7 + k * 3) % WORDS.length];

/** One catalog's YAML text; deterministic for (vendorIndex, codes). */
export function syntheticCatalog(vendorIndex, codes) {
  const id = `vendor-${String(vendorIndex).padStart(3, "0")}`;
  const integerCount = Math.ceil(codes / 2);
  const digitsCount = codes - integerCount;
  const lines = [
    "# yaml-language-server: $schema=./catalog.schema.json",
    "vendor:",
    `  id: ${id}`,
    `  name: Vendor ${vendorIndex}`,
    "  summary: A synthetic vendor for benchmarks.",
    "  guidance:",
    "    - id: retries",
    "      title: Retries",
    "      text: Retry 5xx errors with exponential backoff.",
    "codeSets:",
    "  - id: errors",
    "    typeName: ErrorCode",
    "    title: Errors",
    "    codeKind: integer",
    "    categories:",
  ];
  const perCategory = 1000;
  for (let c = 0; c * perCategory < integerCount; c++) {
    lines.push(
      `      - id: range-${c}`,
      `        title: Range ${c}`,
      `        range: { min: ${10000 + c * perCategory}, max: ${10000 + (c + 1) * perCategory - 1} }`,
    );
  }
  lines.push("    codes:");
  for (let i = 0; i < integerCount; i++) {
    const a = word(i, 1);
    const b = word(i, 2);
    lines.push(
      `      - code: ${10000 + i}`,
      `        name: ${a.toUpperCase()}_${b.toUpperCase()}_${i}`,
      `        message: "The ${a} could not be processed for {name} (${i})."`,
      `        description: The ${a} ${b} failed; the request was refused by the ${b} service.`,
      `        action: Check the ${a} and try again.`,
      `        httpStatus: ${i % 3 === 0 ? 400 : i % 3 === 1 ? 409 : 502}`,
      `        category: range-${Math.floor(i / perCategory)}`,
      "        endpoints: [createPayment, capturePayment]",
      "        placeholders:",
      "          - name: name",
      '            token: "{name}"',
      "        translations:",
      `          de: { message: "Die ${a} konnte für {name} nicht verarbeitet werden (${i})." }`,
    );
  }
  lines.push(
    "  - id: terminal",
    "    typeName: TerminalCode",
    "    title: Terminal codes",
    "    codeKind: digits",
    "    width: 6",
    "    scopes:",
    "      - id: general",
    "        title: General",
    "    codes:",
  );
  for (let i = 0; i < digitsCount; i++) {
    lines.push(
      `      - code: "${String(i).padStart(6, "0")}"`,
      `        name: TERMINAL_${word(i, 3).toUpperCase()}_${i}`,
      `        description: The terminal reported ${word(i, 4)} state ${i}.`,
      "        scope: general",
    );
  }
  return { id, text: `${lines.join("\n")}\n` };
}

/** Writes `vendors` synthetic catalogs (and the schema) into dir. */
export function writeSyntheticCatalogs(dir, vendors, codes, schemaText) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "catalog.schema.json"), schemaText);
  let bytes = 0;
  for (let v = 0; v < vendors; v++) {
    const { id, text } = syntheticCatalog(v, codes);
    writeFileSync(join(dir, `${id}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
