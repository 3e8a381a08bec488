#!/usr/bin/env node
// The gen command: a thin entry point; everything lives in dist/ (built from src/ by `npm run build`).
import { runCli } from "../dist/cli/run-cli.js";

process.exitCode = await runCli(process.argv);
