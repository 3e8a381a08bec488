import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileJavaTree, javaSourceFiles } from "../support/java.js";
import { runGen, tempDir } from "../support/run-gen.js";

// A set's Scope and Category types take the shape their size calls for, as its codes' enum does: literal
// arguments, then their data in a text ($CategoryData), then past 3,000 a final class with an enum's methods.
const OBSCURING = ["codebook", "Scope", "Category"] as const;
const SIZES = [
  { categories: 3, shape: "inline enum" },
  { categories: 2_000, shape: "enum" },
  { categories: 5_000, shape: "class" },
] as const;

function catalogYaml(id: string, categories: number): string {
  const lines = ["vendor:", `  id: ${id}`, `  name: Labels ${id}`, "  summary: Many categories.", "codeSets:", "  - id: errors", "    typeName: ErrorCode"];
  lines.push("    title: Errors", "    codeKind: integer", "    scopes:", "      - { id: general, title: General }", "    categories:");
  for (let i = 0; i < categories; i++) lines.push(`      - { id: cat-${i}, title: "Category ${i} \\u00e9", description: "The ${i}th \\"one\\"." }`);
  lines.push("    codes:");
  // Constants named like the package and the nested types the generated code refers to: no expression of
  // the generated code may name those, or javac would take the constant for them (obscuring).
  for (const [code, name] of OBSCURING.entries()) {
    lines.push(
      `      - code: ${code + 1}`,
      `        name: ${name}`,
      "        category: cat-0",
      "        scope: general",
      "        retry: { policy: after-fix }",
    );
    lines.push('        message: "Hello {who}"', '        placeholders: [{ name: who, token: "{who}" }]');
  }
  for (let i = 0; i < categories; i++)
    lines.push(`      - code: ${1000 + i}`, `        name: CODE_${i}`, `        category: cat-${i}`, "        scope: general");
  return `${lines.join("\n")}\n`;
}

const PROBE = (vendors: readonly string[]) => `import codebook.runtime.CodebookCode;
public final class LabelProbe {
  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
${vendors
  .map(
    (vendor) => `    for (codebook.${vendor}.ErrorCode code : codebook.${vendor}.ErrorCode.values()) {
      CodebookCode any = code;
      codebook.${vendor}.ErrorCode.Category category = code.getCategory();
      if (any.getCategory() != category || fromId(codebook.${vendor}.ErrorCode.Category.class, category.getId()) != category) throw new IllegalStateException(code.name());
      out.append(code.getCode()).append(' ').append(category.getId()).append(' ').append(category.getTitle()).append(' ').append(category.getDescription()).append(' ').append(any.getScope().getId())
          .append(' ').append(any.getRetry() == null ? "-" : any.getRetry().getPolicy().getId()).append(' ').append(any.getPlaceholders().size()).append('\\n');
    }
    out.append(codebook.${vendor}.ErrorCode.Category.class.getEnumConstants() == null ? "class" : "enum").append(' ').append(fromId(codebook.${vendor}.ErrorCode.Category.class, "nope")).append('\\n');`,
  )
  .join("\n")}
    System.out.print(out);
  }

  /** Category.fromId(id) through the class literal: in ErrorCode.Category.fromId, the constant ErrorCode.Category would obscure the type. */
  static Object fromId(Class<?> type, String id) {
    try {
      return type.getMethod("fromId", String.class).invoke(null, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
`;

describe("Scope and Category types at every size", () => {
  it("compile with --release 8 -Xlint:all -Werror in each shape, beside constants named codebook, Scope and Category, and give every code its category", () => {
    const root = tempDir("codebook-labels-");
    const catalogs = join(root, "catalogs");
    mkdirSync(catalogs);
    const vendors = SIZES.map((size) => `labels${size.categories}`);
    for (const [index, size] of SIZES.entries()) writeFileSync(join(catalogs, `${vendors[index]}.yaml`), catalogYaml(vendors[index] ?? "", size.categories));
    const gen = runGen(["--catalogs", catalogs, "--out", join(root, "out"), "--targets", "java", "--no-cache"]);
    expect(gen.stderr).toBe("");
    expect(gen.status).toBe(0);
    SIZES.forEach((size, index) => {
      const java = readFileSync(join(root, "out/java/codebook", vendors[index] ?? "", "ErrorCode.java"), "utf8");
      expect(java.includes("public enum Category implements codebook.runtime.Label {"), size.shape).toBe(size.shape !== "class");
      expect(java.includes("private static final class $CategoryData {"), size.shape).toBe(size.shape !== "inline enum");
    });
    writeFileSync(join(root, "LabelProbe.java"), PROBE(vendors));
    const compiled = compileJavaTree([...javaSourceFiles(join(root, "out/java")), join(root, "LabelProbe.java")], join(root, "classes"), { release: 8 });
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const run = spawnSync("java", ["-cp", join(root, "classes"), "LabelProbe"], { encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stderr).toBe("");
    const expected = SIZES.flatMap((size) => [
      ...OBSCURING.map((_, k) => `${k + 1} cat-0 Category 0 \u00e9 The 0th "one". general after-fix 1`),
      ...Array.from({ length: size.categories }, (_, i) => `${1000 + i} cat-${i} Category ${i} \u00e9 The ${i}th "one". general - 0`),
      `${size.shape === "class" ? "class" : "enum"} null`,
    ]);
    expect(run.stdout.split("\n").slice(0, -1)).toEqual(expected);
  }, 300_000);
});
