/**
 * One service, one health endpoint: when a target overrides the traffic health path, the same
 * image answers differently per platform, and a path that exists for one load balancer 404s on
 * another. Compares `health.traffic.path` (or the readiness HTTP path) across the selected targets.
 */
import type { SpecPath } from '../core/diagnostics.js';
import type { TargetName } from '../model/types.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../schema/spec.generated.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'differs';

function healthPath(spec: ServiceSpec): { value: string; path: SpecPath } | undefined {
  const h = spec.health;
  if (h?.traffic?.path !== undefined) return { value: h.traffic.path, path: ['health', 'traffic', 'path'] };
  if (h?.readiness?.http) return { value: h.readiness.http.path, path: ['health', 'readiness', 'http', 'path'] };
  return undefined;
}

export default createRule<MessageIds>({
  id: 'consistent-health-path',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require the same traffic health check path on every target.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      differs: 'Target {{target}} checks health at {{actual}} while {{others}} check {{expected}}; one endpoint keeps every platform honest.',
    },
  },
  check(ctx) {
    const found: { target: TargetName; value: string; path: SpecPath }[] = [];
    for (const t of ctx.targets) {
      const p = healthPath(ctx.view(t));
      if (p) found.push({ target: t, ...p });
    }
    if (new Set(found.map((f) => f.value)).size < 2) return;
    const expected = healthPath(ctx.spec)?.value ?? found[0]!.value;
    const others = found.filter((f) => f.value === expected).map((f) => f.target);
    for (const f of found) {
      if (f.value === expected) continue;
      ctx.report({ messageId: 'differs', path: f.path, target: f.target, data: { target: f.target, actual: f.value, expected, others: others.length ? others.join(', ') : 'the base spec' } });
    }
  },
});
