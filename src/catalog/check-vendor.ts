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
    if (vendor.javaPackage === "java" || vendor.javaPackage.startsWith("java.")) {
      context.report("invalid-java-package", `javaPackage ${vendor.javaPackage} is inside java., which the JVM refuses to load classes into`, [
        "vendor",
        "javaPackage",
      ]);
    }
    const keyword = vendor.javaPackage.split(".").find((segment) => JAVA_KEYWORDS.has(segment));
    if (keyword !== undefined) {
      context.report("invalid-java-package", `javaPackage ${vendor.javaPackage} contains the Java keyword ${keyword}`, ["vendor", "javaPackage"]);
    }
  }
}
