import { availableParallelism } from "node:os";
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { DEFAULT_SETTINGS, describeSettings } from "../config/resolve-settings.js";
import { TOOL_VERSION } from "../version.js";
import { defaultCommandHelp, unknownCommand } from "./command-names.js";
import { commandSettings, configOption, targetsOption, tsImportExtensionOption, tsStyleOption } from "./command-settings.js";
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, processIo } from "./io.js";

/**
 * The gen command line. The only place that prints or decides an exit code:
 * 0 success, 1 a problem with catalogs, templates or output, 2 a usage error.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    void io.cwd;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown";
    io.stderr(`gen: error working-directory-missing the working directory no longer exists (${code}); cd into an existing directory and run gen again\n`);
    return EXIT_FAILURE;
  }
  let exitCode = EXIT_OK;
  const program = new Command("gen")
    .description("Generate TypeScript, Java, Markdown and JSON from YAML catalogs of payment status and error codes.")
    .version(TOOL_VERSION, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run gen --help for usage)");

  const generate = withRunOptions(
    program.command("generate", { isDefault: true }).description("render the catalogs into the output directory (the default command)"),
  )
    .option("--check", "write nothing; exit 1 if the output directory is stale", false)
    .addOption(new Option("--format <format>", "how --check reports stale files").choices(["text", "github"]).default("text"))
    .option("--changelog-since <ref>", "also write docs/changelog.md: the code changes since this git ref (or catalogs directory)")
    .option("--print-config", "print the settings this run would use, and where each came from; run nothing", false)
    .action(async (options: { only?: string; check: boolean; printConfig: boolean; format: "text" | "github"; changelogSince?: string }, command: Command) => {
      const resolved = commandSettings(command, io);
      if (typeof resolved === "number") {
        exitCode = resolved;
        return;
      }
      const { settings, config } = resolved;
      if (options.printConfig) {
        io.stdout(describeSettings(settings, config));
        return;
      }
      // Each command loads its own modules: a command pays only for what it uses.
      const { runGenerate } = await import("./generate-command.js");
      exitCode = await runGenerate(
        {
          catalogs: settings.catalogs.value,
          out: settings.out.value,
          templates: settings.templates.value,
          outcomes: settings.outcomes.value,
          only: options.only,
          check: options.check,
          format: options.format,
          changelogSince: options.changelogSince,
          cache: settings.cache.value ? settings.cacheDir.value : false,
          jobs: capJobs(settings.jobs.value, io),
          // All targets is the default: only a choice is passed on (and shown in --check's advice).
          targets: settings.targets.source.kind === "default" ? undefined : settings.targets.value,
          ts: settings.ts.value,
        },
        io,
      );
    });

  withRunOptions(
    program.command("watch").description("generate, then again on every save of a catalog, template, taxonomy or config file (Ctrl-C to stop)"),
  ).action(async (options: { only?: string }, command: Command) => {
    const { runWatch } = await import("./watch-command.js");
    exitCode = await runWatch(command, { only: options.only, jobs: (jobs) => capJobs(jobs, io) }, io);
  });

  program
    .command("validate")
    .description("check every catalog and report every problem")
    .option("--catalogs <dir>", "directory of catalog YAML files", DEFAULT_SETTINGS.catalogs)
    .option("--outcomes <file>", OUTCOMES_HELP)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github"]).default("text"))
    .addOption(jobsOption())
    .addOption(configOption())
    .action(async (options: { format: "text" | "json" | "github" }, command: Command) => {
      const resolved = commandSettings(command, io);
      if (typeof resolved === "number") {
        exitCode = resolved;
        return;
      }
      const { runValidate } = await import("./validate-command.js");
      exitCode = await runValidate(
        {
          catalogs: resolved.settings.catalogs.value,
          outcomes: resolved.settings.outcomes.value,
          format: options.format,
          jobs: capJobs(resolved.settings.jobs.value, io),
        },
        io,
      );
    });

  program
    .command("diff")
    .description("compare the catalogs with those at a git ref (or in a directory): every change, with its rule and category")
    .requiredOption("--against <ref>", "a git ref (branch, tag, commit) or a directory of catalogs to compare with")
    .option("--catalogs <dir>", "directory of catalog YAML files", DEFAULT_SETTINGS.catalogs)
    .option("--outcomes <file>", OUTCOMES_HELP)
    .addOption(
      new Option("--fail-on <category>", "exit 1 on a change of this category or a worse one").choices(["wire", "source", "behaviour"]).default("source"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "github", "markdown"]).default("text"))
    .addOption(jobsOption())
    .addOption(configOption())
    .action(
      async (options: { against: string; failOn: "wire" | "source" | "behaviour"; format: "text" | "json" | "github" | "markdown" }, command: Command) => {
        const resolved = commandSettings(command, io);
        if (typeof resolved === "number") {
          exitCode = resolved;
          return;
        }
        const { runDiff } = await import("./diff-command.js");
        exitCode = await runDiff(
          {
            ...options,
            catalogs: resolved.settings.catalogs.value,
            outcomes: resolved.settings.outcomes.value,
            jobs: capJobs(resolved.settings.jobs.value, io),
          },
          io,
        );
      },
    );

  program
    .command("export")
    .description("print the resolved catalog set as JSON")
    .option("--catalogs <dir>", "directory of catalog YAML files", DEFAULT_SETTINGS.catalogs)
    .option("--outcomes <file>", OUTCOMES_HELP)
    .addOption(jobsOption())
    .addOption(configOption())
    .action(async (_options: object, command: Command) => {
      const resolved = commandSettings(command, io);
      if (typeof resolved === "number") {
        exitCode = resolved;
        return;
      }
      const { runExport } = await import("./export-command.js");
      exitCode = await runExport(
        { catalogs: resolved.settings.catalogs.value, outcomes: resolved.settings.outcomes.value, jobs: capJobs(resolved.settings.jobs.value, io) },
        io,
      );
    });

  program
    .command("explain")
    .description("show everything the catalogs say about a code or name, in every vendor (like perror)")
    .argument("<code-or-name>", "a code (2310, 0100), a name (BATTERY_TOO_LOW), or either after vendor: (phonepos:2310)")
    .option("--catalogs <dir>", "directory of catalog YAML files", DEFAULT_SETTINGS.catalogs)
    .option("--out <dir>", "output directory, where the docs it points to are", DEFAULT_SETTINGS.out)
    .option("--outcomes <file>", OUTCOMES_HELP)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addOption(configOption())
    .action(async (query: string, options: { format: "text" | "json" }, command: Command) => {
      const resolved = commandSettings(command, io);
      if (typeof resolved === "number") {
        exitCode = resolved;
        return;
      }
      const { runExplain } = await import("./explain-command.js");
      exitCode = await runExplain(
        {
          query,
          catalogs: resolved.settings.catalogs.value,
          out: resolved.settings.out.value,
          outcomes: resolved.settings.outcomes.value,
          format: options.format,
        },
        io,
      );
    });

  program
    .command("docs")
    .description("the docs site of the generated Markdown: build it, serve it while you edit (dev), or serve the build (preview)")
    .addArgument(new Argument("<action>", "what to do").choices(["build", "dev", "preview"]))
    .option("--out <dir>", "the gen output whose docs/ the site is made of", DEFAULT_SETTINGS.out)
    .option("--dest <dir>", "where the built site goes (build) or is served from (preview)", "docs-site")
    .addOption(portOption())
    .option("--plain", "preview: map no clean URLs, as the plainest static hosts do", false)
    .addOption(configOption())
    .action(async (action: "build" | "dev" | "preview", options: { dest: string; port?: number; plain: boolean }, command: Command) => {
      const resolved = commandSettings(command, io);
      if (typeof resolved === "number") {
        exitCode = resolved;
        return;
      }
      const { runDocs } = await import("./docs-command.js");
      exitCode = await runDocs({ action, out: resolved.settings.out.value, dest: options.dest, port: options.port, plain: options.plain }, io);
    });

  program
    .command("init")
    .description("start using codebook here: a config, an example catalog and a CI workflow (never overwrites)")
    .action(async () => {
      const { runInit } = await import("./init-command.js");
      exitCode = await runInit(io);
    });

  program.addHelpText("after", () => defaultCommandHelp(generate));

  try {
    const unknown = unknownCommand(program, argv.slice(2));
    if (unknown !== undefined) {
      io.stderr(unknown);
      return EXIT_USAGE;
    }
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

/** The options of a run that writes the output directory: gen generate's and gen watch's. */
function withRunOptions(command: Command): Command {
  return command
    .option("--catalogs <dir>", "directory of catalog YAML files", DEFAULT_SETTINGS.catalogs)
    .option("--out <dir>", "output directory", DEFAULT_SETTINGS.out)
    .option("--templates <dir>", "your templates directory; its files override the built-in ones file by file")
    .option("--outcomes <file>", OUTCOMES_HELP)
    .addOption(targetsOption())
    .addOption(tsStyleOption())
    .addOption(tsImportExtensionOption())
    .option("--only <vendor>", "generate only this vendor's files (shared files are kept current)")
    .option("--cache-dir <dir>", "where processed catalogs are cached (safe to delete)", DEFAULT_SETTINGS.cacheDir)
    .option("--no-cache", "process every catalog, ignoring and not writing the cache")
    .addOption(jobsOption())
    .addOption(configOption());
}

const OUTCOMES_HELP = "your outcome taxonomy YAML; it replaces the built-in taxonomy/outcomes.yaml";

/** --port: where a docs server listens on 127.0.0.1. */
function portOption(): Option {
  return new Option(
    "--port <port>",
    "port on 127.0.0.1 (default: 5173 for dev, the next free one if taken; 4173 for preview, where 0 picks a free one)",
  ).argParser((value) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError("expected a port number from 0 to 65535.");
    return port;
  });
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
