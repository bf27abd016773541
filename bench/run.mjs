#!/usr/bin/env node
/**
 * `npm run bench` — codegen's speed and memory next to the floor and the peers, measured in one run.
 *
 *   npm run bench [-- --runs N] [--markdown] [--nodes 22,24|none] [--no-peers] [--skip-1000]
 *
 * Rows (each names its Node, environment, disk and load):
 * - the floor `node -e 0`, with the environment as it is and with NODE_EXTRA_CA_CERTS unset (an
 *   ordinary machine: Node 20 parses the whole CA bundle before it starts when the variable is
 *   set); every cold CLI row is timed in both environments and given against both floors;
 * - cold `codegen generate` of 1 / 10 / 100 / 1,000 services, each timed run writing into an
 *   output folder of a new name (rewriting one folder again and again slows some disks run after
 *   run), the same on a RAM disk (/dev/shm) at 100 and 1,000 services, and Kubernetes only.
 *   What a run writes on the disk stays there until the bench ends: on ext4 without a journal,
 *   files deleted in the last minutes make every new file's inode cost more (keptOnDisk, below);
 * - peers in the same rounds: the template peer (bench/peers/template.mjs, Handlebars + yaml,
 *   the same artifact kinds), cdk8s + cdk8s-plus (bench/peers/cdk8s.mjs, Kubernetes), and
 *   `kubectl kustomize` over the equivalent static folders (the Go floor); a peer that is not
 *   installed is skipped with a notice (the npm peers are installed on demand into bench/peers,
 *   which has its own lockfile);
 * - the file-system floor (the same 100-service tree written by bare mkdirSync/writeFileSync),
 *   kernel and user CPU time of codegen and the template peer at 100 services;
 * - `generate` of 100 services already up to date, with and without `--check --cache`, and
 *   `generate --check` of 1,000 up-to-date services;
 * - in-process: the first 1,000 compile() calls of a fresh process (a child process each, no
 *   warm-up) and, separately, the steady state after several thousand compiles;
 * - peak RSS of a cold CLI run at 1,000 services, with the start-up cache written (the specs as
 *   files and as their folder) and with an empty cache folder (a fresh CI runner);
 * - the cold rows at 1 and 100 services again under Node 22 and 24 (npm's node-<os>-<arch>
 *   packages, unpacked, as scripts/node-matrix.mjs does), when they can be fetched.
 *
 * Commands of a set run in rounds (A B C … A B C …); figures are medians, ratios the median of
 * the ratios within a round. The first, untimed round writes the start-up cache (in a folder of
 * the run's own) and warms the file cache. Needs a build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { command, fsType, measureSet, median, ratio, timeOnce } from './lib/measure.mjs';
import { nodeRelease } from './lib/nodes.mjs';
import { printReport } from './lib/report.mjs';
import { writeSeedSpecs } from './lib/seed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const USAGE = `usage: npm run bench [-- --runs N] [--markdown] [--nodes 22,24|none] [--no-peers] [--skip-1000]

  --runs N        rounds of each set (default 5; one-service sets 4× as many, at least 20);
                  figures are medians, ratios paired within a round
  --markdown      print the table as Markdown (docs/benchmarks.md)
  --nodes LIST    other Node releases for the 1- and 100-service rows (default 22,24; none: Node ${process.versions.node} only)
  --no-peers      codegen only: no template, cdk8s or kubectl kustomize rows
  --skip-1000     leave out the 1,000-service CLI rows (the slowest: minutes); the in-process
                  rows then time the first 100 compile() calls instead of 1,000

The in-process rows alone: node bench/lib/inproc.mjs first 1000 (one fresh process; prints JSON),
node bench/lib/phases.mjs first|steady 1000 (compile()'s time, step by step, from V8's profiler),
and node bench/lib/alloc.mjs (what one compile() allocates). Needs a build (npm run build).`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const VALUED = new Set(['--runs', '--nodes']);
const FLAGS = new Set(['--markdown', '--no-peers', '--skip-1000']);
for (let i = 0; i < args.length; i++) {
  if (VALUED.has(args[i])) i++;
  else if (!FLAGS.has(args[i])) {
    console.error(`bench: unknown option ${JSON.stringify(args[i])}\n\n${USAGE}`);
    process.exit(2);
  }
}
const cli = join(root, 'dist/cli.cjs');
if (!existsSync(cli) || !existsSync(join(root, 'dist/index.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(opt('--runs') ?? 5);
const oneServiceRounds = Math.max(20, runs * 4);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('bench: --runs takes a whole number of runs (at least 1).');
  process.exit(2);
}
const markdown = args.includes('--markdown');
const withPeers = !args.includes('--no-peers');
const with1000 = !args.includes('--skip-1000');
const otherNodes = (opt('--nodes') ?? '22,24').split(',').filter((v) => v && v !== 'none');
const notices = [];
const notice = (text) => {
  notices.push(text);
  console.error(`bench: ${text}`);
};
const progress = (text) => console.error(`bench: ${text} (load ${loadavg()[0].toFixed(1)})`);

// ---------------------------------------------------------------------------------------------
// Inputs, environments, peers

const work = mkdtempSync(join(tmpdir(), 'codegen-bench-'));
let shm;
try {
  accessSync('/dev/shm', constants.W_OK);
  shm = mkdtempSync('/dev/shm/codegen-bench-');
} catch {
  notice('no writable /dev/shm: the RAM-disk rows are skipped.');
}
const sizes = with1000 ? [1, 10, 100, 1000] : [1, 10, 100];
const specs = Object.fromEntries(sizes.map((n) => [n, writeSeedSpecs(join(work, `specs-${n}`), n)]));
const shmSpecs = shm ? Object.fromEntries(sizes.filter((n) => n >= 100).map((n) => [n, writeSeedSpecs(join(shm, `specs-${n}`), n)])) : {};

const ordinary = { ...process.env, NODE_COMPILE_CACHE: join(work, 'compile-cache') };
delete ordinary.NODE_EXTRA_CA_CERTS;
const asIs = { ...process.env, NODE_COMPILE_CACHE: join(work, 'compile-cache') };
const caSet = Boolean(process.env.NODE_EXTRA_CA_CERTS);
if (!caSet) notice('NODE_EXTRA_CA_CERTS is not set: the environment as it is is the ordinary one, measured once.');
const envs = caSet ? [['as is', asIs], ['ordinary', ordinary]] : [['ordinary', ordinary]];

const peersDir = join(root, 'bench/peers');
let cdk8s = false;
if (withPeers) {
  if (!existsSync(join(peersDir, 'node_modules/cdk8s-plus-33'))) {
    progress('installing the npm peers into bench/peers (npm ci, its own lockfile)');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: peersDir, encoding: 'utf8' });
    if (r.status !== 0) notice(`cdk8s is skipped: npm ci in bench/peers failed (${(r.stderr || r.error?.message || '').trim().split('\n').pop()}).`);
  }
  cdk8s = existsSync(join(peersDir, 'node_modules/cdk8s-plus-33'));
}
const kubectl = withPeers && spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (withPeers && !kubectl) notice('kubectl is not installed: the kubectl kustomize rows are skipped.');

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * What a timed run wrote on the disk is kept until the bench ends (the whole work folder is
 * removed then); on the RAM disk it is removed after each run. Without a journal, ext4 does not
 * give a new file an inode freed in the last minute (five more while that inode's table block is
 * unwritten): it looks each one up and skips it, so every file created after a large deletion
 * costs kernel time in proportion to what was deleted (fs/ext4/ialloc.c, recently_deleted()).
 * Deleting each run's 1,500 files before the next run made the 100-service runs slower round
 * after round, codegen (15 inodes per service) more than the template (6): docs/benchmarks.md,
 * "The disk rows and deleted files".
 */
const keepOutputs = (() => {
  const { bavail, bsize } = statfsSync(work);
  // What is kept comes to about 2 GB with the 1,000-service rows (a 1,000-service output takes
  // about 60 MB of a disk with 4 kB blocks, and about 20 are written), 0.2 GB without them.
  const need = (with1000 ? 3 : 0.5) * 2 ** 30;
  if (bavail * bsize >= need) {
    progress(`outputs are kept in ${work} until the run ends (about ${with1000 ? 2 : 0.2} GB; remove it by hand if the run is killed)`);
    return true;
  }
  notice(`less than ${need / 2 ** 30} GiB free under ${tmpdir()}: each run's output is removed after it, which may slow the next disk rows.`);
  return false;
})();
const keptOnDisk = (dir) => keepOutputs && !(shm && dir.startsWith(shm));
/** After a run that wrote `dir`: removed now, or with the work folder at the end (keptOnDisk). */
const finished = (dir) => keptOnDisk(dir) || rmSync(dir, { recursive: true, force: true });

let outCount = 0;
/** A command writing into `base/<tag>-<round>`, a folder of a new name each time (on the RAM disk, removed after). */
function writer(name, node, argvOf, base, env) {
  let out;
  return command(name, node, (i) => argvOf((out = join(base, `o${outCount++}-${i + 1}`))), {
    env,
    cwd: work,
    after: () => finished(out),
  });
}
const gen = (list, extra = []) => (out) => [cli, 'generate', ...list, '--out', out, '-q', ...extra];
const template = (list) => (out) => [join(peersDir, 'template.mjs'), '--out', out, ...list];
const cdk = (list) => (out) => [join(peersDir, 'cdk8s.mjs'), '--out', out, ...list];
const floor = (node, label, env) => command(`floor ${label}`, node, ['-e', '0'], { env, cwd: work });

const rows = [];
const conditions = (node, env, disk, m) => ({ node, env, disk, load: m.load });

/** Rows for one measured set: each command against both floors (when measured) and its peers. */
function addRows(m, nodeLabel, disk, specsOf) {
  for (const spec of specsOf) {
    const row = { name: spec.label, cond: conditions(nodeLabel, spec.env, disk, m), ms: m.median[spec.cmd], vs: [], target: spec.target, check: spec.check };
    for (const [label] of envs) if (m.median[`floor ${label}`] !== undefined) row.vs.push([`floor ${label}`, ratio(m, spec.cmd, `floor ${label}`)]);
    for (const [label, other] of spec.peers ?? []) if (m.median[other] !== undefined) row.vs.push([label, ratio(m, spec.cmd, other)]);
    rows.push(row);
  }
}

const disk = fsType(work);
const shmDisk = shm ? fsType(shm) : undefined;
const node = process.execPath;
const nodeLabel = process.version;

/** The cold set of `n` services under one Node: codegen in each environment, peers in the ordinary one. */
function coldSet(n, nodeBin, label, { peers = true } = {}) {
  const set = [];
  const specsOf = [];
  for (const [envLabel, env] of envs) {
    set.push(floor(nodeBin, envLabel, env));
    set.push(writer(`codegen ${envLabel}`, nodeBin, gen(specs[n]), work, env));
    specsOf.push({
      label: `cold generate, ${n === 1 ? '1 service' : `${n.toLocaleString('en')} services`}, every target`,
      cmd: `codegen ${envLabel}`,
      env: envLabel,
      peers: envLabel === 'ordinary' ? [['template', 'template']] : [],
      ...(n === 1 && envLabel === 'ordinary' ? { target: '≤ 1.8× ordinary floor', check: (r) => r.vs.find((v) => v[0] === 'floor ordinary')?.[1] <= 1.8 } : {}),
      ...(n === 100 && envLabel === 'ordinary' ? { target: '≤ 0.7× template', check: (r) => r.vs.find((v) => v[0] === 'template')?.[1] <= 0.7 } : {}),
    });
  }
  if (n <= 100) {
    set.push(writer('codegen k8s', nodeBin, gen(specs[n], ['--target', 'kubernetes']), work, ordinary));
    specsOf.push({
      label: `cold generate, ${n === 1 ? '1 service' : `${n} services`}, Kubernetes only`,
      cmd: 'codegen k8s',
      env: 'ordinary',
      peers: [['kubectl kustomize', 'kustomize'], ['cdk8s', 'cdk8s']],
      ...(n === 1 ? { target: '≤ 1× kubectl kustomize', check: (r) => r.vs.find((v) => v[0] === 'kubectl kustomize')?.[1] <= 1 } : {}),
    });
  }
  if (peers && withPeers) {
    set.push(writer('template', nodeBin, template(specs[n]), work, ordinary));
    specsOf.push({ label: `  template peer (Handlebars + yaml), ${n} service${n > 1 ? 's' : ''}, the same artifact kinds`, cmd: 'template', env: 'ordinary' });
    if (cdk8s && n <= 100) {
      set.push(writer('cdk8s', nodeBin, cdk(specs[n]), work, ordinary));
      specsOf.push({ label: `  cdk8s + cdk8s-plus, ${n} service${n > 1 ? 's' : ''}, Kubernetes`, cmd: 'cdk8s', env: 'ordinary' });
    }
  }
  // kubectl kustomize in every set that has the Kubernetes-only target (one service, every Node):
  // the target is a ratio within one set, so each Node's row is judged against its own rounds.
  if (withPeers && kubectl && ((peers && n === 100) || n === 1)) {
    const dir = kustomizeFolder(n, nodeBin);
    set.push(command('kustomize', 'kubectl', ['kustomize', dir], { cwd: work, env: ordinary }));
    specsOf.push({ label: `  kubectl kustomize, the same Kubernetes files as a static folder, ${n} service${n > 1 ? 's' : ''}`, cmd: 'kustomize', env: 'ordinary' });
  }
  if (shm && shmSpecs[n] && nodeBin === node) {
    set.push(writer('codegen shm', nodeBin, gen(shmSpecs[n]), shm, ordinary));
    specsOf.push({ label: `cold generate, ${n.toLocaleString('en')} services, every target, RAM disk`, cmd: 'codegen shm', env: 'ordinary', disk: shmDisk, peers: [['template', 'template shm']] });
    if (withPeers) {
      set.push(writer('template shm', nodeBin, template(shmSpecs[n]), shm, ordinary));
      specsOf.push({ label: `  template peer, ${n.toLocaleString('en')} services, RAM disk`, cmd: 'template shm', env: 'ordinary', disk: shmDisk });
    }
  }
  // A one-service run is short (~50 ms) and its spread is several percent of it: four times the
  // rounds (at least 20), so the medians and the ratios to the floor and the peers hold still.
  const rounds = n === 1 ? oneServiceRounds : runs;
  progress(`cold set: ${n} service(s) under Node ${label}, ${set.length} commands × ${rounds} rounds`);
  const m = measureSet(set, rounds);
  if (n === 1) {
    for (const [envLabel] of envs) {
      const vs = envLabel === 'as is' ? [['floor ordinary', ratio(m, 'floor as is', 'floor ordinary')]] : [];
      rows.push({ name: `floor: node -e 0${envLabel === 'as is' ? ', NODE_EXTRA_CA_CERTS as set' : ''}`, cond: conditions(label, envLabel, disk, m), ms: m.median[`floor ${envLabel}`], vs });
    }
  }
  for (const s of specsOf) addRows(m, label, s.disk ?? disk, [s]);
  return m;
}

/** The Kubernetes files codegen writes for `n` services, as a static folder with one kustomization over all. */
const kustomizeFolders = {};
function kustomizeFolder(n, nodeBin) {
  if (kustomizeFolders[n]) return kustomizeFolders[n];
  const out = join(work, `static-${n}`);
  timeOnce(nodeBin, gen(specs[n], ['--target', 'kubernetes'])(out), { cwd: work, env: ordinary });
  // The service folders (not the output folder's manifest, .codegen-manifest.json).
  const services = readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const dir = n === 1 ? join(out, services[0], 'kubernetes') : join(work, `static-${n}-all`);
  if (n > 1) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n${services.map((s) => `  - ../static-${n}/${s}/kubernetes\n`).join('')}`);
  }
  return (kustomizeFolders[n] = dir);
}

// ---------------------------------------------------------------------------------------------
// Measurements

const extra = [];
try {
  for (const n of [1, 10, 100]) coldSet(n, node, nodeLabel);

  // File-system floor and CPU split at 100 services: the same tree with bare fs calls; user and
  // kernel CPU of codegen and of the template peer.
  const tree = join(work, 'tree-100.json');
  const sample = join(work, 'sample-100');
  timeOnce(node, gen(specs[100])(sample), { cwd: work, env: ordinary });
  const files = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(join(d, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(d, p);
      else files.push([p, readFileSync(join(d, p), 'utf8')]);
    }
  };
  walk(sample, '');
  writeFileSync(tree, JSON.stringify(files));
  const floorScript = join(work, 'fs-floor.mjs');
  writeFileSync(
    floorScript,
    `import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';\nimport { dirname, join } from 'node:path';\nconst [dest, list] = process.argv.slice(2);\nfor (const [p, text] of JSON.parse(readFileSync(list, 'utf8'))) { const f = join(dest, p); mkdirSync(dirname(f), { recursive: true }); writeFileSync(f, text); }\n`,
  );
  progress('file-system floor and CPU split at 100 services');
  const fsm = measureSet([floor(node, 'ordinary', ordinary), writer('fs floor', node, (out) => [floorScript, out, tree], work, ordinary)], runs);
  rows.push({ name: `  file-system floor: the same 100-service tree (${files.length} files), bare fs calls`, cond: conditions(nodeLabel, 'ordinary', disk, fsm), ms: fsm.median['fs floor'], vs: [['floor ordinary', ratio(fsm, 'fs floor', 'floor ordinary')]] });
  const probe = join(root, 'bench/lib/rusage.cjs');
  const usage = { codegen: [], template: [] };
  for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
    for (const [who, argvOf] of [['codegen', (o) => ['-r', probe, ...gen(specs[100])(o)]], ['template', (o) => ['-r', probe, ...template(specs[100])(o)]]]) {
      if (who === 'template' && !withPeers) continue;
      const out = join(work, `usage-${who}-${i}`);
      const r = spawnSync(node, argvOf(out), { cwd: work, env: ordinary, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`bench: the CPU-time run of ${who} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
      usage[who].push(JSON.parse(/BENCH_RUSAGE=(.*)/.exec(r.stderr)[1]));
      finished(out);
    }
  }
  for (const who of ['codegen', 'template']) {
    if (!usage[who].length) continue;
    const user = median(usage[who].map((u) => u.user)) / 1000;
    const sys = median(usage[who].map((u) => u.system)) / 1000;
    extra.push({ name: `CPU of a cold run at 100 services, ${who}${who === 'codegen' ? ' (9 files in 6 folders per service)' : ' (5 files in 1 folder per service)'}`, value: `user ${user.toFixed(0)} ms, kernel ${sys.toFixed(0)} ms (${(sys / 100).toFixed(2)} ms per service)`, cond: { node: nodeLabel, env: 'ordinary', disk, load: loadavg()[0] } });
  }

  // The everyday case (a pre-commit hook): the output exists and is up to date.
  const upToDate = join(work, 'up-to-date-100');
  timeOnce(node, gen(specs[100])(upToDate), { cwd: work, env: ordinary });
  const cacheArgs = ['--check', '--cache', '--cache-location', join(work, 'cache-100')];
  timeOnce(node, gen(specs[100], cacheArgs.slice(1))(upToDate), { cwd: work, env: ordinary });
  progress('100 services, output up to date');
  const u = measureSet(
    [...envs.map(([l, e]) => floor(node, l, e)), command('up to date', node, gen(specs[100])(upToDate), { env: ordinary, cwd: work }), command('check cache', node, gen(specs[100], cacheArgs)(upToDate), { env: ordinary, cwd: work })],
    runs,
  );
  addRows(u, nodeLabel, disk, [
    { label: 'generate, 100 services, output up to date', cmd: 'up to date', env: 'ordinary' },
    { label: 'generate --check --cache, 100 services, up to date', cmd: 'check cache', env: 'ordinary' },
  ]);

  if (with1000) {
    coldSet(1000, node, nodeLabel, { peers: true });
    const full = join(work, 'up-to-date-1000');
    timeOnce(node, gen(specs[1000])(full), { cwd: work, env: ordinary });
    progress('generate --check, 1,000 services up to date');
    const c = measureSet([floor(node, 'ordinary', ordinary), command('check 1000', node, gen(specs[1000], ['--check'])(full), { env: ordinary, cwd: work })], runs);
    addRows(c, nodeLabel, disk, [{ label: 'generate --check, 1,000 services (up to date)', cmd: 'check 1000', env: 'ordinary' }]);
    finished(full);

    // Peak RSS of a cold CLI run at 1,000 services (median of 3): with the start-up cache the
    // untimed round wrote, and with an empty cache folder each time, as on a fresh CI runner (the
    // run compiles the bundle's functions from source and writes the cache at exit).
    // The specs as 1,000 file arguments, and as their folder (the CLI reads the start of every
    // file in it to find the specs: one buffer per file once cost 9 MiB of peak).
    const specsFolder = dirname(specs[1000][0]);
    const peakRss = (name, { fresh = false, folder = false } = {}) => {
      progress(name);
      const rss = [];
      for (let i = 0; i < 3; i++) {
        const out = join(work, `rss-${fresh ? 'fresh-' : ''}${folder ? 'folder-' : ''}${i}`);
        const cacheFolder = fresh ? join(work, `compile-cache-fresh-${i}`) : undefined;
        const env = cacheFolder ? { ...ordinary, NODE_COMPILE_CACHE: cacheFolder } : ordinary;
        const r = spawnSync(node, ['-r', probe, ...gen(folder ? [specsFolder] : specs[1000])(out)], { cwd: work, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (r.status !== 0) throw new Error(`bench: the RSS run exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
        rss.push(JSON.parse(/BENCH_RUSAGE=(.*)/.exec(r.stderr)[1]).maxRSS);
        finished(out);
        if (cacheFolder) finished(cacheFolder);
      }
      const mib = median(rss) / 1024;
      extra.push({ name, value: `${mib.toFixed(1)} MiB`, target: '≤ 100 MiB', met: mib <= 100, cond: { node: nodeLabel, env: 'ordinary', disk, load: loadavg()[0] } });
    };
    peakRss('peak RSS, cold CLI, 1,000 services (median of 3)');
    peakRss('peak RSS, cold CLI, 1,000 services given as their folder (median of 3)', { folder: true });
    peakRss('peak RSS, cold CLI, 1,000 services, empty start-up cache (a fresh CI runner; median of 3)', { fresh: true });
  }

  // In-process compile(): the first N calls of a fresh process, and the steady state.
  const n = with1000 ? 1000 : 100;
  const list = join(work, `inproc-${n}.json`);
  writeFileSync(list, JSON.stringify(specs[n]));
  const inproc = (mode) => {
    const r = spawnSync(node, [join(root, 'bench/lib/inproc.mjs'), mode, list], { cwd: work, env: ordinary, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`bench: the in-process run (${mode}) exited ${r.status ?? r.signal}: ${r.stderr.slice(0, 500)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  progress(`in-process: the first ${n} compile() calls, ${runs} fresh processes`);
  const firsts = [];
  const load0 = loadavg()[0];
  for (let i = 0; i < runs; i++) firsts.push(inproc('first'));
  const cond = { node: nodeLabel, env: 'ordinary', disk, load: (load0 + loadavg()[0]) / 2 };
  const fm = median(firsts.map((f) => f.ms));
  const fc = firsts.every((f) => f.cpu !== undefined) ? median(firsts.map((f) => f.cpu)) : undefined;
  extra.push({ name: `in-process compile(), the first ${n.toLocaleString('en')} calls of a fresh process (no warm-up)`, value: `${fm.toFixed(0)} ms${fc === undefined ? '' : ` (main thread CPU ${fc.toFixed(0)} ms)`}`, target: n === 1000 ? '≤ 1,000 ms' : undefined, met: n === 1000 ? fm <= 1000 : undefined, cond });
  progress('in-process: steady state');
  const st = inproc('steady');
  extra.push({ name: `in-process compile(), ${n.toLocaleString('en')} calls in steady state (after ${st.before.toLocaleString('en')} compiles)`, value: `${st.ms.toFixed(0)} ms${st.cpu === undefined ? '' : ` (main thread CPU ${st.cpu.toFixed(0)} ms)`}`, cond: { ...cond, load: loadavg()[0] } });

  // Other Node releases: the cold rows at 1 and 100 services.
  for (const v of otherNodes) {
    const got = nodeRelease(root, v);
    if (typeof got === 'string') {
      notice(`${got}: its rows are skipped.`);
      continue;
    }
    const [label, bin] = got;
    coldSet(1, bin, label, { peers: false });
    coldSet(100, bin, label, { peers: false });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  if (shm) rmSync(shm, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ${runs} rounds (${oneServiceRounds} for one service); disk ${disk}${shm ? `, RAM disk ${shmDisk}` : ''}`;
printReport({ markdown, machine, rows, extra, notices, caSet });
