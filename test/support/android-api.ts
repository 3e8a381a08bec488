import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The Android API level that added each JDK member the generated Java calls (developer.android.com's
 * "Added in API level"). Debian ships no android.jar to compile against (android-sdk-platform-23 left the
 * archive), so the test reads the members the class files reference with javap and looks each up here: a
 * member that is not listed fails the test until someone has looked up its level and added it.
 * Member descriptors are javap's: class/Name.member:(parameters)result.
 */
// biome-ignore format: a table reads better one member per line.
export const ANDROID_API_LEVELS: Readonly<Record<string, number>> = {
  "java/lang/Boolean.valueOf:(Z)Ljava/lang/Boolean;": 1,
  'java/math/BigInteger."<init>":(Ljava/lang/String;)V': 1,
  "java/lang/Character.isHighSurrogate:(C)Z": 1,
  "java/lang/Character.isLowSurrogate:(C)Z": 1,
  "java/lang/Class.getSimpleName:()Ljava/lang/String;": 1,
  "java/lang/Double.isInfinite:(D)Z": 1,
  "java/lang/Double.isNaN:(D)Z": 1,
  "java/lang/Double.toString:(D)Ljava/lang/String;": 1,
  'java/lang/Enum."<init>":(Ljava/lang/String;I)V': 1,
  "java/lang/Enum.name:()Ljava/lang/String;": 1,
  "java/lang/Enum.ordinal:()I": 1,
  "java/lang/Enum.valueOf:(Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Enum;": 1,
  'java/lang/IllegalArgumentException."<init>":(Ljava/lang/String;)V': 1,
  'java/lang/IllegalStateException."<init>":(Ljava/lang/String;)V': 1,
  "java/lang/Integer.intValue:()I": 1,
  "java/lang/Integer.parseInt:(Ljava/lang/String;)I": 1,
  "java/lang/Integer.toString:()Ljava/lang/String;": 1,
  "java/lang/Integer.valueOf:(I)Ljava/lang/Integer;": 1,
  "java/lang/Integer.valueOf:(Ljava/lang/String;)Ljava/lang/Integer;": 1,
  "java/lang/Long.longValue:()J": 1,
  "java/lang/Long.parseLong:(Ljava/lang/String;)J": 1,
  "java/lang/Long.toString:()Ljava/lang/String;": 1,
  "java/lang/Long.toString:(J)Ljava/lang/String;": 1,
  "java/lang/Long.valueOf:(J)Ljava/lang/Long;": 1,
  "java/lang/Long.valueOf:(Ljava/lang/String;)Ljava/lang/Long;": 1,
  "java/lang/Math.abs:(D)D": 1,
  "java/lang/Math.floor:(D)D": 1,
  'java/lang/NullPointerException."<init>":(Ljava/lang/String;)V': 1,
  "java/lang/Number.doubleValue:()D": 1,
  "java/lang/Number.longValue:()J": 1,
  'java/lang/Object."<init>":()V': 1,
  "java/lang/Object.clone:()Ljava/lang/Object;": 1,
  "java/lang/Object.equals:(Ljava/lang/Object;)Z": 1,
  "java/lang/Object.getClass:()Ljava/lang/Class;": 1,
  "java/lang/Object.toString:()Ljava/lang/String;": 1,
  "java/lang/String.charAt:(I)C": 1,
  "java/lang/String.matches:(Ljava/lang/String;)Z": 1,
  "java/lang/String.equals:(Ljava/lang/Object;)Z": 1,
  "java/lang/String.format:(Ljava/util/Locale;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;": 1,
  "java/lang/String.hashCode:()I": 1,
  "java/lang/String.indexOf:(II)I": 1,
  "java/lang/String.isEmpty:()Z": 9,
  "java/lang/String.length:()I": 1,
  "java/lang/String.replace:(CC)Ljava/lang/String;": 1,
  "java/lang/String.split:(Ljava/lang/String;)[Ljava/lang/String;": 1,
  "java/lang/String.startsWith:(Ljava/lang/String;)Z": 1,
  "java/lang/String.startsWith:(Ljava/lang/String;I)Z": 1,
  "java/lang/String.substring:(I)Ljava/lang/String;": 1,
  "java/lang/String.substring:(II)Ljava/lang/String;": 1,
  "java/lang/String.toLowerCase:(Ljava/util/Locale;)Ljava/lang/String;": 1,
  "java/lang/String.toUpperCase:(Ljava/util/Locale;)Ljava/lang/String;": 1,
  "java/lang/String.valueOf:(I)Ljava/lang/String;": 1,
  "java/lang/String.valueOf:(Ljava/lang/Object;)Ljava/lang/String;": 1,
  'java/lang/StringBuilder."<init>":()V': 1,
  'java/lang/StringBuilder."<init>":(I)V': 1,
  'java/lang/StringBuilder."<init>":(Ljava/lang/String;)V': 1,
  "java/lang/StringBuilder.append:(C)Ljava/lang/StringBuilder;": 1,
  "java/lang/StringBuilder.append:(I)Ljava/lang/StringBuilder;": 1,
  "java/lang/StringBuilder.append:(Ljava/lang/Object;)Ljava/lang/StringBuilder;": 1,
  "java/lang/StringBuilder.append:(Ljava/lang/String;)Ljava/lang/StringBuilder;": 1,
  "java/lang/StringBuilder.append:(Z)Ljava/lang/StringBuilder;": 1,
  "java/lang/StringBuilder.toString:()Ljava/lang/String;": 1,
  "java/math/BigDecimal.precision:()I": 1,
  "java/math/BigDecimal.scale:()I": 1,
  "java/math/BigDecimal.signum:()I": 1,
  "java/math/BigDecimal.stripTrailingZeros:()Ljava/math/BigDecimal;": 1,
  "java/math/BigDecimal.toBigIntegerExact:()Ljava/math/BigInteger;": 1,
  "java/math/BigInteger.abs:()Ljava/math/BigInteger;": 1,
  "java/math/BigInteger.compareTo:(Ljava/math/BigInteger;)I": 1,
  "java/math/BigInteger.longValue:()J": 1,
  "java/math/BigInteger.valueOf:(J)Ljava/math/BigInteger;": 1,
  'java/util/ArrayList."<init>":()V': 1,
  'java/util/ArrayList."<init>":(I)V': 1,
  'java/util/ArrayList."<init>":(Ljava/util/Collection;)V': 1,
  "java/util/Arrays.asList:([Ljava/lang/Object;)Ljava/util/List;": 1,
  "java/util/Arrays.hashCode:([Ljava/lang/Object;)I": 1,
  "java/util/Collections.emptyList:()Ljava/util/List;": 1,
  "java/util/Collections.emptyMap:()Ljava/util/Map;": 1,
  "java/util/Collections.unmodifiableList:(Ljava/util/List;)Ljava/util/List;": 1,
  "java/util/Collections.unmodifiableMap:(Ljava/util/Map;)Ljava/util/Map;": 1,
  'java/util/HashMap."<init>":()V': 1,
  'java/util/HashMap."<init>":(I)V': 1,
  "java/util/Iterator.hasNext:()Z": 1,
  "java/util/Iterator.next:()Ljava/lang/Object;": 1,
  'java/util/LinkedHashMap."<init>":()V': 1,
  "java/util/List.add:(Ljava/lang/Object;)Z": 1,
  "java/util/List.addAll:(Ljava/util/Collection;)Z": 1,
  "java/util/List.equals:(Ljava/lang/Object;)Z": 1,
  "java/util/List.get:(I)Ljava/lang/Object;": 1,
  "java/util/List.hashCode:()I": 1,
  "java/util/List.isEmpty:()Z": 1,
  "java/util/List.iterator:()Ljava/util/Iterator;": 1,
  "java/util/List.size:()I": 1,
  "java/util/Locale.ROOT:Ljava/util/Locale;": 9,
  "java/util/Map$Entry.getKey:()Ljava/lang/Object;": 1,
  "java/util/Map$Entry.getValue:()Ljava/lang/Object;": 1,
  "java/util/Map$Entry.setValue:(Ljava/lang/Object;)Ljava/lang/Object;": 1,
  "java/util/Map.containsKey:(Ljava/lang/Object;)Z": 1,
  "java/util/Map.entrySet:()Ljava/util/Set;": 1,
  "java/util/Map.get:(Ljava/lang/Object;)Ljava/lang/Object;": 1,
  "java/util/Map.put:(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;": 1,
  "java/util/Map.size:()I": 1,
  "java/util/Map.values:()Ljava/util/Collection;": 1,
  "java/util/Objects.equals:(Ljava/lang/Object;Ljava/lang/Object;)Z": 19,
  "java/util/Objects.hash:([Ljava/lang/Object;)I": 19,
  "java/util/Objects.requireNonNull:(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;": 19,
  "java/util/Optional.ofNullable:(Ljava/lang/Object;)Ljava/util/Optional;": 24,
  "java/util/Set.iterator:()Ljava/util/Iterator;": 1,
};

/** The API level every generated class must run on without library desugaring. */
export const ANDROID_MIN_API = 21;

/**
 * Members allowed above ANDROID_MIN_API: java.util.Optional (API 24, or core-library desugaring), which
 * only the find(...) methods use, as the README says.
 */
export const ANDROID_FIND_ONLY = /^java\/util\/Optional\./;

function classFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? classFiles(join(dir, entry.name)) : entry.name.endsWith(".class") ? [join(dir, entry.name)] : [],
  );
}

/**
 * Every JDK member (java.* and javax.*) that the code of the class files under dir calls or reads, with the
 * methods that do ("codebook.phonepos.TerminalErrorCode find"), from javap's disassembly.
 */
export function referencedJdkMembers(dir: string): Map<string, Set<string>> {
  const files = classFiles(dir);
  const members = new Map<string, Set<string>>();
  // javap takes many classes at once; batches keep the command line short.
  for (let at = 0; at < files.length; at += 200) {
    const javap = spawnSync("javap", ["-c", "-p", ...files.slice(at, at + 200)], { encoding: "utf8", maxBuffer: 1 << 30 });
    if (javap.status !== 0) throw new Error(`javap failed:\n${javap.stderr}`);
    let type = "";
    let method = "";
    for (const line of javap.stdout.split("\n")) {
      const header = /^\S.*\b(?:class|enum|interface) (\S+)/.exec(line);
      if (header?.[1]) type = header[1];
      const declaration = /^ {2}\S.*?([\w$<>]+)\(.*\);$/.exec(line) ?? /^ {2}(static) \{\};$/.exec(line);
      if (declaration?.[1]) method = declaration[1];
      const use = /\/\/ (?:Method|InterfaceMethod|Field) (javax?\/\S+)$/.exec(line);
      if (use?.[1]) {
        const users = members.get(use[1]) ?? new Set<string>();
        users.add(`${type} ${method}`);
        members.set(use[1], users);
      }
    }
  }
  return members;
}

/** The referenced members Android lacks below ANDROID_MIN_API, or that the table does not know, with why. */
export function androidApiProblems(members: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const problems: string[] = [];
  for (const [member, users] of members) {
    const level = ANDROID_API_LEVELS[member];
    const outsideFind = [...users].filter((user) => !user.endsWith(" find"));
    if (level === undefined) problems.push(`${member}: not in ANDROID_API_LEVELS (look up its level and add it)`);
    else if (level > ANDROID_MIN_API && !(ANDROID_FIND_ONLY.test(member) && outsideFind.length === 0))
      problems.push(`${member}: Android API level ${level}, used by ${outsideFind.join(", ")}`);
  }
  return problems.sort();
}
