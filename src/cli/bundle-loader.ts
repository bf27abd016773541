/**
 * Runs the CLI bundle (one CommonJS script, dist/cli-main.cjs) through `vm.Script` with the V8
 * code cache the build wrote beside it (dist/cli-main.cache), so a cold `codegen` skips most of
 * parsing and compiling. Node 20 has no `module.enableCompileCache`; this is the same idea by hand.
 *
 * The cache is only ever read here, never written (the package folder may be read-only): the build
 * writes it (scripts/build-code-cache.mjs). A missing, foreign or damaged cache costs nothing but
 * the saving: V8 rejects a cache from another V8 version, other flags or another source length, the
 * header below rejects one made for another bundle size or cut short, and the script then compiles
 * from source exactly as it would without a cache. Nothing is ever printed about the cache.
 * Not caught (release V8 does not checksum code caches, and hashing 2 MB would cost what the cache
 * saves): bytes flipped inside the V8 data, or a hand edit of the bundle that keeps its length —
 * like any damage to dist/ itself. The build rewrites both together.
 */
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** Cache file layout: MAGIC, then bundle byte length and V8 data length (uint32 LE), then the V8 data. */
export const CACHE_MAGIC = 'codegen-v8cache/1\n';
const HEADER = CACHE_MAGIC.length + 8;

/** The script name the build compiles under: a cache keeps it, and it must not be the build's own path. */
export const CACHE_SCRIPT_NAME = 'codegen/dist/cli-main.cjs';

/**
 * The CommonJS wrapper, on the bundle's first line so line numbers in stack traces stay right.
 * `__codegenHostImport` is how the bundle imports a user's plugin or config module (see tsup.config.ts):
 * on Node 20 a script compiled from a code cache loses its own import() hook.
 */
const HEAD = '(function (exports, require, module, __filename, __dirname, __codegenHostImport) {';
const TAIL = '\n})';

/** import() made by this ES module, for the bundle (specifiers are absolute file: URLs). */
const hostImport = (specifier: string): Promise<unknown> => import(specifier);

export type CacheState = 'accepted' | 'rejected' | 'absent';

export interface LoadedBundle {
  /** The compiled script: `createCachedData()` after a workload is how the build makes the cache. */
  script: vm.Script;
  /** The bundle's `module.exports`. */
  exports: Record<string, unknown>;
  /** What became of the cache: for the build (to check its product) and the tests, never printed. */
  cache: CacheState;
}

/** The cache file's bytes for V8 data made from a bundle of `bundleBytes` bytes. */
export function encodeCache(bundleBytes: number, data: Uint8Array): Buffer {
  const out = Buffer.alloc(HEADER + data.length);
  out.write(CACHE_MAGIC, 0, 'latin1');
  out.writeUInt32LE(bundleBytes, CACHE_MAGIC.length);
  out.writeUInt32LE(data.length, CACHE_MAGIC.length + 4);
  out.set(data, HEADER);
  return out;
}

/** The V8 data in a cache file, or undefined when the file is absent, not ours, cut short or for another bundle. */
export function readCache(file: string, bundleBytes: number): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch {
    return undefined;
  }
  if (raw.length < HEADER || raw.toString('latin1', 0, CACHE_MAGIC.length) !== CACHE_MAGIC) return undefined;
  if (raw.readUInt32LE(CACHE_MAGIC.length) !== bundleBytes) return undefined;
  const size = raw.readUInt32LE(CACHE_MAGIC.length + 4);
  if (size === 0 || raw.length !== HEADER + size) return undefined;
  return raw.subarray(HEADER);
}

/**
 * Load and run the CommonJS bundle `file`, with the code cache in `cacheFile` when it is usable.
 * `name` is the script's name in stack traces; V8 keeps the name the cache was made under, so the
 * build passes a name without its own folder in it (CACHE_SCRIPT_NAME).
 */
export function loadBundle(file: string, cacheFile: string | undefined, name = file): LoadedBundle {
  const bytes = readFileSync(file);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, bytes.length);
  // The bundle is ASCII (esbuild escapes the rest): read as Latin-1, it is copied, not decoded.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(HEAD + source + TAIL, { filename: name, cachedData });
  const module = { exports: {} as Record<string, unknown>, id: file, filename: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), hostImport);
  module.loaded = true;
  return { script, exports: module.exports, cache: cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted' };
}
