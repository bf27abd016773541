/**
 * CPU in ECS units: `N units` is exact on ECS; millicores become ceil(m × 1024 / 1000) units and
 * the rounding is reported where ECS shows it; units become whole millicores on Kubernetes. EC2
 * task memory takes what ECS takes (any value, at least the 6 MiB Docker gives a container).
 * Values checked against the ECS API reference (ContainerDefinition cpu: 1024 units per vCPU;
 * TaskDefinition memory: on EC2 "any value can be used"; ContainerDefinition memory: Docker 20.10
 * and later reserves at least 6 MiB for a container).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { cpuUnitsToMillis, millisToCpuUnits, parseCpuUnits } from '../../src/core/units.js';

const base = { apiVersion: 'codegen/v1', name: 'svc', region: 'eu-west-1', image: 'public.ecr.aws/nginx/nginx:1.27.3' };
const ec2 = { launchType: 'EC2', networkMode: 'bridge', containerResources: true, executionRoleArn: 'arn:aws:iam::123456789012:role/exec' };

function build(spec: Record<string, unknown>, targets = ['ecs']) {
  const r = compile({ ...base, ...spec }, { targets });
  const td = r.artifacts.find((a) => a.emitter === 'ecs:task-definition')?.documents?.[0] as { cpu?: string; memory?: string; containerDefinitions: { cpu?: number }[] } | undefined;
  const deployment = r.artifacts.find((a) => a.path.endsWith('deployment.yaml'))?.documents?.[0] as { spec: { template: { spec: { containers: { resources?: { limits?: { cpu?: string } } }[] } } } } | undefined;
  return { r, td, deployment, codes: r.diagnostics.map((d) => d.code) };
}

describe('units', () => {
  it('converts millicores to units rounding up, and back', () => {
    expect(millisToCpuUnits(250)).toBe(256);
    expect(millisToCpuUnits(100)).toBe(103);
    expect(millisToCpuUnits(10)).toBe(11);
    expect(cpuUnitsToMillis(10)).toBe(10);
    expect(cpuUnitsToMillis(256)).toBe(250);
    expect(cpuUnitsToMillis(16)).toBe(16);
    expect(parseCpuUnits('10 units')).toBe(10);
    expect(parseCpuUnits('10m')).toBeUndefined();
  });
});

describe('CPU written in ECS units', () => {
  it('writes exactly 10 units on ECS, which no millicore value gives (10m is 11 units)', () => {
    const exact = build({ resources: { limits: { cpu: '10 units', memory: '200Mi' } }, targets: { ecs: ec2 } });
    expect(exact.td?.containerDefinitions[0]?.cpu).toBe(10);
    expect(exact.codes).not.toContain('ECS_CPU_UNITS_ROUNDED');
    const millis = build({ resources: { limits: { cpu: '10m', memory: '200Mi' } }, targets: { ecs: ec2 } });
    expect(millis.td?.containerDefinitions[0]?.cpu).toBe(11);
    const info = millis.r.diagnostics.find((d) => d.code === 'ECS_CPU_UNITS_ROUNDED');
    expect(info?.severity).toBe('info');
    expect(info?.message).toContain('10.24 ECS CPU units');
    expect(info?.path).toEqual(['resources', 'limits', 'cpu']);
  });

  it('says nothing when millicores are whole units (250m = 256) or when ECS never shows the container value (Fargate without container sizes)', () => {
    expect(build({ resources: { limits: { cpu: '250m', memory: '512Mi' } }, targets: { ecs: ec2 } }).codes).not.toContain('ECS_CPU_UNITS_ROUNDED');
    expect(build({ resources: { limits: { cpu: '100m', memory: '512Mi' } }, targets: { ecs: {} } }).codes).not.toContain('ECS_CPU_UNITS_ROUNDED');
  });

  it('sums units into the EC2 task cpu and compares requests with limits in units', () => {
    const r = build({ resources: { limits: { cpu: '300 units', memory: '256Mi' } }, sidecars: { agent: { image: 'public.ecr.aws/x/agent:1', resources: { limits: { cpu: '20 units', memory: '64Mi' } } } }, targets: { ecs: ec2 } });
    expect(r.td?.cpu).toBe('320');
    expect(r.td?.containerDefinitions.map((c) => c.cpu)).toEqual([300, 20]);
    expect(build({ resources: { requests: { cpu: '11 units' }, limits: { cpu: '10m' } }, targets: { ecs: ec2 } }).codes).not.toContain('REQUEST_EXCEEDS_LIMIT');
    expect(build({ resources: { requests: { cpu: '12 units' }, limits: { cpu: '10m' } }, targets: { ecs: ec2 } }).codes).toContain('REQUEST_EXCEEDS_LIMIT');
  });

  it('gives Kubernetes whole millicores, rounded up and reported when not exact', () => {
    const r = build({ resources: { limits: { cpu: '100 units', memory: '128Mi' } }, targets: { kubernetes: {} } }, ['kubernetes']);
    expect(r.deployment?.spec.template.spec.containers[0]?.resources?.limits?.cpu).toBe('98m');
    expect(r.r.diagnostics.find((d) => d.code === 'K8S_CPU_ROUNDED')?.message).toContain('97.656 millicores');
    expect(build({ resources: { limits: { cpu: '256 units' } }, targets: { kubernetes: {} } }, ['kubernetes']).codes).not.toContain('K8S_CPU_ROUNDED');
  });

  it('is refused in any other spelling', () => {
    for (const cpu of ['10units', '0 units', '1.5 units', '10 Units']) {
      expect(build({ resources: { limits: { cpu } } }).r.diagnostics.some((d) => d.severity === 'error'), cpu).toBe(true);
    }
  });
});

describe('EC2 task memory', () => {
  it('takes a task memory below 128 MiB, as ECS does on EC2, and reads it back from a one-container task', () => {
    const r = build({ resources: { limits: { cpu: '16 units', memory: '32Mi' } }, targets: { ecs: ec2 } });
    expect(r.td?.memory).toBe('32');
    const explicit = build({ targets: { ecs: { ...ec2, memory: 32 } } });
    expect(explicit.r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(explicit.td?.memory).toBe('32');
  });

  it('refuses less than the 6 MiB a container needs, given or derived', () => {
    expect(build({ targets: { ecs: { ...ec2, memory: 5 } } }).r.diagnostics.some((d) => d.severity === 'error' && d.path.join('.') === 'targets.ecs.memory')).toBe(true);
    expect(build({ resources: { limits: { memory: '4Mi' } }, targets: { ecs: ec2 } }).codes).toContain('EC2_TASK_MEMORY_TOO_SMALL');
  });

  it('still holds Fargate to its sizes', () => {
    expect(build({ targets: { ecs: { cpu: 256, memory: 32 } } }).codes).toContain('FARGATE_INVALID_SIZE');
  });
});
