/**
 * Reading a spec: YAML (or JSON, which is YAML) with source positions, hostile-input limits, and
 * `locate(path)` to turn a spec path into line:column.
 */
import { isUtf8 } from 'node:buffer';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { LineIndex, yamlLibrary } from './lazy-yaml.js';
import type { Diagnostic, SpecPath } from './diagnostics.js';
import { fastParse, type FastNode } from './yaml-fast.js';
import { MAX_YAML_DEPTH, readWithLibrary, yamlCode } from './yaml-library.js';

/** Inputs larger than this are refused before parsing. */
export const MAX_SPEC_BYTES = 1024 * 1024;
/** Deepest nesting accepted. */
export const MAX_DEPTH = MAX_YAML_DEPTH;

export interface SourceFile {
  file: string;
  text: string;
  /** The yaml library's document, when the fast reader left the text to it. */
  doc?: Document.Parsed;
  /** The fast reader's node ranges (see yaml-fast.ts). */
  tree?: FastNode;
  lineCounter: LineIndex;
}

/** Line starts for text the yaml library did not read (filled the way its lexer fills them). */
function countLines(source: SourceFile): void {
  const lc = source.lineCounter;
  if (lc.lineStarts.length) return;
  const text = source.text;
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
}

export interface ParsedSource {
  source: SourceFile;
  value: unknown;
  diagnostics: Diagnostic[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function diag(source: SourceFile, code: string, message: string, offset?: number, path: SpecPath = [], hint?: string): Diagnostic {
  const d: Diagnostic = { code, severity: 'error', message, source: 'yaml', path, file: source.file };
  if (offset !== undefined) countLines(source);
  const p = offset !== undefined ? source.lineCounter.linePos(offset) : { line: 1, col: 1 };
  d.line = p.line;
  d.column = p.col;
  if (hint) d.hint = hint;
  return d;
}

/** Decode bytes as UTF-8 (a BOM is dropped); undefined with a diagnostic when they are not UTF-8. */
export function decodeSpec(file: string, bytes: Uint8Array): { text?: string; diagnostic?: Diagnostic } {
  const fail = (message: string, offset = 0): { diagnostic: Diagnostic } => {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { diagnostic: { code: 'INPUT_NOT_UTF8', severity: 'error', message, source: 'yaml', path: [], file, line, column } };
  };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('The spec is UTF-16 encoded; save it as UTF-8.');
  }
  if (bytes.length > MAX_SPEC_BYTES) {
    return { diagnostic: { code: 'INPUT_TOO_LARGE', severity: 'error', message: `The spec is larger than ${MAX_SPEC_BYTES} bytes (1 MiB); a service spec is a few kilobytes.`, source: 'yaml', path: [], file, line: 1, column: 1 } };
  }
  // Node's own UTF-8 check and decoder: no TextDecoder start-up cost on the common path.
  if (isUtf8(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  // Find the first byte that does not start or continue a valid UTF-8 sequence, for a position.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) break;
    let ok = i + len <= bytes.length;
    for (let j = 1; ok && j < len; j++) ok = (bytes[i + j]! & 0xc0) === 0x80;
    if (!ok) break;
    i += len;
  }
  return fail(`The spec is not valid UTF-8 (byte 0x${(bytes[i] ?? 0).toString(16).padStart(2, '0')} at offset ${i}); save it as UTF-8.`, i);
}

/** How many `[` and `{` the text holds: nesting can be no deeper. */
function openers(text: string): number {
  let n = 0;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) n++;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) n++;
  return n;
}

/** Deepest `[`/`{` nesting outside quotes and comments: a cheap pre-check before the parser recurses. */
function flowDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let at = 0;
  let quote = '';
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (comment) {
      if (c === '\n') comment = false;
      continue;
    }
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > max) (max = depth), (at = i);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return { depth: max, offset: at };
}

/** Parse YAML or JSON text into a plain value, with diagnostics carrying positions. */
export function parseSource(file: string, text: string, options: { fast?: boolean } = {}): ParsedSource {
  const lineCounter = new LineIndex();
  const source: SourceFile = { file, text, lineCounter };
  const diagnostics: Diagnostic[] = [];
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a text longer than a third of the limit is measured.
  if (text.length > MAX_SPEC_BYTES || (text.length * 3 > MAX_SPEC_BYTES && Buffer.byteLength(text, 'utf8') > MAX_SPEC_BYTES)) {
    diagnostics.push(diag(source, 'INPUT_TOO_LARGE', `The spec is larger than ${MAX_SPEC_BYTES} bytes (1 MiB); a service spec is a few kilobytes.`));
    return { source, value: undefined, diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    // Keep offsets right: replace the BOM with nothing the parser sees as content.
    text = text.slice(1);
    source.text = text;
  }
  // Brackets nested too deep are refused before any parser recurses (only counted when there are enough).
  const flow = openers(text) > MAX_DEPTH ? flowDepth(text) : { depth: 0, offset: 0 };
  if (flow.depth > MAX_DEPTH) {
    diagnostics.push(diag(source, 'YAML_TOO_DEEP', `Nesting is deeper than ${MAX_DEPTH} levels.`, flow.offset));
    return { source, value: undefined, diagnostics };
  }
  // The common case: the fast reader (values and node ranges, no diagnostics to word).
  const fast = options.fast === false ? undefined : fastParse(text);
  if (fast) {
    source.tree = fast.tree;
    return { source, value: fast.value, diagnostics };
  }
  if (text.trim() === '') {
    diagnostics.push(diag(source, 'INPUT_EMPTY', 'The spec is empty.'));
    return { source, value: undefined, diagnostics };
  }
  const read = readWithLibrary(text, lineCounter);
  for (const p of read.problems) diagnostics.push(diag(source, p.code, firstLine(p.message), p.offset, [], p.hint));
  if (diagnostics.length) return { source, value: undefined, diagnostics };
  const list = read.docs;
  const nonEmpty = list.filter((d) => d.contents !== null || d.errors.length > 0);
  if (nonEmpty.length > 1) {
    diagnostics.push(
      diag(source, 'YAML_MULTIPLE_DOCUMENTS', 'The spec holds several YAML documents; give one service per file.', nonEmpty[1]!.range[0]),
    );
    return { source, value: undefined, diagnostics };
  }
  const doc = nonEmpty[0] ?? list[0];
  if (!doc) {
    diagnostics.push(diag(source, 'INPUT_EMPTY', 'The spec is empty.'));
    return { source, value: undefined, diagnostics };
  }
  source.doc = doc;
  for (const e of doc.errors) diagnostics.push(diag(source, yamlCode(e.code), firstLine(e.message), e.pos[0]));
  if (diagnostics.length) return { source, value: undefined, diagnostics };
  // Aliases are refused outright: specs never need them, and expansion bombs need them.
  findAlias(doc.contents as Node | null, 0, source, diagnostics);
  if (diagnostics.length) return { source, value: undefined, diagnostics };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch (err) {
    diagnostics.push(diag(source, 'YAML_INVALID', err instanceof Error ? firstLine(err.message) : 'Invalid YAML.'));
    return { source, value: undefined, diagnostics };
  }
  return { source, value, diagnostics };
}

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Walks the node tree once: refuses aliases, forbidden keys, too-deep nesting, non-scalar keys. */
function findAlias(node: Node | null, depth: number, source: SourceFile, out: Diagnostic[], path: (string | number)[] = []): boolean {
  if (!node) return false;
  const { isAlias, isMap, isScalar, isSeq } = yamlLibrary();
  if (depth > MAX_DEPTH) {
    out.push(diag(source, 'YAML_TOO_DEEP', `Nesting is deeper than ${MAX_DEPTH} levels.`, node.range?.[0], path));
    return true;
  }
  if (isAlias(node)) {
    out.push(diag(source, 'YAML_ALIAS', 'YAML aliases (*name) are not allowed in a spec.', node.range?.[0], path, 'write the value out'));
    return true;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (isAlias(key)) return findAlias(key, depth + 1, source, out, path);
      if (key && !isScalar(key)) {
        out.push(diag(source, 'YAML_COMPLEX_KEY', 'Map keys must be plain strings.', key.range?.[0], path));
        return true;
      }
      const ks = String(isScalar(key) ? key.value : '');
      if (FORBIDDEN_KEYS.has(ks)) {
        out.push(diag(source, 'FORBIDDEN_KEY', `The key "${ks}" is not allowed.`, key?.range?.[0], [...path, ks]));
        continue;
      }
      if (findAlias(pair.value as Node | null, depth + 1, source, out, [...path, ks])) return true;
    }
  } else if (isSeq(node)) {
    let i = 0;
    for (const item of node.items) {
      if (findAlias(item as Node | null, depth + 1, source, out, [...path, i++])) return true;
    }
  }
  return false;
}

/** The node at a spec path (or the deepest existing ancestor), and whether it was the key. */
function nodeAt(doc: Document.Parsed, path: SpecPath, preferKey: boolean): { node: Node | null; exact: boolean } {
  const { isMap, isPair, isSeq } = yamlLibrary();
  let cur: Node | null = doc.contents as Node | null;
  let last: Node | null = cur;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(cur)) {
      const pair = pairIndex(cur).get(String(seg));
      if (!pair) return { node: last, exact: false };
      if (i === path.length - 1 && preferKey && isPair(pair)) return { node: pair.key as Node, exact: true };
      last = (pair.value as Node | null) ?? (pair.key as Node);
      cur = pair.value as Node | null;
      if (!cur) return { node: pair.key as Node, exact: i === path.length - 1 };
    } else if (isSeq(cur) && typeof seg === 'number') {
      const item = cur.items[seg] as Node | undefined;
      if (!item) return { node: last, exact: false };
      last = item;
      cur = item;
    } else {
      return { node: last, exact: false };
    }
  }
  return { node: cur ?? last, exact: true };
}

/**
 * The position of `key` in a fast-reader mapping (whose keys are unique), or -1. A short mapping
 * is searched in place; a long one gets a key → position map, built once per mapping (locating
 * every diagnostic of a large spec stays n log n).
 */
const KEY_INDEX = new WeakMap<FastNode, Map<string, number>>();
function keyPosition(node: FastNode, key: string): number {
  const keys = node.keys!;
  if (keys.length <= 16) return keys.indexOf(key);
  let m = KEY_INDEX.get(node);
  if (!m) {
    m = new Map();
    keys.forEach((k, i) => m!.set(k, i));
    KEY_INDEX.set(node, m);
  }
  return m.get(key) ?? -1;
}

/** Key → first pair of a library mapping, built once per mapping. */
const PAIR_INDEX = new WeakMap<object, Map<string, Pair<unknown, unknown>>>();
function pairIndex(node: YAMLMap<unknown, unknown>): Map<string, Pair<unknown, unknown>> {
  let m = PAIR_INDEX.get(node);
  if (!m) {
    m = new Map();
    const { isScalar } = yamlLibrary();
    for (const p of node.items) if (isScalar(p.key) && !m.has(String(p.key.value))) m.set(String(p.key.value), p);
    PAIR_INDEX.set(node, m);
  }
  return m;
}

/** `nodeAt` over the fast reader's ranges (the same choice of node for every path). */
function fastNodeAt(root: FastNode, path: SpecPath, preferKey: boolean): FastNode {
  let cur = root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (cur.keys) {
      const at = keyPosition(cur, String(seg));
      if (at === -1) return cur;
      if (i === path.length - 1 && preferKey) {
        const s = cur.keyStarts![at]!;
        const e = s + cur.keys[at]!.length;
        return { s, e, x: e };
      }
      cur = cur.vals![at]!;
    } else if (cur.items && typeof seg === 'number') {
      const item = cur.items[seg];
      if (!item) return cur;
      cur = item;
    } else {
      return cur;
    }
  }
  return cur;
}

/** Line and column of a spec path. `preferKey` points at the key (for unknown or forbidden keys). */
export function locate(source: SourceFile, path: SpecPath, preferKey = false): { line: number; column: number; endLine?: number; endColumn?: number } | undefined {
  let range: readonly [number, number, ...number[]] | undefined;
  if (source.tree) {
    const node = fastNodeAt(source.tree, path, preferKey);
    range = [node.s, node.e];
    countLines(source);
  } else if (source.doc) {
    range = nodeAt(source.doc, path, preferKey).node?.range ?? undefined;
  }
  if (!range) return undefined;
  const start = source.lineCounter.linePos(range[0]);
  const end = source.lineCounter.linePos(range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** Give every diagnostic of this source a position (where a path is known and no position yet). */
export function attachPositions(source: SourceFile | undefined, diags: Diagnostic[], preferKeyCodes: ReadonlySet<string> = new Set()): void {
  for (const d of diags) {
    if (source && d.file === undefined) d.file = source.file;
    if (!source || d.line !== undefined) continue;
    const pos = locate(source, d.path, preferKeyCodes.has(d.code));
    if (pos) {
      d.line = pos.line;
      d.column = pos.column;
      d.endLine = pos.endLine;
      d.endColumn = pos.endColumn;
    }
  }
}

/** Object input (the API): the same refusals the YAML reader applies — forbidden keys, depth, cycles. */
export function checkPlainInput(value: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (out.length) return;
    if (v === null || typeof v !== 'object') return;
    if (path.length > MAX_DEPTH) {
      out.push({ code: 'YAML_TOO_DEEP', severity: 'error', message: `Nesting is deeper than ${MAX_DEPTH} levels.`, source: 'yaml', path });
      return;
    }
    if (seen.has(v)) {
      out.push({ code: 'INPUT_CYCLE', severity: 'error', message: 'The spec object refers to itself.', source: 'yaml', path });
      return;
    }
    seen.add(v);
    for (const k of Object.keys(v)) {
      if (k === '__proto__' || k === 'constructor' || k === 'prototype') {
        out.push({ code: 'FORBIDDEN_KEY', severity: 'error', message: `The key "${k}" is not allowed.`, source: 'yaml', path: [...path, k] });
        return;
      }
      walk((v as Record<string, unknown>)[k], [...path, Array.isArray(v) ? Number(k) : k]);
    }
    seen.delete(v);
  };
  walk(value, []);
  return out;
}

/**
 * A spec as the API and the CLI receive it — bytes, text or an object — read the same way for
 * every spec kind: bytes decoded as UTF-8, text parsed with positions, objects checked for the same
 * hostile shapes the reader refuses. Problems go to `diagnostics`.
 */
export function readSpecInput(file: string, input: string | Uint8Array | object, diagnostics: Diagnostic[]): { source?: SourceFile; value: unknown; fromText: boolean } {
  if (input instanceof Uint8Array) {
    const decoded = decodeSpec(file, input);
    if (decoded.diagnostic) {
      diagnostics.push(decoded.diagnostic);
      return { value: undefined, fromText: true };
    }
    input = decoded.text!;
  }
  if (typeof input === 'string') {
    const parsed = parseSource(file, input);
    for (const d of parsed.diagnostics) diagnostics.push(d);
    return { source: parsed.source, value: parsed.value, fromText: true };
  }
  for (const d of checkPlainInput(input)) diagnostics.push(d);
  return { value: input, fromText: false };
}
