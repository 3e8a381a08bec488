#!/usr/bin/env node
// The gen command: a thin entry point; everything lives in dist/ (built from src/ by `npm run build`).
import { runCli } from "../dist/cli/run-cli.js";

// A reader that stops early (`gen export | head`) closes the pipe: stop at once, without a stack trace,
// with the status of a Unix tool stopped by SIGPIPE (128 + 13). Any other failure to write is reported.
for (const [stream, name] of [
  [process.stdout, "standard output"],
  [process.stderr, "standard error"],
]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE" && stream !== process.stderr) process.stderr.write(`gen: cannot write to ${name}: ${error.message}\n`);
    process.exit(error.code === "EPIPE" ? 141 : 1);
  });
}

process.exitCode = await runCli(process.argv);
