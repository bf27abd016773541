/**
 * Copilot load balancing beyond path, alias and health check → `expose`: additional rules (more
 * paths), target container and port, source IP allow-lists, deregistration delay, stickiness, and
 * `nlb` (a Network Load Balancer).
 */
import type { Field } from '../fields.js';
import { duration } from '../write.js';
import { seconds } from './durations.js';

type Json = Record<string, unknown>;
const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;

/** The target and target group settings a routing rule or listener shares. */
function target(f: Field, spec: Json, expose: Json): void {
  const container = f.get('target_container').str() ?? f.get('targetContainer').str();
  const port = f.get('target_port').num();
  if (container !== undefined) {
    expose.container = container;
    const sidecar = ((spec.sidecars as Json | undefined)?.[container] ?? {}) as Json;
    const ports = (sidecar.ports as Json[] | undefined) ?? [];
    const sp = ports.find((p) => p.port === port);
    if (sp && sp !== ports[0]) expose.port = (sp.name as string | undefined) ?? port;
  }
  const delay = seconds(f.get('deregistration_delay'));
  if (delay !== undefined) sub(expose, 'targetGroup').deregistrationDelay = delay === 0 ? 0 : duration(delay);
  const sticky = f.get('stickiness').bool();
  if (sticky !== undefined) sub(expose, 'targetGroup').stickiness = sticky;
}

export function readHttpExtras(http: Field, spec: Json): void {
  const expose = sub(spec, 'expose');
  target(http, spec, expose);
  const ips = http.get('allowed_source_ips');
  if (Array.isArray(ips.value) && ips.value.every((x) => typeof x === 'string')) expose.allowedSourceIps = ips.take();
  const rules = http.get('additional_rules').items();
  if (!rules.length) return;
  const paths = [typeof expose.path === 'string' ? expose.path : '/'];
  for (const r of rules) {
    const p = r.get('path').str();
    if (p !== undefined) paths.push(p);
    // Codegen repeats the main rule's settings in each additional rule; other values have no form.
    for (const [k, v] of r.entries()) {
      if (k === 'path') continue;
      const main = http.get(k).value;
      const same = k === 'healthcheck' && main !== null && typeof main === 'object' ? JSON.stringify(Object.fromEntries(Object.entries(main as Json).filter(([x]) => x !== 'grace_period'))) === JSON.stringify(v.value) : JSON.stringify(main) === JSON.stringify(v.value);
      if (same) v.use();
      else v.drop('no-form', `An additional rule's own ${k} has no form in the spec (its paths share the main rule's settings), so it is not carried.`);
    }
  }
  delete expose.path;
  expose.paths = paths;
}

export function readNlb(m: Field, spec: Json): void {
  const nlb = m.get('nlb');
  if (!nlb.isMap()) return;
  const expose = sub(spec, 'expose');
  expose.loadBalancer = 'network';
  const port = nlb.get('port').str();
  const pm = port ? /^(\d+)(?:\/(tcp|udp|tls))?$/.exec(port) : null;
  const ports = (spec.ports as Json[] | undefined) ?? [];
  const main = ports[0];
  target(nlb, spec, expose);
  const targetPort = nlb.get('target_port').num();
  if (pm) {
    const listenerPort = Number(pm[1]);
    if (main) {
      if (targetPort !== undefined && expose.container === undefined) main.port = targetPort;
      if (listenerPort !== main.port) main.servicePort = listenerPort;
      if (pm[2] === 'udp') main.protocol = 'udp';
    }
    if (pm[2] === 'tls') expose.tls = {};
  }
  const policy = nlb.get('ssl_policy').str();
  if (policy !== undefined) sub(expose, 'tls').policy = policy;
  const h = nlb.get('healthcheck');
  if (h.isMap()) {
    const traffic = sub(sub(spec, 'health'), 'traffic');
    const hp = h.get('port').num();
    if (hp !== undefined) traffic.port = hp;
    for (const [k, key] of [['healthy_threshold', 'healthyThreshold'], ['unhealthy_threshold', 'unhealthyThreshold']] as const) {
      const n = h.get(k).num();
      if (n !== undefined) traffic[key] = n;
    }
    for (const [k, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['grace_period', 'gracePeriod']] as const) {
      const d = seconds(h.get(k));
      if (d !== undefined) traffic[key] = duration(d);
    }
  }
  const alias = nlb.get('alias');
  if (typeof alias.value === 'string') expose.hosts = [alias.str()];
  else if (Array.isArray(alias.value) && alias.value.every((x) => typeof x === 'string')) expose.hosts = alias.take();
}

/** `nlb` next to `http`: a second load balancer → `targets.copilot.nlb` (whatever else it says is reported). */
export function readExtraNlb(m: Field, copilot: Json): void {
  const nlb = m.get('nlb');
  if (!nlb.isMap()) return;
  const pm = /^(\d+)(?:\/(tcp|udp|tls))?$/.exec(nlb.get('port').str() ?? '');
  if (!pm) {
    nlb.drop('no-form', 'An nlb next to http without a port (PORT or PORT/PROTOCOL) has no form in the spec, so it is not carried.');
    return;
  }
  const out: Json = { port: Number(pm[1]) };
  if (pm[2] && pm[2] !== 'tcp') out.protocol = pm[2];
  const targetPort = nlb.get('target_port').num();
  if (targetPort !== undefined) out.targetPort = targetPort;
  const hp = nlb.get('healthcheck', 'port').num();
  if (hp !== undefined) out.healthCheckPort = hp;
  for (const [k, f] of nlb.entries()) {
    if (k === 'port' || k === 'target_port') f.use();
    else if (k === 'healthcheck') {
      for (const [hk, hf] of f.entries()) if (hk !== 'port') hf.drop('no-form', `The second nlb's healthcheck ${hk} has no form in the spec (targets.copilot.nlb takes its port), so it is not carried.`);
      f.use();
    } else f.drop('no-form', `The second nlb's ${k} has no form in the spec (targets.copilot.nlb takes port, protocol, target_port and the health check port), so it is not carried.`);
  }
  nlb.use();
  copilot.nlb = out;
}
