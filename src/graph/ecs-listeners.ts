/**
 * The load balancing in front of an ECS service: clients → load balancer → listeners → listener
 * rules → target groups. A listener the template creates (a Network Load Balancer's TCP or TLS
 * listener) is drawn as such, with its default action; a listener it only names (a parameter, an
 * import from a platform) is drawn as not in these files, its load balancer read from the ARN.
 */
import type { Json, JsonObject } from '../core/serialize.js';
import { asArray, conditionLines, importName, isObject, loadBalancerOfArn, ofType, outside, plain, refResource, shown, str, type Resource, type Template } from './cfn.js';
import { short, type PanelBuilder } from './types.js';

const key = (v: Json | undefined): string => JSON.stringify(v ?? null);

/** Edges for forward actions (weighted or not); other actions become lines of the box. */
function forward(b: PanelBuilder, t: Template, from: string, actions: Json | undefined, tgNode: (v: Json | undefined) => string | undefined): void {
  for (const action of asArray(actions).filter(isObject)) {
    const type = str(action.Type);
    if (type !== 'forward') {
      b.nodes.find((n) => n.id === from)!.lines.push(actionLine(t, action));
      continue;
    }
    const weighted = isObject(action.ForwardConfig) ? asArray(action.ForwardConfig.TargetGroups).filter(isObject) : [];
    const targets = weighted.length ? weighted.map((w) => ({ arn: w.TargetGroupArn, weight: w.Weight })) : [{ arn: action.TargetGroupArn, weight: undefined as Json | undefined }];
    for (const x of targets) {
      const tg = tgNode(x.arn);
      if (tg) b.edge(from, tg, 'traffic', targets.length > 1 && x.weight !== undefined ? `weight ${plain(t, x.weight)}` : undefined);
    }
  }
}

function actionLine(t: Template, a: JsonObject): string {
  if (a.Type === 'redirect' && isObject(a.RedirectConfig)) return `redirect to ${plain(t, a.RedirectConfig.Protocol) || 'the same protocol'} ${plain(t, a.RedirectConfig.Port)}`.trim();
  if (a.Type === 'fixed-response' && isObject(a.FixedResponseConfig)) return `fixed response ${plain(t, a.FixedResponseConfig.StatusCode)}`;
  return str(a.Type) ?? 'action';
}

export function drawListeners(b: PanelBuilder, t: Template, isTest: (rule: Resource) => boolean, tgNode: (v: Json | undefined) => string | undefined): void {
  const rules = ofType(t, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const own = ofType(t, 'AWS::ElasticLoadBalancingV2::Listener');
  if (!rules.length && !own.length) return;
  const clients = b.node('clients', 'Clients', [], { id: 'clients' });
  const balancers = new Map<string, string>();
  const listeners = new Map<string, string>();
  /** The load balancer an ARN (of the balancer or of one of its listeners) names: one box per balancer. */
  const balancer = (arnValue: string | undefined, how: string | undefined): string => {
    const name = loadBalancerOfArn(arnValue);
    let lb = balancers.get(name ?? '');
    if (!lb) {
      lb = b.node('loadBalancer', `Load balancer${name ? ` ${name}` : ''}`, ['not in these files', how], { external: true, id: `alb_${name ?? 'existing'}` });
      balancers.set(name ?? '', lb);
      b.edge(clients, lb, 'traffic');
    }
    return lb;
  };
  const listenerOf = (arn: Json | undefined, test: boolean): string => {
    const known = listeners.get(key(arn));
    if (known) return known;
    const created = refResource(t, arn);
    let id: string;
    if (created?.type === 'AWS::ElasticLoadBalancingV2::Listener') {
      const o = outside(t, created.props.LoadBalancerArn);
      const lb = balancer(o?.value, o && !o.value ? o.how : undefined);
      const certificates = asArray(created.props.Certificates).length;
      id = b.node('listener', `Listener ${plain(t, created.props.Protocol)} ${plain(t, created.props.Port)}`, [certificates ? `${certificates} certificate${certificates > 1 ? 's' : ''}` : undefined], { id: 'listener' });
      b.edge(lb, id, 'traffic');
      forward(b, t, id, created.props.DefaultActions, tgNode);
    } else {
      const o = outside(t, arn);
      const lb = balancer(o?.value, undefined);
      id = b.node('listener', test ? 'Test listener' : 'Listener', [o?.how ?? shown(t, arn), o?.value && short(o.value.replace(/^.*:listener\//, 'listener/'), 40)], {
        external: true,
        id: test ? 'test_listener' : 'listener',
        imports: [importName(t, arn)].filter((x): x is string => !!x),
      });
      b.edge(lb, id, 'traffic', test ? 'test traffic' : undefined);
    }
    listeners.set(key(arn), id);
    return id;
  };
  for (const l of own) listenerOf({ Ref: l.id }, false);
  for (const rule of rules) {
    const test = isTest(rule);
    const listener = listenerOf(rule.props.ListenerArn, test);
    const priority = shown(t, rule.props.Priority);
    const ruleId = b.node('rule', `${test ? 'Test rule' : 'Listener rule'}${/^[0-9]+$/.test(priority) ? ` · priority ${priority}` : ''}`, conditionLines(t, rule.props.Conditions), { id: test ? 'test_rule' : 'rule' });
    b.edge(listener, ruleId, 'traffic');
    forward(b, t, ruleId, rule.props.Actions, tgNode);
  }
}
