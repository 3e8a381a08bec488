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
}

/** The YAML text of a vendor with the three sets. */
export function largeCatalogYaml({ id, codes, terminalCodes, symbolCodes, textChars }: LargeCatalogOptions): string {
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
  lines.push(
    "    uncoded:",
    '      - { name: TOO_MANY, httpStatus: 429, message: "Too many requests", retry: { policy: exponential-backoff } }',
    `      - { name: LONG_MESSAGE, httpStatus: 400, message: ${q(longText(textChars))}, description: ${q(longText(textChars))} }`,
  );
  lines.push("  - id: terminal", "    typeName: TerminalCode", "    title: Terminal codes", "    codeKind: digits", "    width: 6", "    codes:");
  for (let i = 0; i < terminalCodes; i++) {
    lines.push(`      - code: "${String(i).padStart(6, "0")}"`, `        name: TERMINAL_${i}`, `        message: Terminal state ${i}.`);
  }
  lines.push("  - id: symbols", "    typeName: SymbolCode", "    title: Symbolic codes", "    codeKind: symbolic", "    codes:");
  lines.push("      - code: long-text", "        name: LONG_TEXT", `        description: ${q(longText(textChars))}`);
  for (let i = 1; i < symbolCodes; i++) {
    lines.push(`      - code: sym-${i}`, `        name: SYM_${i}`);
  }
  return `${lines.join("\n")}\n`;
}
