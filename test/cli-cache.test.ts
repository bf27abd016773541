/**
 * The built `codegen` bin (dist/cli.cjs) runs the CLI bundle (dist/cli-main.cjs) with a code cache
 * made on the machine that runs it, on every Node release the loader's (src/cli/bundle-loader.ts),
 * keyed on the exact Node binary and flags. No cache ships in dist/ (one
 * made by another Node 20 patch release is accepted by V8 and crashes). These tests need the build
 * (`npm run build`; CI and `npm ci` run it first). Every cache here lives in a temp folder given by
 * NODE_COMPILE_CACHE, so the machine's own cache folder is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTree, ROOT } from './helpers/fixtures.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { BUNDLE_HEAD, CACHE_MAGIC, decodeCache, encodeCache, isWrapped, KEEP_CACHES, loadBundle, pruneCaches, targetsTag } from '../src/cli/bundle-loader.js';

const DIST = join(ROOT, 'dist');
const BIN_FILES = ['cli.cjs', 'cli-loader.js', 'cli-main.cjs'];
const SEED = join(ROOT, 'fixtures/seed/service.yaml');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A fresh folder for NODE_COMPILE_CACHE. */
const cacheRoot = (): string => mkdtempSync(join(tmpdir(), 'codegen-cc-'));

/**
 * Load the bundle through the loader (dist/cli-loader.js) in a fresh process with the cache folder
 * `dir`, without running a command, and say what became of the cache (the loader's own answer).
 */
function cacheState(dir: string | undefined): string {
  const code = `import { loadBundle } from ${JSON.stringify(pathToFileURL(join(DIST, 'cli-loader.js')).href)};
process.stdout.write(loadBundle(${JSON.stringify(join(DIST, 'cli-main.cjs'))}, { cacheDir: process.env.PROBE_DIR || undefined, command: 'probe' }).cache);`;
  // The folder goes in the environment: process.execArgv (the -e code) is part of the cache key.
  return execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, PROBE_DIR: dir ?? '' } });
}

/** `key` (a JSON array) with another V8 flag in its process.execArgv entry. */
function withFlags(key: string): string {
  const parts = JSON.parse(key) as unknown[];
  const at = parts.findIndex(Array.isArray);
  parts[at] = [...(parts[at] as string[]), '--max-old-space-size=64'];
  return JSON.stringify(parts);
}

/** The loader's cache files in `dir`. */
const cacheFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cache')) : []);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  files: Record<string, string>;
}

/** Run `node dist/cli.cjs generate <spec...> --out <tmp>` and collect everything it wrote. */
function generate(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): Run {
  const out = mkdtempSync(join(tmpdir(), 'codegen-cache-out-'));
  const r = spawnSync(process.execPath, [join(DIST, 'cli.cjs'), 'generate', ...args, '--out', out], { cwd, encoding: 'utf8', env: { ...process.env, NODE_COMPILE_CACHE: cacheRoot(), ...env } });
  const files = readTree(out);
  const clean = (s: string) => s.replaceAll(out, '<out>').replace(/ in \d+ ms/g, ' in <t> ms');
  return { status: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr), files };
}

describe('the built bin and its code cache', () => {
  let reference: Run;

  beforeAll(() => {
    for (const f of BIN_FILES) {
      if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run \`npm run build\` before these tests.`);
    }
    reference = generate([SEED], ROOT, { CODEGEN_NO_CODE_CACHE: '1' });
  });

  it('ships no code cache: the build leaves none in dist/', () => {
    expect(readdirSync(DIST).filter((f) => f.endsWith('.cache'))).toEqual([]);
  });

  it('generates the same files, output and exit code on the run that writes the cache and the run that uses it', () => {
    expect(reference.status).toBe(0);
    expect(Object.keys(reference.files).length).toBeGreaterThan(5);
    const dir = cacheRoot();
    expect(generate([SEED], ROOT, { NODE_COMPILE_CACHE: dir })).toEqual(reference);
    // The loader's cache was written there, in its own folder (on Node ≥ 22 the variable also turns
    // on Node's own compile cache, which then holds the small bin).
    expect(readdirSync(dir)).toContain('codegen');
    expect(cacheFiles(join(dir, 'codegen')).length).toBeGreaterThan(0);
    expect(generate([SEED], ROOT, { NODE_COMPILE_CACHE: dir })).toEqual(reference);
  });

  it('the loader writes its cache at exit and V8 accepts it in the next process', () => {
    const dir = join(cacheRoot(), 'codegen');
    expect(cacheState(dir)).toBe('absent');
    const [file] = cacheFiles(dir);
    expect(file).toBeDefined();
    expect(lstatSync(dir).mode & 0o077).toBe(0);
    expect(lstatSync(join(dir, file!)).mode & 0o077).toBe(0);
    expect(cacheState(dir)).toBe('accepted');
    expect(cacheState(undefined)).toBe('off');
  });

  it('is written again when a run emits what it was made without (another target), and only then', () => {
    // The cache holds what its run compiled: made by a Kubernetes-only run, it lacked every other
    // target's emitters and verifiers, and every later run compiled them again.
    const root = cacheRoot();
    const dir = join(root, 'codegen');
    const header = (name: string): { size: number; commands: string[]; mtimeMs: number } => {
      const raw = readFileSync(join(dir, name));
      const at = CACHE_MAGIC.length + 4;
      const h = JSON.parse(raw.toString('utf8', at, at + raw.readUInt32LE(CACHE_MAGIC.length))) as { commands: string[] };
      return { size: raw.length, commands: h.commands, mtimeMs: lstatSync(join(dir, name)).mtimeMs };
    };
    // A spec whose only target is Kubernetes: the same command line as the seed's, other work.
    const spec = parseYaml(readFileSync(SEED, 'utf8')) as { targets: Record<string, unknown> };
    spec.targets = { kubernetes: spec.targets.kubernetes };
    const k8sSpec = join(mkdtempSync(join(tmpdir(), 'codegen-k8s-spec-')), 'service.yaml');
    writeFileSync(k8sSpec, stringifyYaml(spec));
    expect(generate([k8sSpec], ROOT, { NODE_COMPILE_CACHE: root }).status).toBe(0);
    const [name] = cacheFiles(dir);
    const first = header(name!);
    expect(first.commands).toContain('generate');
    expect(first.commands).toContain('emit:kubernetes:deployment');
    expect(first.commands.filter((c) => c.startsWith('emit:ecs:'))).toEqual([]);
    expect(generate([SEED], ROOT, { NODE_COMPILE_CACHE: root })).toEqual(reference);
    const second = header(name!);
    expect(second.commands.slice(0, first.commands.length)).toEqual(first.commands);
    expect(second.commands).toContain('emit:ecs:task-definition');
    expect(second.size).toBeGreaterThan(first.size);
    // Nothing new: the file is left as it is.
    expect(generate([SEED], ROOT, { NODE_COMPILE_CACHE: root })).toEqual(reference);
    expect(generate([k8sSpec], ROOT, { NODE_COMPILE_CACHE: root }).status).toBe(0);
    expect(header(name!)).toEqual(second);
    expect(cacheFiles(dir)).toEqual([name]);
    // A run that names its targets keeps a cache of its own, holding only what that run compiles.
    expect(generate([SEED, '--target', 'kubernetes'], ROOT, { NODE_COMPILE_CACHE: root }).status).toBe(0);
    const own = cacheFiles(dir).filter((f) => f !== name);
    expect(own).toHaveLength(1);
    expect(header(own[0]!).commands.filter((c) => c.startsWith('emit:ecs:'))).toEqual([]);
    expect(header(own[0]!).size).toBeLessThan(second.size);
    expect(header(name!)).toEqual(second);
  });

  it('names the targets of a command line the same however they are written', () => {
    expect(targetsTag(['generate', 'a.yaml', '--target', 'kubernetes,ecs'])).toBe('ecs,kubernetes');
    expect(targetsTag(['generate', '-t', 'ecs', '--target=kubernetes', '-tecs'])).toBe('ecs,kubernetes');
    expect(targetsTag(['generate', 'a.yaml'])).toBe('');
    expect(targetsTag(['generate', '--targets', 'x', '--', 'y'])).toBe('');
  });

  it('ignores a cache made under another key (another Node build, other V8 flags), and damaged files', () => {
    const dir = join(cacheRoot(), 'codegen');
    cacheState(dir);
    const [name] = cacheFiles(dir);
    const file = join(dir, name!);
    const good = readFileSync(file);
    const key = (JSON.parse(good.toString('utf8', CACHE_MAGIC.length + 4, CACHE_MAGIC.length + 4 + good.readUInt32LE(CACHE_MAGIC.length))) as { key: string }).key;
    const data = decodeCache(good, key)!.data;
    const other = new vm.Script('(function () { return 1; })').createCachedData();
    const cases: [string, Buffer, string][] = [
      // What crashed Node 20: V8 data made by another patch release. Its key differs, so V8 never sees it.
      ['another Node release', encodeCache({ key: key.replace(process.version, 'v20.0.0'), commands: ['probe'] }, data), 'absent'],
      ['other V8 flags', encodeCache({ key: withFlags(key), commands: ['probe'] }, data), 'absent'],
      ['garbage', Buffer.from('not a code cache at all'), 'absent'],
      ['cut short', good.subarray(0, good.length >> 1), 'absent'],
      ['one byte too many', Buffer.concat([good, Buffer.from([0])]), 'absent'],
      // Our key is right, so V8 itself gets the data, and rejects it (another source).
      ['V8 data for another script', encodeCache({ key, commands: ['probe'] }, other), 'rejected'],
    ];
    for (const [why, bytes, state] of cases) {
      writeFileSync(file, bytes, { mode: 0o600 });
      expect(cacheState(dir), why).toBe(state);
      // The run rewrote it: the next process accepts the cache again.
      expect(cacheState(dir), why).toBe('accepted');
    }
  });

  it('never follows a symbolic link, and uses no folder or file another user could write', () => {
    const base = cacheRoot();
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere, { mode: 0o700 });
    // The cache folder is a link: not read, not written through.
    symlinkSync(elsewhere, join(base, 'codegen'));
    expect(cacheState(join(base, 'codegen'))).toBe('absent');
    expect(cacheState(join(base, 'codegen'))).toBe('absent');
    expect(readdirSync(elsewhere)).toEqual([]);
    // The cache file is a link to a good cache: not read; the new cache replaces the link, not its target.
    const real = join(cacheRoot(), 'codegen');
    cacheState(real);
    const [name] = cacheFiles(real);
    const linked = join(cacheRoot(), 'codegen');
    mkdirSync(linked, { mode: 0o700 });
    const target = join(elsewhere, 'target.cache');
    copyFileSync(join(real, name!), target);
    const before = readFileSync(target);
    symlinkSync(target, join(linked, name!));
    expect(cacheState(linked)).toBe('absent');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readdirSync(linked)).toEqual([name]);
    expect(lstatSync(join(linked, name!)).isSymbolicLink()).toBe(false);
    expect(cacheState(linked)).toBe('accepted');
    // A folder others can write to is not used at all.
    const open = join(cacheRoot(), 'codegen');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(cacheState(open)).toBe('absent');
    expect(cacheFiles(open)).toEqual([]);
  });

  it('a cache folder that cannot be made costs nothing: same output, nothing printed', () => {
    const base = cacheRoot();
    writeFileSync(join(base, 'file'), 'not a folder');
    expect(generate([SEED], ROOT, { NODE_COMPILE_CACHE: join(base, 'file', 'below') })).toEqual(reference);
  });

  it('loads a plugin and an ES module config by import() from the cached bundle, without warnings', () => {
    const plugin = join(ROOT, 'fixtures/extend/plugin');
    const r = generate(['service.yaml'], plugin);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/Warning|PLUGIN_LOAD_FAILED/);
    const expected = join(plugin, 'expected/catalog/kubernetes/network-policy.yaml');
    expect(r.files['catalog/kubernetes/network-policy.yaml']).toBe(readFileSync(expected, 'utf8'));

    const project = mkdtempSync(join(tmpdir(), 'codegen-cache-config-'));
    copyFileSync(SEED, join(project, 'service.yaml'));
    writeFileSync(join(project, 'codegen.config.mjs'), "export default { specs: ['service.yaml'], targets: ['kubernetes'] };\n");
    const c = generate([], project);
    expect(c.stderr).not.toMatch(/CONFIG_LOAD_FAILED|ExperimentalWarning/);
    expect(c.status).toBe(0);
    // Every generated file is a Kubernetes one (besides the output folder's manifest).
    expect(Object.keys(c.files).filter((f) => f !== '.codegen-manifest.json').every((f) => f.startsWith('my-app/kubernetes/'))).toBe(true);
    expect(c.files['my-app/kubernetes/deployment.yaml']).toBe(reference.files['my-app/kubernetes/deployment.yaml']);
  });

  it('finds the bundled schemas (vendor/) from the bundle for verify', () => {
    const r = spawnSync(process.execPath, [join(DIST, 'cli.cjs'), 'verify', SEED, '-q'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the bundle carries its wrapper, so its text is compiled as read; a bundle without one is wrapped by the loader', () => {
    const built = readFileSync(join(DIST, 'cli-main.cjs'), 'latin1');
    expect(built.startsWith(BUNDLE_HEAD)).toBe(true);
    expect(isWrapped(built)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'codegen-wrap-'));
    const plain = join(dir, 'plain.cjs');
    writeFileSync(plain, "'use strict'; module.exports.answer = typeof __codegenHostImport + ':' + require('node:path').basename(__filename);\n");
    const wrapped = join(dir, 'wrapped.cjs');
    writeFileSync(wrapped, `${BUNDLE_HEAD}'use strict'; module.exports.answer = typeof __codegenHostImport + ':' + require('node:path').basename(__filename);\n})\n`);
    expect(isWrapped(readFileSync(plain, 'latin1'))).toBe(false);
    expect(loadBundle(plain).exports.answer).toBe('function:plain.cjs');
    expect(loadBundle(wrapped).exports.answer).toBe('function:wrapped.cjs');
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

describe('the code cache folder does not grow without end', () => {
  it('keeps the newest KEEP_CACHES cache files and the one just written, and old temporary files go', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-cache-prune-'));
    const now = Date.now();
    const names = Array.from({ length: 12 }, (_, i) => `cli-main-${String(i).padStart(8, '0')}.cache`);
    names.forEach((n, i) => {
      writeFileSync(join(dir, n), 'x');
      // cli-main-00000000 is the newest, cli-main-00000011 the oldest.
      utimesSync(join(dir, n), new Date(now - i * 60_000), new Date(now - i * 60_000));
    });
    const justWritten = join(dir, names[11]!); // the oldest mtime, but the file this run wrote
    writeFileSync(join(dir, 'cli-main-x.cache.1.a.tmp'), 'x');
    utimesSync(join(dir, 'cli-main-x.cache.1.a.tmp'), new Date(now - 2 * 3600_000), new Date(now - 2 * 3600_000));
    writeFileSync(join(dir, 'cli-main-y.cache.2.b.tmp'), 'x'); // a run writing now
    writeFileSync(join(dir, 'unrelated.txt'), 'x');
    pruneCaches(dir, justWritten, now);
    const left = readdirSync(dir).sort();
    expect(left).toEqual([...names.slice(0, KEEP_CACHES - 1), names[11]!, 'cli-main-y.cache.2.b.tmp', 'unrelated.txt'].sort());
    expect(KEEP_CACHES).toBe(8);
  });
});
