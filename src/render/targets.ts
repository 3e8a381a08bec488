import type { CodeSet, Vendor } from "../model/types.js";
import { DEFAULT_JAVA_OPTIONS, type JavaOptions, javaRuntimePackage } from "./java-options.js";
import type { Content } from "./output-file.js";
import type { SharedInput } from "./shared-input.js";
import { DEFAULT_TS_OPTIONS, type TsOptions } from "./typescript-options.js";
import { markdownChangelogView } from "./views/changelog-view.js";
import { hasResponseParser } from "./views/handling-spec.js";
import { javaHandlingView, javaResponsesPath } from "./views/java-handling-view.js";
import { JAVA_RUNTIME_TYPES, javaRuntimePath, javaRuntimeTemplate, javaRuntimeView } from "./views/java-runtime-view.js";
import { javaEnumView, javaFilePath } from "./views/java-view.js";
import { catalogJson } from "./views/json-view.js";
import { markdownIndexView, markdownOutcomesView, markdownVendorView } from "./views/markdown-view.js";
import { typescriptHandlingView } from "./views/typescript-handling-view.js";
import { typescriptCodeSetPath, typescriptCodeSetView, typescriptIndexView, typescriptRuntimeView, typescriptVendorView } from "./views/typescript-view.js";

/**
 * One output of a target: a template, the view it is rendered with, and where the file goes. Shared
 * outputs are rendered once from summaries; vendor and code-set outputs from one vendor alone, so that
 * vendors can be rendered in parallel and cached independently.
 */
export type OutputRule =
  | {
      readonly per: "catalog";
      readonly template: string;
      readonly path: string;
      readonly view: (shared: SharedInput) => object;
      /** An output only some runs ask for (the changelog page): rendered when this says so. */
      readonly when?: (shared: SharedInput) => boolean;
    }
  | { readonly per: "serialized"; readonly path: string; readonly serialize: (shared: SharedInput) => Content }
  | {
      readonly per: "vendor";
      readonly template: string;
      readonly path: (vendor: Vendor) => string;
      readonly view: (vendor: Vendor) => object;
      /** Only for the vendors this holds for (default: every vendor). */
      readonly when?: (vendor: Vendor) => boolean;
    }
  | {
      readonly per: "codeSet";
      readonly template: string;
      readonly path: (vendor: Vendor, set: CodeSet) => string;
      readonly view: (vendor: Vendor, set: CodeSet) => object;
    };

/** A target is data: a name and its outputs. Adding one means adding templates and an entry here. */
export interface Target {
  readonly name: string;
  readonly outputs: readonly OutputRule[];
}

/** The TypeScript target in a style (see TsOptions): the same files, spelled as enums or as erasable syntax. */
export function typescriptTarget(options: TsOptions = DEFAULT_TS_OPTIONS): Target {
  return {
    name: "ts",
    outputs: [
      { per: "catalog", template: "ts/codebook-runtime.ts.hbs", path: "ts/codebook-runtime.ts", view: typescriptRuntimeView },
      { per: "catalog", template: "ts/index.ts.hbs", path: "ts/index.ts", view: (shared) => typescriptIndexView(options, shared) },
      { per: "vendor", template: "ts/vendor.ts.hbs", path: (vendor) => `ts/${vendor.id}.ts`, view: (vendor) => typescriptVendorView(options, vendor) },
      { per: "codeSet", template: "ts/code-set.ts.hbs", path: typescriptCodeSetPath, view: (vendor, set) => typescriptCodeSetView(options, vendor, set) },
      { per: "catalog", template: "ts/codebook-handling.ts.hbs", path: "ts/codebook-handling.ts", view: typescriptRuntimeView },
      {
        per: "vendor",
        template: "ts/handling.ts.hbs",
        path: (vendor) => `ts/${vendor.id}.handling.ts`,
        view: (vendor) => typescriptHandlingView(options, vendor),
        when: hasResponseParser,
      },
    ],
  };
}

/** The Java target, its packages under the run's prefix (see java-options.ts). */
function javaTarget(options: JavaOptions = DEFAULT_JAVA_OPTIONS): Target {
  const runtime = javaRuntimePackage(options);
  return {
    name: "java",
    outputs: [
      // The shared types of every enum and parser, in their own package (see java-runtime-view.ts).
      ...JAVA_RUNTIME_TYPES.map((type) => ({
        per: "catalog" as const,
        template: javaRuntimeTemplate(type),
        path: javaRuntimePath(runtime, type),
        view: () => javaRuntimeView(runtime, type),
      })),
      { per: "codeSet", template: "java/enum.java.hbs", path: javaFilePath, view: (vendor, set) => javaEnumView(vendor, set, runtime) },
      {
        per: "vendor",
        template: "java/responses.java.hbs",
        path: javaResponsesPath,
        view: (vendor) => javaHandlingView(vendor, runtime),
        when: hasResponseParser,
      },
    ],
  };
}

export const TARGETS: readonly Target[] = [
  typescriptTarget(),
  javaTarget(),
  {
    name: "docs",
    outputs: [
      { per: "catalog", template: "docs/index.md.hbs", path: "docs/index.md", view: markdownIndexView },
      { per: "catalog", template: "docs/outcomes.md.hbs", path: "docs/outcomes.md", view: markdownOutcomesView },
      { per: "vendor", template: "docs/vendor.md.hbs", path: (vendor) => `docs/${vendor.id}.md`, view: markdownVendorView },
      {
        per: "catalog",
        template: "docs/changelog.md.hbs",
        path: "docs/changelog.md",
        view: markdownChangelogView,
        when: (shared) => shared.changelog !== undefined,
      },
    ],
  },
  {
    name: "json",
    // Serialised, not templated: at a million codes the file is larger than one JavaScript string can be.
    outputs: [{ per: "serialized", path: "catalog.json", serialize: catalogJson }],
  },
];

/** The targets of a run: those named (in TARGETS order), or all of them; the TypeScript and Java targets with the run's options. */
export function selectTargets(
  names: readonly string[] | undefined,
  ts: TsOptions = DEFAULT_TS_OPTIONS,
  java: JavaOptions = DEFAULT_JAVA_OPTIONS,
): readonly Target[] {
  const targets = TARGETS.map((target) => (target.name === "ts" ? typescriptTarget(ts) : target.name === "java" ? javaTarget(java) : target));
  return names === undefined ? targets : targets.filter((target) => names.includes(target.name));
}
