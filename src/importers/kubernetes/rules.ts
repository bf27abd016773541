/**
 * Load balancer rules and target groups as the Kubernetes objects carry them → `expose`: the ALB
 * Ingress `conditions.<service>` and `target-group-attributes` annotations, HTTPRoute header
 * matches, and a Service of type LoadBalancer provisioned as a Network Load Balancer by the AWS
 * Load Balancer Controller.
 */
import type { Field } from '../fields.js';
import { targetGroupFromAttributes } from '../target-group.js';
import { duration } from '../write.js';

type Json = Record<string, unknown>;
const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;
const NLB = 'service.beta.kubernetes.io/aws-load-balancer-';

function attributes(f: Field, expose: Json, nlb: boolean): void {
  const v = f.str();
  if (v === undefined) return;
  const pairs = v.split(',').map((kv) => kv.split('=') as [string, string]).filter((p) => p.length === 2);
  const { targetGroup, unknown } = targetGroupFromAttributes(pairs, nlb);
  if (Object.keys(targetGroup).length) Object.assign(sub(expose, 'targetGroup'), targetGroup);
  if (unknown.length) f.note(`Target group attributes ${unknown.join(', ')} have no form in the spec, so they are not carried.`, 'IMPORT_NOT_CARRIED');
}

/** `alb.ingress.kubernetes.io/conditions.<service>`, `target-group-attributes` and `backend-protocol` of an ALB Ingress. */
export function readIngressRules(anns: Field, serviceName: string, expose: Json): void {
  const cond = anns.get(`alb.ingress.kubernetes.io/conditions.${serviceName}`);
  if (typeof cond.value === 'string') {
    let list: unknown;
    try {
      list = JSON.parse(cond.value);
    } catch {
      list = undefined;
    }
    const headers: Json = {};
    const carried = Array.isArray(list) && list.every((c: Json) => {
      if (c?.field === 'http-header' && typeof (c.httpHeaderConfig as Json)?.httpHeaderName === 'string') {
        const values = (c.httpHeaderConfig as Json).values as string[];
        headers[(c.httpHeaderConfig as Json).httpHeaderName as string] = values.length === 1 ? values[0] : values;
        return true;
      }
      if (c?.field === 'source-ip' && Array.isArray((c.sourceIpConfig as Json)?.values)) {
        expose.allowedSourceIps = (c.sourceIpConfig as Json).values;
        return true;
      }
      return false;
    });
    if (carried) {
      cond.use();
      if (Object.keys(headers).length) expose.headers = headers;
    }
  }
  attributes(anns.get('alb.ingress.kubernetes.io/target-group-attributes'), expose, false);
  if (anns.get('alb.ingress.kubernetes.io/backend-protocol').value === 'HTTPS') (sub(expose, 'targetGroup').protocol = 'HTTPS'), anns.get('alb.ingress.kubernetes.io/backend-protocol').use();
}

/** HTTPRoute matches → paths and headers (the matches codegen writes: every path × every header value). */
export function readRouteMatches(matches: Field[], expose: Json, k8s: Json): void {
  const paths: string[] = [];
  const headers = new Map<string, string[]>();
  for (const m of matches) {
    const value = m.get('path', 'value').str();
    if (value !== undefined && !paths.includes(value)) paths.push(value);
    if (m.get('path', 'type').str() === 'Exact') k8s.pathType = 'Exact';
    for (const h of m.get('headers').items()) {
      const name = h.get('name').str();
      let v = h.get('value').str();
      if (name === undefined || v === undefined) continue;
      if (h.get('type').str() === 'RegularExpression') v = v.replace(/^\^|\$$/g, '').replace(/\.\*/g, '*').replace(/(?<!\\)\./g, '?').replace(/\\(.)/g, '$1');
      const list = headers.get(name) ?? [];
      if (!list.includes(v)) list.push(v);
      headers.set(name, list);
    }
    m.use();
  }
  if (paths.length > 1) expose.paths = paths;
  else if (paths[0] !== undefined && paths[0] !== '/') expose.path = paths[0];
  if (headers.size) expose.headers = Object.fromEntries([...headers].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

/** A Service the AWS Load Balancer Controller provisions as an NLB → `expose` (network), TLS, health, target group. */
export function readNlbService(anns: Field, spec: Json): boolean {
  if (anns.get(`${NLB}type`).value !== 'external') return false;
  anns.get(`${NLB}type`).use();
  const expose = sub(spec, 'expose');
  expose.loadBalancer = 'network';
  if (anns.get(`${NLB}scheme`).str() === 'internet-facing') expose.public = true;
  anns.get(`${NLB}nlb-target-type`).expect('ip', 'The NLB target type');
  const cert = anns.get(`${NLB}ssl-cert`).str();
  if (cert !== undefined) {
    const policy = anns.get(`${NLB}ssl-negotiation-policy`).str();
    expose.tls = { certificateArn: cert, ...(policy !== undefined ? { policy } : {}) };
    anns.get(`${NLB}ssl-ports`).use();
  }
  const traffic: Json = {};
  const protocol = anns.get(`${NLB}healthcheck-protocol`).str();
  const path = anns.get(`${NLB}healthcheck-path`).str();
  if (path !== undefined) traffic.path = path;
  if (protocol !== undefined && !(protocol === 'http' && path !== undefined)) traffic.protocol = protocol.toUpperCase();
  const port = anns.get(`${NLB}healthcheck-port`).num();
  if (port !== undefined) traffic.port = port;
  for (const [k, key] of [['interval', 'interval'], ['timeout', 'timeout']] as const) {
    const v = anns.get(`${NLB}healthcheck-${k}`).num();
    if (v !== undefined) traffic[key] = duration(v);
  }
  for (const [k, key] of [['healthy-threshold', 'healthyThreshold'], ['unhealthy-threshold', 'unhealthyThreshold']] as const) {
    const v = anns.get(`${NLB}healthcheck-${k}`).num();
    if (v !== undefined) traffic[key] = v;
  }
  const codes = anns.get(`${NLB}healthcheck-success-codes`).str();
  if (codes !== undefined) traffic.successCodes = codes;
  if (Object.keys(traffic).length) Object.assign(sub(sub(spec, 'health'), 'traffic'), traffic);
  attributes(anns.get(`${NLB}target-group-attributes`), expose, true);
  return true;
}
