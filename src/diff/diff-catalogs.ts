import type { Position } from "../catalog/source-file.js";
import type { CodeSet } from "../model/types.js";
import type { Change } from "./change.js";
import { diffCodes } from "./diff-codes.js";
import type { DiffSide } from "./diff-side.js";
import { changeAt, collector, type Emit } from "./emit.js";

/**
 * Every change from one catalog set to another, in a stable order (vendor, set, then catalog order).
 * Pure: the sides carry their models and a way to place a data path. A vendor, set or case that has
 * only been renamed is reported as one rename, not as a removal and an addition.
 */
export function diffCatalogSets(before: readonly DiffSide[], after: readonly DiffSide[]): Change[] {
  return diffVendorSets(before, after, { head: headOf, diffPair: diffVendors, locateId: (side) => side.locate(["vendor", "id"]) });
}

/** What pairs a vendor of one side with one of the other: enough to pair them without their models. */
export interface VendorHead {
  readonly vendorId: string;
  /** The catalog file, as shown in diagnostics. */
  readonly file: string;
  /** The code sets' ids, in catalog order. */
  readonly setIds: readonly string[];
}

export function headOf(side: DiffSide): VendorHead {
  return { vendorId: side.vendor.id, file: side.file, setIds: side.vendor.codeSets.map((set) => set.id) };
}

/** How diffVendorSets sees a side of any kind. */
export interface SideAccess<S> {
  readonly head: (side: S) => VendorHead;
  /** The changes from one vendor to the one it is paired with (a worker thread may have found them already). */
  readonly diffPair: (old: S, now: S) => readonly Change[];
  /** Where the vendor's id sits, for a vendor added or removed. */
  readonly locateId: (side: S) => Position;
}

/**
 * diffCatalogSets over any kind of side: vendors are paired by their heads, so that only the heads
 * of every vendor need to be at hand, and each pair's changes come from `diffPair`.
 */
export function diffVendorSets<S>(before: readonly S[], after: readonly S[], access: SideAccess<S>): Change[] {
  const changes: Change[] = [];
  const heads = new Map([...before, ...after].map((side) => [side, access.head(side)]));
  const head = (side: S) => heads.get(side) as VendorHead;
  const pairs = pairUp(
    before,
    after,
    (side) => head(side).vendorId,
    (a, b) => sameVendor(head(a), head(b)),
  );
  for (const { old, now } of pairs) {
    if (old && now) changes.push(...access.diffPair(old, now));
    else if (old) {
      const { vendorId, file } = head(old);
      changes.push(changeAt("VENDOR_REMOVED", `vendor ${vendorId} was removed (${file})`, { file, vendor: vendorId, position: access.locateId(old) }));
    } else if (now) {
      const { vendorId, file } = head(now);
      changes.push(changeAt("VENDOR_ADDED", `vendor ${vendorId} was added`, { file, vendor: vendorId, position: access.locateId(now) }));
    }
  }
  return changes;
}

/** The changes from one vendor to the vendor it is paired with. */
export function diffVendors(old: DiffSide, now: DiffSide): Change[] {
  const changes: Change[] = [];
  diffVendor(old, now, collector(changes));
  return changes;
}

function diffVendor(old: DiffSide, now: DiffSide, emit: Emit): void {
  if (old.vendor.id !== now.vendor.id) emit("VENDOR_ID_CHANGED", `vendor ${old.vendor.id} was renamed to ${now.vendor.id}`, now, ["vendor", "id"]);
  else if (old.vendor.javaPackage !== now.vendor.javaPackage) {
    emit("JAVA_PACKAGE_CHANGED", `the Java package of ${now.vendor.id} changed from ${old.vendor.javaPackage} to ${now.vendor.javaPackage}`, now, [
      "vendor",
      "javaPackage",
    ]);
  }
  const oldSets = old.vendor.codeSets.map((set, index) => ({ set, index }));
  const newSets = now.vendor.codeSets.map((set, index) => ({ set, index }));
  for (const pair of pairUp(
    oldSets,
    newSets,
    (item) => item.set.id,
    (a, b) => sameSet(a.set, b.set),
  )) {
    if (pair.old && pair.now) {
      diffSet(old, now, pair.old, pair.now, emit);
    } else if (pair.old) {
      emit("CODE_SET_REMOVED", `code set ${pair.old.set.id} (${pair.old.set.typeName}) was removed`, old, ["codeSets", pair.old.index]);
    } else if (pair.now) {
      emit(
        "CODE_SET_ADDED",
        `code set ${pair.now.set.id} (${pair.now.set.typeName}) was added`,
        now,
        ["codeSets", pair.now.index],
        `${now.vendor.id}.md#${pair.now.set.id}`,
      );
    }
  }
}

function diffSet(old: DiffSide, now: DiffSide, before: { set: CodeSet; index: number }, after: { set: CodeSet; index: number }, emit: Emit): void {
  const path = ["codeSets", after.index];
  const anchor = `${now.vendor.id}.md#${after.set.id}`;
  const a = before.set;
  const b = after.set;
  if (a.id !== b.id) emit("CODE_SET_ID_CHANGED", `code set ${a.id} was renamed to ${b.id}`, now, [...path, "id"], anchor);
  if (a.typeName !== b.typeName)
    emit("TYPE_NAME_CHANGED", `the typeName of code set ${b.id} changed from ${a.typeName} to ${b.typeName}`, now, [...path, "typeName"], anchor);
  if (a.format.kind !== b.format.kind) {
    emit("CODE_KIND_CHANGED", `the codeKind of code set ${b.id} changed from ${a.format.kind} to ${b.format.kind}`, now, [...path, "codeKind"], anchor);
  } else if ((a.format.kind === "digits" || a.format.kind === "alphanumeric") && b.format.kind === a.format.kind && a.format.width !== b.format.width) {
    // An alphanumeric set's width decides what fromCode(int) finds, as a digit set's does.
    emit(
      "CODE_WIDTH_CHANGED",
      `the width of code set ${b.id} changed from ${a.format.width ?? "none"} to ${b.format.width ?? "none"}`,
      now,
      [...path, "width"],
      anchor,
    );
  }
  diffCodes({ before: a, after: b, old, now, oldIndex: before.index, newIndex: after.index }, emit);
}

/**
 * Pairs items by key, then pairs what is left on both sides by `renamed`, and keeps the new side's
 * order (removals come after, in the old side's order).
 */
function pairUp<T>(before: readonly T[], after: readonly T[], key: (item: T) => string, renamed: (a: T, b: T) => boolean): { old?: T; now?: T }[] {
  const oldByKey = new Map(before.map((item) => [key(item), item]));
  const newKeys = new Set(after.map(key));
  const leftOld = before.filter((item) => !newKeys.has(key(item)));
  const pairs: { old?: T; now?: T }[] = [];
  for (const item of after) {
    const same = oldByKey.get(key(item));
    if (same !== undefined) {
      pairs.push({ old: same, now: item });
      continue;
    }
    const index = leftOld.findIndex((candidate) => renamed(candidate, item));
    const previous = leftOld[index];
    if (previous === undefined) {
      pairs.push({ now: item });
    } else {
      leftOld.splice(index, 1);
      pairs.push({ old: previous, now: item });
    }
  }
  for (const item of leftOld) pairs.push({ old: item });
  return pairs;
}

/** A vendor whose id changed is the same vendor when it kept its file or its code sets. */
function sameVendor(a: VendorHead, b: VendorHead): boolean {
  if (a.file === b.file) return true;
  return a.setIds.length > 0 && a.setIds.join("\n") === b.setIds.join("\n");
}

/** A set whose id changed is the same set when it kept its type name, or at least half its codes. */
function sameSet(a: CodeSet, b: CodeSet): boolean {
  if (a.typeName === b.typeName) return true;
  const wires = new Set(a.codes.map((entry) => entry.wire));
  const shared = b.codes.filter((entry) => wires.has(entry.wire)).length;
  return shared > 0 && shared * 2 >= Math.max(a.codes.length, b.codes.length);
}
