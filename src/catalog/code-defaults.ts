import type { RawCategory, RawCode, RawCodeDefaults, RawCodeSet, RawHttpStatuses, RawRetry, Severity } from "./raw-catalog.js";

/** Where a code's effective value comes from: the code itself, its category, or its code set. */
export type DefaultSource = "code" | "category" | "code-set";

/** A value a code has, and where it was stated. */
export interface Effective<T> {
  readonly value: T;
  readonly from: DefaultSource;
}

/** A code's values after its category's and its code set's defaults: the code's own value wins, then its category's, then its set's. */
export interface EffectiveCode {
  /** Its HTTP statuses, primary first; none when nobody states one. */
  readonly httpStatus: Effective<readonly number[]> | undefined;
  readonly retry: Effective<RawRetry> | undefined;
  readonly scope: Effective<string> | undefined;
  readonly severity: Effective<Severity> | undefined;
}

/** The category a code names, if the set declares it. */
export function categoryOf(set: RawCodeSet, entry: RawCode): RawCategory | undefined {
  return entry.category === undefined ? undefined : set.categories?.find((category) => category.id === entry.category);
}

/** A code's effective values (see EffectiveCode). */
export function effectiveCode(set: RawCodeSet, entry: RawCode, category: RawCategory | undefined = categoryOf(set, entry)): EffectiveCode {
  const pick = <K extends keyof RawCodeDefaults>(key: K): Effective<NonNullable<RawCodeDefaults[K]>> | undefined => {
    const own = entry[key] as RawCodeDefaults[K];
    if (own !== undefined) return { value: own as NonNullable<RawCodeDefaults[K]>, from: "code" };
    const ofCategory = category?.[key];
    if (ofCategory !== undefined) return { value: ofCategory as NonNullable<RawCodeDefaults[K]>, from: "category" };
    const ofSet = set[key];
    return ofSet === undefined ? undefined : { value: ofSet as NonNullable<RawCodeDefaults[K]>, from: "code-set" };
  };
  const status = pick("httpStatus");
  return {
    httpStatus: status && { value: httpStatusList(status.value), from: status.from },
    retry: pick("retry"),
    scope: pick("scope"),
    severity: pick("severity"),
  };
}

/** One status or several, as a list (primary first). */
export function httpStatusList(statuses: RawHttpStatuses | undefined): readonly number[] {
  return statuses === undefined ? [] : typeof statuses === "number" ? [statuses] : statuses;
}
