// A worker thread for run-jobs.ts: claims jobs from the shared counter until none are left, running
// each with the same code as the main thread, and posts every result as soon as it has it.
import { parentPort, workerData } from "node:worker_threads";
import { createRenderer } from "../render/render.js";
import { selectTargets } from "../render/targets.js";
import { type CatalogJob, type JobContext, runCatalogJob } from "./catalog-job.js";
import type { WorkerMessage, WorkerSetup } from "./run-jobs.js";

const { templates, jobs, next: counter, ...settings } = workerData as WorkerSetup;
const context: JobContext = {
  ...settings,
  renderer: templates ? createRenderer(new Map(templates), selectTargets(settings.targets, settings.ts, settings.java)) : undefined,
};
const next = new Int32Array(counter);

for (let claimed = Atomics.add(next, 0, 1); claimed < jobs.length; claimed = Atomics.add(next, 0, 1)) {
  let message: WorkerMessage;
  try {
    message = { claimed, result: runCatalogJob(jobs[claimed] as CatalogJob, context) };
  } catch (error) {
    message = { claimed, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(message);
}
