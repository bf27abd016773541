/**
 * `appmesh:cfn` — `appmesh/mesh.cfn.yaml`: AWS App Mesh resources for the service (legacy: App
 * Mesh was discontinued on 2026-09-30; on ECS its successor is Service Connect).
 *
 * Mesh → VirtualNode (this spec's tasks) + one VirtualNode per other version → VirtualRouter →
 * Route (weighted targets) → VirtualService; VirtualGateway + GatewayRoute when `gateway` is set.
 * Every name the template references is defined in it (or is a backend outside the service).
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_AppMesh.html
 */
import type { DiagnosticInput, SpecPath } from '../core/diagnostics.js';
import type { Json, JsonObject } from '../core/serialize.js';
import type { PortModel, ServiceModel } from '../model/types.js';
import type { AppmeshTarget } from '../schema/spec.generated.js';
import { appmeshNames } from './shared/appmesh-envoy.js';
import { getAtt, pascal, resource } from './shared/intrinsics.js';
import { reportDeprecation } from './shared/legacy.js';
import { defineEmitter } from './types.js';

type Report = (d: DiagnosticInput) => void;
type Discovery = NonNullable<AppmeshTarget['serviceDiscovery']>;
type MeshProtocol = 'http' | 'http2' | 'grpc' | 'tcp';

const T: SpecPath = ['targets', 'appmesh'];
/** Values App Mesh requires in a listener health check when the spec leaves them unset. */
const HEALTH_DEFAULTS = { healthyThreshold: 2, unhealthyThreshold: 2, intervalSeconds: 5, timeoutSeconds: 2 } as const;

function discoverySpec(d: Discovery): JsonObject | undefined {
  if (d.cloudMap) return { AWSCloudMap: { NamespaceName: d.cloudMap.namespace, ServiceName: d.cloudMap.service! } };
  if (d.dns) return { DNS: { Hostname: d.dns.hostname } };
  return undefined;
}

/** A version's discovery: given, or derived from the main node's (same namespace / domain). */
function versionDiscovery(main: Discovery, version: string, given: Discovery | undefined): Discovery {
  if (given?.cloudMap || given?.dns) return given.cloudMap ? { cloudMap: { service: version, ...given.cloudMap } } : given;
  if (main.cloudMap) return { cloudMap: { namespace: main.cloudMap.namespace, service: version } };
  const rest = main.dns!.hostname.split('.').slice(1).join('.');
  return { dns: { hostname: rest ? `${version}.${rest}` : version } };
}

function healthCheck(m: ServiceModel, port: PortModel, protocol: MeshProtocol, report: Report): JsonObject | undefined {
  const t = m.health.traffic;
  if (!t) return undefined;
  const filled: string[] = [];
  const pick = <K extends keyof typeof HEALTH_DEFAULTS>(k: K): number => {
    const v = t[k];
    if (v !== undefined) return v;
    filled.push(`${k} ${HEALTH_DEFAULTS[k]}`);
    return HEALTH_DEFAULTS[k];
  };
  let hcProtocol: MeshProtocol = protocol;
  if (t.protocol === 'TCP') hcProtocol = 'tcp';
  else if (t.protocol === 'GRPC') hcProtocol = 'grpc';
  else if (t.protocol === 'HTTPS') {
    report({ code: 'APPMESH_HEALTH_HTTPS', severity: 'warning', message: 'App Mesh health checks have no HTTPS protocol; the check uses plain HTTP to the task.', path: ['health', 'traffic', 'protocol'] });
    hcProtocol = 'http';
  } else if (t.protocol === 'HTTP') hcProtocol = protocol === 'http2' ? 'http2' : 'http';
  const hc: JsonObject = {
    HealthyThreshold: pick('healthyThreshold'),
    IntervalMillis: Math.round(pick('intervalSeconds') * 1000),
  };
  if ((hcProtocol === 'http' || hcProtocol === 'http2') && t.path !== undefined) hc.Path = t.path;
  hc.Port = t.port ?? port.port;
  hc.Protocol = hcProtocol;
  hc.TimeoutMillis = Math.round(pick('timeoutSeconds') * 1000);
  hc.UnhealthyThreshold = pick('unhealthyThreshold');
  // App Mesh HealthCheckPolicy ranges (API reference): interval 5000–300000 ms, timeout 2000–60000 ms.
  if ((hc.IntervalMillis as number) < 5000 || (hc.IntervalMillis as number) > 300000) {
    report({ code: 'APPMESH_HEALTH_RANGE', severity: 'error', message: `App Mesh health check interval must be 5s to 300s; got ${(hc.IntervalMillis as number) / 1000}s.`, path: ['health', 'traffic', 'interval'] });
  }
  if ((hc.TimeoutMillis as number) < 2000 || (hc.TimeoutMillis as number) > 60000) {
    report({ code: 'APPMESH_HEALTH_RANGE', severity: 'error', message: `App Mesh health check timeout must be 2s to 60s; got ${(hc.TimeoutMillis as number) / 1000}s.`, path: ['health', 'traffic', 'timeout'] });
  }
  if (t.successCodes !== undefined) {
    report({ code: 'APPMESH_HEALTH_SUCCESS_CODES', severity: 'warning', message: `App Mesh health checks have no success-code setting; successCodes ${t.successCodes} was not written.`, path: ['health', 'traffic', 'successCodes'] });
  }
  if (filled.length) {
    report({ code: 'APPMESH_HEALTH_DEFAULTS', severity: 'info', message: `App Mesh requires every health check field; unset ones were filled: ${filled.join(', ')}.`, path: ['health', 'traffic'] });
  }
  return hc;
}

/** §4.6: 1–10 targets (schema), weights 0–100 (schema), total ≤ 100, unique names, not all zero. */
function checkVersions(versions: readonly { name: string; weight: number }[], report: Report): void {
  const total = versions.reduce((s: number, v) => s + v.weight, 0);
  if (total > 100) {
    report({ code: 'APPMESH_WEIGHTS_TOTAL', severity: 'error', message: `Route weights add up to ${total}; App Mesh allows a total of at most 100 (weights are relative).`, path: [...T, 'versions'] });
  }
  if (total === 0) {
    report({ code: 'APPMESH_WEIGHTS_ZERO', severity: 'warning', message: 'Every route weight is 0, so the route sends no traffic to any version.', path: [...T, 'versions'] });
  }
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    if (seen.has(v.name)) report({ code: 'APPMESH_DUPLICATE_VERSION', severity: 'error', message: `Version "${v.name}" is listed twice.`, path: [...T, 'versions', i, 'name'] });
    seen.add(v.name);
  });
}

function routeSpec(protocol: MeshProtocol, prefix: string, targets: JsonObject[]): JsonObject {
  const action = { WeightedTargets: targets as Json[] };
  switch (protocol) {
    case 'tcp':
      return { TcpRoute: { Action: action } };
    case 'grpc':
      return { GrpcRoute: { Match: {}, Action: action } };
    case 'http2':
      return { Http2Route: { Match: { Prefix: prefix }, Action: action } };
    default:
      return { HttpRoute: { Match: { Prefix: prefix }, Action: action } };
  }
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
  const names = appmeshNames(m);
  const port = m.expose?.port ?? m.main.ports[0];
  if (!port) {
    report({ code: 'APPMESH_NO_PORT', severity: 'error', message: 'A virtual node needs a listener: list at least one port.', path: ['ports'] });
    return undefined;
  }
  if (!t.serviceDiscovery?.cloudMap && !t.serviceDiscovery?.dns) {
    report({ code: 'APPMESH_SERVICE_DISCOVERY_REQUIRED', severity: 'error', message: 'App Mesh needs to know how Envoy finds the tasks.', hint: 'set targets.appmesh.serviceDiscovery.cloudMap (namespace) or .dns (hostname)', path: [...T] });
    return undefined;
  }
  const discovery: Discovery = t.serviceDiscovery.cloudMap
    ? { cloudMap: { namespace: t.serviceDiscovery.cloudMap.namespace, service: t.serviceDiscovery.cloudMap.service ?? m.name } }
    : t.serviceDiscovery;
  const protocol: MeshProtocol = port.protocol === 'udp' ? 'tcp' : port.appProtocol;
  if (port.protocol === 'udp') report({ code: 'APPMESH_UDP', severity: 'warning', message: `App Mesh listeners carry TCP only; port ${port.port}/udp is meshed as tcp.`, path: ['ports'] });
  const virtualServiceName = t.virtualServiceName ?? (discovery.cloudMap ? `${discovery.cloudMap.service}.${discovery.cloudMap.namespace}` : discovery.dns!.hostname);
  const meshName: Json = t.createMesh === false ? names.mesh : getAtt('Mesh', 'MeshName');
  const portMapping = { Port: port.port, Protocol: protocol };

  const listener: JsonObject = { PortMapping: portMapping };
  const hc = healthCheck(m, port, protocol, report);
  if (hc) listener.HealthCheck = hc;
  const nodeSpec = (d: Discovery): JsonObject => {
    const spec: JsonObject = { Listeners: [listener], ServiceDiscovery: discoverySpec(d)! };
    if (t.backends?.length) spec.Backends = t.backends.map((b) => ({ VirtualService: { VirtualServiceName: b } }));
    return spec;
  };

  const resources: JsonObject = {};
  if (t.createMesh !== false) {
    resources.Mesh = resource('AWS::AppMesh::Mesh', { MeshName: names.mesh, Spec: { EgressFilter: { Type: t.egressFilter ?? 'DROP_ALL' } } });
  }
  resources.VirtualNode = resource('AWS::AppMesh::VirtualNode', { MeshName: meshName, VirtualNodeName: names.node, Spec: nodeSpec(discovery) });

  const versions = t.versions ?? [{ name: names.node, weight: 100 }];
  checkVersions(versions, report);
  if (!versions.some((v) => v.name === names.node)) {
    report({
      code: 'APPMESH_NODE_NOT_ROUTED',
      severity: 'info',
      message: `The route sends ${virtualServiceName} traffic to ${versions.map((v) => v.name).join(', ')}, not to ${names.node}, the node this spec's tasks register as.`,
      hint: 'deploy each version with its own node name, or set virtualNodeName to the version these tasks are',
      path: [...T, 'versions'],
    });
  }
  const nodeIds = new Map<string, string>([[names.node, 'VirtualNode']]);
  for (const v of versions) {
    if (nodeIds.has(v.name)) continue;
    const id = `VirtualNode${pascal(v.name)}`;
    nodeIds.set(v.name, id);
    resources[id] = resource('AWS::AppMesh::VirtualNode', { MeshName: meshName, VirtualNodeName: v.name, Spec: nodeSpec(versionDiscovery(discovery, v.name, v.serviceDiscovery)) });
  }
  resources.VirtualRouter = resource('AWS::AppMesh::VirtualRouter', { MeshName: meshName, VirtualRouterName: names.router, Spec: { Listeners: [{ PortMapping: portMapping }] } });
  // The route names its targets as strings, so it must wait for the nodes explicitly.
  const targetIds = [...new Set(versions.map((v) => nodeIds.get(v.name)!))];
  resources.Route = resource(
    'AWS::AppMesh::Route',
    {
      MeshName: meshName,
      VirtualRouterName: getAtt('VirtualRouter', 'VirtualRouterName'),
      RouteName: names.route,
      Spec: routeSpec(protocol, m.expose?.path ?? '/', versions.map((v) => ({ VirtualNode: v.name, Weight: v.weight }))),
    },
    targetIds,
  );
  resources.VirtualService = resource('AWS::AppMesh::VirtualService', {
    MeshName: meshName,
    VirtualServiceName: virtualServiceName,
    Spec: { Provider: { VirtualRouter: { VirtualRouterName: getAtt('VirtualRouter', 'VirtualRouterName') } } },
  });
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
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `App Mesh resources for ${m.name} (legacy: AWS App Mesh is discontinued on 2026-09-30; migrate to ECS Service Connect).`,
    Resources: resources,
    Outputs: outputs,
  };
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
