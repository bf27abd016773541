/**
 * Reading a file codegen found by itself (a discovered config, a file a config names, a generated
 * file on disk, the cache record) without ever blocking: a FIFO, socket or device at such a path
 * would make an ordinary read wait forever. The file is opened non-blocking, checked to be a
 * regular file on the open descriptor (no window between the check and the read), then read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** What a non-regular file is, for messages: "a FIFO (named pipe)", "a socket", ... */
export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Thrown by `readRegularFile` for a path that is not a regular file. `code` is `ENOTREG`. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is ${kind}, not a regular file`);
  }
}

/**
 * The text (UTF-8) of the regular file at `path`. `follow: false` refuses a symbolic link as the
 * last path segment (ELOOP). Throws NotRegularFileError for a FIFO, socket, device or folder, and
 * the file system's error otherwise (ENOENT, EACCES, ...).
 */
export function readRegularFile(path: string, opts: { follow?: boolean } = {}): string {
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (opts.follow === false ? (constants.O_NOFOLLOW ?? 0) : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (err) {
    // Opening a Unix socket fails with ENXIO: say what it is.
    if ((err as NodeJS.ErrnoException).code === 'ENXIO') {
      const st = statSync(path, { throwIfNoEntry: false });
      if (st && !st.isFile()) throw new NotRegularFileError(path, fileKind(st));
    }
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFileError(path, fileKind(st));
    // Like readFileSync: the size fstat gives is read; a file reporting 0 (some virtual files) is read to its end.
    const size = st.size;
    const [buf, n] = readGrowing(fd, size > 0 ? size : 4096, Infinity, size > 0 ? size : Infinity);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

/** How much `readAtMost` reads at a time from an input with no size to go by (a pipe, a device). */
const CHUNK = 64 * 1024;

/**
 * The first `limit` bytes of the file at `path` (all of it when shorter): for an input the user
 * names, which may be a pipe or a device (`<(...)`, /dev/stdin) with no size to check first. A
 * caller asks for one byte more than it accepts, to know the input was too large.
 *
 * One buffer, grown only when it fills: a regular file's size gives its length (one byte more, so
 * that the read that finds the end lands in it), anything else starts at 64 KiB. A fixed 1 MiB
 * chunk per read cost every 3 kB spec two 1 MiB allocations (2 GB over 1,000 specs), each a
 * mapping of its own, and V8 ran full collections for that external memory (7 in such a run,
 * now 2).
 */
export function readAtMost(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const [buf, total] = readGrowing(fd, Math.max(1, Math.min(limit, st.isFile() && st.size > 0 ? st.size + 1 : CHUNK)), limit, limit);
    // A short input read from a pipe keeps a copy of its size, not the 64 KiB buffer.
    return buf.length - total > 4096 ? Buffer.from(buf.subarray(0, total)) : buf.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read `fd` from its position into a buffer of `first` bytes, doubled (up to `limit`) whenever it
 * fills, until `until` bytes are in or the input ends. Returns the buffer and how many bytes it holds.
 */
function readGrowing(fd: number, first: number, limit: number, until: number): [Buffer, number] {
  let buf = Buffer.allocUnsafe(first);
  let n = 0;
  while (n < until) {
    if (n === buf.length) {
      if (n >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(limit, buf.length * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
    const r = readSync(fd, buf, n, buf.length - n, null);
    if (r === 0) break;
    n += r;
  }
  return [buf, n];
}
