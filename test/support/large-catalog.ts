/**
 * Catalogs at the sizes where Java's class-file limits bite: one integer set whose every code carries
 * every optional field, a digits set and a symbolic set of the same size, and one code whose
 * description is a long text mixing 1-, 2- and 3-byte characters, NUL (2 bytes in class files) and
 * astral characters (6 bytes there).
 */

const WORDS = ["payment", "terminal", "card", "token", "refund", "capture", "contract", "account"];
const word = (i: number, k: number) => WORDS[(i * 7 + k * 3) % WORDS.length] ?? "code";

/** The long text: `chars` UTF-16 units, the same for Java and TypeScript. */
export function longText(chars: number): string {
  const unit = 'Long text: ASCII, é, €, \u0000 NUL, 😀 astral, \\u000a literal, */ end, "quote". ';
  return unit
    .repeat(Math.ceil(chars / unit.length))
    .slice(0, chars)
    .replace(/[\ud800-\udbff]$/, "x");
}

/** A double-quoted YAML scalar (JSON's escapes are YAML's). */
const q = (text: string) => JSON.stringify(text);

export interface LargeCatalogOptions {
  /** The vendor id (and Java package codebook.<id>). */
  readonly id: string;
  /** Codes of the integer set ErrorCode, each with every optional field. */
  readonly codes: number;
  /** Codes of the digits set TerminalCode (a code and a message each). */
  readonly terminalCodes: number;
  /** Codes of the symbolic set SymbolCode; its first holds the long text. */
  readonly symbolCodes: number;
  /** Length of the long text, in UTF-16 units. */
  readonly textChars: number;
  /** Uncoded entries of ErrorCode (at least 2): UNCODED_<i> with message Uncoded-<i>, then TOO_MANY and LONG_MESSAGE. */
  readonly uncoded?: number;
  /** Retired codes of TerminalCode: RETIRED_<i> with code 9<i padded to 5>. */
  readonly retired?: number;
}

/** The extra uncoded entry i, as the YAML writes it and the tests expect it. */
export function uncodedEntry(i: number) {
  return {
    name: `UNCODED_${i}`,
    httpStatus: 400 + (i % 100),
    message: `Uncoded-${i}`,
    case: `Case ${i} – é€😀`,
    retry: i % 3 === 0 ? { policy: "after-delay", minDelaySeconds: i % 60, maxDelaySeconds: null, note: null } : null,
  };
}

/** The retired code i of TerminalCode. */
export function retiredEntry(i: number) {
  return {
    code: `9${String(i).padStart(5, "0")}`,
    name: `RETIRED_${i}`,
    since: `2.${i}`,
    reason: `Gone "${i}" */ \\ é😀.`,
    replacement: i % 2 === 0 ? "TERMINAL_0" : null,
  };
}

/** The YAML text of a vendor with the three sets. */
export function largeCatalogYaml({ id, codes, terminalCodes, symbolCodes, textChars, uncoded = 2, retired = 0 }: LargeCatalogOptions): string {
  const lines = [
    "vendor:",
    `  id: ${id}`,
    `  name: Large ${id}`,
    "  summary: A vendor at the sizes of the largest real code lists.",
    `  javaPackage: codebook.${id}`,
    "codeSets:",
    "  - id: errors",
    "    typeName: ErrorCode",
    "    title: Errors",
    "    codeKind: integer",
    "    scopes:",
    "      - { id: general, title: General }",
    "    categories:",
    `      - { id: all, title: All, range: { min: 100000, max: ${100000 + codes} } }`,
    "    codes:",
  ];
  for (let i = 0; i < codes; i++) {
    const a = word(i, 1);
    lines.push(
      `      - code: ${100000 + i}`,
      `        name: ${a.toUpperCase()}_${i}`,
      `        message: "The ${a} failed for {name} (${i}) – é€😀."`,
      `        alternativeMessages: ["${a} failed (${i})"]`,
      `        description: "The ${a} ${word(i, 2)} was refused (${i})."`,
      `        action: Check the ${a} and try again.`,
      `        httpStatus: ${400 + (i % 100)}`,
      "        scope: general",
      "        category: all",
      "        endpoints: [createPayment, capturePayment]",
      `        retry: { policy: after-delay, minDelaySeconds: ${i % 60}, maxDelaySeconds: ${60 + (i % 60)}, note: Wait. }`,
      ...(i % 2 === 1 ? [`        deprecated: { reason: Replaced., replacement: ${word(i - 1, 1).toUpperCase()}_${i - 1} }`] : []),
      ...(i % 5 === 0 ? ["        reserved: true"] : []),
      "        translations:",
      `          de: { message: "Die Anfrage für {name} schlug fehl (${i}).", description: Abgelehnt., action: Erneut versuchen. }`,
      `          fr: { message: "La demande pour {name} a échoué (${i})." }`,
      "        placeholders:",
      '          - { name: name, token: "{name}", description: The name. }',
      "        handling: Log it, then retry.",
      `        notes: ["Synthetic code ${i}."]`,
    );
  }
  lines.push("    uncoded:");
  for (let i = 0; i < uncoded - 2; i++) {
    const { name, httpStatus, message, case: text, retry } = uncodedEntry(i);
    const retryYaml = retry ? `, retry: { policy: ${retry.policy}, minDelaySeconds: ${retry.minDelaySeconds} }` : "";
    lines.push(`      - { name: ${name}, httpStatus: ${httpStatus}, message: ${message}, case: ${q(text)}${retryYaml} }`);
  }
  lines.push(
    '      - { name: TOO_MANY, httpStatus: 429, message: "Too many requests", retry: { policy: exponential-backoff } }',
    `      - { name: LONG_MESSAGE, httpStatus: 400, message: ${q(longText(textChars))}, description: ${q(longText(textChars))} }`,
  );
  lines.push("  - id: terminal", "    typeName: TerminalCode", "    title: Terminal codes", "    codeKind: digits", "    width: 6", "    codes:");
  for (let i = 0; i < terminalCodes; i++) {
    lines.push(`      - code: "${String(i).padStart(6, "0")}"`, `        name: TERMINAL_${i}`, `        message: Terminal state ${i}.`);
  }
  for (let i = 0; i < retired; i++) {
    const { code, name, since, reason, replacement } = retiredEntry(i);
    const replacementYaml = replacement ? `, replacement: ${replacement}` : "";
    lines.push(`      - code: "${code}"`, `        name: ${name}`, `        retired: { since: ${q(since)}, reason: ${q(reason)}${replacementYaml} }`);
  }
  lines.push("  - id: symbols", "    typeName: SymbolCode", "    title: Symbolic codes", "    codeKind: symbolic", "    codes:");
  lines.push("      - code: long-text", "        name: LONG_TEXT", `        description: ${q(longText(textChars))}`);
  for (let i = 1; i < symbolCodes; i++) {
    lines.push(`      - code: sym-${i}`, `        name: SYM_${i}`);
  }
  return `${lines.join("\n")}\n`;
}
