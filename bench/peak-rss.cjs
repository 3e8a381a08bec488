// Preloaded into a benchmarked process: on exit, appends its peak resident set size (KiB, all threads
// included) to the file named by CODEBOOK_BENCH_RSS_FILE.
const { appendFileSync } = require("node:fs");

process.on("exit", () => {
  const file = process.env.CODEBOOK_BENCH_RSS_FILE;
  if (file) appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
});
