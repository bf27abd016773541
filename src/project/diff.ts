/**
 * Structural diff between the files a spec generates and the files already in the output folder
 * (`codegen diff`). Pure: the caller reads the folder. YAML and JSON files are compared as parsed
 * data, so key order and quoting do not count; each difference is a JSON pointer with the value on
 * disk and the generated value. Multi-document YAML is compared document by document (by index).
 * Text artifacts (Markdown, ...) and files on disk that do not parse are compared line by line.
 *
 * Pointers and line numbers name the position in the generated file, except for removals, which
 * name the position in the file on disk.
 */
import { yamlLibrary } from '../core/lazy-yaml.js';
import type { OutputFile } from '../core/output.js';

export type ChangeOp = 'added' | 'removed' | 'changed';

export interface Change {
  op: ChangeOp;
  /** Structured files: the document index (0 for single-document files). */
  document?: number;
  /** Structured files: JSON pointer inside the document (`''` is the whole document). */
  pointer?: string;
  /** Text comparison: 1-based line number. */
  line?: number;
  /** The value on disk (changed, removed). */
  old?: unknown;
  /** The generated value (changed, added). */
  new?: unknown;
}

export interface FileDiff {
  /** Path relative to the output folder (`<service>/<artifact path>`). */
  path: string;
  /** `new`: generated but not on disk; `extra`: on disk but no longer generated. */
  status: 'changed' | 'new' | 'extra';
  /** How a changed file was compared. */
  mode?: 'structured' | 'lines';
  /** Why a structured file fell back to lines, or `formatting only` when the data is equal. */
  note?: string;
  /** Documents in the file, when more than one is involved (the text output then shows `#index`). */
  documents?: number;
  changes: Change[];
}

export type OnDisk = Readonly<Record<string, string>> | ((path: string) => string | undefined);

/**
 * Compare generated `files` with the text on disk. `extra` lists files on disk that are no longer
 * generated (see `readOutputs`). The result is sorted by path; unchanged files are left out.
 */
export function diffOutputs(files: readonly OutputFile[], onDisk: OnDisk, extra: readonly string[] = []): FileDiff[] {
  const read = typeof onDisk === 'function' ? onDisk : (p: string) => (Object.hasOwn(onDisk, p) ? onDisk[p] : undefined);
  const out: FileDiff[] = [];
  for (const f of files) {
    const old = read(f.path);
    if (old === undefined) out.push({ path: f.path, status: 'new', changes: [] });
    else if (old !== f.content) out.push(diffFile(f.path, old, f.content));
  }
  for (const p of extra) out.push({ path: p, status: 'extra', changes: [] });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

type Parsed = { ok: true; docs: unknown[] } | { ok: false; why: string };

function formatOf(path: string): 'json' | 'yaml' | 'text' {
  return path.endsWith('.json') ? 'json' : /\.ya?ml$/.test(path) ? 'yaml' : 'text';
}

function parse(text: string, format: 'json' | 'yaml'): Parsed {
  if (format === 'json') {
    try {
      return { ok: true, docs: [JSON.parse(text)] };
    } catch {
      return { ok: false, why: 'not valid JSON' };
    }
  }
  // YAML 1.1, as the serializer writes it and kubectl/Copilot read it. A hand-edited file may use
  // anchors: they resolve within the library's default alias limit (toJS throws beyond it).
  try {
    const docs = yamlLibrary().parseAllDocuments(text, { version: '1.1', uniqueKeys: true });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return { ok: false, why: 'not valid YAML' };
    return { ok: true, docs: docs.map((d) => d.toJS() as unknown) };
  } catch {
    return { ok: false, why: 'not valid YAML' };
  }
}

function diffFile(path: string, oldText: string, newText: string): FileDiff {
  const format = formatOf(path);
  if (format !== 'text') {
    const before = parse(oldText, format);
    const after = parse(newText, format);
    if (before.ok && after.ok) {
      const changes: Change[] = [];
      const n = Math.max(before.docs.length, after.docs.length);
      for (let i = 0; i < n; i++) {
        const push = (c: Omit<Change, 'document'>) => changes.push({ ...c, document: i });
        if (i >= before.docs.length) push({ op: 'added', pointer: '', new: after.docs[i] });
        else if (i >= after.docs.length) push({ op: 'removed', pointer: '', old: before.docs[i] });
        else diffValue(before.docs[i], after.docs[i], '', push);
      }
      return {
        path,
        status: 'changed',
        mode: 'structured',
        ...(changes.length ? {} : { note: 'formatting only' }),
        ...(n > 1 ? { documents: n } : {}),
        changes,
      };
    }
    const why = before.ok ? 'the generated file does not parse' : `the file on disk is ${before.why}`;
    return { path, status: 'changed', mode: 'lines', note: why, changes: diffLines(oldText, newText) };
  }
  return { path, status: 'changed', mode: 'lines', changes: diffLines(oldText, newText) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep equality of parsed data; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/** RFC 6901 escaping of one pointer segment. */
function seg(key: string | number): string {
  return `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function diffValue(a: unknown, b: unknown, ptr: string, push: (c: Omit<Change, 'document'>) => void): void {
  if (sameValue(a, b)) return;
  if (isObject(a) && isObject(b)) {
    // Generated key order first, then keys only on disk (in their order there).
    for (const [k, v] of Object.entries(b)) {
      if (!Object.hasOwn(a, k)) push({ op: 'added', pointer: ptr + seg(k), new: v });
      else diffValue(a[k], v, ptr + seg(k), push);
    }
    for (const [k, v] of Object.entries(a)) if (!Object.hasOwn(b, k)) push({ op: 'removed', pointer: ptr + seg(k), old: v });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    diffSequence(a, b, sameValue, (kind, i, j) => {
      if (kind === 'removed') push({ op: 'removed', pointer: ptr + seg(i), old: a[i] });
      else if (kind === 'added') push({ op: 'added', pointer: ptr + seg(j), new: b[j] });
      else diffValue(a[i], b[j], ptr + seg(j), push);
    });
    return;
  }
  push({ op: 'changed', pointer: ptr, old: a, new: b });
}

/**
 * Walk two sequences aligned by their longest common subsequence. Between two matched items, the
 * unmatched items are paired by position (`changed`); the rest are `removed` (index in `a`) or
 * `added` (index in `b`). Long sequences (over 4 million cell pairs) are paired by position only.
 */
function diffSequence<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean, visit: (kind: ChangeOp, i: number, j: number) => void): void {
  const n = a.length;
  const m = b.length;
  const matches: [number, number][] = [];
  if (n * m <= 4_000_000) {
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) lcs[i]![j] = eq(a[i]!, b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
    for (let i = 0, j = 0; i < n && j < m; ) {
      if (eq(a[i]!, b[j]!)) matches.push([i++, j++]);
      else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
      else j++;
    }
  }
  matches.push([n, m]);
  let i = 0;
  let j = 0;
  for (const [mi, mj] of matches) {
    while (i < mi && j < mj) visit('changed', i++, j++);
    while (i < mi) visit('removed', i++, j);
    while (j < mj) visit('added', i, j++);
    i = mi + 1;
    j = mj + 1;
  }
}

function diffLines(oldText: string, newText: string): Change[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  const changes: Change[] = [];
  diffSequence(a, b, (x, y) => x === y, (kind, i, j) => {
    if (kind === 'removed') changes.push({ op: 'removed', line: i + 1, old: a[i] });
    else if (kind === 'added') changes.push({ op: 'added', line: j + 1, new: b[j] });
    else changes.push({ op: 'changed', line: j + 1, old: a[i], new: b[j] });
  });
  return changes;
}

/** Compact JSON for one value, cut to `max` characters. */
export function showValue(v: unknown, max = 80): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

const MARK: Record<ChangeOp, string> = { added: '+', removed: '-', changed: '~' };

/** Human-readable lines: one header per file, one indented line per change. */
export function formatDiff(diffs: readonly FileDiff[], outDir = ''): string {
  const prefix = outDir ? `${outDir.replace(/\/+$/, '')}/` : '';
  let out = '';
  for (const d of diffs) {
    const name = prefix + d.path;
    if (d.status === 'new') {
      out += `+ ${name} (new file)\n`;
      continue;
    }
    if (d.status === 'extra') {
      out += `- ${name} (extra file: no longer generated)\n`;
      continue;
    }
    out += `~ ${name}${d.note ? ` (${d.note}${d.mode === 'lines' ? '; compared by line' : ''})` : ''}\n`;
    for (const c of d.changes) {
      const where = c.line !== undefined ? `line ${c.line}` : `${d.documents ? `#${c.document} ` : ''}${c.pointer || '(document)'}`;
      const value = c.op === 'added' ? showValue(c.new) : c.op === 'removed' ? showValue(c.old) : `${showValue(c.old)} → ${showValue(c.new)}`;
      out += `    ${MARK[c.op]} ${where}: ${value}\n`;
    }
  }
  return out;
}
