import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { vendorNamespace } from "../model/vendor-names.js";
import type { DataPath } from "./locate.js";
import type { Position } from "./source-file.js";

/** A valid catalog as far as the names it takes in the generated code go. */
export interface VendorClaimant {
  /** As shown in diagnostics. */
  readonly path: string;
  readonly vendorId: string;
  readonly javaPackage: string;
  readonly typeNames: readonly string[];
  /** The Java class of the vendor's response parser, when it has one (<Vendor>Responses). */
  readonly responsesClass: string | null;
  /** Where a data path sits in the catalog, for the diagnostic (called only on a clash). */
  locate(at: DataPath): Position;
}

/** A name a catalog takes for itself in the generated code, with where the catalog says it. */
interface Claim {
  readonly name: string;
  readonly rule: string;
  readonly what: string;
  readonly at: DataPath;
}

/**
 * What only shows across catalogs: two that would take the same vendor id, TypeScript namespace
 * (ab1 and ab-1 are both ab1) or Java class (case-folded: Codes.java and CODES.java are one file on
 * case-insensitive file systems). The later catalog gets the error, pointing at the id or type name it
 * would have to change; so does one that would write a class of the shared Java runtime (a vendor whose
 * package is the runtime's). Returns the diagnostics and which claimants clashed.
 */
export function checkAcrossVendors(
  claimants: readonly VendorClaimant[],
  /** Java classes the run writes besides the vendors' (the shared runtime's), fully qualified. */
  reservedJavaClasses: readonly string[] = [],
): { clashed: ReadonlySet<VendorClaimant>; diagnostics: Diagnostic[] } {
  const owners = new Map<string, string>(reservedJavaClasses.map((name) => [`java:${name}`.toLowerCase(), "the shared Java runtime"]));
  const clashed = new Set<VendorClaimant>();
  const diagnostics: Diagnostic[] = [];
  for (const claimant of claimants) {
    const namespace = vendorNamespace(claimant.vendorId);
    const claims: Claim[] = [
      { name: `id:${claimant.vendorId}`, rule: "duplicate-vendor", what: `vendor id ${claimant.vendorId}`, at: ["vendor", "id"] },
      {
        name: `ts:${namespace}`,
        rule: "vendor-name-collision",
        what: `the TypeScript namespace ${namespace} of vendor id ${claimant.vendorId}`,
        at: ["vendor", "id"],
      },
      ...claimant.typeNames.map((typeName, index) => ({
        name: `java:${claimant.javaPackage}.${typeName}`.toLowerCase(),
        rule: "vendor-name-collision",
        what: `the Java class ${claimant.javaPackage}.${typeName}`,
        at: ["codeSets", index, "typeName"] as DataPath,
      })),
      ...(claimant.responsesClass === null
        ? []
        : [
            {
              name: `java:${claimant.javaPackage}.${claimant.responsesClass}`.toLowerCase(),
              rule: "vendor-name-collision",
              what: `the Java class ${claimant.javaPackage}.${claimant.responsesClass} (the response parser)`,
              at: ["vendor", "errorResponse"] as DataPath,
            },
          ]),
    ];
    const clash = claims.find((claim) => owners.has(claim.name));
    // A refused catalog keeps its claims too, so that a third one is told about the clash nearest to it.
    for (const claim of claims) if (!owners.has(claim.name)) owners.set(claim.name, claimant.path);
    if (!clash) continue;
    clashed.add(claimant);
    const { line, column } = claimant.locate(clash.at);
    diagnostics.push({
      severity: "error",
      rule: clash.rule,
      message: `${clash.what} is already taken by ${owners.get(clash.name)}`,
      file: claimant.path,
      line,
      column,
    });
  }
  return { clashed, diagnostics };
}
