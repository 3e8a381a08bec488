import type { CodeEntry, TextField } from "./types.js";

/** The text a formatter fills by default: the first of message, description, action that holds a placeholder. */
export function defaultFormatField(entry: CodeEntry): TextField {
  // Field by field rather than entry[field]: a keyed read of three names is what V8 optimizes worst.
  const holdsPlaceholder = (text: string | undefined) => text !== undefined && entry.placeholders.some((p) => text.includes(p.token));
  if (holdsPlaceholder(entry.message)) return "message";
  if (holdsPlaceholder(entry.description)) return "description";
  if (holdsPlaceholder(entry.action)) return "action";
  return "message";
}
