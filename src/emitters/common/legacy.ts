/**
 * Legacy targets (App Mesh, Copilot) report one deprecation warning each, with the end date and
 * the successor, unless the target section says `acknowledgeDeprecation: true`.
 */
import type { ServiceModel } from '../../model/types.js';
import type { EmitContext } from '../types.js';

export interface Deprecation {
  target: 'appmesh' | 'copilot';
  code: string;
  message: string;
  hint: string;
}

export function reportDeprecation(m: ServiceModel, ctx: EmitContext, d: Deprecation): void {
  if (m.targets[d.target].acknowledgeDeprecation === true) return;
  ctx.report({
    code: d.code,
    severity: 'warning',
    message: d.message,
    hint: `${d.hint}; targets.${d.target}.acknowledgeDeprecation: true silences this`,
    path: ['targets', d.target],
  });
}
