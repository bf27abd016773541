/**
 * Writing an imported spec the way a person would: core fields in the reference order, empty
 * sections and defaults left out, small leaf maps in flow style, the schema modeline on top and a
 * comment wherever the importer made a choice. Built with the yaml library's Document API.
 */
import type { Document, Node, Pair, Scalar } from 'yaml';
import { yamlLibrary } from '../core/lazy-yaml.js';
import type { SpecPath } from '../core/diagnostics.js';
import { serviceSchemaObject } from '../schema/validate.js';

/** The schema reference `codegen init` writes, for editors' completion and hover docs. */
export const DEFAULT_SCHEMA_REF = './node_modules/svcgen/schema/service.schema.json';

/** Core fields in the order of the spec reference. */
const ORDER = [
  'apiVersion', 'kind', 'name', 'description', 'region', 'image', 'containerName', 'command', 'entrypoint', 'ports', 'resources',
  'replicas', 'autoscaling', 'env', 'secrets', 'health', 'expose', 'deployment', 'logging', 'tracing', 'sidecars', 'user',
  'readOnlyRootFilesystem', 'labels', 'terminationGracePeriod', 'dependsOn', 'ulimits', 'volumes', 'mounts', 'ephemeralStorage', 'platform', 'targets', 'suppress', 'environments', 'patches',
];

/** Items of these lists are written inline when small (`- { name: v1, weight: 90 }`). */
const FLOW_ITEMS = new Set(['versions']);
const ITEM = '[]';

/** Maps written inline (`{ cpu: 250m, memory: 256Mi }`) when they hold a few scalars. */
const FLOW_KEYS = new Set(['requests', 'limits', 'http', 'tcp', 'grpc', 'exec', 'kubernetes', 'aws', 'configMap', 'rolling', 'canary', 'linear', 'tls', 'dns', 'cloudMap', ITEM]);

/** Maps whose presence means something even when empty (`expose: {}`: behind the load balancer, default path). */
const KEEP_EMPTY = new Set(['serviceAccount', 'tcp', 'grpc', 'serviceConnect', 'expose', 'emptyDir', 'managedEfs']);

export interface SpecComment {
  /** Spec path of the key the comment is written above. */
  path: SpecPath;
  text: string;
}

/** A spec being assembled, with the comments that explain choices. */
export interface SpecDraft {
  spec: Record<string, unknown>;
  comments: SpecComment[];
  /** Lines at the top, under the modeline (what was imported from where). */
  header: string[];
}

export function newDraft(name: string, header: string[] = []): SpecDraft {
  return { spec: { apiVersion: 'codegen/v1', name }, comments: [], header };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Drop undefined values and empty maps (an empty `targets.<t>` section or `parameters.<P>` declaration is kept). */
export function prune(v: unknown, path: string[] = []): unknown {
  if (Array.isArray(v)) return v.map((x) => prune(x, path));
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    const p = prune(x, [...path, k]);
    // An empty `targets.<t>` enables the target; an empty `parameters.<P>` declares a String parameter.
    const keepEmpty = (path.length === 1 && (path[0] === 'targets' || path[0] === 'parameters')) || KEEP_EMPTY.has(k);
    if (isObject(p) && Object.keys(p).length === 0 && !keepEmpty && !(k === 'tls' && path[path.length - 1] === 'expose')) continue;
    out[k] = p;
  }
  return out;
}

type Schema = { $ref?: string; properties?: Record<string, Schema>; additionalProperties?: Schema | boolean; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[] };

function resolve(s: Schema | undefined, root: Schema & { $defs?: Record<string, Schema> }): Schema | undefined {
  for (let i = 0; s?.$ref && i < 8; i++) s = root.$defs?.[s.$ref.replace('#/$defs/', '')];
  return s;
}

/** Keys in the order the schema lists them (the order of the spec reference), recursively. */
function bySchema(v: unknown, s: Schema | undefined, root: Schema): unknown {
  s = resolve(s, root);
  if (Array.isArray(v)) return v.map((x) => bySchema(x, s?.items, root));
  if (!isObject(v) || !s) return v;
  const branches = [s, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].map((b) => resolve(b, root)!).filter(Boolean);
  const props: Record<string, Schema> = Object.assign({}, ...branches.map((b) => b.properties ?? {}));
  const extra = branches.map((b) => b.additionalProperties).find((a): a is Schema => typeof a === 'object');
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) if (k in v) out[k] = bySchema(v[k], props[k], root);
  for (const k of Object.keys(v)) if (!(k in out)) out[k] = bySchema(v[k], extra, root);
  return out;
}

/** The spec object in reference order, pruned. */
export function orderedSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const pruned = prune(spec) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (k in pruned) out[k] = pruned[k];
  for (const k of Object.keys(pruned)) if (!(k in out)) out[k] = pruned[k];
  return bySchema(out, serviceSchemaObject() as Schema, serviceSchemaObject() as Schema) as Record<string, unknown>;
}

function pairAt(doc: Document, path: SpecPath): Pair | undefined {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (yamlLibrary().isMap(node)) {
      pair = node.items.find((p) => yamlLibrary().isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return undefined;
      node = pair.value;
    } else if (yamlLibrary().isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      pair = undefined;
    } else return undefined;
  }
  return pair;
}

const AMBIGUOUS = /^(y|yes|n|no|on|off|true|false|null|~|[-+]?[0-9][0-9_:.]*)$/i;

function flowSmallMaps(node: unknown, key?: string): void {
  if (yamlLibrary().isMap(node)) {
    const scalars = node.items.every((p) => yamlLibrary().isScalar(p.value) || (yamlLibrary().isMap(p.value) && p.value.items.every((q) => yamlLibrary().isScalar(q.value)) && p.value.items.length <= 2));
    if (key && FLOW_KEYS.has(key) && scalars && node.items.length <= 4 && JSON.stringify(node.toJSON()).length <= 72) node.flow = true;
    for (const p of node.items) {
      const k = yamlLibrary().isScalar(p.key) ? String(p.key.value) : undefined;
      // Strings a YAML 1.1 reader would take for a boolean or a number (on, yes, 10001:10001) are quoted.
      if (yamlLibrary().isScalar(p.value) && typeof p.value.value === 'string' && AMBIGUOUS.test(p.value.value)) p.value.type = 'QUOTE_DOUBLE';
      flowSmallMaps(p.value, k);
    }
  } else if (yamlLibrary().isSeq(node)) {
    if (key === 'hosts' || key === 'command' || key === 'entrypoint') {
      if (node.items.every((x) => yamlLibrary().isScalar(x)) && node.items.length <= 4) node.flow = true;
    }
    for (const x of node.items) flowSmallMaps(x, key && FLOW_ITEMS.has(key) ? ITEM : undefined);
  }
}

/** The spec as YAML text: modeline, header comments, ordered fields, choice comments. */
export function specText(draft: SpecDraft, schemaRef = DEFAULT_SCHEMA_REF): { text: string; object: Record<string, unknown> } {
  const object = orderedSpec(draft.spec);
  const doc = new (yamlLibrary().Document)(object);
  flowSmallMaps(doc.contents);
  doc.commentBefore = [` yaml-language-server: $schema=${schemaRef}`, ...draft.header.map((l) => ` ${l}`)].join('\n');
  for (const c of draft.comments) {
    const pair = pairAt(doc, c.path);
    const target = (pair?.key ?? undefined) as Node | undefined;
    if (!target) continue;
    const text = c.text
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
    const k = target as Scalar;
    k.commentBefore = k.commentBefore ? `${k.commentBefore}\n${text}` : text;
  }
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: true }), object };
}

/** A patch added to an imported spec, with the comment written above it (why it is there). */
export interface PatchEntry {
  patch: { id: string; target?: string; file?: string; kind?: string; name?: string; ops: unknown[] };
  comment: string;
}

/** Strings a YAML 1.1 reader would take for something else are quoted, in maps and lists alike. */
function quoteAmbiguous(node: unknown): void {
  if (yamlLibrary().isScalar(node)) {
    if (typeof node.value === 'string' && AMBIGUOUS.test(node.value)) node.type = 'QUOTE_DOUBLE';
  } else if (yamlLibrary().isMap(node)) for (const p of node.items) quoteAmbiguous(p.value);
  else if (yamlLibrary().isSeq(node)) for (const x of node.items) quoteAmbiguous(x);
}

/** Maps of a few scalars on one line (`- { name: nofile, softLimit: 65536 }`) inside a larger value. */
function flowLeafMaps(node: unknown): void {
  if (yamlLibrary().isMap(node) && node.items.length <= 4 && node.items.every((p) => yamlLibrary().isScalar(p.value)) && JSON.stringify(node.toJSON()).length <= 72) node.flow = true;
  else if (yamlLibrary().isMap(node)) for (const p of node.items) flowLeafMaps(p.value);
  else if (yamlLibrary().isSeq(node)) for (const x of node.items) flowLeafMaps(x);
}

/** Longest JSON text of an operation written on one line (`- { op: test, path: /kind, value: Deployment }`). */
const FLOW_OP = 110;

/**
 * The spec text and object with `entries` appended to its `patches` list, each with its comment
 * above it; small operations on one line, as the spec reference writes them.
 */
export function withPatches(spec: { text: string; object: Record<string, unknown> }, entries: readonly PatchEntry[]): { text: string; object: Record<string, unknown> } {
  if (!entries.length) return spec;
  const doc = yamlLibrary().parseDocument(spec.text);
  const existing = doc.get('patches', true);
  const list = yamlLibrary().isSeq(existing) ? existing : new (yamlLibrary().YAMLSeq)();
  for (const e of entries) {
    const node = doc.createNode(e.patch);
    quoteAmbiguous(node);
    const ops = node.get('ops', true);
    if (yamlLibrary().isSeq(ops)) ops.items.forEach((op, i) => (JSON.stringify(e.patch.ops[i]).length <= FLOW_OP ? (yamlLibrary().isMap(op) ? (op.flow = true) : undefined) : flowLeafMaps(op)));
    node.commentBefore = e.comment.split('\n').map((l) => ` ${l}`).join('\n');
    list.items.push(node);
  }
  if (!yamlLibrary().isSeq(existing)) doc.set('patches', list);
  const previous = Array.isArray(spec.object.patches) ? spec.object.patches : [];
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: true }), object: { ...spec.object, patches: [...previous, ...entries.map((e) => e.patch)] } };
}

/** Seconds as a person writes a duration: `5m`, `1h`, `30s`. */
export function duration(seconds: number): number | string {
  // A fraction of a second is written in milliseconds (the spec's durations are whole units).
  if (seconds > 0 && !Number.isInteger(seconds) && Number.isInteger(Math.round(seconds * 1e6) / 1e3)) return `${Math.round(seconds * 1000)}ms`;
  if (!Number.isInteger(seconds) || seconds <= 0) return seconds;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
