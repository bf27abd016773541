/**
 * `ServiceRegistries` of an ECS service and the Cloud Map service around it →
 * `targets.ecs.service.serviceDiscovery`: the namespace, name, DNS record type and TTL, custom
 * attributes, or an existing Cloud Map service by ARN.
 */
import type { Field } from '../fields.js';
import type { Template } from './cfn.js';

type Json = Record<string, unknown>;

export function readServiceRegistries(t: Template, regs: Field, spec: Json, ecs: Json): void {
  const items = regs.items();
  const r = items[0];
  if (!r) return;
  for (const extra of items.slice(1)) extra.drop('no-form', 'The spec registers the service in one Cloud Map service; only the first registry is carried.');
  const sd: Json = {};
  const arn = r.get('RegistryArn');
  const port = r.get('ContainerPort').num();
  r.get('ContainerName').use();
  const id = t.ofType('AWS::ServiceDiscovery::Service').find((x) => t.isGetAtt(arn, [x]));
  const awsvpc = ecs.networkMode === undefined;
  if (id) {
    const p = t.props(id);
    const ns = t.literal(p.get('NamespaceId'));
    if (typeof ns === 'string') sd.namespaceId = ns;
    const name = p.get('Name').str();
    if (name !== undefined && name !== spec.name) sd.name = name;
    const rec = p.get('DnsConfig', 'DnsRecords', 0);
    const type = rec.get('Type').str();
    if (type !== undefined && type !== (awsvpc ? 'A' : 'SRV')) sd.dnsRecordType = type;
    const ttl = rec.get('TTL').num();
    if (ttl !== undefined && ttl !== 60) sd.ttl = ttl;
    p.get('DnsConfig', 'RoutingPolicy').expect('MULTIVALUE', 'The routing policy');
    p.get('HealthCheckCustomConfig').expect({ FailureThreshold: 1 }, 'The custom health check');
    p.get('Description').use();
    const attrs: Json = {};
    for (const [k, v] of p.get('ServiceAttributes').entries()) {
      const s = v.str();
      if (s !== undefined) attrs[k] = s;
    }
    if (Object.keys(attrs).length) sd.attributes = attrs;
  } else {
    const literal = t.literal(arn);
    if (typeof literal === 'string') sd.registryArn = literal;
    if (!awsvpc) sd.dnsRecordType = 'SRV';
  }
  const ports = (spec.ports as Json[] | undefined) ?? [];
  const expected = ((spec.expose as Json | undefined) && ports.find((p) => p.port === (spec.expose as Json).port)) ?? ports[0];
  if (port !== undefined && port !== expected?.port) sd.port = port;
  ((ecs.service ??= {}) as Json).serviceDiscovery = sd;
}
