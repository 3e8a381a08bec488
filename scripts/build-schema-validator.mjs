// Compiles catalogs/catalog.schema.json into standalone validation code at build time
// (dist/catalog/schema-validator.cjs), so gen does not compile the schema on every start.
// The module carries the schema's hash; src/catalog/schema.ts ignores it if the schema changed since.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { SCHEMA_URL, schemaHash } from "../dist/catalog/schema.js";
import { SCHEMA_OPTIONS } from "../dist/catalog/schema-options.js";

const schemaText = readFileSync(SCHEMA_URL, "utf8");
const ajv = new Ajv2020({ ...SCHEMA_OPTIONS, code: { source: true } });
const validate = ajv.compile(JSON.parse(schemaText));
const hash = schemaHash(schemaText);
const code = `${standaloneCode(ajv, validate)}\nmodule.exports.schemaHash = ${JSON.stringify(hash)};\n`;
mkdirSync(new URL("../dist/catalog/", import.meta.url), { recursive: true });
writeFileSync(new URL("../dist/catalog/schema-validator.cjs", import.meta.url), code);
