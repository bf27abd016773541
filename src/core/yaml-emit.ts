/**
 * A direct YAML writer for the common case of plain JSON data, producing exactly the text the
 * `yaml` library writes with serialize.ts's options (block style, two-space indent, sequences
 * indented under their key, no folding, double quotes when a plain scalar would not read back as
 * the same string in YAML 1.1). It is about twenty times faster than building a `yaml` Document.
 *
 * It only handles strings it can decide with certainty: printable ASCII on one line, not starting
 * with a document marker. Anything else (multi-line text, non-ASCII, control characters) returns
 * undefined and the caller uses the `yaml` library for the whole document. Whether a plain string
 * would be read as another type is decided by the `yaml` library's own YAML 1.1 tag tests, so the
 * two writers agree by construction; test/core/yaml-emit.test.ts compares them on every golden and
 * on random data.
 */
import { Document } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Printable ASCII on one line, and no `%`, `---` or `...` at the start (document markers). */
const SIMPLE = /^(?![%]|---|\.\.\.)[\x20-\x7e]*$/;
/** Plain scalars YAML cannot hold: indicator at the start, `: ` or ` #` inside, space or `:` at the end. */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;

let typeTests: RegExp[] | undefined;
/** The YAML 1.1 tags (other than str) a plain scalar could be read as: bool, null, int, float, timestamp... */
function nonStringTests(): RegExp[] {
  if (!typeTests) {
    const schema = new Document(null, { version: '1.1' }).schema;
    typeTests = [...schema.tags, ...(schema.compat ?? [])]
      .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
      .map((t) => t.test!);
  }
  return typeTests;
}

class Unsupported extends Error {}

/** Keys and values repeat across artifacts and services: remember each decision (bounded). */
const decided = new Map<string, string>();

function str(s: string): string {
  let out = decided.get(s);
  if (out !== undefined) return out;
  // `<<` is the merge key, which the library writes as its own tag.
  if (!SIMPLE.test(s) || s === '<<') throw new Unsupported();
  out = NOT_PLAIN.test(s) || nonStringTests().some((re) => re.test(s)) ? JSON.stringify(s) : s;
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
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  throw new Unsupported();
}

function isEmptyCollection(v: Json): string | undefined {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (v !== null && typeof v === 'object') return Object.keys(v).length === 0 ? '{}' : undefined;
  return scalar(v);
}

/** Append `value` as the contents of a block node at `indent` (its first line is already started). */
function block(value: Json, indent: string, out: string[], first: boolean): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (i > 0 || !first) out.push(indent);
      out.push('- ');
      const inline = isEmptyCollection(item);
      if (inline !== undefined) out.push(inline, '\n');
      else block(item, `${indent}  `, out, true);
    });
    return;
  }
  const keys = Object.keys(value as object);
  keys.forEach((k, i) => {
    const v = (value as Record<string, Json>)[k]!;
    if (i > 0 || !first) out.push(indent);
    const key = str(k);
    if (key.length > 1024) throw new Unsupported(); // the library writes an explicit `? key`
    out.push(key, ':');
    const inline = isEmptyCollection(v);
    if (inline !== undefined) out.push(' ', inline, '\n');
    else {
      out.push('\n');
      block(v, `${indent}  `, out, false);
    }
  });
}

/** The YAML text of one document, or undefined when the `yaml` library must write it. */
export function fastYaml(doc: Json): string | undefined {
  try {
    if (doc === null || typeof doc !== 'object') return undefined;
    const inline = isEmptyCollection(doc);
    if (inline !== undefined) return `${inline}\n`;
    const out: string[] = [];
    block(doc, '', out, true);
    return out.join('');
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
