/**
 * Mesh objects → one spec per virtual service whose router (or node) the input defines, with the
 * settings of `targets.appmesh` (src/schema/targets/appmesh.ts) that make codegen write the same
 * objects again. Rules (docs/importers.md): the node the service's own tasks register as is the one
 * with logical ID `VirtualNode`, else the first route target with a weight, else the first of the
 * service's nodes in input order; the first
 * route of the router is the service's; names equal to codegen's defaults are left out.
 */
import { APPMESH_LOGICAL_IDS, defaultLogicalIds, versionNodeLogicalId } from '../../schema/logical-ids.js';
import type { Field } from '../fields.js';
import { serviceName } from '../ecs/names.js';
import { duration, newDraft, type SpecDraft } from '../write.js';
import type { MeshDiscovery, MeshHealth, MeshNode, MeshObjects, MeshService } from './model.js';

type Json = Record<string, unknown>;

/** Labels codegen puts on every Kubernetes object itself (src/emitters/common/k8s-meta.ts). */
const CODEGEN_LABELS = ['app', 'app.kubernetes.io/name', 'app.kubernetes.io/version', 'app.kubernetes.io/managed-by'];
const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** codegen's logical ID for each role (src/schema/logical-ids.ts); other IDs become `logicalIds`. */
const ROLE_IDS = defaultLogicalIds(APPMESH_LOGICAL_IDS);

function millis(ms: number | undefined): number | string | undefined {
  if (ms === undefined) return undefined;
  return ms % 1000 === 0 ? duration(ms / 1000) : `${ms}ms`;
}

/** A version's discovery as codegen derives it (src/emitters/appmesh/layout.ts versionDiscovery). */
function derivedDiscovery(main: MeshDiscovery, version: string): MeshDiscovery | undefined {
  if (main.cloudMap) return { cloudMap: { namespace: main.cloudMap.namespace, service: version } };
  if (!main.dns) return undefined;
  const rest = main.dns.hostname.split('.').slice(1).join('.');
  return { dns: { hostname: rest ? `${version}.${rest}` : version } };
}

/** The spec's `health.traffic` from a listener health check (protocol left out when codegen derives it). */
function trafficHealth(h: MeshHealth, port: number, protocol: string): Json {
  const out: Json = {};
  if (h.path !== undefined) out.path = h.path;
  if (h.port !== undefined && h.port !== port) out.port = h.port;
  const derived = h.protocol === protocol || (h.protocol === 'http' && protocol !== 'http2' && protocol !== 'grpc' && protocol !== 'tcp');
  if (h.protocol !== undefined && !derived) out.protocol = h.protocol === 'tcp' ? 'TCP' : h.protocol === 'grpc' ? 'GRPC' : 'HTTP';
  if (h.intervalMillis !== undefined) out.interval = millis(h.intervalMillis);
  if (h.timeoutMillis !== undefined) out.timeout = millis(h.timeoutMillis);
  if (h.healthyThreshold !== undefined) out.healthyThreshold = h.healthyThreshold;
  if (h.unhealthyThreshold !== undefined) out.unhealthyThreshold = h.unhealthyThreshold;
  return out;
}

function discoverySpec(d: MeshDiscovery, name: string): Json {
  if (d.cloudMap) return { cloudMap: { namespace: d.cloudMap.namespace, ...(d.cloudMap.service !== name ? { service: d.cloudMap.service } : {}), ...(d.cloudMap.attributes ? { attributes: d.cloudMap.attributes } : {}) } };
  return { dns: { hostname: d.dns!.hostname } };
}

export interface BuiltSpec {
  draft: SpecDraft;
  /** The virtual service (none for a client-only node). */
  service?: MeshService;
  appmesh: Json;
  primary: MeshNode;
}

/** The nodes, routes and gateway objects a service claims (so the rest can be reported). */
export interface Claims {
  nodes: Set<MeshNode>;
  objects: Set<object>;
}

function changed(f: Field, message: string): void {
  f.tracker.report(f.path, 'IMPORT_VALUE_CHANGED', 'warning', message);
}

/** The spec for one virtual service, or undefined (reported) when it has no listener to read. */
export function buildSpec(objs: MeshObjects, service: MeshService, single: boolean, claims: Claims, name?: string): BuiltSpec | undefined {
  const router = service.router !== undefined ? objs.routers.find((r) => r.name === service.router) : undefined;
  const routes = router ? objs.routes.filter((r) => r.router === router.name) : [];
  for (const extra of routes.slice(1)) {
    extra.field.tracker.report(extra.field.path, 'IMPORT_AMBIGUOUS', 'warning', `A second route (${extra.name}) on virtual router ${router!.name}: the spec has one route per service; only ${routes[0]!.name} is carried.`);
    claims.objects.add(extra);
  }
  const route = routes[0];
  let targets = route?.targets ?? [];
  // Provided by its node directly (provider: virtualNode): the node is the one version.
  const byNode = !router && service.node !== undefined;
  if (byNode) targets = [{ node: service.node!, weight: 100 }];
  const routed = new Set(objs.routes.flatMap((r) => r.targets.map((t) => t.node)));
  // A node without a listener provides nothing: it is a client-only spec of its own.
  const own = objs.nodes.filter((n) => targets.some((t) => t.node === n.name) || (single && !routed.has(n.name) && !isClientOnly(n)));
  // The controller's resources list the node of the spec's own pods first (codegen's order); a template by route weight.
  const weighted = objs.format === 'cloudformation' ? targets.filter((t) => t.weight > 0).map((t) => own.find((n) => n.name === t.node)).find(Boolean) : undefined;
  const primary = own.find((n) => n.logicalId === ROLE_IDS.virtualNode) ?? weighted ?? own[0];
  if (!primary) {
    service.field.tracker.report(service.field.path, 'IMPORT_NO_VIRTUAL_NODE', 'error', `Virtual service ${service.name} routes to no virtual node the input defines, so there is no listener to read.`, 'import the template or resources that define its virtual nodes together');
    return undefined;
  }
  const specName = name ?? (single ? objs.described : undefined) ?? primary.app ?? serviceName(service.name.split('.')[0]!) ?? serviceName(primary.name) ?? 'service';
  claims.objects.add(service);
  if (router) claims.objects.add(router);
  if (route) claims.objects.add(route);
  // The service's nodes: the one its tasks register as and the route's targets (another free node is reported).
  for (const n of own) if (n === primary || targets.some((t) => t.node === n.name)) claims.nodes.add(n);
  if (own.length > 1 && primary.logicalId !== ROLE_IDS.virtualNode) {
    primary.field.note(`Virtual node ${primary.name} is the one this service's tasks register as (virtualNodeName): it is the ${primary === weighted ? 'first route target with a weight' : 'first of the service\'s nodes in the input'}.`, 'IMPORT_MAIN_CONTAINER');
  }
  const { draft, spec, appmesh, meshObject } = startSpec(objs, primary, specName, service.field, service.mesh, claims);

  const port = primary.port ?? router?.port;
  const protocol = primary.protocol ?? router?.protocol ?? 'http';
  if (port !== undefined) spec.ports = [{ port, ...(protocol !== 'http' ? { appProtocol: protocol } : {}) }];
  if (router && (router.port !== port || (router.protocol ?? protocol) !== protocol)) changed(router.field, `The router listens on ${String(router.port)}/${String(router.protocol)}; codegen gives the router the node's listener, ${String(port)}/${protocol}.`);
  if (route?.protocol && route.protocol !== protocol) changed(route.field, `Route ${route.name} is a ${route.protocol} route; codegen writes a ${protocol} route for a ${protocol} listener.`);
  if (primary.health && port !== undefined) sub(spec, 'health').traffic = trafficHealth(primary.health, port, protocol);
  const discovery = primary.discovery;
  const defaultService = discovery?.cloudMap ? `${discovery.cloudMap.service}.${discovery.cloudMap.namespace}` : discovery?.dns?.hostname;
  if (service.name !== defaultService) appmesh.virtualServiceName = service.name;
  if (router && router.name !== `${specName}-router`) appmesh.virtualRouterName = router.name;
  if (route && route.name !== `${specName}-route`) appmesh.routeName = route.name;
  if (discovery) appmesh.serviceDiscovery = discoverySpec(discovery, specName);
  const versions = targets.length === 1 && targets[0]!.node === primary.name && targets[0]!.weight === 100 ? [] : targets;
  if (versions.length) {
    appmesh.versions = versions.map((v) => {
      const node = objs.nodes.find((n) => n.name === v.node);
      const out: Json = { name: v.node, weight: v.weight };
      if (node && node !== primary && discovery) {
        const derived = derivedDiscovery(discovery, v.node);
        // The controller's output derives a version's DNS name from its Kubernetes Service, whatever the spec says.
        const kubernetesDns = objs.format === 'controller' && discovery.dns;
        if (node.discovery && !same(node.discovery, derived) && !kubernetesDns) out.serviceDiscovery = node.discovery;
        // A version node with a logical ID other than codegen's keeps it (adopting the stack).
        if (node.logicalId !== undefined && node.logicalId !== versionNodeLogicalId(node.name)) out.logicalId = node.logicalId;
        const diff = (['port', 'protocol', 'health', 'backends'] as const).filter((k) => !same(node[k], primary[k]));
        if (diff.length) changed(node.field, `Version ${node.name} differs from ${primary.name} in ${diff.join(', ')}; codegen gives every version the listener, health check and backends of ${primary.name}.`);
      }
      return out;
    });
  }
  const prefix = route?.prefix;
  if (prefix !== undefined && prefix !== '/') sub(appmesh, 'expose').path = prefix;
  const { match, retryPolicy, timeout } = route?.settings ?? {};
  if (match || retryPolicy || timeout) appmesh.route = { ...(match ? { match } : {}), ...(retryPolicy ? { retryPolicy } : {}), ...(timeout ? { timeout } : {}) };
  if (byNode) appmesh.provider = 'virtualNode';
  gateway(objs, service, appmesh, specName, protocol, port, prefix, claims);
  finish(objs, draft, appmesh, primary, specName, { mesh: meshObject, virtualNode: primary, virtualRouter: router, route, virtualService: service });
  return { draft, service, appmesh, primary };
}

/** A node without a listener or service discovery: it only calls its backends (codegen's client-only node). */
export function isClientOnly(n: MeshNode): boolean {
  return n.port === undefined && n.discovery === undefined;
}

/**
 * The spec for a client-only node: no ports, no service discovery, no router, route or virtual
 * service; the mesh, the node name and the backends. Named after `--name`, the service a template
 * codegen wrote names, the node's `app` label, else the node name without a trailing `-node`.
 */
export function buildClientSpec(objs: MeshObjects, node: MeshNode, single: boolean, claims: Claims, name?: string): BuiltSpec {
  const specName = name ?? (single ? objs.described : undefined) ?? node.app ?? serviceName(node.name.replace(/-node$/, '')) ?? 'service';
  claims.nodes.add(node);
  node.field.note(`Virtual node ${node.name} has no listener and no service discovery: nothing routes to it, its Envoy only carries calls to its backends, so the spec has no ports and no serviceDiscovery.`);
  const { draft, appmesh, meshObject } = startSpec(objs, node, specName, node.field, undefined, claims);
  finish(objs, draft, appmesh, node, specName, { mesh: meshObject, virtualNode: node });
  return { draft, appmesh, primary: node };
}

/** What every spec of the input starts with: the image placeholder, labels, the mesh, the node name and its backends. */
function startSpec(objs: MeshObjects, primary: MeshNode, specName: string, where: Field, serviceMesh: string | undefined, claims: Claims): { draft: SpecDraft; spec: Json; appmesh: Json; meshObject: MeshObjects['meshes'][number] | undefined } {
  const kind = objs.format === 'cloudformation' ? 'App Mesh CloudFormation' : "the App Mesh controller's resources";
  const draft = newDraft(specName, [`Imported by \`codegen import appmesh\` from ${kind} in ${objs.file}.`]);
  const spec = draft.spec;
  // App Mesh does not name the image; the spec needs one (tagged with the version label the controller's resources carry).
  const labels = primary.labels ?? {};
  spec.image = `${specName}:${labels['app.kubernetes.io/version'] ?? 'latest'}`;
  draft.comments.push({ path: ['image'], text: 'App Mesh does not name the image: replace this placeholder with the image the tasks run.' });
  where.note(`App Mesh does not name the image; it is written as ${String(spec.image)} — replace it with your registry's.`, 'IMPORT_CHOICE');
  const userLabels = Object.fromEntries(Object.entries(labels).filter(([k]) => !CODEGEN_LABELS.includes(k)));
  if (Object.keys(userLabels).length) spec.labels = userLabels;

  const appmesh: Json = {};
  spec.targets = { appmesh };
  const mesh = primary.mesh ?? serviceMesh;
  const meshObject = objs.meshes.find((m) => m.name === mesh);
  if (mesh === undefined) {
    where.tracker.report(where.path, 'IMPORT_AMBIGUOUS', 'warning', `The input does not say which mesh ${primary.name} is in (no Mesh, no meshRef); meshName is left to its default, ${specName}-mesh.`, 'set targets.appmesh.meshName');
  } else if (mesh !== `${specName}-mesh`) appmesh.meshName = mesh;
  if (!meshObject) appmesh.createMesh = false;
  else {
    claims.objects.add(meshObject);
    if (meshObject.egress && meshObject.egress !== 'DROP_ALL') appmesh.egressFilter = meshObject.egress;
  }
  if (primary.name !== `${specName}-node`) appmesh.virtualNodeName = primary.name;
  if (primary.backends.length) appmesh.backends = primary.backends;
  return { draft, spec, appmesh, meshObject };
}

/** The controller's Kubernetes side or the template's logical IDs, and the template parameters the spec's names use. */
function finish(objs: MeshObjects, draft: SpecDraft, appmesh: Json, primary: MeshNode, specName: string, roles: Record<string, { logicalId?: string; name?: string } | undefined>): void {
  const spec = draft.spec;
  if (objs.format === 'controller') controller(spec, appmesh, primary, specName, draft);
  else logicalIds(objs, appmesh, roles);
  const text = JSON.stringify(spec);
  const used = Object.entries(objs.parameters ?? {}).filter(([n]) => text.includes(`\${${n}}`));
  if (used.length) spec.parameters = Object.fromEntries(used);
}

function logicalIds(objs: MeshObjects, appmesh: Json, roles: Record<string, { logicalId?: string } | undefined>): void {
  const gr = objs.gatewayRoutes.find((r) => r.service === (roles.virtualService as MeshService).name);
  const all = { ...roles, gatewayRoute: gr, virtualGateway: gr ? objs.gateways.find((g) => g.name === gr.gateway) : undefined };
  const out: Json = {};
  for (const [role, o] of Object.entries(all)) if (o?.logicalId !== undefined && o.logicalId !== ROLE_IDS[role]) out[role] = o.logicalId;
  if (Object.keys(out).length) appmesh.logicalIds = out;
}

/** A virtual gateway whose gateway route targets the service → `gateway` (the host name and path go to the mesh's expose). */
function gateway(objs: MeshObjects, service: MeshService, appmesh: Json, name: string, protocol: string, port: number | undefined, prefix: string | undefined, claims: Claims): void {
  const routes = objs.gatewayRoutes.filter((r) => r.service === service.name);
  const gr = routes[0];
  if (!gr) return;
  for (const extra of routes.slice(1)) {
    extra.field.tracker.report(extra.field.path, 'IMPORT_AMBIGUOUS', 'warning', `A second gateway route (${extra.name}) to ${service.name}: the spec has one; only ${gr.name} is carried.`);
    claims.objects.add(extra);
  }
  const gw = objs.gateways.find((g) => g.name === gr.gateway);
  claims.objects.add(gr);
  const out: Json = {};
  if (gr.gateway !== `${name}-gateway`) out.name = gr.gateway;
  if (gw) {
    claims.objects.add(gw);
    if (gw.port !== undefined && gw.port !== port) out.port = gw.port;
    const expected = protocol === 'tcp' ? 'http' : protocol;
    if (gw.protocol !== undefined && gw.protocol !== expected) changed(gw.field, `The gateway listens with ${gw.protocol}; codegen writes ${expected} for a ${protocol} service.`);
  }
  if (gr.name !== `${name}-gateway-route`) out.routeName = gr.name;
  appmesh.gateway = out;
  if (gr.hostname !== undefined) sub(appmesh, 'expose').hosts = [gr.hostname];
  if (protocol !== 'grpc' && (gr.prefix ?? '/') !== (prefix ?? '/')) changed(gr.field, `The gateway route matches ${String(gr.prefix)}, the mesh route ${prefix ?? '/'}; codegen uses one path for both (the route's).`);
}

/** The controller's resources: the Kubernetes target with the namespace they live in. */
function controller(spec: Json, appmesh: Json, primary: MeshNode, name: string, draft: SpecDraft): void {
  appmesh.kubernetesController = true;
  const k8s: Json = {};
  if (primary.namespace !== undefined) k8s.namespace = primary.namespace;
  const dns = primary.discovery?.dns && /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(primary.discovery.dns.hostname);
  if (dns && dns[1] !== name) k8s.service = { name: dns[1] };
  (spec.targets as Json).kubernetes = k8s;
  draft.comments.push({ path: ['targets', 'kubernetes'], text: "The App Mesh controller's resources go with the Kubernetes target (kubernetesController)." });
}
