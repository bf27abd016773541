/**
 * The one place that writes text. Emitters hand over plain objects; this orders top-level keys
 * canonically, refuses values that are not plain data, and stringifies with fixed options: no
 * anchors, no folding, quoting that every reader reads back the same (yaml-quote.ts: YAML 1.1 and
 * 1.2, PyYAML, go-yaml; so `on`, `yes`, `1.10`, `0o17` or `2012-10-17` stay strings), two-space
 * JSON, one trailing newline.
 */
import type { ScalarTag, Tags, ToStringOptions } from 'yaml';
import { yamlLibrary } from './lazy-yaml.js';
import { doubleQuoted, needsEscape, numberText, plainOk } from './yaml-quote.js';
import { fastYaml } from './yaml-emit.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export type ArtifactFormat = 'yaml' | 'json' | 'text';

export interface Artifact {
  /** Relative POSIX path under the service's output folder, e.g. `kubernetes/deployment.yaml`. */
  path: string;
  format: ArtifactFormat;
  /** YAML/JSON: one or more documents (JSON: exactly one). */
  documents?: JsonObject[];
  /** Text artifacts (Markdown and the like). */
  text?: string;
  /** What kind of artifact this is (for patches and validation): e.g. `kubernetes`, `cloudformation`, `ecs-task-definition`, `copilot-manifest`. */
  kind: string;
  /** The emitter that produced it. */
  emitter: string;
}

const K8S_ORDER = ['apiVersion', 'kind', 'metadata', 'spec', 'data', 'stringData'];
const CFN_ORDER = ['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Transform', 'Parameters', 'Mappings', 'Conditions', 'Rules', 'Hooks', 'Resources', 'Outputs'];

function ordered(doc: JsonObject, order: readonly string[]): JsonObject {
  const out: JsonObject = {};
  // Own keys only: `k in out` would take a key such as `toString` for one already placed and drop it.
  for (const k of order) if (Object.hasOwn(doc, k)) out[k] = doc[k]!;
  for (const [k, v] of Object.entries(doc)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

/** Top-level canonical order by document shape. */
export function canonicalize(doc: JsonObject): JsonObject {
  if ('apiVersion' in doc && 'kind' in doc) return ordered(doc, K8S_ORDER);
  if ('Resources' in doc || 'AWSTemplateFormatVersion' in doc) return ordered(doc, CFN_ORDER);
  return doc;
}

/** Why `v` is not plain JSON data (undefined, functions, NaN, class instances), with its path; undefined when it is. */
function notPlain(v: unknown): { at: string; why: string } | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : { at: '', why: `${v} is not a finite number` };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = notPlain(v[i]);
      if (bad) return { at: `[${i}]${bad.at}`, why: bad.why };
    }
    return undefined;
  }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return { at: '', why: 'not a plain object' };
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) return { at: `.${k}`, why: 'undefined' };
      const bad = notPlain(x);
      if (bad) return { at: `.${k}${bad.at}`, why: bad.why };
    }
    return undefined;
  }
  return { at: '', why: `${typeof v} is not JSON data` };
}

/** Throws on anything that is not plain JSON data (undefined, functions, NaN, class instances). */
export function assertPlain(v: unknown, where: string): void {
  const bad = notPlain(v);
  if (bad) throw new Error(`${where}${bad.at}: ${bad.why}`);
}

const YAML_OPTIONS: ToStringOptions = { lineWidth: 0, minContentWidth: 0, indentSeq: true, singleQuote: false };

const STR = 'tag:yaml.org,2002:str';
const MERGE = 'tag:yaml.org,2002:merge';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';

/**
 * The library's YAML 1.1 tags with strings written by yaml-quote.ts's rules: plain only when every
 * reader reads it back as the same string, one-line double quotes with escapes for characters some
 * reader would change, and the library's block literal only for other multi-line text. No merge
 * tag: a `<<` key is a string like any other (written quoted).
 */
function writerTags(tags: Tags): Tags {
  return tags
    .filter((t) => typeof t === 'string' || t.tag !== MERGE)
    .map((t) => {
      if (typeof t === 'string' || !('stringify' in t) || !t.stringify) return t;
      if (t.tag === INT || t.tag === FLOAT) {
        const library = t.stringify.bind(t);
        const stringify: ScalarTag['stringify'] = (item, ctx, onComment, onChompKeep) =>
          typeof item.value === 'number' && Number.isFinite(item.value) && !t.format ? numberText(item.value) : library(item, ctx, onComment, onChompKeep);
        return { ...t, stringify } as ScalarTag;
      }
      if (t.tag !== STR) return t;
      const library = t.stringify.bind(t);
      const stringify: ScalarTag['stringify'] = (item, ctx, onComment, onChompKeep) => {
        const s = String(item.value);
        if (plainOk(s)) return s;
        if (needsEscape(s) || !s.includes('\n') || ctx.implicitKey || /[ \t]\n|^\s|\s$/.test(s)) return doubleQuoted(s);
        return library(item, ctx, onComment, onChompKeep);
      };
      return { ...t, stringify } as ScalarTag;
    });
}

/** The `yaml` library's text for `value`; the direct writer produces the same text for plain ASCII data. */
export function libraryYaml(value: JsonObject): string {
  const doc = new (yamlLibrary().Document)(value, { version: '1.1', aliasDuplicateObjects: false, customTags: writerTags });
  return doc.toString(YAML_OPTIONS);
}

/** The text of one YAML document; throws (like assertPlain) when it is not plain data. */
function yamlDoc(value: JsonObject, where: string): string {
  const direct = fastYaml(value);
  if (direct !== undefined) return direct; // the direct writer only takes plain data
  assertPlain(value, where);
  return libraryYaml(value);
}

/** Serialize an artifact to its final text; throws when a document is not plain JSON data. */
export function serializeArtifact(a: Artifact): string {
  if (a.format === 'text') {
    const t = a.text ?? '';
    return t.endsWith('\n') ? t : `${t}\n`;
  }
  const docs = (a.documents ?? []).map(canonicalize);
  if (a.format === 'json') {
    if (docs.length !== 1) throw new Error(`${a.path}: a JSON artifact holds exactly one document`);
    assertPlain(docs[0], `${a.path}#0`);
    return `${JSON.stringify(docs[0], null, 2)}\n`;
  }
  return flat(docs.length === 1 ? yamlDoc(docs[0]!, `${a.path}#0`) : docs.map((d, i) => yamlDoc(d, `${a.path}#${i}`)).join('---\n'));
}

/**
 * The direct writer builds text by concatenation, which V8 keeps as a tree of pieces until the
 * string is read; reading one character makes it one flat string (a third of the memory when a
 * run holds many files).
 */
function flat(s: string): string {
  s.charCodeAt(s.length >> 1);
  return s;
}
