/**
 * In production a single replica is a single point of failure: require `replicas` ≥ 2 or
 * `autoscaling.min` ≥ 2. "Production" is the `production`/`prod` environment overlay or a label
 * (see utils/production.ts).
 */
import { numberValue } from '../model/normalize/parameters.js';
import { createRule } from './create-rule.js';
import { isProduction, PRODUCTION_DEFAULTS, productionOptionsSchema, type ProductionOptions } from './utils/production.js';
import { existingPath, forEachTarget } from './utils/spec.js';

export type MessageIds = 'tooFewReplicas' | 'tooFewAutoscaled';
export interface Options extends ProductionOptions {
  /** Minimum replicas in production (default 2). */
  min?: number;
}

export default createRule<MessageIds, Options>({
  id: 'require-production-replicas',
  meta: {
    type: 'problem',
    docs: { description: 'Require at least 2 replicas (or autoscaling min ≥ 2) in production.', recommended: true },
    defaultSeverity: 'error',
    messages: {
      tooFewReplicas: 'Production runs {{count}} replica(s); at least {{min}} keep the service up while one is replaced or its zone fails.',
      tooFewAutoscaled: 'Production autoscaling may scale down to {{count}} replica(s); set autoscaling.min to at least {{min}}.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { min: { type: 'integer', minimum: 1, description: 'Minimum replicas.' }, ...productionOptionsSchema },
    },
    defaultOptions: { min: 2, ...PRODUCTION_DEFAULTS },
  },
  check(ctx) {
    const min = ctx.options.min ?? 2;
    forEachTarget(ctx, (spec, target) => {
      if (target === 'appmesh' || !isProduction(spec, ctx.environment, ctx.options)) return;
      // A `{ param: Name }` count is judged by the parameter's default.
      if (spec.autoscaling) {
        const low = numberValue(spec, spec.autoscaling.min);
        if (low !== undefined && low < min) ctx.report({ messageId: 'tooFewAutoscaled', path: ['autoscaling', 'min'], target, data: { count: low, min } });
      } else {
        const count = spec.replicas === undefined ? 1 : numberValue(spec, spec.replicas);
        if (count !== undefined && count < min) ctx.report({ messageId: 'tooFewReplicas', path: existingPath(spec, ['replicas']), target, data: { count, min } });
      }
    });
  },
});
