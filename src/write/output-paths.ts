import { lstatSync } from "node:fs";
import { join } from "node:path";

/**
 * Names in the output directory that belong to gen's own bookkeeping (lock, journal, staging, manifest):
 * never an output, never an orphan to remove.
 */
export const OWN_PREFIX = ".codebook-";

/**
 * Why a path (relative to the output directory, "/"-separated) cannot be one of gen's outputs, or
 * undefined if it can. Nothing is normalised: `./ts/index.ts` and `ts//index.ts` are not `ts/index.ts`,
 * and `docs/.` is not a file. gen itself only ever writes plain paths.
 */
export function pathSyntaxProblem(path: string): string | undefined {
  if (path === "") return "it is empty";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "it is absolute";
  if (/[\\\0]/.test(path)) return "it holds a backslash or a NUL byte";
  const parts = path.split("/");
  if (parts.some((part) => part === "")) return "it has an empty path segment";
  if (parts.some((part) => part === "." || part === "..")) return 'it has a "." or ".." segment';
  if (parts[0]?.startsWith(OWN_PREFIX)) return "it names gen's own bookkeeping";
  return undefined;
}

/** What lies at an output path, looked at one component at a time without following any symlink. */
export type PathKind =
  | { readonly kind: "file" }
  | { readonly kind: "missing" }
  /** Something gen must not replace or remove: `at` is the component (relative path) that is in the way. */
  | { readonly kind: "blocked"; readonly at: string; readonly what: string };

/**
 * Looks at each component of `path` below outDir with lstat: every parent must be a real directory (or
 * missing), and the path itself a regular file (or missing). A symlink anywhere, a directory or a FIFO
 * where a file belongs, is "blocked": gen neither writes through it nor removes it. Parents are
 * memoised in `seen`, since many outputs share them.
 */
export function inspectOutputPath(outDir: string, path: string, seen: Map<string, PathKind | "directory"> = new Map()): PathKind {
  const parts = path.split("/");
  for (let depth = 1; depth <= parts.length; depth++) {
    const at = parts.slice(0, depth).join("/");
    const last = depth === parts.length;
    let found = seen.get(at);
    if (found === undefined) {
      found = kindOf(outDir, at, last);
      seen.set(at, found);
    }
    if (found === "directory") {
      if (last) return { kind: "blocked", at, what: "a directory" };
      continue;
    }
    if (found.kind === "file" && !last) return { kind: "blocked", at, what: "a file where gen needs a directory" };
    return found;
  }
  return { kind: "missing" };
}

function kindOf(outDir: string, at: string, last: boolean): PathKind | "directory" {
  const stats = lstatSync(join(outDir, at), { throwIfNoEntry: false });
  if (!stats) return { kind: "missing" };
  if (stats.isDirectory()) return "directory";
  if (stats.isSymbolicLink()) return { kind: "blocked", at, what: "a symbolic link" };
  if (stats.isFile()) return { kind: "file" };
  return { kind: "blocked", at, what: last ? "not a regular file" : "not a directory" };
}
