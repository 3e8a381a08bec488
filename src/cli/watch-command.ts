import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "commander";
import { displayPath } from "../catalog/read-catalogs.js";
import { CONFIG_NAMES, findConfigFiles } from "../config/config-file.js";
import { type WatchPlan, watch } from "../pipeline/watch.js";
import { commandSettings } from "./command-settings.js";
import { type GenerateCommandOptions, lockMessage, reportRun } from "./generate-command.js";
import { onInterrupt } from "./interrupts.js";
import type { CliIo } from "./io.js";

export interface WatchCommandOptions {
  readonly only?: string | undefined;
  /** Threads to use, as capped for this machine. */
  readonly jobs: (requested: number | undefined) => number | undefined;
}

/**
 * `gen watch`: gen, then again on every save of a catalog, template, taxonomy or config file, until
 * Ctrl-C (exit 130) or SIGTERM (143). Problems are reported and watching goes on. Flags and the config
 * are read again for every run, so that an edited config takes effect at once.
 */
export function runWatch(command: Command, options: WatchCommandOptions, io: CliIo): Promise<number> {
  const named = command.opts<{ config?: string }>().config;
  let first = true;
  /** The options of the latest run, for its report. */
  let planned: GenerateCommandOptions | undefined;
  const plan = (): WatchPlan => {
    const configFiles = named !== undefined ? [resolve(io.cwd, named)] : findConfigFiles(io.cwd);
    // Without a config file, one created here is picked up by the next run.
    const alsoWatch = configFiles.length > 0 ? configFiles : CONFIG_NAMES.map((name) => join(io.cwd, name));
    const resolved = commandSettings(command, io);
    planned = undefined;
    if (typeof resolved === "number") return { run: undefined, alsoWatch };
    const { settings } = resolved;
    const cache = settings.cache.value ? settings.cacheDir.value : false;
    const targets = settings.targets.source.kind === "default" ? undefined : settings.targets.value;
    planned = {
      catalogs: settings.catalogs.value,
      out: settings.out.value,
      templates: settings.templates.value,
      outcomes: settings.outcomes.value,
      only: options.only,
      jobs: options.jobs(settings.jobs.value),
      cwd: io.cwd,
      cache,
      targets,
      ts: settings.ts.value,
      java: settings.java.value,
      check: false,
    };
    return { run: planned, alsoWatch };
  };
  onInterrupt(undefined);
  const watcher = watch(plan, {
    onLock: (event) => io.stderr(lockMessage(event, planned ? displayPath(resolve(io.cwd, planned.out), io.cwd) : "the output directory")),
    onProgress: io.progress,
    onHold: onInterrupt,
    onResult: (result, cause) => {
      if (cause.length > 0) io.stderr(`gen watch: ${cause.map((path) => shown(path, io.cwd)).join(", ")} changed\n`);
      if (result && planned) reportRun(result, planned, io);
      if (first) {
        first = false;
        // Where a config file would be found is watched too, but only what exists is worth naming.
        const watched = watcher.watched().filter((path) => existsSync(path));
        io.stderr(`gen watch: watching ${watched.map((path) => shown(path, io.cwd)).join(", ")} (Ctrl-C to stop)\n`);
      }
    },
    onError: (error) => io.stderr(`gen watch: internal error: ${error instanceof Error ? error.message : String(error)}; still watching\n`),
  });
  // Watching ends only with a signal, whose handler sets the exit status.
  return new Promise<number>(() => {});
}

function shown(path: string, cwd: string): string {
  return relative(cwd, path) || ".";
}
