// Precompiles the built-in Handlebars templates at build time (dist/render/builtin-templates.cjs), so a run
// with built-in templates skips compiling them. Each carries the hash of its source; src/render/render.ts
// uses a precompiled template only when the template it was given still has that hash.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { TEMPLATE_OPTIONS } from "../dist/render/template-options.js";

const root = fileURLToPath(new URL("../templates/", import.meta.url));
const entries = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".hbs")) {
      const text = readFileSync(path, "utf8");
      const key = relative(root, path).split(sep).join("/");
      const hash = createHash("sha1").update(text).digest("hex");
      entries.push(`  ${JSON.stringify(key)}: { hash: ${JSON.stringify(hash)}, spec: ${Handlebars.precompile(text, TEMPLATE_OPTIONS)} },`);
    }
  }
};
walk(root);
writeFileSync(
  fileURLToPath(new URL("../dist/render/builtin-templates.cjs", import.meta.url)),
  `"use strict";\nmodule.exports = {\n${entries.join("\n")}\n};\n`,
);
