/**
 * A step scaling policy whose PolicyName is no name the spec takes (an existing stack's own names,
 * such as ServiceScaleOutPolicy) is imported as the step's policyName, and the step's name (which
 * must be a lowercase label) is derived from it; generated again, the policy keeps its name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { importSpec } from '../../src/importers/index.js';
import { stepLabel } from '../../src/importers/ecs/scaling.js';

const GOLDEN = join(__dirname, '..', '..', 'fixtures', 'step-scaling', 'expected', 'orders-worker', 'ecs', 'service.cfn.yaml');

describe('ECS import: step scaling policy names', () => {
  it('makes a lowercase label of at most 32 characters', () => {
    expect(stepLabel('ServiceScaleOutPolicy')).toBe('service-scale-out-policy');
    expect(stepLabel('CPU_Alarm--High')).toBe('cpu-alarm-high');
    expect(stepLabel('A'.repeat(40))).toBe('a'.repeat(32));
    expect(stepLabel('___')).toBe('');
  });

  it('imports a policy named outside the pattern as policyName with a label for its name, and generates the same PolicyName', () => {
    const text = readFileSync(GOLDEN, 'utf8').replace('PolicyName: orders-worker-cpu-burst', 'PolicyName: ServiceScaleOutPolicy');
    expect(text).toContain('ServiceScaleOutPolicy');
    const r = importSpec('ecs', [{ file: 'service.cfn.yaml', content: text }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const steps = (r.specs[0]!.object as { autoscaling: { steps: { name?: string; policyName?: string }[] } }).autoscaling.steps;
    // The step's name comes from codegen's logical ID (StepCpuBurstPolicy), the policy keeps its own.
    expect(steps).toContainEqual(expect.objectContaining({ name: 'cpu-burst', policyName: 'ServiceScaleOutPolicy' }));
    expect(r.diagnostics.filter((d) => d.code === 'IMPORT_VALUE_CHANGED' && /PolicyName/.test(d.message))).toEqual([]);
    const out = compile(r.specs[0]!.text, { file: 'orders-worker.yaml', targets: ['ecs'] });
    expect(out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const template = out.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content;
    expect(template).toContain('PolicyName: ServiceScaleOutPolicy');
    expect(template).toContain('StepCpuBurstPolicy:');
  });

  it('refuses two steps with the same policyName', () => {
    const spec = readFileSync(join(__dirname, '..', '..', 'fixtures', 'step-scaling', 'service.yaml'), 'utf8');
    const twice = spec.replace(/^(\s*)- name: (cpu-burst|queue-drained)$/gm, '$1- name: $2\n$1  policyName: Shared');
    expect(twice.match(/policyName: Shared/g)?.length).toBeGreaterThan(1);
    const out = compile(twice, { file: 'service.yaml', targets: ['ecs'] });
    expect(out.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/AUTOSCALING_DUPLICATE_NAME.*PolicyName Shared/));
  });
});
