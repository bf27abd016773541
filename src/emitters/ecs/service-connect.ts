/** `ServiceConnectConfiguration` from `targets.ecs.service.serviceConnect`. */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { platformImport } from '../../platform/imports.js';
import { ref } from '../common/cfn.js';
import { LOG_GROUP_PARAMETER } from './task-logging.js';

export function serviceConnect(m: ServiceModel): JsonObject | undefined {
  const sc = m.targets.ecs.service?.serviceConnect;
  if (!sc) return undefined;
  const port = m.expose?.port ?? m.main.ports[0];
  const discoveryName = sc.discoveryName ?? m.name;
  const out: JsonObject = { Enabled: true };
  const namespace = sc.namespace ?? platformImport(m, 'ServiceConnectNamespaceName');
  if (namespace !== undefined) out.Namespace = namespace;
  if (port) {
    out.Services = [{ PortName: port.name, DiscoveryName: discoveryName, ClientAliases: [{ Port: sc.port ?? port.servicePort, DnsName: sc.dnsName ?? discoveryName }] }];
  }
  if (m.logging.driver !== 'none') {
    out.LogConfiguration = {
      LogDriver: 'awslogs',
      Options: { 'awslogs-group': m.logging.createGroup ? m.logging.group : ref(LOG_GROUP_PARAMETER), 'awslogs-region': m.logging.region ?? ref('AWS::Region'), 'awslogs-stream-prefix': 'service-connect' },
    };
  }
  return out;
}
