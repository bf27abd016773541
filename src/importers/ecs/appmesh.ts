/**
 * The App Mesh part of an ECS task definition: the `envoy` container and the APPMESH
 * `proxyConfiguration` the appmesh target adds (src/emitters/common/appmesh-envoy.ts) → the
 * spec's `targets.appmesh` (mesh and virtual node names, Envoy image, `envoy` sizes, extra
 * environment and user). Recognized only when every
 * piece is what codegen writes; otherwise Envoy stays a sidecar and the proxy configuration is
 * reported, so nothing is guessed.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import type { Field } from '../fields.js';

type Json = Record<string, unknown>;

/** What codegen writes (src/emitters/common/appmesh-envoy.ts); the importer checks against it. */
const ENVOY = 'envoy';
const ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.2-prod';
const ENVOY_UID = '1337';
const ENVOY_HEALTH = { command: ['CMD-SHELL', 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'], interval: 5, timeout: 2, retries: 3, startPeriod: 10 };
const NODE_ENV = /^mesh\/([^/]+)\/virtualNode\/([^/]+)$/;

/** The IMPORT_INCOMPLETE diagnostic of a spec, withdrawn when the mesh is imported with it (mesh-merge.ts). */
export const INCOMPLETE = new WeakMap<object, Diagnostic>();

export interface MeshedTask {
  envoy: Field;
  mesh: string;
  node: string;
  image: string;
  xray: boolean;
  /** `targets.appmesh.envoy`: sizes, extra environment and a user other than 1337. */
  settings: Json;
  uid: string;
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Field values through the renamer, as plain data in API casing (for comparisons). */
function api(f: Field): unknown {
  if (Array.isArray(f.value)) return f.items().map(api);
  if (f.isMap()) return Object.fromEntries(Object.keys(f.value as Json).map((k) => [k.charAt(0).toLowerCase() + k.slice(1), api(f.get(k.charAt(0).toLowerCase() + k.slice(1)))]));
  return f.value;
}

/** The Envoy container codegen adds, when it is exactly that (nothing is marked here). */
export function findEnvoy(td: Field, containers: Field[]): MeshedTask | undefined {
  const envoy = containers.find((c) => c.get('name').value === ENVOY);
  const proxy = td.get('proxyConfiguration');
  if (!envoy || !proxy.exists) return undefined;
  if (proxy.get('type').value !== 'APPMESH' || proxy.get('containerName').value !== ENVOY) return undefined;
  const image = envoy.get('image').value;
  const uid = String(envoy.get('user').value);
  if (typeof image !== 'string' || envoy.get('essential').value !== true || !/^[0-9]+$/.test(uid)) return undefined;
  if (JSON.stringify(api(envoy.get('healthCheck'))) !== JSON.stringify(ENVOY_HEALTH)) return undefined;
  // A value may be Fn::Sub text over parameters (`mesh/${MeshName}/virtualNode/...`): the spec writes the same text.
  const text = (v: unknown) => (isObject(v) && Object.keys(v).length === 1 && typeof v['Fn::Sub'] === 'string' ? v['Fn::Sub'] : v);
  const env = envoy.get('environment').items().map((e) => [e.get('name').value, text(e.get('value').value)]);
  const node = env[0]?.[0] === 'APPMESH_VIRTUAL_NODE_NAME' ? NODE_ENV.exec(String(env[0][1])) : null;
  if (!node) return undefined;
  const xray = env.length >= 2 && env[1]![0] === 'ENABLE_ENVOY_XRAY_TRACING' && env[1]![1] === '1';
  // Variables after codegen's own are envoy.env, which codegen writes in key order.
  const extra = env.slice(xray ? 2 : 1);
  const names = extra.map(([k]) => String(k));
  if (extra.some(([k, v]) => typeof k !== 'string' || typeof v !== 'string' || k === 'APPMESH_VIRTUAL_NODE_NAME' || k === 'ENABLE_ENVOY_XRAY_TRACING') || names.join('\n') !== [...names].sort().join('\n') || new Set(names).size !== names.length) return undefined;
  const allowed = new Set(['name', 'image', 'cpu', 'memory', 'memoryReservation', 'essential', 'user', 'environment', 'healthCheck', 'logConfiguration']);
  if (Object.keys(envoy.value as Json).some((k) => !allowed.has(k.charAt(0).toLowerCase() + k.slice(1)))) return undefined;
  const settings: Json = {};
  for (const k of ['cpu', 'memory', 'memoryReservation']) {
    const v = envoy.get(k).value;
    if (v === undefined) continue;
    if (!Number.isInteger(v)) return undefined;
    settings[k] = v;
  }
  if (extra.length) settings.env = Object.fromEntries(extra);
  if (uid !== ENVOY_UID) settings.user = uid;
  return { envoy, mesh: node[1]!, node: node[2]!, image, xray, settings, uid };
}

/**
 * Mark what the appmesh target derives (Envoy, the proxy configuration, the main container's wait
 * for Envoy) and write `targets.appmesh`; false when the rest does not match (then nothing changes).
 */
export function readMeshedTask(m: MeshedTask, td: Field, main: Field, spec: Json, log: { group?: string; region?: string; prefix?: string }, r: { literal(f: Field): string | undefined; generated(f: Field): boolean }): boolean {
  const ports = ((spec.ports as Json[] | undefined) ?? []).filter((p) => p.protocol !== 'udp').map((p) => String(p.port));
  const props: [string, string][] = [['IgnoredUID', m.uid], ['ProxyIngressPort', '15000'], ['ProxyEgressPort', '15001']];
  if (ports.length) props.push(['AppPorts', ports.join(',')]);
  props.push(['EgressIgnoredIPs', '169.254.170.2,169.254.169.254']);
  const proxy = td.get('proxyConfiguration');
  const items = proxy.get('properties').items();
  if (items.length !== props.length || items.some((p, i) => p.get('name').value !== props[i]![0] || p.get('value').value !== props[i]![1])) return false;
  if (Boolean(m.xray) !== Boolean((spec.tracing as Json | undefined)?.xray)) return false;
  const deps = main.get('dependsOn').items();
  const wait = deps[deps.length - 1];
  if (!wait || wait.get('containerName').value !== ENVOY || wait.get('condition').value !== 'HEALTHY') return false;
  const lc = m.envoy.get('logConfiguration');
  if (lc.exists) {
    const o = lc.get('options');
    const same = (f: Field, v: string | undefined) => r.generated(f) || r.literal(f) === v;
    if (lc.get('logDriver').value !== 'awslogs' || !same(o.get('awslogs-group'), log.group) || !same(o.get('awslogs-region'), log.region) || o.get('awslogs-stream-prefix').value !== `${log.prefix ?? 'ecs'}-${ENVOY}`) return false;
  }
  // Parameters the Envoy's node name uses are the spec's too (declared in parameters).
  r.literal(m.envoy.get('environment', 0, 'value'));
  m.envoy.use();
  proxy.use();
  wait.use();
  const name = String(spec.name);
  const targets = spec.targets as Json;
  const appmesh = (targets.appmesh ??= {}) as Json;
  if (m.mesh !== `${name}-mesh`) appmesh.meshName = m.mesh;
  if (m.node !== `${name}-node`) appmesh.virtualNodeName = m.node;
  if (m.image !== ENVOY_IMAGE) appmesh.envoyImage = m.image;
  if (Object.keys(m.settings).length) appmesh.envoy = m.settings;
  m.envoy.get('name').note(`The envoy container and the APPMESH proxy configuration are read as targets.appmesh (mesh ${m.mesh}, virtual node ${m.node}); codegen adds them back.`);
  const incomplete = proxy.tracker.report(proxy.path, 'IMPORT_INCOMPLETE', 'warning', 'A task definition does not say how the mesh finds its tasks: the appmesh target needs targets.appmesh.serviceDiscovery before it can generate the mesh.', 'import the mesh with it (codegen import ecs TASK MESH.cfn.yaml), or migrate to Service Connect (docs/migrate-appmesh.md)');
  INCOMPLETE.set(spec, incomplete);
  return true;
}
