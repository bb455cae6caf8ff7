// Preloaded into a benchmarked run: prints the process's peak resident memory (all threads) on exit.
process.on('exit', () => process.stderr.write(`\nmaxrss-kb=${process.resourceUsage().maxRSS}\n`));
