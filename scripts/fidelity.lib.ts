/**
 * The comparison behind `npm run fidelity`: facts recorded from public deployments (document,
 * path, value) against what codegen generates for a spec written for them.
 *
 * A fact's `document` is `<kind>/<name>`: a Kubernetes `Deployment/frontend`, an ECS
 * `TaskDefinition/<family>`, a Copilot `Manifest/<name>`, a CloudFormation resource
 * `<Type>/<logical id>` or `Parameter/<name>`. Its `path` is a JSON-Pointer-like path whose list
 * steps name the item by a key (`/spec/template/spec/containers[name=server]/image`), so the order
 * of containers, env, ports or volumes never creates a difference; lists with no key are indexed
 * (`/spec/rules[0]`), lists of scalars (or CloudFormation intrinsics) are one value. `~0` `~1` `~2` `~3` escape `~` `/` `[` `]`.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, stringify, type Node } from 'yaml';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

export interface Fact {
  document: string;
  path: string;
  value: Json;
}

/** A difference kept on purpose (a safer default), with the reason. */
export interface Deliberate {
  document: string;
  /** The field; `""` for a whole document codegen does not write. */
  path: string;
  reason: string;
}

/** The formats documents are recorded from. */
export type DocFormat = 'kubernetes' | 'ecs-task-definition' | 'copilot' | 'cloudformation' | 'compose';

export interface SourceInfo {
  repository: string;
  commit: string;
  /** The file the facts were read from (several files of one deployment: a list, with `url` a list too). */
  path: string | string[];
  licence: string;
  url: string | string[];
  /** The case's kind: kubernetes, ecs, copilot, appmesh or codedeploy. */
  kind: string;
  format: DocFormat;
  /** The `codegen import` kind that reads this source, or null when there is none. */
  importer: string | null;
  /** Values for CloudFormation parameters without a Default, given to the importer as `codegen import --parameter KEY=VALUE` would (the values the hand-written spec assumes). */
  parameters?: Record<string, string>;
  /** Source document → generated document, where codegen names it differently (CloudFormation logical IDs). */
  match?: Record<string, string>;
  /** What was recorded and what was left out (other services of the same file). */
  note?: string;
}

// ---------------------------------------------------------------- paths

export interface Step {
  prop: string;
  /** A list item: by index, or by the value of one of its keys. */
  item?: { index: number } | { key: string; value: string };
}

const esc = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\[/g, '~2').replace(/\]/g, '~3');
const unesc = (s: string): string => s.replace(/~3/g, ']').replace(/~2/g, '[').replace(/~1/g, '/').replace(/~0/g, '~');

export function formatPath(steps: readonly Step[]): string {
  return steps
    .map((s) => {
      const item = !s.item ? '' : 'index' in s.item ? `[${s.item.index}]` : `[${esc(s.item.key)}=${esc(s.item.value)}]`;
      return `/${esc(s.prop)}${item}`;
    })
    .join('');
}

export function parsePath(path: string): Step[] {
  if (!path.startsWith('/')) throw new Error(`path ${path} does not start with /`);
  return path
    .slice(1)
    .split('/')
    .map((seg) => {
      const m = /^([^[\]]*)(?:\[([^[\]]*)\])?$/.exec(seg);
      if (!m) throw new Error(`bad step "${seg}" in ${path}`);
      const prop = unesc(m[1]!);
      if (m[2] === undefined) return { prop };
      if (/^[0-9]+$/.test(m[2])) return { prop, item: { index: Number(m[2]) } };
      const eq = m[2].indexOf('=');
      if (eq < 1) throw new Error(`bad list step "${seg}" in ${path}`);
      return { prop, item: { key: unesc(m[2].slice(0, eq)), value: unesc(m[2].slice(eq + 1)) } };
    });
}

// ---------------------------------------------------------------- flatten and rebuild

/** Keys that name a list item, in order of preference (the merge keys the targets use). */
const ITEM_KEYS = ['name', 'Name', 'containerPort', 'ContainerPort', 'port', 'Port', 'mountPath', 'containerPath', 'ContainerPath', 'Key', 'key', 'VirtualNode', 'Field'];

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalarValue = (v: unknown): boolean => v === null || typeof v !== 'object';

/** A CloudFormation intrinsic (`{Ref}`, `{Fn::*}`, `{Condition}`) is one value, not a structure. */
export function isIntrinsic(v: unknown): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

function itemKey(list: Json[]): string | undefined {
  if (!list.every(isObject)) return undefined;
  for (const key of ITEM_KEYS) {
    const values = list.map((i) => (i as JsonObject)[key]);
    if (values.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(values.map(String)).size === values.length) return key;
  }
  return undefined;
}

/** Every leaf of `value` as (path, value): objects by key, lists by item key or index, scalar lists whole. */
export function flatten(value: Json, prefix: Step[] = []): { path: string; value: Json }[] {
  const out: { path: string; value: Json }[] = [];
  const walk = (v: Json, steps: Step[]): void => {
    if (isObject(v) && Object.keys(v).length && !isIntrinsic(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (Array.isArray(x) && x.length && !x.every((i) => isScalarValue(i) || isIntrinsic(i))) {
          const key = itemKey(x);
          x.forEach((item, index) => walk(item, [...steps, { prop: k, item: key ? { key, value: String((item as JsonObject)[key]) } : { index } }]));
        } else walk(x, [...steps, { prop: k }]);
      }
      return;
    }
    if (steps.length === 0) throw new Error('a document must be an object');
    out.push({ path: formatPath(steps), value: v });
  };
  walk(value, prefix);
  return out;
}

/** The documents the facts describe, rebuilt (lists keyed by name come back in recorded order). */
export function rebuild(facts: readonly Fact[]): Map<string, JsonObject> {
  const docs = new Map<string, JsonObject>();
  // A keyed item is created before its key field's own fact sets it (keys keep their place).
  const pending = new Map<JsonObject, { key: string; value: string }>();
  const keyOf = (x: Json, key: string): string | undefined => {
    if (!isObject(x)) return undefined;
    const p = pending.get(x);
    return p && p.key === key ? p.value : x[key] === undefined ? undefined : String(x[key]);
  };
  for (const f of facts) {
    let doc = docs.get(f.document);
    if (!doc) docs.set(f.document, (doc = {}));
    const steps = parsePath(f.path);
    let node: JsonObject = doc;
    steps.forEach((s, i) => {
      const last = i === steps.length - 1;
      if (!s.item) {
        if (last) node[s.prop] = f.value;
        else node = (isObject(node[s.prop]) ? node[s.prop] : (node[s.prop] = {})) as JsonObject;
        return;
      }
      const list = (Array.isArray(node[s.prop]) ? node[s.prop] : (node[s.prop] = [])) as Json[];
      let item: Json | undefined;
      if ('index' in s.item) item = list[s.item.index] ?? (list[s.item.index] = {});
      else {
        const { key, value } = s.item;
        item = list.find((x) => keyOf(x, key) === value);
        if (!item) {
          list.push((item = {}));
          pending.set(item, { key, value });
        }
      }
      if (last) throw new Error(`${f.document} ${f.path}: a path cannot end in a list item`);
      node = item as JsonObject;
    });
  }
  // Facts that never gave an item's key field: the key is all there is to say about it.
  for (const [item, { key, value }] of pending) if (item[key] === undefined) item[key] = value;
  return docs;
}

/** Facts of the documents (in document order). */
export function factsOf(docs: Iterable<[string, JsonObject]>): Fact[] {
  const out: Fact[] = [];
  for (const [document, value] of docs) for (const f of flatten(value)) out.push({ document, ...f });
  return out;
}

// ---------------------------------------------------------------- reading sources

/** YAML to plain data, CloudFormation short forms (`!Ref`, `!Sub`, `!GetAtt a.b`) as long forms. */
function toPlain(node: Node | null | undefined): Json {
  if (!node) return null;
  let v: Json;
  if (isMap(node)) {
    v = {};
    for (const p of node.items) {
      if (!isPair(p)) continue;
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      v[k] = toPlain(p.value as Node);
    }
  } else if (isSeq(node)) v = node.items.map((x) => toPlain(x as Node));
  else if (isScalar(node)) v = node.value as Json;
  else v = null;
  const tag = node.tag;
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return v;
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: v };
  if (name === 'GetAtt' && typeof v === 'string') {
    const dot = v.indexOf('.');
    return { 'Fn::GetAtt': [v.slice(0, dot), v.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: v };
}

export function readYamlDocuments(text: string): Json[] {
  return parseAllDocuments(text, { version: '1.2' }).flatMap((d) => {
    if (d.errors.length) throw new Error(d.errors[0]!.message);
    return d.contents ? [toPlain(d.contents as Node)] : [];
  });
}

const K8S_NOISE_META = ['creationTimestamp', 'resourceVersion', 'uid', 'generation', 'managedFields', 'selfLink'];
const K8S_NOISE_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];
/** Fields `aws ecs describe-task-definition` adds that RegisterTaskDefinition does not take. */
const ECS_READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];

function dropK8sNoise(doc: JsonObject): JsonObject {
  const out = structuredClone(doc);
  delete out.status;
  const clean = (meta: Json | undefined): void => {
    if (!isObject(meta)) return;
    for (const k of K8S_NOISE_META) delete meta[k];
    if (isObject(meta.annotations)) {
      for (const a of K8S_NOISE_ANNOTATIONS) delete meta.annotations[a];
      if (!Object.keys(meta.annotations).length) delete meta.annotations;
    }
  };
  clean(out.metadata);
  const spec = out.spec;
  if (isObject(spec) && isObject(spec.template)) {
    clean(spec.template.metadata);
    if (isObject(spec.template.metadata) && !Object.keys(spec.template.metadata).length) delete spec.template.metadata;
  }
  return out;
}

/**
 * The documents of a source file as `[id, value]`, without source-only noise: Kubernetes status and
 * server-set metadata, describe-task-definition's read-only fields, a Kubernetes `kind` (it is in the
 * id, like a CloudFormation resource's `Type`), and CloudFormation's Description, Metadata,
 * Outputs and parameter descriptions (documentation, not deployment), resource `Type` (it is in the
 * id) and `DependsOn` (ordering between logical IDs, which codegen derives).
 */
export function sourceDocuments(format: DocFormat, text: string): [string, JsonObject][] {
  if (format === 'ecs-task-definition') {
    let td = JSON.parse(text) as JsonObject;
    if (isObject(td.taskDefinition)) td = td.taskDefinition;
    for (const k of ECS_READ_ONLY) delete td[k];
    return [[`TaskDefinition/${String(td.family)}`, td]];
  }
  const docs = readYamlDocuments(text).filter(isObject);
  if (format === 'kubernetes') {
    return docs
      .flatMap((d) => (d.kind === 'List' && Array.isArray(d.items) ? d.items.filter(isObject) : [d]))
      .map((d) => {
        const { kind, ...rest } = dropK8sNoise(d);
        return [`${String(kind)}/${String((d.metadata as JsonObject).name)}`, rest];
      });
  }
  if (format === 'copilot') return docs.map((d) => [`Manifest/${String(d.name)}`, d]);
  // Compose: one document per service (top-level volumes, networks and secrets are the project's).
  if (format === 'compose') return docs.flatMap((d) => (isObject(d.services) ? Object.entries(d.services).filter(([, s]) => isObject(s)).map(([n, s]): [string, JsonObject] => [`Service/${n}`, s as JsonObject]) : []));
  return docs.flatMap(templateDocuments);
}

function templateDocuments(t: JsonObject): [string, JsonObject][] {
  const out: [string, JsonObject][] = [];
  for (const [section, kind] of [['Parameters', 'Parameter'], ['Mappings', 'Mapping'], ['Conditions', 'Condition']] as const) {
    const s = t[section];
    if (!isObject(s)) continue;
    for (const [name, v] of Object.entries(s)) {
      if (kind === 'Parameter' && isObject(v)) {
        const { Description: _d, ...rest } = v;
        out.push([`${kind}/${name}`, rest]);
      } else out.push([`${kind}/${name}`, isObject(v) && !isIntrinsic(v) ? v : { value: v }]);
    }
  }
  if (t.Transform !== undefined) out.push(['Transform/template', { value: t.Transform }]);
  if (isObject(t.Hooks)) for (const [name, v] of Object.entries(t.Hooks)) if (isObject(v)) out.push([`Hook/${name}`, v]);
  if (isObject(t.Resources)) {
    for (const [id, r] of Object.entries(t.Resources)) {
      if (!isObject(r)) continue;
      const { Type, DependsOn: _d, Metadata: _m, ...rest } = r;
      out.push([`${String(Type)}/${id}`, Object.keys(rest).length ? rest : { Properties: {} }]);
    }
  }
  return out;
}

/** The source text `codegen import` reads, rebuilt from the documents. */
export function documentsText(format: DocFormat, docs: Map<string, JsonObject>): string {
  const list = [...docs.entries()];
  if (format === 'ecs-task-definition') return `${JSON.stringify(list[0]![1], null, 2)}\n`;
  if (format === 'kubernetes') return list.map(([id, d]) => stringify({ apiVersion: d.apiVersion, kind: id.slice(0, id.indexOf('/')), ...d }, { lineWidth: 0 })).join('---\n');
  if (format === 'compose') return stringify({ services: Object.fromEntries(list.map(([id, d]) => [id.slice(id.indexOf('/') + 1), d])) }, { lineWidth: 0 });
  if (format !== 'cloudformation') return list.map(([, d]) => stringify(d, { lineWidth: 0 })).join('---\n');
  const t: JsonObject = { AWSTemplateFormatVersion: '2010-09-09' };
  const section = (name: string): JsonObject => (isObject(t[name]) ? (t[name] as JsonObject) : (t[name] = {}) as JsonObject);
  for (const [id, d] of list) {
    const slash = id.indexOf('/');
    const kind = id.slice(0, slash);
    const name = id.slice(slash + 1);
    if (kind === 'Parameter') section('Parameters')[name] = d;
    else if (kind === 'Mapping') section('Mappings')[name] = d;
    else if (kind === 'Condition') section('Conditions')[name] = 'value' in d ? d.value! : d;
    else if (kind === 'Transform') t.Transform = d.value!;
    else if (kind === 'Hook') section('Hooks')[name] = d;
    else section('Resources')[name] = { Type: kind, ...d };
  }
  return stringify(t, { lineWidth: 0 });
}

// ---------------------------------------------------------------- generated documents

export interface GeneratedArtifact {
  path: string;
  kind: string;
  documents?: JsonObject[];
}

/** The generated documents, by the same ids as the facts. */
export function generatedDocuments(artifacts: readonly GeneratedArtifact[]): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const a of artifacts) {
    for (const d of a.documents ?? []) {
      if (a.kind === 'ecs-task-definition') out.set(`TaskDefinition/${String(d.family)}`, d);
      else if (a.kind === 'copilot-manifest') out.set(`Manifest/${String(d.name)}`, d);
      else if (a.kind === 'cloudformation') for (const [id, v] of templateDocuments(d)) out.set(id, v);
      else if (typeof d.kind === 'string' && isObject(d.metadata)) {
        const { kind, ...rest } = d;
        out.set(`${String(kind)}/${String(d.metadata.name)}`, rest);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- comparison

export type Status = 'matched' | 'deliberate' | 'different' | 'missing';

export interface FactResult {
  fact: Fact;
  status: Status;
  /** The generated value (different), or the deepest generated path that exists (missing). */
  got?: Json;
  /** Missing: what is absent (the whole document, or the first step the output lacks). */
  absent?: string;
  reason?: string;
}

/** Kubernetes quantities (`100m` = `0.1`, `1Gi` = `1024Mi`) as numbers. */
export function quantity(v: Json): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^([0-9.]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/.exec(v);
  if (!m) return undefined;
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
  return Number(m[1]) * (m[2] ? mult[m[2]]! : 1);
}

/**
 * Whether the generated value says what the recorded one says. Exact JSON equality, with these
 * documented equivalences: CloudFormation scalars compare as text (CloudFormation passes `"256"`
 * and `256` alike) and an `Fn::Join` of text and references as the `Fn::Sub` it equals;
 * Kubernetes resource quantities compare by amount; a Copilot `http.version` ignores case.
 */
export function sameValue(expected: Json, got: Json, document: string, path: string): boolean {
  if (JSON.stringify(expected) === JSON.stringify(got)) return true;
  const cfn = /^(AWS::|Parameter\/|Condition\/|Mapping\/)/.test(document);
  if (cfn) return looseEqual(joinAsSub(expected), joinAsSub(got));
  // Copilot upper-cases http.version before checking it (internal/pkg/manifest/validate.go).
  if (document.startsWith('Manifest/') && /\/version$/.test(path) && typeof expected === 'string' && typeof got === 'string') return expected.toUpperCase() === got.toUpperCase();
  if (/\/resources\/(limits|requests)\/[^/]+$/.test(path)) {
    const a = quantity(expected);
    const b = quantity(got);
    return a !== undefined && b !== undefined && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a));
  }
  return false;
}

/**
 * `Fn::Join` of text and references, written as the `Fn::Sub` string it equals; an `Fn::Sub` that
 * is one `${Name}` (a parameter or logical ID) and nothing else is `Ref: Name` (CloudFormation's
 * Fn::Sub: a `${Name}` variable is what `Ref` of it returns).
 */
function joinAsSub(v: Json): Json {
  if (Array.isArray(v)) return v.map(joinAsSub);
  if (!isObject(v)) return v;
  const only = Object.keys(v).length === 1 && typeof v['Fn::Sub'] === 'string' ? /^\$\{([A-Za-z0-9:]+)\}$/.exec(v['Fn::Sub']) : null;
  if (only) return { Ref: only[1]! };
  const j = v['Fn::Join'];
  if (Object.keys(v).length === 1 && Array.isArray(j) && typeof j[0] === 'string' && Array.isArray(j[1])) {
    const parts = j[1].map((p) => {
      if (typeof p === 'string' || typeof p === 'number') return String(p).replace(/\$\{/g, '${!');
      if (isObject(p) && typeof p.Ref === 'string') return `\${${p.Ref}}`;
      const att = isObject(p) ? p['Fn::GetAtt'] : undefined;
      if (Array.isArray(att) && att.every((x) => typeof x === 'string')) return `\${${att.join('.')}}`;
      return undefined;
    });
    if (parts.every((p) => p !== undefined)) return { 'Fn::Sub': parts.join(j[0]) };
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, joinAsSub(x)]));
}

function looseEqual(a: Json, b: Json): boolean {
  if (isScalarValue(a) && isScalarValue(b)) return a !== null && b !== null ? String(a) === String(b) : a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => looseEqual(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && looseEqual(a[k]!, b[k]!));
  }
  return false;
}

/**
 * The generated document for a fact's document: the case's `match` (`""`: codegen has none, unless
 * the output holds one under the same id; a match not generated falls back to the same id), the
 * same id, or the only one of its kind on both sides.
 */
export function resolveDocument(id: string, generated: Map<string, JsonObject>, recordedIds: readonly string[], match: Record<string, string> = {}): string | undefined {
  const kindOf = (x: string): string => x.slice(0, x.indexOf('/'));
  // "": codegen makes no such document; an imported spec that keeps it as a patch (--exact) has it under its own ID.
  if (match[id] === '') return generated.has(id) ? id : undefined;
  if (match[id] !== undefined) {
    const target = match[id]!.includes('/') ? match[id]! : `${kindOf(id)}/${match[id]}`;
    if (generated.has(target)) return target;
    // A spec that keeps the source's logical IDs (logicalIds, an imported spec) generates it under its own ID.
    return generated.has(id) ? id : undefined;
  }
  if (generated.has(id)) return id;
  const kind = kindOf(id);
  const mine = recordedIds.filter((x) => kindOf(x) === kind);
  const theirs = [...generated.keys()].filter((x) => kindOf(x) === kind && !recordedIds.includes(x) && !Object.values(match).includes(x));
  return mine.length === 1 && theirs.length === 1 ? theirs[0] : undefined;
}

/** The value at a path in a generated document, or the step where the path stops existing. */
export function lookup(doc: Json, path: string): { found: true; value: Json } | { found: false; absent: string } {
  let node: Json = doc;
  const steps = parsePath(path);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const here = formatPath(steps.slice(0, i + 1));
    if (!isObject(node) || !(s.prop in node)) return { found: false, absent: formatPath([...steps.slice(0, i), { prop: s.prop }]) };
    node = node[s.prop]!;
    if (!s.item) continue;
    if (!Array.isArray(node)) return { found: false, absent: here };
    const it = s.item;
    const next: Json | undefined = 'index' in it ? node[it.index] : node.find((x) => isObject(x) && x[it.key] !== undefined && String(x[it.key]) === it.value);
    if (next === undefined) return { found: false, absent: here };
    node = next;
  }
  return { found: true, value: node };
}

const deliberateKey = (d: { document: string; path: string }): string => `${d.document} ${d.path}`;

/**
 * A CloudFormation value with its references (`Ref`, `Fn::GetAtt`, `${Name}` in `Fn::Sub`) renamed
 * from the source's logical IDs and parameters to the generated ones they were paired with: a
 * reference compares by what it points at, not by the name each template gives it.
 */
export function renameReferences(v: Json, names: ReadonlyMap<string, string>): Json {
  if (!names.size) return v;
  const sub = (s: string): string => s.replace(/\$\{([A-Za-z0-9]+)((?:\.[A-Za-z0-9.]+)?)\}/g, (all, n: string, attr: string) => (names.has(n) ? `\${${names.get(n)}${attr}}` : all));
  if (Array.isArray(v)) return v.map((x) => renameReferences(x, names));
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'Ref' && typeof x === 'string') out[k] = names.get(x) ?? x;
    else if (k === 'Fn::GetAtt' && Array.isArray(x) && typeof x[0] === 'string') out[k] = [names.get(x[0]) ?? x[0], ...x.slice(1).map((y) => renameReferences(y, names))];
    else if (k === 'Fn::Sub' && typeof x === 'string') out[k] = sub(x);
    else if (k === 'Fn::Sub' && Array.isArray(x) && typeof x[0] === 'string') out[k] = [sub(x[0]), ...x.slice(1).map((y) => renameReferences(y, names))];
    else out[k] = renameReferences(x, names);
  }
  return out;
}

/** Compare every fact with the generated documents. */
export function compareFacts(facts: readonly Fact[], generated: Map<string, JsonObject>, deliberate: readonly Deliberate[] = [], match: Record<string, string> = {}): FactResult[] {
  const recordedIds = [...new Set(facts.map((f) => f.document))];
  const resolved = new Map(recordedIds.map((id) => [id, resolveDocument(id, generated, recordedIds, match)]));
  const names = new Map<string, string>();
  for (const [id, to] of resolved) {
    const from = id.slice(id.indexOf('/') + 1);
    const into = to?.slice(to.indexOf('/') + 1);
    if (into !== undefined && into !== from && (id.startsWith('AWS::') || id.startsWith('Parameter/'))) names.set(from, into);
  }
  // A document the case does not record (shared infrastructure the source template creates, such
  // as its cluster or listener) may still be paired with what codegen references instead, so a
  // reference to it compares by what it points at.
  for (const [id, to] of Object.entries(match)) {
    if (recordedIds.includes(id) || to === '' || !(id.startsWith('AWS::') || id.startsWith('Parameter/'))) continue;
    const from = id.slice(id.indexOf('/') + 1);
    const into = to.includes('/') ? to.slice(to.indexOf('/') + 1) : to;
    if (into !== from && !names.has(from)) names.set(from, into);
  }
  const reasons = new Map(deliberate.map((d) => [deliberateKey(d), d.reason]));
  return facts.map((fact): FactResult => {
    const target = resolved.get(fact.document);
    let r: FactResult;
    if (target === undefined) r = { fact, status: 'missing', absent: fact.document };
    else {
      const at = lookupFact(generated.get(target)!, fact);
      if (!at.found) r = { fact, status: 'missing', absent: `${target} ${at.absent}` };
      else if (sameValue(renameReferences(fact.value, names), at.value, fact.document, fact.path)) return { fact, status: 'matched' };
      else r = { fact, status: 'different', got: at.value };
    }
    // Deliberate applies to this field only (not when its container is absent), or, with an
    // empty path, to a whole document codegen does not write.
    const whole = r.absent === fact.document ? reasons.get(`${fact.document} `) : undefined;
    if (whole !== undefined) return { ...r, status: 'deliberate', reason: whole };
    const reason = reasons.get(deliberateKey(fact));
    if (reason === undefined || (r.status === 'missing' && r.absent !== `${target} ${leafStep(fact.path)}`)) return r;
    return { ...r, status: 'deliberate', reason };
  });
}

/** The config that holds a listener rule condition's values (ELB RuleCondition). */
const CONDITION_CONFIG: Readonly<Record<string, string>> = { 'path-pattern': 'PathPatternConfig', 'host-header': 'HostHeaderConfig' };

/**
 * `lookup`, with the ELB's own equivalence: a path-pattern or host-header condition's `Values`
 * (the older form) says what its `PathPatternConfig` / `HostHeaderConfig` `Values` says.
 */
export function lookupFact(doc: Json, fact: Fact): ReturnType<typeof lookup> {
  const at = lookup(doc, fact.path);
  const m = /^(.*\/Conditions\[Field=(path-pattern|host-header)\])\/Values$/.exec(fact.path);
  if (at.found || !m || !fact.document.startsWith('AWS::ElasticLoadBalancingV2::ListenerRule/')) return at;
  const config = lookup(doc, `${m[1]}/${CONDITION_CONFIG[m[2]!]}/Values`);
  return config.found ? config : at;
}

/** The path as `lookup` reports it when only its last step is absent. */
function leafStep(path: string): string {
  const steps = parsePath(path);
  const last = steps[steps.length - 1]!;
  return formatPath([...steps.slice(0, -1), { prop: last.prop }]);
}

/**
 * Deliberate entries that name no fact, or a fact that matches (the list must stay true). An entry
 * whose field is missing because its container or document is missing stays: it applies again
 * once that gap is closed.
 */
export function staleDeliberate(results: readonly FactResult[], deliberate: readonly Deliberate[]): Deliberate[] {
  const open = new Set(results.filter((r) => r.status !== 'matched').map((r) => deliberateKey(r.fact)));
  const absentDocs = new Set(results.filter((r) => r.absent === r.fact.document).map((r) => `${r.fact.document} `));
  return deliberate.filter((d) => (d.path === '' ? !absentDocs.has(deliberateKey(d)) : !open.has(deliberateKey(d))));
}

export interface Tally {
  facts: number;
  matched: number;
  deliberate: number;
  different: number;
  missing: number;
}

export function tally(results: readonly FactResult[]): Tally {
  const t: Tally = { facts: results.length, matched: 0, deliberate: 0, different: 0, missing: 0 };
  for (const r of results) t[r.status]++;
  return t;
}

export function addTally(a: Tally, b: Tally): Tally {
  return { facts: a.facts + b.facts, matched: a.matched + b.matched, deliberate: a.deliberate + b.deliberate, different: a.different + b.different, missing: a.missing + b.missing };
}

export const percent = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : 'n/a');
