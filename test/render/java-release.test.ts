import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANDROID_MIN_API, androidApiProblems, referencedJdkMembers } from "../support/android-api.js";
import { compileJavaTree, JAVA_RELEASES, javaSourceFiles } from "../support/java.js";
import { GENERATED } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

// The large catalogs' Java goes through the same matrix in java-large.test.ts, and random catalogs' through
// --release 8 in test/property/valid-catalogs.test.ts.
describe("the bundled catalogs' Java, for each release a consumer may compile for", () => {
  const files = javaSourceFiles(join(GENERATED, "java"));
  const classes = new Map(JAVA_RELEASES.map((release) => [release, tempDir(`codebook-java-${release}-`)]));

  for (const release of JAVA_RELEASES) {
    it(`compiles with javac --release ${release} -Xlint:all -Werror`, () => {
      const compiled = compileJavaTree(files, classes.get(release) ?? "", { release });
      expect(compiled.output).toBe("");
      expect(compiled.status).toBe(0);
    });
  }

  it(`calls no JDK member that Android lacks below API level ${ANDROID_MIN_API}, except Optional in find(...)`, () => {
    const members = referencedJdkMembers(classes.get(8) ?? "");
    // The walk and the enums use maps, lists, strings, numbers and StringBuilder: far more than a handful.
    expect(members.size).toBeGreaterThan(60);
    expect(androidApiProblems(members)).toEqual([]);
  });

  it("reports a member Android lacks, and one the table does not know", () => {
    const problems = androidApiProblems(
      new Map([
        ["java/lang/String.join:(Ljava/lang/CharSequence;[Ljava/lang/CharSequence;)Ljava/lang/String;", new Set(["a.B format"])],
        ["java/util/Optional.ofNullable:(Ljava/lang/Object;)Ljava/util/Optional;", new Set(["a.B find", "a.B values"])],
        ["java/lang/String.isEmpty:()Z", new Set(["a.B find"])],
      ]),
    );
    expect(problems).toEqual([
      "java/lang/String.join:(Ljava/lang/CharSequence;[Ljava/lang/CharSequence;)Ljava/lang/String;: not in ANDROID_API_LEVELS (look up its level and add it)",
      "java/util/Optional.ofNullable:(Ljava/lang/Object;)Ljava/util/Optional;: Android API level 24, used by a.B values",
    ]);
  });
});
