/** Every container states CPU and memory limits (Kubernetes limits, the ECS task size). */
import { createRule } from './create-rule.js';
import { containersOf, existingPath, forEachTarget } from './utils/spec.js';

export type MessageIds = 'missingLimit';
export interface Options {
  /** Check sidecars too (default true). */
  sidecars?: boolean;
}

export default createRule<MessageIds, Options>({
  id: 'require-resource-limits',
  meta: {
    type: 'problem',
    docs: { description: 'Require CPU and memory limits on every container.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      missingLimit: 'Container {{container}} has no {{what}} limit, so on Fargate the task gets the smallest size (256 CPU units, 512 MiB), on EC2 the container reserves no {{what}} of its own, and Kubernetes lets it use the whole node.',
    },
    schema: { type: 'object', additionalProperties: false, properties: { sidecars: { type: 'boolean', description: 'Check sidecars too.' } } },
    defaultOptions: { sidecars: true },
  },
  check(ctx) {
    forEachTarget(ctx, (spec, target) => {
      for (const c of containersOf(spec)) {
        if (c.path.length && !ctx.options.sidecars) continue;
        const missing = (['cpu', 'memory'] as const).filter((k) => c.resources?.limits?.[k] === undefined);
        if (missing.length === 0) continue;
        const limitsPath = [...c.path, 'resources', 'limits'];
        ctx.report({
          messageId: 'missingLimit',
          path: existingPath(spec, limitsPath),
          target,
          data: { container: c.name, what: missing.join(' and ') },
          hint: `set ${[...c.path, 'resources', 'limits'].join('.')}.${missing[0]}`,
        });
      }
    });
  },
});
