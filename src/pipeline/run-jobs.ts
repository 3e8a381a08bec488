import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CatalogFile } from "../catalog/read-catalogs.js";
import { createRenderer } from "../render/render.js";
import { selectTargets } from "../render/targets.js";
import type { TemplateSet, TemplateSource } from "../render/templates.js";
import type { ExportStream } from "../write/export-stream.js";
import { type CatalogJob, type JobContext, type JobResult, type JobSettings, runCatalogJob } from "./catalog-job.js";

/** Below this much YAML, starting a worker thread costs more than it saves. */
export const PARALLEL_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** No more threads than this by default: past it, memory grows faster than the run shortens. */
const MAX_THREADS = 8;

/** What every worker is started with: plain, cloneable data, and the counter the threads claim jobs from. */
export interface WorkerSetup extends JobSettings {
  readonly templates?: readonly (readonly [string, TemplateSource])[] | undefined;
  /** The jobs, in the order they are claimed. */
  readonly jobs: readonly CatalogJob[];
  /** One Int32: the next job to claim, shared by every thread. */
  readonly next: SharedArrayBuffer;
}

/** A worker's message: one job's result, or the reason it failed. */
export type WorkerMessage = { readonly claimed: number; readonly result: JobResult } | { readonly claimed: number; readonly error: string };

const WORKER_URL = new URL("./catalog-worker.js", import.meta.url);

/**
 * Whether this is the built package (dist/), which has the worker script. Run from sources (the tests'
 * in-process calls), everything runs on this thread; in the build, a missing worker is an error, never
 * a quiet fall-back to one thread.
 */
const BUILT = import.meta.url.endsWith(".js");

export interface RunJobsOptions extends JobSettings {
  readonly templateSet?: TemplateSet | undefined;
  /** Takes each result's part of catalog.json, in claim order; the results then point into its file. */
  readonly exportStream?: ExportStream | undefined;
  /** Threads to use, this one included, at most one per available core; by default one per core, at most MAX_THREADS. */
  readonly threads?: number | undefined;
  /** Called on this thread as each job's result comes in (for a progress line). */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Runs a job per catalog file and returns the results in file order. Parsing and rendering are
 * CPU-bound and catalogs are independent, so a large set is shared between this thread and worker
 * threads, one thread per core: each claims the next job from a shared counter (see claimOrder). This
 * thread works too, rather than waiting on the workers: one isolate fewer to start and to hold in
 * memory. Small sets run here alone.
 */
export async function runCatalogJobs(files: readonly CatalogFile[], options: RunJobsOptions): Promise<JobResult[]> {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  // Never more threads than cores (the CLI says so when --jobs asks for more) or than files.
  const threads = Math.min(options.threads ?? MAX_THREADS, availableParallelism(), files.length);
  const { templateSet, threads: _, exportStream, onProgress, ...settings } = options;
  let done = 0;
  const progressed = (result: JobResult) => {
    done += 1;
    onProgress?.(done, files.length);
    return result;
  };
  const contextHere = (): JobContext => ({
    ...settings,
    renderer: templateSet ? createRenderer(templateSet, selectTargets(settings.targets, settings.ts, settings.java)) : undefined,
  });
  if (totalBytes < PARALLEL_THRESHOLD_BYTES || threads < 2 || !BUILT) {
    const context = contextHere();
    const results = files.map((file, index) => progressed(handOver(index, detached(runCatalogJob(jobOf(file), context)), exportStream)));
    return results.map((result, index) => pointInto(index, result, exportStream));
  }

  const order = claimOrder(files);
  const setup: WorkerSetup = {
    ...settings,
    templates: templateSet ? [...templateSet] : undefined,
    jobs: order.map((index) => jobOf(files[index] as CatalogFile)),
    next: new SharedArrayBuffer(4),
  };
  const claimed = await runShared(setup, threads - 1, contextHere, (position, result) => progressed(handOver(position, result, exportStream)));
  // Back from claim order to file order.
  const results: JobResult[] = new Array(files.length);
  claimed.forEach((result, position) => {
    results[order[position] as number] = pointInto(position, result, exportStream);
  });
  return results;
}

/**
 * The order the jobs are claimed in: the largest files first, so that the threads finish together, but
 * by size class (a factor of two) only; within a class in file order, which is the vendors' order, so
 * that catalog.json can be written as the jobs finish (see ExportStream) when the files are of a size.
 */
function claimOrder(files: readonly CatalogFile[]): number[] {
  const sizeClass = (index: number) => Math.floor(Math.log2((files[index]?.size ?? 0) + 1));
  return files.map((_, index) => index).sort((a, b) => sizeClass(b) - sizeClass(a) || a - b);
}

/** Gives a result's part of catalog.json to the stream, which writes it in claim order; the result keeps no copy. */
function handOver(position: number, result: JobResult, stream: ExportStream | undefined): JobResult {
  if (!stream) return result;
  const { exportFragment, ...rest } = result;
  stream.add(position, typeof exportFragment === "string" ? exportFragment : null);
  return rest;
}

/**
 * A copy of a result of a job run on this thread, sharing nothing with the job's data: a string read
 * from a catalog can be a slice of the catalog's text, and a slice keeps its whole text in memory (a
 * vendor summary's titles would hold every catalog's text to the end of the run). The part of
 * catalog.json is left as it is: it is new JSON text, and the largest field. A worker's results arrive
 * as such copies already (postMessage).
 */
function detached(result: JobResult): JobResult {
  const { exportFragment, ...rest } = result;
  const copy = structuredClone(rest);
  return exportFragment === undefined ? copy : { ...copy, exportFragment };
}

/** The result with its part of catalog.json as the stretch of the stream's file that holds it. */
function pointInto(position: number, result: JobResult, stream: ExportStream | undefined): JobResult {
  const part = stream?.part(position);
  return part ? { ...result, exportFragment: part } : result;
}

function jobOf(file: CatalogFile): CatalogJob {
  return { absolutePath: file.absolutePath, path: file.path, name: file.name };
}

/**
 * Runs setup.jobs on `workerCount` workers and this thread; returns the results in claim order. The
 * workers start first: their start-up then overlaps with preparing this thread's context.
 */
async function runShared(
  setup: WorkerSetup,
  workerCount: number,
  contextHere: () => JobContext,
  take: (position: number, result: JobResult) => JobResult,
): Promise<JobResult[]> {
  const next = new Int32Array(setup.next);
  const results: JobResult[] = new Array(setup.jobs.length);
  let pending = setup.jobs.length;
  let failure: Error | undefined;
  let settle: (() => void) | undefined;
  const allDone = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const fail = (error: Error) => {
    failure ??= error;
    // Make every thread stop claiming.
    Atomics.store(next, 0, setup.jobs.length);
    settle?.();
  };
  const record = (position: number, result: JobResult) => {
    results[position] = take(position, result);
    pending -= 1;
    if (pending === 0) settle?.();
  };

  let stopping = false;
  const workers = Array.from({ length: workerCount }, () => {
    const worker = new Worker(WORKER_URL, { workerData: setup });
    worker.on("message", (message: WorkerMessage) => {
      if ("error" in message) fail(new Error(message.error));
      else record(message.claimed, message.result);
    });
    worker.on("error", fail);
    // A worker that dies without an error event (killed, out of memory) would leave its job unanswered.
    worker.on("exit", (code) => {
      if (code !== 0 && !stopping) fail(new Error(`a worker thread stopped with exit code ${code}`));
    });
    return worker;
  });
  try {
    const context = contextHere();
    for (let position = Atomics.add(next, 0, 1); position < setup.jobs.length; position = Atomics.add(next, 0, 1)) {
      record(position, detached(runCatalogJob(setup.jobs[position] as CatalogJob, context)));
      // Let the workers' results in as they come, rather than all at the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (pending > 0 && !failure) await allDone;
  } catch (error) {
    failure ??= error as Error;
  }
  stopping = true;
  if (failure) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw failure;
  }
  // Every result is in: each worker finds no job left and ends by itself, without being waited for.
  return results;
}
