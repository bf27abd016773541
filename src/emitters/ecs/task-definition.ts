/**
 * `ecs:task-definition` — `ecs/task-definition.json`, the RegisterTaskDefinition input
 * (`aws ecs register-task-definition --cli-input-json file://...`).
 */
import { defineEmitter } from '../types.js';
import { buildTaskDefinition } from './task.js';

export default defineEmitter({
  name: 'ecs:task-definition',
  target: 'ecs',
  description: 'ECS task definition JSON (RegisterTaskDefinition shape).',
  applies: (model) => model.targets.ecs.taskDefinitionJson !== false,
  emit(model, ctx) {
    const td = buildTaskDefinition(model, (d) => ctx.report(d), { flavor: 'json' });
    if (!model.targets.ecs.executionRoleArn && (model.main.secrets.length > 0 || model.logging.region !== undefined)) {
      ctx.report({
        code: 'ECS_EXECUTION_ROLE_MISSING',
        severity: 'warning',
        message: 'The task pulls secrets or writes awslogs but names no execution role; registration works, the task will not start.',
        hint: 'set targets.ecs.executionRoleArn (the CloudFormation template creates one when it is not given)',
        path: ['targets', 'ecs'],
      });
    }
    return [{ path: 'ecs/task-definition.json', format: 'json', kind: 'ecs-task-definition', emitter: 'ecs:task-definition', documents: [td] }];
  },
});
