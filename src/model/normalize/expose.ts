/**
 * `expose`: the container and port that take traffic, hosts, paths, header and source conditions,
 * TLS, the load balancer type and the target group settings. Ranges are the Elastic Load Balancing
 * ones (target group attributes), which the ECS template and the ALB Ingress annotations share.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html
 */
import type { SpecPath } from '../../core/diagnostics.js';
import { parseDurationSeconds } from '../../core/units.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { ContainerModel, PortModel, ServiceModel, TargetGroupModel } from '../types.js';
import type { Report } from './common.js';
import { resolvePort } from './ports.js';

const ALB_PROTOCOLS = new Set(['HTTP', 'HTTPS']);

export function normalizeExpose(spec: ServiceSpec, containers: ContainerModel[], rep: Report): ServiceModel['expose'] {
  const e = spec.expose!;
  const target = e.container === undefined ? containers[0]! : containers.find((c) => c.name === e.container);
  if (!target) {
    rep({ code: 'UNKNOWN_CONTAINER', severity: 'error', message: `expose.container names "${e.container}", which is not a container of this service (${containers.map((c) => c.name).join(', ')}).`, path: ['expose', 'container'] });
  }
  const ports = (target ?? containers[0]!).ports;
  const resolved = resolvePort(e.port, ports, ['expose', 'port'], rep);
  const port: PortModel = ports.find((p) => p.port === resolved?.port) ?? ports[0] ?? { name: 'http', port: 80, protocol: 'tcp', appProtocol: 'http', servicePort: 80 };
  if (resolved && !ports.some((p) => p.port === resolved.port)) {
    rep({ code: 'UNKNOWN_PORT', severity: 'error', message: `expose.port ${resolved.port} is not one of the listed ports${target && !target.main ? ` of ${target.name}` : ''}.`, path: ['expose', 'port'] });
  }
  if (target && !target.main && !target.ports.length) {
    rep({ code: 'NO_PORTS', severity: 'error', message: `expose.container ${target.name} lists no ports, so it cannot take traffic.`, path: ['expose', 'container'] });
  }
  // A repeated host is a slip (an ALB host-header condition refuses repeated values).
  const firstHost = new Set<string>();
  (e.hosts ?? []).forEach((h, i) => {
    if (firstHost.has(h)) rep({ code: 'DUPLICATE_HOST', severity: 'error', message: `Host ${h} is listed twice.`, path: ['expose', 'hosts', i] });
    firstHost.add(h);
  });
  if (e.path !== undefined && e.paths !== undefined) {
    rep({ code: 'EXPOSE_PATH_AND_PATHS', severity: 'error', message: 'Give either expose.path or expose.paths, not both.', path: ['expose', 'paths'] });
  }
  const paths = e.paths ? [...e.paths] : [e.path ?? '/'];
  const loadBalancer = e.loadBalancer ?? 'application';
  const headers = Object.entries(e.headers ?? {})
    .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
    .map(([name, v]) => ({ name, values: typeof v === 'string' ? [v] : [...v] }));
  const out: NonNullable<ServiceModel['expose']> = {
    public: e.public ?? false,
    hosts: [...(e.hosts ?? [])],
    path: paths[0]!,
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
    paths,
    headers,
    allowedSourceIps: [...(e.allowedSourceIps ?? [])],
    loadBalancer,
    container: (target ?? containers[0]!).name,
    targetGroup: targetGroup(e.targetGroup, loadBalancer, port, rep),
  };
  if (loadBalancer === 'network') {
    const rules = (['hosts', 'path', 'paths', 'headers', 'allowedSourceIps'] as const).filter((k) => e[k] !== undefined && !(k === 'path' && e.path === '/'));
    if (rules.length) {
      rep({ code: 'EXPOSE_NLB_NO_RULES', severity: 'warning', message: `A Network Load Balancer forwards every connection on its listener: it has no rules, so expose.${rules.join(', expose.')} ${rules.length > 1 ? 'are' : 'is'} not used.`, path: ['expose', rules[0]!] });
    }
  }
  return out;
}

function targetGroup(t: NonNullable<ServiceSpec['expose']>['targetGroup'], lb: 'application' | 'network', port: PortModel, rep: Report): TargetGroupModel {
  if (!t) return {};
  const path = (k: string): SpecPath => ['expose', 'targetGroup', k];
  const seconds = (v: number | string | undefined) => (v === undefined ? undefined : parseDurationSeconds(v));
  const out: TargetGroupModel = {};
  if (t.protocol !== undefined) {
    const alb = ALB_PROTOCOLS.has(t.protocol);
    if (alb !== (lb === 'application')) {
      rep({ code: 'EXPOSE_TARGET_GROUP_PROTOCOL', severity: 'error', message: `A${lb === 'application' ? 'n Application' : ' Network'} Load Balancer target group takes ${lb === 'application' ? 'HTTP or HTTPS' : 'TCP, TLS, UDP or TCP_UDP'}, not ${t.protocol}.`, path: path('protocol') });
    } else if (lb === 'network' && port.protocol === 'udp' && t.protocol !== 'UDP' && t.protocol !== 'TCP_UDP') {
      rep({ code: 'EXPOSE_TARGET_GROUP_PROTOCOL', severity: 'error', message: `Port ${port.port} is UDP, so its target group takes UDP or TCP_UDP, not ${t.protocol}.`, path: path('protocol') });
    }
    out.protocol = t.protocol;
  }
  const delay = seconds(t.deregistrationDelay);
  if (delay !== undefined) {
    if (!Number.isInteger(delay) || delay > 3600) rep({ code: 'EXPOSE_TARGET_GROUP_RANGE', severity: 'error', message: `The deregistration delay is 0 to 3600 whole seconds; got ${delay} s.`, path: path('deregistrationDelay') });
    out.deregistrationDelaySeconds = delay;
  }
  const slow = seconds(t.slowStart);
  if (slow !== undefined) {
    if (!Number.isInteger(slow) || slow < 30 || slow > 900) rep({ code: 'EXPOSE_TARGET_GROUP_RANGE', severity: 'error', message: `Slow start is 30 to 900 whole seconds; got ${slow} s.`, path: path('slowStart') });
    out.slowStartSeconds = slow;
  }
  if (t.algorithm !== undefined) out.algorithm = t.algorithm;
  if (lb === 'network') {
    for (const k of ['slowStart', 'algorithm'] as const) {
      if (t[k] !== undefined) rep({ code: 'EXPOSE_NLB_ALB_ONLY', severity: 'warning', message: `targetGroup.${k} is an Application Load Balancer setting; a Network Load Balancer target group has no such attribute, so it is not used.`, path: path(k) });
    }
    delete out.slowStartSeconds;
    delete out.algorithm;
  }
  const st = t.stickiness;
  if (st !== undefined) {
    if (typeof st === 'boolean') out.stickiness = { enabled: st };
    else {
      const d = seconds(st.duration);
      if (d !== undefined && (!Number.isInteger(d) || d < 1 || d > 604800)) rep({ code: 'EXPOSE_TARGET_GROUP_RANGE', severity: 'error', message: `The stickiness duration is 1 second to 7 days (604800 s); got ${d} s.`, path: ['expose', 'targetGroup', 'stickiness', 'duration'] });
      if (lb === 'network' && (st.duration !== undefined || st.cookieName !== undefined)) {
        rep({ code: 'EXPOSE_NLB_ALB_ONLY', severity: 'warning', message: 'A Network Load Balancer pins clients by source IP: the cookie duration and name are not used.', path: ['expose', 'targetGroup', 'stickiness'] });
      }
      out.stickiness = { enabled: true, ...(d !== undefined && lb === 'application' ? { durationSeconds: d } : {}), ...(st.cookieName !== undefined && lb === 'application' ? { cookieName: st.cookieName } : {}) };
    }
  }
  return out;
}
