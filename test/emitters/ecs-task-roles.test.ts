/** The ECS task's roles: when task-definition.json needs an execution role, and what the template creates. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
};
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:1.0.0';
const SECRET = { DB: { aws: { ssm: '/svc/db' } } };

function roleWarning(spec: Record<string, unknown>) {
  const r = compile({ ...base, ...spec }, { targets: ['ecs'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.diagnostics.find((d) => d.code === 'ECS_EXECUTION_ROLE_MISSING');
}

describe('ECS_EXECUTION_ROLE_MISSING', () => {
  it('names what the role is for on Fargate: awslogs and private ECR pulls', () => {
    const d = roleWarning({ image: ECR, targets: { ecs: {} } });
    expect(d?.message).toContain('needs to pull its images from private ECR and write its awslogs logs: registered from this file, the task will not start');
    expect(d?.message).toContain('The service template creates its own execution role');
  });

  it('is silent on EC2 without secrets (the container instance role pulls images and writes logs)', () => {
    expect(roleWarning({ image: ECR, targets: { ecs: { launchType: 'EC2', networkMode: 'bridge' } } })).toBeUndefined();
  });

  it('speaks up on EC2 when a container reads secrets, sidecars included', () => {
    const d = roleWarning({ sidecars: { agent: { image: 'public.ecr.aws/x/agent:1', secrets: SECRET } }, targets: { ecs: { launchType: 'EC2', networkMode: 'bridge' } } });
    expect(d?.message).toContain('needs to read its secrets:');
  });

  it('is silent when the spec names the role', () => {
    expect(roleWarning({ image: ECR, secrets: SECRET, targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' } } })).toBeUndefined();
  });
});
