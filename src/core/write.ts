/**
 * Writing and checking output folders. Writes are contained (nothing outside `outDir`, no symlink
 * inside it is followed) and all-or-nothing: every file is first written to a temporary file next
 * to its destination, and only when all of them exist are they renamed into place. `check` and
 * `read` never write.
 *
 * The file system calls are synchronous: a run writes or reads thousands of small files, and the
 * thread-pool round trip of each asynchronous call cost more than the I/O itself (measured in
 * docs/benchmarks.md). Folders already verified (or created) in a run are not checked again.
 */
import { lstatSync, mkdirSync, type Dirent, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isSafeRelativePath, type OutputFile } from './compile.js';

export class OutputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Refuse paths that escape `root` or pass through a symlink inside it. `folders` holds the folders
 * of this run already found to be real folders (not links): they are not looked at again.
 */
function assertContained(root: string, rel: string, folders: Set<string> = new Set()): string {
  if (!isSafeRelativePath(rel)) throw new OutputError(`Refusing the unsafe output path ${JSON.stringify(rel)}.`, 'OUTPUT_PATH_UNSAFE');
  const abs = resolve(root, rel);
  if (!abs.startsWith(root + sep)) throw new OutputError(`Refusing to write outside the output folder: ${rel}.`, 'OUTPUT_PATH_UNSAFE');
  let cur = root;
  for (const seg of rel.split('/')) {
    cur = join(cur, seg);
    if (cur !== abs && folders.has(cur)) continue;
    try {
      const st = lstatSync(cur);
      if (st.isSymbolicLink()) throw new OutputError(`Refusing to write through the symbolic link ${relative(root, cur) || cur}.`, 'OUTPUT_SYMLINK');
      if (cur !== abs && !st.isDirectory()) throw new OutputError(`${relative(root, cur) || cur} is a file where a folder is needed.`, 'OUTPUT_NOT_A_FOLDER');
      if (cur === abs && st.isDirectory()) throw new OutputError(`${relative(root, cur) || cur} is a folder where a file is needed.`, 'OUTPUT_NOT_A_FILE');
      if (cur !== abs) folders.add(cur);
    } catch (err) {
      if (err instanceof OutputError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') break;
      throw err;
    }
  }
  return abs;
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * Write files under `outDir` atomically. Files whose content is already right are not touched.
 * With `prune`, files under the given service folders that are no longer generated are removed.
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], opts: { prune?: boolean; services?: readonly string[] } = {}): Promise<WriteResult> {
  const root = resolve(outDir);
  mkdirSync(root, { recursive: true });
  const rootStat = lstatSync(root);
  if (!rootStat.isDirectory() && !rootStat.isSymbolicLink()) throw new OutputError(`${outDir} is not a folder.`, 'OUTPUT_NOT_A_FOLDER');
  const result: WriteResult = { written: [], unchanged: [], removed: [] };
  const plan: { abs: string; tmp: string; rel: string }[] = [];
  const folders = new Set<string>();
  for (const f of files) {
    const abs = assertContained(root, f.path, folders);
    const existing = readOrUndefined(abs);
    if (existing === f.content) {
      result.unchanged.push(f.path);
      continue;
    }
    plan.push({ abs, tmp: '', rel: f.path });
  }
  const stale = opts.prune ? extraFiles(root, files, opts.services ?? []) : [];
  // Phase 1: write every temporary file. Any failure removes them all and leaves the folder as it was.
  const content = new Map(files.map((f) => [f.path, f.content]));
  let n = 0;
  const made = new Set<string>();
  try {
    for (const p of plan) {
      const dir = dirname(p.abs);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      p.tmp = join(dir, `.codegen-${process.pid}-${n++}.tmp`);
      writeFileSync(p.tmp, content.get(p.rel)!, { flag: 'wx' });
    }
  } catch (err) {
    for (const p of plan) if (p.tmp) rmSync(p.tmp, { force: true });
    throw err;
  }
  // Phase 2: rename into place (atomic per file on POSIX file systems).
  for (const p of plan) {
    renameSync(p.tmp, p.abs);
    result.written.push(p.rel);
  }
  for (const rel of stale) {
    rmSync(assertContained(root, rel), { force: true });
    result.removed.push(rel);
  }
  return result;
}

export interface CheckResult {
  stale: string[];
  missing: string[];
  extra: string[];
}

export interface ReadResult {
  /** Text on disk of each generated file that exists, by its relative path. */
  onDisk: Map<string, string>;
  /** Files under the service folders that are not generated. */
  extra: string[];
}

/** Read what is on disk for `files` (contained like writes) and list extra files. Never writes. */
export async function readOutputs(outDir: string, files: readonly OutputFile[], services: readonly string[]): Promise<ReadResult> {
  const root = resolve(outDir);
  const onDisk = new Map<string, string>();
  const folders = new Set<string>();
  for (const f of files) {
    const abs = assertContained(root, f.path, folders);
    try {
      onDisk.set(f.path, readFileSync(abs, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { onDisk, extra: extraFiles(root, files, services) };
}

/** Compare the output folder with what would be written. Never writes. */
export async function checkOutputs(outDir: string, files: readonly OutputFile[], services: readonly string[]): Promise<CheckResult> {
  const { onDisk, extra } = await readOutputs(outDir, files, services);
  const result: CheckResult = { stale: [], missing: [], extra };
  for (const f of files) {
    const existing = onDisk.get(f.path);
    if (existing === undefined) result.missing.push(f.path);
    else if (existing !== f.content) result.stale.push(f.path);
  }
  return result;
}

function readOrUndefined(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files under `<root>/<service>/` that are not among `files` (hidden files are ignored). */
function extraFiles(root: string, files: readonly OutputFile[], services: readonly string[]): string[] {
  const wanted = new Set(files.map((f) => f.path));
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
