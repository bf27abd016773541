/**
 * `autoscaling.steps[].logicalIds`: a step scaling policy and its alarm keep the logical IDs a
 * running stack gives them (adopting it without replacement), references follow, the usual
 * checks apply at the step's path, and the ECS importer reads IDs other than codegen's back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const SPEC = readFileSync(join(__dirname, '..', '..', 'fixtures', 'step-scaling', 'service.yaml'), 'utf8');
const withIds = (ids: string) => SPEC.replace('    - name: cpu-burst\n', `    - name: cpu-burst\n      logicalIds: ${ids}\n`);
const template = (text: string) => {
  const r = compile(text, { file: 'service.yaml', targets: ['ecs'] });
  const file = r.files.find((f) => f.path.endsWith('service.cfn.yaml'));
  return { r, text: file?.content ?? '', doc: parse(file?.content ?? '{}') as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> } };
};

describe('step scaling logical IDs', () => {
  it('the policy and the alarm take the given IDs and the alarm acts on the renamed policy', () => {
    expect(SPEC).toContain('    - name: cpu-burst\n');
    const { r, doc } = template(withIds('{ policy: ServiceScaleOutPolicy, alarm: CPUScaleOutAlarm }'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.keys(doc.Resources)).not.toContain('StepCpuBurstPolicy');
    expect(Object.keys(doc.Resources)).not.toContain('StepCpuBurstAlarm');
    expect(doc.Resources.ServiceScaleOutPolicy!.Type).toBe('AWS::ApplicationAutoScaling::ScalingPolicy');
    expect(doc.Resources.CPUScaleOutAlarm!.Properties.AlarmActions).toEqual([{ Ref: 'ServiceScaleOutPolicy' }]);
    // The other step keeps codegen's IDs.
    expect(doc.Resources.StepQueueDrainedPolicy!.Type).toBe('AWS::ApplicationAutoScaling::ScalingPolicy');
  });

  it('an ID another resource has is an error at the step\'s own path', () => {
    const { r } = template(withIds('{ alarm: ScalableTarget }'));
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['CFN_LOGICAL_ID_TAKEN autoscaling.steps.0.logicalIds.alarm']);
  });

  it('codegen import ecs gives back the IDs that differ from codegen\'s, and the spec regenerates the same template', () => {
    const first = template(withIds('{ policy: ServiceScaleOutPolicy }'));
    const back = importSpec('ecs', [{ file: 'service.cfn.yaml', content: first.text }]);
    const steps = (back.specs[0]!.object as { autoscaling: { steps: Record<string, unknown>[] } }).autoscaling.steps;
    expect(steps[0]).toMatchObject({ name: 'cpu-burst', logicalIds: { policy: 'ServiceScaleOutPolicy' } });
    expect(steps[1]!.logicalIds).toBeUndefined();
    const again = compile(back.specs[0]!.text, { file: 'service.yaml', targets: ['ecs'] });
    expect(again.files.find((f) => f.path.endsWith('service.cfn.yaml'))?.content).toBe(first.text);
  });
});
