import type { CheckContext } from "./check-context.js";
import type { RawCode, TextField } from "./raw-catalog.js";

const TEXT_FIELDS: readonly TextField[] = ["message", "description", "action"];

/** Looks like a placeholder ({name}, $name) but is not declared: most likely a forgotten declaration. */
const PLACEHOLDER_LIKE = /\{[a-z_][a-z0-9_]*\}|\$[a-z_][a-z0-9_]*/g;

/** Declared placeholders occur in the texts, and every translation carries the same tokens as its source text. */
export function checkPlaceholders(context: CheckContext): void {
  context.catalog.codeSets.forEach((set, setIndex) => {
    set.codes.forEach((entry, codeIndex) => {
      checkEntry(context, entry, ["codeSets", setIndex, "codes", codeIndex]);
    });
  });
}

// Three small functions rather than one: they run for every code, and V8 optimizes (and, when the
// YAML's shapes vary, re-optimizes) small functions far more cheaply than one large one.
function checkEntry(context: CheckContext, entry: RawCode, path: readonly (string | number)[]): void {
  const tokens = entry.placeholders === undefined ? NO_TOKENS : checkDeclared(context, entry, path);
  checkUndeclared(context, entry, path, tokens);
  if (entry.translations !== undefined) checkTranslations(context, entry, path, tokens);
}

const NO_TOKENS: ReadonlySet<string> = new Set();

/** Declared placeholders are unique and occur in a text; returns their tokens. */
function checkDeclared(context: CheckContext, entry: RawCode, path: readonly (string | number)[]): ReadonlySet<string> {
  const texts = [entry.message, entry.description, entry.action, ...(entry.alternativeMessages ?? [])].filter((text) => text !== undefined);
  const names = new Set<string>();
  const tokens = new Set<string>();
  (entry.placeholders ?? []).forEach((placeholder, index) => {
    const here = (key: string) => [...path, "placeholders", index, key];
    if (names.has(placeholder.name)) context.report("duplicate-placeholder", `${entry.name} declares placeholder ${placeholder.name} twice`, here("name"));
    if (tokens.has(placeholder.token)) context.report("duplicate-placeholder", `${entry.name} declares token ${placeholder.token} twice`, here("token"));
    names.add(placeholder.name);
    tokens.add(placeholder.token);
    if (!texts.some((text) => text.includes(placeholder.token))) {
      context.report(
        "placeholder-not-in-text",
        `${entry.name} declares placeholder token ${placeholder.token}, but neither its message nor its description contains it`,
        here("token"),
      );
    }
  });
  return tokens;
}

/** Warns of words in the texts that look like placeholders but are not declared. */
function checkUndeclared(context: CheckContext, entry: RawCode, path: readonly (string | number)[], tokens: ReadonlySet<string>): void {
  for (const field of TEXT_FIELDS) {
    const text = entry[field];
    // Most texts have neither brace nor dollar sign: no need to look for placeholder-like words.
    if (text === undefined || (!text.includes("{") && !text.includes("$"))) continue;
    const found = new Set([...text.matchAll(PLACEHOLDER_LIKE)].map((match) => match[0]));
    for (const candidate of found) {
      if ([...tokens].some((token) => token.includes(candidate))) continue;
      context.report(
        "undeclared-placeholder",
        `${entry.name}'s ${field} contains ${candidate}, which looks like a placeholder but is not declared under placeholders`,
        [...path, field],
        {
          severity: "warning",
        },
      );
    }
  }
}

/** Every translation has a source text and carries the same tokens, as often. */
function checkTranslations(context: CheckContext, entry: RawCode, path: readonly (string | number)[], tokens: ReadonlySet<string>): void {
  const sortedTokens = [...tokens].sort();
  for (const [locale, translated] of Object.entries(entry.translations ?? {})) {
    for (const field of TEXT_FIELDS) {
      const translation = translated[field];
      if (translation === undefined) continue;
      const here = () => [...path, "translations", locale, field];
      const original = entry[field];
      if (original === undefined) {
        context.report("translation-without-source", `${entry.name} has a ${locale} translation of its ${field}, but no ${field}`, here());
        continue;
      }
      const expected = tokenCounts(original, sortedTokens);
      const actual = tokenCounts(translation, sortedTokens);
      if (expected !== actual) {
        context.report("placeholder-mismatch", `${entry.name}'s ${locale} ${field} has placeholders [${actual}] but the ${field} has [${expected}]`, here());
      }
    }
  }
}

/** The declared tokens a text contains, with counts, as a stable string for comparison. */
function tokenCounts(text: string, sortedTokens: readonly string[]): string {
  let counts = "";
  for (const token of sortedTokens) {
    // Occurrences that do not overlap, counted from the left (as text.split(token) would cut them). The
    // schema makes tokens non-empty; an empty one would never advance, so it counts as absent.
    if (token === "") continue;
    let count = 0;
    for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) count += 1;
    if (count === 0) continue;
    counts += `${counts === "" ? "" : ", "}${count === 1 ? token : `${token} x${count}`}`;
  }
  return counts;
}
