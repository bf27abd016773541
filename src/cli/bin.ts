/**
 * The `codegen` bin (dist/cli.js): runs the CLI bundle dist/cli-main.cjs with the V8 code cache the
 * build wrote beside it (see bundle-loader.ts). CODEGEN_NO_CODE_CACHE=1 runs it without the cache.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './bundle-loader.js';

const dir = dirname(fileURLToPath(import.meta.url));
loadBundle(join(dir, 'cli-main.cjs'), process.env.CODEGEN_NO_CODE_CACHE ? undefined : join(dir, 'cli-main.cache'));
