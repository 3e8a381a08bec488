import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { TOOL_VERSION } from "../version.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo } from "./io.js";

/**
 * The gen command line. The only place that prints or decides an exit code:
 * 0 success, 1 a problem with catalogs, templates or output, 2 a usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command("gen")
    .description("Generate TypeScript, Java, Markdown and JSON from YAML catalogs of payment status and error codes.")
    .version(TOOL_VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run gen --help for usage)");

  program
    .command("generate", { isDefault: true })
    .description("render the catalogs into the output directory (the default command)")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .option("--out <dir>", "output directory", "generated")
    .option("--templates <dir>", "your templates directory; its files override the built-in ones file by file")
    .option("--outcomes <file>", "your outcome taxonomy YAML; it replaces the built-in taxonomy/outcomes.yaml")
    .option("--only <vendor>", "generate only this vendor's files (shared files are kept current)")
    .option("--check", "write nothing; exit 1 if the output directory is stale", false)
    .option("--cache-dir <dir>", "where processed catalogs are cached (safe to delete)", "node_modules/.cache/codebook")
    .option("--no-cache", "process every catalog, ignoring and not writing the cache")
    .addOption(jobsOption())
    .action(
      async (options: {
        catalogs: string;
        out: string;
        templates?: string;
        outcomes?: string;
        only?: string;
        check: boolean;
        cache: boolean;
        cacheDir: string;
        jobs?: number;
      }) => {
        // Each command loads its own modules: a command pays only for what it uses.
        const { runGenerate } = await import("./generate-command.js");
        exitCode = await runGenerate({ ...options, cache: options.cache ? options.cacheDir : false }, io);
      },
    );

  program
    .command("validate")
    .description("check every catalog and report every problem")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .option("--outcomes <file>", "your outcome taxonomy YAML; it replaces the built-in taxonomy/outcomes.yaml")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(jobsOption())
    .action(async (options: { catalogs: string; format: "text" | "json"; outcomes?: string; jobs?: number }) => {
      const { runValidate } = await import("./validate-command.js");
      exitCode = await runValidate(options, io);
    });

  program
    .command("export")
    .description("print the resolved catalog set as JSON")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .option("--outcomes <file>", "your outcome taxonomy YAML; it replaces the built-in taxonomy/outcomes.yaml")
    .addOption(jobsOption())
    .action(async (options: { catalogs: string; outcomes?: string; jobs?: number }) => {
      const { runExport } = await import("./export-command.js");
      exitCode = await runExport(options, io);
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const informational = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      return informational ? EXIT_OK : EXIT_USAGE;
    }
    // Nothing a user feeds gen should end here; if it does, say so in one line instead of a stack trace.
    io.stderr(`gen: internal error: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the input that caused it.\n`);
    return EXIT_FAILURE;
  }
}

/** --jobs: how many threads share the catalogs (large sets only; small ones are not worth a thread). */
function jobsOption(): Option {
  return new Option("--jobs <count>", "threads to use for large catalog sets (default: one per CPU core, at most 8)").argParser((value) => {
    const count = Number(value);
    if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError("expected a whole number of at least 1.");
    return count;
  });
}
