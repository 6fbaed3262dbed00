/**
 * Preloaded (`node --require`) into a process a benchmark measures: prints the process's
 * peak resident set size (all threads) to stderr when it exits.
 */
process.on('exit', () => {
  process.stderr.write(`GREENAI_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
