/**
 * The `codegen` bin (dist/cli.cjs, CommonJS): runs the CLI bundle dist/cli-main.cjs with a code
 * cache, so a cold start skips most of compiling it. No cache is shipped: a V8 cache made by another
 * Node release can be accepted and crash (see bundle-loader.ts).
 * - Node with `module.enableCompileCache` (22.1 and later): Node's own compile cache, which Node
 *   keys on its own build, in Node's folder (NODE_COMPILE_CACHE, else `<os.tmpdir()>/node-compile-cache`);
 *   the bundle is then an ordinary require().
 * - Node 20: the bundle runs through vm.Script with a cache this machine writes (bundle-loader.ts).
 * NODE_DISABLE_COMPILE_CACHE=1 or CODEGEN_NO_CODE_CACHE=1: no cache at all.
 */
import module from 'node:module';
import { join } from 'node:path';
import { cacheDir, commandTag, loadBundle } from './bundle-loader.js';

// Built as CommonJS (tsup.config.ts): __dirname is the dist folder.
const bundle = join(__dirname, 'cli-main.cjs');
const enableCompileCache = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
if (typeof enableCompileCache === 'function') {
  // Never throws: a folder it cannot use makes it return a failed status, and the bundle compiles as usual.
  if (!process.env.CODEGEN_NO_CODE_CACHE) enableCompileCache();
  require(bundle);
} else {
  // A `--concurrency` worker (argv ends with its flag, see src/project/parallel.ts) reads the cache but never writes it.
  loadBundle(bundle, { cacheDir: cacheDir(), command: commandTag(process.argv.slice(2)), write: process.argv[2] !== '--codegen-compile-worker' });
}
