/**
 * `ecs:task-definition` — `ecs/task-definition.json`, the RegisterTaskDefinition input
 * (`aws ecs register-task-definition --cli-input-json file://...`).
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { ServiceModel } from '../../model/types.js';
import { defineEmitter } from '../types.js';
import { buildTaskDefinition, ECR_IMAGE } from './task.js';
import { efsIamVolumes, efsNeedsText } from './task-efs-policy.js';

/**
 * Why this task needs an execution role (ECS developer guide, "Amazon ECS task execution IAM role"):
 * on any launch type to read Secrets Manager secrets or SSM parameters; on Fargate also to pull from
 * private ECR and to write awslogs (on EC2 the container instance role does those two).
 */
export function executionRoleNeeds(m: ServiceModel): string[] {
  const needs: string[] = [];
  if (m.containers.some((c) => c.secrets.some((s) => s.aws))) needs.push('read its secrets');
  if ((m.targets.ecs.launchType ?? 'FARGATE') === 'FARGATE') {
    if (m.containers.some((c) => ECR_IMAGE.test(c.image))) needs.push('pull its images from private ECR');
    if (m.logging.driver !== 'none' && m.logging.region !== undefined) needs.push('write its awslogs logs');
  }
  return needs;
}

export function reportMissingExecutionRole(m: ServiceModel, report: (d: DiagnosticInput) => void): void {
  if (m.targets.ecs.executionRoleArn) return;
  const needs = executionRoleNeeds(m);
  if (!needs.length) return;
  const list = needs.length > 1 ? `${needs.slice(0, -1).join(', ')} and ${needs[needs.length - 1]}` : needs[0]!;
  report({
    code: 'ECS_EXECUTION_ROLE_MISSING',
    severity: 'warning',
    message: `task-definition.json names no execution role, which this task needs to ${list}: registered from this file, the task will not start. The service template creates its own execution role, so a deploy of ecs/service.cfn.* is not affected.`,
    hint: 'set targets.ecs.executionRoleArn to register task-definition.json on its own',
    path: ['targets', 'ecs'],
  });
}

/** A task role the spec asks the template to create exists only there: the JSON has none. */
export function reportTemplateOnlyTaskRole(m: ServiceModel, report: (d: DiagnosticInput) => void): void {
  const ecs = m.targets.ecs;
  if (ecs.taskRoleArn || ecs.taskRole === undefined) return;
  report({
    code: 'ECS_TASK_ROLE_TEMPLATE_ONLY',
    severity: 'info',
    message: 'The task role that targets.ecs.taskRole describes is created by the service template; task-definition.json names no task role, so a task registered from it has none of those permissions.',
    hint: 'set targets.ecs.taskRoleArn to an existing role to register task-definition.json on its own',
    path: ['targets', 'ecs', 'taskRole'],
  });
}

/**
 * An IAM-authorized EFS mount uses the task role. Without `taskRoleArn` the service template
 * creates one that may mount the file system; task-definition.json cannot name it, so a task
 * registered from the file fails to mount the volume.
 */
export function reportEfsWithoutTaskRole(m: ServiceModel, report: (d: DiagnosticInput) => void): void {
  if (m.targets.ecs.taskRoleArn) return;
  for (const v of efsIamVolumes(m)) {
    report({
      code: 'ECS_EFS_IAM_TASK_ROLE',
      severity: 'warning',
      message: `Volume ${v.name} mounts EFS with IAM authorization, which uses the task role: task-definition.json names none, so a task registered from it cannot mount the volume. The service template creates a task role with ${efsNeedsText(m, v)}, so a deploy of ecs/service.cfn.* is not affected.`,
      hint: 'set targets.ecs.taskRoleArn to register task-definition.json on its own',
      path: [...v.at, 'efs', 'iam'],
    });
  }
}

export default defineEmitter({
  name: 'ecs:task-definition',
  target: 'ecs',
  description: 'ECS task definition JSON (RegisterTaskDefinition shape).',
  applies: (model) => model.targets.ecs.taskDefinitionJson !== false,
  emit(model, ctx) {
    const td = buildTaskDefinition(model, (d) => ctx.report(d), { flavor: 'json' });
    reportMissingExecutionRole(model, (d) => ctx.report(d));
    reportTemplateOnlyTaskRole(model, (d) => ctx.report(d));
    reportEfsWithoutTaskRole(model, (d) => ctx.report(d));
    return [{ path: 'ecs/task-definition.json', format: 'json', kind: 'ecs-task-definition', emitter: 'ecs:task-definition', documents: [td] }];
  },
});
