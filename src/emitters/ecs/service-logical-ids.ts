/** The logical ID codegen gives each resource role of the ECS service template (`targets.ecs.logicalIds` maps them to the user's). */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { defaultLogicalIds, ECS_LOGICAL_IDS, stepLogicalIds } from '../../schema/logical-ids.js';
import { applyLogicalIds } from '../common/cfn.js';
import type { Report } from './service-common.js';

export const ECS_DEFAULT_IDS: Readonly<Record<string, string>> = defaultLogicalIds(ECS_LOGICAL_IDS);

/** Role → default logical ID for this template (the target group is `BlueTargetGroup` when there are two). */
export function ecsRoleIds(template: JsonObject): Record<string, string> {
  const resources = (template.Resources ?? {}) as JsonObject;
  const blue = ECS_LOGICAL_IDS.targetGroup!.alternate!.id;
  return { ...ECS_DEFAULT_IDS, targetGroup: Object.hasOwn(resources, blue) ? blue : ECS_DEFAULT_IDS.targetGroup! };
}

/** The roles, for tests that keep the schema and the emitter in step. */
export const ECS_ROLES: readonly string[] = Object.keys(ECS_DEFAULT_IDS);

/**
 * The template with the user's logical IDs: `targets.ecs.logicalIds` by role, and each step
 * scaling policy's own (`autoscaling.steps[].logicalIds`), which are more roles checked with the
 * others (unused, given twice, or already taken).
 */
export function applyServiceLogicalIds(template: JsonObject, m: ServiceModel, report: Report): JsonObject {
  const roles: Record<string, string> = ecsRoleIds(template);
  const given: Record<string, string> = { ...(m.targets.ecs.logicalIds ?? {}) };
  const where = new Map<string, (string | number)[]>();
  (m.autoscaling?.steps ?? []).forEach((s, i) => {
    const ids = stepLogicalIds(s.name);
    for (const part of ['policy', 'alarm'] as const) {
      const own = s.logicalIds?.[part];
      if (own === undefined) continue;
      const role = `step ${s.name} ${part}`;
      roles[role] = ids[part];
      given[role] = own;
      where.set(role, ['autoscaling', 'steps', i, 'logicalIds', part]);
    }
  });
  const base = ['targets', 'ecs', 'logicalIds'];
  return applyLogicalIds(template, roles, Object.keys(given).length ? given : undefined, base, report, (role) => where.get(role) ?? [...base, role]);
}
