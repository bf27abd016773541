/**
 * `appmesh:cfn` — `appmesh/mesh.cfn.yaml`: AWS App Mesh resources for the service (legacy: App
 * Mesh was discontinued on 2026-09-30; on ECS its successor is Service Connect).
 *
 * Mesh → VirtualNode (this spec's tasks) + one VirtualNode per other version → VirtualRouter →
 * Route (weighted targets) → VirtualService; VirtualGateway + GatewayRoute when `gateway` is set.
 * Every name the template references is defined in it (or is a backend outside the service).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_AppMesh.html
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { APPMESH_LOGICAL_IDS, defaultLogicalIds, versionNodeLogicalId } from '../../schema/logical-ids.js';
import { meshLayout, type Discovery, type MeshProtocol } from './layout.js';
import { pascalKeys, type RouteParts } from './route.js';
import { applyLogicalIds } from '../common/cfn.js';
import { getAtt, pascal, resource } from '../common/intrinsics.js';
import { reportDeprecation } from '../common/legacy.js';
import { labelTags, tagResources } from '../common/tags.js';
import { defineEmitter } from '../types.js';

type Report = (d: DiagnosticInput) => void;

const T: SpecPath = ['targets', 'appmesh'];
/** The logical ID codegen gives each resource role (`targets.appmesh.logicalIds` maps them to the user's). */
export const APPMESH_ROLE_IDS: Readonly<Record<string, string>> = defaultLogicalIds(APPMESH_LOGICAL_IDS);

function discoverySpec(d: Discovery): JsonObject | undefined {
  if (d.cloudMap) {
    const attrs = d.cloudMap.attributes ?? {};
    const attributes = Object.keys(attrs).sort().map((k) => ({ Key: k, Value: attrs[k]! }));
    return { AWSCloudMap: { NamespaceName: d.cloudMap.namespace, ServiceName: d.cloudMap.service!, ...(attributes.length ? { Attributes: attributes } : {}) } };
  }
  if (d.dns) return { DNS: { Hostname: d.dns.hostname } };
  return undefined;
}

/** The Route's spec: the protocol's route with its match, weighted targets, retry policy and timeout. */
function routeSpec(protocol: MeshProtocol, route: RouteParts, targets: JsonObject[]): JsonObject {
  const body: JsonObject = {};
  if (protocol !== 'tcp') body.Match = pascalKeys(route.match);
  body.Action = { WeightedTargets: targets as Json[] };
  if (route.retryPolicy) body.RetryPolicy = pascalKeys(route.retryPolicy);
  if (route.timeout) body.Timeout = pascalKeys(route.timeout);
  const key = { tcp: 'TcpRoute', grpc: 'GrpcRoute', http2: 'Http2Route', http: 'HttpRoute' }[protocol];
  return { [key]: body };
}

function gatewayRouteSpec(protocol: MeshProtocol, m: ServiceModel, report: Report): JsonObject | undefined {
  const target = { Target: { VirtualService: { VirtualServiceName: getAtt('VirtualService', 'VirtualServiceName') } } };
  if (protocol === 'tcp') {
    report({ code: 'APPMESH_GATEWAY_TCP', severity: 'error', message: 'A virtual gateway routes HTTP, HTTP/2 and gRPC only; this service listens on TCP.', path: [...T, 'gateway'] });
    return undefined;
  }
  if (protocol === 'grpc') return { GrpcRoute: { Match: {}, Action: target } };
  const match: JsonObject = { Prefix: m.expose?.path ?? '/' };
  const hosts = m.expose?.hosts ?? [];
  if (hosts.length === 1) match.Hostname = hosts[0]!.startsWith('*.') ? { Suffix: hosts[0]!.slice(1) } : { Exact: hosts[0]! };
  else if (hosts.length > 1) {
    report({ code: 'APPMESH_GATEWAY_HOSTS', severity: 'warning', message: `A gateway route matches one host name; the route matches any host instead of ${hosts.join(', ')}.`, path: ['expose', 'hosts'] });
  }
  return { [protocol === 'http2' ? 'Http2Route' : 'HttpRoute']: { Match: match, Action: target } };
}

export function buildAppmeshTemplate(m: ServiceModel, report: Report): JsonObject | undefined {
  const t = m.targets.appmesh;
  const layout = meshLayout(m, report);
  if (!layout) return undefined;
  const { names, port, protocol, versions, virtualServiceName } = layout;
  const meshName: Json = t.createMesh === false ? names.mesh : getAtt('Mesh', 'MeshName');
  const portMapping = { Port: port.port, Protocol: protocol };

  const listener: JsonObject = { PortMapping: portMapping };
  if (layout.healthCheck) listener.HealthCheck = Object.fromEntries(Object.entries(layout.healthCheck).map(([k, v]) => [pascal(k), v]));
  const nodeSpec = (d: Discovery): JsonObject => {
    // A client-only node has no listener and no discovery: nothing routes to it.
    const spec: JsonObject = layout.clientOnly ? {} : { Listeners: [listener], ServiceDiscovery: discoverySpec(d)! };
    if (t.backends?.length) spec.Backends = t.backends.map((b) => ({ VirtualService: { VirtualServiceName: b } }));
    return spec;
  };

  const resources: JsonObject = {};
  if (t.createMesh !== false) {
    resources.Mesh = resource('AWS::AppMesh::Mesh', { MeshName: names.mesh, Spec: { EgressFilter: { Type: t.egressFilter ?? 'DROP_ALL' } } });
  }
  const nodeIds = new Map<string, string>();
  const versionIds = new Map<string, { id: string; given?: string; at: SpecPath }>();
  for (const n of layout.nodes) {
    const id = n.primary ? APPMESH_ROLE_IDS.virtualNode! : versionNodeLogicalId(n.name);
    if (!n.primary) versionIds.set(n.name, { id, ...(n.logicalId !== undefined ? { given: n.logicalId } : {}), at: [...T, 'versions', (t.versions ?? []).findIndex((v) => v.name === n.name), 'logicalId'] });
    nodeIds.set(n.name, id);
    resources[id] = resource('AWS::AppMesh::VirtualNode', { MeshName: meshName, VirtualNodeName: n.name, Spec: nodeSpec(n.discovery) });
  }
  if (layout.clientOnly) return template(m, resources, { VirtualNodeArn: { Description: 'APPMESH_RESOURCE_ARN for the Envoy of this service.', Value: getAtt('VirtualNode', 'Arn') } }, report);
  if (layout.provider === 'virtualNode') {
    // One version: the node provides the virtual service itself, no router or route.
    resources.VirtualService = resource('AWS::AppMesh::VirtualService', {
      MeshName: meshName,
      VirtualServiceName: virtualServiceName,
      Spec: { Provider: { VirtualNode: { VirtualNodeName: getAtt('VirtualNode', 'VirtualNodeName') } } },
    });
  } else {
    resources.VirtualRouter = resource('AWS::AppMesh::VirtualRouter', { MeshName: meshName, VirtualRouterName: names.router, Spec: { Listeners: [{ PortMapping: portMapping }] } });
    // The route names its targets as strings, so it must wait for the nodes explicitly.
    const targetIds = [...new Set(versions.map((v) => nodeIds.get(v.name)!))];
    resources.Route = resource(
      'AWS::AppMesh::Route',
      {
        MeshName: meshName,
        VirtualRouterName: getAtt('VirtualRouter', 'VirtualRouterName'),
        RouteName: names.route,
        Spec: routeSpec(protocol, layout.route!, versions.map((v) => ({ VirtualNode: v.name, Weight: v.weight }))),
      },
      targetIds,
    );
    resources.VirtualService = resource('AWS::AppMesh::VirtualService', {
      MeshName: meshName,
      VirtualServiceName: virtualServiceName,
      Spec: { Provider: { VirtualRouter: { VirtualRouterName: getAtt('VirtualRouter', 'VirtualRouterName') } } },
    });
  }
  if (t.gateway) {
    const gwProtocol = protocol === 'tcp' ? 'http' : protocol;
    const spec = gatewayRouteSpec(protocol, m, report);
    resources.VirtualGateway = resource('AWS::AppMesh::VirtualGateway', {
      MeshName: meshName,
      VirtualGatewayName: t.gateway.name ?? `${m.name}-gateway`,
      Spec: { Listeners: [{ PortMapping: { Port: t.gateway.port ?? port.port, Protocol: gwProtocol } }] },
    });
    if (spec) {
      resources.GatewayRoute = resource('AWS::AppMesh::GatewayRoute', {
        MeshName: meshName,
        VirtualGatewayName: getAtt('VirtualGateway', 'VirtualGatewayName'),
        GatewayRouteName: t.gateway.routeName ?? `${m.name}-gateway-route`,
        Spec: spec,
      });
    }
  }
  const outputs: JsonObject = {
    VirtualServiceName: { Description: 'Clients call this name through their Envoy.', Value: getAtt('VirtualService', 'VirtualServiceName') },
    VirtualNodeArn: { Description: 'APPMESH_RESOURCE_ARN for the Envoy of this service.', Value: getAtt('VirtualNode', 'Arn') },
  };
  if (resources.VirtualGateway) outputs.VirtualGatewayArn = { Description: 'APPMESH_RESOURCE_ARN for the gateway Envoy.', Value: getAtt('VirtualGateway', 'Arn') };
  return template(m, resources, outputs, report, versionIds);
}

function template(m: ServiceModel, resources: JsonObject, outputs: JsonObject, report: Report, versionIds: ReadonlyMap<string, { id: string; given?: string; at: SpecPath }> = new Map()): JsonObject {
  const template: JsonObject = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `App Mesh resources for ${m.name} (legacy: AWS App Mesh is discontinued on 2026-09-30; migrate to ECS Service Connect).`,
    Resources: resources,
    Outputs: outputs,
  };
  tagResources(template, labelTags(m, report, 'appmesh'));
  // A version node's own ID (versions[].logicalId) is one more role, checked with the others.
  const roles: Record<string, string> = { ...APPMESH_ROLE_IDS };
  const given: Record<string, string> = { ...(m.targets.appmesh.logicalIds ?? {}) };
  const where = new Map<string, SpecPath>();
  for (const [name, v] of versionIds) {
    if (v.given === undefined) continue;
    roles[`version ${name}`] = v.id;
    given[`version ${name}`] = v.given;
    where.set(`version ${name}`, v.at);
  }
  const none = !m.targets.appmesh.logicalIds && !where.size;
  return none ? template : applyLogicalIds(template, roles, given, [...T, 'logicalIds'], report, (role) => [...(where.get(role) ?? [...T, 'logicalIds', role])]);
}

export default defineEmitter({
  name: 'appmesh:cfn',
  target: 'appmesh',
  description: 'AWS App Mesh CloudFormation: mesh, virtual nodes, router, weighted route, virtual service, gateway (legacy).',
  emit(model, ctx) {
    reportDeprecation(model, ctx, {
      target: 'appmesh',
      code: 'APPMESH_DEPRECATED',
      message: 'AWS App Mesh is discontinued on 2026-09-30; this target is legacy output for migration.',
      hint: 'migrate ECS services to ECS Service Connect with targets.ecs.service.serviceConnect, see docs/targets/appmesh.md',
    });
    const template = buildAppmeshTemplate(model, (d) => ctx.report(d));
    if (!template) return [];
    return [{ path: 'appmesh/mesh.cfn.yaml', format: 'yaml', kind: 'cloudformation', emitter: 'appmesh:cfn', documents: [template] }];
  },
});
