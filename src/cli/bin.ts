/**
 * The `codegen` bin (dist/cli.cjs, CommonJS): runs the CLI bundle dist/cli-main.cjs with the V8 code
 * cache the build wrote beside it (see bundle-loader.ts). CODEGEN_NO_CODE_CACHE=1 runs it without
 * the cache.
 */
import { join } from 'node:path';
import { loadBundle } from './bundle-loader.js';

// Built as CommonJS (tsup.config.ts): __dirname is the dist folder.
loadBundle(join(__dirname, 'cli-main.cjs'), process.env.CODEGEN_NO_CODE_CACHE ? undefined : join(__dirname, 'cli-main.cache'));
