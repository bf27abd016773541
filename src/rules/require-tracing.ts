/** Distributed tracing is on (`tracing.xray`), as the article's best-practice table asks. */
import { createRule } from './create-rule.js';
import { existingPath, forEachTarget } from './utils/spec.js';

export type MessageIds = 'missing';

export default createRule<MessageIds>({
  id: 'require-tracing',
  meta: {
    type: 'suggestion',
    docs: { description: 'Require distributed tracing (`tracing.xray: true`).', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      missing: 'Tracing is off, so requests cannot be followed across services.',
    },
  },
  check(ctx) {
    forEachTarget(ctx, (spec, target) => {
      if (spec.tracing?.xray === true) return;
      ctx.report({ messageId: 'missing', path: existingPath(spec, ['tracing', 'xray']), target, hint: 'set tracing.xray: true' });
    });
  },
});
