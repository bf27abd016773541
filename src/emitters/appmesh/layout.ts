/**
 * The App Mesh layout of a service, computed once from the model resolved for `appmesh` and
 * rendered by both the CloudFormation emitter (`appmesh:cfn`) and the App Mesh controller's custom
 * resources (`appmesh:kubernetes`): names, listener port and protocol, health check, service
 * discovery, the virtual service name, the weighted versions and the virtual node of each.
 * Field names of the health check follow the App Mesh API (camelCase, as the controller's CRDs use
 * them; CloudFormation capitalizes the first letter).
 * @see https://docs.aws.amazon.com/app-mesh/latest/APIReference/API_HealthCheckPolicy.html
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { PortModel, ServiceModel } from '../../model/types.js';
import type { AppmeshTarget } from '../../schema/spec.generated.js';
import { appmeshNames, type AppmeshNames } from '../common/appmesh-envoy.js';
import { routeParts, type RouteParts } from './route.js';

type Report = (d: DiagnosticInput) => void;
export type Discovery = NonNullable<AppmeshTarget['serviceDiscovery']>;
export type MeshProtocol = 'http' | 'http2' | 'grpc' | 'tcp';

const T: SpecPath = ['targets', 'appmesh'];
/** Values App Mesh requires in a listener health check when the spec leaves them unset. */
const HEALTH_DEFAULTS = { healthyThreshold: 2, unhealthyThreshold: 2, intervalSeconds: 5, timeoutSeconds: 2 } as const;

export interface MeshNode {
  /** The virtual node name (App Mesh) — also the version name in the route. */
  name: string;
  discovery: Discovery;
  /** True for the node this spec's own tasks/pods register as (`virtualNodeName`). */
  primary: boolean;
  /** A version's own logical ID in the App Mesh template (`versions[].logicalId`). */
  logicalId?: string;
}

export interface MeshLayout {
  names: AppmeshNames;
  port: PortModel;
  protocol: MeshProtocol;
  /** Listener health check in App Mesh API field names (camelCase), when `health.traffic` is set. */
  healthCheck?: JsonObject;
  discovery: Discovery;
  virtualServiceName: string;
  /** Weighted route targets (default: the primary node at 100). */
  versions: readonly { name: string; weight: number }[];
  /** The primary node first, then one node per other version, each once. */
  nodes: MeshNode[];
  /** The route's path prefix (HTTP, HTTP/2). */
  prefix: string;
  /**
   * No service discovery: the node takes no traffic (no listener), only sends to its backends, and
   * has no virtual service of its own (the App Mesh template then holds the node alone).
   */
  clientOnly: boolean;
  /** What provides the virtual service: the router (weighted route) or the node directly. */
  provider: 'virtualRouter' | 'virtualNode';
  /** The route's match, retry policy and timeout (App Mesh API names), when there is a route. */
  route?: RouteParts;
}

/** A version's discovery: given, or derived from the main node's (same namespace / domain). */
export function versionDiscovery(main: Discovery, version: string, given: Discovery | undefined): Discovery {
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
    healthyThreshold: pick('healthyThreshold'),
    intervalMillis: Math.round(pick('intervalSeconds') * 1000),
  };
  if ((hcProtocol === 'http' || hcProtocol === 'http2') && t.path !== undefined) hc.path = t.path;
  hc.port = t.port ?? port.port;
  hc.protocol = hcProtocol;
  hc.timeoutMillis = Math.round(pick('timeoutSeconds') * 1000);
  hc.unhealthyThreshold = pick('unhealthyThreshold');
  // App Mesh HealthCheckPolicy ranges (API reference): interval 5000–300000 ms, timeout 2000–60000 ms.
  if ((hc.intervalMillis as number) < 5000 || (hc.intervalMillis as number) > 300000) {
    report({ code: 'APPMESH_HEALTH_RANGE', severity: 'error', message: `App Mesh health check interval must be 5s to 300s; got ${(hc.intervalMillis as number) / 1000}s.`, path: ['health', 'traffic', 'interval'] });
  }
  if ((hc.timeoutMillis as number) < 2000 || (hc.timeoutMillis as number) > 60000) {
    report({ code: 'APPMESH_HEALTH_RANGE', severity: 'error', message: `App Mesh health check timeout must be 2s to 60s; got ${(hc.timeoutMillis as number) / 1000}s.`, path: ['health', 'traffic', 'timeout'] });
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

/** The layout, or undefined (reported) when the service has no port or no service discovery. */
export function meshLayout(m: ServiceModel, report: Report): MeshLayout | undefined {
  const t = m.targets.appmesh;
  const names = appmeshNames(m);
  const clientOnly = !t.serviceDiscovery?.cloudMap && !t.serviceDiscovery?.dns;
  const found = m.expose?.port ?? m.main.ports[0];
  if (!found && !clientOnly) {
    report({ code: 'APPMESH_NO_PORT', severity: 'error', message: 'A virtual node needs a listener: list at least one port.', path: ['ports'] });
    return undefined;
  }
  // A client-only node has no listener; the placeholder port is never written.
  const port = found ?? { name: 'http', port: 80, protocol: 'tcp' as const, appProtocol: 'http' as const, servicePort: 80 };
  if (clientOnly) {
    // Without discovery Envoy cannot be found: fine for a node that only calls its backends, not for one others route to.
    const routed = (['versions', 'gateway', 'virtualServiceName', 'provider', 'route'] as const).filter((k) => t[k] !== undefined);
    if (routed.length) {
      report({ code: 'APPMESH_SERVICE_DISCOVERY_REQUIRED', severity: 'error', message: `App Mesh needs to know how Envoy finds the tasks: targets.appmesh.${routed[0]} routes traffic to this node.`, hint: 'set targets.appmesh.serviceDiscovery.cloudMap (namespace) or .dns (hostname)', path: [...T, routed[0]!] });
      return undefined;
    }
    report({ code: 'APPMESH_CLIENT_ONLY', severity: 'info', message: `No service discovery: ${names.node} is a virtual node without a listener, so its Envoy only carries the calls to its backends; the App Mesh template holds no router, route or virtual service.`, path: [...T] });
  }
  const discovery: Discovery = t.serviceDiscovery?.cloudMap
    ? { cloudMap: { namespace: t.serviceDiscovery.cloudMap.namespace, service: t.serviceDiscovery.cloudMap.service ?? m.name, ...(t.serviceDiscovery.cloudMap.attributes ? { attributes: t.serviceDiscovery.cloudMap.attributes } : {}) } }
    : (t.serviceDiscovery?.dns ? t.serviceDiscovery : { dns: { hostname: m.name } });
  const protocol: MeshProtocol = port.protocol === 'udp' ? 'tcp' : port.appProtocol;
  if (port.protocol === 'udp') report({ code: 'APPMESH_UDP', severity: 'warning', message: `App Mesh listeners carry TCP only; port ${port.port}/udp is meshed as tcp.`, path: ['ports'] });
  const virtualServiceName = t.virtualServiceName ?? (discovery.cloudMap ? `${discovery.cloudMap.service}.${discovery.cloudMap.namespace}` : discovery.dns!.hostname);
  const hc = healthCheck(m, port, protocol, report);

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
  const nodes: MeshNode[] = [{ name: names.node, discovery, primary: true }];
  for (const v of versions) {
    if (nodes.some((n) => n.name === v.name)) continue;
    nodes.push({ name: v.name, discovery: versionDiscovery(discovery, v.name, v.serviceDiscovery), primary: false, ...(v.logicalId !== undefined ? { logicalId: v.logicalId } : {}) });
  }
  versions.forEach((v, i) => {
    if (v.logicalId !== undefined && v.name === names.node) {
      report({ code: 'APPMESH_VERSION_LOGICAL_ID', severity: 'warning', message: `Version ${v.name} is the node of virtualNodeName, whose logical ID is logicalIds.virtualNode; this logicalId is not used.`, hint: 'set targets.appmesh.logicalIds.virtualNode instead', path: [...T, 'versions', i, 'logicalId'] });
    }
  });
  // The mesh route and the gateway route match one path prefix, and codegen writes no header matches there.
  const e = m.expose;
  if (e && !clientOnly && (e.paths.length > 1 || e.headers.length)) {
    const lost = [...(e.paths.length > 1 ? [`the paths after ${e.paths[0]} (${e.paths.slice(1).join(', ')})`] : []), ...(e.headers.length ? ['the header conditions'] : [])];
    report({ code: 'APPMESH_ROUTE_MATCH', severity: 'warning', message: `App Mesh routes here match one path prefix (${e.paths[0]}); ${lost.join(' and ')} ${lost.length > 1 ? 'are' : 'is'} not carried to the mesh.`, hint: 'say what the mesh route matches in targets.appmesh.route.match (path, method, headers)', path: ['expose', e.paths.length > 1 ? 'paths' : 'headers'] });
  }
  const provider = t.provider ?? 'virtualRouter';
  if (provider === 'virtualNode' && (versions.length > 1 || versions[0]!.name !== names.node)) {
    report({ code: 'APPMESH_PROVIDER_NODE', severity: 'error', message: `A virtual node can provide the virtual service only as its one version; the versions route to ${versions.map((v) => v.name).join(', ')}.`, hint: 'use provider virtualRouter for weighted versions', path: [...T, 'provider'] });
  }
  if (provider === 'virtualNode' && t.route !== undefined) {
    report({ code: 'APPMESH_PROVIDER_NODE', severity: 'error', message: 'The virtual node provides the virtual service directly, so there is no route for targets.appmesh.route to describe.', hint: 'use provider virtualRouter (the default) to match, retry or time out requests', path: [...T, 'route'] });
  }
  const prefix = m.expose?.path ?? '/';
  const layout: MeshLayout = { names, port, protocol, discovery, virtualServiceName, versions, nodes, prefix, clientOnly, provider };
  if (hc) layout.healthCheck = hc;
  if (!clientOnly && provider === 'virtualRouter') {
    const route = routeParts(m, protocol, prefix, report);
    if (!route) return undefined;
    layout.route = route;
  }
  return layout;
}
