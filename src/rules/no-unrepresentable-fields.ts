/**
 * A field the selected target cannot express is a silent lie in the output. This rule names, before
 * anything is generated, the spec fields a selected target has no equivalent for and what happens
 * instead. Deployment strategies are not listed: the Kubernetes and Copilot emitters already report
 * how they translate them (K8S_STRATEGY_TRANSLATED, COPILOT_DEPLOYMENT_STRATEGY), and one report
 * per problem is enough.
 */
import type { SpecPath } from '../core/diagnostics.js';
import type { TargetName } from '../model/types.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../schema/spec.generated.js';
import { createRule } from './create-rule.js';
import { containersOf } from './utils/spec.js';

export type MessageIds = 'unsupported';

interface Entry {
  targets: readonly TargetName[];
  /** Paths in the target's view where the unsupported field is set. */
  find(spec: ServiceSpec): SpecPath[];
  instead: string;
}

const ENTRIES: readonly Entry[] = [
  {
    targets: ['ecs', 'kubernetes', 'copilot'],
    find: (s) =>
      s.targets?.ecs?.networkMode === 'bridge'
        ? []
        : containersOf(s).flatMap((c) => (c.ports ?? []).flatMap((p, i) => (p.hostPort !== undefined ? [[...c.path, 'ports', i, 'hostPort']] : []))),
    instead: 'host ports apply to EC2 bridge networking only, so it is ignored',
  },
  {
    targets: ['ecs', 'copilot'],
    find: (s) => (s.health?.readiness && !s.health.traffic ? [['health', 'readiness']] : []),
    instead: 'ECS has no readiness probe; the load balancer health check (health.traffic) decides when a task receives traffic',
  },
  {
    targets: ['ecs', 'copilot'],
    find: (s) => (s.health?.startup ? [['health', 'startup']] : []),
    instead: 'ECS has no startup probe; use health.container.startPeriod and health.traffic.gracePeriod',
  },
  {
    targets: ['kubernetes'],
    find: (s) => (s.deployment?.rollbackAlarms?.length ? [['deployment', 'rollbackAlarms']] : []),
    instead: 'a Deployment does not watch CloudWatch alarms; a rollout is judged by its pods\' readiness (progressDeadlineSeconds)',
  },
  {
    targets: ['kubernetes'],
    find: (s) => (s.logging?.driver === 'firelens' || s.logging?.driver === 'none' ? [['logging', 'driver']] : []),
    instead: 'a pod has no log configuration: the node\'s log agent (e.g. a Fluent Bit DaemonSet) collects stdout and stderr of every container, so route or drop logs there',
  },
];

export default createRule<MessageIds>({
  id: 'no-unrepresentable-fields',
  meta: {
    type: 'problem',
    docs: { description: 'Report spec fields that a selected target cannot represent, and what it does instead.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      unsupported: 'Target {{target}} cannot represent this field: {{instead}}.',
    },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      const spec = ctx.view(target);
      for (const e of ENTRIES) {
        if (!e.targets.includes(target)) continue;
        for (const path of e.find(spec)) ctx.report({ messageId: 'unsupported', path, target, data: { target, instead: e.instead } });
      }
    }
  },
});
