/**
 * Project policy for legacy targets: AWS App Mesh was discontinued on 2026-09-30 (successor on ECS:
 * ECS Service Connect) and the AWS Copilot CLI reached end of support on 2026-06-12 (successor:
 * the ECS CloudFormation target). The legacy emitters always print their own deprecation
 * diagnostic (silenced per spec by `acknowledgeDeprecation`); this rule is off by default and is
 * the switch a project turns on (`'error'`) to forbid new uses, whatever a spec acknowledges.
 */
import type { TargetName } from '../model/types.js';
import { createRule } from './create-rule.js';
import { existingPath } from './utils/spec.js';

export type MessageIds = 'deprecated';
export interface Options {
  /** Legacy targets still allowed (e.g. during a migration). */
  allow?: string[];
}

const LEGACY: Partial<Record<TargetName, { service: string; status: string; successor: string }>> = {
  appmesh: { service: 'AWS App Mesh', status: 'was discontinued on 2026-09-30', successor: 'ECS Service Connect (targets.ecs.service.serviceConnect)' },
  copilot: { service: 'The AWS Copilot CLI', status: 'reached end of support on 2026-06-12', successor: 'the ecs target (task definition and CloudFormation)' },
};

export default createRule<MessageIds, Options>({
  id: 'no-deprecated-targets',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow legacy targets (App Mesh, Copilot) as a project policy; off by default because the emitters already warn.', recommended: false },
    defaultSeverity: 'error',
    messages: {
      deprecated: '{{service}} {{status}}; the {{target}} target is kept for migration only; move to {{successor}}.',
    },
    schema: { type: 'object', additionalProperties: false, properties: { allow: { type: 'array', items: { type: 'string', enum: ['appmesh', 'copilot'] }, description: 'Legacy targets still allowed.' } } },
    defaultOptions: { allow: [] },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      const info = LEGACY[target];
      if (!info || ctx.options.allow?.includes(target)) continue;
      ctx.report({ messageId: 'deprecated', path: existingPath(ctx.spec, ['targets', target]), data: { ...info, target } });
    }
  },
});
