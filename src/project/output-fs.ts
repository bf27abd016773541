/**
 * The file-system primitives of the output folder: containment (nothing outside the folder, no
 * symbolic link followed, no FIFO or device opened, one file system), exclusive creation of new
 * files, unpredictable names for a run's temporary folder, and the owner those names encode.
 */
import { closeSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isSafeRelativePath } from '../core/output.js';
import { fileKind, NotRegularFileError, readRegularFile } from '../core/read-file.js';

export class OutputError extends Error {
  /**
   * `changed`: the message says itself what was already changed; otherwise nothing was, and the
   * report adds "Nothing was changed."
   */
  constructor(
    message: string,
    readonly code: string,
    readonly changed = false,
    /** The path (relative to the output folder) the error is about, when there is one. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/** Folders of one run already found to be real folders (not links), with their file system. */
export type FolderCache = Set<string>;

/** Refuse a path that is unsafe or escapes `root` (without looking at the disk); its absolute path. */
export function checkPath(root: string, rel: string): string {
  if (!isSafeRelativePath(rel)) throw new OutputError(`Refusing the unsafe output path ${JSON.stringify(rel)}.`, 'OUTPUT_PATH_UNSAFE');
  const abs = resolve(root, rel);
  if (!abs.startsWith(root + sep)) throw new OutputError(`Refusing to write outside the output folder: ${rel}.`, 'OUTPUT_PATH_UNSAFE');
  return abs;
}

/**
 * Refuse paths that escape `root`, pass through a symbolic link inside it, end at something that
 * is not a regular file (a folder, FIFO, socket or device), or cross into another file system than
 * `dev` (when given): a rename cannot cross it. `folders` holds the folders of this run already
 * checked: they are not looked at again. Returns the absolute path and whether the file exists.
 */
export function contained(root: string, rel: string, folders: FolderCache = new Set(), dev?: number): { abs: string; exists: boolean } {
  const abs = checkPath(root, rel);
  let cur = root;
  for (const seg of rel.split('/')) {
    cur = join(cur, seg);
    if (cur !== abs && folders.has(cur)) continue;
    // No exception for a missing path: most files of a first run do not exist yet.
    const st = lstatSync(cur, { throwIfNoEntry: false });
    if (!st) return { abs, exists: false };
    const shown = relative(root, cur) || cur;
    if (st.isSymbolicLink()) throw new OutputError(`Refusing to write through the symbolic link ${shown}.`, 'OUTPUT_SYMLINK', false, shown);
    if (cur !== abs) {
      if (!st.isDirectory()) throw new OutputError(`${shown} is a file where a folder is needed.`, 'OUTPUT_NOT_A_FOLDER', false, shown);
      if (dev !== undefined && st.dev !== dev) {
        throw new OutputError(`${shown} is on another file system than the output folder; files cannot be moved into it atomically.`, 'OUTPUT_OTHER_FILE_SYSTEM', false, shown);
      }
      folders.add(cur);
    } else if (!st.isFile()) {
      throw new OutputError(
        st.isDirectory() ? `${shown} is a folder where a file is needed.` : `${shown} is ${fileKind(st)} where a generated file belongs; codegen does not open it (remove it and run again).`,
        'OUTPUT_NOT_A_FILE',
        false,
        shown,
      );
    }
  }
  return { abs, exists: true };
}

/**
 * The text of a generated file on disk, read without following a symbolic link and without
 * blocking on a FIFO that appeared after `contained` looked (reported like it).
 */
export function readOutputFile(abs: string, root: string): string {
  try {
    return readRegularFile(abs, { follow: false });
  } catch (err) {
    const shown = relative(root, abs) || abs;
    if (err instanceof NotRegularFileError) throw new OutputError(`${shown} is ${err.kind} where a generated file belongs; codegen does not open it (remove it and run again).`, 'OUTPUT_NOT_A_FILE', false, shown);
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new OutputError(`Refusing to write through the symbolic link ${shown}.`, 'OUTPUT_SYMLINK', false, shown);
    throw err;
  }
}

/** The text of an existing generated file, or undefined when it cannot be read (then it is rewritten). */
export function readExisting(abs: string, root: string): string | undefined {
  try {
    return readOutputFile(abs, root);
  } catch (err) {
    if (err instanceof OutputError) throw err; // a FIFO or link that appeared since it was looked at
    return undefined;
  }
}

/**
 * Create `file` (it must not exist: O_EXCL, which also refuses a symbolic link there) holding
 * `text`. The string goes to the file as UTF-8 without a Buffer made for it (writeFileSync makes
 * one per file).
 */
export function writeNew(file: string, text: string, mode = 0o666): void {
  const fd = openSync(file, 'wx', mode);
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

/**
 * 64 random bits, hex: nobody can guess a temporary name before it exists. Read from the kernel's
 * generator (/dev/urandom) with three system calls: node:crypto would cost a plain run several
 * milliseconds of start-up. Where there is no /dev/urandom (Windows), node:crypto is loaded.
 */
export function randomTag(): string {
  const buf = Buffer.alloc(8);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, buf, 0, 8, null) === 8) return buf.toString('hex');
    } finally {
      closeSync(fd);
    }
  } catch {
    // no /dev/urandom
  }
  return process.getBuiltinModule('node:crypto').randomBytes(8).toString('hex');
}

/** FNV-1a of the host name, 8 hex digits: tells this machine's runs from another's on a shared disk. */
let hostTagValue: string | undefined;
export function hostTag(): string {
  if (hostTagValue === undefined) {
    let h = 0x811c9dc5;
    for (const ch of hostname()) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hostTagValue = h.toString(16).padStart(8, '0');
  }
  return hostTagValue;
}

/**
 * The temporary folder of one run, at the top of the output folder:
 * `.codegen-<host>-<pid>-<random>.tmp`. The owner is in the name (no extra file to write), and the
 * random part makes the name unique even for a process that always has the same PID (PID 1 in a
 * container).
 */
export function runFolderName(): string {
  return `.codegen-${hostTag()}-${process.pid}-${randomTag()}.tmp`;
}

export type RunFolderOwner = { host: string; pid: number } | { legacy: true; pid: number };

/** Who made a run folder, from its name; undefined for any other name. Older releases used `.codegen-<pid>-<n>.tmp`. */
export function runFolderOwner(name: string): RunFolderOwner | undefined {
  let m = /^\.codegen-([0-9a-f]{8})-(\d+)-[0-9a-f]{16}\.tmp$/.exec(name);
  if (m) return { host: m[1]!, pid: Number(m[2]) };
  m = /^\.codegen-(\d+)-\d+\.tmp$/.exec(name);
  if (m) return { legacy: true, pid: Number(m[1]) };
  return undefined;
}

/** True when a process with this PID runs on this machine (one of another user's counts). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replace the file at `path` with `text` atomically: a new file with an unguessable name in the
 * same folder, renamed over it. Whatever is at `path` (a symbolic link, a FIFO) is replaced, never
 * written through or opened.
 */
export function replaceFile(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomTag()}.tmp`);
  writeNew(tmp, text);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
