/** The logical ID codegen gives each resource role of the ECS service template (`targets.ecs.logicalIds` maps them to the user's). */
import type { JsonObject } from '../../core/serialize.js';

export const ECS_DEFAULT_IDS: Readonly<Record<string, string>> = {
  service: 'ECSService',
  taskDefinition: 'TaskDefinition',
  logGroup: 'LogGroup',
  executionRole: 'ExecutionRole',
  taskRole: 'TaskRole',
  targetGroup: 'TargetGroup',
  alternateTargetGroup: 'GreenTargetGroup',
  listenerRule: 'ListenerRule',
  testListenerRule: 'TestListenerRule',
  loadBalancerRole: 'LoadBalancerRole',
  scalableTarget: 'ScalableTarget',
  cpuScalingPolicy: 'CpuScalingPolicy',
  memoryScalingPolicy: 'MemoryScalingPolicy',
  codeDeployApplication: 'CodeDeployApplication',
  codeDeployDeploymentGroup: 'CodeDeployDeploymentGroup',
  codeDeployRole: 'CodeDeployRole',
  codeDeployConfig: 'DeploymentConfig',
};

/** Role → default logical ID for this template (the target group is `BlueTargetGroup` when there are two). */
export function ecsRoleIds(template: JsonObject): Record<string, string> {
  const resources = (template.Resources ?? {}) as JsonObject;
  return { ...ECS_DEFAULT_IDS, targetGroup: Object.hasOwn(resources, 'BlueTargetGroup') ? 'BlueTargetGroup' : 'TargetGroup' };
}

/** The roles, for tests that keep the schema and the emitter in step. */
export const ECS_ROLES: readonly string[] = Object.keys(ECS_DEFAULT_IDS);
