/**
 * Fargate accepts only listed CPU/memory pairs (src/data/fargate.ts). The core already rejects an
 * invalid explicit ECS size; this rule adds what depends on the platform: Windows tasks need at
 * least 1 vCPU, 8 and 16 vCPU need platform version 1.4.0 or later, and Copilot (always Fargate)
 * gets the same size check. Messages name the nearest valid sizes.
 */
import { FARGATE_SIZES, isFargateSize, nearestFargateSizes, type FargateSize } from '../data/fargate.js';
import { createRule } from './create-rule.js';
import { existingPath } from './utils/spec.js';

export type MessageIds = 'invalidSize' | 'windowsSize' | 'platformVersion';

const list = (sizes: FargateSize[]) => sizes.map((s) => `${s.cpu}/${s.memory}`).join(', ');

function compareVersion(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

export default createRule<MessageIds>({
  id: 'valid-fargate-size',
  meta: {
    type: 'problem',
    docs: { description: 'Require a Fargate task size valid for the platform (Windows minimum, platform version for 8/16 vCPU).', recommended: true },
    defaultSeverity: 'error',
    messages: {
      invalidSize: '{{cpu}} CPU units with {{memory}} MiB is not a Fargate task size; nearest valid sizes: {{nearest}}.',
      windowsSize: 'Windows tasks on Fargate need at least 1 vCPU; {{cpu}}/{{memory}} is not a Windows size; nearest valid sizes: {{nearest}}.',
      platformVersion: '{{cpu}} CPU units need Fargate platform version 1.4.0 or later, not {{version}}.',
    },
  },
  check(ctx) {
    for (const target of ctx.targets) {
      if (target !== 'ecs' && target !== 'copilot') continue;
      const spec = ctx.view(target);
      const ecs = spec.targets?.ecs ?? {};
      if (target === 'ecs' && (ecs.launchType ?? 'FARGATE') !== 'FARGATE') continue;
      const { cpu, memory, source } = ctx.model(target).taskSize;
      const path = ecs.cpu !== undefined ? ['targets', 'ecs', 'cpu'] : ecs.memory !== undefined ? ['targets', 'ecs', 'memory'] : existingPath(spec, ['resources', 'limits']);
      const data = { cpu, memory };
      // The core reports an invalid explicit ECS size (FARGATE_INVALID_SIZE); Copilot gets it here.
      if (!isFargateSize(cpu, memory)) {
        if (target === 'copilot' && source === 'explicit') ctx.report({ messageId: 'invalidSize', path, target, data: { ...data, nearest: list(nearestFargateSizes(cpu, memory)) } });
        continue;
      }
      if (target === 'ecs' && ecs.operatingSystem?.startsWith('WINDOWS')) {
        const windowsCpu = new Set(FARGATE_SIZES.filter((s) => s.windows).map((s) => s.cpu));
        if (!windowsCpu.has(cpu)) {
          const nearest = nearestFargateSizes(cpu, memory, 200).filter((s) => windowsCpu.has(s.cpu)).slice(0, 3);
          ctx.report({ messageId: 'windowsSize', path, target, data: { ...data, nearest: list(nearest) } });
        }
      }
      const version = ecs.platformVersion;
      if (target === 'ecs' && cpu >= 8192 && version !== undefined && version !== 'LATEST' && compareVersion(version, '1.4.0') < 0) {
        ctx.report({ messageId: 'platformVersion', path: ['targets', 'ecs', 'platformVersion'], target, data: { cpu, version } });
      }
    }
  },
});
