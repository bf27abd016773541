/**
 * `kubernetes:ingress` — `kubernetes/ingress.yaml`, a networking.k8s.io/v1 Ingress for the AWS Load
 * Balancer Controller. `spec.ingressClassName: alb` unless the deprecated class annotation is asked
 * for; every ALB setting comes from a typed spec field, written as a string annotation.
 */
import type { JsonObject } from '../../core/serialize.js';
import { targetGroupAttributes } from '../common/target-group.js';
import { ALB, ALB_HTTPS_PORT, ALB_INGRESS_CLASS, ALB_LISTEN_PORTS_TLS } from './alb-annotations.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, wholeSeconds, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, routeService, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

const BACKEND_PROTOCOL_VERSION: Partial<Record<string, string>> = { http2: 'HTTP2', grpc: 'GRPC' };

function rangeChecked(v: number, min: number, max: number, what: string, path: (string | number)[], report: Report): string {
  const s = wholeSeconds(v, path, report);
  if (s < min || s > max) report({ code: 'K8S_ALB_OUT_OF_RANGE', severity: 'error', message: `The ALB ${what} must be from ${min} to ${max} seconds; got ${s}.`, path });
  return String(s);
}

/** The ALB annotations, from typed fields only (plus `ingress.annotations`, which cannot override them). */
export function albAnnotations(m: ServiceModel, report: Report): Record<string, string> {
  const e = m.expose!;
  const ing = m.targets.kubernetes.ingress ?? {};
  const a: Record<string, string> = {};
  if (ing.legacyClassAnnotation) a[ALB.legacyClass] = ing.className ?? ALB_INGRESS_CLASS;
  a[ALB.scheme] = e.public ? 'internet-facing' : 'internal';
  const targetType = ing.targetType ?? 'ip';
  a[ALB.targetType] = targetType;
  const serviceType = routeService(m).type;
  if (targetType === 'instance' && serviceType === 'ClusterIP') {
    report({
      code: 'K8S_ALB_INSTANCE_NEEDS_NODEPORT',
      severity: 'error',
      message: 'ALB target-type instance sends traffic to node ports, so the Service must be NodePort or LoadBalancer, not ClusterIP.',
      hint: 'use targetType: ip (required for Fargate pods) or set targets.kubernetes.service.type: NodePort',
      path: ['targets', 'kubernetes', 'ingress', 'targetType'],
    });
  }
  const bpv = BACKEND_PROTOCOL_VERSION[e.port.appProtocol];
  if (bpv) a[ALB.backendProtocolVersion] = bpv;
  const h = m.health.traffic;
  if (h) {
    if (h.path !== undefined) a[ALB.healthcheckPath] = h.path;
    if (h.port !== undefined) a[ALB.healthcheckPort] = String(h.port);
    if (h.protocol === 'HTTP' || h.protocol === 'HTTPS') a[ALB.healthcheckProtocol] = h.protocol;
    else if (h.protocol !== undefined) {
      report({
        code: 'K8S_ALB_HEALTH_PROTOCOL',
        severity: 'warning',
        message: `An ALB target group checks health over HTTP or HTTPS only, so protocol ${h.protocol} is not carried (the controller default HTTP applies${h.protocol === 'GRPC' ? '; gRPC backends get backend-protocol-version GRPC from the port' : ''}).`,
        path: ['health', 'traffic', 'protocol'],
      });
    }
    if (h.intervalSeconds !== undefined) a[ALB.healthcheckIntervalSeconds] = rangeChecked(h.intervalSeconds, 5, 300, 'health check interval', ['health', 'traffic', 'interval'], report);
    if (h.timeoutSeconds !== undefined) a[ALB.healthcheckTimeoutSeconds] = rangeChecked(h.timeoutSeconds, 2, 120, 'health check timeout', ['health', 'traffic', 'timeout'], report);
    if (h.healthyThreshold !== undefined) a[ALB.healthyThresholdCount] = String(h.healthyThreshold);
    if (h.unhealthyThreshold !== undefined) a[ALB.unhealthyThresholdCount] = String(h.unhealthyThreshold);
    if (h.successCodes !== undefined) a[ALB.successCodes] = h.successCodes;
  }
  if (e.tls) {
    a[ALB.listenPorts] = ALB_LISTEN_PORTS_TLS;
    if (e.tls.certificateArn) a[ALB.certificateArn] = e.tls.certificateArn;
    else if (e.hosts.length === 0) {
      report({
        code: 'K8S_ALB_NO_CERTIFICATE',
        severity: 'error',
        message: 'HTTPS needs a certificate: without certificateArn the controller discovers one by host name, and expose.hosts is empty.',
        hint: 'set expose.tls.certificateArn or expose.hosts',
        path: ['expose', 'tls'],
      });
    }
    if (e.tls.policy) a[ALB.sslPolicy] = e.tls.policy;
    if (e.tls.redirect) a[ALB.sslRedirect] = String(ALB_HTTPS_PORT);
  }
  if (e.targetGroup.protocol === 'HTTPS') a[ALB.backendProtocol] = 'HTTPS';
  const attributes = targetGroupAttributes(m);
  if (attributes.length) a[ALB.targetGroupAttributes] = attributes.map((x) => `${x.Key}=${x.Value}`).join(',');
  const conditions = ruleConditions(m, report);
  if (conditions.length) a[`${ALB.conditionsPrefix}${k8sNames(m).service}`] = JSON.stringify(conditions);
  if (ing.groupName !== undefined) a[ALB.groupName] = ing.groupName;
  if (ing.groupOrder !== undefined) a[ALB.groupOrder] = String(ing.groupOrder);
  for (const [k, v] of Object.entries(ing.annotations ?? {})) {
    if (k in a) {
      report({
        code: 'K8S_ANNOTATION_OVERRIDDEN',
        severity: 'warning',
        message: `Annotation ${k} is generated from a typed field (value ${JSON.stringify(a[k])}); the extra value ${JSON.stringify(v)} is ignored.`,
        path: ['targets', 'kubernetes', 'ingress', 'annotations', k],
      });
      continue;
    }
    a[k] = v;
  }
  return a;
}

/** Conditions beyond host and path (the controller's JSON, camelCase), checked against the ALB rule limits. */
function ruleConditions(m: ServiceModel, report: Report): JsonObject[] {
  const e = m.expose!;
  const out: JsonObject[] = e.headers.map((h) => ({ field: 'http-header', httpHeaderConfig: { httpHeaderName: h.name, values: h.values } }));
  if (e.allowedSourceIps.length) out.push({ field: 'source-ip', sourceIpConfig: { values: e.allowedSourceIps } });
  // The controller writes one ALB rule per host and path (a Prefix path is two values): three values per condition, five per rule.
  const perRule = (e.hosts.length ? 1 : 0) + ((m.targets.kubernetes.pathType ?? 'Prefix') === 'Prefix' ? 2 : 1) + e.headers.reduce((n, h) => n + h.values.length, 0) + e.allowedSourceIps.length;
  if (e.allowedSourceIps.length > 3 || perRule > 5) {
    report({ code: 'K8S_ALB_RULE_LIMIT', severity: 'error', message: `An ALB rule takes at most 3 values per condition and 5 in all; each rule the controller writes for this Ingress would have ${perRule} (host, path, header and source IP values).`, path: ['expose', e.allowedSourceIps.length > 3 ? 'allowedSourceIps' : 'headers'] });
  }
  return out;
}

export function buildIngress(m: ServiceModel, report: Report): JsonObject {
  const e = m.expose!;
  const ing = m.targets.kubernetes.ingress ?? {};
  const names = k8sNames(m);
  checkName(names.ingress, 'subdomain', 'Ingress name', ing.name ? ['targets', 'kubernetes', 'ingress', 'name'] : ['name'], report);
  const spec: JsonObject = {};
  if (!ing.legacyClassAnnotation) spec.ingressClassName = ing.className ?? ALB_INGRESS_CLASS;
  const paths = e.paths.map((path) => ({
    path,
    pathType: m.targets.kubernetes.pathType ?? 'Prefix',
    backend: { service: { name: names.service, port: { number: routeService(m).port ?? e.port.servicePort } } },
  }));
  spec.rules = e.hosts.length ? e.hosts.map((host) => ({ host, http: { paths } })) : [{ http: { paths } }];
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: metadata(m, names.ingress, albAnnotations(m, report)), spec };
}

export default defineEmitter({
  name: 'kubernetes:ingress',
  target: 'kubernetes',
  description: 'Kubernetes Ingress for the AWS Load Balancer Controller (typed ALB annotations).',
  applies: (m) => writesFile(m, 'ingress'),
  emit(model, ctx) {
    return [k8sArtifact('ingress', 'kubernetes:ingress', buildIngress(model, (d) => ctx.report(d)))];
  },
});
