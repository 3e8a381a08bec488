import type { CheckContext } from "./check-context.js";
import type { RawAlphabet, RawCode, RawCodeSet } from "./raw-catalog.js";

/** An alphanumeric set's alphabet, or the default: [0-9A-Z], case sensitive (SQLSTATEs, ISO 8583 response codes). */
export function alphabetOf(set: RawCodeSet): RawAlphabet {
  return set.alphabet ?? DEFAULT_ALPHABET;
}

const DEFAULT_ALPHABET: RawAlphabet = { characters: "[0-9A-Z]", caseSensitive: true };

/** The key two codes of an alphanumeric set share when they are the same code: ASCII case folded unless case matters. */
export function alphanumericKey(set: RawCodeSet, code: string): string {
  return alphabetOf(set).caseSensitive === false ? code.replace(/[a-z]/g, (char) => char.toUpperCase()) : code;
}

/** Whether a set's alphabet is a usable character class; reports it (once per set) when it is not, or where no alphabet belongs. */
export function checkAlphabet(context: CheckContext, set: RawCodeSet, setIndex: number): RegExp | undefined {
  if (set.codeKind !== "alphanumeric") {
    if (set.alphabet !== undefined) {
      context.report(
        "alphabet-not-allowed",
        `code set ${set.id} has an alphabet, which applies only to alphanumeric code sets`,
        ["codeSets", setIndex, "alphabet"],
        {
          at: "key",
        },
      );
    }
    return undefined;
  }
  const alphabet = alphabetOf(set);
  try {
    // The schema allows only ASCII letters, digits and ranges of them; a range may still run backwards ([Z-A]).
    return new RegExp(`^${alphabet.characters}+$`, alphabet.caseSensitive === false ? "i" : "");
  } catch {
    context.report("invalid-alphabet", `alphabet ${alphabet.characters} of code set ${set.id} is no character class: a range runs backwards`, [
      "codeSets",
      setIndex,
      "alphabet",
      "characters",
    ]);
    return undefined;
  }
}

/** An alphanumeric code is a quoted string of the set's width (if it declares one) from its alphabet. */
export function checkAlphanumericCode(
  context: CheckContext,
  set: RawCodeSet,
  entry: RawCode,
  path: readonly (string | number)[],
  alphabet: RegExp | undefined,
): boolean {
  const code = entry.code;
  if (typeof code !== "string") {
    const written = context.writtenAs(path) ?? String(code);
    context.report(
      "code-kind-mismatch",
      `code ${written} must be a quoted string: code set ${set.id} has codeKind alphanumeric, and unquoted, YAML reads it as a number`,
      path,
    );
    return false;
  }
  if (set.width !== undefined && [...code].length !== set.width) {
    context.report("code-width", `code "${code}" has ${[...code].length} characters; code set ${set.id} has width ${set.width}`, path);
    return false;
  }
  if (alphabet !== undefined && !alphabet.test(code)) {
    context.report(
      "code-outside-alphabet",
      `code ${JSON.stringify(code)} has characters outside the alphabet ${alphabetOf(set).characters} of code set ${set.id}`,
      path,
    );
    return false;
  }
  return true;
}
