/**
 * The ECS Service Connect equivalent of an imported App Mesh service (App Mesh was discontinued on
 * 2026-09-30): what to write in `targets.ecs.service.serviceConnect` so clients keep calling the
 * same name, and what Service Connect does instead of weighted versions, a virtual gateway and a
 * backend list. docs/migrate-appmesh.md says the same; keep them together.
 */
import type { BuiltSpec } from './spec.js';

type Json = Record<string, unknown>;

/**
 * `targets.ecs.service.serviceConnect` for the service: namespace, discovery name, client alias. A
 * client-only node joins as a client: the namespace its backends share, no discovery name.
 */
export function serviceConnectFor(b: BuiltSpec): Json {
  const name = String(b.draft.spec.name);
  if (!b.service) {
    const namespaces = [...new Set(b.primary.backends.map((x) => x.split('.').slice(1).join('.')).filter(Boolean))];
    return namespaces.length === 1 ? { namespace: namespaces[0] } : {};
  }
  const d = b.primary.discovery;
  const labels = d?.dns ? d.dns.hostname.split('.') : [];
  const namespace = d?.cloudMap ? d.cloudMap.namespace : labels.slice(1).join('.') || undefined;
  const discovery = d?.cloudMap ? d.cloudMap.service : labels[0];
  const out: Json = {};
  if (namespace) out.namespace = namespace;
  if (discovery && discovery !== name) out.discoveryName = discovery;
  if (b.service.name !== (discovery ?? name)) out.dnsName = b.service.name;
  return out;
}

function flow(o: Json): string {
  const entries = Object.entries(o).map(([k, v]) => `${k}: ${String(v)}`);
  return entries.length ? `{ ${entries.join(', ')} }` : '{}';
}

/** Info diagnostics with the Service Connect proposal, and the same in the spec's header. */
export function proposeServiceConnect(b: BuiltSpec): void {
  const sc = serviceConnectFor(b);
  const name = String(b.draft.spec.name);
  const snippet = `targets.ecs.service.serviceConnect: ${flow(sc)}`;
  const at = (b.service ?? b.primary).field;
  const report = (message: string, hint?: string) => at.tracker.report(at.path, 'IMPORT_SERVICE_CONNECT', 'info', message, hint);
  if (b.service) {
    const alias = `${b.service.name}${b.primary.port !== undefined ? `:${b.primary.port}` : ''}`;
    report(`On ECS, ${name} migrates to Service Connect with ${snippet}: clients keep calling ${alias}, and the namespace must be a Cloud Map namespace every client service joins (docs/migrate-appmesh.md).`, `add targets.ecs with service.serviceConnect ${flow(sc)}, then remove targets.appmesh`);
  } else {
    const ns = sc.namespace === undefined ? 'the Cloud Map namespace of its backends (they are in different ones here: Service Connect reaches one namespace per service)' : String(sc.namespace);
    report(`On ECS, ${name} migrates to Service Connect as a client with ${snippet}: it serves nothing, and reaches its backends by the same names once it joins ${ns} (docs/migrate-appmesh.md).`, `add targets.ecs with service.serviceConnect ${flow(sc)}, then remove targets.appmesh`);
  }
  b.draft.header.push(`ECS Service Connect equivalent (App Mesh is discontinued): ${snippet}`);
  const versions = b.appmesh.versions as { name: string; weight: number }[] | undefined;
  if (versions?.length) {
    report(
      `Service Connect has no weighted routing between versions (${versions.map((v) => `${v.name} ${v.weight}`).join(', ')}): run one ECS service and shift traffic with deployment.strategy canary or linear (ECS-native) instead.`,
    );
  }
  const gateway = b.appmesh.gateway as Json | undefined;
  if (gateway) {
    const expose = (b.appmesh.expose ?? {}) as Json;
    const parts = [expose.hosts ? `hosts: [${String((expose.hosts as string[])[0])}]` : '', expose.path ? `path: ${String(expose.path)}` : ''].filter(Boolean);
    report(
      `Service Connect has no ingress gateway: expose ${name} through the load balancer with expose: { public: true${parts.length ? `, ${parts.join(', ')}` : ''} } instead of the virtual gateway.`,
    );
  }
  const route = b.appmesh.route as Json | undefined;
  if (route) {
    const parts = [route.match ? 'request match' : '', route.retryPolicy ? 'retry policy' : '', route.timeout ? 'timeouts' : ''].filter(Boolean);
    report(
      `Service Connect has no request matching or retry policy: the route's ${parts.join(', ')} move${parts.length === 1 ? 's' : ''} into the clients (or a load balancer's rules); timeouts correspond to the ECS service's Service Connect TimeoutConfiguration (idle and per request).`,
    );
  }
  if (b.primary.backends.length) {
    report(
      `Service Connect needs no backend list: ${b.primary.backends.join(', ')} stay reachable by the same names once their services join the namespace with a client alias of that name.`,
    );
  }
}
