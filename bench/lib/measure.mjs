/**
 * Timing for bench/run.mjs: whole processes, started one after another in rounds (A B C … A B C …)
 * so that a change of load hits every command of a set alike; each figure is a median, and each
 * ratio the median of the ratios taken within a round.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
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

/**
 * The mount that holds `dir` (an absolute, resolved path), from the text of /proc/self/mountinfo:
 * the longest mount point on the path (the last listed of equal ones: a mount over another), with
 * its file system type and device (major:minor). Undefined when no line matches.
 */
export function mountOf(mountinfo, dir) {
  let best;
  for (const line of mountinfo.split('\n')) {
    const [head, tail] = line.split(' - ');
    if (tail === undefined) continue;
    const f = head.split(' ');
    const point = f[4]?.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
    if (!point) continue;
    const on = point === '/' || dir === point || dir.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (on && (!best || point.length >= best.point.length)) best = { point, type: tail.split(' ')[0], device: f[2] };
  }
  return best;
}

/**
 * How the conditions name the file system of a folder: the mount's type from /proc (`ext4`,
 * `tmpfs`, ...), with `no journal` for an ext4 mounted without one (sysfs says so), as that
 * changes what creating files costs (keptOnDisk in bench/run.mjs); `stat -f` where there is no
 * /proc (`ext2/ext3` is how it names every ext file system); `disk` when neither answers.
 */
export function fsType(dir) {
  try {
    const m = mountOf(readFileSync('/proc/self/mountinfo', 'utf8'), realpathSync(dir));
    if (m) return m.type === 'ext4' && ext4Journal(m.device) === false ? 'ext4, no journal' : m.type;
  } catch {
    // No /proc: ask stat.
  }
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim() || 'disk';
  } catch {
    return 'disk';
  }
}

/** Whether the ext4 file system on device `majorMinor` has a journal; undefined when sysfs does not tell. */
function ext4Journal(majorMinor) {
  try {
    const name = /^DEVNAME=(.*)$/m.exec(readFileSync(`/sys/dev/block/${majorMinor}/uevent`, 'utf8'))?.[1];
    return name === undefined ? undefined : readFileSync(`/sys/fs/ext4/${name}/journal_task`, 'utf8').trim() !== '<none>';
  } catch {
    return undefined;
  }
}
