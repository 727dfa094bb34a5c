// Preloaded with `node --require` into a process the benchmark spawns: on exit, writes the
// process's peak memory and CPU time to the file named by HINDSIGHT_BENCH_USAGE.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const json = JSON.stringify({
    maxRssKb: usage.maxRSS,
    userMs: usage.userCPUTime / 1000,
    systemMs: usage.systemCPUTime / 1000,
  });
  require('node:fs').writeFileSync(process.env.HINDSIGHT_BENCH_USAGE, json);
});
