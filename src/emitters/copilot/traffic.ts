/**
 * Copilot load balancing beyond path, alias and health check: more paths (`http.additional_rules`),
 * the target container and port, source IP allow-lists, the target group's deregistration delay and
 * stickiness, and a Network Load Balancer (`nlb`) instead of `http`. What Copilot has no field for
 * (header conditions, slow start, the routing algorithm, cookie settings) is reported.
 * @see https://aws.github.io/copilot-cli/docs/manifest/lb-web-service/
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import { formatDuration } from '../../core/units.js';
import type { ServiceModel } from '../../model/types.js';

type Report = (d: DiagnosticInput) => void;

/** What a routing rule (main or additional) shares: the target, the target group settings. */
function targetSettings(m: ServiceModel, out: JsonObject, report: Report, warn: boolean): void {
  const e = m.expose!;
  if (e.container !== m.main.name) {
    out.target_container = e.container;
    out.target_port = e.port.port;
  }
  const t = e.targetGroup;
  if (t.deregistrationDelaySeconds !== undefined) out.deregistration_delay = formatDuration(t.deregistrationDelaySeconds);
  if (t.stickiness) out.stickiness = t.stickiness.enabled;
  if (!warn) return;
  const notCarried = [
    ...(t.slowStartSeconds !== undefined ? ['slowStart'] : []),
    ...(t.algorithm !== undefined ? ['algorithm'] : []),
    ...(t.protocol === 'HTTPS' ? ['protocol'] : []),
    ...(t.stickiness?.durationSeconds !== undefined || t.stickiness?.cookieName !== undefined ? ['stickiness'] : []),
  ];
  for (const k of notCarried) {
    const what = k === 'stickiness' ? 'the stickiness duration and cookie name (Copilot\'s stickiness is on or off, with the load balancer\'s cookie)' : `targetGroup.${k}`;
    report({ code: 'COPILOT_TARGET_GROUP_NOT_CARRIED', severity: 'warning', message: `Copilot has no field for ${what}; ${k === 'stickiness' ? 'they were' : 'it was'} not written.`, path: ['expose', 'targetGroup', k] });
  }
}

/** Adds the extras to `http` (built by the manifest emitter with path, version, healthcheck, alias). */
export function httpExtras(m: ServiceModel, http: JsonObject, report: Report): void {
  const e = m.expose;
  if (!e) return;
  targetSettings(m, http, report, true);
  if (e.allowedSourceIps.length) http.allowed_source_ips = [...e.allowedSourceIps];
  if (e.headers.length) {
    report({ code: 'COPILOT_HEADERS_NOT_CARRIED', severity: 'warning', message: 'Copilot routes on path and alias only; expose.headers was not written.', path: ['expose', 'headers'] });
  }
  // Further paths are further listener rules to the same target, each with the same settings.
  if (e.paths.length > 1) {
    http.additional_rules = e.paths.slice(1).map((path) => {
      const rule: JsonObject = { path };
      for (const k of ['healthcheck', 'alias', 'version', 'target_container', 'target_port', 'deregistration_delay', 'stickiness', 'allowed_source_ips']) {
        if (http[k] !== undefined) rule[k] = http[k]!;
      }
      // Copilot takes grace_period in the main rule only (errGracePeriodSpecifiedInAdditionalRule): the service has one.
      const hc = rule.healthcheck;
      if (hc && typeof hc === 'object' && !Array.isArray(hc) && 'grace_period' in hc) {
        const { grace_period: _, ...rest } = hc;
        if (Object.keys(rest).length) rule.healthcheck = rest;
        else delete rule.healthcheck;
      }
      return rule;
    });
  }
}

/**
 * `targets.copilot.alb` and `hostedZone` → `http.alb` (an existing load balancer) and
 * `http.hosted_zone` (where the aliases' A records go). Both belong to an HTTP load balancer, and
 * a hosted zone to its aliases: without them the field says nothing, which is an error.
 */
export function httpPlacement(m: ServiceModel, http: JsonObject | undefined, report: Report): void {
  const { alb, hostedZone } = m.targets.copilot;
  const missing = (field: 'alb' | 'hostedZone', message: string) => report({ code: 'COPILOT_HTTP_FIELD_UNUSED', severity: 'error', message: `${message} (target copilot).`, path: ['targets', 'copilot', field] });
  if (!http) {
    if (alb !== undefined) missing('alb', 'targets.copilot.alb puts the service behind an existing application load balancer (http.alb), but this manifest has no http section: expose the service on an application load balancer');
    if (hostedZone !== undefined) missing('hostedZone', 'targets.copilot.hostedZone is where Copilot writes the A records of the service\'s aliases (http.hosted_zone), but this manifest has no http section: expose the service on an application load balancer');
    return;
  }
  if (alb !== undefined) http.alb = alb;
  if (hostedZone !== undefined) {
    if (http.alias === undefined) missing('hostedZone', 'targets.copilot.hostedZone is where Copilot writes the A records of the service\'s aliases (http.hosted_zone), but expose.hosts names none');
    else http.hosted_zone = hostedZone;
  }
}

/** `targets.copilot.nlb`: a Network Load Balancer next to the HTTP one (`nlb` with `http`). */
export function extraNlb(m: ServiceModel): JsonObject | undefined {
  const n = m.targets.copilot.nlb;
  if (!n) return undefined;
  const out: JsonObject = { port: `${n.port}/${n.protocol ?? 'tcp'}` };
  if (n.targetPort !== undefined && n.targetPort !== n.port) out.target_port = n.targetPort;
  if (n.healthCheckPort !== undefined) out.healthcheck = { port: n.healthCheckPort };
  return out;
}

/** The `nlb` section of a Load Balanced Web Service on a Network Load Balancer. */
export function nlb(m: ServiceModel, report: Report): JsonObject {
  const e = m.expose!;
  const protocol = e.tls ? 'tls' : e.port.protocol === 'udp' ? 'udp' : 'tcp';
  const out: JsonObject = { port: `${e.port.servicePort}/${protocol}` };
  const h = m.health.traffic;
  if (h) {
    const hc: JsonObject = {};
    if (h.port !== undefined) hc.port = h.port;
    if (h.healthyThreshold !== undefined) hc.healthy_threshold = h.healthyThreshold;
    if (h.unhealthyThreshold !== undefined) hc.unhealthy_threshold = h.unhealthyThreshold;
    if (h.intervalSeconds !== undefined) hc.interval = formatDuration(h.intervalSeconds);
    if (h.timeoutSeconds !== undefined) hc.timeout = formatDuration(h.timeoutSeconds);
    if (h.gracePeriodSeconds !== undefined) hc.grace_period = formatDuration(h.gracePeriodSeconds);
    if (Object.keys(hc).length) out.healthcheck = hc;
    const lost = (['path', 'protocol', 'successCodes'] as const).filter((k) => h[k] !== undefined && !(k === 'protocol' && h.protocol === 'TCP'));
    if (lost.length) {
      report({ code: 'COPILOT_NLB_HEALTH_CHECK', severity: 'warning', message: `A Copilot nlb checks health over TCP; health.traffic ${lost.join(', ')} ${lost.length > 1 ? 'were' : 'was'} not written.`, path: ['health', 'traffic'] });
    }
  }
  targetSettings(m, out, report, true);
  // Copilot sends NLB traffic to the listener's port unless target_port says otherwise (aws/copilot-cli#2918).
  if (out.target_port === undefined && e.port.port !== e.port.servicePort) out.target_port = e.port.port;
  if (e.tls?.policy) out.ssl_policy = e.tls.policy;
  if (e.tls?.certificateArn) {
    report({ code: 'COPILOT_TLS_IN_ENVIRONMENT', severity: 'warning', message: 'Copilot takes the NLB certificate from the environment\'s domain; expose.tls.certificateArn was not written.', path: ['expose', 'tls', 'certificateArn'] });
  }
  if (e.hosts.length) out.alias = e.hosts.length === 1 ? e.hosts[0]! : [...e.hosts];
  return out;
}
