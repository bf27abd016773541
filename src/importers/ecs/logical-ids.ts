/**
 * Which resource of an ECS service template plays which role, found by type and by how the
 * resources reference each other (not by name), so a template whose logical IDs were fixed with
 * `targets.ecs.logicalIds` (or a hand-written one) is read like codegen's own. Gives the default
 * ID → the template's ID, and the roles whose ID differs (the spec's `logicalIds`).
 */
import { defaultLogicalIds, ECS_LOGICAL_IDS } from '../../schema/logical-ids.js';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Role → codegen's ID (src/schema/logical-ids.ts); the target group is `BlueTargetGroup` when there are two. */
export const DEFAULTS: Readonly<Record<string, string>> = defaultLogicalIds(ECS_LOGICAL_IDS);

export interface LogicalIds {
  /** codegen's default ID → the template's ID, for every role found. */
  byDefault: Map<string, string>;
  /** Roles whose ID is not codegen's: the spec's `targets.ecs.logicalIds`. */
  fixed: Record<string, string>;
}

export function findLogicalIds(resourcesValue: unknown): LogicalIds {
  const resources = isObject(resourcesValue) ? resourcesValue : {};
  const ofType = (type: string) => Object.keys(resources).filter((id) => isObject(resources[id]) && (resources[id] as Json).Type === type);
  const props = (id: string | undefined): Json => (id && isObject(resources[id]) && isObject((resources[id] as Json).Properties) ? ((resources[id] as Json).Properties as Json) : {});
  const refOf = (v: unknown) => (isObject(v) && typeof v.Ref === 'string' && Object.hasOwn(resources, v.Ref) ? v.Ref : undefined);
  const getAttOf = (v: unknown) => (isObject(v) && Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string' && Object.hasOwn(resources, v['Fn::GetAtt'][0]) ? v['Fn::GetAtt'][0] : undefined);
  const at = (v: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((x, k) => (isObject(x) || Array.isArray(x) ? (x as Record<string | number, unknown>)[k] : undefined), v);

  const found: Record<string, string | undefined> = {};
  found.service = ofType('AWS::ECS::Service')[0];
  found.taskDefinition = ofType('AWS::ECS::TaskDefinition')[0];
  found.logGroup = ofType('AWS::Logs::LogGroup')[0];
  const td = props(found.taskDefinition);
  found.executionRole = getAttOf(td.ExecutionRoleArn);
  found.taskRole = getAttOf(td.TaskRoleArn);
  const svc = props(found.service);
  // With the CloudFormation blue/green hook the task set holds the load balancers.
  const taskSet = ofType('AWS::ECS::TaskSet').find((id) => refOf(props(id).Service) === found.service);
  const lb = at(taskSet ? props(taskSet) : svc, 'LoadBalancers', 0);
  found.targetGroup = refOf(at(lb, 'TargetGroupArn'));
  const adv = at(lb, 'AdvancedConfiguration');
  const groupId = ofType('AWS::CodeDeploy::DeploymentGroup')[0];
  const group = props(groupId);
  const hookGroups = taskSet ? ofType('AWS::ElasticLoadBalancingV2::TargetGroup').filter((id) => id !== found.targetGroup) : [];
  found.alternateTargetGroup = refOf(at(adv, 'AlternateTargetGroupArn')) ?? getAttOf(at(group, 'LoadBalancerInfo', 'TargetGroupPairInfoList', 0, 'TargetGroups', 1, 'Name')) ?? (hookGroups.length === 1 ? hookGroups[0] : undefined);
  const rules = ofType('AWS::ElasticLoadBalancingV2::ListenerRule');
  const waiter = taskSet ?? found.service;
  const dependsOn = (waiter && Array.isArray((resources[waiter] as Json).DependsOn) ? ((resources[waiter] as Json).DependsOn as unknown[]) : []).filter((d): d is string => typeof d === 'string' && rules.includes(d));
  found.listenerRule = refOf(at(adv, 'ProductionListenerRule')) ?? dependsOn[0] ?? (rules.length === 1 ? rules[0] : undefined);
  // A test rule listens on another listener; further rules on the production listener are codegen's ListenerRule2, ...
  const prodListener = JSON.stringify(props(found.listenerRule).ListenerArn);
  found.testListenerRule = refOf(at(adv, 'TestListenerRule')) ?? dependsOn.slice(1).find((d) => JSON.stringify(props(d).ListenerArn) !== prodListener);
  // The CloudFormation blue/green hook's template creates its listeners: the rules' listeners.
  if (taskSet) {
    found.prodListener = refOf(props(found.listenerRule).ListenerArn);
    found.testListener = refOf(props(found.testListenerRule).ListenerArn);
  }
  found.loadBalancerRole = getAttOf(at(adv, 'RoleArn'));
  found.scalableTarget = ofType('AWS::ApplicationAutoScaling::ScalableTarget')[0];
  for (const id of ofType('AWS::ApplicationAutoScaling::ScalingPolicy')) {
    const metric = at(props(id), 'TargetTrackingScalingPolicyConfiguration', 'PredefinedMetricSpecification', 'PredefinedMetricType');
    if (metric === 'ECSServiceAverageCPUUtilization') found.cpuScalingPolicy ??= id;
    if (metric === 'ECSServiceAverageMemoryUtilization') found.memoryScalingPolicy ??= id;
  }
  found.codeDeployApplication = ofType('AWS::CodeDeploy::Application')[0];
  found.codeDeployDeploymentGroup = groupId;
  found.codeDeployRole = getAttOf(group.ServiceRoleArn);
  found.codeDeployConfig = refOf(group.DeploymentConfigName);

  const byDefault = new Map<string, string>();
  const fixed: Record<string, string> = {};
  for (const [role, id] of Object.entries(found)) {
    if (id === undefined) continue;
    const d = role === 'targetGroup' && found.alternateTargetGroup !== undefined ? ECS_LOGICAL_IDS.targetGroup!.alternate!.id : DEFAULTS[role]!;
    byDefault.set(d, id);
    if (id !== d) fixed[role] = id;
  }
  return { byDefault, fixed };
}
