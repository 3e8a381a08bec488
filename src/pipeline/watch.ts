import { type FSWatcher, statSync, watch as watchPath } from "node:fs";
import { basename, dirname, resolve, sep } from "node:path";
import { type RunHooks, type RunOptions, type RunResult, run } from "./run.js";

/** What the next run is: its options, or none when they cannot be had (a config with errors, reported by the caller). */
export interface WatchPlan {
  readonly run: RunOptions | undefined;
  /** More files whose change calls for a new plan: the config file, or where one would be found. */
  readonly alsoWatch: readonly string[];
}

export interface WatchHooks extends RunHooks {
  /** After each run: what it did, and the paths whose change caused it (none for the first run). */
  readonly onResult: (result: RunResult | undefined, cause: readonly string[]) => void;
  /** A run that failed with a bug rather than a result: watching goes on. */
  readonly onError: (error: unknown) => void;
}

export interface Watcher {
  /** The paths watched now, absolute. */
  readonly watched: () => readonly string[];
  /** Resolves once no run is going and none is due. */
  readonly idle: () => Promise<void>;
  /** Stops watching, and resolves once a run still going has finished. */
  readonly close: () => Promise<void>;
}

/** How long a burst of events (an editor's save is often several) is left to settle before a run. */
const SETTLE_MS = 15;

/**
 * Runs `plan()`'s generation now and again on every change of a catalog, a template, the taxonomy or
 * the config file. Runs never overlap: a save that arrives during one starts the next after it, and
 * each run writes all or nothing, so the output directory is never left half-written; a save caught
 * half-way fails validation, writes nothing, and its second half starts the run that writes.
 */
export function watch(plan: () => WatchPlan, hooks: WatchHooks): Watcher {
  const watchers = new Map<string, FSWatcher>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // Whether a cycle of runs is going, and the promise of the latest (a cycle without a run ends at once).
  let busy = false;
  let running: Promise<void> = Promise.resolve();
  let idleWaiters: (() => void)[] = [];
  let closed = false;
  // What the runs write themselves (the output and the cache) is no save, wherever it lies.
  let written: readonly string[] = [];

  const changed = (path: string) => {
    if (closed || written.some((dir) => path === dir || path.startsWith(dir + sep))) return;
    dirty.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      startCycle();
    }, SETTLE_MS);
  };

  const startCycle = () => {
    if (busy) return;
    busy = true;
    running = cycle();
  };

  const cycle = async (): Promise<void> => {
    while (!closed) {
      const cause = [...dirty].sort();
      dirty.clear();
      try {
        const next = plan();
        written = writtenBy(next.run);
        rewatch(watchers, targets(next), changed);
        const result = next.run ? await run(next.run, hooks) : undefined;
        if (!closed) hooks.onResult(result, cause);
      } catch (error) {
        hooks.onError(error);
      }
      // Saves that came during the run are waited out like any other burst, then run for.
      if (dirty.size === 0 || timer) break;
    }
    busy = false;
    if (!timer) for (const resolveIdle of idleWaiters.splice(0)) resolveIdle();
  };

  startCycle();
  return {
    watched: () => [...new Set([...watchers.keys()].map((key) => key.slice(key.indexOf("|") + 1)))],
    idle: () => (busy || timer ? new Promise<void>((done) => idleWaiters.push(done)) : Promise.resolve()),
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      await running;
      for (const resolveIdle of idleWaiters.splice(0)) resolveIdle();
      idleWaiters = [];
    },
  };
}

/** The directories a run writes into: its output directory and its cache. */
function writtenBy(options: RunOptions | undefined): string[] {
  if (!options) return [];
  const cwd = options.cwd ?? process.cwd();
  return [resolve(cwd, options.out), ...(typeof options.cache === "string" ? [resolve(cwd, options.cache)] : [])];
}

/** A path to watch, and whether only catalog files in it count. */
interface Target {
  readonly path: string;
  readonly catalogsOnly: boolean;
}

function targets(next: WatchPlan): Target[] {
  const options = next.run;
  const cwd = options?.cwd ?? process.cwd();
  const list: Target[] = next.alsoWatch.map((path) => ({ path: resolve(cwd, path), catalogsOnly: false }));
  if (!options) return list;
  list.push({ path: resolve(cwd, options.catalogs), catalogsOnly: true });
  if (options.templates !== undefined) list.push({ path: resolve(cwd, options.templates), catalogsOnly: false });
  if (options.outcomes !== undefined) list.push({ path: resolve(cwd, options.outcomes), catalogsOnly: false });
  return list;
}

/**
 * Keeps the fs watchers of the targets. Every target is watched through its parent directory (editors
 * save by renaming a new file over the old one, which ends a watch on the file itself), so a file or
 * directory that appears, goes or is replaced later is seen too. A directory is also watched with
 * everything in it; that watcher is keyed by the directory's inode, so a directory replaced under the
 * same name (rm -r and copy, a checkout) gets a new one instead of the old one watching what is gone.
 */
function rewatch(watchers: Map<string, FSWatcher>, wanted: readonly Target[], changed: (path: string) => void): void {
  const keyed = new Map<string, Target>();
  for (const target of wanted) {
    keyed.set(`file|${target.path}`, target);
    const inode = directoryInode(target.path);
    if (inode !== undefined) keyed.set(`dir${target.catalogsOnly ? "+yaml" : ""}:${inode}|${target.path}`, target);
  }
  for (const [key, watcher] of watchers) {
    if (keyed.has(key)) continue;
    watcher.close();
    watchers.delete(key);
  }
  for (const [key, target] of keyed) {
    if (watchers.has(key)) continue;
    const watcher = key.startsWith("dir") ? watchDirectory(target, changed) : watchFile(target.path, changed);
    if (watcher) watchers.set(key, watcher);
  }
}

function watchDirectory(target: Target, changed: (path: string) => void): FSWatcher | undefined {
  return open(target.path, { recursive: true }, (name) => {
    if (name !== null && !counts(name, target.catalogsOnly)) return;
    changed(name === null ? target.path : `${target.path}${sep}${name}`);
  });
}

function watchFile(path: string, changed: (path: string) => void): FSWatcher | undefined {
  const name = basename(path);
  return open(dirname(path), { recursive: false }, (seen) => {
    if (seen === null || seen === name) changed(path);
  });
}

function open(path: string, options: { recursive: boolean }, onName: (name: string | null) => void): FSWatcher | undefined {
  try {
    const watcher = watchPath(path, { recursive: options.recursive, persistent: true }, (_event, name) => onName(name === null ? null : String(name)));
    // A watched directory that is removed ends its watcher; the next plan watches what is there then.
    watcher.on("error", () => watcher.close());
    return watcher;
  } catch {
    // Not there (yet): the run reports it, and the parent's watcher, where there is one, sees it appear.
    return undefined;
  }
}

/** Editors' swap, backup and probe files are not saves; in the catalogs directory only catalogs count. */
function counts(name: string, catalogsOnly: boolean): boolean {
  const file = basename(name);
  if (file.startsWith(".") || file.endsWith("~") || /\.sw[a-p]$/.test(file) || file === "4913") return false;
  return !catalogsOnly || /\.ya?ml$/i.test(file);
}

/** A directory's inode, or undefined when the path is no directory. */
function directoryInode(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? stats.ino : undefined;
  } catch {
    return undefined;
  }
}
