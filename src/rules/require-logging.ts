/**
 * Logs are configured on purpose: a `logging` section (where they go) with a retention period (none is asked for when `driver: none` keeps no logs).
 * Without `retentionDays` a CloudWatch Logs group keeps every event forever (AWS Security Hub
 * control CloudWatch.16 asks for a set retention).
 */
import { createRule } from './create-rule.js';
import { forEachTarget } from './utils/spec.js';

export type MessageIds = 'missing' | 'noRetention';
export interface Options {
  /** Require `logging.retentionDays` (default true). */
  requireRetention?: boolean;
}

export default createRule<MessageIds, Options>({
  id: 'require-logging',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require an explicit `logging` section with a retention period.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      missing: 'No logging section: logs go to the default group /ecs/{{name}} and are kept forever.',
      noRetention: 'Logging has no retentionDays, so CloudWatch Logs keeps every event forever.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { requireRetention: { type: 'boolean', description: 'Require logging.retentionDays.' } },
    },
    defaultOptions: { requireRetention: true },
  },
  check(ctx) {
    // Kubernetes and App Mesh leave logs to the cluster or the tasks; the AWS log group is what matters.
    forEachTarget(ctx, (spec, target) => {
      if (target !== 'ecs' && target !== 'copilot') return;
      if (!spec.logging) ctx.report({ messageId: 'missing', path: [], target, data: { name: spec.name }, hint: 'add logging: {retentionDays: 30}' });
      // `driver: none` keeps no logs, so there is no retention to set.
      else if (ctx.options.requireRetention && spec.logging.retentionDays === undefined && spec.logging.driver !== 'none') {
        ctx.report({ messageId: 'noRetention', path: ['logging'], target, hint: 'set logging.retentionDays (e.g. 30 or 365)' });
      }
    });
  },
});
