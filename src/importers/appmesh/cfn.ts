/**
 * App Mesh CloudFormation (AWS::AppMesh::Mesh, VirtualNode, VirtualRouter, Route, VirtualService,
 * VirtualGateway, GatewayRoute) → the mesh objects. Names are read as literals, through a
 * parameter's Default, through `Fn::GetAtt` of another App Mesh resource of the template, or from
 * an `Fn::Sub` whose every variable is such a parameter; any other value is reported.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_AppMesh.html
 */
import type { Field } from '../fields.js';
import { isObject, PSEUDO, type Template } from '../ecs/cfn.js';
import { specParameters } from '../ecs/template.js';
import { cloudMapAttributes, emptyObjects, type MeshDiscovery, type MeshHealth, type MeshObjects } from './model.js';
import { cfnKeys, readRouteSettings } from './route.js';

/** The name property of each App Mesh resource type, and the GetAtt attribute that returns it. */
const NAME_PROP: Record<string, string> = {
  'AWS::AppMesh::Mesh': 'MeshName',
  'AWS::AppMesh::VirtualNode': 'VirtualNodeName',
  'AWS::AppMesh::VirtualRouter': 'VirtualRouterName',
  'AWS::AppMesh::Route': 'RouteName',
  'AWS::AppMesh::VirtualService': 'VirtualServiceName',
  'AWS::AppMesh::VirtualGateway': 'VirtualGatewayName',
  'AWS::AppMesh::GatewayRoute': 'GatewayRouteName',
};

export const ROUTE_KEYS: Record<string, string> = { HttpRoute: 'http', Http2Route: 'http2', GrpcRoute: 'grpc', TcpRoute: 'tcp' };

/**
 * Reads names: literals, a template parameter or pseudo parameter as the spec's `${Name}` (the
 * parameter is declared in the spec's `parameters`, as the ECS importer does), `Fn::Sub` text over
 * them as the same text, `Fn::GetAtt` of another App Mesh resource of the template as that
 * resource's name. Anything else is reported.
 */
class Names {
  constructor(private readonly t: Template) {}

  /** The name a value gives in the spec's syntax, and the parameters it uses (undefined: not readable). */
  peek(v: unknown, used: Set<string>, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (!isObject(v)) return undefined;
    if (typeof v.Ref === 'string') {
      if (PSEUDO.has(v.Ref)) return `\${${v.Ref}}`;
      if (!this.t.parameters.get(v.Ref).exists) return undefined;
      used.add(v.Ref);
      return `\${${v.Ref}}`;
    }
    const att = v['Fn::GetAtt'];
    const parts = typeof att === 'string' ? att.split('.') : Array.isArray(att) ? att : undefined;
    if (parts && parts.length === 2 && typeof parts[0] === 'string') {
      const r = this.t.resources.get(parts[0]).value;
      const type = isObject(r) ? String(r.Type) : '';
      if (NAME_PROP[type] !== parts[1] || !isObject(r) || !isObject(r.Properties)) return undefined;
      return this.peek(r.Properties[parts[1]], used, depth + 1);
    }
    const sub = v['Fn::Sub'];
    if (typeof sub === 'string') {
      const names = [...sub.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1]!);
      if (!names.every((n) => PSEUDO.has(n) || this.t.parameters.get(n).exists)) return undefined;
      for (const n of names) if (!PSEUDO.has(n)) used.add(n);
      return sub;
    }
    return undefined;
  }

  /** The name a field holds, marked; reported when it names nothing readable. */
  read(f: Field, what: string): string | undefined {
    if (!f.exists) return undefined;
    const used = new Set<string>();
    const v = this.peek(f.value, used);
    if (v === undefined) {
      f.drop('no-form', `${what} is ${JSON.stringify(f.value)}, which gives no name the spec can hold (a reference outside the App Mesh resources and the template's parameters), so it is not carried.`, 'write the name in the spec');
      return undefined;
    }
    for (const n of used) this.t.specParameters.add(n);
    f.use();
    return v;
  }
}

function num(f: Field): number | undefined {
  return f.num();
}

function health(f: Field): MeshHealth | undefined {
  if (!f.exists) return undefined;
  const h: MeshHealth = {};
  const set = <K extends keyof MeshHealth>(k: K, v: MeshHealth[K] | undefined) => {
    if (v !== undefined) h[k] = v;
  };
  set('protocol', f.get('Protocol').str());
  set('path', f.get('Path').str());
  set('port', num(f.get('Port')));
  set('intervalMillis', num(f.get('IntervalMillis')));
  set('timeoutMillis', num(f.get('TimeoutMillis')));
  set('healthyThreshold', num(f.get('HealthyThreshold')));
  set('unhealthyThreshold', num(f.get('UnhealthyThreshold')));
  return h;
}

function discovery(f: Field, names: Names): MeshDiscovery | undefined {
  const cm = f.get('AWSCloudMap');
  if (cm.exists) {
    const namespace = names.read(cm.get('NamespaceName'), 'The Cloud Map namespace');
    const service = names.read(cm.get('ServiceName'), 'The Cloud Map service');
    const attributes = cloudMapAttributes(cm.get('Attributes'), 'Key', 'Value');
    return namespace !== undefined && service !== undefined ? { cloudMap: { namespace, service, ...(attributes ? { attributes } : {}) } } : undefined;
  }
  const hostname = names.read(f.get('DNS', 'Hostname'), 'The DNS host name');
  return hostname !== undefined ? { dns: { hostname } } : undefined;
}

/** The protocol key of a route spec (HttpRoute, ...) and the route under it. */
function routeOf(spec: Field): { protocol?: string; route?: Field } {
  for (const [key, protocol] of Object.entries(ROUTE_KEYS)) if (spec.get(key).exists) return { protocol, route: spec.get(key) };
  return {};
}

export function readCloudFormation(t: Template): MeshObjects {
  const out = emptyObjects('cloudformation', t.tracker.doc.source.file);
  const names = new Names(t);
  for (const k of ['AWSTemplateFormatVersion', 'Outputs']) t.root.get(k).use();
  const description = t.root.get('Description');
  const m = typeof description.value === 'string' ? /^App Mesh resources for ([a-z0-9-]+) \(/.exec(description.value) : null;
  if (m) out.described = m[1];
  description.use();
  for (const [id, r] of t.resources.entries()) {
    const type = r.get('Type').value;
    if (typeof type !== 'string' || !NAME_PROP[type]) continue;
    r.get('Type').use();
    r.get('DependsOn').use();
    const p = r.get('Properties');
    const name = names.read(p.get(NAME_PROP[type]!), `The ${NAME_PROP[type]}`);
    if (name === undefined) continue;
    const mesh = names.read(p.get('MeshName'), 'The mesh name');
    const spec = p.get('Spec');
    const base = { name, field: r, logicalId: id, ...(mesh !== undefined ? { mesh } : {}) };
    if (type === 'AWS::AppMesh::Mesh') {
      const egress = spec.get('EgressFilter', 'Type').str();
      out.meshes.push({ ...base, name, ...(egress ? { egress } : {}) });
    } else if (type === 'AWS::AppMesh::VirtualNode') {
      const l = spec.get('Listeners', 0);
      const node = { ...base, port: num(l.get('PortMapping', 'Port')), protocol: l.get('PortMapping', 'Protocol').str(), health: health(l.get('HealthCheck')), discovery: discovery(spec.get('ServiceDiscovery'), names), backends: [] as string[] };
      for (const extra of spec.get('Listeners').items().slice(1)) extra.drop('no-form', 'A second listener has no form in the spec (a virtual node listens on the main port), so it is not carried.');
      for (const b of spec.get('Backends').items()) {
        const n = names.read(b.get('VirtualService', 'VirtualServiceName'), 'The backend virtual service');
        if (n !== undefined) node.backends.push(n);
      }
      out.nodes.push(node);
    } else if (type === 'AWS::AppMesh::VirtualRouter') {
      const l = spec.get('Listeners', 0);
      out.routers.push({ ...base, port: num(l.get('PortMapping', 'Port')), protocol: l.get('PortMapping', 'Protocol').str() });
      for (const extra of spec.get('Listeners').items().slice(1)) extra.drop('no-form', 'A second router listener has no form in the spec, so it is not carried.');
    } else if (type === 'AWS::AppMesh::Route') {
      const router = names.read(p.get('VirtualRouterName'), 'The virtual router name');
      const { protocol, route } = routeOf(spec);
      if (router === undefined || !route) continue;
      const targets: { node: string; weight: number }[] = [];
      for (const w of route.get('Action', 'WeightedTargets').items()) {
        const node = names.read(w.get('VirtualNode'), 'The route target');
        const weight = num(w.get('Weight'));
        if (node !== undefined && weight !== undefined) targets.push({ node, weight });
      }
      const settings = readRouteSettings(route, protocol, cfnKeys);
      out.routes.push({ ...base, router, ...(protocol ? { protocol } : {}), ...(settings.prefix !== undefined ? { prefix: settings.prefix } : {}), settings, targets });
    } else if (type === 'AWS::AppMesh::VirtualService') {
      const router = names.read(spec.get('Provider', 'VirtualRouter', 'VirtualRouterName'), 'The provider virtual router');
      const node = names.read(spec.get('Provider', 'VirtualNode', 'VirtualNodeName'), 'The provider virtual node');
      out.services.push({ ...base, ...(router !== undefined ? { router } : {}), ...(node !== undefined ? { node } : {}) });
    } else if (type === 'AWS::AppMesh::VirtualGateway') {
      const l = spec.get('Listeners', 0);
      out.gateways.push({ ...base, port: num(l.get('PortMapping', 'Port')), protocol: l.get('PortMapping', 'Protocol').str() });
      for (const extra of spec.get('Listeners').items().slice(1)) extra.drop('no-form', 'A second gateway listener has no form in the spec, so it is not carried.');
    } else if (type === 'AWS::AppMesh::GatewayRoute') {
      const gateway = names.read(p.get('VirtualGatewayName'), 'The virtual gateway name');
      const { protocol, route } = routeOf(spec);
      if (gateway === undefined || !route) continue;
      const match = route.get('Match');
      const exact = match.get('Hostname', 'Exact').str();
      const suffix = match.get('Hostname', 'Suffix').str();
      const prefix = match.get('Prefix').str();
      if (protocol === 'grpc' && isObject(match.value) && Object.keys(match.value).length === 0) match.use();
      const service = names.read(route.get('Action', 'Target', 'VirtualService', 'VirtualServiceName'), 'The gateway route target');
      out.gatewayRoutes.push({
        ...base,
        gateway,
        ...(protocol ? { protocol } : {}),
        ...(prefix !== undefined ? { prefix } : {}),
        ...(exact !== undefined ? { hostname: exact } : suffix !== undefined ? { hostname: `*${suffix}` } : {}),
        ...(service !== undefined ? { service } : {}),
      });
    }
  }
  t.parameters.use();
  // The template parameters the names use, declared as the spec's parameters (type, default, constraints).
  const declared: Record<string, unknown> = {};
  specParameters(t, declared);
  if (declared.parameters) out.parameters = declared.parameters as Record<string, unknown>;
  return out;
}
