/**
 * Locates and reads the bundled schema data under `vendor/schemas/` (shipped in the npm package).
 * Nothing is read until a verifier asks; every file is parsed once per process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlLibrary } from '../core/lazy-yaml.js';

let root: string | undefined;
/** True once setSchemasRoot() has named a folder: what was compiled from the bundled schemas no longer applies. */
let overridden = false;
const cache = new Map<string, unknown>();

function startDir(): string {
  // CJS build: __dirname; ESM (source, dist/index.js): import.meta.url.
  if (typeof __dirname === 'string') return __dirname;
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * The schemas folder: `vendor-schemas` beside the built bundle (dist/: the same data with the
 * schemas' documentation keywords removed at build, see scripts/verify-data.mjs), else the nearest
 * `vendor/schemas` above this module (running from source).
 */
export function schemasRoot(): string {
  if (root) return root;
  let dir = startDir();
  const compact = join(dir, 'vendor-schemas');
  if (existsSync(join(compact, 'SOURCES.md'))) return (root = compact);
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'vendor', 'schemas');
    if (existsSync(join(candidate, 'SOURCES.md'))) return (root = candidate);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new Error('codegen: the bundled schemas (vendor/schemas) were not found next to the package.');
}

/** Use another schemas folder (tests, or a newer copy). Clears the cache. */
export function setSchemasRoot(dir: string | undefined): void {
  root = dir;
  overridden = dir !== undefined;
  cache.clear();
}

/** Whether setSchemasRoot() named another schemas folder than the bundled one. */
export function schemasOverridden(): boolean {
  return overridden;
}

/** Parsed JSON or YAML data file, relative to `vendor/schemas`; a fresh deep copy is never made, so callers must not mutate. */
export function readData<T>(relPath: string): T {
  let v = cache.get(relPath);
  if (v === undefined) {
    const text = readFileSync(join(schemasRoot(), relPath), 'utf8');
    v = relPath.endsWith('.json') ? JSON.parse(text) : yamlLibrary().parse(text);
    cache.set(relPath, v);
  }
  return v as T;
}

/** File names (not paths) in a folder under `vendor/schemas`. */
export function listData(relDir: string): string[] {
  return readdirSync(join(schemasRoot(), relDir)).sort();
}
