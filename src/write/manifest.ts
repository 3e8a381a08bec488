import type { OutputFile } from "../render/output-file.js";
import { bannerText } from "../render/views/banner.js";

/** The list of files gen wrote last time, kept in the output directory so it removes only its own files. */
export const MANIFEST_PATH = ".codebook-manifest.json";

export interface ManifestEntry {
  readonly path: string;
  readonly vendor: string | null;
}

/** The manifest for a set of outputs, as one more output file. */
export function manifestFile(entries: readonly ManifestEntry[]): OutputFile {
  const files = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const content = `${JSON.stringify({ $comment: bannerText("every catalog"), files }, null, 2)}\n`;
  return { path: MANIFEST_PATH, content, vendor: null };
}

/** Reads a manifest's entries; anything unreadable counts as no manifest (nothing is then removed). */
export function parseManifest(text: string | undefined): ManifestEntry[] {
  if (text === undefined) return [];
  try {
    const data = JSON.parse(text) as { files?: unknown };
    if (!Array.isArray(data.files)) return [];
    return data.files.filter(
      (entry): entry is ManifestEntry =>
        typeof entry === "object" && entry !== null && typeof (entry as ManifestEntry).path === "string" && isSafeRelative((entry as ManifestEntry).path),
    );
  } catch {
    return [];
  }
}

/** A manifest could be edited by hand: never let it point outside the output directory. */
function isSafeRelative(path: string): boolean {
  return path !== "" && !path.startsWith("/") && !path.split(/[\\/]/).some((part) => part === ".." || part === "") && !/^[A-Za-z]:/.test(path);
}
