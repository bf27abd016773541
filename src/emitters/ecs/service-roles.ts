/** The IAM roles the service template creates when the spec gives no ARN, and the task definition that uses them. */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { allow, assumeRolePolicy, getAtt, inlinePolicy, type TemplateBuilder } from '../shared/cfn.js';
import type { Report } from './service-common.js';
import { buildTaskDefinition, executionRoleStatements, toCloudFormationCasing } from './task.js';

export function executionRole(t: TemplateBuilder, m: ServiceModel, logGroupArns: Json[]): void {
  const statements = executionRoleStatements(m, logGroupArns);
  t.resource('ExecutionRole', 'AWS::IAM::Role', {
    Description: `Task execution role of ${m.name}: pulls its images, writes its logs, reads exactly its secrets.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    Policies: [inlinePolicy('execution', statements)],
  });
}

/** The task role codegen creates when the spec gives none: ECS Exec's SSM channels, X-Ray's segment upload. */
export function taskRole(t: TemplateBuilder, m: ServiceModel, exec: boolean, firelensLogGroupArns?: Json[]): void {
  const policies: Json[] = [];
  const why: string[] = [];
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
  t.resource('TaskRole', 'AWS::IAM::Role', {
    Description: `Task role of ${m.name}: ${why.join('; ')}.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    Policies: policies,
  });
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
