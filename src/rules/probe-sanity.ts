/**
 * Probe timings that cannot work, and probe shapes that hurt: a check whose timeout is not less
 * than its period, a liveness probe identical to readiness (a dependency outage then restarts every
 * pod), and a long liveness initial delay where a startup probe belongs.
 * Defaults compared against: Kubernetes period 10 s / timeout 1 s; ECS container interval 30 s /
 * timeout 5 s; ALB interval 30 s / timeout 5 s.
 */
import { parseDurationSeconds } from '../core/units.js';
import type { Probe } from '../schema/spec.generated.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'timeoutNotLessThanPeriod' | 'sameAsReadiness' | 'useStartupProbe';
export interface Options {
  /** A liveness initialDelay at or above this many seconds asks for a startup probe (default 60). */
  slowStartSeconds?: number;
}

const seconds = (v: number | string | undefined): number | undefined => (v === undefined ? undefined : parseDurationSeconds(v));

function handlerKey(p: Probe): string {
  if (p.http) return `http ${p.http.path} ${p.http.port ?? ''}`;
  if (p.grpc) return `grpc ${p.grpc.port ?? ''} ${p.grpc.service ?? ''}`;
  if (p.tcp) return `tcp ${p.tcp.port ?? ''}`;
  return `exec ${JSON.stringify(p.exec?.command ?? [])}`;
}

export default createRule<MessageIds, Options>({
  id: 'probe-sanity',
  meta: {
    type: 'problem',
    docs: { description: 'Require probe timeouts below their period, liveness different from readiness, and startup probes for slow starters.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      timeoutNotLessThanPeriod: 'The {{check}} timeout ({{timeout}} s) is not less than its {{period}} ({{every}} s), so checks overlap and a slow response counts twice.',
      sameAsReadiness: 'The liveness probe is the same check as readiness, so a failing dependency restarts every pod instead of only taking it out of rotation.',
      useStartupProbe: 'The liveness probe waits {{delay}} s before its first check; a startup probe protects slow starts without delaying failure detection later.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { slowStartSeconds: { type: 'integer', minimum: 1, description: 'Liveness initialDelay that asks for a startup probe.' } },
    },
    defaultOptions: { slowStartSeconds: 60 },
  },
  check(ctx) {
    const timing = (check: string, period: string, path: (string | number)[], timeout: number | undefined, every: number | undefined, target: Parameters<typeof ctx.report>[0]['target']) => {
      if (timeout !== undefined && every !== undefined && timeout >= every) {
        ctx.report({ messageId: 'timeoutNotLessThanPeriod', path, ...(target ? { target } : {}), data: { check, timeout, period, every } });
      }
    };
    for (const target of ctx.targets) {
      const spec = ctx.view(target);
      const h = spec.health ?? {};
      if (target === 'kubernetes') {
        for (const kind of ['readiness', 'liveness', 'startup'] as const) {
          const p = h[kind];
          if (!p) continue;
          const t = seconds(p.timeout) ?? 1;
          const per = seconds(p.period) ?? 10;
          if (p.timeout !== undefined || p.period !== undefined) timing(`${kind} probe`, 'period', ['health', kind, p.timeout !== undefined ? 'timeout' : 'period'], t, per, target);
        }
        if (h.readiness && h.liveness && handlerKey(h.readiness) === handlerKey(h.liveness)) {
          ctx.report({ messageId: 'sameAsReadiness', path: ['health', 'liveness'], target, hint: 'give liveness a cheap endpoint that does not check dependencies' });
        }
        const delay = seconds(h.liveness?.initialDelay);
        if (h.liveness && !h.startup && delay !== undefined && delay >= (ctx.options.slowStartSeconds ?? 60)) {
          ctx.report({ messageId: 'useStartupProbe', path: ['health', 'liveness', 'initialDelay'], target, data: { delay }, hint: 'add health.startup with the same check and failureThreshold × period ≥ the start time' });
        }
      }
      const c = h.container;
      if (c && (target === 'ecs' || target === 'copilot') && (c.timeout !== undefined || c.interval !== undefined)) {
        timing('container health check', 'interval', ['health', 'container', c.timeout !== undefined ? 'timeout' : 'interval'], seconds(c.timeout) ?? 5, seconds(c.interval) ?? 30, target);
      }
      const tr = h.traffic;
      // Both set is a core error (HEALTH_TIMEOUT_NOT_LESS_THAN_INTERVAL); one against the default is ours.
      if (tr && (tr.timeout === undefined) !== (tr.interval === undefined)) {
        timing('load balancer health check', 'interval', ['health', 'traffic', tr.timeout !== undefined ? 'timeout' : 'interval'], seconds(tr.timeout) ?? 5, seconds(tr.interval) ?? 30, target);
      }
    }
  },
});
