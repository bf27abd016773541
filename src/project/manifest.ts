/**
 * The output folder's manifest, `.codegen-manifest.json`: every file codegen wrote there, with a
 * hash of the text it wrote. `--prune` removes only files listed in it whose content still hashes
 * the same, never an input of the run: a file codegen did not write, or one edited since, is never
 * deleted. The text is deterministic (sorted, no dates, no versions) so the manifest can be
 * committed with the output.
 *
 * The hash is 64 bits computed in JavaScript (`contentHash`), not SHA-256: loading node:crypto
 * costs a plain run more start-up than hashing a service's files, and the hash only has to notice
 * an edit, not resist a forger — someone who can rewrite the manifest can rewrite the files too.
 */
import { accessSync, constants, type Dirent, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { isSafeRelativePath } from '../core/output.js';
import { readRegularFile } from '../core/read-file.js';
import { contained, OutputError, readOutputFile, type FolderCache } from './output-fs.js';

export const MANIFEST_FILE = '.codegen-manifest.json';
export const MANIFEST_FORMAT = 1;

const ABOUT = 'Files codegen generate wrote in this folder, with a hash of each; generate --prune removes only these, and only while unchanged.';

/** murmur3's 32-bit finalizer. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A 64-bit hash of a text (its UTF-16 code units), as 16 hex digits: four FNV-1a lanes over
 * interleaved code units (independent multiplications, so the CPU runs them side by side), mixed
 * into two 32-bit halves. Deterministic across platforms; not cryptographic.
 */
export function contentHash(text: string): string {
  const n = text.length;
  let a = 0x811c9dc5 ^ n;
  let b = 0x050c5d1f;
  let c = 0x1b873593;
  let d = 0xcc9e2d51;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i + 1), 0x01000193);
    c = Math.imul(c ^ text.charCodeAt(i + 2), 0x01000193);
    d = Math.imul(d ^ text.charCodeAt(i + 3), 0x01000193);
  }
  for (; i < n; i++) a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
  const hi = fmix(a ^ Math.imul(c, 0x9e3779b1));
  const lo = fmix(b ^ Math.imul(d, 0x85ebca77) ^ hi);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

export interface Manifest {
  /** Path under the output folder → `contentHash` of the text codegen wrote. */
  files: Map<string, string>;
  /** The manifest's text on disk. */
  text: string;
}

/**
 * The manifest of the output folder `root`: `manifest` when there is a readable one, `problem` when
 * there is one that cannot be used (then nothing is pruned and the next write replaces it), neither
 * when there is none (a folder written by an older codegen, or never written).
 */
export function readManifest(root: string): { manifest?: Manifest; problem?: string } {
  let text: string;
  try {
    text = readRegularFile(join(root, MANIFEST_FILE), { follow: false });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    return { problem: code === 'ELOOP' ? 'it is a symbolic link' : err instanceof Error ? err.message : String(code) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  const d = data as { format?: unknown; files?: unknown };
  if (!d || typeof d !== 'object' || d.format !== MANIFEST_FORMAT || !d.files || typeof d.files !== 'object' || Array.isArray(d.files)) {
    return { problem: `it is not a format-${MANIFEST_FORMAT} codegen manifest` };
  }
  const files = new Map<string, string>();
  for (const [path, hash] of Object.entries(d.files as Record<string, unknown>)) {
    if (isSafeRelativePath(path) && typeof hash === 'string' && /^[0-9a-f]{16}$/.test(hash)) files.set(path, hash);
  }
  return { manifest: { files, text } };
}

/** The manifest's text for `files` (sorted by path; byte-identical for the same files). */
export function manifestText(files: ReadonlyMap<string, string>): string {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const body = paths.map((p) => `    ${JSON.stringify(p)}: ${JSON.stringify(files.get(p))}`).join(',\n');
  return `{\n  "format": ${MANIFEST_FORMAT},\n  "about": ${JSON.stringify(ABOUT)},\n  "files": {${paths.length ? `\n${body}\n  ` : ''}}\n}\n`;
}

/** What `--prune` will remove, decided (and every refusal raised) before anything changes. */
export interface PrunePlan {
  /** Files to remove: path and the hash they must still have. */
  remove: Array<[path: string, hash: string]>;
  /** Manifest entries to drop: removed, gone, or edited since codegen wrote them. */
  forget: string[];
  notes: Diagnostic[];
}

const note = (code: string, message: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({ code, severity, message, source: 'io', path: [] });

/** At most ten names, then "and N more". */
export function listSome(paths: readonly string[], max = 10): string {
  return paths.length <= max ? paths.join(', ') : `${paths.slice(0, max).join(', ')} and ${paths.length - max} more`;
}

/**
 * Plan `--prune` over the service folders `services` of the output folder `root`. `generated`:
 * every path this run produced; `inputs`: paths under `root` that are inputs of the run. Throws an
 * OutputError (before any change) for a listed path that is now a symbolic link, a FIFO or another
 * non-regular file, or sits in a folder that cannot be written.
 */
export function planPrune(
  root: string,
  read: { manifest?: Manifest; problem?: string },
  generated: ReadonlySet<string>,
  services: readonly string[],
  inputs: ReadonlySet<string>,
  folders: FolderCache,
  dev: number | undefined,
): PrunePlan {
  const plan: PrunePlan = { remove: [], forget: [], notes: [] };
  const inRun = new Set(services);
  if (!read.manifest) {
    const extra = extraFiles(root, generated, services);
    if (extra.length) {
      const why = read.problem ? `its manifest (${MANIFEST_FILE}) cannot be used: ${read.problem}` : `it has no manifest (${MANIFEST_FILE}; an older codegen wrote it, or someone else did)`;
      plan.notes.push(note('OUTPUT_PRUNE_SKIPPED', `--prune removed nothing because ${why}, so codegen cannot tell its files from others: ${listSome(extra)} ${extra.length === 1 ? 'is' : 'are'} not generated any more. Remove what is stale by hand; this run wrote the manifest, and later runs prune what they wrote.`));
    }
    return plan;
  }
  const writable = new Set<string>();
  const kept: string[] = [];
  for (const [path, hash] of read.manifest.files) {
    const slash = path.indexOf('/');
    if (slash < 0 || !inRun.has(path.slice(0, slash)) || generated.has(path)) continue;
    if (inputs.has(path)) {
      kept.push(`${path} (an input of this run)`);
      continue;
    }
    const { abs, exists } = contained(root, path, folders, dev);
    if (!exists) {
      plan.forget.push(path);
      continue;
    }
    if (contentHash(readOutputFile(abs, root)) !== hash) {
      kept.push(`${path} (changed since codegen wrote it)`);
      plan.forget.push(path);
      continue;
    }
    const dir = dirname(abs);
    if (!writable.has(dir)) {
      try {
        accessSync(dir, constants.W_OK);
      } catch (err) {
        throw new OutputError(`Cannot remove ${path}: its folder is not writable (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, 'OUTPUT_PRUNE_FAILED', false, path);
      }
      writable.add(dir);
    }
    plan.remove.push([path, hash]);
    plan.forget.push(path);
  }
  if (kept.length) plan.notes.push(note('OUTPUT_PRUNE_KEPT', `--prune kept ${kept.length === 1 ? 'a file' : `${kept.length} files`} codegen once wrote: ${listSome(kept)}.`));
  return plan;
}

/** Files under `<root>/<service>/` that are not among `wanted` (hidden files are ignored). */
export function extraFiles(root: string, wanted: ReadonlySet<string>, services: readonly string[]): string[] {
  const out: string[] = [];
  function walk(rel: string): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue;
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (!wanted.has(child)) out.push(child);
    }
  }
  for (const s of [...new Set(services)].sort()) walk(s);
  return out;
}
