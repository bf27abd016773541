/**
 * The App Mesh target's panels (legacy: App Mesh is discontinued on 2026-09-30): clients in the
 * mesh (and a virtual gateway's callers) → virtual service → virtual router → route → virtual
 * nodes, weighted, → their discovery (Cloud Map or DNS) and backends. Read from the CloudFormation
 * template and, when written, from the App Mesh controller's custom resources — both are brought
 * to one shape first, so one drawing serves both.
 */
import type { Artifact, Json, JsonObject } from '../core/serialize.js';
import { asArray, isObject, ofType, plain, readTemplate, str, type Template } from './cfn.js';
import { PanelBuilder, type ServiceGraph } from './types.js';

interface MeshShape {
  mesh?: { name: string; egress?: string };
  nodes: { name: string; listener?: string; discovery?: { cloudMap?: string; dns?: string }; backends: string[] }[];
  routers: { name: string; listener?: string; routes: { name: string; match?: string; targets: { node: string; weight?: string }[] }[] }[];
  services: { name: string; router?: string; node?: string }[];
  gateways: { name: string; listener?: string; routes: { name: string; match?: string; service?: string }[] }[];
}

const o = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
const listenerText = (pm: JsonObject): string | undefined => (pm.Port ?? pm.port) !== undefined ? `${String(pm.Protocol ?? pm.protocol ?? 'http')} ${String(pm.Port ?? pm.port)}` : undefined;

/** The route kind's body (`HttpRoute`, `GrpcRoute`, `httpRoute`, ...) of a route spec. */
function routeBody(spec: JsonObject): JsonObject {
  const key = Object.keys(spec).find((k) => /route$/i.test(k));
  return key ? o(spec[key]) : {};
}

function matchText(t: Template | undefined, match: JsonObject): string | undefined {
  const prefix = match.Prefix ?? match.prefix;
  const host = o(match.Hostname ?? match.hostname);
  const parts = [host.Exact ?? host.exact ?? host.Suffix ?? host.suffix, prefix].filter((x) => x !== undefined).map((x) => (t ? plain(t, x) : String(x)));
  const service = match.ServiceName ?? match.serviceName;
  if (service !== undefined) parts.push(`service ${String(service)}`);
  return parts.length ? parts.join('') : undefined;
}

function fromTemplate(doc: JsonObject): MeshShape {
  const t = readTemplate(doc);
  const shape: MeshShape = { nodes: [], routers: [], services: [], gateways: [] };
  const mesh = ofType(t, 'AWS::AppMesh::Mesh')[0];
  if (mesh) {
    const egress = str(o(o(mesh.props.Spec).EgressFilter).Type);
    shape.mesh = { name: plain(t, mesh.props.MeshName) || mesh.id, ...(egress ? { egress } : {}) };
  }
  for (const r of ofType(t, 'AWS::AppMesh::VirtualNode')) {
    const spec = o(r.props.Spec);
    const sd = o(spec.ServiceDiscovery);
    const cm = o(sd.AWSCloudMap);
    const discovery = isObject(sd.AWSCloudMap) ? { cloudMap: `${plain(t, cm.NamespaceName)} / ${plain(t, cm.ServiceName)}` } : isObject(sd.DNS) ? { dns: plain(t, o(sd.DNS).Hostname) } : undefined;
    const listener = listenerText(o(o(asArray(spec.Listeners).filter(isObject)[0]).PortMapping));
    shape.nodes.push({
      name: plain(t, r.props.VirtualNodeName),
      ...(listener ? { listener } : {}),
      ...(discovery ? { discovery } : {}),
      backends: asArray(spec.Backends).filter(isObject).map((b) => plain(t, o(b.VirtualService).VirtualServiceName)),
    });
  }
  for (const r of ofType(t, 'AWS::AppMesh::VirtualRouter')) {
    const listener = listenerText(o(o(asArray(o(r.props.Spec).Listeners).filter(isObject)[0]).PortMapping));
    shape.routers.push({ name: plain(t, r.props.VirtualRouterName), ...(listener ? { listener } : {}), routes: [] });
  }
  for (const r of ofType(t, 'AWS::AppMesh::Route')) {
    const router = shape.routers.find((x) => x.name === plain(t, r.props.VirtualRouterName)) ?? shape.routers[0];
    const body = routeBody(o(r.props.Spec));
    const match = matchText(t, o(body.Match));
    router?.routes.push({
      name: plain(t, r.props.RouteName),
      ...(match ? { match } : {}),
      targets: asArray(o(body.Action).WeightedTargets).filter(isObject).map((w) => ({ node: plain(t, w.VirtualNode), weight: plain(t, w.Weight) })),
    });
  }
  for (const r of ofType(t, 'AWS::AppMesh::VirtualService')) {
    const p = o(o(r.props.Spec).Provider);
    const router = isObject(p.VirtualRouter) ? plain(t, p.VirtualRouter.VirtualRouterName) : undefined;
    const node = isObject(p.VirtualNode) ? plain(t, p.VirtualNode.VirtualNodeName) : undefined;
    shape.services.push({ name: plain(t, r.props.VirtualServiceName), ...(router ? { router } : {}), ...(node ? { node } : {}) });
  }
  for (const r of ofType(t, 'AWS::AppMesh::VirtualGateway')) {
    const listener = listenerText(o(o(asArray(o(r.props.Spec).Listeners).filter(isObject)[0]).PortMapping));
    shape.gateways.push({ name: plain(t, r.props.VirtualGatewayName), ...(listener ? { listener } : {}), routes: [] });
  }
  for (const r of ofType(t, 'AWS::AppMesh::GatewayRoute')) {
    const gw = shape.gateways.find((g) => g.name === plain(t, r.props.VirtualGatewayName)) ?? shape.gateways[0];
    const body = routeBody(o(r.props.Spec));
    const match = matchText(t, o(body.Match));
    const service = plain(t, o(o(o(body.Action).Target).VirtualService).VirtualServiceName);
    gw?.routes.push({ name: plain(t, r.props.GatewayRouteName), ...(match ? { match } : {}), ...(service ? { service } : {}) });
  }
  return shape;
}

function fromController(docs: readonly JsonObject[]): MeshShape {
  const shape: MeshShape = { nodes: [], routers: [], services: [], gateways: [] };
  const name = (d: JsonObject): string => String(o(d.spec).awsName ?? o(d.metadata).name ?? '');
  for (const d of docs) {
    const spec = o(d.spec);
    if (d.kind === 'Mesh') shape.mesh = { name: name(d), ...(o(spec.egressFilter).type !== undefined ? { egress: String(o(spec.egressFilter).type) } : {}) };
    if (d.kind === 'VirtualNode') {
      const sd = o(spec.serviceDiscovery);
      const cm = o(sd.awsCloudMap);
      const discovery = isObject(sd.awsCloudMap) ? { cloudMap: `${String(cm.namespaceName)} / ${String(cm.serviceName)}` } : isObject(sd.dns) ? { dns: String(o(sd.dns).hostname) } : undefined;
      const listener = listenerText(o(o(asArray(spec.listeners).filter(isObject)[0]).portMapping));
      shape.nodes.push({ name: name(d), ...(listener ? { listener } : {}), ...(discovery ? { discovery } : {}), backends: asArray(spec.backends).filter(isObject).map((b) => String(o(o(b.virtualService).virtualServiceRef).name)) });
    }
    if (d.kind === 'VirtualRouter') {
      const listener = listenerText(o(o(asArray(spec.listeners).filter(isObject)[0]).portMapping));
      const routes = asArray(spec.routes).filter(isObject).map((r) => {
        const body = routeBody(r);
        const match = matchText(undefined, o(body.match));
        const targets = asArray(o(body.action).weightedTargets).filter(isObject).map((w) => ({ node: String(o(w.virtualNodeRef).name), weight: String(w.weight) }));
        return { name: String(r.name), ...(match ? { match } : {}), targets };
      });
      shape.routers.push({ name: name(d), ...(listener ? { listener } : {}), routes });
    }
    if (d.kind === 'VirtualService') {
      const p = o(spec.provider);
      const router = isObject(p.virtualRouter) ? String(o(p.virtualRouter.virtualRouterRef).name) : undefined;
      const node = isObject(p.virtualNode) ? String(o(p.virtualNode.virtualNodeRef).name) : undefined;
      shape.services.push({ name: name(d), ...(router ? { router } : {}), ...(node ? { node } : {}) });
    }
  }
  return shape;
}

function draw(b: PanelBuilder, m: MeshShape): void {
  const nodeIds = new Map<string, string>();
  const routerIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();
  const clients = b.node('clients', 'Clients in the mesh', ['through their Envoy'], { id: 'mesh_clients' });
  for (const s of m.services) {
    const id = b.node('service', `Virtual service ${s.name}`, [], { id: `vs_${s.name}` });
    serviceIds.set(s.name, id);
    b.edge(clients, id, 'traffic');
  }
  for (const r of m.routers) routerIds.set(r.name, b.node('mesh', `Virtual router ${r.name}`, [r.listener && `listener ${r.listener}`], { id: `router_${r.name}` }));
  for (const n of m.nodes) {
    const id = b.node('mesh', `Virtual node ${n.name}`, [n.listener && `listener ${n.listener}`], { id: `node_${n.name}` });
    nodeIds.set(n.name, id);
    if (n.discovery) {
      const d = n.discovery.cloudMap ? b.node('discovery', 'Cloud Map service', [n.discovery.cloudMap], { id: `cloudmap_${n.name}`, external: true }) : b.node('discovery', 'DNS name', [n.discovery.dns ?? ''], { id: `dns_${n.name}`, external: true });
      b.edge(id, d, 'control', 'discovered by');
    }
  }
  const node = (name: string): string => {
    if (!nodeIds.has(name)) nodeIds.set(name, b.node('mesh', `Virtual node ${name}`, ['not in these files'], { id: `node_${name}`, external: true }));
    return nodeIds.get(name)!;
  };
  for (const s of m.services) {
    const to = s.router ? routerIds.get(s.router) : s.node ? node(s.node) : undefined;
    if (to) b.edge(serviceIds.get(s.name)!, to, 'traffic', s.router ? undefined : 'provider');
  }
  for (const r of m.routers) {
    for (const route of r.routes) {
      const id = b.node('rule', `Route ${route.name}`, [route.match && `match ${route.match}`], { id: `route_${route.name}` });
      b.edge(routerIds.get(r.name)!, id, 'traffic');
      for (const t of route.targets) b.edge(id, node(t.node), 'traffic', t.weight !== undefined && route.targets.length > 1 ? `weight ${t.weight}` : undefined);
    }
  }
  const backends = new Map<string, string>();
  for (const n of m.nodes) {
    for (const be of n.backends) {
      if (!backends.has(be)) backends.set(be, serviceIds.get(be) ?? b.node('service', `Virtual service ${be}`, ['backend, not in these files'], { id: `backend_${be}`, external: true }));
      b.edge(nodeIds.get(n.name)!, backends.get(be)!, 'traffic', 'calls');
    }
  }
  for (const g of m.gateways) {
    const outsideClients = b.node('clients', 'Clients outside the mesh', [], { id: 'gateway_clients' });
    const id = b.node('loadBalancer', `Virtual gateway ${g.name}`, [g.listener && `listener ${g.listener}`], { id: `gateway_${g.name}` });
    b.edge(outsideClients, id, 'traffic');
    for (const r of g.routes) {
      const rid = b.node('rule', `Gateway route ${r.name}`, [r.match && `match ${r.match}`], { id: `gwroute_${r.name}` });
      b.edge(id, rid, 'traffic');
      const to = r.service ? serviceIds.get(r.service) : undefined;
      if (to) b.edge(rid, to, 'traffic');
    }
  }
}

export function appmeshPanel(service: string, artifacts: readonly Artifact[]): ServiceGraph[] {
  const panels: ServiceGraph[] = [];
  // The CloudFormation mesh first, then the controller's custom resources.
  const ordered = [...artifacts].sort((a, b) => Number(a.kind !== 'cloudformation') - Number(b.kind !== 'cloudformation'));
  for (const a of ordered) {
    const docs = a.documents ?? [];
    const shape = a.kind === 'cloudformation' && docs[0] ? fromTemplate(docs[0]) : a.kind === 'kubernetes' ? fromController(docs) : undefined;
    if (!shape) continue;
    const where = a.kind === 'kubernetes' ? 'App Mesh controller (Kubernetes)' : 'App Mesh';
    const b = new PanelBuilder(service, 'appmesh', `${service} · ${where}${shape.mesh ? ` · mesh ${shape.mesh.name}${shape.mesh.egress ? `, egress ${shape.mesh.egress}` : ''}` : ''} (legacy)`);
    draw(b, shape);
    panels.push(b.build());
  }
  return panels;
}
