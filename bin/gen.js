#!/usr/bin/env node
// The gen command: a thin entry point; everything lives in dist/ (built from src/ by `npm run build`).
import { runCli } from "../dist/cli/run-cli.js";

// A reader that stops early (`gen export | head`) closes the pipe: stop at once, without a stack trace,
// with the status of a Unix tool stopped by SIGPIPE (128 + 13). Any other failure to write is reported,
// where it still can be.
const SIGPIPE_STATUS = 141;
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") process.stderr.write(`gen: cannot write to standard output: ${error.message}\n`);
  process.exit(error.code === "EPIPE" ? SIGPIPE_STATUS : 1);
});
process.stderr.on("error", (error) => process.exit(error.code === "EPIPE" ? SIGPIPE_STATUS : 1));

process.exitCode = await runCli(process.argv);
