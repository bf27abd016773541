/** The IAM roles the service template creates when the spec gives no ARN, and the task definition that uses them. */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { allow, assumeRolePolicy, awsManagedPolicy, getAtt, inlinePolicy, type TemplateBuilder } from '../common/cfn.js';
import type { Report } from './service-common.js';
import { firelensToCloudWatch } from './service-logging.js';
import { efsClientStatements, efsIamVolumes } from './task-efs-policy.js';
import { buildTaskDefinition, executionRoleStatements, toCloudFormationCasing } from './task.js';

export function executionRole(t: TemplateBuilder, m: ServiceModel, logGroupArns: Json[]): void {
  const opts = m.targets.ecs.executionRole ?? {};
  const managed = opts.awsManagedPolicy === true;
  const statements = executionRoleStatements(m, logGroupArns, managed);
  const arns: Json[] = [...(managed ? [awsManagedPolicy('service-role/AmazonECSTaskExecutionRolePolicy')] : []), ...(opts.managedPolicyArns ?? [])];
  t.resource('ExecutionRole', 'AWS::IAM::Role', {
    Description: managed
      ? `Task execution role of ${m.name}: AmazonECSTaskExecutionRolePolicy (image pulls, log writes)${statements.length ? ', and reads of exactly its secrets' : ''}.`
      : `Task execution role of ${m.name}: pulls its images, writes its logs, reads exactly its secrets.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    ...(arns.length ? { ManagedPolicyArns: arns } : {}),
    ...(statements.length ? { Policies: [inlinePolicy('execution', statements)] } : {}),
  });
}

/** Whether the template creates a task role: asked for with `taskRole`, or needed by ECS Exec, the X-Ray daemon, FireLens writing to CloudWatch Logs or an IAM-authorized EFS mount. */
export function wantsTaskRole(m: ServiceModel): boolean {
  const ecs = m.targets.ecs;
  return !ecs.taskRoleArn && (ecs.taskRole !== undefined || ecs.service?.enableExecuteCommand === true || m.tracing.xray || firelensToCloudWatch(m) || efsIamVolumes(m).length > 0);
}

/** The task role codegen creates when the spec gives none: its managed policies, ECS Exec's SSM channels, X-Ray's segment upload, FireLens log writes, EFS client access. */
export function taskRole(t: TemplateBuilder, m: ServiceModel, exec: boolean, firelensLogGroupArns?: Json[]): void {
  const policies: Json[] = [];
  const why: string[] = [];
  const arns = m.targets.ecs.taskRole?.managedPolicyArns ?? [];
  if (arns.length) why.push(`the managed ${arns.length === 1 ? 'policy' : 'policies'} the spec names`);
  if (exec) {
    why.push('the SSM channels that ECS Exec (aws ecs execute-command) opens');
    policies.push(inlinePolicy('ecs-exec', [allow(['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], ['*'], 'EcsExec')]));
  }
  if (m.tracing.xray) {
    why.push('the X-Ray daemon sending trace segments');
    policies.push(inlinePolicy('xray', [allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], ['*'], 'XRayDaemon')]));
  }
  if (firelensLogGroupArns?.length) {
    why.push('FireLens writing the container logs to CloudWatch Logs');
    policies.push(inlinePolicy('firelens', [allow(['logs:CreateLogStream', 'logs:PutLogEvents'], firelensLogGroupArns, 'FireLensLogs')]));
  }
  const efs = efsClientStatements(m);
  if (efs.length) {
    why.push(`mounting ${efs.length === 1 ? 'its EFS volume' : 'its EFS volumes'} with IAM authorization`);
    policies.push(inlinePolicy('efs', efs));
  }
  t.resource('TaskRole', 'AWS::IAM::Role', {
    Description: `Task role of ${m.name}${why.length ? `: ${why.join('; ')}` : ''}.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    ...(arns.length ? { ManagedPolicyArns: [...arns] } : {}),
    ...(policies.length || !arns.length ? { Policies: policies } : {}),
  });
}

/** A role given by ARN and described for creation at once: which one is meant is unclear. */
export function reportRoleConflicts(m: ServiceModel, report: Report): void {
  const ecs = m.targets.ecs;
  for (const [arn, created] of [['executionRoleArn', 'executionRole'], ['taskRoleArn', 'taskRole']] as const) {
    if (ecs[arn] && ecs[created] !== undefined) {
      report({ code: 'ECS_ROLE_GIVEN_TWICE', severity: 'error', message: `${created} describes a role for the template to create, but ${arn} names an existing one; give one or the other.`, path: ['targets', 'ecs', created] });
    }
  }
}

/** The task definition properties with created roles substituted where the spec gives no ARN. */
export function taskDefinition(m: ServiceModel, report: Report, roles: { execution?: Json; task?: Json }): JsonObject {
  const props = toCloudFormationCasing(buildTaskDefinition(m, report, { flavor: 'cloudformation' })) as JsonObject;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'ContainerDefinitions') {
      if (roles.execution && !('ExecutionRoleArn' in props)) out.ExecutionRoleArn = roles.execution;
      if (roles.task && !('TaskRoleArn' in props)) out.TaskRoleArn = roles.task;
    }
    out[k] = v;
  }
  return out;
}
