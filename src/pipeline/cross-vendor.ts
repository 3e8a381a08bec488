import { readFileSync } from "node:fs";
import type { DataPath } from "../catalog/locate.js";
import { locate } from "../catalog/locate.js";
import { createSourceFile } from "../catalog/source-file.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { vendorNamespace } from "../model/vendor-names.js";
import type { JobResult } from "./catalog-job.js";

/** A name a catalog takes for itself in the generated code, with where the catalog says it. */
interface Claim {
  readonly name: string;
  readonly rule: string;
  readonly what: string;
  readonly at: DataPath;
}

/**
 * What only shows across catalogs: two catalogs that would take the same vendor id, TypeScript
 * namespace (ab1 and ab-1 are both ab1) or Java class. The later file (in path order) gets the error,
 * pointing at the id or type name it would have to change; its result is dropped.
 */
export function checkAcrossVendors(all: readonly JobResult[], absolutePaths: ReadonlyMap<string, string>): { kept: JobResult[]; diagnostics: Diagnostic[] } {
  const owners = new Map<string, string>();
  const kept: JobResult[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const result of all) {
    const vendor = result.vendor;
    if (!vendor) continue;
    const claims: Claim[] = [
      { name: `id:${vendor.id}`, rule: "duplicate-vendor", what: `vendor id ${vendor.id}`, at: ["vendor", "id"] },
      {
        name: `ts:${vendorNamespace(vendor.id)}`,
        rule: "vendor-name-collision",
        what: `the TypeScript namespace ${vendorNamespace(vendor.id)} of vendor id ${vendor.id}`,
        at: ["vendor", "id"],
      },
      ...vendor.codeSets.map((set, index) => ({
        // Case folded: Codes.java and CODES.java are one file on case-insensitive file systems.
        name: `java:${vendor.javaPackage}.${set.typeName}`.toLowerCase(),
        rule: "vendor-name-collision",
        what: `the Java class ${vendor.javaPackage}.${set.typeName}`,
        at: ["codeSets", index, "typeName"] as DataPath,
      })),
    ];
    const clash = claims.find((claim) => owners.has(claim.name));
    // A refused catalog keeps its claims too, so that a third one is told about the clash nearest to it.
    for (const claim of claims) if (!owners.has(claim.name)) owners.set(claim.name, result.path);
    if (!clash) {
      kept.push(result);
      continue;
    }
    const source = createSourceFile(result.path, readFileSync(absolutePaths.get(result.path) ?? result.path, "utf8"));
    const { line, column } = locate(source, clash.at);
    diagnostics.push({
      severity: "error",
      rule: clash.rule,
      message: `${clash.what} is already taken by ${owners.get(clash.name)}`,
      file: result.path,
      line,
      column,
    });
  }
  return { kept, diagnostics };
}
