/**
 * The lifecycle and storage parts of an ECS task definition → the spec: `volumes` and
 * `ephemeralStorage`, each container's `mountPoints`, `ulimits`, `healthCheck` and `stopTimeout`,
 * and the sidecars' `essential` (default true, except a container waited for with COMPLETE or
 * SUCCESS, whose default is false).
 */
import type { Field } from '../fields.js';

type Json = Record<string, unknown>;

/** A list of strings, or undefined. */
export function strings(f: Field): string[] | undefined {
  if (!Array.isArray(f.value) || !f.value.every((x) => typeof x === 'string')) return undefined;
  return f.take() as string[];
}

/** A container `healthCheck` → `health.container`. */
export function healthCheckOf(hc: Field): Json | undefined {
  if (!hc.exists) return undefined;
  const command = strings(hc.get('command'));
  const h: Json = { ...(command ? { command } : {}) };
  for (const k of ['interval', 'timeout', 'retries', 'startPeriod']) {
    const v = hc.get(k).num();
    if (v !== undefined) h[k] = v;
  }
  hc.use();
  return h;
}

/** `mountPoints` and `ulimits` of one container. */
export function readContainerStorage(c: Field, out: Json): void {
  const mounts: Json[] = [];
  for (const mp of c.get('mountPoints').items()) {
    const volume = mp.get('sourceVolume').str();
    const path = mp.get('containerPath').str();
    if (volume === undefined || path === undefined) continue;
    mp.use();
    mounts.push({ volume, path, ...(mp.get('readOnly').bool() ? { readOnly: true } : {}) });
  }
  if (mounts.length) out.mounts = mounts;
  const ulimits: Json = {};
  for (const u of c.get('ulimits').items()) {
    const name = u.get('name').str();
    const soft = u.get('softLimit').num();
    const hard = u.get('hardLimit').num();
    if (name === undefined || soft === undefined || hard === undefined) continue;
    u.use();
    ulimits[name] = soft === hard ? soft : { soft, hard };
  }
  if (Object.keys(ulimits).length) out.ulimits = ulimits;
}

/** Sidecars are essential unless they say otherwise; a container waited for with COMPLETE or SUCCESS is not. */
export function settleEssential(spec: Json, sidecars: Json): void {
  const waitedToExit = new Set<string>();
  for (const c of [spec, ...Object.values(sidecars)] as Json[]) {
    for (const [name, cond] of Object.entries((c.dependsOn as Json | undefined) ?? {})) if (cond === 'COMPLETE' || cond === 'SUCCESS') waitedToExit.add(name);
  }
  for (const [name, s] of Object.entries(sidecars) as [string, Json][]) {
    const essential = s.essential as boolean;
    if (essential === !waitedToExit.has(name)) delete s.essential;
  }
}

/**
 * `stopTimeout`: the same value on every container is `terminationGracePeriod`; the main
 * container's own value is `targets.ecs.stopTimeout` (it wins there).
 */
export function readStopTimeouts(main: Field, sidecars: Field[], spec: Json, ecs: Json): void {
  const mainStop = main.get('stopTimeout').num();
  const side = sidecars.map((c) => c.get('stopTimeout'));
  const values = side.map((f) => f.value);
  const shared = values.length && values.every((v) => typeof v === 'number' && v === values[0]) ? (values[0] as number) : undefined;
  if (shared !== undefined) {
    for (const f of side) f.use();
    spec.terminationGracePeriod = shared;
    if (mainStop !== shared && mainStop !== undefined) ecs.stopTimeout = mainStop;
    else if (mainStop === undefined) main.get('stopTimeout').note('Only the sidecars have a stopTimeout: it is read as terminationGracePeriod, which ECS writes on the main container too.', 'IMPORT_VALUE_CHANGED');
    return;
  }
  if (mainStop !== undefined) {
    if (sidecars.length === 0) spec.terminationGracePeriod = mainStop;
    else ecs.stopTimeout = mainStop;
  }
  for (const f of side) if (f.exists) f.drop('no-form', 'A stopTimeout of one sidecar has no form in the spec (terminationGracePeriod applies to every container), so it is not carried.');
}

/** Task `volumes` and `ephemeralStorage`. */
export function readTaskStorage(td: Field, spec: Json): void {
  const volumes: Json = {};
  for (const v of td.get('volumes').items()) {
    const name = v.get('name').str();
    if (name === undefined) continue;
    const host = v.get('host');
    const efs = v.get('efsVolumeConfiguration');
    if (efs.isMap()) {
      const out: Json = { fileSystemId: efs.get('fileSystemId').str() };
      const root = efs.get('rootDirectory').str();
      if (root !== undefined) out.rootDirectory = root;
      const transit = efs.get('transitEncryption');
      if (transit.value !== 'ENABLED') out.transitEncryption = false;
      transit.use();
      const auth = efs.get('authorizationConfig');
      const ap = auth.get('accessPointId').str();
      if (ap !== undefined) out.accessPointId = ap;
      if (auth.get('iam').value === 'ENABLED') out.iam = true;
      auth.get('iam').use(), auth.use(), efs.use();
      volumes[name] = { efs: out };
    } else if (host.isMap() && host.get('sourcePath').exists) {
      volumes[name] = { hostPath: { path: host.get('sourcePath').str() } };
      host.use();
    } else if (!host.exists && Object.keys(v.value as Json).length === 1) {
      volumes[name] = { emptyDir: {} };
    } else continue;
    v.use();
  }
  if (Object.keys(volumes).length) spec.volumes = volumes;
  const size = td.get('ephemeralStorage', 'sizeInGiB').num();
  if (size !== undefined) spec.ephemeralStorage = size, td.get('ephemeralStorage').use();
}
