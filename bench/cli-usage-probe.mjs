// Preloaded with `node --import` by bench/cli.bench.ts into each measured `earshot` process: at
// exit, writes the process's peak resident set size (KiB) and CPU time (microseconds) as JSON to
// the file named by EARSHOT_USAGE_FILE. Child processes (the embedded PostgreSQL server) are not
// counted.
import fs from 'node:fs';

const file = process.env.EARSHOT_USAGE_FILE;
if (!file) throw new Error('cli-usage-probe: set EARSHOT_USAGE_FILE to the file to write');

process.on('exit', () => {
  const usage = process.resourceUsage();
  fs.writeFileSync(
    file,
    JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }),
  );
});
