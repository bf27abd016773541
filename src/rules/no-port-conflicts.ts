/**
 * Ports must not collide where containers share a network namespace (awsvpc tasks, Kubernetes
 * pods): two containers on one port, two ports behind one Service port, host ports reused on EC2
 * bridge networking, or a port the generated sidecars need (App Mesh Envoy 15000/15001/9901,
 * X-Ray daemon 2000/udp).
 */
import type { SpecPath } from '../core/diagnostics.js';
import type { TargetName } from '../model/types.js';
import { createRule } from './create-rule.js';
import { containersOf } from './utils/spec.js';

export type MessageIds = 'sharedPort' | 'duplicateServicePort' | 'duplicateHostPort' | 'reservedPort';

/** Ports taken by sidecars a target adds itself. */
function reserved(target: TargetName, xray: boolean): Map<string, string> {
  const out = new Map<string, string>();
  if (target === 'appmesh') for (const p of [15000, 15001, 9901]) out.set(`${p}/tcp`, 'the App Mesh Envoy proxy');
  if (xray && (target === 'ecs' || target === 'appmesh')) out.set('2000/udp', 'the X-Ray daemon');
  return out;
}

export default createRule<MessageIds>({
  id: 'no-port-conflicts',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow ports that collide between containers, Service ports, host ports or generated sidecars.', recommended: true },
    defaultSeverity: 'error',
    messages: {
      sharedPort: 'Port {{port}} is also used by container {{other}}; containers of one task or pod share the network namespace.',
      duplicateServicePort: 'Service port {{port}} is also used by port {{other}}, so one listener would need two backends.',
      duplicateHostPort: 'Host port {{port}} is also used by container {{other}}; two containers of one task cannot bind it.',
      reservedPort: 'Port {{port}} is taken by {{by}}, which this target adds.',
    },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      const spec = ctx.view(target);
      const bridge = target === 'ecs' && (spec.targets?.ecs?.networkMode ?? 'awsvpc') === 'bridge';
      const taken = new Map<string, string>();
      const hosts = new Map<number, string>();
      const res = reserved(target, spec.tracing?.xray === true);
      for (const c of containersOf(spec)) {
        (c.ports ?? []).forEach((p, i) => {
          const key = `${p.port}/${p.protocol ?? 'tcp'}`;
          const path: SpecPath = [...c.path, 'ports', i, 'port'];
          const other = taken.get(key);
          if (!bridge && other !== undefined && other !== c.name) ctx.report({ messageId: 'sharedPort', path, target, data: { port: key, other } });
          if (!taken.has(key)) taken.set(key, c.name);
          if (res.has(key)) ctx.report({ messageId: 'reservedPort', path, target, data: { port: key, by: res.get(key)! } });
          if (bridge && p.hostPort) {
            const h = hosts.get(p.hostPort);
            if (h !== undefined) ctx.report({ messageId: 'duplicateHostPort', path: [...c.path, 'ports', i, 'hostPort'], target, data: { port: p.hostPort, other: h } });
            else hosts.set(p.hostPort, c.name);
          }
        });
      }
      const service = new Map<string, number>();
      (spec.ports ?? []).forEach((p, i) => {
        const key = `${p.servicePort ?? p.port}/${p.protocol ?? 'tcp'}`;
        const other = service.get(key);
        if (other !== undefined && other !== p.port) ctx.report({ messageId: 'duplicateServicePort', path: ['ports', i, p.servicePort !== undefined ? 'servicePort' : 'port'], target, data: { port: key, other } });
        else service.set(key, p.port);
      });
    }
  },
});
