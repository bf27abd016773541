/**
 * The task role's EFS statements (EFS user guide, "Using IAM to control access to file systems":
 * ClientMount = read, ClientWrite = write, ClientRootAccess = root; condition key
 * elasticfilesystem:AccessPointArn), and the warning when the task role is given by ARN.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
  volumes: { data: { efs: { fileSystemId: 'fs-0a1b2c3d4e5f60718', iam: true } } },
  mounts: [{ volume: 'data', path: '/data' }],
};

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
function build(spec: Record<string, unknown>) {
  const r = compile({ ...base, ...spec }, { targets: ['ecs'] });
  const template = r.artifacts.find((a) => a.emitter === 'ecs:service')?.documents?.[0] as { Resources: Record<string, { Properties: { Policies?: { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[] } }> };
  const efs = template.Resources.TaskRole?.Properties.Policies?.find((p) => p.PolicyName === 'efs')?.PolicyDocument.Statement;
  return { r, template, efs, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}
const actions = (s: Statement | undefined) => [s?.Action ?? []].flat();

describe('EFS with IAM authorization', () => {
  it('gives a root container writing without an access point ClientMount, ClientWrite and ClientRootAccess on the file system', () => {
    const { efs, errors } = build({});
    expect(errors).toEqual([]);
    expect(actions(efs?.[0])).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess']);
    expect(efs?.[0]?.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/fs-0a1b2c3d4e5f60718' });
    expect(efs?.[0]?.Condition).toBeUndefined();
  });

  it('grants no root access to a non-root container, nor through an access point, nor for read-only mounts', () => {
    expect(actions(build({ security: { runAsUser: 1000 } }).efs?.[0])).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
    expect(actions(build({ user: 'nginx' }).efs?.[0])).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
    const ap = build({ volumes: { data: { efs: { fileSystemId: 'fs-0a1b2c3d4e5f60718', accessPointId: 'fsap-0123456789abcdef0', iam: true } } } }).efs?.[0];
    expect(actions(ap)).toEqual(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite']);
    expect(ap?.Condition).toEqual({ StringEquals: { 'elasticfilesystem:AccessPointArn': { 'Fn::Sub': 'arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:access-point/fsap-0123456789abcdef0' } } });
    expect(actions(build({ mounts: [{ volume: 'data', path: '/data', readOnly: true }] }).efs?.[0])).toEqual(['elasticfilesystem:ClientMount']);
  });

  it('creates no task role for EFS without IAM authorization', () => {
    const { template } = build({ volumes: { data: { efs: { fileSystemId: 'fs-0a1b2c3d4e5f60718' } } } });
    expect(template.Resources.TaskRole).toBeUndefined();
  });

  it('warns that a task role given by ARN cannot be checked, naming what it needs', () => {
    const { r, template } = build({ targets: { ecs: { taskRoleArn: 'arn:aws:iam::123456789012:role/app' } } });
    expect(template.Resources.TaskRole).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'ECS_EFS_IAM_TASK_ROLE_UNCHECKED');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('elasticfilesystem:ClientMount/ClientWrite/ClientRootAccess on file system fs-0a1b2c3d4e5f60718');
    expect(d?.path).toEqual(['volumes', 'data', 'efs', 'iam']);
    expect(r.diagnostics.some((x) => x.code === 'ECS_EFS_IAM_TASK_ROLE')).toBe(false);
  });
});
