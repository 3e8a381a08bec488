import { exampleCatalog } from "./example-catalog.js";

/** A file `gen init` writes, by its path relative to the directory it runs in. */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
}

/** Where the package's schemas are, relative to the directories of the files that point at them. */
export interface SchemaPaths {
  /** From catalogs/ to catalog.schema.json. */
  readonly catalog: string;
  /** From the config file's directory to codebook.config.schema.json. */
  readonly config: string;
}

/** The files of a new codebook setup: a config, one example catalog, and a CI workflow that runs gen --check. Pure. */
export function scaffoldFiles(schemas: SchemaPaths): readonly ScaffoldFile[] {
  return [
    { path: "codebook.config.yaml", content: configFile(schemas.config) },
    { path: "catalogs/example-pay.yaml", content: exampleCatalog(schemas.catalog) },
    { path: ".github/workflows/codebook.yml", content: CI_WORKFLOW },
  ];
}

function configFile(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# Settings for \`npx gen\`. Paths are relative to this file; flags override every setting, and
# \`npx gen --print-config\` shows what a run uses and where each value came from.
catalogs: catalogs
out: generated
# targets: [ts, java, docs, json]   # which outputs to emit (default: all)
# templates: codebook-templates     # your templates, overriding the built-in ones file by file
# ts: { style: erasable }           # TypeScript without enums: as const objects, unions, functions (default: enum)
`;
}

/** Fails a pull request whose generated files are not what its catalogs produce. */
const CI_WORKFLOW = `# Written by \`gen init\`: checks that generated/ is what the catalogs produce.
name: codebook
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx gen validate
      - run: npx gen --check
`;
