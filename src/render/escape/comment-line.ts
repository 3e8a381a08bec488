/**
 * Text for a one-line comment such as a banner, which holds a path the user chose: each character a
 * target cannot keep inside its comment is percent-encoded as the UTF-8 bytes of its code point, as in a
 * URL, and so is `%` itself, so the text stays readable and unambiguous and can neither end the comment
 * nor start code.
 */
export function percentEncodeComment(text: string, unsafe: RegExp): string {
  return text.replace(unsafe, percentEncode);
}

function percentEncode(char: string): string {
  // A lone surrogate has no UTF-8 form; it is written as its UTF-16 unit.
  if (/^[\ud800-\udfff]$/.test(char)) return `%u${char.charCodeAt(0).toString(16).toUpperCase()}`;
  return encodeURIComponent(char);
}
