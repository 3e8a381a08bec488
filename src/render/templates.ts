import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { displayPath } from "../catalog/read-catalogs.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TemplateSet, TemplateSource } from "./template-set.js";

export type { TemplateSet, TemplateSource };

/** The built-in templates, shipped beside dist/ and src/. */
export const BUILTIN_TEMPLATES = new URL("../../templates/", import.meta.url);

/** What identifies a template's text: a precompiled template is used only while its source still has this hash. */
export function templateHash(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Reads the built-in templates and, if given, a user's overrides. The only I/O of rendering. */
export function readTemplates(builtinDir: string, userDir: string | undefined, cwd = process.cwd()): { templates: TemplateSet; diagnostics: Diagnostic[] } {
  const templates = new Map<string, TemplateSource>();
  const diagnostics: Diagnostic[] = [];
  for (const [dir, label] of [[builtinDir, "built-in"], ...(userDir ? [[userDir, "user"]] : [])] as const) {
    try {
      for (const file of listFiles(dir)) {
        const key = relative(dir, file).split(sep).join("/");
        templates.set(key, { text: readFileSync(file, "utf8"), file: displayPath(file, cwd) });
      }
    } catch (error) {
      const shown = displayPath(dir, cwd);
      diagnostics.push({
        severity: "error",
        rule: "templates-not-found",
        message: `cannot read ${label} templates directory ${shown}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such directory" : String(error)}`,
        file: shown,
        line: 0,
        column: 0,
      });
    }
  }
  return { templates, diagnostics };
}

function listFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : entry.name.endsWith(".hbs") ? [join(dir, entry.name)] : []));
}
