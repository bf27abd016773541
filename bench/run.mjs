#!/usr/bin/env node
/**
 * `npm run bench` — codegen's speed and memory, as ratios against a baseline measured in the same
 * run (machines here are shared and noisy, so absolute numbers mean little).
 *
 *   cold CLI, 1 service, every target      vs `node -e 0`
 *   cold CLI, 10 / 100 / 1,000 services    vs `node -e 0`, and the marginal cost per service
 *   100 services already up to date, without and with --cache, and the bare file-system floor
 *   `generate --check`, 1,000 services     vs `node -e 0`
 *   in-process compile() of 1,000 services: services/second, flat-cost ratio (1,000 vs 100 × 10),
 *     and the steady state after a few thousand compiles (V8 keeps optimizing that long)
 *   peak RSS of a cold CLI run at 1,000 services
 *
 * Each figure is the median of several runs; baseline and subject runs are interleaved so load
 * changes hit both. Options: --runs N (default 7), --markdown (print a table for docs/benchmarks.md).
 * Needs a build (`npm run build`; `npm ci` runs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.cjs');
if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first.');
  process.exit(2);
}
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 7 : Number(args[runsAt + 1]);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs takes a whole number of runs (at least 1).');
  process.exit(2);
}
const markdown = args.includes('--markdown');
const seed = readFileSync(join(root, 'fixtures/seed/service.yaml'), 'utf8');

/** N specs, each the article's service under another name (every target, overrides and all). */
function makeSpecs(dir, n) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const file = join(dir, `svc-${String(i).padStart(4, '0')}.yaml`);
    writeFileSync(file, seed.replace(/^name: my-app$/m, `name: svc-${i}`).replace(/name: api$/m, `name: api-${i}`));
    files.push(file);
  }
  return files;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** One timed run; any exit status but 0 is a failure (an up-to-date `--check` exits 0 too). */
function timeOnce(cmd, argv, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.slice(0, 4).join(' ')} … exited ${r.status ?? r.signal}: ${(r.stderr ?? '').slice(0, 500)}`);
  return ms;
}

/**
 * Interleave baseline and subject runs; return both medians. `before` runs untimed ahead of each
 * subject run (to empty the output folder, so every timed `generate` writes every file).
 */
function measure(argv, cwd, before = () => {}) {
  const base = [];
  const subject = [];
  before();
  timeOnce(process.execPath, argv, cwd); // warm the file cache
  for (let i = 0; i < runs; i++) {
    base.push(timeOnce(process.execPath, ['-e', '0'], cwd));
    before();
    subject.push(timeOnce(process.execPath, argv, cwd));
  }
  return { base: median(base), subject: median(subject) };
}

/** [relative path, text] of every file under `dir`. */
function readTree(dir, rel = '', out = []) {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) readTree(dir, p, out);
    else out.push([p, readFileSync(join(dir, p), 'utf8')]);
  }
  return out;
}

/** The output folder holds one folder per service (and the manifest): a run that wrote nothing is not a measurement. */
function assertGenerated(dir, n) {
  const got = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).length : 0;
  if (got !== n) throw new Error(`bench: expected ${n} service folders in ${dir}, found ${got}.`);
}

const work = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
const rows = [];
const add = (name, m, target) => rows.push({ name, base: m.base, ms: m.subject, ratio: m.subject / m.base, target });

try {
  const sets = {};
  for (const n of [1, 10, 100, 1000]) sets[n] = makeSpecs(join(work, `specs-${n}`), n);
  const out = (n) => join(work, `out-${n}`);
  const gen = (n, extra = []) => [cli, 'generate', ...sets[n], '--out', out(n), '-q', ...extra];
  const fresh = (n) => () => rmSync(out(n), { recursive: true, force: true });
  const generate = (n) => {
    const m = measure(gen(n), work, fresh(n));
    assertGenerated(out(n), n);
    return m;
  };

  add('cold generate, 1 service, every target', generate(1), '≤ 1.3×');
  const c10 = generate(10);
  add('cold generate, 10 services', c10);
  const c100 = generate(100);
  add('cold generate, 100 services', c100, '≤ 2×');
  // The file-system floor of that run: the same tree (folders and files) written by plain mkdirSync
  // and writeFileSync calls in a fresh process, nothing else. On some disks a new folder costs ~1 ms.
  const floorScript = join(work, 'fs-floor.mjs');
  const manifest = join(work, 'tree-100.json');
  writeFileSync(manifest, JSON.stringify(readTree(out(100))));
  writeFileSync(
    floorScript,
    `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
const [dest, list] = process.argv.slice(2);
for (const [p, text] of JSON.parse(readFileSync(list, 'utf8'))) { const f = join(dest, p); mkdirSync(dirname(f), { recursive: true }); writeFileSync(f, text); }
`,
  );
  add('  file-system floor: the same 100-service tree, plain fs calls', measure([floorScript, join(work, 'floor-100'), manifest], work, () => rmSync(join(work, 'floor-100'), { recursive: true, force: true })));
  // The everyday case (a pre-commit hook): the output exists and is up to date; nothing is written.
  add('generate, 100 services, output up to date', measure(gen(100), work));
  // The same with --cache, after one run that recorded it: no spec is compiled again.
  const cacheArgs = ['--check', '--cache', '--cache-location', join(work, 'cache-100')];
  timeOnce(process.execPath, gen(100, cacheArgs.slice(1)), work);
  add('generate --check --cache, 100 services, up to date', measure(gen(100, cacheArgs), work));
  const c1000 = generate(1000);
  add('cold generate, 1,000 services', c1000);
  // out-1000 is now up to date: --check reads and compares every file and must exit 0.
  add('generate --check, 1,000 services (up to date)', measure(gen(1000, ['--check']), work));

  // Peak RSS of a cold CLI run at 1,000 services (GNU time is not everywhere: ask the child itself).
  const rssProbe = join(work, 'rss.mjs');
  writeFileSync(
    rssProbe,
    `process.argv.splice(1, 1);\nprocess.on('exit', () => { process.stderr.write('\\nRSS=' + process.resourceUsage().maxRSS + '\\n'); });\nawait import(${JSON.stringify(cli)});\n`,
  );
  const rssKbs = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    rmSync(join(work, 'out-rss'), { recursive: true, force: true });
    const rssRun = spawnSync(process.execPath, [rssProbe, cli, 'generate', ...sets[1000], '--out', join(work, 'out-rss'), '-q'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (rssRun.status !== 0) throw new Error(`bench: the RSS run exited ${rssRun.status ?? rssRun.signal}: ${rssRun.stderr.slice(0, 500)}`);
    rssKbs.push(Number(/RSS=(\d+)/.exec(rssRun.stderr)?.[1] ?? NaN));
  }
  assertGenerated(join(work, 'out-rss'), 1000);
  const rssKb = median(rssKbs); // process.resourceUsage().maxRSS is in KiB

  // In-process throughput and flat per-service cost, in a fresh process.
  const inproc = join(work, 'inproc.mjs');
  writeFileSync(
    inproc,
    `import { readFileSync } from 'node:fs';
const { compile } = await import(${JSON.stringify(join(root, 'dist/index.js'))});
const load = (files) => files.map((f) => [f, readFileSync(f)]);
const s100 = load(${JSON.stringify(sets[100])});
const s1000 = load(${JSON.stringify(sets[1000])});
const run = (set) => { const t0 = performance.now(); let n = 0; for (const [f, b] of set) n += compile(b, { file: f }).files.length; return [performance.now() - t0, n]; };
// Warm-up (first-call compilation of the emitters), and proof that every service compiled: no
// errors, and the same number of files per service.
const check = (set) => { for (const [f, b] of set) { const r = compile(b, { file: f }); if (!r.files.length || r.diagnostics.some((d) => d.severity === 'error')) throw new Error('bench: ' + f + ' did not compile'); } };
check(s100);
const per = run(s100)[1] / 100;
if (run(s1000)[1] !== per * 1000) throw new Error('bench: the 1,000 services did not each produce ' + per + ' files');
const t100 = [], t1000 = [];
for (let i = 0; i < ${runs}; i++) { t100.push(run(s100)[0]); t1000.push(run(s1000)[0]); }
// Steady state: V8 keeps optimizing for a few thousand compiles; the last runs of a long loop.
const steady = [];
for (let i = 0; i < ${Math.max(runs, 5)}; i++) steady.push(run(s1000)[0]);
const med = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(JSON.stringify({ t100: med(t100), t1000: med(t1000), steady: med(steady.slice(-3)), rss: process.resourceUsage().maxRSS }));
`,
  );
  const ipRun = spawnSync(process.execPath, [inproc], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (ipRun.status !== 0) throw new Error(`bench: the in-process run exited ${ipRun.status ?? ipRun.signal}: ${ipRun.stderr.slice(0, 500)}`);
  const ip = JSON.parse(ipRun.stdout.trim().split('\n').pop());

  const fmt = (x, d = 0) => x.toFixed(d);
  const marginal = (c1000.subject - c100.subject) / 900;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(1)).join('/')}`;
  const lines = [];
  if (markdown) {
    lines.push(`Machine: ${machine}; median of ${runs} runs.`, '', '| measurement | median | `node -e 0` | ratio | target |', '|---|---:|---:|---:|---|');
    for (const r of rows) lines.push(`| ${r.name} | ${fmt(r.ms)} ms | ${fmt(r.base)} ms | ${fmt(r.ratio, 2)}× | ${r.target ?? ''} |`);
    lines.push(
      '',
      '| measurement | value | target |',
      '|---|---:|---|',
      `| marginal cost per service (cold CLI, 100 → 1,000) | ${fmt(marginal, 2)} ms | |`,
      `| in-process compile(), 1,000 services | ${fmt(ip.t1000)} ms (${fmt(1000 / (ip.t1000 / 1000))} services/s) | ≤ 1,000 ms |`,
      `| in-process compile(), 1,000 services, steady state (after ${fmt(1100 + runs * 1100 + Math.max(runs, 5) * 1000 - 3000)} compiles) | ${fmt(ip.steady)} ms | ≤ 1,000 ms |`,
      `| in-process 1,000 vs 100 services | ${fmt(ip.t1000 / ip.t100, 1)}× | ≤ 12× |`,
      `| peak RSS, cold CLI at 1,000 services | ${fmt(rssKb / 1024, 1)} MiB | ≤ 100 MiB |`,
      `| peak RSS, in-process bench process | ${fmt(ip.rss / 1024, 1)} MiB | |`,
    );
  } else {
    lines.push(`codegen bench — ${machine}; median of ${runs} runs`, '');
    const w = Math.max(...rows.map((r) => r.name.length));
    for (const r of rows) lines.push(`${r.name.padEnd(w)}  ${fmt(r.ms).padStart(7)} ms   node -e 0 ${fmt(r.base).padStart(5)} ms   ${fmt(r.ratio, 2).padStart(5)}×  ${r.target ?? ''}`);
    lines.push(
      '',
      `marginal cost per service (cold CLI, 100 → 1,000): ${fmt(marginal, 2)} ms`,
      `in-process compile(), 1,000 services: ${fmt(ip.t1000)} ms (${fmt(1000 / (ip.t1000 / 1000))} services/s; target ≤ 1,000 ms)`,
      `in-process compile(), 1,000 services, steady state: ${fmt(ip.steady)} ms (target ≤ 1,000 ms)`,
      `in-process 1,000 vs 100 services: ${fmt(ip.t1000 / ip.t100, 1)}× (target ≤ 12×)`,
      `peak RSS, cold CLI at 1,000 services: ${fmt(rssKb / 1024, 1)} MiB (target ≤ 100 MiB)`,
    );
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
