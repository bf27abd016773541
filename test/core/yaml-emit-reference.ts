/**
 * The direct YAML writer as it was before it wrote each value in one pass (src/core/yaml-emit.ts):
 * test/core/yaml-emit.test.ts holds the two to the same text, and to declining the same documents.
 */
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

import { doubleQuoted, numberText, plainOk } from '../../src/core/yaml-quote.js';

export { YAML11_NON_STRING } from '../../src/core/yaml-quote.js';

/** Printable ASCII on one line, and no `%`, `---` or `...` at the start (document markers). */
const SIMPLE = /^(?![%]|---|\.\.\.)[\x20-\x7e]*$/;

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
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_/]/.test(ch)) PLAIN_CLASS[c] = /[yYnNtTfFoOeE]/.test(ch) ? 2 : 1;
  else if (/[0-9.-]/.test(ch)) PLAIN_CLASS[c] = 2;
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
  if (!SIMPLE.test(s)) throw new Unsupported();
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

/** `[]`, `{}` or the scalar text when `v` is written on its key's line; undefined for a block. */
function inlineText(v: Json): string | undefined {
  if (v === null || typeof v !== 'object') return scalar(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  // Only plain data: a class instance (or anything else) is the caller's to report.
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw new Unsupported();
  for (const _ in v) return undefined;
  return '{}';
}

/** Indentation strings, made once. */
const INDENTS: string[] = [''];
function indentOf(depth: number): string {
  while (INDENTS.length <= depth) INDENTS.push(`${INDENTS[INDENTS.length - 1]}  `);
  return INDENTS[depth]!;
}

/**
 * The text of `value` as the contents of a block node at `depth` (two spaces each); when `first`,
 * its first line continues a line already started (`- ` of a sequence item).
 */
function block(value: Json, depth: number, first: boolean): string {
  const indent = indentOf(depth);
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      if (i > 0 || !first) out += indent;
      const inline = inlineText(item);
      out += inline !== undefined ? `- ${inline}\n` : `- ${block(item, depth + 1, true)}`;
    }
    return out;
  }
  let i = 0;
  for (const k in value as object) {
    const v = (value as Record<string, Json>)[k]!;
    if (i++ > 0 || !first) out += indent;
    const key = str(k);
    if (key.length > 1024) throw new Unsupported(); // the library writes an explicit `? key`
    const inline = inlineText(v);
    out += inline !== undefined ? `${key}: ${inline}\n` : `${key}:\n${block(v, depth + 1, false)}`;
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
    const inline = inlineText(doc);
    if (inline !== undefined) return `${inline}\n`;
    return block(doc, 0, true);
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
