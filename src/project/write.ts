/**
 * Writing and checking output folders. Writes are contained (nothing outside `outDir`, no symlink
 * inside it followed, no FIFO or device opened) and all-or-nothing: every file is first written
 * under the run's own temporary folder (`.codegen-<host>-<pid>-<random>.tmp` at the top of the
 * output folder), and only when all of them exist, and everything a commit will do has been
 * checked, are they renamed into place — after a journal of those renames is written, so that a
 * run killed half-way is completed by the next one (src/project/recover.ts). `check` and `read`
 * never write. The manifest (src/project/manifest.ts) records what codegen wrote, for `--prune`.
 *
 * The file system calls are synchronous: a run writes or reads thousands of small files, and the
 * thread-pool round trip of each asynchronous call cost more than the I/O itself (measured in an
 * early round: the git history of docs/benchmarks.md). Folders already verified (or created) in a
 * run are not checked again.
 */
import { accessSync, constants, lstatSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { isSafeRelativePath, type OutputFile } from '../core/output.js';
import { contentHash, extraFiles, listSome, MANIFEST_FILE, manifestText, planPrune, readManifest, type PrunePlan } from './manifest.js';
import { checkPath, contained, OutputError, readExisting, readOutputFile, runFolderName, writeNew } from './output-fs.js';
import { recoverRuns, removeCommittedRun, writeJournal, type Journal } from './recover.js';

export { OutputError };

/**
 * Reads generated files back under one output folder (contained like writes; no symlink is
 * followed, no FIFO opened): the text, or undefined when the file does not exist. Never writes.
 */
export function outputReader(outDir: string): (rel: string) => string | undefined {
  const root = resolve(outDir);
  const folders = new Set<string>();
  return (rel) => {
    const { abs, exists } = contained(root, rel, folders);
    return exists ? readOutputFile(abs, root) : undefined;
  };
}

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface WriterOptions {
  /** Absolute paths of the run's inputs (specs, config, patch files, templates, plugins): never overwritten, never pruned. */
  inputs?: readonly string[];
}

/**
 * Write files under `outDir` atomically. Files whose content is already right are not touched.
 * With `prune`, files codegen wrote earlier under the given service folders that are no longer
 * generated are removed (see `OutputWriter.commit`).
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], opts: { prune?: boolean; services?: readonly string[] } & WriterOptions = {}): Promise<WriteResult> {
  const writer = new OutputWriter(outDir, opts);
  writer.stage(files);
  return writer.commit(opts);
}

/** Writers with something staged and not yet committed, in this process (see abortLiveWriters). */
const live = new Set<OutputWriter>();

/**
 * Abort every writer of this process that has not committed (on SIGINT/SIGTERM, or an exit in
 * the middle of a run): their temporary folders are removed and the output folders are as they
 * were. Returns how many there were. Never throws.
 */
export function abortLiveWriters(): number {
  let n = 0;
  for (const w of [...live]) {
    try {
      w.abort();
    } catch {
      // best effort: the next run removes what is left
    }
    n++;
  }
  return n;
}

/**
 * An all-or-nothing write, staged as services compile so their text need not be held: `stage()`
 * writes temporary files (and keeps no content), `commit()` renames them all into place, `abort()`
 * removes them and leaves the output folder as it was. Any failure while staging aborts.
 *
 * A service folder that does not exist yet is written whole into the run folder and renamed into
 * place at the end (one rename instead of one per file, and no file to compare); a file of an
 * existing folder is staged in the run folder and renamed over its destination.
 */
export class OutputWriter {
  readonly root: string;
  /** What the run should report besides its result: leftovers of interrupted runs, files --prune kept. */
  readonly notes: Diagnostic[] = [];
  private readonly result: WriteResult = { written: [], unchanged: [], removed: [] };
  /** Every staged path, in order, with the hash of its text (contentHash); and which of them were unchanged. */
  private readonly hashes = new Map<string, string>();
  private readonly unchanged = new Set<string>();
  /** Staged files of existing folders, ready to rename. */
  private readonly plan: { abs: string; tmp: string; from: string; rel: string }[] = [];
  /** Folders that did not exist: their staged copy. */
  private readonly fresh = new Map<string, { abs: string; tmp: string; from: string }>();
  private readonly folders = new Set<string>();
  private readonly made = new Set<string>();
  private readonly writable = new Set<string>();
  private readonly inputs = new Map<string, string>();
  private readonly dev: number;
  /** The output folder's manifest as this run found it (read once, after any recovery). */
  private readonly manifest: ReturnType<typeof readManifest>;
  /** The run's temporary folder, made at the first file staged. */
  private run: string | undefined;
  private n = 0;
  private done = false;
  /** The first folder this writer created on the way to the output folder (removed on abort). */
  private readonly createdRoot: string | undefined;
  /** Folders created while staging (the first of each mkdir), removed on abort. */
  private readonly createdDirs: string[] = [];

  constructor(outDir: string, opts: WriterOptions = {}) {
    this.root = resolve(outDir);
    this.createdRoot = mkdirSync(this.root, { recursive: true });
    const rootStat = lstatSync(this.root);
    if (!rootStat.isDirectory() && !rootStat.isSymbolicLink()) throw new OutputError(`${outDir} is not a folder.`, 'OUTPUT_NOT_A_FOLDER');
    // The output folder itself may be a link (to a mounted volume, say): its target's file system counts.
    this.dev = rootStat.isSymbolicLink() ? statSync(this.root).dev : rootStat.dev;
    for (const input of opts.inputs ?? []) {
      const abs = resolve(input);
      if (abs.startsWith(this.root + sep)) this.inputs.set(relative(this.root, abs).split(sep).join('/'), input);
    }
    if (!this.createdRoot) this.notes.push(...recoverRuns(this.root, this.folders, this.dev, (dir) => [...live].some((w) => w.run === dir)));
    this.manifest = this.createdRoot ? {} : readManifest(this.root);
  }

  private runDir(): string {
    if (this.run === undefined) {
      const dir = join(this.root, runFolderName());
      mkdirSync(dir);
      this.made.add(dir);
      this.run = dir;
      live.add(this);
    }
    return this.run;
  }

  /** A folder on the way to a file of an existing folder (created in the output folder, removed on abort). */
  private mkdir(dir: string): void {
    if (this.made.has(dir)) return;
    const first = mkdirSync(dir, { recursive: true });
    if (first) this.createdDirs.push(first);
    this.made.add(dir);
  }

  /**
   * A folder inside the run folder, which only this run writes: one plain mkdir per folder, its
   * parents first when this run has not made them yet (no recursive mkdir, which tries the deepest
   * folder first and fails once per missing parent).
   */
  private mkdirStaged(dir: string): void {
    if (this.made.has(dir)) return;
    const parent = dirname(dir);
    if (!this.made.has(parent)) this.mkdirStaged(parent);
    mkdirSync(dir);
    this.made.add(dir);
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
    const input = this.inputs.get(f.path);
    if (input !== undefined) throw new OutputError(`${f.path} is an input of this run (${input}); codegen does not overwrite it.`, 'OUTPUT_IS_INPUT', false, f.path);
    const slash = f.path.indexOf('/');
    const top = slash > 0 ? f.path.slice(0, slash) : '';
    let group = top ? this.fresh.get(top) : undefined;
    // A service folder that is not there yet (everything is new in an output folder this run created:
    // nothing to look at). Looked at once: a folder this run stages is never looked at again.
    if (!group && top && isSafeRelativePath(top) && (this.createdRoot !== undefined || !lstatSync(join(root, top), { throwIfNoEntry: false }))) {
      checkPath(root, f.path); // the same refusals as any path (contained() would find the folder missing)
      const run = this.runDir();
      group = { abs: join(root, top), tmp: join(run, 'n', top), from: `n/${top}` };
      this.mkdirStaged(group.tmp);
      this.fresh.set(top, group);
    }
    if (group) {
      if (!isSafeRelativePath(f.path)) throw new OutputError(`Refusing the unsafe output path ${JSON.stringify(f.path)}.`, 'OUTPUT_PATH_UNSAFE');
      const file = join(group.tmp, f.path.slice(slash + 1));
      this.mkdirStaged(dirname(file));
      writeNew(file, f.content);
      this.hashes.set(f.path, contentHash(f.content));
      return;
    }
    const { abs, exists } = contained(root, f.path, this.folders, this.dev);
    if (exists && readExisting(abs, root) === f.content) {
      this.unchanged.add(f.path);
      // Unchanged since the manifest was written: its hash stands (no need to hash the text again).
      this.hashes.set(f.path, this.manifest.manifest?.files.get(f.path) ?? contentHash(f.content));
      return;
    }
    this.hashes.set(f.path, contentHash(f.content));
    const dir = dirname(abs);
    if (!this.made.has(dir) && !this.writable.has(dir)) {
      if (lstatSync(dir, { throwIfNoEntry: false })) {
        // The rename into it happens at commit: find out now that it would be refused.
        try {
          accessSync(dir, constants.W_OK);
        } catch (err) {
          const shown = relative(root, dir) || '.';
          throw new OutputError(`${shown} is not writable (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, 'OUTPUT_NOT_WRITABLE', false, shown);
        }
        this.writable.add(dir);
      } else this.mkdir(dir);
    }
    const run = this.runDir();
    this.mkdirStaged(join(run, 'f'));
    const from = `f/${this.n++}`;
    const tmp = join(run, from);
    writeNew(tmp, f.content);
    this.plan.push({ abs, tmp, from, rel: f.path });
  }

  /**
   * Files known to be up to date already (nothing to write): counted as unchanged, recorded in the
   * manifest (with the hash it has for them, or one of the file on disk), kept by --prune.
   */
  keep(paths: readonly string[]): void {
    for (const p of paths) {
      let hash = this.manifest.manifest?.files.get(p);
      if (hash === undefined) {
        const { abs, exists } = contained(this.root, p, this.folders, this.dev);
        if (!exists) continue;
        hash = contentHash(readOutputFile(abs, this.root));
      }
      this.hashes.set(p, hash);
      this.unchanged.add(p);
    }
  }

  private prepared: { prune: PrunePlan; manifest: boolean; nextManifest: (kept?: ReadonlySet<string>) => string } | undefined;

  /**
   * Decide and check everything `commit` will do — what --prune removes, the new manifest — and
   * write the journal. Nothing in the output folder has changed yet; any refusal aborts the write.
   */
  prepare(opts: { prune?: boolean; services?: readonly string[] } = {}): void {
    if (this.done || this.prepared) throw new Error('OutputWriter: already prepared, committed or aborted');
    const root = this.root;
    let prune: PrunePlan;
    const read = this.manifest;
    /** The manifest after this run; `kept`: files to remove that could not be (still codegen's). */
    const nextManifest = (kept: ReadonlySet<string> = new Set()): string => {
      const files = new Map(read.manifest?.files);
      for (const p of prune.forget) if (!kept.has(p)) files.delete(p);
      for (const [p, hash] of this.hashes) files.set(p, hash);
      return manifestText(files);
    };
    let manifest = false;
    try {
      prune = opts.prune
        ? planPrune(root, read, new Set(this.hashes.keys()), opts.services ?? [], new Set(this.inputs.keys()), this.folders, this.dev)
        : { remove: [], forget: [], notes: [] };
      if (read.problem && !opts.prune) this.notes.push({ code: 'OUTPUT_MANIFEST_REPLACED', severity: 'warning', message: `The manifest ${MANIFEST_FILE} could not be read (${read.problem}); it was replaced by one that lists this run's files.`, source: 'io', path: [] });
      const text = nextManifest();
      if (text !== read.manifest?.text) {
        if (!this.createdRoot && lstatSync(join(root, MANIFEST_FILE), { throwIfNoEntry: false })?.isDirectory()) throw new OutputError(`${MANIFEST_FILE} is a folder where codegen keeps its manifest.`, 'OUTPUT_NOT_A_FILE');
        writeNew(join(this.runDir(), 'manifest'), text);
        manifest = true;
      }
      // The journal goes first: from here on a killed run is completed by the next one.
      const moves = [...this.fresh.values(), ...this.plan];
      if (this.run) writeJournal(this.run, { format: 1, moves: moves.map((m) => [m.from, relative(root, m.abs).split(sep).join('/')]), remove: prune.remove, manifest } satisfies Journal);
    } catch (err) {
      this.abort();
      throw err;
    }
    this.prepared = { prune, manifest, nextManifest };
  }

  /**
   * Rename everything staged into place (atomic per file and per new folder on POSIX file
   * systems), then, with `prune`, remove the files codegen wrote earlier under the `services`
   * folders that this run no longer generates (see manifest.ts), and update the manifest.
   * Everything is checked before the first change (`prepare`); a failure after it says exactly
   * what changed.
   */
  commit(opts: { prune?: boolean; services?: readonly string[] } = {}): WriteResult {
    if (this.done) throw new Error('OutputWriter: already committed or aborted');
    if (!this.prepared) this.prepare(opts);
    const root = this.root;
    const { prune, manifest, nextManifest } = this.prepared!;
    this.notes.push(...prune.notes);
    this.done = true;
    live.delete(this);
    const run = this.run;
    const moves = [...this.fresh.values(), ...this.plan];
    let i = 0;
    try {
      for (; i < moves.length; i++) renameSync(moves[i]!.tmp, moves[i]!.abs);
    } catch (err) {
      // A rename refused (the folder appeared meanwhile, say): what is not in place yet is removed,
      // and the error says what was.
      if (run) rmSync(run, { recursive: true, force: true });
      const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
      const placed = moves.slice(0, i).map((m) => relative(root, m.abs));
      throw new OutputError(
        `Could not move ${relative(root, moves[i]!.abs)} into place (${why}); ${i} of ${moves.length} new folders and files were already in place${i ? ` (${listSome(placed)})` : ''}, the rest was not written, nothing was removed and the manifest was not updated.`,
        'OUTPUT_COMMIT_FAILED',
        i > 0,
      );
    }
    for (const [path] of this.hashes) (this.unchanged.has(path) ? this.result.unchanged : this.result.written).push(path);
    const failed = new Map<string, string>();
    for (const [rel] of prune.remove) {
      try {
        rmSync(join(root, rel));
        this.result.removed.push(rel);
      } catch (err) {
        failed.set(rel, (err as NodeJS.ErrnoException).code ?? String(err));
      }
    }
    if (manifest && run) {
      if (failed.size) {
        rmSync(join(run, 'manifest'), { force: true });
        writeNew(join(run, 'manifest'), nextManifest(new Set(failed.keys())));
      }
      renameSync(join(run, 'manifest'), join(root, MANIFEST_FILE));
    }
    if (run) removeCommittedRun(run, this.fresh.size > 0, this.plan.length > 0);
    if (failed.size) {
      throw new OutputError(
        `Every generated file was written (${this.result.written.length} written, ${this.result.unchanged.length} unchanged)${this.result.removed.length ? ` and ${listSome(this.result.removed)} removed` : ''}, but --prune could not remove ${listSome([...failed].map(([p, why]) => `${p} (${why})`))}.`,
        'OUTPUT_PRUNE_FAILED',
        true,
      );
    }
    return this.result;
  }

  /** Remove everything staged; the output folder is as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    live.delete(this);
    if (this.run) rmSync(this.run, { recursive: true, force: true });
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
    if (exists) onDisk.set(f.path, readOutputFile(abs, root));
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
