/**
 * The data of a large code set's constants as one text that the generated class decodes at run time,
 * because Java cannot hold it as code: a method has at most 64 KiB of bytecode (an enum's static
 * initialiser builds every constant, with all its arguments), and a class at most 65,535 constants.
 *
 * The text is a sequence of values, read in order by the $Data reader of templates/java/enum.java.hbs:
 * a string is its length in UTF-16 units, a colon and its characters ("5:hello"); an absent value is "-".
 * Numbers and booleans are strings ("1"/"0" for booleans); a list is its length and then its items.
 */
export class JavaDataWriter {
  private readonly parts: string[] = [];

  /** A string, or "-" for an absent one. */
  string(text: string | undefined): void {
    this.parts.push(text === undefined ? "-" : `${text.length}:${text}`);
  }

  number(value: number | undefined): void {
    this.string(value === undefined ? undefined : String(value));
  }

  boolean(value: boolean): void {
    this.string(value ? "1" : "0");
  }

  list(items: readonly string[]): void {
    this.number(items.length);
    for (const item of items) this.string(item);
  }

  /** Everything written so far. */
  text(): string {
    return this.parts.join("");
  }
}
