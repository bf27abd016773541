/**
 * Spec arguments on the command line → spec files. An argument is, in this order: `-` (standard
 * input, kept as `-`), a file, a folder (every `.yaml`, `.yml` and `.json` file under it that
 * declares `apiVersion: codegen/...`; other files are skipped and counted), or a glob matched by
 * tinyglobby (picomatch syntax: `*`, `**`, `?`, `[ab]`, `{a,b}`, a leading `!` excludes; a dot
 * folder is searched when the pattern names it, as in `.deploy/**`). Folders and globs never
 * search `node_modules`, `.git` or the output folder. Results are relative to `cwd`, POSIX
 * separators, sorted per argument, each file once.
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** An argument that names nothing: the CLI reports it as a usage error. */
export class SpecInputError extends Error {}

export interface ExpandedInputs {
  /** Spec files (relative to cwd) and `-`, in argument order. */
  specs: string[];
  /** Files a folder held that are not codegen specs (no `apiVersion: codegen/...`), relative to cwd. */
  skipped: string[];
}

const SPEC_FILE = /\.(ya?ml|json)$/i;
const NEVER_SEARCHED = new Set(['node_modules', '.git']);
/** How much of a file is read to see whether it is a spec. */
export const SNIFF_BYTES = 64 * 1024;

/** Glob syntax picomatch gives a meaning to. */
export function isGlob(arg: string): boolean {
  return /[*?[\]{}!]/.test(arg);
}

/** Whether the start of a YAML or JSON file declares a codegen `apiVersion` at the top level. */
export function declaresCodegenApi(text: string): boolean {
  return /^apiVersion:[ \t]*["']?codegen\//m.test(text) || /"apiVersion"\s*:\s*"codegen\//.test(text);
}

/**
 * The first SNIFF_BYTES of a file, read into `buf` (SNIFF_BYTES long, shared by every file of a
 * call). One buffer per file cost a folder of 1,000 specs 64 MB of short-lived allocations, which
 * left the process's malloc heap about 9 MiB larger at its peak (docs/benchmarks.md, "Memory").
 */
function head(abs: string, buf: Buffer): string {
  const fd = openSync(abs, 'r');
  try {
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.toString('utf8', 0, n);
  } finally {
    closeSync(fd);
  }
}

const posix = (p: string) => p.split(sep).join('/');

export async function expandSpecArgs(args: readonly string[], cwd: string, exclude: readonly string[] = []): Promise<ExpandedInputs> {
  const specs: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (rel: string) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    specs.push(rel);
  };
  const excluded = new Set(exclude.map((e) => resolve(cwd, e)));
  let sniff: Buffer | undefined;
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) throw new SpecInputError('- (standard input) can be read only once.');
      add('-');
      continue;
    }
    const abs = resolve(cwd, arg);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      walkFolder(abs, excluded, found, skipped, cwd, (sniff ??= Buffer.allocUnsafe(SNIFF_BYTES)));
      if (found.length === 0) throw new SpecInputError(`${arg} holds no codegen spec (no .yaml, .yml or .json file declaring apiVersion: codegen/...).`);
      found.sort().forEach(add);
    } else if (st) {
      add(posix(relative(cwd, abs)) || arg);
    } else if (isGlob(arg)) {
      const matches = await expandGlob([arg], cwd, [...excluded]);
      if (matches.length === 0) throw new SpecInputError(`No file matches ${arg}.`);
      matches.forEach(add);
    } else {
      throw new SpecInputError(`No such file: ${arg}`);
    }
  }
  return { specs, skipped: skipped.sort() };
}

function walkFolder(abs: string, excluded: ReadonlySet<string>, found: string[], skipped: string[], cwd: string, sniff: Buffer): void {
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    const child = join(abs, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !NEVER_SEARCHED.has(e.name) && !excluded.has(child)) walkFolder(child, excluded, found, skipped, cwd, sniff);
    } else if (e.isFile() && SPEC_FILE.test(e.name)) {
      (declaresCodegenApi(head(child, sniff)) ? found : skipped).push(posix(relative(cwd, child)));
    }
  }
}

/** Files under `cwd` matching the patterns, relative and sorted (src/project/globs.ts, loaded only when a glob is used). */
export async function expandGlob(patterns: readonly string[], cwd: string, exclude: readonly string[] = []): Promise<string[]> {
  const { expandGlobs } = await import('./globs.js');
  return expandGlobs(patterns, cwd, exclude);
}
