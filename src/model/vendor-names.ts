/** external-api -> externalApi: a vendor's namespace in the generated TypeScript index. */
export function vendorNamespace(vendorId: string): string {
  return vendorId.replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase());
}

/** The default Java package of a vendor: <prefix>.<id without hyphens>, codebook.<id without hyphens> unless the run sets a prefix. */
export function defaultJavaPackage(vendorId: string, prefix = "codebook"): string {
  return `${prefix}.${javaPackageSegment(vendorId)}`;
}

/** A vendor's own segment of its default Java package: the id without hyphens. */
export function javaPackageSegment(vendorId: string): string {
  return vendorId.replace(/-/g, "");
}

/** The Java class of a vendor's response parser: ExternalApiResponses for external-api. */
export function responsesClassName(vendorId: string): string {
  const name = vendorNamespace(vendorId);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}Responses`;
}
