/**
 * Compose volumes of a service → the spec's `volumes` and the container's `mounts`:
 * - a named volume (declared under the top-level `volumes` without a driver, driver options, a
 *   name or `external`) and an anonymous one → `emptyDir`, with a warning: Compose keeps a named
 *   volume's data across restarts and `docker compose down`, an emptyDir lives as long as the pod or
 *   task; a named volume a driver or an outside system provides is reported, not carried;
 * - a bind mount of an absolute host path → `hostPath`, with the warning the spec gives (EC2 only
 *   on ECS; on Kubernetes it ties the pod to a node); a path of the project directory (`./conf`,
 *   `~/x`) is reported: a cluster has no such directory;
 * - `tmpfs` (the mount type, or the service's `tmpfs` list) → `emptyDir` with `medium: Memory`.
 * The containers of one spec (the service and its sidecars) share a volume of the same source.
 * @see https://github.com/compose-spec/compose-spec/blob/main/05-services.md#volumes
 */
import { dnsLabel } from '../names.js';
import type { Field } from '../fields.js';
import { memory } from './container.js';

type Json = Record<string, unknown>;

/** The spec volumes of one spec, by what they hold (a named volume, a host path, a tmpfs mount). */
export class SpecVolumes {
  readonly volumes: Record<string, Json> = {};
  private readonly bySource = new Map<string, string>();

  /** The spec volume name for `source` (created on first use; names are DNS labels, unique). */
  name(source: string, base: string, volume: Json): string {
    const known = this.bySource.get(source);
    if (known !== undefined) return known;
    const stem = dnsLabel(base) ?? 'data';
    let n = stem;
    for (let i = 2; Object.hasOwn(this.volumes, n); i++) n = `${stem.slice(0, 60)}-${i}`;
    this.volumes[n] = volume;
    this.bySource.set(source, n);
    return n;
  }
}

interface Mount {
  source?: string;
  target: string;
  type: 'volume' | 'bind' | 'tmpfs' | string;
  readOnly?: boolean;
  subPath?: string;
  /** tmpfs size (Kubernetes quantity). */
  size?: string;
  /** Short-syntax access modes other than ro/rw (z, Z, nocopy, ...). */
  modes: string[];
}

const lastSegment = (path: string): string => path.split('/').filter(Boolean).pop() ?? 'data';

/** The short syntax `[SOURCE:]TARGET[:MODE]` or the long form, or undefined (reported) when it cannot be read. */
function parse(v: Field): Mount | undefined {
  if (v.isMap()) {
    const target = v.get('target').value;
    if (typeof target !== 'string') return undefined;
    const source = v.get('source').value;
    const type = typeof v.get('type').value === 'string' ? String(v.get('type').value) : source === undefined ? 'volume' : 'bind';
    const m: Mount = { target, type, modes: [], ...(typeof source === 'string' ? { source } : {}) };
    if (v.get('read_only').value === true) m.readOnly = true;
    const subPath = v.get('volume', 'subpath').value;
    if (typeof subPath === 'string') m.subPath = subPath;
    return m;
  }
  if (typeof v.value !== 'string') return undefined;
  const parts = v.value.split(':');
  const isMode = (x: string | undefined) => x !== undefined && /^(ro|rw|z|Z|nocopy|cached|delegated|consistent)(,(ro|rw|z|Z|nocopy|cached|delegated|consistent))*$/.test(x);
  let source: string | undefined;
  let target: string;
  let modes: string[] = [];
  if (parts.length === 1) target = parts[0]!;
  else if (parts.length === 2 && parts[0]!.startsWith('/') && isMode(parts[1])) [target, modes] = [parts[0]!, parts[1]!.split(',')];
  else if (parts.length === 2) [source, target] = [parts[0]!, parts[1]!];
  else if (parts.length === 3 && isMode(parts[2])) [source, target, modes] = [parts[0]!, parts[1]!, parts[2]!.split(',')];
  else return undefined;
  if (!target.startsWith('/')) return undefined;
  const isPath = source !== undefined && /^[./~]/.test(source);
  const m: Mount = { target, type: source === undefined ? 'volume' : isPath ? 'bind' : 'volume', modes: modes.filter((x) => x !== 'ro' && x !== 'rw'), ...(source !== undefined ? { source } : {}) };
  if (modes.includes('ro')) m.readOnly = true;
  return m;
}

/** Mark what a long-form mount carried; the rest of it is reported by the tracker. */
function markLong(v: Field, m: Mount): void {
  for (const k of ['type', 'source', 'target', 'read_only']) v.get(k).use();
  if (m.subPath !== undefined) v.get('volume', 'subpath').use();
}

/**
 * The mounts of service `key` (volumes and tmpfs), adding the spec volumes they need. `shared`
 * names, per named volume, the services of other specs that mount it too.
 */
export function readMounts(key: string, s: Field, top: Field, vols: SpecVolumes, shared: (volume: string) => string[]): Json[] | undefined {
  const mounts: Json[] = [];
  const add = (name: string, m: Mount) => mounts.push({ volume: name, path: m.target, ...(m.readOnly ? { readOnly: true } : {}), ...(m.subPath !== undefined ? { subPath: m.subPath } : {}) });
  for (const v of s.get('volumes').items()) {
    const m = parse(v);
    if (!m) {
      v.drop('no-form', `${JSON.stringify(v.value)} is not a volume the importer can read (source, an absolute target path, a mode), so it is not carried.`);
      continue;
    }
    const long = v.isMap();
    if (m.type === 'tmpfs') {
      const size = long ? memory(v.get('tmpfs', 'size')) : undefined;
      if (long) markLong(v, m);
      add(vols.name(`tmpfs:${m.target}`, lastSegment(m.target), { emptyDir: { medium: 'Memory', ...(size ? { sizeLimit: size } : {}) } }), m);
      continue;
    }
    if (m.type === 'bind') {
      const src = m.source ?? '';
      if (!src.startsWith('/')) {
        v.drop('no-form', `${key} mounts ${src} of the project directory at ${m.target}; a cluster has no project directory, so it is not carried.`, 'put configuration files in a ConfigMap (volumes.<name>.configMap) or in the image; data in an efs volume');
        continue;
      }
      if (long) markLong(v, m);
      else v.use();
      const name = vols.name(`host:${src}`, lastSegment(src), { hostPath: { path: src } });
      add(name, m);
      v.tracker.report(v.path, 'IMPORT_VALUE_CHANGED', 'warning', `The bind mount of the host's ${src} becomes the hostPath volume ${name}: on ECS only the EC2 launch type takes it (Fargate refuses it), on Kubernetes it ties the pod to the files of one node and exposes the node to the pod. Check that every node has ${src}.`);
    } else if (m.type === 'volume') {
      if (m.source === undefined) {
        if (long) markLong(v, m);
        else v.use();
        add(vols.name(`anonymous:${key}:${m.target}`, lastSegment(m.target), { emptyDir: {} }), m);
        v.note(`The anonymous volume at ${m.target} becomes an emptyDir volume: scratch space for as long as the pod or task runs.`);
      } else {
        const decl = top.get('volumes', m.source);
        const provided = ['driver', 'driver_opts', 'external', 'name'].filter((k) => decl.isMap() && decl.get(k).exists && decl.get(k).value !== false);
        if (provided.length) {
          v.drop('no-form', `The named volume ${m.source} comes from ${provided.map((k) => `its ${k}`).join(' and ')}, which the spec has no form for, so it is not carried.`, 'for data that must outlive the task or pod, declare an efs volume and mount it');
          continue;
        }
        if (long) markLong(v, m);
        else v.use();
        decl.use();
        const name = vols.name(`volume:${m.source}`, m.source, { emptyDir: {} });
        add(name, m);
        const others = shared(m.source);
        v.tracker.report(v.path, 'IMPORT_VALUE_CHANGED', 'warning', `The named volume ${m.source} becomes the emptyDir volume ${name}: Compose keeps its data across restarts and docker compose down, an emptyDir only as long as the pod (on ECS, the task) runs${others.length ? `, and ${others.join(', ')} (another spec) no longer share${others.length === 1 ? 's' : ''} it` : ''}. For data that must outlive it, use an efs volume.`);
      }
    } else {
      v.drop('no-form', `A ${m.type} mount has no form in the spec, so it is not carried.`);
      continue;
    }
    if (m.modes.length) v.note(`The mount options ${m.modes.join(', ')} of ${m.target} are Docker's; the spec does not carry them.`);
  }
  const tmpfs = s.get('tmpfs');
  for (const t of typeof tmpfs.value === 'string' ? [tmpfs] : tmpfs.items()) {
    const [path, opts] = String(t.value).split(':');
    if (!path?.startsWith('/')) continue;
    t.use();
    add(vols.name(`tmpfs:${path}`, lastSegment(path), { emptyDir: { medium: 'Memory' } }), { target: path, type: 'tmpfs', modes: [] });
    if (opts) t.note(`The tmpfs options ${opts} of ${path} are not carried (a memory-backed emptyDir takes only a size limit).`);
  }
  return mounts.length ? mounts : undefined;
}

/** The named volumes a service mounts (read without marking anything). */
export function namedVolumes(s: Field): string[] {
  const v = s.get('volumes').value;
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => {
    const source = typeof x === 'string' ? (x.split(':').length > 1 ? x.split(':')[0] : undefined) : x !== null && typeof x === 'object' ? (x as Json).source : undefined;
    return typeof source === 'string' && !/^[./~]/.test(source) ? [source] : [];
  });
}
