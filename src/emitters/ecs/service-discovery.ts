/**
 * AWS Cloud Map service discovery of an ECS service (`targets.ecs.service.serviceDiscovery`): the
 * Cloud Map service (DNS records A or SRV with their TTL, multivalue answers, health from ECS
 * through the custom health check, custom attributes) or an existing one by ARN, and the
 * service's `ServiceRegistries` entry ECS registers every task with.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-servicediscovery-service.html
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { getAtt, type TemplateBuilder } from '../common/cfn.js';
import { ECS, external, type Report } from './service-common.js';

const SD = [...ECS, 'service', 'serviceDiscovery'];

export function serviceRegistries(t: TemplateBuilder, m: ServiceModel, report: Report): JsonObject[] | undefined {
  const sd = m.targets.ecs.service?.serviceDiscovery;
  if (!sd) return undefined;
  const awsvpc = (m.targets.ecs.networkMode ?? 'awsvpc') === 'awsvpc';
  const type = sd.dnsRecordType ?? (awsvpc ? 'A' : 'SRV');
  if (type === 'A' && !awsvpc) {
    report({ code: 'ECS_SERVICE_DISCOVERY_RECORD', severity: 'error', message: `An A record holds the task's own IP, which only awsvpc tasks have; ${m.targets.ecs.networkMode} networking needs SRV records (IP and port).`, path: [...SD, 'dnsRecordType'] });
  }
  const entry: JsonObject = {};
  if (type === 'SRV') {
    const port = sd.port ?? m.expose?.port.port ?? m.main.ports[0]?.port;
    if (port === undefined) {
      report({ code: 'ECS_SERVICE_DISCOVERY_PORT', severity: 'error', message: 'An SRV record needs a container port: list ports or set serviceDiscovery.port.', path: SD });
    } else if (!m.main.ports.some((p) => p.port === port)) {
      report({ code: 'ECS_SERVICE_DISCOVERY_PORT', severity: 'error', message: `serviceDiscovery.port ${port} is not a port of the main container.`, path: [...SD, 'port'] });
    } else {
      entry.ContainerName = m.main.name;
      entry.ContainerPort = port;
    }
  } else if (sd.port !== undefined) {
    report({ code: 'ECS_SERVICE_DISCOVERY_PORT', severity: 'warning', message: 'An A record has no port; serviceDiscovery.port is used with SRV records only.', path: [...SD, 'port'] });
  }
  if (sd.registryArn) {
    const unused = (['namespaceId', 'name', 'ttl', 'attributes'] as const).filter((k) => sd[k] !== undefined);
    if (unused.length) {
      report({ code: 'ECS_SERVICE_DISCOVERY_EXISTING', severity: 'warning', message: `registryArn names an existing Cloud Map service, whose own settings apply: serviceDiscovery.${unused.join(', serviceDiscovery.')} ${unused.length > 1 ? 'are' : 'is'} not used.`, path: [...SD, unused[0]!] });
    }
    return [{ RegistryArn: sd.registryArn, ...entry }];
  }
  const namespace = external(t, m, 'ServiceDiscoveryNamespaceId', sd.namespaceId, undefined, { type: 'String', description: 'ID of the Cloud Map DNS namespace the service\'s tasks are registered in (ns-...).' });
  const props: JsonObject = {
    Name: sd.name ?? m.name,
    Description: `Tasks of the ECS service ${m.name}.`,
    NamespaceId: namespace,
    DnsConfig: { DnsRecords: [{ Type: type, TTL: sd.ttl ?? 60 }], RoutingPolicy: 'MULTIVALUE' },
    // ECS reports task health to Cloud Map (the custom health check the ECS developer guide uses).
    HealthCheckCustomConfig: { FailureThreshold: 1 },
  };
  if (sd.attributes && Object.keys(sd.attributes).length) props.ServiceAttributes = Object.fromEntries(Object.keys(sd.attributes).sort().map((k) => [k, sd.attributes![k]!]));
  t.resource('ServiceDiscoveryService', 'AWS::ServiceDiscovery::Service', props);
  return [{ RegistryArn: getAtt('ServiceDiscoveryService', 'Arn'), ...entry }];
}
