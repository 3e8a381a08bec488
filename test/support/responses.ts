import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES } from "./paths.js";

/** One raw body of the corpus: JSON data, or JSON text to parse (for keys such as __proto__). */
export interface ResponseCase {
  readonly vendor: string;
  readonly name: string;
  readonly httpStatus?: number;
  readonly body?: unknown;
  readonly bodyText?: string;
}

const CORPUS = join(FIXTURES, "responses");

/** Every case of test/fixtures/responses/<vendor>.json, in file order. */
export function responseCorpus(): ResponseCase[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      const vendor = file.slice(0, -".json".length);
      return (JSON.parse(readFileSync(join(CORPUS, file), "utf8")) as Omit<ResponseCase, "vendor">[]).map((entry) => ({ vendor, ...entry }));
    });
}

/** The case's body as JSON.parse gives it (a __proto__ key stays an own property). */
export function bodyOf(entry: ResponseCase): unknown {
  return entry.bodyText === undefined ? entry.body : JSON.parse(entry.bodyText);
}

/** The body's JSON text, as the Java harness receives it. */
export function bodyTextOf(entry: ResponseCase): string {
  return entry.bodyText ?? JSON.stringify(entry.body);
}

/**
 * A body that carries one value at a field path such as status.statusDetails[].statusCode: each list
 * step becomes a one-element list.
 */
export function bodyWith(path: string, value: unknown): unknown {
  const steps = path.split(".");
  let inner: unknown = value;
  for (let index = steps.length - 1; index >= 0; index -= 1) {
    const step = steps[index] as string;
    const list = step.endsWith("[]");
    const key = list ? step.slice(0, -2) : step;
    inner = { [key]: list ? [inner] : inner };
  }
  return inner;
}
