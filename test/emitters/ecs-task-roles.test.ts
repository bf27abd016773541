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

function taskDef(spec: Record<string, unknown>) {
  const r = compile({ ...base, ...spec }, { targets: ['ecs'] });
  const td = r.artifacts.find((a) => a.emitter === 'ecs:task-definition')?.documents?.[0] as Record<string, unknown> | undefined;
  return { td, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

describe('task definition launch types and sizes', () => {
  it('names the launch type by default, several on request, none with an empty list', () => {
    expect(taskDef({ targets: { ecs: {} } }).td?.requiresCompatibilities).toEqual(['FARGATE']);
    expect(taskDef({ targets: { ecs: { requiresCompatibilities: ['EC2', 'FARGATE'] } } }).td?.requiresCompatibilities).toEqual(['EC2', 'FARGATE']);
    const none = taskDef({ targets: { ecs: { requiresCompatibilities: [] } } });
    expect(none.errors).toEqual([]);
    expect(none.td).not.toHaveProperty('requiresCompatibilities');
  });

  it('refuses a list without the launch type the service runs it with', () => {
    const { errors } = taskDef({ targets: { ecs: { requiresCompatibilities: ['EC2'] } } });
    expect(errors.map((e) => e.code)).toEqual(['ECS_LAUNCH_TYPE_NOT_COMPATIBLE']);
  });

  it('writes a task size on EC2 only where the spec gives one', () => {
    const ec2 = { launchType: 'EC2', networkMode: 'bridge' };
    const cpuOnly = taskDef({ targets: { ecs: { ...ec2, cpu: 1024 } } }).td!;
    expect(cpuOnly.cpu).toBe('1024');
    expect(cpuOnly).not.toHaveProperty('memory');
    const memOnly = taskDef({ targets: { ecs: { ...ec2, memory: '2 GB' } } }).td!;
    expect(memOnly.memory).toBe('2048');
    expect(memOnly).not.toHaveProperty('cpu');
    const fromContainers = taskDef({ resources: { limits: { memory: '768Mi' } }, targets: { ecs: { ...ec2, cpu: '0.5 vCPU' } } }).td!;
    expect([fromContainers.cpu, fromContainers.memory]).toEqual(['512', '768']);
    // Fargate needs both: the memory comes from the smallest valid size for the cpu.
    const fargate = taskDef({ targets: { ecs: { cpu: 1024 } } }).td!;
    expect([fargate.cpu, fargate.memory]).toEqual(['1024', '2048']);
  });
});

describe('roles the template creates', () => {
  function template(spec: Record<string, unknown>) {
    const r = compile({ ...base, ...spec }, { targets: ['ecs'] });
    const t = r.artifacts.find((a) => a.emitter === 'ecs:service')?.documents?.[0] as { Resources: Record<string, { Properties: Record<string, unknown> }> } | undefined;
    return { t, diagnostics: r.diagnostics };
  }

  it('scopes the execution role by default and attaches AWS\'s managed policy on request, keeping secret reads scoped', () => {
    const scoped = template({ secrets: SECRET, targets: { ecs: {} } }).t!.Resources.ExecutionRole!.Properties;
    expect(scoped).not.toHaveProperty('ManagedPolicyArns');
    expect(JSON.stringify(scoped.Policies)).toContain('WriteLogs');
    const managed = template({ secrets: SECRET, targets: { ecs: { executionRole: { awsManagedPolicy: true } } } }).t!.Resources.ExecutionRole!.Properties;
    expect(managed.ManagedPolicyArns).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }]);
    expect(JSON.stringify(managed.Policies)).not.toContain('WriteLogs');
    expect(JSON.stringify(managed.Policies)).toContain('ssm:GetParameters');
  });

  it('creates a task role with the managed policies asked for, and says the JSON has none', () => {
    const { t, diagnostics } = template({ targets: { ecs: { taskRole: { managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] } } } });
    expect(t!.Resources.TaskRole!.Properties.ManagedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    expect(diagnostics.map((d) => d.code)).toContain('ECS_TASK_ROLE_TEMPLATE_ONLY');
  });

  it('refuses a role given by ARN and described for creation at once', () => {
    const { diagnostics } = template({ targets: { ecs: { taskRoleArn: 'arn:aws:iam::123456789012:role/app', taskRole: { managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] } } } });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['ECS_ROLE_GIVEN_TWICE']);
  });
});
