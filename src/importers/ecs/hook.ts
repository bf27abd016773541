/**
 * A template with the CloudFormation blue/green hook (`Transform: AWS::CodeDeployBlueGreen`,
 * `Hooks`, an EXTERNAL-controller service with its task sets) read back into
 * `targets.ecs.codeDeploy.via: hook`: the traffic routing, the termination wait, the service role
 * name, and the listeners the template creates on its load balancer.
 */
import type { Field } from '../fields.js';
import { duration } from '../write.js';
import type { Template } from './cfn.js';

type Json = Record<string, unknown>;
const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;

/** The task set of a service run by an external controller: where its task-set-level properties live. */
export function taskSetOf(t: Template, serviceId: string): Field | undefined {
  const id = t.ofType('AWS::ECS::TaskSet').find((ts) => {
    const v = t.resources.get(ts).get('Properties', 'Service').value as Json | undefined;
    return v?.Ref === serviceId;
  });
  if (!id) return undefined;
  t.resources.get(id).get('DependsOn').use();
  return t.props(id);
}

export function readHook(t: Template, ts: Field | undefined, spec: Json, ecs: Json, dep: Json): void {
  const hooks = t.root.get('Hooks');
  const [hookId] = hooks.entries().map(([id]) => id);
  if (!hookId || !ts) return;
  ecs.controller = 'CODE_DEPLOY';
  const cd = sub(ecs, 'codeDeploy');
  cd.via = 'hook';
  t.root.get('Transform').use();
  const h = hooks.get(hookId);
  h.get('Type').use();
  const p = h.get('Properties');
  const role = p.get('ServiceRole').str();
  if (role !== undefined) cd.serviceRoleName = role;
  else h.get('Type').note('The hook names no ServiceRole, which its template reference requires: set targets.ecs.codeDeploy.serviceRoleName to the role the deployment runs as.', 'IMPORT_HOOK_SERVICE_ROLE');
  const r = p.get('TrafficRoutingConfig');
  const type = r.get('Type').str();
  if (type === 'TimeBasedCanary' || type === 'TimeBasedLinear') {
    const key = type === 'TimeBasedCanary' ? 'canary' : 'linear';
    dep.strategy = key;
    dep[key] = { percent: r.get(type, 'StepPercentage').num(), interval: duration(60 * (r.get(type, 'BakeTimeMins').num() ?? 0)) };
  } else dep.strategy = 'blue-green';
  const wait = p.get('AdditionalOptions', 'TerminationWaitTimeInMinutes').num();
  if (wait !== undefined) dep.blueGreen = { ...((dep.blueGreen as Json | undefined) ?? {}), terminationWait: wait === 0 ? 0 : duration(wait * 60) };
  // The application names the template's own resources: codegen writes the same from the spec.
  p.get('Applications').use();
  ts.get('Scale').use();
  ts.get('Service').use();
  ts.get('Cluster').use();
  for (const id of t.ofType('AWS::ECS::PrimaryTaskSet')) t.resources.get(id).use();
  const svc = sub(ecs, 'service');
  // The production listener's certificate and policy are the spec's expose.tls.
  const prod = t.resources.get(t.id('ProdListener')).exists ? t.props(t.id('ProdListener')) : undefined;
  const cert = prod?.get('Certificates', 0, 'CertificateArn').str();
  const https = cert !== undefined;
  if (prod && cert !== undefined) {
    const tls = sub(sub(spec, 'expose'), 'tls');
    tls.certificateArn = cert;
    const policy = prod.get('SslPolicy').str();
    if (policy !== undefined) tls.policy = policy;
  }
  for (const [id, key] of [['ProdListener', 'listenerPort'], ['TestListener', 'testListenerPort']] as const) {
    const l = t.resources.get(t.id(id));
    if (!l.exists) continue;
    const lp = t.props(t.id(id));
    const lb = t.literal(lp.get('LoadBalancerArn'));
    if (typeof lb === 'string') svc.loadBalancerArn = lb;
    const port = lp.get('Port').num();
    if (port !== undefined && (key === 'testListenerPort' || port !== (https ? 443 : 80))) svc[key] = port;
    for (const k of ['Protocol', 'Certificates', 'SslPolicy', 'DefaultActions']) lp.get(k).use();
  }
  // The listener rules sit on those listeners.
  for (const rule of t.ofType('AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const f = t.props(rule).get('ListenerArn');
    if (t.isRef(f, 'ProdListener') || t.isRef(f, 'TestListener')) f.use();
  }
}
