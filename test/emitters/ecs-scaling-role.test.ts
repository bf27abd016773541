/**
 * Two step-scaling details real templates set (the ECS reference architecture's website service):
 * the scalable target's RoleARN (an existing Application Auto Scaling role; without it the
 * service-linked role is used, AWS::ApplicationAutoScaling::ScalableTarget RoleARN) and an alarm
 * description of one's own. Both read back by the ECS importer.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

type Obj = Record<string, any>;

const STEP = { name: 'scale-out', metric: 'cpu', comparison: '>', threshold: 90, steps: [{ from: 90, change: 1 }] };
const spec = (extra: Obj, service: Obj = {}): Obj => ({
  apiVersion: 'codegen/v1',
  name: 'website',
  region: 'us-east-1',
  image: 'registry.example.com/website:1.0.0',
  parameters: { ScalingRole: { description: 'Application Auto Scaling role.' } },
  ...extra,
  targets: { ecs: { taskDefinitionJson: false, service } },
});

const template = (r: ReturnType<typeof compile>) => parse(r.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content) as Obj;
const errors = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.severity === 'error');

describe('ECS scaling: an existing role, an alarm description', () => {
  it('writes RoleARN (a parameter here) and the description, and reads both back', () => {
    const r = compile(spec({ autoscaling: { min: 2, max: 3, steps: [{ ...STEP, description: 'Alarm if cpu utilization greater than 90% of reserved cpu' }] } }, { autoscalingRoleArn: '${ScalingRole}' }));
    expect(errors(r)).toEqual([]);
    const t = template(r);
    expect(t.Resources.ScalableTarget.Properties.RoleARN).toEqual({ Ref: 'ScalingRole' });
    expect(t.Parameters.ScalingRole).toEqual({ Type: 'String', Description: 'Application Auto Scaling role.' });
    const alarm = Object.values(t.Resources as Obj).find((x: Obj) => x.Type === 'AWS::CloudWatch::Alarm') as Obj;
    expect(alarm.Properties.AlarmDescription).toBe('Alarm if cpu utilization greater than 90% of reserved cpu');
    const imported = parse(importSpec('ecs', [{ file: 'service.cfn.yaml', content: r.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content }]).specs[0]!.text) as Obj;
    expect(imported.targets.ecs.service.autoscalingRoleArn).toBe('${ScalingRole}');
    expect(imported.autoscaling.steps[0].description).toBe('Alarm if cpu utilization greater than 90% of reserved cpu');
  });

  it('without them: no RoleARN (the service-linked role), codegen\'s description, which the importer leaves out', () => {
    const r = compile(spec({ autoscaling: { min: 2, max: 3, steps: [STEP] } }));
    const t = template(r);
    expect(t.Resources.ScalableTarget.Properties.RoleARN).toBeUndefined();
    const content = r.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content;
    const imported = parse(importSpec('ecs', [{ file: 'service.cfn.yaml', content }]).specs[0]!.text) as Obj;
    expect(imported.autoscaling.steps[0].description).toBeUndefined();
  });

  it('a role without autoscaling is reported, not written', () => {
    const r = compile(spec({ replicas: 2 }, { autoscalingRoleArn: 'arn:aws:iam::123456789012:role/ecsAutoscaleRole' }));
    expect(r.diagnostics.find((d) => d.code === 'ECS_AUTOSCALING_ROLE_UNUSED')?.path).toEqual(['targets', 'ecs', 'service', 'autoscalingRoleArn']);
    expect(template(r).Resources.ScalableTarget).toBeUndefined();
  });
});
