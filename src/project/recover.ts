/**
 * A run's temporary folder and its journal, and what the next run does with a folder an earlier
 * run left behind (killed, or the machine stopped).
 *
 * A run stages everything under one folder at the top of the output folder (see runFolderName).
 * Before its first change it writes `journal` there: every rename it is about to make, every file
 * it is about to remove (with the hash the file must still have), and whether it replaces the
 * manifest. A run killed before that point changed nothing (apart from empty folders it made), and
 * its folder is simply removed. A run killed after it is completed: the renames not yet made are
 * made (a rename whose source is gone was made already), the removals redone, the manifest moved,
 * so the output folder is what that run would have written — never half of it. Each step is an
 * atomic rename or unlink on POSIX file systems, so running this again after another kill is safe.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { isSafeRelativePath } from '../core/output.js';
import { readRegularFile } from '../core/read-file.js';
import { contentHash, MANIFEST_FILE } from './manifest.js';
import { contained, hostTag, OutputError, processAlive, readOutputFile, runFolderOwner, writeNew, type FolderCache } from './output-fs.js';

export const JOURNAL_FILE = 'journal';

export interface Journal {
  format: 1;
  /** Renames, in order: from (relative to the run folder) → to (relative to the output folder). */
  moves: Array<[from: string, to: string]>;
  /** Files to remove, with the hash (contentHash) they must still have. */
  remove: Array<[path: string, hash: string]>;
  /** The run folder holds `manifest`, to become the output folder's manifest last. */
  manifest: boolean;
}

/** Write the journal into the run folder `dir`, atomically (a temporary name, then a rename). */
export function writeJournal(dir: string, journal: Journal): void {
  const tmp = join(dir, `${JOURNAL_FILE}.tmp`);
  writeNew(tmp, JSON.stringify(journal));
  renameSync(tmp, join(dir, JOURNAL_FILE));
}

/**
 * Remove a run folder after its commit: what is left is known (the journal, the emptied `n` and `f`
 * folders, when the run made them), so it goes with one call each instead of a recursive removal
 * that looks at every entry first. Anything else there (nothing should be) falls back to that.
 */
export function removeCommittedRun(dir: string, n: boolean, f: boolean): void {
  try {
    unlinkSync(join(dir, JOURNAL_FILE));
    if (n) rmdirSync(join(dir, 'n'));
    if (f) rmdirSync(join(dir, 'f'));
    rmdirSync(dir);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readJournal(dir: string): Journal | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readRegularFile(join(dir, JOURNAL_FILE), { follow: false }));
  } catch {
    return undefined; // none (killed before it was complete: it is renamed into place whole)
  }
  const j = data as Partial<Journal>;
  const pairs = (v: unknown): v is Array<[string, string]> => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');
  if (!j || j.format !== 1 || !pairs(j.moves) || !pairs(j.remove) || typeof j.manifest !== 'boolean') return undefined;
  if (!j.moves.every(([from, to]) => isSafeRelativePath(from) && isSafeRelativePath(to)) || !j.remove.every(([p]) => isSafeRelativePath(p))) return undefined;
  return j as Journal;
}

/** Carry out the rest of `journal` (run folder `dir`). Returns how many renames and removals it made. */
export function rollForward(root: string, dir: string, journal: Journal, folders: FolderCache, dev: number | undefined): { moved: number; removed: number } {
  let moved = 0;
  let removed = 0;
  for (const [from, to] of journal.moves) {
    const src = join(dir, from);
    if (!lstatSync(src, { throwIfNoEntry: false })) continue; // moved before the interruption
    let dest: string;
    if (from.startsWith('n/')) {
      // A whole new service folder: its place must still be free.
      dest = join(root, to);
      if (to.includes('/') || lstatSync(dest, { throwIfNoEntry: false })) throw new OutputError(`${to} exists now`, 'OUTPUT_RECOVERY_FAILED');
    } else {
      dest = contained(root, to, folders, dev).abs;
      mkdirSync(dirname(dest), { recursive: true });
    }
    renameSync(src, dest);
    moved++;
  }
  for (const [path, hash] of journal.remove) {
    const { abs, exists } = contained(root, path, folders, dev);
    if (exists && contentHash(readOutputFile(abs, root)) === hash) {
      rmSync(abs, { force: true });
      removed++;
    }
  }
  const manifest = join(dir, 'manifest');
  if (journal.manifest && lstatSync(manifest, { throwIfNoEntry: false })) renameSync(manifest, join(root, MANIFEST_FILE));
  return { moved, removed };
}

const warn = (message: string): Diagnostic => ({ code: 'OUTPUT_INTERRUPTED_RUN', severity: 'warning', message, source: 'io', path: [] });

/**
 * Find the temporary folders earlier runs left at the top of the output folder `root` (one
 * readdir) and deal with each: a folder of a run still going (same machine, its process alive) is
 * left alone; one of another machine is reported and left; any other is completed (when its
 * journal says it had started to change the output folder) or removed. Never throws: what it
 * cannot do is a warning, and the folder stays for the next run.
 */
export function recoverRuns(root: string, folders: FolderCache, dev: number | undefined, liveHere: (dir: string) => boolean = () => false): Diagnostic[] {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const notes: Diagnostic[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith('.codegen-')) continue;
    const owner = runFolderOwner(name);
    if (!owner) continue;
    if (!('legacy' in owner) && owner.host !== hostTag()) {
      notes.push(warn(`${name} in the output folder belongs to a codegen run on another machine; it was left alone (remove it if no run is writing here any more).`));
      continue;
    }
    // The same PID as this process is another, earlier process (PID 1 in a container, say) —
    // unless a writer of this very process is using the folder.
    const dir = join(root, name);
    if (owner.pid === process.pid ? liveHere(dir) : processAlive(owner.pid)) continue;
    const journal = lstatSync(dir, { throwIfNoEntry: false })?.isDirectory() ? readJournal(dir) : undefined;
    try {
      if (journal) {
        const done = rollForward(root, dir, journal, folders, dev);
        rmSync(dir, { recursive: true, force: true });
        notes.push(warn(`An earlier run was interrupted while moving its files into place; this run completed it first (${done.moved} moved into place, ${done.removed} removed; from ${name}).`));
      } else {
        rmSync(dir, { recursive: true, force: true });
        notes.push(warn(`Removed ${name}, left by an earlier run that was interrupted before it changed any file here.`));
      }
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      notes.push(warn(`An earlier run was interrupted while moving its files into place, and completing it failed (${why}); what it had not moved is still in ${name}.`));
    }
  }
  return notes;
}
