/**
 * The built `codegen` bin (dist/cli.cjs) runs the CLI bundle (dist/cli-main.cjs) with the V8 code
 * cache the build writes (dist/cli-main.cache). These tests need the build (`npm run build`; CI and
 * `npm ci` run it first): they check that V8 accepts the cache, and that without it, or with a
 * damaged one, the bin behaves exactly the same and says nothing about it. Damaged copies are made
 * in temp folders: dist/ itself is never changed here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';
import { encodeCache } from '../src/cli/bundle-loader.js';

const DIST = join(ROOT, 'dist');
const BIN_FILES = ['cli.cjs', 'cli-loader.js', 'cli-main.cjs'];
const SEED = join(ROOT, 'fixtures/seed/service.yaml');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A copy of the bin in a temp folder, with `cache` as its cache file (undefined: none). */
function binCopy(cache: Buffer | undefined): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'codegen-cache-')), 'dist');
  mkdirSync(dir);
  for (const f of BIN_FILES) copyFileSync(join(DIST, f), join(dir, f));
  cpSync(join(DIST, 'vendor-schemas'), join(dir, 'vendor-schemas'), { recursive: true }); // what verification reads
  if (cache) writeFileSync(join(dir, 'cli-main.cache'), cache);
  return dir;
}

/** What became of the cache when the bundle in `dir` loads (the loader's own answer, in a fresh process). */
function cacheState(dir: string): string {
  const code = `import { loadBundle } from ${JSON.stringify(pathToFileURL(join(dir, 'cli-loader.js')).href)};
process.stdout.write(loadBundle(${JSON.stringify(join(dir, 'cli-main.cjs'))}, ${JSON.stringify(join(dir, 'cli-main.cache'))}).cache);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** Run `node <dir>/cli.cjs generate <spec...> --out <tmp>` and collect everything it wrote. */
function generate(dir: string, args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const out = mkdtempSync(join(tmpdir(), 'codegen-cache-out-'));
  const r = spawnSync(process.execPath, [join(dir, 'cli.cjs'), 'generate', ...args, '--out', out], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const files: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(out, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(out);
  const clean = (s: string) => s.replaceAll(out, '<out>').replace(/ in \d+ ms/g, ' in <t> ms');
  return { status: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr), files };
}

describe('the built bin and its V8 code cache', () => {
  let cache: Buffer;
  let reference: Run;

  beforeAll(() => {
    for (const f of [...BIN_FILES, 'cli-main.cache']) {
      if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run \`npm run build\` before these tests.`);
    }
    cache = readFileSync(join(DIST, 'cli-main.cache'));
    reference = generate(DIST, [SEED], ROOT, { CODEGEN_NO_CODE_CACHE: '1' });
  });

  it('V8 accepts the cache the build wrote', () => {
    expect(cacheState(DIST)).toBe('accepted');
  });

  it('generates the same files, output and exit code with the cache as without it', () => {
    expect(reference.status).toBe(0);
    expect(Object.keys(reference.files).length).toBeGreaterThan(5);
    expect(generate(DIST, [SEED])).toEqual(reference);
  });

  it('falls back silently when the cache file is absent', () => {
    const dir = binCopy(undefined);
    expect(cacheState(dir)).toBe('absent');
    expect(generate(dir, [SEED])).toEqual(reference);
  });

  it('falls back silently when the cache is garbage, cut short, or V8 data for another script', () => {
    const other = new vm.Script('(function () { return 1; })').createCachedData();
    const damaged: [string, Buffer, string][] = [
      ['garbage', Buffer.from('not a code cache at all'), 'absent'],
      ['cut short', cache.subarray(0, cache.length >> 1), 'absent'],
      ['header for another bundle', encodeCache(statSync(join(DIST, 'cli-main.cjs')).size + 1, cache.subarray(cache.length - 64)), 'absent'],
      // Our header is right, so V8 itself gets the data, and rejects it (another source).
      ['V8 data for another script', encodeCache(statSync(join(DIST, 'cli-main.cjs')).size, other), 'rejected'],
    ];
    for (const [why, bytes, state] of damaged) {
      const dir = binCopy(bytes);
      expect(cacheState(dir), why).toBe(state);
      expect(generate(dir, [SEED]), why).toEqual(reference);
    }
  });

  it('holds no path of the folder it was built in', () => {
    expect(cache.includes(ROOT.replace(/\/$/, ''))).toBe(false);
  });

  it('loads a plugin and an ES module config by import() from the cached bundle, without warnings', () => {
    const plugin = join(ROOT, 'fixtures/extend/plugin');
    const r = generate(DIST, ['service.yaml'], plugin);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Warning|PLUGIN_LOAD_FAILED/);
    const expected = join(plugin, 'expected/catalog/kubernetes/network-policy.yaml');
    expect(r.files['catalog/kubernetes/network-policy.yaml']).toBe(readFileSync(expected, 'utf8'));

    const project = mkdtempSync(join(tmpdir(), 'codegen-cache-config-'));
    copyFileSync(SEED, join(project, 'service.yaml'));
    writeFileSync(join(project, 'codegen.config.mjs'), "export default { specs: ['service.yaml'], targets: ['kubernetes'] };\n");
    const c = generate(DIST, [], project);
    expect(c.stderr).not.toMatch(/CONFIG_LOAD_FAILED|ExperimentalWarning/);
    expect(c.status).toBe(0);
    expect(Object.keys(c.files).every((f) => f.startsWith('my-app/kubernetes/'))).toBe(true);
    expect(c.files['my-app/kubernetes/deployment.yaml']).toBe(reference.files['my-app/kubernetes/deployment.yaml']);
  });

  it('finds the bundled schemas (vendor/) from the bundle for verify', () => {
    const r = spawnSync(process.execPath, [join(DIST, 'cli.cjs'), 'verify', SEED, '-q'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('bundles its libraries: yaml, Handlebars and fast-json-patch are not required at run time', () => {
    const bundle = readFileSync(join(DIST, 'cli-main.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(["'](yaml|handlebars|fast-json-patch)["']\)/);
    expect(bundle).toContain('YAMLMap');
  });

  it('runs as the package bin (npx --no-install codegen)', () => {
    const r = spawnSync('npx', ['--no-install', 'codegen', '--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(VERSION);
    expect(r.status).toBe(0);
  });

  it('a plain generate loads no built-in module it does not need (crypto, streams, fs/promises, perf_hooks)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-mods-'));
    const probe = join(dir, 'probe.cjs');
    // fs.writeSync: touching process.stderr would itself load the stream modules.
    writeFileSync(probe, "process.on('exit', () => { require('fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList)); });\n");
    const r = spawnSync(process.execPath, ['--require', probe, join(DIST, 'cli.cjs'), 'generate', SEED, '--out', join(dir, 'out'), '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const loaded = JSON.parse(r.stderr.slice(r.stderr.indexOf('MODULES ') + 8)) as string[];
    expect(loaded.filter((m) => /^NativeModule (crypto|stream|perf_hooks|fs\/promises|internal\/fs\/promises|internal\/streams\/readable)$/.test(m))).toEqual([]);
  });

  it('the bin is CommonJS, and its earlier name dist/cli.js still runs it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.codegen).toBe('./dist/cli.cjs');
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'validate', SEED, '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
