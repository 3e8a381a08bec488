import type { Category, CodeSet } from "../../model/types.js";
import { javadocComment, javaString, javaStringOrNull } from "../escape/java.js";
import { jsDocComment, tsString, tsStringOrNull } from "../escape/typescript.js";

/**
 * A set's categories in the generated code (id, title, range or prefix), and the lookup of a code's
 * category: a known code's own; an unknown code's by prefix (the longest it starts with), else by range
 * (the first that holds it, compared exactly, whatever the code's length). TypeScript and Java agree.
 */

/** The TypeScript categories table and categoryOf function, as code; empty when the set has no categories. */
export function typescriptCategoryLookup(set: CodeSet, mapPrefix: string): string {
  if (set.categories.length === 0) return "";
  const rows = set.categories.map(
    (category) =>
      `  { id: ${tsString(category.id)}, title: ${tsString(category.title)}, range: ${category.range ? `{ min: ${category.range.min}, max: ${category.range.max} }` : "null"}, prefix: ${tsStringOrNull(category.prefix)} },`,
  );
  const parameter = set.format.kind === "integer" ? "code: string | number" : "code: string";
  // The set module's own fromCode and info, which both TypeScript styles have.
  const member = set.format.kind === "integer" ? `typeof code === "number" ? fromCode(code) : fromCode(code)` : "fromCode(code)";
  return [
    jsDocComment("", [`The categories of ${set.typeName}, in catalog order, each with its range or prefix (null where it has none).`]),
    `export const ${mapPrefix}Categories: readonly CodeCategory[] = [`,
    ...rows,
    "];",
    "",
    jsDocComment("", [
      `The category of a ${set.typeName} code: a known code's own (null when it has none); an unknown code's by prefix (the longest it starts with), else by range (the first that holds it); else null.`,
    ]),
    `export function ${mapPrefix}CategoryOf(${parameter}): CodeCategory | null {`,
    `  const member = ${member};`,
    "  if (member !== null) {",
    "    const id = info(member).category?.id;",
    `    return ${mapPrefix}Categories.find((category) => category.id === id) ?? null;`,
    "  }",
    `  return categoryByPrefixOrRange(${mapPrefix}Categories, String(code));`,
    "}",
  ].join("\n");
}

/** Categories per method of the holder class: each method's bytecode stays far below the JVM's 64 KiB. */
const JAVA_CATEGORIES_PER_METHOD = 250;

/**
 * The categories list, in a nested class of its own: it is built on first use, in its own static
 * initialiser, from methods of at most JAVA_CATEGORIES_PER_METHOD categories each, so that a set of
 * thousands of categories leaves the enum's own initialiser as it is and compiles.
 */
function categoriesHolder(categories: readonly Category[]): string[] {
  const parts: string[][] = [];
  for (let start = 0; start < categories.length; start += JAVA_CATEGORIES_PER_METHOD) {
    parts.push(categories.slice(start, start + JAVA_CATEGORIES_PER_METHOD).map((category) => `        $out.add(${javaCategory(category)});`));
  }
  return [
    "    private static final class $Categories {",
    "        static final java.util.List<CodeCategory> ALL;",
    "",
    "        static {",
    `            java.util.List<CodeCategory> $out = new java.util.ArrayList<CodeCategory>(${categories.length});`,
    ...parts.map((_, index) => `            part${index}($out);`),
    "            ALL = java.util.Collections.unmodifiableList($out);",
    "        }",
    ...parts.flatMap((lines, index) => [
      "",
      `        private static void part${index}(java.util.List<CodeCategory> $out) {`,
      ...lines.map((line) => `    ${line}`),
      "        }",
    ]),
    "    }",
  ];
}

/** The Java CodeCategory class, the categories list and categoryOf, as code; empty when the set has no categories. */
export function javaCategoryLookup(set: CodeSet, hasCategoryField: boolean): string {
  if (set.categories.length === 0) return "";
  const known = hasCategoryField
    ? ["        if ($member != null) {", "            return $member.getCategory() == null ? null : categoryById($member.getCategory().getId());", "        }"]
    : ["        if ($member != null) {", "            return null;", "        }"];
  return [
    javadocComment("    ", ["A category of the set, as the catalog declares it, with its range or prefix (null where it has none)."]),
    "    public static final class CodeCategory {",
    "        private final java.lang.String id;",
    "        private final java.lang.String title;",
    "        private final java.lang.Long min;",
    "        private final java.lang.Long max;",
    "        private final java.lang.String prefix;",
    "",
    "        CodeCategory(java.lang.String id, java.lang.String title, java.lang.Long min, java.lang.Long max, java.lang.String prefix) {",
    "            this.id = id;",
    "            this.title = title;",
    "            this.min = min;",
    "            this.max = max;",
    "            this.prefix = prefix;",
    "        }",
    "",
    "        /** The category's id. */",
    "        public java.lang.String getId() {",
    "            return id;",
    "        }",
    "",
    "        /** The vendor's name for the category. */",
    "        public java.lang.String getTitle() {",
    "            return title;",
    "        }",
    "",
    "        /** The smallest code of its range, or null. */",
    "        public java.lang.Long getMin() {",
    "            return min;",
    "        }",
    "",
    "        /** The largest code of its range, or null. */",
    "        public java.lang.Long getMax() {",
    "            return max;",
    "        }",
    "",
    "        /** The start its codes have, or null. */",
    "        public java.lang.String getPrefix() {",
    "            return prefix;",
    "        }",
    "",
    "        @java.lang.Override",
    "        public java.lang.String toString() {",
    "            return id;",
    "        }",
    "    }",
    "",
    ...categoriesHolder(set.categories),
    "",
    "    /** The set's categories, in catalog order. */",
    "    public static java.util.List<CodeCategory> categories() {",
    "        return $Categories.ALL;",
    "    }",
    "",
    "    private static CodeCategory categoryById(java.lang.String $id) {",
    "        for (CodeCategory $category : $Categories.ALL) {",
    "            if ($category.id.equals($id)) {",
    "                return $category;",
    "            }",
    "        }",
    "        return null;",
    "    }",
    "",
    javadocComment("    ", [
      "The category of a code: a known code's own (null when it has none); an unknown code's by prefix (the longest it starts with), else by range (the first that holds it); else null.",
    ]),
    "    public static CodeCategory categoryOf(java.lang.String $code) {",
    "        if ($code == null) {",
    "            return null;",
    "        }",
    `        ${set.typeName} $member = fromCode($code);`,
    ...known,
    "        CodeCategory $best = null;",
    "        for (CodeCategory $category : $Categories.ALL) {",
    "            if ($category.prefix != null && $code.startsWith($category.prefix) && ($best == null || $category.prefix.length() > $best.prefix.length())) {",
    "                $best = $category;",
    "            }",
    "        }",
    '        if ($best != null || !$code.matches("-?[0-9]+")) {',
    "            return $best;",
    "        }",
    "        java.math.BigInteger $value = new java.math.BigInteger($code);",
    "        for (CodeCategory $category : $Categories.ALL) {",
    "            if ($category.min != null && $value.compareTo(java.math.BigInteger.valueOf($category.min)) >= 0 && $value.compareTo(java.math.BigInteger.valueOf($category.max)) <= 0) {",
    "                return $category;",
    "            }",
    "        }",
    "        return null;",
    "    }",
    ...(set.format.kind === "integer"
      ? [
          "",
          "    /** The category of a code (see categoryOf(String)). */",
          "    public static CodeCategory categoryOf(int $code) {",
          "        return categoryOf(java.lang.String.valueOf($code));",
          "    }",
        ]
      : []),
  ].join("\n");
}

function javaCategory(category: Category): string {
  const bound = (value: number | undefined) => (value === undefined ? "null" : `${value}L`);
  return `new CodeCategory(${javaString(category.id)}, ${javaString(category.title)}, ${bound(category.range?.min)}, ${bound(category.range?.max)}, ${javaStringOrNull(category.prefix)})`;
}
