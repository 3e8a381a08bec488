import type { Change } from "./change.js";
import type { ChangeGroup } from "./rules.js";

/** One vendor's part of a changelog: its changes by group, in the changelog's order. */
export interface VendorChanges {
  readonly vendor: string;
  readonly groups: readonly { readonly group: ChangeGroup; readonly title: string; readonly changes: readonly Change[] }[];
}

const GROUPS: readonly { readonly group: ChangeGroup; readonly title: string }[] = [
  { group: "added", title: "Added" },
  { group: "retired", title: "Retired" },
  { group: "changed", title: "Changed" },
  { group: "removed", title: "Removed" },
];

/** The changes per vendor (in the order they come), grouped by added, retired, changed and removed; empty groups left out. */
export function groupChanges(changes: readonly Change[]): VendorChanges[] {
  const vendors = [...new Set(changes.map((change) => change.vendor))];
  return vendors.map((vendor) => {
    const ofVendor = changes.filter((change) => change.vendor === vendor);
    const groups = GROUPS.map(({ group, title }) => ({ group, title, changes: ofVendor.filter((change) => change.group === group) }));
    return { vendor, groups: groups.filter((group) => group.changes.length > 0) };
  });
}
