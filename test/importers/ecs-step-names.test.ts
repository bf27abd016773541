/**
 * A step scaling policy whose PolicyName is no name the spec takes (an existing stack's own names,
 * such as ServiceScaleOutPolicy) is imported under a name the spec takes, and the rename is said.
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

  it('imports a policy named outside the pattern under a valid name, says so, and the spec compiles', () => {
    const text = readFileSync(GOLDEN, 'utf8').replace('PolicyName: orders-worker-cpu-burst', 'PolicyName: ServiceScaleOutPolicy');
    expect(text).toContain('ServiceScaleOutPolicy');
    const r = importSpec('ecs', [{ file: 'service.cfn.yaml', content: text }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const steps = (r.specs[0]!.object as { autoscaling: { steps: { name?: string }[] } }).autoscaling.steps;
    expect(steps.map((s) => s.name)).toContain('service-scale-out-policy');
    const said = r.diagnostics.filter((d) => d.code === 'IMPORT_VALUE_CHANGED').map(formatDiagnostic);
    expect(said).toContainEqual(expect.stringMatching(/PolicyName ServiceScaleOutPolicy is not a name codegen writes.*becomes orders-worker-service-scale-out-policy/));
    const out = compile(r.specs[0]!.text, { file: 'orders-worker.yaml', targets: ['ecs'] });
    expect(out.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const template = out.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content;
    expect(template).toContain('PolicyName: orders-worker-service-scale-out-policy');
  });
});
