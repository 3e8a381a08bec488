// Writes dist/build-id.txt: a hash of the built code. The catalog cache keys on it, so a changed
// generator (even without a version bump) never reuses outputs rendered by an older one.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const hash = createHash("sha256");
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(c?js)$/.test(entry.name)) hash.update(path.slice(dist.length)).update(readFileSync(path));
  }
};
walk(dist);
writeFileSync(join(dist, "build-id.txt"), `${hash.digest("hex")}\n`);
