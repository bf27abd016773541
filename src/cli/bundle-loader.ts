/**
 * Runs the CLI bundle (one CommonJS script, dist/cli-main.cjs) through `vm.Script` with a V8 code
 * cache made on this machine, by this Node binary, so a cold `codegen` skips most of parsing and
 * compiling, on every Node release (bin.ts says why not Node's own compile cache).
 *
 * Why not a cache made at build time: every Node 20 release reports the same V8 version
 * (11.3.244.8), so V8's own check (version, source length, flag hash) accepts a cache made by
 * another Node 20 patch release, whose embedded code differs, and the process dies (SIGSEGV). The
 * cache here is therefore never shipped: the first run on a machine writes it, and a cache is used
 * only when its key matches exactly — Node version, platform and architecture, the full V8 version,
 * the Node binary's path, size and modification time, the V8 flags (`process.execArgv` and
 * NODE_OPTIONS), and the bundle's path, size and modification time. A command line that names its
 * targets adds them to the key (targetsTag), so it has a cache of its own.
 *
 * Where: `<NODE_COMPILE_CACHE>/codegen` when Node's cache folder is set, else
 * `<os.tmpdir()>/codegen-compile-cache-<uid>`. The folder is used only when it is a real folder
 * (not a symbolic link) owned by this user and writable by no one else; the cache file is opened
 * with O_NOFOLLOW and must be a regular file of this user's. It is written at exit, to a new file
 * (O_EXCL) renamed over the old one, so a reader sees a whole old cache or a whole new one. A new
 * cache file prunes the folder to the KEEP_CACHES most recent ones (pruneCaches).
 * Nothing about the cache is ever printed and no failure is fatal: an unusable folder, a read-only
 * file system, a full disk or a foreign file only cost the saving. NODE_DISABLE_COMPILE_CACHE=1
 * or CODEGEN_NO_CODE_CACHE=1 turn it off.
 *
 * Not caught: bytes changed inside a cache file after it was written (release V8 does not checksum
 * code caches, and a checksum of 1 MB costs what the cache saves), like damage to the bundle itself.
 */
import { isAscii } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { CODE_CACHE_NOTE } from './code-cache-note.js';

/** Cache file layout: MAGIC, the header's byte length (uint32 LE), the header (JSON), then the V8 data. */
export const CACHE_MAGIC = 'codegen-v8cache/2\n';

/**
 * The CommonJS wrapper, on the bundle's first line so line numbers in stack traces stay right.
 * `__codegenHostImport` is how the bundle imports a user's plugin or config module (see tsup.config.ts):
 * on Node 20 a script compiled from a code cache loses its own import() hook. The built bundle
 * carries the wrapper itself (tsup.config.ts), so its text is compiled as read: joining 2 MB to a
 * wrapper here made V8 copy all of it into one string first. A bundle without it is wrapped here.
 */
export const BUNDLE_HEAD = '(function (exports, require, module, __filename, __dirname, __codegenHostImport) {';
export const BUNDLE_TAIL = '\n})';

/** True when `source` is already a wrapped bundle: BUNDLE_HEAD first, BUNDLE_TAIL last (a final newline aside). */
export function isWrapped(source: string): boolean {
  return source.startsWith(BUNDLE_HEAD) && (source.endsWith(BUNDLE_TAIL) || source.endsWith(BUNDLE_TAIL + '\n'));
}

/**
 * Commands and work tags (code-cache-note.ts) a cache is extended for before it stops growing:
 * each new one rewrites it once.
 */
export const MAX_TAGS = 40;

/** import() made by this module, for the bundle (specifiers are absolute file: URLs). */
const hostImport = (specifier: string): Promise<unknown> => import(specifier);

export type CacheState = 'accepted' | 'rejected' | 'absent' | 'off';

export interface LoadedBundle {
  /** The compiled script. */
  script: vm.Script;
  /** The bundle's `module.exports`. */
  exports: Record<string, unknown>;
  /** What became of the cache: for the tests, never printed. */
  cache: CacheState;
}

/** What a cache file says about itself. */
export interface CacheHeader {
  /** Must equal cacheKey() of the running process exactly. */
  key: string;
  /** The commands (see commandTag) and work tags (code-cache-note.ts) whose functions the V8 data holds. */
  commands: string[];
  /** Byte length of the V8 data. */
  size: number;
}

/** The folder the cache lives in, or undefined when the cache is off. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CODEGEN_NO_CODE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  if (env.NODE_COMPILE_CACHE) return join(env.NODE_COMPILE_CACHE, 'codegen');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `codegen-compile-cache-${uid}`);
}

/** Everything that must be the same for V8 data to be safe to reuse: the Node binary, its flags and the bundle. */
export function cacheKey(bundle: string, bundleStat: { size: number; mtimeMs: number }): string {
  let node = '?';
  try {
    const st = statSync(process.execPath);
    node = `${st.size}:${st.mtimeMs}`;
  } catch {
    // The key still holds the version strings; an unreadable binary only loses this extra check.
  }
  return JSON.stringify([
    CACHE_MAGIC,
    process.version,
    process.platform,
    process.arch,
    process.versions.v8,
    process.execPath,
    node,
    process.execArgv,
    process.env.NODE_OPTIONS ?? '',
    bundle,
    bundleStat.size,
    bundleStat.mtimeMs,
  ]);
}

/** A short, stable name for a key (FNV-1a over its UTF-16 code units). */
function hashName(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The cache file for `key` in `dir`. */
export function cacheFile(dir: string, key: string): string {
  return join(dir, `cli-main-${hashName(key)}.cache`);
}

/** The command a run stands for: its first argument when it looks like a command or a flag, else '?'. */
/**
 * The targets a command line names with `--target` / `-t` (sorted, comma-joined; '' for none). A
 * run of named targets keeps a cache of its own: it then holds only those targets' emitters and
 * verifiers, which V8 reads in every start (a Kubernetes-only cache is about a tenth smaller).
 */
export function targetsTag(argv: readonly string[]): string {
  const targets = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--target' || a === '-t' ? argv[++i] : a.startsWith('--target=') ? a.slice(9) : a.startsWith('-t') && a.length > 2 && !a.startsWith('--') ? a.slice(2) : undefined;
    for (const t of value?.split(',') ?? []) if (t.trim()) targets.add(t.trim());
  }
  return [...targets].sort().join(',');
}

export function commandTag(argv: readonly string[]): string {
  const a = argv[0] ?? '';
  return /^-{0,2}[a-z][a-z-]{0,19}$/.test(a) ? a : a === '' ? '' : '?';
}

/** The cache file's bytes. */
export function encodeCache(header: Omit<CacheHeader, 'size'>, data: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify({ ...header, size: data.length }), 'utf8');
  const out = Buffer.alloc(CACHE_MAGIC.length + 4 + json.length + data.length);
  out.write(CACHE_MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, CACHE_MAGIC.length);
  out.set(json, CACHE_MAGIC.length + 4);
  out.set(data, CACHE_MAGIC.length + 4 + json.length);
  return out;
}

/** The header and V8 data of a cache file's bytes, or undefined when they are not a whole cache for `key`. */
export function decodeCache(raw: Buffer, key: string): { header: CacheHeader; data: Buffer } | undefined {
  const start = CACHE_MAGIC.length + 4;
  if (raw.length < start || raw.toString('latin1', 0, CACHE_MAGIC.length) !== CACHE_MAGIC) return undefined;
  const len = raw.readUInt32LE(CACHE_MAGIC.length);
  if (len > raw.length - start) return undefined;
  let header: CacheHeader;
  try {
    header = JSON.parse(raw.toString('utf8', start, start + len)) as CacheHeader;
  } catch {
    return undefined;
  }
  if (header === null || typeof header !== 'object' || header.key !== key || !Array.isArray(header.commands)) return undefined;
  if (!Number.isInteger(header.size) || header.size <= 0 || raw.length !== start + len + header.size) return undefined;
  return { header, data: raw.subarray(start + len) };
}

/** True when `dir` is a real folder (no symbolic link), this user's, and writable by no one else. */
function safeDir(dir: string): boolean {
  const st = lstatSync(dir, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return false;
  if (process.platform === 'win32') return true;
  return (typeof process.getuid !== 'function' || st.uid === process.getuid()) && (st.mode & 0o022) === 0;
}

/** The bytes of `file` when it is a regular file of this user's, read without following a symbolic link. */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > 64 * 1024 * 1024) return undefined;
    if (process.platform !== 'win32' && ((typeof process.getuid === 'function' && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0)) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    return buf;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Write `bytes` to `file` atomically: a new file (O_EXCL, 0600) in the same folder, renamed over it. */
function writeAtomic(file: string, bytes: Buffer): void {
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, file);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

export interface LoadOptions {
  /** The cache folder (cacheDir()), or undefined for no cache. */
  cacheDir?: string | undefined;
  /** The targets a run names (targetsTag): runs of other targets keep a cache of their own. */
  variant?: string;
  /** The command this run stands for (commandTag of the arguments). */
  command?: string;
  /** Write or extend the cache at exit when it lacks this run's functions (default true). */
  write?: boolean;
}

/** Load and run the CommonJS bundle `file`, with this machine's code cache for it when there is a usable one. */
export function loadBundle(file: string, options: LoadOptions = {}): LoadedBundle {
  const bytes = readFileSync(file);
  let key: string | undefined;
  let cachePath: string | undefined;
  let found: { header: CacheHeader; data: Buffer } | undefined;
  const dir = options.cacheDir;
  if (dir !== undefined) {
    try {
      key = cacheKey(file, statSync(file)) + (options.variant ? `\n${options.variant}` : '');
      cachePath = cacheFile(dir, key);
      const raw = safeDir(dir) ? readOwnFile(cachePath) : undefined;
      found = raw === undefined ? undefined : decodeCache(raw, key);
    } catch {
      key = undefined;
    }
  }
  // The bundle is ASCII (esbuild escapes the rest): read as Latin-1, it is copied, not decoded.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const text = isWrapped(source) ? source : BUNDLE_HEAD + source + BUNDLE_TAIL;
  const script = new vm.Script(text, { filename: file, ...(found ? { cachedData: found.data } : {}) });
  const cache: CacheState = key === undefined ? 'off' : found === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const command = options.command ?? '';
  if (key !== undefined && cachePath !== undefined && options.write !== false) {
    const had = cache === 'accepted' ? found!.header.commands : [];
    const noted = new Set<string>();
    (globalThis as Record<symbol, unknown>)[CODE_CACHE_NOTE] = (tag: string) => noted.add(tag);
    // At exit, so the V8 data holds every function this run compiled, not only the top level; only
    // when this run did something the cache was not made with (a command, a target) it lacks.
    const [k, p, d] = [key, cachePath, dir!];
    process.once('exit', () => {
      const missing = [command, ...noted].filter((t) => !had.includes(t));
      if (cache !== 'accepted' || (missing.length > 0 && had.length < MAX_TAGS)) saveCache(script, d, p, { key: k, commands: [...had, ...missing] });
    });
  }
  const module = { exports: {} as Record<string, unknown>, id: file, filename: file, loaded: false };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), hostImport);
  module.loaded = true;
  return { script, exports: module.exports, cache };
}

/** Write the cache; any failure (read-only, full, foreign folder) leaves things as they were, silently. */
function saveCache(script: vm.Script, dir: string, file: string, header: Omit<CacheHeader, 'size'>): void {
  try {
    if (lstatSync(dir, { throwIfNoEntry: false }) === undefined) mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!safeDir(dir)) return;
    const fresh = lstatSync(file, { throwIfNoEntry: false }) === undefined;
    writeAtomic(file, encodeCache(header, script.createCachedData()));
    if (fresh) pruneCaches(dir, file);
  } catch {
    // Only the saving is lost.
  }
}

/** Cache files kept per folder: every build, Node release, flag set and named target set has its own (about 2 MB each). */
export const KEEP_CACHES = 8;

/**
 * After a new cache file: the folder keeps the KEEP_CACHES most recently written ones (`file`
 * always), and loses temporary files older than an hour (a run killed while writing). Without it,
 * every upgrade of codegen or Node would leave its 2 MB behind for good.
 */
export function pruneCaches(dir: string, file: string, now = Date.now()): void {
  const caches: { path: string; mtimeMs: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.startsWith('cli-main-')) continue;
    const path = join(dir, name);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    if (name.endsWith('.tmp')) {
      if (now - st.mtimeMs > 3600_000) rmQuietly(path);
    } else if (name.endsWith('.cache') && path !== file) caches.push({ path, mtimeMs: st.mtimeMs });
  }
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : 1));
  for (const old of caches.slice(KEEP_CACHES - 1)) rmQuietly(old.path);
}

function rmQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Another run may have removed it first.
  }
}
