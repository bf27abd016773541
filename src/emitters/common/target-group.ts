/**
 * Target group attributes of `expose.targetGroup`, as Elastic Load Balancing names them: the ECS
 * template writes them as `TargetGroupAttributes`, the ALB Ingress and NLB Service as the
 * controller's `target-group-attributes` annotation (`key=value,...`).
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html
 */
import type { ServiceModel } from '../../model/types.js';

/** `TargetGroupAttributes` from `expose.targetGroup` (only what the spec sets). */
export function targetGroupAttributes(m: ServiceModel): { Key: string; Value: string }[] {
  const t = m.expose!.targetGroup;
  const nlb = m.expose!.loadBalancer === 'network';
  const out: { Key: string; Value: string }[] = [];
  const add = (Key: string, Value: string | number | boolean) => out.push({ Key, Value: String(Value) });
  if (t.deregistrationDelaySeconds !== undefined) add('deregistration_delay.timeout_seconds', t.deregistrationDelaySeconds);
  if (t.algorithm !== undefined) add('load_balancing.algorithm.type', t.algorithm);
  if (t.slowStartSeconds !== undefined) add('slow_start.duration_seconds', t.slowStartSeconds);
  const st = t.stickiness;
  if (st) {
    add('stickiness.enabled', st.enabled);
    if (st.enabled) {
      const type = nlb ? 'source_ip' : st.cookieName !== undefined ? 'app_cookie' : 'lb_cookie';
      add('stickiness.type', type);
      if (type === 'app_cookie') add('stickiness.app_cookie.cookie_name', st.cookieName!);
      if (st.durationSeconds !== undefined) add(`stickiness.${type}.duration_seconds`, st.durationSeconds);
    }
  }
  return out;
}

