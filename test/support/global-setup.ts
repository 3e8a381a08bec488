import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Puts every temporary file of a test run under one directory, removed when the run ends: the tests'
 * own (tempDir), and those of the gen, tsc and browser processes they start, which inherit TMPDIR.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "codebook-tests-"));
  // mkdtemp makes it 0700: another user (the read-only-output test runs gen as nobody) must get through.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
