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
import { closeSync, lstatSync, mkdirSync, openSync, type Dirent, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isSafeRelativePath, type OutputFile } from '../core/output.js';

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
 * of this run already found to be real folders (not links): they are not looked at again. Returns
 * the absolute path and whether the file exists.
 */
function contained(root: string, rel: string, folders: Set<string> = new Set()): { abs: string; exists: boolean } {
  if (!isSafeRelativePath(rel)) throw new OutputError(`Refusing the unsafe output path ${JSON.stringify(rel)}.`, 'OUTPUT_PATH_UNSAFE');
  const abs = resolve(root, rel);
  if (!abs.startsWith(root + sep)) throw new OutputError(`Refusing to write outside the output folder: ${rel}.`, 'OUTPUT_PATH_UNSAFE');
  let cur = root;
  for (const seg of rel.split('/')) {
    cur = join(cur, seg);
    if (cur !== abs && folders.has(cur)) continue;
    // No exception for a missing path: most files of a first run do not exist yet.
    const st = lstatSync(cur, { throwIfNoEntry: false });
    if (!st) return { abs, exists: false };
    if (st.isSymbolicLink()) throw new OutputError(`Refusing to write through the symbolic link ${relative(root, cur) || cur}.`, 'OUTPUT_SYMLINK');
    if (cur !== abs && !st.isDirectory()) throw new OutputError(`${relative(root, cur) || cur} is a file where a folder is needed.`, 'OUTPUT_NOT_A_FOLDER');
    if (cur === abs && st.isDirectory()) throw new OutputError(`${relative(root, cur) || cur} is a folder where a file is needed.`, 'OUTPUT_NOT_A_FILE');
    if (cur !== abs) folders.add(cur);
  }
  return { abs, exists: true };
}

function assertContained(root: string, rel: string, folders?: Set<string>): string {
  return contained(root, rel, folders).abs;
}

/**
 * Reads generated files back under one output folder (contained like writes; no symlink is
 * followed): the text, or undefined when the file does not exist. Never writes.
 */
export function outputReader(outDir: string): (rel: string) => string | undefined {
  const root = resolve(outDir);
  const folders = new Set<string>();
  return (rel) => {
    const { abs, exists } = contained(root, rel, folders);
    return exists ? readFileSync(abs, 'utf8') : undefined;
  };
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
  const writer = new OutputWriter(outDir);
  writer.stage(files);
  return writer.commit(opts);
}

/**
 * An all-or-nothing write, staged as services compile so their text need not be held: `stage()`
 * writes temporary files (and keeps no content), `commit()` renames them all into place, `abort()`
 * removes them and leaves the output folder as it was. Any failure while staging aborts.
 *
 * A service folder that does not exist yet is written whole into a hidden temporary folder and
 * renamed into place at the end (one rename instead of one per file, and no file to compare);
 * inside an existing folder every file goes to a temporary file beside its destination.
 */
export class OutputWriter {
  private readonly root: string;
  private readonly result: WriteResult = { written: [], unchanged: [], removed: [] };
  /** Every staged path, in order, and which of them were unchanged. */
  private readonly paths: string[] = [];
  private readonly unchanged = new Set<string>();
  /** Temporary files beside their destination, ready to rename. */
  private readonly plan: { abs: string; tmp: string }[] = [];
  /** Folders that did not exist: their temporary folder. */
  private readonly fresh = new Map<string, { abs: string; tmp: string }>();
  private readonly folders = new Set<string>();
  private readonly made = new Set<string>();
  private n = 0;
  private done = false;

  /** The first folder this writer created on the way to the output folder (removed on abort). */
  private readonly createdRoot: string | undefined;

  constructor(outDir: string) {
    this.root = resolve(outDir);
    this.createdRoot = mkdirSync(this.root, { recursive: true });
    const rootStat = lstatSync(this.root);
    if (!rootStat.isDirectory() && !rootStat.isSymbolicLink()) throw new OutputError(`${outDir} is not a folder.`, 'OUTPUT_NOT_A_FOLDER');
  }

  /** Folders created while staging (the first of each mkdir), removed on abort. */
  private readonly createdDirs: string[] = [];

  private mkdir(dir: string): void {
    if (this.made.has(dir)) return;
    const first = mkdirSync(dir, { recursive: true });
    if (first) this.createdDirs.push(first);
    this.made.add(dir);
  }

  private tmpName(dir: string): string {
    return join(dir, `.codegen-${process.pid}-${this.n++}.tmp`);
  }

  /** Write `files` to temporary places. On any failure everything staged so far is removed. */
  stage(files: readonly OutputFile[]): void {
    if (this.done) throw new Error('OutputWriter: already committed or aborted');
    try {
      for (const f of files) this.stageOne(f);
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  private stageOne(f: OutputFile): void {
    const root = this.root;
    this.paths.push(f.path);
    const slash = f.path.indexOf('/');
    const top = slash > 0 ? f.path.slice(0, slash) : '';
    let group = top ? this.fresh.get(top) : undefined;
    if (!group && top && isSafeRelativePath(top) && !lstatSync(join(root, top), { throwIfNoEntry: false })) {
      contained(root, f.path, this.folders); // the same refusals as any path
      group = { abs: join(root, top), tmp: this.tmpName(root) };
      mkdirSync(group.tmp);
      this.made.add(group.tmp);
      this.fresh.set(top, group);
    }
    if (group) {
      if (!isSafeRelativePath(f.path)) throw new OutputError(`Refusing the unsafe output path ${JSON.stringify(f.path)}.`, 'OUTPUT_PATH_UNSAFE');
      const file = join(group.tmp, f.path.slice(slash + 1));
      this.mkdir(dirname(file));
      writeNew(file, f.content);
      return;
    }
    const { abs, exists } = contained(root, f.path, this.folders);
    if (exists && readOrUndefined(abs) === f.content) {
      this.unchanged.add(f.path);
      return;
    }
    const dir = dirname(abs);
    this.mkdir(dir);
    const tmp = this.tmpName(dir);
    this.plan.push({ abs, tmp });
    writeNew(tmp, f.content);
  }

  /** Files known to be up to date already (nothing to write): counted as unchanged, kept by --prune. */
  keep(paths: readonly string[]): void {
    for (const p of paths) {
      this.paths.push(p);
      this.unchanged.add(p);
    }
  }

  /** Rename everything staged into place (atomic per file and per new folder on POSIX file systems). */
  commit(opts: { prune?: boolean; services?: readonly string[] } = {}): WriteResult {
    if (this.done) throw new Error('OutputWriter: already committed or aborted');
    const root = this.root;
    const stale = opts.prune ? extraFiles(root, new Set(this.paths), opts.services ?? []) : [];
    this.done = true;
    const moves = [...this.fresh.values(), ...this.plan];
    let i = 0;
    try {
      for (; i < moves.length; i++) renameSync(moves[i]!.tmp, moves[i]!.abs);
    } catch (err) {
      // A rename refused (the folder appeared meanwhile, say): what is not in place yet is removed,
      // and the error says what was.
      for (const m of moves.slice(i)) rmSync(m.tmp, { recursive: true, force: true });
      const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      throw new OutputError(
        `Could not move ${relative(root, moves[i]!.abs)} into place (${why}); ${i} of ${moves.length} new folders and files were already in place, the rest was not written.`,
        'OUTPUT_COMMIT_FAILED',
      );
    }
    for (const path of this.paths) (this.unchanged.has(path) ? this.result.unchanged : this.result.written).push(path);
    for (const rel of stale) {
      rmSync(assertContained(root, rel), { force: true });
      this.result.removed.push(rel);
    }
    return this.result;
  }

  /** Remove everything staged; the output folder is as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    for (const g of this.fresh.values()) rmSync(g.tmp, { recursive: true, force: true });
    for (const p of this.plan) rmSync(p.tmp, { force: true });
    // Folders made for staging hold nothing else.
    for (const dir of this.createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    // A folder created for this run holds nothing but what it staged.
    if (this.createdRoot) rmSync(this.createdRoot, { recursive: true, force: true });
  }
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

/**
 * Read what is on disk for `files` (contained like writes) and list extra files — files under the
 * service folders that are neither among `files` nor in `alsoWanted`. Never writes.
 */
export async function readOutputs(outDir: string, files: readonly OutputFile[], services: readonly string[], alsoWanted: readonly string[] = []): Promise<ReadResult> {
  const root = resolve(outDir);
  const onDisk = new Map<string, string>();
  const folders = new Set<string>();
  for (const f of files) {
    const { abs, exists } = contained(root, f.path, folders);
    if (exists) onDisk.set(f.path, readFileSync(abs, 'utf8'));
  }
  return { onDisk, extra: extraFiles(root, new Set([...files.map((f) => f.path), ...alsoWanted]), services) };
}

/** Compare the output folder with what would be written (`alsoWanted`: paths known to be up to date). Never writes. */
export async function checkOutputs(outDir: string, files: readonly OutputFile[], services: readonly string[], alsoWanted: readonly string[] = []): Promise<CheckResult> {
  const { onDisk, extra } = await readOutputs(outDir, files, services, alsoWanted);
  const result: CheckResult = { stale: [], missing: [], extra };
  for (const f of files) {
    const existing = onDisk.get(f.path);
    if (existing === undefined) result.missing.push(f.path);
    else if (existing !== f.content) result.stale.push(f.path);
  }
  return result;
}

/**
 * Create `file` (it must not exist) holding `text`. The string goes to the file as UTF-8 without a
 * Buffer made for it (writeFileSync makes one per file).
 */
function writeNew(file: string, text: string): void {
  const fd = openSync(file, 'wx');
  try {
    const n = writeSync(fd, text);
    if (n !== Buffer.byteLength(text)) {
      const bytes = Buffer.from(text);
      for (let at = n; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

function readOrUndefined(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}

/** Files under `<root>/<service>/` that are not among `files` (hidden files are ignored). */
function extraFiles(root: string, wanted: ReadonlySet<string>, services: readonly string[]): string[] {
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
