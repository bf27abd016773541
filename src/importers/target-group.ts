/**
 * Target group attributes (as Elastic Load Balancing names them, from a template's
 * `TargetGroupAttributes` or a controller's `target-group-attributes` annotation) → the spec's
 * `expose.targetGroup`. Keys the spec has no form for are returned for the caller to report.
 */
import { duration } from './write.js';

type Json = Record<string, unknown>;

export function targetGroupFromAttributes(pairs: [string, string][], nlb: boolean): { targetGroup: Json; unknown: string[] } {
  const a = new Map(pairs);
  const tg: Json = {};
  const unknown: string[] = [];
  const seconds = (k: string) => (/^[0-9]+$/.test(a.get(k) ?? '') ? Number(a.get(k)) : undefined);
  const known = new Set<string>();
  const take = (k: string) => (known.add(k), a.get(k));
  if (a.has('deregistration_delay.timeout_seconds')) {
    const s = seconds('deregistration_delay.timeout_seconds');
    take('deregistration_delay.timeout_seconds');
    if (s !== undefined) tg.deregistrationDelay = s === 0 ? 0 : duration(s);
  }
  if (a.has('load_balancing.algorithm.type')) tg.algorithm = take('load_balancing.algorithm.type');
  if (a.has('slow_start.duration_seconds')) {
    const s = seconds('slow_start.duration_seconds');
    take('slow_start.duration_seconds');
    if (s !== undefined) tg.slowStart = duration(s);
  }
  if (a.has('stickiness.enabled')) {
    const enabled = take('stickiness.enabled') === 'true';
    const type = take('stickiness.type');
    if (!enabled) tg.stickiness = false;
    else if (type === 'app_cookie') {
      const d = seconds('stickiness.app_cookie.duration_seconds');
      take('stickiness.app_cookie.duration_seconds');
      tg.stickiness = { cookieName: take('stickiness.app_cookie.cookie_name'), ...(d !== undefined ? { duration: duration(d) } : {}) };
    } else if (type === 'lb_cookie' && a.has('stickiness.lb_cookie.duration_seconds') && !nlb) {
      const d = seconds('stickiness.lb_cookie.duration_seconds');
      take('stickiness.lb_cookie.duration_seconds');
      tg.stickiness = d !== undefined ? { duration: duration(d) } : true;
    } else tg.stickiness = true;
  }
  for (const k of a.keys()) if (!known.has(k)) unknown.push(k);
  return { targetGroup: tg, unknown };
}
