/**
 * Timing for bench/run.mjs: whole processes, started one after another in rounds (A B C … A B C …)
 * so that a change of load hits every command of a set alike; each figure is a median, and each
 * ratio the median of the ratios taken within a round.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One timed run of `cmd argv`; any exit status but 0 is a failure (an up-to-date `--check` exits 0 too). */
export function timeOnce(cmd, argv, options = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`bench: ${cmd} ${argv.slice(0, 4).join(' ')} … exited ${r.status ?? r.signal}: ${(r.error?.message ?? r.stderr ?? '').slice(0, 500)}`);
  return ms;
}

/**
 * A command of a set: `argv(i)` gives the arguments of round i (a fresh output folder per round);
 * `before(i)` / `after(i)` run untimed around it.
 */
export function command(name, cmd, argv, options = {}) {
  return { name, cmd, argv: typeof argv === 'function' ? argv : () => argv, ...options };
}

/**
 * Run every command of `set` once untimed (it warms the file cache and writes the start-up cache),
 * then `runs` rounds of all of them. Returns, per command name, the median and every time.
 */
export function measureSet(set, runs) {
  const times = Object.fromEntries(set.map((c) => [c.name, []]));
  const load = loadavg()[0];
  for (let i = -1; i < runs; i++) {
    for (const c of set) {
      c.before?.(i);
      const ms = timeOnce(c.cmd, c.argv(i), c);
      c.after?.(i);
      if (i >= 0) times[c.name].push(ms);
    }
  }
  const result = { load: (load + loadavg()[0]) / 2, times, median: {} };
  for (const c of set) result.median[c.name] = median(times[c.name]);
  return result;
}

/** Median of the per-round ratios a/b of a measured set. */
export function ratio(m, a, b) {
  return median(m.times[a].map((t, i) => t / m.times[b][i]));
}

/** The file system type of a folder (`ext2/ext3`, `tmpfs`, `overlayfs`, ...), or 'disk' where `stat -f` is missing. */
export function fsType(dir) {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim() || 'disk';
  } catch {
    return 'disk';
  }
}
