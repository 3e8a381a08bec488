import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ignored, MANIFEST_PATH, type ManifestEntry, type ManifestRead, parseManifest } from "./manifest.js";
import { inspectOutputPath, type PathKind } from "./output-paths.js";

/**
 * Every output path where something other than a regular file is in the way, or that would be reached
 * through a symlink: an error each, naming it. gen never writes through a symlink and never replaces a
 * directory (a user's files could be in it).
 */
export function blockedOutputs(outDir: string, paths: Iterable<string>, shownOut: string): Diagnostic[] {
  const seen = new Map<string, PathKind | "directory">();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const path of paths) {
    const found = inspectOutputPath(outDir, path, seen);
    if (found.kind !== "blocked" || reported.has(found.at)) continue;
    reported.add(found.at);
    const file = `${shownOut}/${found.at}`;
    const message =
      found.at === path
        ? `gen writes ${file} but ${found.what} is there; move it away and run gen again`
        : `gen writes ${shownOut}/${path} but ${file} is ${found.what}; gen does not write through it`;
    diagnostics.push({ severity: "error", rule: "output-path-blocked", message, file, line: 0, column: 0 });
  }
  return diagnostics;
}

/**
 * The manifest's entries that gen may remove now: the paths still a regular file, reached without a
 * symlink. Any other entry is left alone with a warning that names it (a directory, a symlink, a path
 * through a symlink); an entry whose file is gone already needs nothing.
 */
export function removableOrphans(outDir: string, candidates: readonly ReadEntry[], manifestShown: string): { orphaned: string[]; diagnostics: Diagnostic[] } {
  const seen = new Map<string, PathKind | "directory">();
  const orphaned: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const entry of candidates) {
    const found = inspectOutputPath(outDir, entry.path, seen);
    if (found.kind === "file") orphaned.push(entry.path);
    else if (found.kind === "blocked") {
      const reason = found.at === entry.path ? `it is ${found.what}` : `${found.at} is ${found.what}`;
      diagnostics.push(ignored(manifestShown, entry.at, entry.path, reason));
    }
  }
  return { orphaned: orphaned.sort(), diagnostics };
}

export type ReadEntry = ManifestRead["entries"][number];

/** The manifest in the output directory, read only if it is a regular file reached without a symlink. */
export function readManifest(outDir: string, shownOut: string): ManifestRead & { readonly shown: string } {
  const shown = `${shownOut}/${MANIFEST_PATH}`;
  const found = inspectOutputPath(outDir, MANIFEST_PATH);
  if (found.kind === "missing") return { entries: [], diagnostics: [], shown };
  if (found.kind === "blocked") {
    const message = `the manifest ${shown} is ${found.what}, not a file gen wrote; move it away (gen then removes no old files)`;
    return { entries: [], diagnostics: [{ severity: "error", rule: "manifest-invalid", message, file: shown, line: 0, column: 0 }], shown };
  }
  return { ...parseManifest(readFileSync(join(outDir, MANIFEST_PATH), "utf8"), shown), shown };
}

/** Entries as they go into a new manifest: the path and vendor, nothing of where they were read. */
export function plainEntry({ path, vendor }: ManifestEntry): ManifestEntry {
  return { path, vendor };
}
