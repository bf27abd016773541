/**
 * A kustomize overlay for one environment: what the environment's Kubernetes objects change in the
 * base objects, and nothing else. The overlay names the base folder as a resource and holds
 * - `images:` for containers whose image differs (one entry per base image name, when every
 *   container of that name moves to the same image),
 * - one JSON 6902 patch per changed object (`patches/<kind>-<name>.yaml`, RFC 6902 operations
 *   found by comparing the objects: maps key by key, lists of the same length item by item, other
 *   lists replaced whole),
 * - a strategic-merge `$patch: delete` per object the environment does not have,
 * - the files of objects only the environment has, listed as resources.
 * Pure: documents in, documents out (the serializer writes them).
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import { splitImage } from './kustomization.js';

export interface K8sDoc {
  /** File name in the target folder, e.g. `deployment.yaml`. */
  file: string;
  doc: JsonObject;
}

export interface OverlayFile {
  /** Path relative to the overlay folder. */
  path: string;
  /** A JSON 6902 patch is a list of operations; every other file is one object. */
  doc: JsonObject | JsonObject[];
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

const pointer = (path: readonly (string | number)[]): string => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** RFC 6902 operations that turn `a` into `b`. */
export function jsonPatch(a: Json, b: Json, path: (string | number)[] = [], ops: JsonObject[] = []): JsonObject[] {
  if (same(a, b)) return ops;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) if (!Object.hasOwn(b, k)) ops.push({ op: 'remove', path: pointer([...path, k]) });
    for (const k of Object.keys(b)) {
      if (Object.hasOwn(a, k)) jsonPatch(a[k]!, b[k]!, [...path, k], ops);
      else ops.push({ op: 'add', path: pointer([...path, k]), value: b[k]! });
    }
    return ops;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => jsonPatch(x, b[i]!, [...path, i], ops));
    return ops;
  }
  ops.push({ op: 'replace', path: pointer(path), value: b });
  return ops;
}

const metadata = (d: JsonObject): JsonObject => (isObject(d.metadata) ? d.metadata : {});
const identity = (d: JsonObject): string => `${String(d.apiVersion)}|${String(d.kind)}|${String(metadata(d).name)}`;

/** Every `containers` / `initContainers` item of an object (pod templates at any depth). */
function containers(v: Json, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(v)) v.forEach((x) => containers(x, out));
  else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'containers' || k === 'initContainers') && Array.isArray(x)) out.push(...x.filter(isObject));
      else containers(x, out);
    }
  }
  return out;
}

/**
 * `images:` entries that move each base image name to the environment's image, when the move is
 * one a kustomize entry can say (every container of that name to the same image, the new one
 * tagged or pinned). Returns the entries and the images they map.
 */
function imageEntries(pairs: [string, string][]): { entries: JsonObject[]; mapped: Map<string, string> } {
  const byName = new Map<string, string | null>();
  for (const [from, to] of pairs) {
    const name = splitImage(from).name;
    const seen = byName.get(name);
    byName.set(name, seen === undefined || seen === to ? to : null);
  }
  // A name some container keeps while another moves cannot be one entry.
  for (const [from, to] of pairs) if (from === to && byName.get(splitImage(from).name) !== from) byName.set(splitImage(from).name, null);
  const entries: JsonObject[] = [];
  const mapped = new Map<string, string>();
  for (const [name, to] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (to === null) continue;
    const t = splitImage(to);
    const fromImages = pairs.filter(([f]) => splitImage(f).name === name).map(([f]) => f);
    if (fromImages.every((f) => f === to)) continue;
    // kustomize cannot take a tag or digest away: such a move stays in the patches.
    if (t.tag === undefined && t.digest === undefined) continue;
    entries.push({ name, ...(t.name !== name ? { newName: t.name } : {}), ...(t.tag !== undefined ? { newTag: t.tag } : {}), ...(t.digest !== undefined ? { digest: t.digest } : {}) });
    for (const f of fromImages) mapped.set(f, to);
  }
  return { entries, mapped };
}

function withImages(doc: JsonObject, mapped: ReadonlyMap<string, string>): JsonObject {
  const copy = structuredClone(doc);
  for (const c of containers(copy)) if (typeof c.image === 'string' && mapped.has(c.image)) c.image = mapped.get(c.image)!;
  return copy;
}

function target(d: JsonObject): JsonObject {
  const api = String(d.apiVersion);
  const slash = api.indexOf('/');
  const ns = metadata(d).namespace;
  return {
    ...(slash >= 0 ? { group: api.slice(0, slash) } : {}),
    version: slash >= 0 ? api.slice(slash + 1) : api,
    kind: String(d.kind),
    name: String(metadata(d).name),
    ...(typeof ns === 'string' ? { namespace: ns } : {}),
  };
}

const slug = (d: JsonObject): string => `${String(d.kind).toLowerCase()}-${String(metadata(d).name)}`.replace(/[^a-z0-9.-]+/g, '-');

/** The overlay files, kustomization.yaml first (an environment that changes nothing gets one naming the base alone). */
export function buildOverlay(base: readonly K8sDoc[], env: readonly K8sDoc[], baseFolder: string): OverlayFile[] {
  const baseBy = new Map(base.map((d) => [identity(d.doc), d]));
  const envBy = new Map(env.map((d) => [identity(d.doc), d]));
  // Images: container by container, in objects both sides have.
  const pairs: [string, string][] = [];
  for (const [id, e] of envBy) {
    const b = baseBy.get(id);
    if (!b) continue;
    const bc = new Map(containers(b.doc).map((c) => [String(c.name), c.image]));
    for (const c of containers(e.doc)) {
      const from = bc.get(String(c.name));
      if (typeof from === 'string' && typeof c.image === 'string') pairs.push([from, c.image]);
    }
  }
  const { entries, mapped } = imageEntries(pairs);
  const files: OverlayFile[] = [];
  const patches: JsonObject[] = [];
  const resources: string[] = [baseFolder];
  for (const b of base) {
    const e = envBy.get(identity(b.doc));
    if (!e) {
      const path = `patches/delete-${slug(b.doc)}.yaml`;
      const ns = metadata(b.doc).namespace;
      files.push({ path, doc: { $patch: 'delete', apiVersion: b.doc.apiVersion!, kind: b.doc.kind!, metadata: { name: metadata(b.doc).name!, ...(typeof ns === 'string' ? { namespace: ns } : {}) } } });
      patches.push({ path });
      continue;
    }
    const ops = jsonPatch(withImages(b.doc, mapped), e.doc);
    if (!ops.length) continue;
    const path = `patches/${slug(b.doc)}.yaml`;
    files.push({ path, doc: ops });
    patches.push({ path, target: target(b.doc) });
  }
  for (const e of env) {
    if (baseBy.has(identity(e.doc))) continue;
    const name = baseBy.size && base.some((b) => b.file === e.file) ? `${slug(e.doc)}.yaml` : e.file;
    files.push({ path: name, doc: e.doc });
    resources.push(name);
  }
  const kustomization: JsonObject = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
    ...(entries.length ? { images: entries } : {}),
    ...(patches.length ? { patches } : {}),
  };
  return [{ path: 'kustomization.yaml', doc: kustomization }, ...files];
}
