/**
 * `kubernetes:httproute` — `kubernetes/httproute.yaml`, a Gateway API gateway.networking.k8s.io/v1
 * HTTPRoute (standard channel fields only), written instead of the Ingress when
 * `targets.kubernetes.route: gateway`.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, routeService, type Report } from '../shared/k8s-meta.js';
import { defineEmitter } from '../types.js';

export function buildHttpRoute(m: ServiceModel, report: Report): JsonObject {
  const e = m.expose!;
  const t = m.targets.kubernetes;
  const names = k8sNames(m);
  checkName(m.name, 'subdomain', 'HTTPRoute name', ['name'], report);
  const parent: JsonObject = {};
  if (!t.gateway?.name) {
    report({ code: 'K8S_GATEWAY_MISSING', severity: 'error', message: 'An HTTPRoute needs its parent Gateway: set targets.kubernetes.gateway.name.', path: ['targets', 'kubernetes', 'route'] });
  } else {
    parent.name = t.gateway.name;
    if (t.gateway.namespace) parent.namespace = t.gateway.namespace;
    if (t.gateway.sectionName) {
      parent.sectionName = t.gateway.sectionName;
      checkName(t.gateway.sectionName, 'subdomain', 'Gateway listener name', ['targets', 'kubernetes', 'gateway', 'sectionName'], report);
    }
  }
  if (t.ingress !== undefined) {
    report({ code: 'K8S_INGRESS_IGNORED', severity: 'warning', message: 'targets.kubernetes.ingress is ignored because route is gateway (an HTTPRoute is written instead of an Ingress).', path: ['targets', 'kubernetes', 'ingress'] });
  }
  if (e.tls) {
    report({
      code: 'K8S_GATEWAY_TLS_NOT_CARRIED',
      severity: 'warning',
      message: 'An HTTPRoute carries no TLS settings: certificate, policy and HTTP→HTTPS redirect belong to the Gateway listeners, so expose.tls is not carried.',
      path: ['expose', 'tls'],
    });
  }
  const h = m.health.traffic;
  const lbOnly = h ? (['protocol', 'intervalSeconds', 'timeoutSeconds', 'healthyThreshold', 'unhealthyThreshold', 'successCodes'] as const).filter((k) => h[k] !== undefined) : [];
  if (lbOnly.length) {
    report({
      code: 'K8S_GATEWAY_HEALTH_NOT_CARRIED',
      severity: 'warning',
      message: `An HTTPRoute has no load balancer health check settings, so health.traffic ${lbOnly.map((k) => k.replace(/Seconds$/, '')).join(', ')} ${lbOnly.length > 1 ? 'are' : 'is'} not carried (the readiness probe still gates traffic).`,
      path: ['health', 'traffic'],
    });
  }
  const spec: JsonObject = { parentRefs: [parent] };
  if (e.hosts.length) spec.hostnames = [...e.hosts];
  spec.rules = [
    {
      matches: [{ path: { type: (t.pathType ?? 'Prefix') === 'Exact' ? 'Exact' : 'PathPrefix', value: e.path } }],
      backendRefs: [{ name: names.service, port: routeService(m).port ?? e.port.servicePort }],
    },
  ];
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: metadata(m, m.name), spec };
}

export default defineEmitter({
  name: 'kubernetes:httproute',
  target: 'kubernetes',
  description: 'Gateway API HTTPRoute (gateway.networking.k8s.io/v1), instead of the Ingress when route is gateway.',
  applies: (m) => writesFile(m, 'httproute'),
  emit(model, ctx) {
    return [k8sArtifact('httproute', 'kubernetes:httproute', buildHttpRoute(model, (d) => ctx.report(d)))];
  },
});
