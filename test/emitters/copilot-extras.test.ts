/** Copilot extras (env_file, Fargate Spot, publish topics, security groups and subnets) and rollback alarms on every target. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import type { JsonObject } from '../../src/core/serialize.js';

type Obj = Record<string, any>;

const spec = (copilot: object, extra: object = {}) => ({
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'us-east-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
  ...extra,
  targets: { copilot: { acknowledgeDeprecation: true, ...copilot } },
});

function manifest(s: object) {
  const r = compile(s, { targets: ['copilot'] });
  const file = r.files.find((f) => f.path.endsWith('manifest.yml'));
  return { m: file ? (parse(file.content) as Obj) : undefined, diagnostics: r.diagnostics };
}

describe('Copilot extras', () => {
  it('runs every task on Fargate Spot with spotFrom 1 and a fixed count (count.spot)', () => {
    expect(manifest(spec({ spotFrom: 1 }, { replicas: 3 })).m!.count).toEqual({ spot: 3 });
  });

  it('says a later Spot start cannot be written without autoscaling', () => {
    const { m, diagnostics } = manifest(spec({ spotFrom: 2 }, { replicas: 3 }));
    expect(m!.count).toBe(3);
    expect(diagnostics.find((d) => d.code === 'COPILOT_SPOT_FROM_FIXED_COUNT')?.severity).toBe('warning');
  });

  it('writes the security groups as a list, or as a map with deny_default', () => {
    expect(manifest(spec({ securityGroups: ['sg-0a1b2c3d'] })).m!.network).toEqual({ vpc: { security_groups: ['sg-0a1b2c3d'] } });
    expect(manifest(spec({ denyDefaultSecurityGroup: true })).m!.network).toEqual({ vpc: { security_groups: { deny_default: true } } });
  });

  it('refuses placement and subnets together', () => {
    const { diagnostics } = manifest(spec({ placement: 'private', subnets: ['subnet-0a1b2c3d'] }));
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['COPILOT_PLACEMENT_TWICE']);
  });

  it('writes a FIFO topic as fifo: true', () => {
    expect(manifest(spec({ publish: [{ name: 'events', fifo: true }] })).m!.publish).toEqual({ topics: [{ name: 'events', fifo: true }] });
  });
});

describe('rollback alarms', () => {
  const alarms = { deployment: { rollbackAlarms: ['svc-5xx'] } };
  const ecs = { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' };

  function template(extra: object, ecsTarget: object = ecs) {
    const r = compile({ ...spec({}, extra), targets: { ecs: ecsTarget } }, { targets: ['ecs'] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return r.artifacts.find((a) => a.emitter === 'ecs:service')!.documents![0] as { Resources: Record<string, { Properties: JsonObject }> };
  }

  it('fail an ECS-controlled deployment and roll it back as rollbackOnFailure says', () => {
    const t = template({ ...alarms, deployment: { ...alarms.deployment, rollbackOnFailure: false } });
    expect(t.Resources.ECSService!.Properties.DeploymentConfiguration).toMatchObject({ Alarms: { AlarmNames: ['svc-5xx'], Enable: true, Rollback: false } });
  });

  it('stop a CodeDeploy deployment and roll it back', () => {
    const t = template({ deployment: { strategy: 'blue-green', rollbackAlarms: ['svc-5xx'] }, expose: { hosts: ['a.example.com'] } }, { ...ecs, controller: 'CODE_DEPLOY' });
    const g = t.Resources.CodeDeployDeploymentGroup!.Properties;
    expect(g.AlarmConfiguration).toEqual({ Enabled: true, Alarms: [{ Name: 'svc-5xx' }] });
    expect(g.AutoRollbackConfiguration).toEqual({ Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', 'DEPLOYMENT_STOP_ON_ALARM'] });
  });

  it('are reported on Kubernetes, which has no form for them', () => {
    const r = compile({ ...spec({}, alarms), targets: { kubernetes: {} } }, { targets: ['kubernetes'] });
    const d = r.diagnostics.find((x) => x.code === 'no-unrepresentable-fields');
    expect(d?.path).toEqual(['deployment', 'rollbackAlarms']);
    expect(d?.message).toContain('Target kubernetes cannot represent this field');
  });
});
