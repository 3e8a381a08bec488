import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CatalogFile } from "../catalog/read-catalogs.js";
import { createRenderer } from "../render/render.js";
import type { TemplateSet, TemplateSource } from "../render/templates.js";
import { type JobMode, type JobResult, runCatalogJob } from "./catalog-job.js";

/** Below this much YAML, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** What every worker is started with: plain, cloneable data. */
export interface WorkerSetup {
  readonly mode: JobMode;
  readonly templates?: readonly (readonly [string, TemplateSource])[] | undefined;
  readonly outDir?: string | undefined;
  readonly staging?: string | undefined;
  readonly only?: string | undefined;
}

const WORKER_URL = new URL("./catalog-worker.js", import.meta.url);

/**
 * Runs a job per catalog file and returns the results in file order. Large sets are spread over worker
 * threads (parsing and rendering are CPU-bound, and a catalog is independent of the others); small
 * ones run in this thread, where a worker's start-up would dominate.
 */
export async function runCatalogJobs(
  files: readonly CatalogFile[],
  setup: WorkerSetup & { readonly templateSet?: TemplateSet | undefined },
): Promise<JobResult[]> {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const threads = Math.min(availableParallelism(), 8, files.length);
  // The worker script exists only in the built package (dist/); from sources, run in-process.
  if (totalBytes < PARALLEL_THRESHOLD_BYTES || threads < 2 || !existsSync(WORKER_URL)) {
    const renderer = setup.templateSet ? createRenderer(setup.templateSet) : undefined;
    const context = { mode: setup.mode, renderer, outDir: setup.outDir, staging: setup.staging, only: setup.only };
    return files.map((file) => runCatalogJob({ absolutePath: file.absolutePath, path: file.path, name: file.name }, context));
  }
  const workerData: WorkerSetup = {
    mode: setup.mode,
    templates: setup.templateSet ? [...setup.templateSet] : undefined,
    outDir: setup.outDir,
    staging: setup.staging,
    only: setup.only,
  };
  return runInWorkers(files, threads, workerData);
}

function runInWorkers(files: readonly CatalogFile[], threads: number, workerData: WorkerSetup): Promise<JobResult[]> {
  // Largest files first, handed out one at a time: the threads finish at about the same time.
  const order = files.map((_, index) => index).sort((a, b) => (files[b]?.size ?? 0) - (files[a]?.size ?? 0));
  const results: JobResult[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      const index = order[next];
      next += 1;
      const file = index === undefined ? undefined : files[index];
      if (index !== undefined && file) worker.postMessage({ index, job: { absolutePath: file.absolutePath, path: file.path, name: file.name } });
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(WORKER_URL, { workerData });
      workers.push(worker);
      worker.on("message", (message: { index: number; result?: JobResult; error?: string }) => {
        if (message.error !== undefined || !message.result) {
          finish(new Error(message.error ?? "worker returned no result"));
          return;
        }
        results[message.index] = message.result;
        done += 1;
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on("error", (error) => finish(error));
      feed(worker);
    }
  });
}
