/**
 * A fast reader for the YAML that specs are written in: block mappings and sequences, one-line flow
 * collections, one-line plain and quoted scalars, comments. It returns the value and the node ranges
 * the yaml library would give (so diagnostics point at the same line:column, start and end), or
 * `undefined` for anything outside that subset — the caller then parses with the yaml library, which
 * also words every error. Being unsure is always a reason to give up: anchors, tags, block scalars,
 * multi-line scalars, empty values, duplicate keys, tabs, lone CRs, forbidden keys, keys that are not plain
 * names, and numbers in any but the plain decimal forms all go to the library.
 *
 * Why: parsing with the yaml library (CST, then nodes, then JavaScript values) was most of the time
 * of a warm compile(). test/core/yaml-fast.test.ts holds the two readers equal — values and every
 * node's range — on every fixture and on thousands of generated and mutated documents.
 */

import { checkPlain, COLON, CR, DASH, giveUp, GIVE_UP, HASH, isKeyChar, NL, notStringKey, quotedScalar, resolvePlain, SPACE } from './yaml-fast-scalars.js';

/** A node's ranges, as the yaml library's `range`: start, value end, end with trailing comment/line break. */
export interface FastNode {
  s: number;
  e: number;
  x: number;
  /** A mapping's keys, where each starts (a key is one plain name: it ends `key.length` later), and their values' nodes, in order. */
  keys?: string[];
  keyStarts?: number[];
  vals?: FastNode[];
  /** A sequence's items. */
  items?: FastNode[];
}

export interface FastParse {
  value: Record<string, unknown>;
  tree: FastNode;
}

/** Characters the subset never holds (outside the common printable set): the library reads them. */
const UNSUPPORTED = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]|\r(?!\n)/;
const DEPTH_LIMIT = 60;

let T = '';
let N = 0;
let I = 0;
/** Set by `skipToContent`: whether it skipped comment lines, and the deepest comment indent seen. */
let skippedComment = false;
let deepestComment = -1;
/** Set by `skipToContent`: the indentation of the content line it stopped at (0 at the end). */
let nextIndent = 0;

/** Parse `text` (no BOM) when it is in the subset; `undefined` otherwise. */
export function fastParse(text: string): FastParse | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  T = text;
  N = text.length;
  I = 0;
  try {
    skipToContent(0);
    if (I >= N) return undefined;
    const col = nextIndent;
    I += col;
    const ke = keyEnd(I);
    if (ke < 0) return undefined;
    const value = blockMap(col, 1, false, ke);
    if (I < N) return undefined;
    return { value, tree: NODE };
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  } finally {
    T = '';
    NODE = EMPTY_NODE;
  }
}

/**
 * From a line start, skip blank and comment-only lines; `I` ends at the next content line's start
 * (or the end). Records whether there were comment lines, the deepest comment indent, and the
 * content line's indentation (`nextIndent`).
 */
function skipToContent(p: number): void {
  skippedComment = false;
  deepestComment = -1;
  for (;;) {
    let q = p;
    while (q < N && T.charCodeAt(q) === SPACE) q++;
    if (q >= N) {
      // Comments after the last line: the library shares them out between the collections that end
      // there by their indentation; that is its to read.
      if (skippedComment) giveUp();
      I = N;
      nextIndent = 0;
      return;
    }
    const c = T.charCodeAt(q);
    if (c === NL || c === CR) {
      p = q + 1;
      continue;
    }
    if (c === HASH) {
      skippedComment = true;
      if (q - p > deepestComment) deepestComment = q - p;
      const nl = T.indexOf('\n', q);
      p = nl === -1 ? N : nl + 1;
      continue;
    }
    I = p;
    nextIndent = q - p;
    return;
  }
}

/**
 * Where the plain key (a name, then `:` and a space or line end) that starts at `p` ends — the
 * position of its colon — or -1 when no such key starts there.
 */
function keyEnd(p: number): number {
  const c = T.charCodeAt(p);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return -1;
  let q = p + 1;
  while (q < N && isKeyChar(T.charCodeAt(q))) q++;
  if (T.charCodeAt(q) !== COLON) return -1;
  const after = T.charCodeAt(q + 1);
  return q + 1 >= N || after === SPACE || after === NL || after === CR ? q : -1;
}

/** A block sequence item or a mapping entry starts with `-` then a space or line end. */
function isDashItem(p: number): boolean {
  if (T.charCodeAt(p) !== DASH) return false;
  const after = T.charCodeAt(p + 1);
  return p + 1 >= N || after === SPACE || after === NL || after === CR;
}

/** The node of the value a reading function just returned (no pair object per value). */
const EMPTY_NODE: FastNode = { s: 0, e: 0, x: 0 };
let NODE: FastNode = EMPTY_NODE;

/**
 * A block mapping whose first key starts at `I`, in column `col`, its colon at `firstKeyEnd`;
 * `seqItem` when it opens a sequence item (`- key: value`: the library then runs it up to the
 * next token, comments included).
 */
function blockMap(col: number, depth: number, seqItem: boolean, firstKeyEnd: number): Record<string, unknown> {
  if (depth > DEPTH_LIMIT) giveUp();
  const value: Record<string, unknown> = {};
  const keys: string[] = [];
  const keyStarts: number[] = [];
  const vals: FastNode[] = [];
  const start = I;
  let last: FastNode;
  let ke = firstKeyEnd;
  for (;;) {
    if (ke < 0) giveUp();
    const key = T.slice(I, ke);
    if (key.length > 1000 || notStringKey(key) || Object.prototype.hasOwnProperty.call(value, key)) giveUp();
    keyStarts.push(I);
    keys.push(key);
    I = ke + 1; // past the colon
    const v = blockValue(col, depth);
    value[key] = v;
    vals.push(NODE);
    last = NODE;
    // `I` is at the next content line's start.
    if (I >= N) break;
    const ind = nextIndent;
    if (ind < col) {
      // Comments where collections close: kept only in the plain layout (not after a `- key:` item,
      // none indented past the line that follows), where the library leaves them out of every range.
      if (skippedComment && (seqItem || deepestComment > ind)) giveUp();
      break;
    }
    if (ind > col) giveUp();
    I += ind;
    ke = keyEnd(I);
  }
  // A block collection ends where its last line ends (`x` of a scalar or flow value, `e` of a
  // nested block collection, which repeats it in `x`); comments after it are not part of it.
  NODE = { s: start, e: last.x, x: last.x, keys, keyStarts, vals };
  return value;
}

/**
 * A block sequence whose first `-` is at `I`, in column `col`; `underKey` when it sits in its parent
 * key's column (the library then runs it up to the next token, comments included: its to read).
 */
function blockSeq(col: number, depth: number, underKey = false): unknown[] {
  if (depth > DEPTH_LIMIT) giveUp();
  const value: unknown[] = [];
  const items: FastNode[] = [];
  const start = I;
  let last: FastNode;
  for (;;) {
    I++; // the dash
    if (I >= N || T.charCodeAt(I) !== SPACE) giveUp(); // an empty item
    while (T.charCodeAt(I) === SPACE) I++;
    const c = T.charCodeAt(I);
    if (I >= N || c === NL || c === CR || c === HASH || isDashItem(I)) giveUp();
    let item: unknown;
    const ke = keyEnd(I);
    if (ke >= 0) {
      const lineStart = T.lastIndexOf('\n', I - 1) + 1;
      item = blockMap(I - lineStart, depth + 1, true, ke);
    } else {
      item = inlineValue(col, depth + 1);
    }
    value.push(item);
    items.push(NODE);
    last = NODE;
    if (I >= N) break;
    const ind = nextIndent;
    if (ind > col) giveUp();
    if (ind < col || !isDashItem(I + ind)) {
      if (skippedComment && (underKey || deepestComment > ind)) giveUp();
      break; // a line of the parent collection
    }
    I += ind;
  }
  NODE = { s: start, e: last.x, x: last.x, items };
  return value;
}

/** The value after a mapping key's colon (at `I`): inline, or a collection on the next lines. */
function blockValue(col: number, depth: number): unknown {
  const c = T.charCodeAt(I);
  if (I < N && c !== SPACE && c !== NL && c !== CR) giveUp();
  while (T.charCodeAt(I) === SPACE) I++;
  const d = T.charCodeAt(I);
  if (I < N && d !== NL && d !== CR && d !== HASH) return inlineValue(col, depth + 1);
  // Nothing (or a comment) on this line: a nested collection follows, or the value is empty.
  if (d === HASH && T.charCodeAt(I - 1) !== SPACE) giveUp();
  const nl = T.indexOf('\n', I);
  skipToContent(nl === -1 ? N : nl + 1);
  if (I >= N) giveUp(); // an empty value
  const ind = nextIndent;
  const p = I + ind;
  if (ind > col) {
    I = p;
    return isDashItem(p) ? blockSeq(ind, depth + 1) : blockMap(ind, depth + 1, false, keyEnd(p));
  }
  if (ind === col && isDashItem(p)) {
    I = p;
    return blockSeq(ind, depth + 1, true);
  }
  return giveUp(); // an empty value
}

/**
 * A one-line value in block context at `I` (a scalar or a flow collection), then the rest of the
 * line (spaces, a comment); `I` ends at the next content line.
 */
function inlineValue(col: number, depth: number): unknown {
  const c = T.charCodeAt(I);
  let parsed: unknown;
  if (c === 91 || c === 123 || c === 34 || c === 39) {
    parsed = flowValue(depth);
  } else {
    const s = I;
    let q = I;
    for (; q < N; q++) {
      const ch = T.charCodeAt(q);
      if (ch === NL || ch === CR || (ch === HASH && T.charCodeAt(q - 1) === SPACE)) break;
      if (ch === COLON) {
        // `: ` (or a colon ending the line) would make a mapping: the library's to read.
        const next = T.charCodeAt(q + 1);
        if (q + 1 >= N || next === SPACE || next === NL || next === CR) giveUp();
      }
    }
    let e = q;
    while (T.charCodeAt(e - 1) === SPACE) e--;
    const text = T.slice(s, e);
    checkPlain(text); // its colons were checked above
    I = e;
    parsed = resolvePlain(text);
    NODE = { s, e, x: e };
  }
  // The rest of the line.
  const afterValue = I;
  while (T.charCodeAt(I) === SPACE) I++;
  if (I < N) {
    const ch = T.charCodeAt(I);
    if (ch === HASH) {
      if (I === afterValue) giveUp();
      const nl = T.indexOf('\n', I);
      I = nl === -1 ? N : nl + 1;
    } else if (ch === NL) {
      I++;
    } else if (ch === CR) {
      I += 2;
    } else {
      giveUp();
    }
  }
  const node = NODE;
  node.x = I;
  skipToContent(I);
  // A comment indented past the collection after a scalar belongs to it in the library's ranges, and
  // a more-indented next line would continue the scalar: both are the library's to read.
  if (deepestComment > col) giveUp();
  if (I < N && nextIndent > col) giveUp();
  return parsed;
}

/** A scalar or collection in flow context (or a quoted scalar / flow collection opening a block value). */
function flowValue(depth: number): unknown {
  if (depth > DEPTH_LIMIT) giveUp();
  const c = T.charCodeAt(I);
  if (c === 34 || c === 39) {
    const s = I;
    const q = quotedScalar(T, I);
    I = q.end;
    NODE = { s, e: I, x: I };
    return q.value;
  }
  const s = I;
  if (c === 91) {
    const value: unknown[] = [];
    const items: FastNode[] = [];
    I++;
    skipFlowSpaces();
    if (T.charCodeAt(I) !== 93) {
      for (;;) {
        const item = flowValue(depth + 1);
        value.push(item);
        items.push(NODE);
        skipFlowSpaces();
        const ch = T.charCodeAt(I);
        if (ch === 44) {
          I++;
          skipFlowSpaces();
          if (T.charCodeAt(I) === 93) giveUp(); // a trailing comma
          continue;
        }
        if (ch === 93) break;
        giveUp();
      }
    }
    I++;
    NODE = { s, e: I, x: I, items };
    return value;
  }
  if (c === 123) {
    const value: Record<string, unknown> = {};
    const keys: string[] = [];
    const keyStarts: number[] = [];
    const vals: FastNode[] = [];
    I++;
    skipFlowSpaces();
    if (T.charCodeAt(I) !== 125) {
      for (;;) {
        const ke = keyEnd(I);
        if (ke < 0) giveUp();
        const key = T.slice(I, ke);
        if (notStringKey(key) || Object.prototype.hasOwnProperty.call(value, key)) giveUp();
        keys.push(key);
        keyStarts.push(I);
        I = ke + 1; // past the colon; keyEnd saw a space after it
        skipFlowSpaces();
        const ch = T.charCodeAt(I);
        if (ch === 44 || ch === 125) giveUp(); // an empty value
        const v = flowValue(depth + 1);
        value[key] = v;
        vals.push(NODE);
        skipFlowSpaces();
        const next = T.charCodeAt(I);
        if (next === 44) {
          I++;
          skipFlowSpaces();
          if (T.charCodeAt(I) === 125) giveUp();
          continue;
        }
        if (next === 125) break;
        giveUp();
      }
    }
    I++;
    NODE = { s, e: I, x: I, keys, keyStarts, vals };
    return value;
  }
  // A plain scalar in flow context: up to `,`, `]`, `}` or the line end.
  let q = I;
  for (; q < N; q++) {
    const ch = T.charCodeAt(q);
    if (ch === 44 || ch === 93 || ch === 125 || ch === NL || ch === CR) break;
    if (ch === 91 || ch === 123 || ch === COLON || (ch === HASH && T.charCodeAt(q - 1) === SPACE)) giveUp();
  }
  let e = q;
  while (T.charCodeAt(e - 1) === SPACE) e--;
  if (e <= s) giveUp();
  const text = T.slice(s, e);
  checkPlain(text); // the loop above refused every colon
  I = e;
  const value = resolvePlain(text);
  NODE = { s, e, x: e };
  return value;
}

/** Spaces inside a flow collection; a line break or comment there is the library's to read. */
function skipFlowSpaces(): void {
  while (T.charCodeAt(I) === SPACE) I++;
  const c = T.charCodeAt(I);
  if (I >= N || c === NL || c === CR || c === HASH) giveUp();
}
