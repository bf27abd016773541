/**
 * `kubernetes:httproute` — `kubernetes/httproute.yaml`, a Gateway API gateway.networking.k8s.io/v1
 * HTTPRoute (standard channel fields only), written instead of the Ingress when
 * `targets.kubernetes.route: gateway`.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, routeService, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

/** Gateway API: at most 64 matches in one rule (HTTPRouteRule.matches). */
const MAX_MATCHES = 64;

/**
 * One match per path and per combination of header values: the matches of a rule are
 * alternatives, the headers of one match must all match (as an ALB rule's conditions). ALB
 * wildcards (`*`, `?`) become RegularExpression header matches.
 */
function matches(m: ServiceModel, report: Report): JsonObject[] {
  const e = m.expose!;
  const type = (m.targets.kubernetes.pathType ?? 'Prefix') === 'Exact' ? 'Exact' : 'PathPrefix';
  let combos: JsonObject[][] = [[]];
  for (const h of e.headers) {
    combos = combos.flatMap((c) => h.values.map((v) => [...c, headerMatch(h.name, v)]));
  }
  if (e.headers.some((h) => h.values.some((v) => /[*?]/.test(v)))) {
    report({ code: 'K8S_GATEWAY_HEADER_REGEX', severity: 'info', message: 'Header values with * or ? became RegularExpression matches, which Gateway API implementations support at their discretion.', path: ['expose', 'headers'] });
  }
  const out = e.paths.flatMap((p) => combos.map((c) => ({ path: { type, value: p }, ...(c.length ? { headers: c } : {}) })));
  if (out.length > MAX_MATCHES) {
    report({ code: 'K8S_GATEWAY_TOO_MANY_MATCHES', severity: 'error', message: `The paths and header values make ${out.length} HTTPRoute matches; a rule takes at most ${MAX_MATCHES}.`, path: ['expose'] });
  }
  return out;
}

function headerMatch(name: string, value: string): JsonObject {
  if (!/[*?]/.test(value)) return { name, value };
  const regex = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return { type: 'RegularExpression', name, value: `^${regex}$` };
}

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
  if (e.allowedSourceIps.length) {
    report({ code: 'K8S_GATEWAY_SOURCE_IPS_NOT_CARRIED', severity: 'warning', message: 'An HTTPRoute cannot match on the client address, so expose.allowedSourceIps is not carried (restrict the Gateway listener or use a policy of your Gateway implementation).', path: ['expose', 'allowedSourceIps'] });
  }
  if (Object.keys(e.targetGroup).length) {
    report({ code: 'K8S_GATEWAY_TARGET_GROUP_NOT_CARRIED', severity: 'warning', message: 'An HTTPRoute has no load balancer target group settings, so expose.targetGroup is not carried (they belong to the Gateway implementation\'s policies).', path: ['expose', 'targetGroup'] });
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
  spec.rules = [{ matches: matches(m, report), backendRefs: [{ name: names.service, port: routeService(m).port ?? e.port.servicePort }] }];
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
