/** `expose`: the port that takes traffic, hosts, path and TLS. */
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { PortModel, ServiceModel } from '../types.js';
import type { Report } from './common.js';
import { resolvePort } from './ports.js';

export function normalizeExpose(spec: ServiceSpec, ports: PortModel[], rep: Report): ServiceModel['expose'] {
  const e = spec.expose!;
  const resolved = resolvePort(e.port, ports, ['expose', 'port'], rep);
  const port = ports.find((p) => p.port === resolved?.port) ?? ports[0] ?? { name: 'http', port: 80, protocol: 'tcp', appProtocol: 'http', servicePort: 80 };
  if (resolved && !ports.some((p) => p.port === resolved.port)) {
    rep({ code: 'UNKNOWN_PORT', severity: 'error', message: `expose.port ${resolved.port} is not one of the listed ports.`, path: ['expose', 'port'] });
  }
  // A repeated host is a slip (an ALB host-header condition refuses repeated values).
  const firstHost = new Set<string>();
  (e.hosts ?? []).forEach((h, i) => {
    if (firstHost.has(h)) rep({ code: 'DUPLICATE_HOST', severity: 'error', message: `Host ${h} is listed twice.`, path: ['expose', 'hosts', i] });
    firstHost.add(h);
  });
  return {
    public: e.public ?? false,
    hosts: [...(e.hosts ?? [])],
    path: e.path ?? '/',
    port,
    ...(e.tls
      ? {
          tls: {
            ...(e.tls.certificateArn ? { certificateArn: e.tls.certificateArn } : {}),
            redirect: e.tls.redirect ?? true,
            ...(e.tls.policy ? { policy: e.tls.policy } : {}),
          },
        }
      : {}),
  };
}
