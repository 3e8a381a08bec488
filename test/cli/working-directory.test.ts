import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GEN } from "../support/paths.js";
import { tempDir } from "../support/run-gen.js";

describe("a working directory that was deleted", () => {
  for (const command of ["generate", "validate", "export"]) {
    it(`gives one clear line and exit 1 for gen ${command}, not a stack trace`, () => {
      const dir = join(tempDir(), "gone");
      // The shell enters the directory and removes it; gen then starts in a directory that no longer exists.
      const run = spawnSync("sh", ["-c", 'mkdir "$1" && cd "$1" && rmdir "$1" && exec "$2" "$3" "$4"', "sh", dir, process.execPath, GEN, command], {
        encoding: "utf8",
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        "gen: error working-directory-missing the working directory no longer exists (ENOENT); cd into an existing directory and run gen again\n",
      );
    });
  }
});
