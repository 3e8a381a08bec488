import type { CodeEntry, TextField } from "./types.js";

/** The text a formatter fills by default: the first of message, description, action that holds a placeholder. */
export function defaultFormatField(entry: CodeEntry): TextField {
  const fields = ["message", "description", "action"] as const;
  return fields.find((field) => entry.placeholders.some((p) => entry[field]?.includes(p.token))) ?? "message";
}
