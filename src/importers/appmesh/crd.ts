/**
 * The App Mesh controller's custom resources (appmesh.k8s.aws/v1beta2 Mesh, VirtualNode,
 * VirtualRouter with its routes, VirtualService, VirtualGateway, GatewayRoute) → the mesh objects.
 * An object's App Mesh name is its `awsName`; without one the controller names a namespaced object
 * `<name>_<namespace>` (a Mesh: its name), and references (`virtualNodeRef`, ...) are followed to
 * the named object's App Mesh name.
 * @see https://github.com/aws/aws-app-mesh-controller-for-k8s/blob/master/docs/reference/api_spec.md
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { Tracker, type Field } from '../fields.js';
import type { InputDocument } from '../read.js';
import { cloudMapAttributes, emptyObjects, type MeshDiscovery, type MeshHealth, type MeshObjects } from './model.js';
import { apiKeys, readRouteSettings } from './route.js';

export const CRD_API = 'appmesh.k8s.aws/';
export const CRD_KINDS = ['Mesh', 'VirtualNode', 'VirtualRouter', 'VirtualService', 'VirtualGateway', 'GatewayRoute'];
const ROUTE_KEYS: Record<string, string> = { httpRoute: 'http', http2Route: 'http2', grpcRoute: 'grpc', tcpRoute: 'tcp' };

interface Cr {
  kind: string;
  name: string;
  namespace?: string;
  root: Field;
  tracker: Tracker;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function health(f: Field): MeshHealth | undefined {
  if (!f.exists) return undefined;
  const h: MeshHealth = {};
  const p = f.get('protocol').str();
  if (p !== undefined) h.protocol = p;
  const path = f.get('path').str();
  if (path !== undefined) h.path = path;
  for (const k of ['port', 'intervalMillis', 'timeoutMillis', 'healthyThreshold', 'unhealthyThreshold'] as const) {
    const v = f.get(k).num();
    if (v !== undefined) h[k] = v;
  }
  return h;
}

function discovery(f: Field): MeshDiscovery | undefined {
  const cm = f.get('awsCloudMap');
  const namespace = cm.get('namespaceName').str();
  const service = cm.get('serviceName').str();
  const attributes = cloudMapAttributes(cm.get('attributes'), 'key', 'value');
  if (namespace !== undefined && service !== undefined) return { cloudMap: { namespace, service, ...(attributes ? { attributes } : {}) } };
  const hostname = f.get('dns', 'hostname').str();
  return hostname !== undefined ? { dns: { hostname } } : undefined;
}

function routeOf(spec: Field): { protocol?: string; route?: Field } {
  for (const [key, protocol] of Object.entries(ROUTE_KEYS)) if (spec.get(key).exists) return { protocol, route: spec.get(key) };
  return {};
}

/** Whether a document is one of the controller's custom resources. */
export function isMeshResource(v: unknown): boolean {
  return isObject(v) && typeof v.apiVersion === 'string' && v.apiVersion.startsWith(CRD_API) && CRD_KINDS.includes(String(v.kind));
}

/** Read the custom resources of the input (trackers are returned for the leftovers report). */
export function readControllerResources(docs: InputDocument[], diagnostics: Diagnostic[]): { objects: MeshObjects; trackers: Tracker[] } {
  const crs: Cr[] = [];
  for (const doc of docs) {
    const tracker = new Tracker(doc, diagnostics);
    const root = tracker.root();
    root.get('apiVersion').use();
    const kind = String(root.get('kind').take());
    const name = root.get('metadata', 'name').str() ?? '';
    const namespace = root.get('metadata', 'namespace').str();
    // Labels and annotations are Kubernetes bookkeeping (codegen writes its own).
    root.get('metadata').use();
    if (root.get('apiVersion').value !== 'appmesh.k8s.aws/v1beta2') root.get('apiVersion').note(`${String(root.get('apiVersion').value)} is read with the v1beta2 field names.`);
    crs.push({ kind, name, ...(namespace !== undefined ? { namespace } : {}), root, tracker });
  }
  const file = docs[0]?.source.file ?? '';
  const out = emptyObjects('controller', file);
  const awsName = (cr: Cr): string => {
    const n = cr.root.get('spec', 'awsName').str();
    return n ?? (cr.kind === 'Mesh' || cr.namespace === undefined ? cr.name : `${cr.name}_${cr.namespace}`);
  };
  /** App Mesh name of the object a `*Ref` names (its own name when it is not in the input). */
  const refName = (kind: string, f: Field): string | undefined => {
    const n = f.get('name').str();
    f.get('namespace').use();
    if (n === undefined) return undefined;
    const cr = crs.find((c) => c.kind === kind && c.name === n);
    return cr ? awsName(cr) : n;
  };
  const meshes = crs.filter((c) => c.kind === 'Mesh');
  const meshOf = (cr: Cr): string | undefined => {
    const ref = cr.root.get('spec', 'meshRef');
    ref.get('uid').use();
    return refName('Mesh', ref) ?? (meshes.length === 1 ? awsName(meshes[0]!) : undefined);
  };
  for (const cr of crs) {
    const spec = cr.root.get('spec');
    const name = awsName(cr);
    const mesh = meshOf(cr);
    const base = { name, field: cr.root, ...(mesh !== undefined && cr.kind !== 'Mesh' ? { mesh } : {}) };
    if (cr.kind === 'Mesh') {
      const egress = spec.get('egressFilter', 'type').str();
      const selector = spec.get('namespaceSelector', 'matchLabels');
      if (selector.isMap() && Object.keys(selector.value as object).length === 1) selector.get('mesh').expect(name, 'The namespace selector label mesh');
      out.meshes.push({ ...base, ...(egress ? { egress } : {}) });
    } else if (cr.kind === 'VirtualNode') {
      const l = spec.get('listeners', 0);
      const app = spec.get('podSelector', 'matchLabels', 'app').str();
      const labels = cr.root.get('metadata', 'labels').value;
      const node = {
        ...base,
        port: l.get('portMapping', 'port').num(),
        protocol: l.get('portMapping', 'protocol').str(),
        health: health(l.get('healthCheck')),
        discovery: discovery(spec.get('serviceDiscovery')),
        backends: [] as string[],
        ...(app !== undefined ? { app } : {}),
        ...(cr.namespace !== undefined ? { namespace: cr.namespace } : {}),
        ...(isObject(labels) ? { labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])) } : {}),
      };
      for (const extra of spec.get('listeners').items().slice(1)) extra.drop('no-form', 'A second listener has no form in the spec (a virtual node listens on the main port), so it is not carried.');
      for (const b of spec.get('backends').items()) {
        const n = refName('VirtualService', b.get('virtualService', 'virtualServiceRef'));
        if (n !== undefined) node.backends.push(n);
      }
      out.nodes.push(node);
    } else if (cr.kind === 'VirtualRouter') {
      const l = spec.get('listeners', 0);
      out.routers.push({ ...base, port: l.get('portMapping', 'port').num(), protocol: l.get('portMapping', 'protocol').str() });
      for (const r of spec.get('routes').items()) {
        const routeName = r.get('name').str();
        const { protocol, route } = routeOf(r);
        if (routeName === undefined || !route) continue;
        const targets: { node: string; weight: number }[] = [];
        for (const w of route.get('action', 'weightedTargets').items()) {
          const node = refName('VirtualNode', w.get('virtualNodeRef'));
          const weight = w.get('weight').num();
          if (node !== undefined && weight !== undefined) targets.push({ node, weight });
        }
        const settings = readRouteSettings(route, protocol, apiKeys);
        out.routes.push({ name: routeName, field: r, ...(mesh !== undefined ? { mesh } : {}), router: name, ...(protocol ? { protocol } : {}), ...(settings.prefix !== undefined ? { prefix: settings.prefix } : {}), settings, targets });
      }
    } else if (cr.kind === 'VirtualService') {
      const router = refName('VirtualRouter', spec.get('provider', 'virtualRouter', 'virtualRouterRef'));
      const node = refName('VirtualNode', spec.get('provider', 'virtualNode', 'virtualNodeRef'));
      out.services.push({ ...base, ...(router !== undefined ? { router } : {}), ...(node !== undefined ? { node } : {}), ...(cr.namespace !== undefined ? { namespace: cr.namespace } : {}) });
    } else if (cr.kind === 'VirtualGateway') {
      const l = spec.get('listeners', 0);
      out.gateways.push({ ...base, port: l.get('portMapping', 'port').num(), protocol: l.get('portMapping', 'protocol').str() });
    } else if (cr.kind === 'GatewayRoute') {
      const gateway = refName('VirtualGateway', spec.get('virtualGatewayRef'));
      const { protocol, route } = routeOf(spec);
      if (!route) continue;
      const match = route.get('match');
      const exact = match.get('hostname', 'exact').str();
      const suffix = match.get('hostname', 'suffix').str();
      const prefix = match.get('prefix').str();
      const service = refName('VirtualService', route.get('action', 'target', 'virtualService', 'virtualServiceRef'));
      out.gatewayRoutes.push({
        ...base,
        gateway: gateway ?? '',
        ...(protocol ? { protocol } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
        ...(exact !== undefined ? { hostname: exact } : suffix !== undefined ? { hostname: `*${suffix}` } : {}),
        ...(service !== undefined ? { service } : {}),
      });
    }
  }
  return { objects: out, trackers: crs.map((c) => c.tracker) };
}
