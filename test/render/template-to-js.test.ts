import { fileURLToPath } from "node:url";
import fc from "fast-check";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { builtinTaxonomy } from "../../src/outcomes/taxonomy.js";
import { createRenderer } from "../../src/render/render.js";
import { TEMPLATE_OPTIONS } from "../../src/render/template-options.js";
import { NeedsHandlebars } from "../../src/render/template-runtime.js";
import { instantiateTemplate, templateToJs } from "../../src/render/template-to-js.js";
import { BUILTIN_TEMPLATES, readTemplates } from "../../src/render/templates.js";
import { PROPERTY_RUNS, PROPERTY_SEED } from "../property/settings.js";
import { chance, type Draw, DrawnArbitrary, pickFrom } from "../support/arbitraries.js";

/** What a template gives for a view: its output, or the message it failed with. */
type Outcome = { output: unknown } | { error: string };

function outcome(render: () => unknown): Outcome {
  try {
    return { output: render() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The outcome without the position of a missing field. Handlebars compiles identical blocks once, so it
 * reports the first of them (`{{#each a}}{{x}}{{else}}{{x}}{{/each}}` blames the first {{x}}); compiled
 * templates report the one that failed. The quirks test pins that difference down.
 */
function withoutPosition(result: Outcome): Outcome {
  return "error" in result ? { error: result.error.replace(/ - \d+:\d+$/, "") } : result;
}

const handlebars = Handlebars.create();
const byHandlebars = (template: string, view: unknown) => outcome(() => handlebars.compile(template, TEMPLATE_OPTIONS)(view));

// biome-ignore format: pools read better packed.
const PATHS = ["a", "b", "c", "a.b", "a.length", "b.c.d", "this", ".", "this.a", "./b", "../a", "../b.c", "../../a", "..", "items", "items.length", "x"];
// biome-ignore format: pools read better packed.
const TEXTS = ["", "x", " ", "\n", "  \n", "\n\n", "{ ", " }", "\\{{a}}", "{{!note}}", "{{!-- {{a}} --}}", "é😀", '"', "'", "`", "\u0024{x}", "a\\b"];
// Forms templateToJs leaves to Handlebars: the property checks it declines them rather than render them differently.
// biome-ignore format: pools read better packed.
const UNSUPPORTED = ["{{@index}}", "{{#with a}}{{b}}{{/with}}", "{{lookup a 'b'}}", "{{a b}}", "{{> p}}", '{{"lit"}}', "{{#each items as |i|}}{{i}}{{/each}}", "{{#if a includeZero=true}}z{{/if}}", "{{log}}", "{{#a}}x{{/a}}", "{{a (lookup . \"b\")}}"];

/** A random template of text, mustaches and #if / #unless / #each blocks (standalone on their lines or inline, with ~ or not). */
function templateOf(g: Draw, depth = 0): string {
  const parts: string[] = [];
  for (let count = g(fc.nat(depth === 0 ? 4 : 2)); count >= 0; count--) {
    const kind = g(fc.nat(depth > 1 ? 1 : 3));
    if (kind === 0) parts.push(pickFrom(g, TEXTS));
    else if (kind === 1) parts.push(chance(g, 3) ? pickFrom(g, UNSUPPORTED) : `{{${chance(g, 10) ? "~" : ""}${pickFrom(g, PATHS)}}}`);
    else {
      const helper = pickFrom(g, ["if", "unless", "each"]);
      const line = chance(g, 50) ? "\n" : "";
      const inverse = chance(g, 40) ? `${line}{{else}}${line}${templateOf(g, depth + 1)}` : "";
      parts.push(`${line}{{#${helper} ${pickFrom(g, PATHS)}}}${line}${templateOf(g, depth + 1)}${inverse}${line}{{/${helper}}}${line}`);
    }
  }
  return parts.join("");
}

// biome-ignore format: pools read better packed.
const SCALARS = ["", "x", "0", "a b", "<&>", "{{a}}", 0, 1, -1, 2.5, Number.NaN, true, false, null, undefined];

/** A random view: objects whose fields are scalars, arrays (empty, of scalars or objects), nested objects, or missing. */
function viewOf(g: Draw, depth = 0): unknown {
  const kind = g(fc.nat(depth > 2 ? 0 : 3));
  if (kind === 0) return pickFrom(g, SCALARS);
  if (kind === 1) return g(fc.array(fc.constant(0), { maxLength: 3 })).map(() => viewOf(g, depth + 1));
  const view: Record<string, unknown> = {};
  for (const key of ["a", "b", "c", "d", "items", "x"]) if (chance(g, 60)) view[key] = viewOf(g, depth + 1);
  return view;
}

/** A view whose Set grows while #each goes through it (a function: each renderer gets its own). */
function growingSet(): () => object {
  return () => {
    const s = new Set([1, 2]);
    const grow = () => {
      if (s.size < 4) s.add(s.size + 1);
      return "";
    };
    return { s, grow };
  };
}

/** A view whose array loses its item while #each goes through it. */
function shrinkingArray(): () => object {
  return () => {
    const a = [1];
    const pop = () => {
      a.pop();
      return "x";
    };
    return { a, pop };
  };
}

describe("templates compiled to JavaScript", () => {
  it("compile every built-in template (so no built-in output goes through Handlebars' runtime)", () => {
    const { templates } = readTemplates(fileURLToPath(BUILTIN_TEMPLATES), undefined);
    expect(templates.size).toBeGreaterThan(0);
    for (const [path, source] of templates) expect(templateToJs(Handlebars.parse(source.text)), path).toBeDefined();
  });

  it("render exactly what Handlebars renders, failures and their messages included, or leave the template to Handlebars", () => {
    let compiled = 0;
    const cases = new DrawnArbitrary((g) => ({ template: templateOf(g), views: [viewOf(g), viewOf(g), viewOf(g)] }));
    fc.assert(
      fc.property(cases, ({ template, views }) => {
        const javascript = templateToJs(Handlebars.parse(template));
        if (javascript === undefined) {
          expect(
            UNSUPPORTED.some((form) => template.includes(form)),
            template,
          ).toBe(true);
          return;
        }
        compiled += 1;
        const render = instantiateTemplate(javascript);
        for (const view of views) {
          expect(withoutPosition(outcome(() => render(view))), `${template}\n${String(view)} ${JSON.stringify(view)}`).toEqual(
            withoutPosition(byHandlebars(template, view)),
          );
        }
      }),
      { numRuns: PROPERTY_RUNS, seed: PROPERTY_SEED },
    );
    expect(compiled).toBeGreaterThan(PROPERTY_RUNS / 2);
  });

  it("keep Handlebars' quirks: adjacent numbers add up, empty arrays are false, `..` skips contexts that did not change", () => {
    const cases: [string, unknown][] = [
      ["{{a}}{{b}}", { a: 1, b: 2 }],
      ["{{#if a}}{{b}}{{/if}}{{c}}", { a: true, b: 1, c: 2 }],
      ["{{#if a}}y{{else}}n{{/if}}", { a: [] }],
      ["{{#if a}}y{{else}}n{{/if}}", { a: 0 }],
      ["{{#each a}}{{#if this}}{{../b}}{{/if}}{{/each}}", { a: [1, 0, "x"], b: "B" }],
      ["{{#each a}}[{{this}}]{{else}}none{{/each}}", { a: { x: 1, y: 2 } }],
      ["{{#each a}}[{{this}}]{{else}}none{{/each}}", { a: new Set(["p", "q"]) }],
      ["{{#each a}}x{{/each}}", { a: new Array(2) }],
      ["{{a.b}}", { a: {} }],
      ["{{a.b}}", {}],
      ["{{../a}}", {}],
      ["{{#each a}}{{b}}{{/each}}", { a: [null] }],
      ["{{#if ..}}y{{else}}{{../a}}{{/if}}", Number.NaN],
      // Found by review: contexts are compared (and pushed) only in blocks of a program that climbs.
      ["{{#each a}}{{#each this}}{{this}}{{/each}}{{/each}}{{#each b}}{{../c}}{{/each}}", { a: [Object.assign(Object.create(null), { k: "s" })], b: [], c: 1 }],
      // The message joins with +, so valueOf comes first.
      ["{{x}}", { valueOf: () => 42 }],
      // Handlebars 4.7.10 never gives a prototype's constructor (Function.prototype.constructor is Function).
      ["{{f.prototype.constructor}}", { f() {} }],
      ["{{#if f.prototype.constructor}}y{{else}}n{{/if}}", { f() {} }],
      // #each reads an object's values, and an iterable's items, one at a time.
      [
        "{{#each o}}{{z}}{{/each}}",
        {
          o: {
            a: null,
            get b(): never {
              throw new Error("boom");
            },
          },
        },
      ],
      ["{{#each s}}{{this}}{{../grow}}{{/each}}", growingSet()],
      // ... and takes an array's length once, for the else too.
      ["{{#each a}}{{../pop}}{{else}}E{{/each}}", shrinkingArray()],
    ];
    for (const [template, view] of cases) {
      const javascript = templateToJs(Handlebars.parse(template));
      expect(javascript, template).toBeDefined();
      // Views with state are made afresh for each renderer.
      const fresh = () => (typeof view === "function" ? view() : view);
      expect(
        outcome(() => instantiateTemplate(javascript as string)(fresh())),
        template,
      ).toEqual(byHandlebars(template, fresh()));
    }
  });

  it("leave to Handlebars a path whose first segment is empty (`{{[]}}` is the context itself there)", () => {
    for (const template of ["{{[]}}", "{{this.[]}}", "{{#if []}}y{{/if}}", "{{[].a}}"])
      expect(templateToJs(Handlebars.parse(template)), template).toBeUndefined();
  });

  it("hand a template to Handlebars when a field it names holds a function, which Handlebars calls with its own options", () => {
    const javascript = templateToJs(Handlebars.parse("{{f}}")) as string;
    const view = { f: (...args: unknown[]) => args.length };
    expect(() => instantiateTemplate(javascript)(view)).toThrow(NeedsHandlebars);
    const renderer = createRenderer(new Map([["f.hbs", { text: "{{f}}", file: "f.hbs" }]]), [
      { name: "functions", outputs: [{ per: "catalog", template: "f.hbs", path: "f.txt", view: () => view }] },
    ]);
    const { files, diagnostics } = renderer.renderShared({ summary: { vendors: [] }, exportFragments: [], taxonomy: builtinTaxonomy() });
    expect(diagnostics).toEqual([]);
    // Handlebars calls the function with one argument, its options: the output is 1.
    expect(byHandlebars("{{f}}", view)).toEqual({ output: "1" });
    expect(files.map((file) => file.content)).toEqual(["1\n"]);
  });

  it("report a missing field where it is, where Handlebars names the first of two identical blocks", () => {
    const template = "{{#each a}}{{x}}{{else}}{{x}}{{/each}}";
    const javascript = templateToJs(Handlebars.parse(template)) as string;
    expect(outcome(() => instantiateTemplate(javascript)({ a: [] }))).toEqual({ error: '"x" not defined in [object Object] - 1:26' });
    expect(byHandlebars(template, { a: [] })).toEqual({ error: '"x" not defined in [object Object] - 1:13' });
  });
});
