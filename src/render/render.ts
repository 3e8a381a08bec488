import { createRequire } from "node:module";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { exportVendorFragment } from "../model/export-json.js";
import { summarizeVendor } from "../model/summary.js";
import type { CatalogModel, Vendor } from "../model/types.js";
import type { OutputFile } from "./output-file.js";
import type { SharedInput } from "./shared-input.js";
import { TARGETS, type Target } from "./targets.js";
import { TEMPLATE_OPTIONS } from "./template-options.js";
import * as templateRuntime from "./template-runtime.js";
import type { TemplateSet, TemplateSource } from "./template-set.js";
import { instantiateTemplate, templateToJs } from "./template-to-js.js";
import { templateHash } from "./templates.js";

export interface RenderResult {
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Renders outputs from templates: one vendor at a time, and the shared outputs from summaries. */
export interface Renderer {
  /**
   * Renders a vendor's outputs. With `take`, each file is handed over as soon as it is rendered and not
   * kept (the result lists none): a caller that writes files one by one then holds one output at a time.
   */
  renderVendor(vendor: Vendor, take?: (file: OutputFile) => void): RenderResult;
  renderShared(shared: SharedInput): RenderResult;
}

const require = createRequire(import.meta.url);

/**
 * Built-in templates precompiled by npm run build, each with the hash of the source it came from: as plain
 * JavaScript (`render`, from templateToJs) where the template allows, else as a Handlebars specification.
 */
type Precompiled = Readonly<Record<string, PrecompiledTemplate>>;
type PrecompiledTemplate = { readonly hash: string } & (
  | { readonly render: (runtime: typeof templateRuntime) => Template }
  | { readonly spec: TemplateSpecification }
);
type Template = (view: object) => string;

function loadPrecompiled(): Precompiled {
  try {
    return require("./builtin-templates.cjs") as Precompiled;
  } catch {
    return {};
  }
}

/**
 * A renderer over a set of templates (TEMPLATE_OPTIONS: strict, no HTML escaping). Each template is
 * compiled once, on first use, to plain JavaScript where templateToJs can, else by its own Handlebars
 * instance. A built-in template that is unchanged since the build comes precompiled, which saves most of
 * a small run's rendering time; Handlebars itself is then not loaded at all.
 */
export function createRenderer(templates: TemplateSet, targets: readonly Target[] = TARGETS): Renderer {
  // A precompiled specification needs only Handlebars' runtime, half the code to load in every thread; the
  // compiler is loaded for a user's (or an edited) template alone.
  let runtime: typeof import("handlebars") | undefined;
  let compiler: typeof import("handlebars") | undefined;
  const fromPrecompiled = (prebuilt: PrecompiledTemplate): Template => {
    if ("render" in prebuilt) return prebuilt.render(templateRuntime);
    runtime ??= (require("handlebars/runtime") as typeof import("handlebars")).create();
    return runtime.template(prebuilt.spec);
  };
  const handlebars = () => {
    compiler ??= (require("handlebars") as typeof import("handlebars")).create();
    return compiler;
  };
  const compileTemplate = (text: string): Template => {
    const source = templateToJs(handlebars().parse(text));
    return source ? instantiateTemplate(source) : handlebars().compile(text, TEMPLATE_OPTIONS);
  };
  // A compiled template that meets what it does not mirror hands the template over to Handlebars for good.
  const renderWith = (templatePath: string, template: Template, text: string, view: object): string => {
    try {
      return template(view);
    } catch (error) {
      if (!(error instanceof templateRuntime.NeedsHandlebars)) throw error;
      const byHandlebars = handlebars().compile(text, TEMPLATE_OPTIONS);
      compiled.set(templatePath, byHandlebars);
      return byHandlebars(view);
    }
  };
  const precompiled = loadPrecompiled();
  const outputs = targets.flatMap((target) => target.outputs);
  const compiled = new Map<string, Template>();
  const failed = new Set<string>();

  const render = (templatePath: string, view: object, diagnostics: Diagnostic[]): string | undefined => {
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
        const prebuilt = precompiled[templatePath];
        template = prebuilt && prebuilt.hash === templateHash(source.text) ? fromPrecompiled(prebuilt) : compileTemplate(source.text);
        compiled.set(templatePath, template);
      }
      return normalize(renderWith(templatePath, template, source.text, view));
    } catch (error) {
      failed.add(templatePath);
      diagnostics.push(templateDiagnostic(source, error, () => handlebars().parse(source.text)));
      return undefined;
    }
  };

  return {
    renderVendor(vendor, take) {
      const files: OutputFile[] = [];
      const diagnostics: Diagnostic[] = [];
      const emit = (template: string, view: object, path: string) => {
        const content = render(template, view, diagnostics);
        if (content === undefined) return;
        const file = { path, content, vendor: vendor.id };
        if (take) take(file);
        else files.push(file);
      };
      for (const output of outputs) {
        if (output.per === "vendor") {
          if (output.when === undefined || output.when(vendor)) emit(output.template, output.view(vendor), output.path(vendor));
        } else if (output.per === "codeSet") for (const set of vendor.codeSets) emit(output.template, output.view(vendor, set), output.path(vendor, set));
      }
      return { files, diagnostics };
    },
    renderShared(shared) {
      const files: OutputFile[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const output of outputs) {
        if (output.per === "serialized") {
          files.push({ path: output.path, content: output.serialize(shared), vendor: null });
        } else if (output.per === "catalog" && (output.when?.(shared) ?? true)) {
          const content = render(output.template, output.view(shared), diagnostics);
          if (content !== undefined) files.push({ path: output.path, content, vendor: null });
        }
      }
      return { files, diagnostics };
    },
  };
}

/** Renders every output of every target from a whole model, sorted by path. Pure: templates come in as text. */
export function renderTargets(model: CatalogModel, templates: TemplateSet, targets: readonly Target[] = TARGETS): RenderResult {
  const renderer = createRenderer(templates, targets);
  const perVendor = model.vendors.map((vendor) => renderer.renderVendor(vendor));
  const shared = renderer.renderShared({
    summary: { vendors: model.vendors.map(summarizeVendor) },
    exportFragments: model.vendors.map(exportVendorFragment),
    taxonomy: model.taxonomy,
  });
  const files = [...perVendor.flatMap((result) => result.files), ...shared.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, diagnostics: [...perVendor.flatMap((result) => result.diagnostics), ...shared.diagnostics] };
}

/** LF endings, no trailing blank lines, exactly one final newline: byte-stable output whatever the template's editor did. */
function normalize(text: string): string {
  // Plain loops, not regexes: outputs run to megabytes, and a regex anchored at $ rescans them.
  const lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  // Already normal (the common case): return it as it is rather than copying megabytes.
  if (lf.endsWith("\n") && !lf.endsWith("\n\n")) return lf;
  let end = lf.length;
  while (end > 0 && lf.charCodeAt(end - 1) === 10) end -= 1;
  return `${lf.slice(0, end)}\n`;
}

/**
 * Handlebars reports "Parse error on line 3" or `"x" not defined in ... - 3:4`; turn either into a position.
 * A missing partial comes without one: it is found in the template's syntax tree.
 */
function templateDiagnostic(source: TemplateSource, error: unknown, parse: () => hbs.AST.Program): Diagnostic {
  const raw = error instanceof Error ? error.message : String(error);
  const partial = /^The partial (.+) could not be found$/.exec(raw);
  if (partial) {
    const name = partial[1] as string;
    const { line, column } = partialPosition(parse(), name) ?? { line: 0, column: 0 };
    const message = `template includes the partial ${name}, which does not exist: gen registers no partials, so write its text into the template`;
    return { severity: "error", rule: "template-error", message, file: source.file, line, column };
  }
  const parseError = /Parse error on line (\d+)/.exec(raw);
  const strict = / - (\d+):(\d+)$/.exec(raw);
  const line = Number(parseError?.[1] ?? strict?.[1] ?? 0);
  const column = strict ? Number(strict[2]) + 1 : parseError ? 1 : 0;
  const firstLine = raw.split("\n")[0] ?? raw;
  const message = strict
    ? `template refers to ${raw.replace(/ not defined in [\s\S]*$/, "")}, which the view does not provide`
    : parseError
      ? `template syntax error: ${raw.split("\n").slice(3).join(" ").trim() || firstLine}`
      : `template failed: ${firstLine}`;
  return { severity: "error", rule: "template-error", message, file: source.file, line, column };
}

/** The 1-based position of the first `{{> name}}` (or `{{#> name}}`) in a template, blocks included; iterative. */
function partialPosition(program: hbs.AST.Program, name: string): { line: number; column: number } | undefined {
  const pending: hbs.AST.Node[] = [...program.body].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      const partial = node as hbs.AST.PartialStatement;
      // A name written as a path or a literal; a dynamic one, {{> (lookup ...)}}, has no text to match.
      if ((partial.name as { original?: unknown }).original === name) {
        return { line: partial.loc.start.line, column: partial.loc.start.column + 1 };
      }
    }
    const block = node as Partial<hbs.AST.BlockStatement>;
    const children = [...(block.program?.body ?? []), ...(block.inverse?.body ?? [])];
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index] as hbs.AST.Node);
  }
  return undefined;
}
