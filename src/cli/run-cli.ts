import { availableParallelism } from "node:os";
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
    .option("--only <vendor>", "generate only this vendor's files (shared files are kept current)")
    .option("--check", "write nothing; exit 1 if the output directory is stale", false)
    .addOption(new Option("--format <format>", "how --check reports stale files").choices(["text", "github"]).default("text"))
    .option("--changelog-since <ref>", "also write docs/changelog.md: the code changes since this git ref (or catalogs directory)")
    .option("--cache-dir <dir>", "where processed catalogs are cached (safe to delete)", "node_modules/.cache/codebook")
    .option("--no-cache", "process every catalog, ignoring and not writing the cache")
    .addOption(jobsOption())
    .action(
      async (options: {
        catalogs: string;
        out: string;
        templates?: string;
        only?: string;
        check: boolean;
        format: "text" | "github";
        changelogSince?: string;
        cache: boolean;
        cacheDir: string;
        jobs?: number;
      }) => {
        // Each command loads its own modules: a command pays only for what it uses.
        const { runGenerate } = await import("./generate-command.js");
        exitCode = await runGenerate({ ...options, jobs: capJobs(options.jobs, io), cache: options.cache ? options.cacheDir : false }, io);
      },
    );

  program
    .command("validate")
    .description("check every catalog and report every problem")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"))
    .addOption(jobsOption())
    .action(async (options: { catalogs: string; format: "text" | "json" | "github"; jobs?: number }) => {
      const { runValidate } = await import("./validate-command.js");
      exitCode = await runValidate({ ...options, jobs: capJobs(options.jobs, io) }, io);
    });

  program
    .command("diff")
    .description("compare the catalogs with those at a git ref (or in a directory): every change, with its rule and category")
    .requiredOption("--against <ref>", "a git ref (branch, tag, commit) or a directory of catalogs to compare with")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .addOption(
      new Option("--fail-on <category>", "exit 1 on a change of this category or a worse one").choices(["wire", "source", "behaviour"]).default("source"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "markdown"]).default("text"))
    .addOption(jobsOption())
    .action(
      async (options: {
        catalogs: string;
        against: string;
        failOn: "wire" | "source" | "behaviour";
        format: "text" | "json" | "github" | "markdown";
        jobs?: number;
      }) => {
        const { runDiff } = await import("./diff-command.js");
        exitCode = await runDiff(options, io);
      },
    );

  program
    .command("export")
    .description("print the resolved catalog set as JSON")
    .option("--catalogs <dir>", "directory of catalog YAML files", "catalogs")
    .addOption(jobsOption())
    .action(async (options: { catalogs: string; jobs?: number }) => {
      const { runExport } = await import("./export-command.js");
      exitCode = await runExport({ ...options, jobs: capJobs(options.jobs, io) }, io);
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

/** Threads beyond the cores only wait for one, and each costs memory: more is capped, with a note. */
function capJobs(jobs: number | undefined, io: CliIo): number | undefined {
  const cores = availableParallelism();
  if (jobs === undefined || jobs <= cores) return jobs;
  io.stderr(`gen: --jobs ${jobs} is more than the ${cores} ${cores === 1 ? "core" : "cores"}; using ${cores}\n`);
  return cores;
}
