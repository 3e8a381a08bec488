import fc from "fast-check";
import { GENERATED_MEMBER_NAMES, IDENTIFIER_PATTERN, RESERVED_FILE_NAMES, RESERVED_TYPE_NAMES, RESERVED_WORDS } from "../../src/catalog/reserved-words.js";
import { type Catalog, catalogArbitrary, catalogYaml, type Draw, DrawnArbitrary, pickFrom } from "../support/arbitraries.js";

/** A catalog file that must be refused, and how it was made from a valid one. */
export interface Mutant {
  /** The mutation that made it, e.g. "duplicate-code". */
  readonly kind: string;
  /** What exactly was changed, for the failure message. */
  readonly note: string;
  /** The file name it must be saved under (usually <vendor id>.yaml). */
  readonly fileName: string;
  readonly bytes: Buffer;
  /** The valid catalog it was made from. */
  readonly source: Catalog;
}

type Data = Record<string, unknown>;
/** A mutation of the catalog's data, or of its YAML text; null where it does not apply to this catalog. */
type DataMutation = (g: Draw, catalog: Data) => string | null;
type TextMutation = (g: Draw, lines: string[]) => string | null;

const data = (value: unknown): Data => value as Data;
const list = (value: unknown): Data[] => (Array.isArray(value) ? (value as Data[]) : []);
const sets = (catalog: Data): Data[] => list(catalog.codeSets);
const codes = (catalog: Data): { set: Data; code: Data }[] => sets(catalog).flatMap((set) => list(set.codes).map((code) => ({ set, code })));

/** Identifiers the validator reserves ("non-sealed" is reserved too, but fails as a non-identifier first). */
const RESERVED_NAMES = [...RESERVED_WORDS, ...GENERATED_MEMBER_NAMES].filter((name) => IDENTIFIER_PATTERN.test(name));
const KEY_LINE = /^( *)(- )?([A-Za-z][\w-]*):( (.*))?$/;

const DATA_MUTATIONS: Readonly<Record<string, DataMutation>> = {
  "duplicate-code": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const others = list(set.codes).filter((other) => other !== code);
    if (others.length > 0) {
      const other = pickFrom(g, others);
      other.code = code.code;
      return `${String(other.name)} gets the code ${JSON.stringify(code.code)} of ${String(code.name)}`;
    }
    const names = new Set(list(set.codes).map((entry) => String(entry.name).toLowerCase()));
    const name = ["DUPLICATE_OF_FIRST", "DUPLICATE_OF_FIRST_2"].find((candidate) => !names.has(candidate.toLowerCase()));
    list(set.codes).push({ ...code, name, deprecated: undefined });
    return `a copy of ${String(code.name)} named ${name}`;
  },
  "wrong-type": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const vendor = data(catalog.vendor);
    const changes: [string, () => void][] = [
      [
        "vendor.name = 42",
        () => {
          vendor.name = 42;
        },
      ],
      [
        "vendor.summary = [x]",
        () => {
          vendor.summary = ["x"];
        },
      ],
      [
        "codeSets = x",
        () => {
          catalog.codeSets = "x";
        },
      ],
      [
        "codes = {}",
        () => {
          set.codes = {};
        },
      ],
      [
        "title = 5",
        () => {
          set.title = 5;
        },
      ],
      [
        "codeKind = 1",
        () => {
          set.codeKind = 1;
        },
      ],
      [
        "name = 12",
        () => {
          code.name = 12;
        },
      ],
      [
        "httpStatus = '400'",
        () => {
          code.httpStatus = "400";
        },
      ],
      [
        "reserved = 'yes'",
        () => {
          code.reserved = "yes";
        },
      ],
      [
        "endpoints = 'x'",
        () => {
          code.endpoints = "x";
        },
      ],
      [
        "message = 5",
        () => {
          code.message = 5;
        },
      ],
      [
        "retry = 'never'",
        () => {
          code.retry = "never";
        },
      ],
      [
        "translations = [de]",
        () => {
          code.translations = ["de"];
        },
      ],
      [
        "placeholders = {}",
        () => {
          code.placeholders = {};
        },
      ],
      [
        "deprecated = 'yes'",
        () => {
          code.deprecated = "yes";
        },
      ],
      [
        "code = null",
        () => {
          code.code = null;
        },
      ],
      [
        "code of the other kind",
        () => {
          code.code = set.codeKind === "integer" ? String(code.code) : set.codeKind === "digits" ? Number(code.code) : code.code === "1" ? 2 : 1;
        },
      ],
    ];
    if (set.codeKind === "digits")
      changes.push([
        "width = '4'",
        () => {
          set.width = String(set.width);
        },
      ]);
    const [note, change] = pickFrom(g, changes);
    change();
    return note;
  },
  "wrong-width": (g, catalog) => {
    const digits = codes(catalog).filter(({ set }) => set.codeKind === "digits");
    if (digits.length === 0) return null;
    const { set, code } = pickFrom(g, digits);
    const wire = String(code.code);
    const width = Number(set.width);
    const variants = [`0${wire}`, ...(width > 1 ? [wire.slice(1)] : []), `${wire.slice(0, -1)}a`, `${wire.slice(0, -1)}\u0661`, ` ${wire}`];
    code.code = pickFrom(g, variants);
    return `code ${wire} of width ${width} becomes ${JSON.stringify(code.code)}`;
  },
  "integer-overflow": (g, catalog) => {
    const integers = codes(catalog).filter(({ set }) => set.codeKind === "integer");
    if (integers.length === 0) return null;
    const { code } = pickFrom(g, integers);
    code.code = pickFrom(g, [2_147_483_648, -2_147_483_649, 1e20, 1.5, -0.5]);
    return `code becomes ${String(code.code)}`;
  },
  "symbolic-spaces": (g, catalog) => {
    const symbolic = codes(catalog).filter(({ set }) => set.codeKind === "symbolic");
    if (symbolic.length === 0) return null;
    const { code } = pickFrom(g, symbolic);
    code.code = pickFrom(g, [` ${String(code.code)}`, `${String(code.code)} `, `${String(code.code)}\n`, "", "\u00a0"]);
    return `code becomes ${JSON.stringify(code.code)}`;
  },
  "dangling-reference": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const choices: [string, () => void][] = [
      [
        "category",
        () => {
          code.category = "no-such-category";
        },
      ],
      [
        "scope",
        () => {
          code.scope = "no-such-scope";
        },
      ],
      [
        "replacement",
        () => {
          code.deprecated = { replacement: "NO_SUCH_CODE_NAME" };
        },
      ],
      [
        "replacement by itself",
        () => {
          code.deprecated = { reason: "x", replacement: code.name };
        },
      ],
      [
        "response field code set",
        () => {
          const vendor = data(catalog.vendor);
          vendor.errorResponse = { description: "d", fields: [{ path: "p", type: "string", description: "d", codeSet: "no-such-set" }] };
        },
      ],
    ];
    const [note, change] = pickFrom(g, choices);
    change();
    return `${String(code.name)} of ${String(set.id)}: dangling ${note}`;
  },
  "reserved-word": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const choice = g(fc.nat(3));
    if (choice === 0) {
      code.name = pickFrom(g, RESERVED_NAMES);
      return `code named ${String(code.name)}`;
    }
    if (choice === 1) {
      set.typeName = pickFrom(g, [...RESERVED_TYPE_NAMES]);
      return `typeName ${String(set.typeName)}`;
    }
    if (choice === 2) {
      const uncoded = list(set.uncoded);
      const name = pickFrom(g, RESERVED_NAMES);
      set.uncoded = [...uncoded, { name, httpStatus: 400, message: "reserved" }];
      return `uncoded entry named ${name}`;
    }
    data(catalog.vendor).id = pickFrom(
      g,
      [...RESERVED_FILE_NAMES].filter((id) => /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)),
    );
    return `vendor id ${String(data(catalog.vendor).id)}`;
  },
  "missing-property": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const vendor = data(catalog.vendor);
    const removals: [string, () => void][] = [
      ["vendor", () => delete catalog.vendor],
      ["codeSets", () => delete catalog.codeSets],
      ["vendor.id", () => delete vendor.id],
      ["vendor.name", () => delete vendor.name],
      ["vendor.summary", () => delete vendor.summary],
      ["set id", () => delete set.id],
      ["typeName", () => delete set.typeName],
      ["title", () => delete set.title],
      ["codeKind", () => delete set.codeKind],
      ["codes", () => delete set.codes],
      ["code", () => delete code.code],
      ["name", () => delete code.name],
    ];
    if (set.codeKind === "digits") removals.push(["width", () => delete set.width]);
    if (code.retry !== undefined) removals.push(["retry.policy", () => delete data(code.retry).policy]);
    const uncoded = list(set.uncoded)[0];
    if (uncoded) removals.push(["uncoded message", () => delete uncoded.message], ["uncoded httpStatus", () => delete uncoded.httpStatus]);
    const scope = list(set.scopes)[0];
    if (scope) removals.push(["scope title", () => delete scope.title]);
    const [note, remove] = pickFrom(g, removals);
    remove();
    return `without ${note}`;
  },
  "case-collision": (g, catalog) => {
    const candidates = codes(catalog).filter(({ code }) => /[A-Za-z]/.test(String(code.name)));
    if (candidates.length === 0) return null;
    const { set, code } = pickFrom(g, candidates);
    const name = String(code.name);
    const twin = name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase();
    const entry =
      set.codeKind === "integer"
        ? -1
        : set.codeKind === "digits"
          ? "9".repeat(Number(set.width))
          : set.codeKind === "alphanumeric"
            ? "Z".repeat(set.width === undefined ? 7 : Number(set.width))
            : "\u0000twin";
    const taken = list(set.codes).some((other) => String(other.code) === String(entry));
    list(set.codes).push({ code: taken ? code.code : entry, name: twin });
    return `${twin} beside ${name}`;
  },
  "out-of-range": (g, catalog) => {
    const numeric = codes(catalog).filter(({ set }) => set.codeKind === "integer" || set.codeKind === "digits");
    if (numeric.length === 0) return null;
    const { set, code } = pickFrom(g, numeric);
    const value = Number(code.code);
    const range = pickFrom(g, [
      { min: value + 1, max: value + 1 + g(fc.nat(100)) },
      { min: value - 1 - g(fc.nat(100)), max: value - 1 },
    ]);
    set.categories = [...list(set.categories), { id: "out-of-range", title: "t", range }];
    code.category = "out-of-range";
    return `code ${value} in a category of range ${range.min}-${range.max}`;
  },
  "invalid-range": (g, catalog) => {
    const numeric = sets(catalog).filter((set) => set.codeKind === "integer" || set.codeKind === "digits");
    const set = numeric.length > 0 ? pickFrom(g, numeric) : null;
    if (!set) return null;
    set.categories = [...list(set.categories), { id: "reversed", title: "t", range: { min: 10, max: 9 } }];
    return "a category whose min exceeds its max";
  },
  "unknown-property": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const target = pickFrom(g, [code, set, data(catalog.vendor), catalog]);
    target[pickFrom(g, ["mesage", "descripton", "nmae", "extra", "__proto", "Code"])] = "x";
    return "an unknown property";
  },
  "placeholder-not-in-text": (g, catalog) => {
    const { code } = pickFrom(g, codes(catalog));
    const token = "{zz_absent_token}";
    const texts = [code.message, code.description, code.action, ...list(code.alternativeMessages)].map(String);
    if (texts.some((text) => text.includes(token))) return null;
    code.placeholders = [...list(code.placeholders), { name: "zz_absent", token }];
    return `${String(code.name)} declares ${token}`;
  },
  "placeholder-mismatch": (g, catalog) => {
    const candidates = codes(catalog).filter(({ code }) =>
      list(code.placeholders).some((p) => typeof code.message === "string" && code.message.includes(String(p.token))),
    );
    if (candidates.length === 0) return null;
    const { code } = pickFrom(g, candidates);
    const tokens = list(code.placeholders).map((p) => String(p.token));
    const text = pickFrom(g, ["sans jeton", "·"]);
    if (tokens.some((token) => text.includes(token))) return null;
    code.translations = { ...data(code.translations ?? {}), fr: { message: text } };
    return `${String(code.name)}'s fr message drops its tokens`;
  },
  "translation-without-source": (g, catalog) => {
    const candidates = codes(catalog).filter(({ code }) => code.action === undefined);
    if (candidates.length === 0) return null;
    const { code } = pickFrom(g, candidates);
    code.translations = { ...data(code.translations ?? {}), de: { action: "Aktion" } };
    return `${String(code.name)} translates an action it does not have`;
  },
  "empty-text": (g, catalog) => {
    const { set, code } = pickFrom(g, codes(catalog));
    const target = pickFrom(g, [
      () => {
        code.message = "";
      },
      () => {
        set.title = "";
      },
      () => {
        data(catalog.vendor).name = "";
      },
      () => {
        code.translations = { de: {} };
      },
      () => {
        set.codes = [];
      },
      () => {
        catalog.codeSets = [];
      },
    ]);
    target();
    return "an empty text or list";
  },
  "duplicate-id": (g, catalog) => {
    const set = pickFrom(g, sets(catalog));
    const choice = g(fc.nat(2));
    if (choice === 0) {
      set.scopes = [...list(set.scopes), { id: "twin", title: "a" }, { id: "twin", title: "b" }];
      return "two scopes with one id";
    }
    if (choice === 1) {
      set.categories = [...list(set.categories), { id: "twin", title: "a" }, { id: "twin", title: "b" }];
      return "two categories with one id";
    }
    catalog.codeSets = [...sets(catalog), { ...set, typeName: `${String(set.typeName)}Twin` }];
    return "two code sets with one id";
  },
  "type-name-case": (g, catalog) => {
    // A second set whose type name differs from the first's only in case (or equals a companion of it, ignoring case).
    const set = pickFrom(g, sets(catalog));
    const typeName = String(set.typeName);
    const swapped = `${typeName.charAt(0)}${[...typeName.slice(1)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("")}`;
    const twin = swapped !== typeName ? swapped : `${typeName}INFO`;
    catalog.codeSets = [...sets(catalog), { ...set, id: `${String(set.id)}-twin`.slice(0, 64), typeName: twin }];
    return `type names ${typeName} and ${twin}`;
  },
  "unsafe-vendor-id": (g, catalog) => {
    data(catalog.vendor).id = pickFrom(g, ["../../etc", "Vendor", "a--b", "-a", "a_b", "a".repeat(65), "", "ünï"]);
    return `vendor id ${JSON.stringify(data(catalog.vendor).id)}`;
  },
};

const TEXT_MUTATIONS: Readonly<Record<string, TextMutation>> = {
  "broken-indent": (g, lines) => {
    // A key whose previous line is a sibling key with a scalar value: one space more or less cannot parse.
    const candidates = lines.flatMap((line, index) => {
      const here = KEY_LINE.exec(line);
      const previous = KEY_LINE.exec(lines[index - 1] ?? "");
      if (!here || here[2] || !previous || previous[5] === undefined || previous[5] === "") return [];
      const column = (match: RegExpExecArray) => (match[1] ?? "").length + (match[2] ? 2 : 0);
      return column(here) === column(previous) && column(here) > 0 ? [index] : [];
    });
    if (candidates.length === 0) return null;
    const index = pickFrom(g, candidates);
    const line = lines[index] ?? "";
    const deeper = g(fc.boolean());
    lines[index] = deeper ? ` ${line}` : line.slice(1);
    return `line ${index + 1} indented one space ${deeper ? "more" : "less"}`;
  },
  "tab-indent": (g, lines) => {
    const candidates = lines.flatMap((line, index) => (/^ +\S/.test(line) ? [index] : []));
    if (candidates.length === 0) return null;
    const index = pickFrom(g, candidates);
    lines[index] = `\t${(lines[index] ?? "").slice(1)}`;
    return `line ${index + 1} indented with a tab`;
  },
  "duplicate-key": (g, lines) => {
    const candidates = lines.flatMap((line, index) => (KEY_LINE.test(line) ? [index] : []));
    if (candidates.length === 0) return null;
    const index = pickFrom(g, candidates);
    const line = lines[index] ?? "";
    // "  - code: 1" opens a mapping whose next key sits under "code".
    lines.splice(index + 1, 0, line.replace(/^( *)- /, "$1  "));
    return `line ${index + 1} repeated`;
  },
  "unterminated-string": (g, lines) => {
    // The file ends inside a double-quoted string. (Dropping a closing quote mid-file may leave valid YAML:
    // the string runs on to the next line's opening quote, and what follows it can be a comment.)
    const candidates = lines.flatMap((line, index) => (/: ".*"$/.test(line) ? [index] : []));
    if (candidates.length === 0) return null;
    const index = pickFrom(g, candidates);
    lines.splice(index + 1);
    lines[index] = (lines[index] ?? "").slice(0, -1);
    return `the file ends in the string of line ${index + 1}`;
  },
};

const YAML_RULES = ["yaml-syntax", "tab-indent", "duplicate-key", "multiple-documents"];

/** The rules that name what each mutation broke: a refusal must carry at least one of them (undefined: any error will do). */
export const EXPECTED_RULES: Readonly<Record<string, readonly string[] | undefined>> = {
  "duplicate-code": ["duplicate-code"],
  "wrong-type": ["wrong-type", "invalid-value", "code-kind-mismatch", "digit-code-not-quoted"],
  "wrong-width": ["digit-code-width", "code-kind-mismatch"],
  "integer-overflow": ["code-kind-mismatch", "wrong-type"],
  "symbolic-spaces": ["code-kind-mismatch", "empty-value"],
  "dangling-reference": ["unknown-reference"],
  "reserved-word": ["reserved-word", "reserved-type-name", "unsafe-vendor-id"],
  "missing-property": ["missing-property"],
  "case-collision": ["name-case-collision", "reserved-word"],
  "out-of-range": ["code-out-of-range", "duplicate-id"],
  "invalid-range": ["invalid-range", "duplicate-id"],
  "unknown-property": ["unknown-property"],
  "placeholder-not-in-text": ["placeholder-not-in-text"],
  "placeholder-mismatch": ["placeholder-mismatch"],
  "translation-without-source": ["translation-without-source"],
  "empty-text": ["empty-value"],
  "duplicate-id": ["duplicate-id"],
  "type-name-case": ["duplicate-type-name"],
  "unsafe-vendor-id": ["unsafe-vendor-id", "invalid-format"],
  "broken-indent": YAML_RULES,
  "tab-indent": YAML_RULES,
  "duplicate-key": ["duplicate-key"],
  "unterminated-string": YAML_RULES,
  "not-utf8": ["not-utf8"],
  "whole-file": undefined,
};

const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0x80],
  [0xc3, 0x28],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
];

function mutate(g: Draw, catalog: Catalog): Omit<Mutant, "source"> {
  const copy = structuredClone(catalog) as unknown as Data;
  const id = catalog.vendor.id;
  const kinds = [...Object.keys(DATA_MUTATIONS), ...Object.keys(TEXT_MUTATIONS), "not-utf8", "whole-file"];
  // Try kinds in a random order until one applies to this catalog (most apply to every catalog).
  for (const kind of g(fc.shuffledSubarray(kinds, { minLength: kinds.length }))) {
    const dataMutation = DATA_MUTATIONS[kind];
    if (dataMutation) {
      const note = dataMutation(g, copy);
      if (note === null) continue;
      const vendorId = typeof data(copy.vendor)?.id === "string" ? String(data(copy.vendor).id) : id;
      const fileName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(vendorId) ? `${vendorId}.yaml` : `${id}.yaml`;
      return { kind, note, fileName, bytes: Buffer.from(catalogYaml(copy as unknown as Catalog), "utf8") };
    }
    const textMutation = TEXT_MUTATIONS[kind];
    if (textMutation) {
      const lines = catalogYaml(catalog).split("\n");
      const note = textMutation(g, lines);
      if (note === null) continue;
      return { kind, note, fileName: `${id}.yaml`, bytes: Buffer.from(lines.join("\n"), "utf8") };
    }
    if (kind === "not-utf8") {
      const bytes = Buffer.from(catalogYaml(catalog), "utf8");
      const offset = g(fc.nat(bytes.length));
      const bad = pickFrom(g, INVALID_UTF8);
      return {
        kind,
        note: `bytes ${bad.map((b) => b.toString(16)).join(" ")} at offset ${offset}`,
        fileName: `${id}.yaml`,
        bytes: Buffer.concat([bytes.subarray(0, offset), Buffer.from(bad), bytes.subarray(offset)]),
      };
    }
    const text = pickFrom(g, [
      "",
      "\n\n",
      "# only a comment\n",
      "---\n...\n",
      "- a list\n",
      "just a string\n",
      "null\n",
      "vendor: [\n",
      "{ codeSets: ",
      "\ufeff",
      "a: 1\n---\nb: 2\n",
    ]);
    return { kind, note: JSON.stringify(text), fileName: `${id}.yaml`, bytes: Buffer.from(text, "utf8") };
  }
  throw new Error("no mutation applies");
}

/** A catalog that the validator must refuse: a random valid catalog with one thing broken. */
export const mutantArbitrary: fc.Arbitrary<Mutant> = new DrawnArbitrary((g) => {
  const source = g(catalogArbitrary);
  return { ...mutate(g, source), source };
});
