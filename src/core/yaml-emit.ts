/**
 * A direct YAML writer for the common case of plain JSON data, producing exactly the text the
 * `yaml` library writes with serialize.ts's options (block style, two-space indent, sequences
 * indented under their key, no folding, double quotes when a plain scalar would not read back as
 * the same string in every reader: yaml-quote.ts). It is about twenty times faster than building a
 * `yaml` Document.
 *
 * It only handles strings it can decide with certainty: printable ASCII on one line, not starting
 * with a document marker. Anything else (multi-line text, non-ASCII, control characters) returns
 * undefined and the caller uses the `yaml` library for the whole document. Whether a string may
 * be plain is decided by yaml-quote.ts, which the library path (serialize.ts) uses too, so the two
 * writers agree by construction; test/core/yaml-emit.test.ts compares them on every golden and on
 * random data.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

import { doubleQuoted, numberText, plainOk } from './yaml-quote.js';

export { YAML11_NON_STRING } from './yaml-quote.js';

/** Printable ASCII on one line, and no `%`, `---` or `...` at the start (document markers). */
function simple(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return !(s.startsWith('%') || s.startsWith('---') || s.startsWith('...'));
}

class Unsupported extends Error {}

/** Keys and values repeat across artifacts and services: remember each decision (bounded). */
const decided = new Map<string, string>();

/**
 * Characters of strings that are always written plain: letters, digits, `_`, `.`, `/`, `-`. Such a
 * string is plain when its first character cannot start a YAML 1.1 null, bool, number or merge key
 * (every one of those starts with a digit, a sign, `.`, `~`, `<` or one of y n t f o e, any case;
 * `e` for exponent floats such as `e5`): 1 marks those first characters, 2 the rest of the class.
 */
const PLAIN_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (letter || c === 95 || c === 47) PLAIN_CLASS[c] = 'yYnNtTfFoOeE'.includes(String.fromCharCode(c)) ? 2 : 1;
  else if ((c >= 48 && c <= 57) || c === 46 || c === 45) PLAIN_CLASS[c] = 2;
}

function str(s: string): string {
  const n = s.length;
  if (n > 0 && n <= 1024 && PLAIN_CLASS[s.charCodeAt(0)] === 1) {
    let i = 1;
    while (i < n && PLAIN_CLASS[s.charCodeAt(i)]! > 0) i++;
    if (i === n) return s;
  }
  let out = decided.get(s);
  if (out !== undefined) return out;
  if (!simple(s)) throw new Unsupported();
  out = plainOk(s) ? s : doubleQuoted(s);
  if (decided.size >= 4096) decided.clear();
  decided.set(s, out);
  return out;
}

function scalar(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return str(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Unsupported();
    return numberText(v);
  }
  throw new Unsupported();
}

/** Indentation strings, made once. */
const INDENTS: string[] = [''];
function indentOf(depth: number): string {
  while (INDENTS.length <= depth) INDENTS.push(`${INDENTS[INDENTS.length - 1]}  `);
  return INDENTS[depth]!;
}

/**
 * `key: ` for a mapping key, remembered per key (bounded): keys repeat across every document of
 * every service, and this is one lookup of a name whose hash V8 already holds, instead of testing
 * the key's characters and joining it to `: ` each time.
 */
const KEY_PREFIX = new Map<string, string>();
function keyPrefix(k: string): string {
  let prefix = KEY_PREFIX.get(k);
  if (prefix === undefined) {
    const key = str(k);
    if (key.length > 1024) throw new Unsupported(); // the library writes an explicit `? key`
    prefix = `${key}: `;
    if (KEY_PREFIX.size >= 4096) KEY_PREFIX.clear();
    KEY_PREFIX.set(k, prefix);
  }
  return prefix;
}

/** `block` of a collection value; only plain objects and arrays (a class instance is the caller's to report). */
function nested(v: object, depth: number, first: boolean): string {
  if (!Array.isArray(v)) {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new Unsupported();
  }
  return block(v as Json, depth, first);
}

/**
 * The text of `value` as the contents of a block node at `depth` (two spaces each); when `first`,
 * its first line continues a line already started (`- ` of a sequence item). Empty for an empty
 * collection, which its parent writes inline (`[]`, `{}`) on its key's or item's line: each value
 * is looked at once, and an empty one is known when its block comes back empty.
 */
function block(value: Json, depth: number, first: boolean): string {
  const indent = indentOf(depth);
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      if (i > 0 || !first) out += indent;
      if (typeof item === 'string') out += `- ${str(item)}\n`;
      else if (item === null || typeof item !== 'object') out += `- ${scalar(item)}\n`;
      else {
        const inner = nested(item, depth + 1, true);
        out += inner !== '' ? `- ${inner}` : Array.isArray(item) ? '- []\n' : '- {}\n';
      }
    }
    return out;
  }
  let i = 0;
  for (const k in value as object) {
    const v = (value as Record<string, Json>)[k]!;
    if (i++ > 0 || !first) out += indent;
    const prefix = keyPrefix(k);
    if (typeof v === 'string') out += prefix + str(v) + '\n';
    else if (v === null || typeof v !== 'object') out += prefix + scalar(v) + '\n';
    else {
      const inner = nested(v, depth + 1, false);
      out += inner !== '' ? `${prefix.slice(0, -1)}\n${inner}` : Array.isArray(v) ? `${prefix}[]\n` : `${prefix}{}\n`;
    }
  }
  return out;
}

/**
 * The YAML text of one document, or undefined when the `yaml` library must write it — which
 * includes anything that is not plain JSON data (undefined, functions, NaN, class instances), so a
 * caller that gets text knows the document was plain.
 */
export function fastYaml(doc: Json): string | undefined {
  try {
    if (doc === null || typeof doc !== 'object') return undefined;
    const text = nested(doc, 0, true);
    return text !== '' ? text : Array.isArray(doc) ? '[]\n' : '{}\n';
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
