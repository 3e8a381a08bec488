// A worker thread that runs catalog jobs for run-jobs.ts: the same code as the in-process path.
import { parentPort, workerData } from "node:worker_threads";
import { createRenderer } from "../render/render.js";
import { type CatalogJob, runCatalogJob } from "./catalog-job.js";
import type { WorkerSetup } from "./run-jobs.js";

const setup = workerData as WorkerSetup;
const context = {
  mode: setup.mode,
  renderer: setup.templates ? createRenderer(new Map(setup.templates)) : undefined,
  outDir: setup.outDir,
  staging: setup.staging,
  only: setup.only,
};

parentPort?.on("message", ({ index, job }: { index: number; job: CatalogJob }) => {
  try {
    parentPort?.postMessage({ index, result: runCatalogJob(job, context) });
  } catch (error) {
    parentPort?.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
