#!/usr/bin/env node
/**
 * Build step after tsup (`npm run build`, `prepare`): writes dist/cli-main.cache, the V8 code cache
 * the `codegen` bin (dist/cli.cjs) hands to vm.Script so a cold start skips most compiling.
 *
 * A child process loads the bundle exactly as the bin does (dist/cli-loader.js, without a cache),
 * runs a representative workload — generate of the seed and example specs to every target, the same
 * again with --check, validate, --version, --help — and only then calls `script.createCachedData()`,
 * so the cache holds the functions those runs compiled, not just the top level. Verify, templates and
 * plugins are left out on purpose: they load lazily and only some runs need them. A second child then
 * loads the bundle with the new cache, as a cold bin run would, and checks that V8 accepts it.
 *
 * The cache is specific to this Node/V8 version and its flags; anywhere else V8 rejects it and the
 * bin compiles from source as if there were no cache. It holds compiled code, not paths or output.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const bundle = join(dist, 'cli-main.cjs');
const cacheFile = join(dist, 'cli-main.cache');
const loaderUrl = pathToFileURL(join(dist, 'cli-loader.js')).href;

/** Specs the workload compiles: the seed (every target, overrides) and the README example. */
const SPECS = ['fixtures/seed/service.yaml', 'examples/my-app/service.yaml'].map((p) => join(root, p)).filter((p) => existsSync(p));

const mode = process.argv[2];
if (mode === '--workload') await workload(process.argv[3]);
else if (mode === '--probe') await probe();
else build();

/**
 * dist/cli.js: the bin's earlier name. Links made to it before the bin became dist/cli.cjs (npx's
 * cache of a local package, older global installs) keep working through this one-line ES module.
 */
function writeCompatBin() {
  const file = join(dist, 'cli.js');
  writeFileSync(file, "#!/usr/bin/env node\n// The codegen bin is dist/cli.cjs; links made to its earlier name land here.\nimport './cli.cjs';\n");
  chmodSync(file, 0o755);
}

/** Parent: run the workload child, then the probe child; fail the build only if the bundle or the workload is broken. */
function build() {
  writeCompatBin();
  // The bundle's only import() must be the banner's fallback: any other would fail under the cache.
  const imports = readFileSync(bundle, 'utf8').match(/\bimport\(/g)?.length ?? 0;
  if (imports !== 1) throw new Error(`build-code-cache: dist/cli-main.cjs has ${imports - 1} import() calls besides the banner's; make them \`await import(\` of a computed specifier (see tsup.config.ts) or static.`);
  const work = mkdtempSync(join(tmpdir(), 'codegen-code-cache-'));
  try {
    // No NODE_OPTIONS: the cache is for a plain `codegen` run, and V8 rejects a cache made under other flags.
    const env = { ...process.env, NODE_OPTIONS: '' };
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--workload', tmp], { cwd: work, env, encoding: 'utf8' });
    if (made.status !== 0) {
      rmSync(tmp, { force: true });
      process.stderr.write(made.stderr);
      throw new Error(`build-code-cache: the CLI bundle failed its workload (exit ${made.status ?? made.signal}).`);
    }
    renameSync(tmp, cacheFile);
    const probed = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--probe'], { cwd: work, env, encoding: 'utf8' });
    const state = probed.stdout.trim();
    if (probed.status !== 0 || state !== 'accepted') {
      // Harmless (the bin falls back to compiling), but it means no speed-up on this machine.
      process.stderr.write(`build-code-cache: V8 did not accept the new code cache (${state || probed.stderr.trim()}); the CLI will run without it.\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Child: load the bundle as the bin does, run the workload, then write the cache it compiled. */
async function workload(out) {
  const { loadBundle, encodeCache, CACHE_SCRIPT_NAME } = await import(loaderUrl);
  const { script, exports } = loadBundle(bundle, undefined, CACHE_SCRIPT_NAME);
  const io = { stdout: () => {}, stderr: () => {}, cwd: process.cwd() };
  const run = async (argv) => {
    // 1 (a spec with errors) still compiles what a run needs; 2 means the workload itself is wrong.
    const code = await exports.main(argv, io);
    if (code !== 0 && code !== 1) throw new Error(`build-code-cache: codegen ${argv.join(' ')} exited ${code} during the workload.`);
  };
  for (const [i, spec] of SPECS.entries()) {
    const dir = join(process.cwd(), `out-${i}`);
    await run(['generate', spec, '--out', dir, '-q']);
    await run(['generate', spec, '--out', dir, '--check', '-q']);
    await run(['validate', spec]);
  }
  await run(['--version']);
  await run(['--help']);
  const data = script.createCachedData();
  writeFileSync(out, encodeCache(readFileSync(bundle).length, data));
}

/** Child: load the bundle with the cache, without running a command, and say whether V8 took it. */
async function probe() {
  const { loadBundle } = await import(loaderUrl);
  process.stdout.write(`${loadBundle(bundle, cacheFile).cache}\n`);
}
