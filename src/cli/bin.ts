/**
 * The `codegen` bin (dist/cli.cjs, CommonJS): runs the CLI bundle dist/cli-main.cjs through
 * vm.Script with a V8 code cache written on this machine by this Node binary (bundle-loader.ts), so
 * a cold start skips most of compiling it. No cache is shipped: a V8 cache made by another Node
 * release can be accepted and crash (see bundle-loader.ts).
 *
 * The same loader on every Node release. Node's own compile cache (`module.enableCompileCache()`,
 * Node ≥ 22.1) is not used: it records the code cache right after compiling the bundle, so it holds
 * only the functions compiled at load, and every other function of a run is compiled again in every
 * process (a one-service generate used 1.38× the CPU time with it on Node 22, docs/benchmarks.md).
 * The loader's cache is written at exit and holds every function the run compiled.
 * NODE_DISABLE_COMPILE_CACHE=1 or CODEGEN_NO_CODE_CACHE=1: no cache at all.
 */
import { join } from 'node:path';
import { cacheDir, commandTag, loadBundle, targetsTag } from './bundle-loader.js';

// Built as CommonJS (tsup.config.ts): __dirname is the dist folder.
const bundle = join(__dirname, 'cli-main.cjs');
// A `--concurrency` worker (argv ends with its flag, see src/project/parallel.ts) reads the cache but never writes it.
const args = process.argv.slice(2);
loadBundle(bundle, { cacheDir: cacheDir(), command: commandTag(args), variant: targetsTag(args), write: process.argv[2] !== '--codegen-compile-worker' });
