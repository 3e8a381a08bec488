import { alphanumericKey, checkAlphabet, checkAlphanumericCode } from "./check-alphanumeric.js";
import type { CheckContext } from "./check-context.js";
import type { RawCode, RawCodeSet } from "./raw-catalog.js";

const JAVA_INT_MIN = -2_147_483_648;
const JAVA_INT_MAX = 2_147_483_647;

/** Every code has the set's kind and width, appears once, and lies in its category's range. */
export function checkCodes(context: CheckContext): void {
  context.catalog.codeSets.forEach((set, setIndex) => {
    const seen = new Map<string, number>();
    const alphabet = checkAlphabet(context, set, setIndex);
    set.codes.forEach((entry, codeIndex) => {
      const path = ["codeSets", setIndex, "codes", codeIndex, "code"] as const;
      if (set.codeKind === "alphanumeric" ? !checkAlphanumericCode(context, set, entry, path, alphabet) : !checkKind(context, set, entry, path)) return;
      // Codes that differ only in case are one code where case does not matter.
      const key = set.codeKind === "alphanumeric" ? alphanumericKey(set, String(entry.code)) : String(entry.code);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, codeIndex);
      } else {
        const firstEntry = set.codes[first];
        const line = context.lineOf(["codeSets", setIndex, "codes", first]);
        // A retired code's value stays taken for good: a consumer may still receive it from an old system.
        if (firstEntry?.retired || entry.retired) {
          const retired = firstEntry?.retired ? firstEntry : entry;
          context.report(
            "retired-code-reused",
            `${String(entry.code)} was retired with ${retired.name} (line ${retired === entry ? context.lineOf(["codeSets", setIndex, "codes", codeIndex]) : line}) in code set ${set.id}; a retired code is never reused`,
            path,
          );
        } else {
          context.report("duplicate-code", `${String(entry.code)} is already used by ${firstEntry?.name ?? ""} (line ${line}) in code set ${set.id}`, path);
        }
      }
      checkRange(context, set, entry, [...path]);
    });
    // The generated enum needs a member: an enum of none does not type-check as the set's code type.
    if (set.codes.length > 0 && set.codes.every((entry) => entry.retired)) {
      context.report("all-codes-retired", `every code of code set ${set.id} is retired; a set keeps at least one live code, or is removed`, [
        "codeSets",
        setIndex,
        "codes",
      ]);
    }
  });
}

function checkKind(context: CheckContext, set: RawCodeSet, entry: RawCode, path: readonly (string | number)[]): boolean {
  const code = entry.code;
  switch (set.codeKind) {
    case "integer":
      if (typeof code !== "number") {
        context.report("code-kind-mismatch", `code ${JSON.stringify(code)} must be an integer: code set ${set.id} has codeKind integer`, path);
        return false;
      }
      // The Java target carries integer codes as int; quote the code as written, since a huge number
      // is no longer what the author wrote once parsed.
      if (!Number.isInteger(code) || code < JAVA_INT_MIN || code > JAVA_INT_MAX) {
        const written = context.writtenAs(path) ?? String(code);
        context.report(
          "code-kind-mismatch",
          `code ${written} does not fit a 32-bit int (${JAVA_INT_MIN} to ${JAVA_INT_MAX}), the type of integer codes in the generated Java`,
          path,
        );
        return false;
      }
      return checkWrittenInDecimal(context, code, path);
    case "digits": {
      const width = set.width ?? 0;
      if (typeof code === "number") {
        const written = context.writtenAs(path) ?? String(code);
        // Suggest the quoted form only where it would then be valid.
        const example = /^[0-9]+$/.test(written) && written.length <= width ? ` such as "${written.padStart(width, "0")}"` : ` of ${width} digits`;
        context.report(
          "digit-code-not-quoted",
          `digit code ${written} must be a quoted string${example}: unquoted, YAML reads it as the number ${code} and its zero padding is lost`,
          path,
        );
        return false;
      }
      if (!/^[0-9]+$/.test(code)) {
        context.report("code-kind-mismatch", `code ${JSON.stringify(code)} must consist of ASCII digits only: code set ${set.id} has codeKind digits`, path);
        return false;
      }
      if (code.length !== width) {
        context.report("digit-code-width", `code "${code}" has ${code.length} digits; code set ${set.id} has width ${width}`, path);
        return false;
      }
      return true;
    }
    case "alphanumeric":
      // checkAlphanumericCode checks these.
      return true;
    case "symbolic": {
      // An empty code never gets here: the schema refuses it ("must not be empty").
      const problem = typeof code !== "string" ? "must be a string" : code.trim() !== code ? "has surrounding spaces" : undefined;
      if (problem === undefined) return true;
      context.report(
        "code-kind-mismatch",
        `code ${JSON.stringify(code)} ${problem}: code set ${set.id} has codeKind symbolic, whose codes are non-empty strings without surrounding spaces`,
        path,
      );
      return false;
    }
  }
}

/** An integer code as its decimal digits, the only form that cannot have meant something else. */
const DECIMAL_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * YAML's core schema reads 1e3, 0x10, 0o17, +16, 016 and 16.0 as numbers, so a vendor's "1e3" or "0x10"
 * would silently become the code 1000 or 16: what the vendor sent is ambiguous, so only decimal digits
 * are taken. (The fast path never gets here with such a code: see mayWriteIntegerCodeOtherwise.)
 */
function checkWrittenInDecimal(context: CheckContext, code: number, path: readonly (string | number)[]): boolean {
  const written = context.writtenAs(path);
  if (written === undefined || DECIMAL_INTEGER.test(written)) return true;
  context.report(
    "integer-code-not-decimal",
    `integer code ${written} must be written in decimal digits: YAML reads it as the number ${code}, but the vendor may have meant the text ${JSON.stringify(written)}; write ${code}, or quote the code in a symbolic set`,
    path,
  );
  return false;
}

/**
 * Whether a catalog's text may hold an integer code written in another form than decimal digits, by a
 * conservative test of what follows each `code:` key (comments, line breaks and a tag included). The
 * fast path takes no catalog it matches; the careful path then reads what each code was written as.
 */
export function mayWriteIntegerCodeOtherwise(text: string): boolean {
  return INTEGER_CODE_WRITTEN_OTHERWISE.test(text);
}

const INTEGER_CODE_WRITTEN_OTHERWISE = /(?:^|[\s{,])["']?code["']?[ \t]*:(?:\s|#[^\n]*)*(?:![^\s]*\s+)?(?:\+|-?0[0-9xXoO]|-?[0-9]*\.|-?[0-9]+[eE])/m;

function checkRange(context: CheckContext, set: RawCodeSet, entry: RawCode, path: (string | number)[]): void {
  const category = set.categories?.find((candidate) => candidate.id === entry.category);
  if (category?.prefix !== undefined && !String(entry.code).startsWith(category.prefix)) {
    context.report("code-outside-prefix", `code ${String(entry.code)} does not start with the prefix ${category.prefix} of its category ${category.id}`, path);
  }
  if (!category?.range) return;
  const value = Number(entry.code);
  const { min, max } = category.range;
  if (value < min || value > max) {
    context.report("code-out-of-range", `code ${String(entry.code)} lies outside the range ${min}-${max} of its category ${category.id}`, path);
  }
}
