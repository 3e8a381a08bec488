import type { Command } from "commander";

/**
 * The message for an unknown command, or undefined: `gen watch` names no command, and without this the
 * default command would take `watch` as an argument ("too many arguments for 'generate'"). The first
 * word that is neither an option nor an option's value is the command.
 */
export function unknownCommand(program: Command, args: readonly string[]): string | undefined {
  const defaultCommand = program.commands.find((command) => command.name() === "generate");
  const takesValue = new Set(
    [...program.options, ...(defaultCommand?.options ?? [])]
      .filter((option) => option.required || option.optional)
      .flatMap((option) => [option.long, option.short]),
  );
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    if (arg === "--") return undefined;
    if (arg.startsWith("-")) {
      if (!arg.includes("=") && takesValue.has(arg)) index += 1;
      continue;
    }
    const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
    if (arg === "help" || names.includes(arg)) return undefined;
    return `gen: unknown command '${arg}'\nCommands: ${[...program.commands.map((command) => command.name()), "help"].join(", ")}\n(run gen --help for usage)\n`;
  }
  return undefined;
}

/** The default command's options, for the top-level help: `gen --check` is `gen generate --check`. */
export function defaultCommandHelp(command: Command): string {
  const help = command.createHelp();
  const width = help.padWidth(command, help);
  const lines = help.visibleOptions(command).map((option) => help.formatItem(help.optionTerm(option), width, help.optionDescription(option), help));
  return `\nOptions of the default command (gen [options] is gen generate [options]):\n${lines.map((line) => `  ${line.trimStart()}`).join("\n")}\n`;
}
