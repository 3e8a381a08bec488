/**
 * The commented example catalog that `gen init` writes: valid as it stands (gen validate passes and gen
 * generates from it), and showing each kind of data a catalog holds. `schema` is the modeline's path to
 * catalog.schema.json, relative to the catalog.
 */
export function exampleCatalog(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# An example catalog written by \`gen init\`: one vendor's codes, the single source of truth from which
# \`npx gen\` generates TypeScript, Java, Markdown docs and catalog.json. Replace it with your vendor's
# codes, transcribed verbatim from its documentation (typos of wire values included): put your own
# remarks in \`notes\`, never into the vendor's texts. \`npx gen explain 2310\` shows what it says of a code.
vendor:
  id: example-pay                 # lower-case, digits and hyphens: names the generated files and packages
  name: Example Pay
  summary: An example vendor, to show what a catalog holds. Replace it with your own.
  source: The vendor's error code reference (name the document and its version here)
codeSets:
  - id: terminal-error            # a vendor may have several code sets; the same code may mean different things in each
    typeName: TerminalErrorCode   # the generated enum's name
    title: Terminal Error Codes
    codeKind: digits              # integer | digits (zero padding significant) | symbolic
    width: 4
    scopes:
      - id: general
        title: General
        description: Handle during startup and regular operation.
    categories:
      - id: input
        title: Input
        range: { min: 100, max: 199 }
      - id: battery
        title: Battery
        range: { min: 2300, max: 2399 }
    codes:
      - code: "0100"              # quoted: digit codes are strings
        name: INVALID_JSON        # the vendor's wire name, kept exactly
        description: "The request body is not valid JSON."
        action: "Check the format of the data you send."
        scope: general
        category: input
        httpStatus: 400
      - code: "2310"
        name: BATTERY_TOO_LOW
        message: "Battery too low"    # exactly as the vendor sends it
        description: "The battery charge is too low to accept a payment."
        action: "Ask the user to charge the device, then try again."
        scope: general
        category: battery
        retry: { policy: after-delay, minDelaySeconds: 60 }
        translations:
          de:
            description: "Der Akku ist zu schwach, um eine Zahlung anzunehmen."
        notes:
          - "An example note: our remarks go here, beside the vendor's texts."
      - code: "2311"
        name: BATTERY_LOW
        description: "The battery charge is low; payments are still accepted for now."
        scope: general
        category: battery
        deprecated: { reason: "Merged into BATTERY_TOO_LOW by the vendor.", replacement: BATTERY_TOO_LOW }
`;
}
