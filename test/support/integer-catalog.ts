/**
 * The text of catalogs/acme.yaml with one integer code set (StatusCode); `codes` are the lines under
 * `codes:`, which start on line 11.
 */
export function integerCatalog(codes: string): string {
  return `vendor:
  id: acme
  name: Acme
  summary: A test.
codeSets:
  - id: status
    typeName: StatusCode
    title: Status
    codeKind: integer
    codes:
${codes}`;
}
