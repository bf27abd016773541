/** The logical ID codegen gives each resource role of the ECS service template (`targets.ecs.logicalIds` maps them to the user's). */
import type { JsonObject } from '../../core/serialize.js';
import { defaultLogicalIds, ECS_LOGICAL_IDS } from '../../schema/logical-ids.js';

export const ECS_DEFAULT_IDS: Readonly<Record<string, string>> = defaultLogicalIds(ECS_LOGICAL_IDS);

/** Role → default logical ID for this template (the target group is `BlueTargetGroup` when there are two). */
export function ecsRoleIds(template: JsonObject): Record<string, string> {
  const resources = (template.Resources ?? {}) as JsonObject;
  const blue = ECS_LOGICAL_IDS.targetGroup!.alternate!.id;
  return { ...ECS_DEFAULT_IDS, targetGroup: Object.hasOwn(resources, blue) ? blue : ECS_DEFAULT_IDS.targetGroup! };
}

/** The roles, for tests that keep the schema and the emitter in step. */
export const ECS_ROLES: readonly string[] = Object.keys(ECS_DEFAULT_IDS);
