import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as enumIndex from "../../generated/ts/index.js";
import * as erasableIndex from "../fixtures/golden-erasable/ts/index.js";
import { FIXTURES, GENERATED } from "./paths.js";

/** The erasable style's golden tree: `gen --targets ts --ts-style erasable --out test/fixtures/golden-erasable`. */
export const GOLDEN_ERASABLE = join(FIXTURES, "golden-erasable");

export type TsStyleName = "enum" | "erasable";

/** A code set's API as either style gives it: the members by name and the helpers (fromCode, getCode, ...). */
export interface SetApi {
  fromCode(code: string | number): unknown;
  getCode(member: unknown): string | number;
  values(): readonly unknown[];
  valueOf(name: string): unknown;
  info(member: unknown): unknown;
  parse(code: string | number): unknown;
  format?(member: unknown, values: object, options?: object): string;
  matchUncoded?(httpStatus: number, message: string): unknown;
  uncoded?(): readonly unknown[];
  readonly [member: string]: unknown;
}

/** A vendor module's response handling, in either style. */
export interface HandlingApi {
  parseResponse(body: unknown, httpStatus?: number): unknown;
  decide(parsed: unknown): unknown;
}

export interface ExportedCatalog {
  vendors: {
    id: string;
    codeSets: { id: string; typeName: string; codeKind: string; width?: number; codes: { code: string | number; name: string }[] }[];
  }[];
}

export const CATALOG = JSON.parse(readFileSync(join(GENERATED, "catalog.json"), "utf8")) as ExportedCatalog;

export const namespaceOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * A set's API in a style. The enum style's is the enum with its merged helpers (TerminalErrorCode.fromCode);
 * the erasable style's is the set module's functions beside its `as const` object's members.
 */
export async function setApi(style: TsStyleName, vendorId: string, set: { id: string; typeName: string }): Promise<SetApi> {
  if (style === "enum") return (enumIndex as unknown as Record<string, Record<string, SetApi>>)[namespaceOf(vendorId)]?.[set.typeName] as SetApi;
  const module = (await import(`../fixtures/golden-erasable/ts/${vendorId}/${set.id}.ts`)) as Record<string, unknown>;
  return { ...(module[set.typeName] as object), ...module } as unknown as SetApi;
}

/** A vendor's parseResponse and decide in a style (vendors without an errorResponse have none). */
export function handlingApi(style: TsStyleName, vendorId: string): HandlingApi {
  const index = style === "enum" ? enumIndex : erasableIndex;
  return (index as unknown as Record<string, HandlingApi>)[namespaceOf(vendorId)] as HandlingApi;
}
