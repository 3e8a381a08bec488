import { basename, extname } from "node:path";
import { javaPackageSegment, vendorNamespace } from "../model/vendor-names.js";
import type { CheckContext } from "./check-context.js";
import { JAVA_KEYWORDS, RESERVED_FILE_NAMES, RESERVED_WORDS } from "./reserved-words.js";

/** The vendor id names files and packages: it must be safe on every OS and match its file's name. */
export function checkVendor(context: CheckContext): void {
  const { vendor } = context.catalog;
  const namespace = vendorNamespace(vendor.id);
  if (RESERVED_FILE_NAMES.has(vendor.id)) {
    context.report("unsafe-vendor-id", `vendor id ${vendor.id} is a reserved file name on some systems; choose another id`, ["vendor", "id"]);
  } else if (RESERVED_WORDS.has(namespace) || (vendor.javaPackage === undefined && JAVA_KEYWORDS.has(javaPackageSegment(vendor.id)))) {
    context.report(
      "unsafe-vendor-id",
      `vendor id ${vendor.id} would name a TypeScript namespace or Java package segment that is a reserved word; choose another id`,
      ["vendor", "id"],
    );
  }
  const fileStem = basename(context.source.path, extname(context.source.path));
  if (fileStem !== vendor.id) {
    context.report(
      "vendor-id-file-mismatch",
      `vendor id ${vendor.id} does not match the file name ${basename(context.source.path)}; name the file ${vendor.id}.yaml`,
      ["vendor", "id"],
    );
  }
  if (vendor.javaPackage !== undefined) {
    const problem = javaPackageProblem(vendor.javaPackage);
    if (problem !== undefined) context.report("invalid-java-package", `javaPackage ${problem}`, ["vendor", "javaPackage"]);
  }
}

/**
 * Why javac or the JVM would refuse a package of this name (its form aside, which the schemas check),
 * as "<package> is ...", or undefined. The config's java.packagePrefix is held to the same rules.
 */
export function javaPackageProblem(javaPackage: string): string | undefined {
  const platform = platformPackage(javaPackage);
  if (platform !== undefined) return platformPackageMessage(javaPackage, platform);
  const keyword = javaPackage.split(".").find((segment) => JAVA_KEYWORDS.has(segment));
  return keyword === undefined ? undefined : `${javaPackage} contains the Java keyword ${keyword}`;
}

/**
 * Packages of the Java platform's own namespaces. The JVM refuses to define a class in java.* at all.
 * javac refuses to compile into a package that a JDK module exports ("package exists in another
 * module": javax.crypto, sun.misc, com.sun.net.httpserver, org.w3c.dom), and the JDK adds packages to
 * javax.*, jdk.*, sun.* and com.sun.* in any release. The other JDK 17 packages that javac refuses lie
 * under org.w3c.dom, org.xml.sax, org.ietf.jgss and netscape.javascript.
 */
const PLATFORM_PACKAGES = ["java", "javax", "jdk", "sun", "com.sun", "org.w3c.dom", "org.xml.sax", "org.ietf.jgss", "netscape.javascript"];

/** The platform namespace a package lies in (itself or below it), if any. */
function platformPackage(javaPackage: string): string | undefined {
  return PLATFORM_PACKAGES.find((prefix) => javaPackage === prefix || javaPackage.startsWith(`${prefix}.`));
}

function platformPackageMessage(javaPackage: string, prefix: string): string {
  const why =
    prefix === "java"
      ? "which the JVM refuses to load classes into"
      : "a namespace of the Java platform's own modules: javac refuses a package that a JDK module holds, and the JDK adds packages there";
  return `${javaPackage} is inside ${prefix}., ${why}; choose a package of your own (the default is codebook.<vendor id>)`;
}
