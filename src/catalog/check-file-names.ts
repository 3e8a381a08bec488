import { defaultJavaPackage } from "../model/vendor-names.js";
import type { CheckContext } from "./check-context.js";

/** The longest file or directory name that every common filesystem takes (ext4, XFS, Btrfs, APFS, NTFS). */
export const MAX_FILE_NAME_BYTES = 255;
/**
 * The longest path Linux takes (PATH_MAX, 4096 with its NUL). The path of a file inside the output
 * directory is part of the path gen writes, so no output directory could make a longer one writable.
 */
export const MAX_PATH_BYTES = 4095;
/**
 * Room kept after a Java type name for the class files javac writes for the enum's nested classes
 * (`TypeName$Uncoded.class` today), so that compiling the output cannot fail where generating did not.
 */
const NESTED_CLASS_SUFFIX_BYTES = 32;
const MAX_TYPE_NAME_BYTES = MAX_FILE_NAME_BYTES - NESTED_CLASS_SUFFIX_BYTES;
/** Windows' device names, which it refuses as a file's or directory's name whatever the case or extension (Con.java). */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * Every name gen (and javac after it) gives a file must fit the filesystem: a Java type name names
 * `TypeName.java`, each package segment a directory. (Vendor ids, which name `<id>.ts` and `<id>.md`,
 * are at most 64 characters by the schema.)
 */
export function checkFileNames(context: CheckContext): void {
  const { vendor, codeSets } = context.catalog;
  const javaPackage = vendor.javaPackage ?? defaultJavaPackage(vendor.id);
  const packagePath: (string | number)[] = vendor.javaPackage === undefined ? ["vendor", "id"] : ["vendor", "javaPackage"];
  const segment = javaPackage.split(".").find((part) => bytes(part) > MAX_FILE_NAME_BYTES);
  if (segment !== undefined) {
    context.report(
      "file-name-too-long",
      `javaPackage segment ${shortened(segment)} is ${bytes(segment)} bytes long; it names a directory, and file names are limited to ${MAX_FILE_NAME_BYTES} bytes`,
      packagePath,
    );
  }
  // A vendor id that is a device name is refused as such (checkVendor); only an explicit package is looked at here.
  const device = vendor.javaPackage?.split(".").find((part) => DEVICE_NAME.test(part));
  if (device !== undefined) {
    context.report(
      "reserved-file-name",
      `javaPackage segment ${device} names a directory ${device}, a device name that Windows refuses as a file name`,
      packagePath,
    );
  }
  let longest = 0;
  codeSets.forEach((set, setIndex) => {
    longest = Math.max(longest, bytes(set.typeName));
    if (DEVICE_NAME.test(set.typeName)) {
      context.report(
        "reserved-file-name",
        `typeName ${set.typeName} names ${set.typeName}.java, and ${set.typeName} is a device name that Windows refuses as a file name, whatever the extension`,
        ["codeSets", setIndex, "typeName"],
      );
    }
    if (bytes(set.typeName) <= MAX_TYPE_NAME_BYTES) return;
    context.report(
      "file-name-too-long",
      `typeName ${shortened(set.typeName)} is ${bytes(set.typeName)} bytes long; it names ${shortened(set.typeName)}.java and the class files of its nested classes, and file names are limited to ${MAX_FILE_NAME_BYTES} bytes: a typeName may have at most ${MAX_TYPE_NAME_BYTES}`,
      ["codeSets", setIndex, "typeName"],
    );
  });
  // java/<package directories>/<TypeName>.java, for the longest type name.
  const pathBytes = bytes(`java/${javaPackage.replace(/\./g, "/")}/.java`) + longest;
  if (segment === undefined && pathBytes > MAX_PATH_BYTES) {
    context.report(
      "path-too-long",
      `javaPackage ${shortened(javaPackage)} makes the path of a Java file ${pathBytes} bytes long inside the output directory; paths are limited to ${MAX_PATH_BYTES} bytes`,
      packagePath,
    );
  }
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** A name short enough for a message: long ones lose their middle. */
function shortened(name: string): string {
  return name.length <= 40 ? name : `${name.slice(0, 20)}…${name.slice(-12)}`;
}
