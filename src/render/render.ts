import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CatalogModel } from "../model/types.js";
import type { OutputFile } from "./output-file.js";
import { TARGETS, type Target } from "./targets.js";
import type { TemplateSet, TemplateSource } from "./templates.js";

export interface RenderResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Renders every output of every target from the model. Pure: templates come in as text.
 * Each run has its own Handlebars instance, in strict mode (a missing field is an error, not an
 * empty string) and without HTML escaping (each target's view escapes for its own language).
 */
export function renderTargets(model: CatalogModel, templates: TemplateSet, targets: readonly Target[] = TARGETS): RenderResult {
  const handlebars = Handlebars.create();
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const failed = new Set<string>();

  const render = (templatePath: string, view: object): string | undefined => {
    if (failed.has(templatePath)) return undefined;
    const source = templates.get(templatePath);
    if (!source) {
      failed.add(templatePath);
      diagnostics.push({
        severity: "error",
        rule: "template-missing",
        message: `template ${templatePath} not found among the built-in or user templates`,
        file: templatePath,
        line: 0,
        column: 0,
      });
      return undefined;
    }
    try {
      let template = compiled.get(templatePath);
      if (!template) {
        template = handlebars.compile(source.text, { strict: true, noEscape: true });
        compiled.set(templatePath, template);
      }
      return normalize(template(view));
    } catch (error) {
      failed.add(templatePath);
      diagnostics.push(templateDiagnostic(source, error));
      return undefined;
    }
  };

  const emit = (template: string, view: object, path: string, vendor: string | null) => {
    const content = render(template, view);
    if (content !== undefined) files.push({ path, content, vendor });
  };

  for (const target of targets) {
    for (const output of target.outputs) {
      switch (output.per) {
        case "catalog":
          emit(output.template, output.view(model), output.path, null);
          break;
        case "vendor":
          for (const vendor of model.vendors) emit(output.template, output.view(vendor, model), output.path(vendor), vendor.id);
          break;
        case "codeSet":
          for (const vendor of model.vendors) {
            for (const set of vendor.codeSets) emit(output.template, output.view(vendor, set), output.path(vendor, set), vendor.id);
          }
          break;
        default:
          output satisfies never;
      }
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics };
}

/** LF endings, no trailing blank lines, exactly one final newline: byte-stable output whatever the template's editor did. */
function normalize(text: string): string {
  return `${text.replace(/\r\n?/g, "\n").replace(/\n+$/, "")}\n`;
}

/** Handlebars reports "Parse error on line 3" or `"x" not defined in ... - 3:4`; turn either into a position. */
function templateDiagnostic(source: TemplateSource, error: unknown): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const parse = /Parse error on line (\d+)/.exec(raw);
  const strict = / - (\d+):(\d+)$/.exec(raw);
  const line = Number(parse?.[1] ?? strict?.[1] ?? 0);
  const column = strict ? Number(strict[2]) + 1 : parse ? 1 : 0;
  const firstLine = raw.split("\n")[0] ?? raw;
  const message = strict
    ? `template refers to ${raw.replace(/ not defined in [\s\S]*$/, "")}, which the view does not provide`
    : parse
      ? `template syntax error: ${raw.split("\n").slice(3).join(" ").trim() || firstLine}`
      : `template failed: ${firstLine}`;
  return { severity: "error", rule: "template-error", message, file: source.file, line, column };
}
