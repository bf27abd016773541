/**
 * `generate --cache`: remember, per spec file, a key of everything its output depends on and a hash
 * of each file it produced, so that a spec that did not change, whose files on disk are exactly
 * what it produces, is not compiled again (the idea of ESLint's `--cache`, for pre-commit hooks
 * over many services). A hit replays the spec's diagnostics; its files are left as they are.
 *
 * The key covers the codegen build (version, and the size and time of the running code), the spec
 * file's name and bytes, and every option that changes output or diagnostics (environment,
 * targets, rule settings, acknowledged deprecations, patch files' text). Plugins and templates are
 * code and files the key cannot see whole, so the CLI does not use the cache with them. Anything
 * wrong with the cache file (missing, unreadable, another format) is a miss, never an error.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { readRegularFile } from '../core/read-file.js';
import { writeNew } from './output-fs.js';

/** Bump when an entry's shape or the key's parts change. */
export const CACHE_FORMAT = 1;

export interface CacheEntry {
  key: string;
  service?: string;
  /** Each produced file: its path under the output folder and the SHA-256 of its text. */
  files: Array<[path: string, sha256: string]>;
  diagnostics: Diagnostic[];
  suppressed: Diagnostic[];
}

interface CacheData {
  format: number;
  entries: Record<string, CacheEntry>;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export class SpecCache {
  private readonly entries: Record<string, CacheEntry>;
  private readonly updated = new Map<string, CacheEntry>();

  /** `fingerprint`: every run-wide input of the output (see the module comment), as one string. */
  constructor(
    readonly file: string,
    private readonly fingerprint: string,
  ) {
    this.entries = load(file);
  }

  /** The key of one spec file: the run's fingerprint, its name and its bytes. */
  key(spec: string, bytes: Uint8Array): string {
    return createHash('sha256').update(this.fingerprint).update('\u0000').update(spec).update('\u0000').update(bytes).digest('hex');
  }

  /**
   * The entry for `spec` when its key is `key` and every file it produced reads back (through
   * `readOutput`, which gives undefined for a missing file) with the same hash; undefined otherwise.
   */
  lookup(spec: string, key: string, readOutput: (path: string) => string | undefined): CacheEntry | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.entries, spec) ? this.entries[spec] : undefined;
    if (!entry || entry.key !== key) return undefined;
    for (const [path, hash] of entry.files) {
      const text = readOutput(path);
      if (text === undefined || sha256(text) !== hash) return undefined;
    }
    this.updated.set(spec, entry);
    return entry;
  }

  /** Remember what a compile of `spec` produced. */
  record(spec: string, key: string, result: { service?: string; files: ReadonlyArray<{ path: string; content: string }>; diagnostics: Diagnostic[]; suppressed: Diagnostic[] }): void {
    this.updated.set(spec, {
      key,
      ...(result.service !== undefined ? { service: result.service } : {}),
      files: result.files.map((f) => [f.path, sha256(f.content)]),
      diagnostics: result.diagnostics,
      suppressed: result.suppressed,
    });
  }

  /**
   * Write the cache (entries of specs not in this run are kept), atomically; a failure is ignored.
   * The temporary file has an unguessable name and is created exclusively (O_EXCL: never through a
   * symbolic link someone placed there, never over another run's file); the rename replaces
   * whatever is at the cache's path (a link there is replaced, not followed).
   */
  save(): void {
    const data: CacheData = { format: CACHE_FORMAT, entries: { ...this.entries } };
    for (const [spec, entry] of this.updated) data.entries[spec] = entry;
    const tmp = `${this.file}.${randomBytes(8).toString('hex')}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeNew(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}

function load(file: string): Record<string, CacheEntry> {
  try {
    // Not blocking on a FIFO or device at the cache's path: anything but a regular file is a miss.
    const data = JSON.parse(readRegularFile(file)) as Partial<CacheData>;
    if (data.format !== CACHE_FORMAT || data.entries === null || typeof data.entries !== 'object' || Array.isArray(data.entries)) return {};
    const out: Record<string, CacheEntry> = Object.create(null);
    for (const [spec, e] of Object.entries(data.entries)) if (validEntry(e)) out[spec] = e;
    return out;
  } catch {
    return {};
  }
}

function validEntry(e: unknown): e is CacheEntry {
  const x = e as Partial<CacheEntry> | null;
  return (
    x !== null &&
    typeof x === 'object' &&
    typeof x.key === 'string' &&
    Array.isArray(x.files) &&
    x.files.every((f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'string') &&
    Array.isArray(x.diagnostics) &&
    Array.isArray(x.suppressed)
  );
}
