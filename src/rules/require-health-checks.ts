/**
 * Health has two halves and every target needs both: traffic health (the load balancer, or a
 * Kubernetes readiness probe, decides whether to send requests) and process health (ECS container
 * health check, Kubernetes liveness probe) that replaces a hung process.
 */
import type { TargetName } from '../model/types.js';
import { createRule } from './create-rule.js';
import { existingPath, forEachTarget } from './utils/spec.js';

export type MessageIds = 'missingTraffic' | 'missingProcess';
export interface Options {
  /** Require process health (default true). */
  process?: boolean;
  /** Require traffic health when the service is exposed (default true). */
  traffic?: boolean;
}

/** Where each target reads process health from; App Mesh generates no task or pod, so it has none. */
const PROCESS: Partial<Record<TargetName, { field: 'container' | 'liveness'; what: string }>> = {
  ecs: { field: 'container', what: 'an ECS container health check (health.container)' },
  copilot: { field: 'container', what: 'a container health check (health.container → image.healthcheck)' },
  kubernetes: { field: 'liveness', what: 'a liveness probe (health.liveness)' },
};

export default createRule<MessageIds, Options>({
  id: 'require-health-checks',
  meta: {
    type: 'problem',
    docs: { description: 'Require traffic health (load balancer or readiness) and process health (container check or liveness) for every target.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      missingTraffic: 'The service is exposed but {{target}} has no traffic health check, so the load balancer probes its default path (`/`) and may route to instances that are not ready.',
      missingProcess: 'Target {{target}} has no process health check; it needs {{what}} so a hung process is replaced.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { process: { type: 'boolean', description: 'Require process health.' }, traffic: { type: 'boolean', description: 'Require traffic health when exposed.' } },
    },
    defaultOptions: { process: true, traffic: true },
  },
  check(ctx) {
    forEachTarget(ctx, (spec, target) => {
      const h = spec.health ?? {};
      const path = existingPath(spec, ['health']);
      const hasTraffic = h.traffic !== undefined || (target === 'kubernetes' && h.readiness !== undefined);
      if (ctx.options.traffic && spec.expose && !hasTraffic) {
        ctx.report({ messageId: 'missingTraffic', path, target, data: { target }, hint: 'set health.traffic.path (e.g. /health)' });
      }
      const p = PROCESS[target];
      if (ctx.options.process && p && h[p.field] === undefined) {
        ctx.report({ messageId: 'missingProcess', path, target, data: { target, what: p.what } });
      }
    });
  },
});
