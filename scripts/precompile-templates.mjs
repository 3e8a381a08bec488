// Precompiles the built-in Handlebars templates at build time (dist/render/builtin-templates.cjs), so a run
// with built-in templates skips compiling them and, where templateToJs compiles them, Handlebars' runtime
// too. Each carries the hash of its source; src/render/render.ts uses a precompiled template only when the
// template it was given still has that hash. The templates are read, keyed and hashed by the very code that
// reads them at run time.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { TEMPLATE_OPTIONS } from "../dist/render/template-options.js";
import { templateToJs } from "../dist/render/template-to-js.js";
import { BUILTIN_TEMPLATES, readTemplates, templateHash } from "../dist/render/templates.js";

const { templates, diagnostics } = readTemplates(fileURLToPath(BUILTIN_TEMPLATES), undefined);
if (diagnostics.length > 0) throw new Error(diagnostics.map((diagnostic) => diagnostic.message).join("\n"));
const entries = [...templates].map(([key, source]) => {
  // Plain JavaScript where templateToJs supports the template, else Handlebars' own precompiled form.
  const javascript = templateToJs(Handlebars.parse(source.text));
  const compiled = javascript ? `render: ${javascript}` : `spec: ${Handlebars.precompile(source.text, TEMPLATE_OPTIONS)}`;
  return `  ${JSON.stringify(key)}: { hash: ${JSON.stringify(templateHash(source.text))}, ${compiled} },`;
});
writeFileSync(
  fileURLToPath(new URL("../dist/render/builtin-templates.cjs", import.meta.url)),
  `"use strict";\nmodule.exports = {\n${entries.join("\n")}\n};\n`,
);
