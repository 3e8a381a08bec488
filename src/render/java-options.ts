/** How the Java target is written. */
export interface JavaOptions {
  /**
   * The package of the shared runtime types (<prefix>.runtime) and of every vendor whose catalog names no
   * javaPackage (<prefix>.<vendor id without hyphens>).
   */
  readonly packagePrefix: string;
}

export const DEFAULT_JAVA_OPTIONS: JavaOptions = { packagePrefix: "codebook" };

/** The package of the types every generated enum and parser shares. */
export function javaRuntimePackage(options: JavaOptions): string {
  return `${options.packagePrefix}.runtime`;
}
