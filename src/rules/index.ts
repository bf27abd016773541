/**
 * The built-in rules, sorted by id. A new rule touches its file, this list, its docs page
 * (docs/rules/<id>.md) and its test (test/rules/<id>.test.ts) — test/rules/meta.test.ts checks all four.
 */
import consistentHealthPath from './consistent-health-path.js';
import consistentVariableReferences from './consistent-variable-references.js';
import noDeprecatedTargets from './no-deprecated-targets.js';
import noMutableImageTag from './no-mutable-image-tag.js';
import noPlaintextSecrets from './no-plaintext-secrets.js';
import noPortConflicts from './no-port-conflicts.js';
import noUnrepresentableFields from './no-unrepresentable-fields.js';
import probeSanity from './probe-sanity.js';
import requireHealthChecks from './require-health-checks.js';
import requireLogging from './require-logging.js';
import requireProductionReplicas from './require-production-replicas.js';
import requireResourceLimits from './require-resource-limits.js';
import requireTracing from './require-tracing.js';
import safeDeploymentStrategy from './safe-deployment-strategy.js';
import validFargateSize from './valid-fargate-size.js';
import validNames from './valid-names.js';
import type { AnyRuleModule } from './types.js';

export const builtinRules: readonly AnyRuleModule[] = [
  consistentHealthPath,
  consistentVariableReferences,
  noDeprecatedTargets,
  noMutableImageTag,
  noPlaintextSecrets,
  noPortConflicts,
  noUnrepresentableFields,
  probeSanity,
  requireHealthChecks,
  requireLogging,
  requireProductionReplicas,
  requireResourceLimits,
  requireTracing,
  safeDeploymentStrategy,
  validFargateSize,
  validNames,
];

export { createRule, defineRule, RULE_DOCS_BASE } from './create-rule.js';
export { applySuppressions, runRules } from './engine.js';
export type { RuleRunInput, RuleRunResult, Suppression } from './engine.js';
export type * from './types.js';
