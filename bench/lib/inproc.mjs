/**
 * In-process compile() timings, run by bench/run.mjs in a child process of its own:
 *
 *   node bench/lib/inproc.mjs first  SPEC-LIST   the first N compile() calls of this fresh process:
 *                                                  no warm-up, nothing compiled before the clock starts
 *   node bench/lib/inproc.mjs steady SPEC-LIST   steady state: the median of three passes over the N
 *                                                  specs after WARM compiles (V8 keeps optimizing that long)
 *
 * SPEC-LIST is a JSON array of spec files (read before the clock starts), or a number N for N copies
 * of the seed (`node bench/lib/inproc.mjs first 300` under `valgrind --tool=callgrind` counts the
 * instructions of the first 300 compiles; `first 0` those of loading alone). Every compile must
 * succeed with the same number of files. Prints one JSON line: ms, the main thread's CPU ms (from
 * /proc, where there is one), the compiles before the timed pass, files, peak RSS.
 * BENCH_NO_VERIFY=1 compiles without the artifact checks (`verify: false`, as `--no-verify`): what
 * the checks cost, for a decision about them, not a figure of the default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedSpecs } from './seed.mjs';

const [mode, list] = process.argv.slice(2);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** SPEC-LIST, or a number N: N copies of the seed under their own names, made in memory. */
function load() {
  if (/^[0-9]+$/.test(list)) {
    return seedSpecs(Number(list));
  }
  return JSON.parse(readFileSync(list, 'utf8')).map((f) => [f, readFileSync(f)]);
}
const specs = load();
const WARM = Number(process.env.BENCH_STEADY_WARM ?? 5000);
const verify = process.env.BENCH_NO_VERIFY !== '1';

/** CPU time of this thread (user + system), in ms; undefined without /proc. */
function threadCpu() {
  const stat = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const s = readFileSync(stat, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks of 10 ms (USER_HZ = 100)
}

const { compile } = await import(join(root, 'dist/index.js'));
let perService;
const pass = () => {
  const c0 = threadCpu();
  const t0 = performance.now();
  let files = 0;
  for (const [file, bytes] of specs) {
    const r = compile(bytes, { file, verify });
    if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench: ${file} did not compile: ${r.diagnostics.find((d) => d.severity === 'error').message}`);
    perService ??= r.files.length;
    if (r.files.length !== perService) throw new Error(`bench: ${file} gave ${r.files.length} files, not ${perService}`);
    files += r.files.length;
  }
  const ms = performance.now() - t0;
  const c1 = threadCpu();
  return { ms, cpu: c0 === undefined ? undefined : c1 - c0, files };
};

let result;
if (mode === 'first') {
  result = { ...pass(), before: 0 };
} else {
  let done = 0;
  while (done < WARM) {
    pass();
    done += specs.length;
  }
  const passes = [pass(), pass(), pass()].sort((a, b) => a.ms - b.ms);
  result = { ...passes[1], before: done };
}
console.log(JSON.stringify({ ...result, rssKb: process.resourceUsage().maxRSS }));
