import type { CatalogFiles } from "../support/git-repo.js";

/** The catalogs every scenario starts from: two small vendors, with every kind of entry a rule looks at. */
export const ACME = `vendor:
  id: acme
  name: Acme
  summary: A test vendor.
codeSets:
  - id: status
    typeName: StatusCode
    title: Status
    codeKind: digits
    width: 4
    codes:
      - code: "1001"
        name: ACCEPTED
        message: Accepted.
        httpStatus: 200
        retry: { policy: never }
      - code: "1002"
        name: DECLINED
        message: "Declined: {reason}."
        placeholders: [{ name: reason, token: "{reason}" }]
        translations: { de: { message: "Abgelehnt: {reason}." } }
    uncoded:
      - { name: CONFLICT, httpStatus: 409, message: Conflict. }
  - id: other
    typeName: OtherCode
    title: Other
    codeKind: symbolic
    codes:
      - code: A
        name: ALPHA
      - code: B
        name: BRAVO
`;

export const BETA = `vendor:
  id: beta
  name: Beta
  summary: Another test vendor.
codeSets:
  - id: error
    typeName: ErrorCode
    title: Errors
    codeKind: integer
    codes:
      - code: 1
        name: FAILED
`;

export const BASE: CatalogFiles = { "acme.yaml": ACME, "beta.yaml": BETA };

/** Edits the base's acme.yaml, checking that the text to replace is there. */
function acme(...edits: [string, string][]): CatalogFiles {
  let text = ACME;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`scenario edit: ${JSON.stringify(from)} not in acme.yaml`);
    text = text.replace(from, to);
  }
  return { ...BASE, "acme.yaml": text };
}

/** The base's beta.yaml with an outcome for its one code (a catalog that states one must resolve every code). */
function betaWithOutcome(id: string): string {
  return `${BETA}        outcome: { id: ${id}, source: codebook, evidence: "name: FAILED" }\n`;
}

const RETIRED_1001 = `        retry: { policy: never }
        retired: { since: "2.0", reason: No longer sent. }`;

export interface Scenario {
  /** The rule the scenario is about (it may set off others too, all listed in its expected output). */
  readonly rule: string;
  readonly before: CatalogFiles;
  readonly after: CatalogFiles;
  /** The exact text output of `gen diff --against HEAD~1`, line by line, without the summary. */
  readonly text: readonly string[];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    rule: "VENDOR_REMOVED",
    before: BASE,
    after: { "acme.yaml": ACME },
    text: ["HEAD~1:catalogs/beta.yaml:2:7 wire VENDOR_REMOVED vendor beta was removed (HEAD~1:catalogs/beta.yaml)"],
  },
  {
    rule: "VENDOR_ADDED",
    before: BASE,
    after: { ...BASE, "gamma.yaml": BETA.replace("id: beta", "id: gamma").replace("ErrorCode", "GammaCode") },
    text: ["catalogs/gamma.yaml:2:7 additive VENDOR_ADDED vendor gamma was added"],
  },
  {
    rule: "VENDOR_ID_CHANGED",
    before: BASE,
    // The file is renamed with the vendor (validate insists); the code sets show it is the same vendor.
    after: { "acme.yaml": ACME, "beta-two.yaml": BETA.replace("id: beta", "id: beta-two") },
    text: ["catalogs/beta-two.yaml:2:7 source VENDOR_ID_CHANGED vendor beta was renamed to beta-two"],
  },
  {
    rule: "JAVA_PACKAGE_CHANGED",
    before: BASE,
    after: { ...BASE, "beta.yaml": BETA.replace("  summary: Another test vendor.", "  summary: Another test vendor.\n  javaPackage: com.example.beta") },
    text: ["catalogs/beta.yaml:5:16 source JAVA_PACKAGE_CHANGED the Java package of beta changed from codebook.beta to com.example.beta"],
  },
  {
    rule: "CODE_SET_REMOVED",
    before: BASE,
    after: acme([ACME.slice(ACME.indexOf("  - id: other")), ""]),
    text: ["HEAD~1:catalogs/acme.yaml:24:5 wire CODE_SET_REMOVED code set other (OtherCode) was removed"],
  },
  {
    rule: "CODE_SET_ADDED",
    before: BASE,
    after: acme([
      ACME,
      `${ACME}  - id: extra\n    typeName: ExtraCode\n    title: Extra\n    codeKind: integer\n    codes:\n      - code: 7\n        name: SEVEN\n`,
    ]),
    text: ["catalogs/acme.yaml:33:5 additive CODE_SET_ADDED code set extra (ExtraCode) was added"],
  },
  {
    rule: "CODE_SET_ID_CHANGED",
    before: BASE,
    after: acme(["  - id: other", "  - id: others"]),
    text: ["catalogs/acme.yaml:24:9 source CODE_SET_ID_CHANGED code set other was renamed to others"],
  },
  {
    rule: "TYPE_NAME_CHANGED",
    before: BASE,
    after: acme(["typeName: OtherCode", "typeName: OtherStatus"]),
    text: ["catalogs/acme.yaml:25:15 source TYPE_NAME_CHANGED the typeName of code set other changed from OtherCode to OtherStatus"],
  },
  {
    rule: "CODE_KIND_CHANGED",
    before: BASE,
    after: acme(["    codeKind: digits\n    width: 4\n", "    codeKind: symbolic\n"]),
    text: ["catalogs/acme.yaml:9:15 wire CODE_KIND_CHANGED the codeKind of code set status changed from digits to symbolic"],
  },
  {
    rule: "CODE_WIDTH_CHANGED",
    before: BASE,
    after: acme(["width: 4", "width: 5"], ['"1001"', '"01001"'], ['"1002"', '"01002"']),
    text: [
      "catalogs/acme.yaml:10:12 wire CODE_WIDTH_CHANGED the width of code set status changed from 4 to 5",
      "catalogs/acme.yaml:12:15 wire NAME_CODE_CHANGED status ACCEPTED had code 1001 and now has 01001",
      "catalogs/acme.yaml:17:15 wire NAME_CODE_CHANGED status DECLINED had code 1002 and now has 01002",
    ],
  },
  {
    rule: "CODE_REMOVED",
    before: BASE,
    after: acme(['      - code: "1001"\n        name: ACCEPTED\n        message: Accepted.\n        httpStatus: 200\n        retry: { policy: never }\n', ""]),
    text: ["HEAD~1:catalogs/acme.yaml:12:9 wire CODE_REMOVED code status 1001 ACCEPTED was deleted; mark it retired instead of deleting it"],
  },
  {
    rule: "RETIRED_CODE_REMOVED",
    before: acme(["        retry: { policy: never }", RETIRED_1001]),
    after: acme(['      - code: "1001"\n        name: ACCEPTED\n        message: Accepted.\n        httpStatus: 200\n        retry: { policy: never }\n', ""]),
    text: [
      "HEAD~1:catalogs/acme.yaml:12:9 wire RETIRED_CODE_REMOVED retired code status 1001 ACCEPTED was deleted; keep the entry so that its value is never reused",
    ],
  },
  {
    rule: "NAME_CODE_CHANGED",
    before: BASE,
    after: acme(['"1002"', '"1003"']),
    text: ["catalogs/acme.yaml:17:15 wire NAME_CODE_CHANGED status DECLINED had code 1002 and now has 1003"],
  },
  {
    rule: "CODE_NAME_CHANGED",
    before: BASE,
    after: acme(["name: ACCEPTED", "name: APPROVED"]),
    text: ["catalogs/acme.yaml:13:15 wire CODE_NAME_CHANGED code status 1001 was named ACCEPTED and is now APPROVED"],
  },
  {
    rule: "CODE_RETIRED",
    before: BASE,
    after: acme(["        retry: { policy: never }", RETIRED_1001]),
    text: ["catalogs/acme.yaml:17:18 source CODE_RETIRED code status 1001 ACCEPTED was retired since 2.0: No longer sent."],
  },
  {
    rule: "CODE_UNRETIRED",
    before: acme(["        retry: { policy: never }", RETIRED_1001]),
    after: BASE,
    text: ["catalogs/acme.yaml:12:9 additive CODE_UNRETIRED retired code status 1001 ACCEPTED is live again"],
  },
  {
    rule: "PLACEHOLDER_REMOVED",
    before: BASE,
    after: acme(
      ['"Declined: {reason}."', "Declined."],
      ['        placeholders: [{ name: reason, token: "{reason}" }]\n', ""],
      ['"Abgelehnt: {reason}."', "Abgelehnt."],
    ),
    text: [
      "catalogs/acme.yaml:19:18 additive TEXT_CHANGED the message of status 1002 DECLINED changed",
      "catalogs/acme.yaml:17:9 source PLACEHOLDER_REMOVED placeholder reason of status 1002 DECLINED was removed",
      "catalogs/acme.yaml:20:29 additive TEXT_CHANGED the de translation of status 1002 DECLINED changed",
    ],
  },
  {
    rule: "PLACEHOLDER_RENAMED",
    before: BASE,
    after: acme(
      ['"Declined: {reason}."', '"Declined: {cause}."'],
      ['{ name: reason, token: "{reason}" }', '{ name: cause, token: "{cause}" }'],
      ['"Abgelehnt: {reason}."', '"Abgelehnt: {cause}."'],
    ),
    text: [
      "catalogs/acme.yaml:19:18 additive TEXT_CHANGED the message of status 1002 DECLINED changed",
      "catalogs/acme.yaml:20:24 source PLACEHOLDER_RENAMED placeholder reason of status 1002 DECLINED was renamed to cause",
      "catalogs/acme.yaml:21:29 additive TEXT_CHANGED the de translation of status 1002 DECLINED changed",
    ],
  },
  {
    rule: "PLACEHOLDER_ADDED",
    before: BASE,
    after: acme(
      ['"Declined: {reason}."', '"Declined: {reason} ({ref})."'],
      ['{ name: reason, token: "{reason}" }', '{ name: reason, token: "{reason}" }, { name: ref, token: "{ref}" }'],
      ['"Abgelehnt: {reason}."', '"Abgelehnt: {reason} ({ref})."'],
    ),
    text: [
      "catalogs/acme.yaml:19:18 additive TEXT_CHANGED the message of status 1002 DECLINED changed",
      "catalogs/acme.yaml:20:61 source PLACEHOLDER_ADDED placeholder ref was added to status 1002 DECLINED; every format() call must now pass it",
      "catalogs/acme.yaml:21:29 additive TEXT_CHANGED the de translation of status 1002 DECLINED changed",
    ],
  },
  {
    rule: "PLACEHOLDER_INTRODUCED",
    before: BASE,
    after: acme(["message: Accepted.", 'message: "Accepted as {ref}."\n        placeholders: [{ name: ref, token: "{ref}" }]']),
    text: [
      "catalogs/acme.yaml:14:18 additive TEXT_CHANGED the message of status 1001 ACCEPTED changed",
      "catalogs/acme.yaml:15:24 additive PLACEHOLDER_INTRODUCED placeholder ref was added to status 1001 ACCEPTED, which had none",
    ],
  },
  {
    rule: "UNCODED_REMOVED",
    before: BASE,
    after: acme(["    uncoded:\n      - { name: CONFLICT, httpStatus: 409, message: Conflict. }\n", ""]),
    text: ["HEAD~1:catalogs/acme.yaml:23:9 source UNCODED_REMOVED code-less case status CONFLICT was removed"],
  },
  {
    rule: "UNCODED_ADDED",
    before: BASE,
    after: acme(["message: Conflict. }", "message: Conflict. }\n      - { name: GONE, httpStatus: 410, message: Gone. }"]),
    text: ["catalogs/acme.yaml:24:9 additive UNCODED_ADDED code-less case status GONE was added"],
  },
  {
    rule: "UNCODED_NAME_CHANGED",
    before: BASE,
    after: acme(["name: CONFLICT", "name: EDIT_CONFLICT"]),
    text: ["catalogs/acme.yaml:23:17 source UNCODED_NAME_CHANGED code-less case status CONFLICT was renamed to EDIT_CONFLICT"],
  },
  {
    rule: "UNCODED_MESSAGE_CHANGED",
    before: BASE,
    after: acme(["message: Conflict. }", "message: Edit conflict. }"]),
    text: ["catalogs/acme.yaml:23:53 behaviour UNCODED_MESSAGE_CHANGED the message that identifies code-less case status CONFLICT changed"],
  },
  {
    rule: "HTTP_STATUS_CHANGED",
    before: BASE,
    after: acme(["httpStatus: 200", "httpStatus: 202"]),
    text: ["catalogs/acme.yaml:15:21 behaviour HTTP_STATUS_CHANGED the httpStatus of status 1001 ACCEPTED changed from 200 to 202"],
  },
  {
    rule: "RETRY_CHANGED",
    before: BASE,
    after: acme(["retry: { policy: never }", "retry: { policy: after-delay, minDelaySeconds: 5, maxDelaySeconds: 10 }"]),
    text: ["catalogs/acme.yaml:16:16 behaviour RETRY_CHANGED the retry of status 1001 ACCEPTED changed from never to after-delay 5-10s"],
  },
  {
    rule: "OUTCOME_CHANGED",
    before: { ...BASE, "beta.yaml": betaWithOutcome("declined") },
    after: { ...BASE, "beta.yaml": betaWithOutcome("internal-error") },
    text: ["catalogs/beta.yaml:13:18 behaviour OUTCOME_CHANGED the outcome of error 1 FAILED changed from declined to internal-error"],
  },
  {
    rule: "TRANSLATION_REMOVED",
    before: BASE,
    after: acme(['        translations: { de: { message: "Abgelehnt: {reason}." } }\n', ""]),
    text: ["catalogs/acme.yaml:17:9 behaviour TRANSLATION_REMOVED the de translation of status 1002 DECLINED was removed"],
  },
  {
    rule: "TRANSLATION_ADDED",
    before: BASE,
    after: acme([
      'translations: { de: { message: "Abgelehnt: {reason}." } }',
      'translations: { de: { message: "Abgelehnt: {reason}." }, fr: { message: "Refusé : {reason}." } }',
    ]),
    text: ["catalogs/acme.yaml:21:70 additive TRANSLATION_ADDED a fr translation of status 1002 DECLINED was added"],
  },
  {
    rule: "TEXT_CHANGED",
    before: BASE,
    after: acme(["message: Accepted.", "message: Accepted, thank you."]),
    text: ["catalogs/acme.yaml:14:18 additive TEXT_CHANGED the message of status 1001 ACCEPTED changed"],
  },
  {
    rule: "CODE_ADDED",
    before: BASE,
    after: acme(["      - code: B\n        name: BRAVO\n", "      - code: B\n        name: BRAVO\n      - code: C\n        name: CHARLIE\n"]),
    text: ["catalogs/acme.yaml:33:9 additive CODE_ADDED code other C CHARLIE was added"],
  },
];
