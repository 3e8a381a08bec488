import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { syntheticCatalog } from "../../bench/synthetic-catalogs.mjs";
import { buildSides, changedFiles } from "../../src/diff/build-sides.js";
import { diffCatalogSets } from "../../src/diff/diff-catalogs.js";
import { formatChangesJson } from "../../src/diff/format-changes.js";
import { blobId } from "../../src/diff/read-ref.js";
import { PARALLEL_THRESHOLD_BYTES } from "../../src/pipeline/run-jobs.js";
import { type CatalogFiles, repoWithCommits } from "../support/git-repo.js";
import { runGen } from "../support/run-gen.js";

// gen diff compares each changed file with the other side's file of the same name in the job that
// validates it, on the pipeline's threads for a large set, and pairs the vendors afterwards. Whatever
// the threads, and whether vendors keep their files or not, it must report what comparing the two
// whole sides reports.

const synthetic = (index: number) => syntheticCatalog(index, 1000).text;
const before: CatalogFiles = Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7].map((index) => [`vendor-00${index}.yaml`, synthetic(index)]));
const after: CatalogFiles = {
  // Edited in place: many behaviour changes, a renamed code, an edited translation.
  "vendor-000.yaml": synthetic(0)
    .replaceAll("httpStatus: 400", "httpStatus: 422")
    .replace("name: CAPTURE_BASKET_2\n", "name: CAPTURE_BASKET_TWO\n")
    .replace("verarbeitet werden (0).", "verarbeitet werden (null)."),
  // A code deleted.
  "vendor-001.yaml": synthetic(1).replace(/ {6}- code: 10001\n[\s\S]*?(?= {6}- code: 10002\n)/, ""),
  // vendor-002.yaml and vendor-003.yaml are gone, moved-003.yaml and vendor-009.yaml are new: vendors
  // renamed with their files (a vendor's id is its file's name), paired by their code sets.
  "moved-003.yaml": synthetic(3).replace("id: vendor-003\n", "id: moved-003\n"),
  "vendor-009.yaml": synthetic(9),
  "vendor-004.yaml": synthetic(4).replace("httpStatus: 409", "httpStatus: 429"),
  "vendor-005.yaml": synthetic(5),
  "vendor-006.yaml": synthetic(6),
  "vendor-007.yaml": synthetic(7),
};

/** The changes as the whole of both sides' changed files give them, on this thread. */
function expectedJson(): string {
  const side = (files: CatalogFiles, prefix: string) =>
    Object.keys(files)
      .sort()
      .map((fileName) => {
        const bytes = new TextEncoder().encode(files[fileName]);
        return { path: `${prefix}catalogs/${fileName}`, name: `${prefix}catalogs/${fileName}`, fileName, blob: blobId(bytes), bytes };
      });
  const changed = changedFiles(side(before, "HEAD~1:"), side(after, ""));
  const old = buildSides(changed.before);
  const now = buildSides(changed.after);
  expect([...old.diagnostics, ...now.diagnostics]).toEqual([]);
  return formatChangesJson(diffCatalogSets(old.sides, now.sides), "HEAD~1", "wire");
}

let root: string;

beforeAll(() => {
  const bytes = Object.values(after).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  // Above the threshold, or every run would stay on one thread and prove nothing about the others.
  expect(bytes).toBeGreaterThan(PARALLEL_THRESHOLD_BYTES);
  root = repoWithCommits(before, after);
});

describe("gen diff on a large set", () => {
  it("reports on several threads what one thread reports, and what comparing both whole sides reports", () => {
    const expected = expectedJson();
    const changes = (JSON.parse(expected) as { changes: { rule: string }[] }).changes.map((change) => change.rule);
    // The edits reach both ways of pairing: by file (in place), and by code sets (renamed with the file).
    for (const rule of ["HTTP_STATUS_CHANGED", "CODE_NAME_CHANGED", "TEXT_CHANGED", "CODE_REMOVED", "VENDOR_ID_CHANGED"]) expect(changes).toContain(rule);
    for (const jobs of ["1", "2"]) {
      const run = runGen(["diff", "--against", "HEAD~1", "--format", "json", "--fail-on", "wire", "--jobs", jobs, "--catalogs", join(root, "catalogs")], root);
      expect([run.status, run.stderr]).toEqual([1, ""]);
      expect(run.stdout, `--jobs ${jobs}`).toBe(expected);
    }
  });
});
