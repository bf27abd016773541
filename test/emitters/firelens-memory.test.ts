/**
 * `logging.firelens.memoryReservation`: the log router's own memory reservation (ECS container
 * `memoryReservation`, in MiB), an error when it leaves nothing of the task's memory, and a warning
 * naming Copilot, which sizes the router it adds itself.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';

const spec = (reservation: string, extra = ''): string => `apiVersion: codegen/v1
name: web
image: nginx:1.27.3
region: eu-west-1
${extra}logging:
  driver: firelens
  firelens:
    memoryReservation: ${reservation}
targets:
  ecs: {}
  copilot: {}
`;

type Task = { containerDefinitions: { name: string; memoryReservation?: number }[] };

describe('FireLens log router memory reservation', () => {
  it('writes the router memoryReservation in MiB on ECS, and says Copilot does not take it', () => {
    const r = compile(spec('0.05Gi'), { file: 'service.yaml', targets: ['ecs', 'copilot'] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const task = r.artifacts.find((a) => a.path.endsWith('task-definition.json'))!.documents![0] as Task;
    // 0.05 GiB = 51.2 MiB, rounded up to whole MiB.
    expect(task.containerDefinitions.find((c) => c.name === 'log_router')?.memoryReservation).toBe(52);
    expect(task.containerDefinitions.find((c) => c.name !== 'log_router')?.memoryReservation).toBeUndefined();
    const copilot = r.diagnostics.find((d) => d.code === 'COPILOT_FIRELENS_MEMORY');
    expect(copilot?.message).toMatch(/Copilot/);
    expect(copilot?.path).toEqual(['logging', 'firelens', 'memoryReservation']);
  });

  it('refuses a reservation that fills the task', () => {
    const r = compile(spec('512Mi'), { file: 'service.yaml', targets: ['ecs'] });
    expect(r.diagnostics.find((d) => d.code === 'ECS_FIRELENS_SIZE')?.severity).toBe('error');
  });

  it('refuses a reservation without a unit (schema)', () => {
    const r = compile(spec('50'), { file: 'service.yaml', targets: ['ecs'] });
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.path?.join('.') === 'logging.firelens.memoryReservation')).toBe(true);
  });
});
