import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { relative, resolve, sep } from "node:path";
import { MAX_CATALOG_BYTES } from "../catalog/decode.js";

/** A catalog file at a git ref: its bytes and its blob id (equal ids mean equal bytes). */
export interface RefCatalog {
  /** As shown in diagnostics: <ref>:<path in the repository>. */
  readonly path: string;
  /** The file's name in the catalogs directory, e.g. phonepos.yaml. */
  readonly fileName: string;
  readonly blob: string;
  readonly bytes: Uint8Array;
}

/** Why the catalogs at a ref could not be read: always the user's to fix (a usage error). */
export class RefError extends Error {}

const CATALOG_FILE = /\.ya?ml$/;

/**
 * Reads the catalogs directory as it is at a git ref, through git alone (ls-tree and cat-file): the
 * work tree, the index and HEAD are left as they are. A file whose blob id is the one `known` gives
 * for its name is not read, only named in `unchanged`.
 */
export function readCatalogsAtRef(
  catalogsDir: string,
  ref: string,
  shownDir = catalogsDir,
  known: ReadonlyMap<string, string> = new Map(),
): { changed: RefCatalog[]; unchanged: string[] } {
  const dir = resolve(catalogsDir);
  const top = git(
    ["rev-parse", "--show-toplevel"],
    dir,
    undefined,
    () => `${shownDir} is not inside a git repository; pass a directory of catalogs as --against instead`,
  );
  if (ref.startsWith("-")) throw new RefError(`${ref} is not a git ref`);
  const root = top.trim();
  const commit = resolveCommit(ref, root);
  const inRepo = relative(root, dir).split(sep).join("/");
  const prefix = inRepo === "" ? "" : `${inRepo}/`;
  const listing = git(["ls-tree", "-z", commit, "--", prefix === "" ? "." : prefix], root);
  const entries = listing
    .split("\0")
    .filter((line) => line !== "")
    .flatMap((line) => {
      const [meta = "", path = ""] = line.split("\t");
      const [, type, blob] = meta.split(" ");
      const fileName = path.slice(prefix.length);
      return type === "blob" && blob !== undefined && CATALOG_FILE.test(fileName) && !fileName.includes("/")
        ? [{ path: `${ref}:${path}`, fileName, blob }]
        : [];
    })
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  if (entries.length === 0) throw new RefError(`no catalogs (*.yaml or *.yml) in ${prefix === "" ? "the repository's root" : inRepo} at ${ref}`);
  const changed = entries.filter((entry) => known.get(entry.fileName) !== entry.blob);
  const blobs = readBlobs(
    changed.map((entry) => entry.blob),
    root,
  );
  return {
    changed: changed.map((entry) => ({ ...entry, bytes: blobs.get(entry.blob) ?? new Uint8Array() })),
    unchanged: entries.filter((entry) => known.get(entry.fileName) === entry.blob).map((entry) => entry.fileName),
  };
}

/** The blob id git gives these bytes, to tell an unchanged file without parsing it. */
export function blobId(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function resolveCommit(ref: string, cwd: string): string {
  const found = spawnSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], { cwd, encoding: "utf8" });
  if (found.status === 0) return found.stdout.trim();
  const shallow = spawnSync("git", ["rev-parse", "--is-shallow-repository"], { cwd, encoding: "utf8" }).stdout.trim() === "true";
  if (shallow) {
    throw new RefError(`${ref} is not in this shallow clone; fetch it first (git fetch origin ${ref}, or git fetch --unshallow), then run gen diff again`);
  }
  throw new RefError(`${ref} is not a commit, branch or tag of this repository`);
}

/** Every blob through one `git cat-file --batch`: "<id> blob <size>\n<bytes>\n" each. */
function readBlobs(ids: readonly string[], cwd: string): Map<string, Uint8Array> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const run = spawnSync("git", ["cat-file", "--batch"], { cwd, input: `${unique.join("\n")}\n`, maxBuffer: unique.length * (MAX_CATALOG_BYTES + 128) + 1024 });
  if (run.status !== 0 || run.error) throw new RefError(`git cat-file failed: ${run.error?.message ?? run.stderr.toString().trim()}`);
  const out = run.stdout;
  const blobs = new Map<string, Uint8Array>();
  let offset = 0;
  for (const id of unique) {
    const headerEnd = out.indexOf(10, offset);
    const [, , size = "0"] = out.subarray(offset, headerEnd).toString("latin1").split(" ");
    const start = headerEnd + 1;
    blobs.set(id, out.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}

function git(args: readonly string[], cwd: string, input?: string, explain?: () => string): string {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new RefError(`cannot run git: ${run.error.message}`);
  if (run.status !== 0) throw new RefError(explain ? explain() : `git ${args[0]} failed: ${run.stderr.trim()}`);
  return run.stdout;
}
