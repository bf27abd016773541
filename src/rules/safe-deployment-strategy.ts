/**
 * Production deploys replace versions without losing capacity: blue/green, canary and linear do by
 * construction; a rolling update does only with zero unavailable (Kubernetes `maxUnavailable: 0`,
 * whose default is 25%; ECS `minimumHealthyPercent: 100`, the ECS default). Automatic rollback stays on.
 */
import { createRule } from './create-rule.js';
import { isProduction, PRODUCTION_DEFAULTS, productionOptionsSchema, type ProductionOptions } from './utils/production.js';
import { existingPath } from './utils/spec.js';

export type MessageIds = 'rollingUnavailable' | 'ecsMinimumHealthy' | 'noRollback';
export interface Options extends ProductionOptions {
  /** Check every environment, not only production (default false). */
  everywhere?: boolean;
}

const isZero = (v: number | string | undefined) => v === 0 || v === '0%';

export default createRule<MessageIds, Options>({
  id: 'safe-deployment-strategy',
  meta: {
    type: 'problem',
    docs: { description: 'Require blue/green, canary, linear, or rolling with zero unavailable replicas in production, with rollback on.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      rollingUnavailable: 'A rolling update in production may take {{unavailable}} of the replicas out of service at once; use maxUnavailable: 0 or a blue-green, canary or linear strategy.',
      ecsMinimumHealthy: 'ECS minimumHealthyPercent {{percent}} lets ECS stop running tasks before new ones are healthy in production; use 100.',
      noRollback: 'Automatic rollback is off, so a failed production deployment stays failed.',
    },
    schema: { type: 'object', additionalProperties: false, properties: { everywhere: { type: 'boolean', description: 'Check every environment.' }, ...productionOptionsSchema } },
    defaultOptions: { everywhere: false, ...PRODUCTION_DEFAULTS },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      if (target === 'appmesh') continue;
      const spec = ctx.view(target);
      if (!ctx.options.everywhere && !isProduction(spec, ctx.environment, ctx.options)) continue;
      const d = spec.deployment ?? {};
      if (d.rollbackOnFailure === false) ctx.report({ messageId: 'noRollback', path: ['deployment', 'rollbackOnFailure'], target });
      if ((d.strategy ?? 'rolling') !== 'rolling') continue;
      const unavailable = d.rolling?.maxUnavailable;
      // Only Kubernetes defaults to losing capacity (25%); ECS and Copilot keep 100% healthy unless told otherwise.
      if ((unavailable !== undefined && !isZero(unavailable)) || (unavailable === undefined && target === 'kubernetes')) {
        ctx.report({ messageId: 'rollingUnavailable', path: existingPath(spec, ['deployment', 'rolling', 'maxUnavailable']), target, data: { unavailable: String(unavailable ?? '25%') } });
      }
      const minHealthy = spec.targets?.ecs?.minimumHealthyPercent;
      if (target === 'ecs' && minHealthy !== undefined && minHealthy < 100) {
        ctx.report({ messageId: 'ecsMinimumHealthy', path: ['targets', 'ecs', 'minimumHealthyPercent'], target, data: { percent: minHealthy } });
      }
    }
  },
});
