/**
 * AWS Load Balancer Controller Service annotations for a Network Load Balancer
 * (`expose.loadBalancer: network`): an `external` NLB with IP targets, its scheme, TLS, health
 * check and target group attributes, every value a string. Source: kubernetes-sigs/
 * aws-load-balancer-controller `docs/guide/service/annotations.md` (v2.x).
 */
import type { ServiceModel } from '../../model/types.js';
import { targetGroupAttributes } from '../common/target-group.js';
import type { Report } from '../common/k8s-meta.js';
import { wholeSeconds } from './k8s.js';

const P = 'service.beta.kubernetes.io/aws-load-balancer-';

export function nlbAnnotations(m: ServiceModel, report: Report): Record<string, string> {
  const e = m.expose!;
  const a: Record<string, string> = {};
  // `external` hands the Service to the AWS Load Balancer Controller (not the legacy in-tree provider).
  a[`${P}type`] = 'external';
  a[`${P}nlb-target-type`] = m.targets.kubernetes.ingress?.targetType ?? 'ip';
  a[`${P}scheme`] = e.public ? 'internet-facing' : 'internal';
  if (e.tls) {
    if (e.tls.certificateArn) a[`${P}ssl-cert`] = e.tls.certificateArn;
    else report({ code: 'K8S_NLB_NO_CERTIFICATE', severity: 'error', message: 'A TLS listener on a Network Load Balancer needs a certificate: set expose.tls.certificateArn.', path: ['expose', 'tls'] });
    a[`${P}ssl-ports`] = String(e.port.servicePort);
    if (e.tls.policy) a[`${P}ssl-negotiation-policy`] = e.tls.policy;
  }
  const h = m.health.traffic;
  if (h) {
    const protocol = h.protocol === 'HTTP' || h.protocol === 'HTTPS' || h.protocol === 'TCP' ? h.protocol : h.path !== undefined ? 'HTTP' : undefined;
    if (protocol) a[`${P}healthcheck-protocol`] = protocol.toLowerCase();
    if (h.path !== undefined) a[`${P}healthcheck-path`] = h.path;
    if (h.port !== undefined) a[`${P}healthcheck-port`] = String(h.port);
    if (h.intervalSeconds !== undefined) a[`${P}healthcheck-interval`] = String(wholeSeconds(h.intervalSeconds, ['health', 'traffic', 'interval'], report));
    if (h.timeoutSeconds !== undefined) a[`${P}healthcheck-timeout`] = String(wholeSeconds(h.timeoutSeconds, ['health', 'traffic', 'timeout'], report));
    if (h.healthyThreshold !== undefined) a[`${P}healthcheck-healthy-threshold`] = String(h.healthyThreshold);
    if (h.unhealthyThreshold !== undefined) a[`${P}healthcheck-unhealthy-threshold`] = String(h.unhealthyThreshold);
    if (h.successCodes !== undefined) a[`${P}healthcheck-success-codes`] = h.successCodes;
  }
  const attributes = targetGroupAttributes(m);
  if (attributes.length) a[`${P}target-group-attributes`] = attributes.map((x) => `${x.Key}=${x.Value}`).join(',');
  return a;
}
