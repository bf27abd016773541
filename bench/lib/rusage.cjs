// Preloaded with `node -r` by bench/run.mjs: at exit, the process's own CPU times and peak RSS
// (process.resourceUsage(): user and system CPU in microseconds, maxRSS in KiB) on standard error.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `\nBENCH_RUSAGE=${JSON.stringify({ user: u.userCPUTime, system: u.systemCPUTime, maxRSS: u.maxRSS })}\n`);
});
