// Preloaded into a benchmarked run: prints the process's peak resident memory (all threads)
// and its CPU time (user + system, all threads) on exit.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmaxrss-kb=${usage.maxRSS} cpu-us=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
