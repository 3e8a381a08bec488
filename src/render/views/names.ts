/** TerminalErrorCode -> terminalErrorCode: prefix of a set's lookup maps. */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** TerminalErrorCode -> TERMINAL_ERROR_CODE: prefix of a set's module-private constants. */
export function upperSnake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();
}
