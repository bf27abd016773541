/**
 * Kubernetes containers → spec containers: image, command/args, ports, resources, env (values,
 * field and ConfigMap references, secretKeyRef), probes, securityContext.
 */
import type { Field } from '../fields.js';

import { CAPABILITIES } from '../../schema/values.js';

export type Json = Record<string, unknown>;

export interface PortDraft {
  name?: string;
  port: number;
  protocol?: 'udp';
  /** The Kubernetes port name (kept to match Service targetPorts). */
  k8sName?: string;
  servicePort?: number;
  appProtocol?: string;
}

export interface ContainerDraft {
  name: string;
  image?: string;
  entrypoint?: string[];
  command?: string[];
  ports: PortDraft[];
  resources?: Json;
  env: Json;
  secrets: Json;
  user?: string;
  readOnlyRootFilesystem?: boolean;
  /** Container-level security (`security` of the main container, `sidecars.<n>.security`). */
  security?: Json;
  pullPolicy?: string;
  probes: Json;
  mounts?: Json[];
  /** The volumeMounts the mounts were read from (same order). */
  mountFields?: Field[];
  /** Some container port has no name (written back with `derivedPortNames: false`). */
  unnamedPorts?: boolean;
}

function strings(f: Field): string[] | undefined {
  if (!Array.isArray(f.value) || !f.value.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
  f.use();
  return f.value.map(String);
}

function amounts(f: Field): Json | undefined {
  if (!f.isMap()) return undefined;
  const out: Json = {};
  const cpu = f.get('cpu');
  if (typeof cpu.value === 'string' || typeof cpu.value === 'number') out.cpu = cpu.take();
  const mem = f.get('memory');
  if (typeof mem.value === 'string') out.memory = mem.take();
  else if (typeof mem.value === 'number') mem.drop('changed', `memory ${mem.value} is a byte count; codegen takes Mi/Gi notation.`, 'write it as e.g. 512Mi');
  return Object.keys(out).length ? out : undefined;
}

const TIMINGS = [
  ['initialDelaySeconds', 'initialDelay'],
  ['periodSeconds', 'period'],
  ['timeoutSeconds', 'timeout'],
  ['successThreshold', 'successThreshold'],
  ['failureThreshold', 'failureThreshold'],
  ['terminationGracePeriodSeconds', 'terminationGracePeriod'],
] as const;

/** A core/v1 Probe → a spec probe (`http`/`grpc`/`tcp`/`exec` plus timings). */
export function probeOf(f: Field, mainPort: number | undefined): Json | undefined {
  if (!f.isMap()) return undefined;
  const out: Json = {};
  const port = (p: Field): number | string | undefined => {
    const v = p.value;
    if (typeof v === 'number') {
      p.use();
      return v === mainPort ? undefined : v;
    }
    if (typeof v === 'string') return p.str();
    return undefined;
  };
  const http = f.get('httpGet');
  const grpc = f.get('grpc');
  const tcp = f.get('tcpSocket');
  const exec = f.get('exec');
  if (http.isMap()) {
    http.use();
    const h: Json = { path: http.get('path').str() ?? '/' };
    const p = port(http.get('port'));
    if (p !== undefined) h.port = p;
    const scheme = http.get('scheme').str();
    if (scheme && scheme !== 'HTTP') h.scheme = scheme;
    else if (scheme) h.scheme = scheme;
    const headers: Json = {};
    for (const item of http.get('httpHeaders').items()) {
      const n = item.get('name').str();
      const v = item.get('value').str();
      if (n !== undefined && v !== undefined) headers[n] = v;
    }
    if (Object.keys(headers).length) h.headers = headers;
    if (http.get('host').exists) http.get('host').drop('no-form', 'A probe host has no form in the spec (the probe goes to the pod IP), so it is not carried.');
    out.http = h;
  } else if (grpc.isMap()) {
    grpc.use();
    const g: Json = {};
    const p = grpc.get('port').num();
    if (p !== undefined && p !== mainPort) g.port = p;
    const s = grpc.get('service').str();
    if (s !== undefined) g.service = s;
    out.grpc = g;
  } else if (tcp.isMap()) {
    tcp.use();
    const t: Json = {};
    const p = port(tcp.get('port'));
    if (p !== undefined) t.port = p;
    out.tcp = t;
  } else if (exec.isMap()) {
    const command = strings(exec.get('command'));
    if (!command) return undefined;
    exec.use();
    out.exec = { command };
  } else return undefined;
  f.use();
  for (const [k8s, spec] of TIMINGS) {
    const v = f.get(k8s).num();
    if (v !== undefined) out[spec] = v;
  }
  return out;
}

const KNOWN_CAPABILITIES: ReadonlySet<string> = new Set(CAPABILITIES);

/** A capability list, or undefined (reported) when it names one the spec does not know. */
export function capabilityList(f: Field): string[] | undefined {
  const v = f.value;
  if (!Array.isArray(v) || !v.length) return undefined;
  if (!v.every((x) => typeof x === 'string' && KNOWN_CAPABILITIES.has(x))) {
    f.drop('no-form', `${JSON.stringify(v)} names a capability the spec does not know (names without the CAP_ prefix, e.g. NET_ADMIN), so the list is not carried.`);
    return undefined;
  }
  return f.take() as string[];
}

/** allowPrivilegeEscalation, privileged, capabilities (and a sidecar's own ids and read-only root) of a container securityContext. */
function containerSecurity(sc: Field, main: boolean): Json | undefined {
  const out: Json = {};
  if (!main) {
    const nonRoot = sc.get('runAsNonRoot').bool();
    if (nonRoot !== undefined) out.runAsNonRoot = nonRoot;
    const ro = sc.get('readOnlyRootFilesystem').bool();
    if (ro !== undefined) out.readOnlyRootFilesystem = ro;
  } else sc.get('runAsNonRoot').drop('no-form', 'runAsNonRoot of the main container alone has no form in the spec (security.runAsNonRoot is pod-level), so it is not carried.', 'set it in the pod securityContext');
  for (const k of ['allowPrivilegeEscalation', 'privileged']) {
    const v = sc.get(k).bool();
    if (v !== undefined) out[k] = v;
  }
  const add = capabilityList(sc.get('capabilities', 'add'));
  const drop = capabilityList(sc.get('capabilities', 'drop'));
  if (add || drop) out.capabilities = { ...(add ? { add } : {}), ...(drop ? { drop } : {}) };
  return Object.keys(out).length ? out : undefined;
}

/** The pod securityContext → the pod-level part of `security`. */
export function podSecurity(sc: Field): Json | undefined {
  const out: Json = {};
  for (const k of ['runAsUser', 'runAsGroup', 'fsGroup']) {
    const v = sc.get(k).num();
    if (v !== undefined) out[k] = v;
  }
  const nonRoot = sc.get('runAsNonRoot').bool();
  if (nonRoot !== undefined) out.runAsNonRoot = nonRoot;
  const type = sc.get('seccompProfile', 'type').str();
  if (type !== undefined) {
    const local = sc.get('seccompProfile', 'localhostProfile').str();
    out.seccompProfile = { type, ...(local !== undefined ? { localhostProfile: local } : {}) };
  }
  return Object.keys(out).length ? out : undefined;
}

/** One container, read; Kubernetes-only fields are left for the leftover report. */
export function containerOf(c: Field, main: boolean): ContainerDraft {
  const d: ContainerDraft = { name: c.get('name').str() ?? 'app', ports: [], env: {}, secrets: {}, probes: {} };
  d.image = c.get('image').str();
  d.pullPolicy = c.get('imagePullPolicy').str();
  // Kubernetes `command` is Docker ENTRYPOINT; `args` is Docker CMD.
  d.entrypoint = strings(c.get('command'));
  d.command = strings(c.get('args'));
  for (const p of c.get('ports').items()) {
    const port = p.get('containerPort').num();
    if (port === undefined) continue;
    p.use();
    const proto = p.get('protocol').str();
    const name = p.get('name').str();
    const draft: PortDraft = { port, ...(name ? { k8sName: name, name } : {}) };
    if (proto === 'UDP') draft.protocol = 'udp';
    else if (proto && proto !== 'TCP') p.get('protocol').drop('no-form', `Protocol ${proto} has no form in the spec (tcp or udp), so it is not carried.`);
    d.ports.push(draft);
  }
  d.unnamedPorts = d.ports.some((p) => p.k8sName === undefined);
  const mounts: Json[] = [];
  const mountFields: Field[] = [];
  for (const vm of c.get('volumeMounts').items()) {
    const volume = vm.get('name').str();
    const path = vm.get('mountPath').str();
    if (volume === undefined || path === undefined) continue;
    const mount: Json = { volume, path };
    if (vm.get('readOnly').bool()) mount.readOnly = true;
    const sub = vm.get('subPath').str();
    if (sub !== undefined) mount.subPath = sub;
    vm.use();
    mounts.push(mount);
    mountFields.push(vm);
  }
  if (mounts.length) (d.mounts = mounts), (d.mountFields = mountFields);
  const res = c.get('resources');
  const requests = amounts(res.get('requests'));
  const limits = amounts(res.get('limits'));
  if (requests || limits) d.resources = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
  let sawSecret = false;
  for (const e of c.get('env').items()) {
    const name = e.get('name').str();
    if (name === undefined) continue;
    const from = e.get('valueFrom');
    if (!from.exists) {
      e.use();
      d.env[name] = e.get('value').str() ?? '';
      if (sawSecret) e.note(`${name} is written before the secrets: codegen lists plain variables first.`, 'IMPORT_ORDER_CHANGED');
      continue;
    }
    const secret = from.get('secretKeyRef');
    const cm = from.get('configMapKeyRef');
    const field = from.get('fieldRef');
    if (secret.isMap() && secret.get('name').exists && secret.get('key').exists) {
      e.get('name').use();
      d.secrets[name] = { kubernetes: { name: secret.get('name').str(), key: secret.get('key').str() } };
      sawSecret = true;
    } else if (cm.isMap() && cm.get('name').exists && cm.get('key').exists) {
      d.env[name] = { ref: { kubernetes: { configMap: { name: cm.get('name').str(), key: cm.get('key').str() } } } };
    } else if (field.isMap() && field.get('fieldPath').exists) {
      d.env[name] = { ref: { kubernetes: { field: field.get('fieldPath').str() } } };
      field.get('apiVersion').expect('v1', 'fieldRef.apiVersion');
    } else continue;
    if (sawSecret && !secret.isMap()) e.note(`${name} is written before the secrets: codegen lists plain variables first.`, 'IMPORT_ORDER_CHANGED');
  }
  const sc = c.get('securityContext');
  const uid = sc.get('runAsUser').num();
  const gid = sc.get('runAsGroup');
  if (uid !== undefined) d.user = gid.num() !== undefined ? `${uid}:${gid.value}` : String(uid);
  else gid.drop('no-form', 'runAsGroup without runAsUser has no form in the spec (user is uid or uid:gid), so it is not carried.');
  const ro = sc.get('readOnlyRootFilesystem');
  if (main) d.readOnlyRootFilesystem = ro.bool();
  const security = containerSecurity(sc, main);
  if (security) d.security = security;
  const mainPort = d.ports[0]?.port;
  for (const [k8s, spec] of [['startupProbe', 'startup'], ['livenessProbe', 'liveness'], ['readinessProbe', 'readiness']] as const) {
    const p = c.get(k8s);
    if (!p.exists) continue;
    const probe = probeOf(p, mainPort);
    if (probe) d.probes[spec] = probe;
  }
  return d;
}
