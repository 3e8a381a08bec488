import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect } from "vitest";

/** Every file under a directory, by relative path with forward slashes, with its bytes. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path).split(sep).join("/"), readFileSync(path));
    }
  };
  walk(dir);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Asserts that two directories hold the same files with the same bytes (Buffer.equals: no deep diff of megabytes). */
export function expectSameTree(actualDir: string, expectedDir: string): void {
  const actual = readTree(actualDir);
  const expected = readTree(expectedDir);
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [path, bytes] of actual) expect(bytes.equals(expected.get(path) ?? Buffer.alloc(0)), `${path} differs`).toBe(true);
}
