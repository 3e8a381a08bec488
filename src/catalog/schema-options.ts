/** ajv's options for the catalog schema: shared by the runtime compile and the build-time standalone code. */
export const SCHEMA_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true } as const;
