/**
 * Fargate task sizes (CPU units → valid memory MiB), as versioned data.
 * Source: Amazon ECS developer guide, "Task CPU and memory" (task-cpu-memory-error.html) and the
 * ECS API `TaskDefinition.memory` text. 8 and 16 vCPU need Linux platform version 1.4.0 or later.
 * The 32 vCPU tier is reported by cfn-lint PR #4668 but not yet confirmed in AWS docs, so it is
 * not offered here (a spec can still set it explicitly on EC2).
 */
export const FARGATE_TABLE_VERSION = '2025-06';

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: readonly number[]; windows: boolean }> = [
  { cpu: 256, memory: [512, 1024, 2048], windows: false },
  { cpu: 512, memory: range(1024, 4096, 1024), windows: false },
  { cpu: 1024, memory: range(2048, 8192, 1024), windows: true },
  { cpu: 2048, memory: range(4096, 16384, 1024), windows: true },
  { cpu: 4096, memory: range(8192, 30720, 1024), windows: true },
  { cpu: 8192, memory: range(16384, 61440, 4096), windows: false },
  { cpu: 16384, memory: range(32768, 122880, 8192), windows: false },
];

export interface FargateSize {
  cpu: number;
  memory: number;
}

/** True when (cpu, memory) is a valid Fargate task size. */
export function isFargateSize(cpu: number, memory: number): boolean {
  return FARGATE_SIZES.some((s) => s.cpu === cpu && s.memory.includes(memory));
}

/** The smallest valid Fargate size that holds `cpu` units and `memory` MiB (cpu first, then memory). */
export function smallestFargateSize(cpu: number, memory: number): FargateSize | undefined {
  for (const s of FARGATE_SIZES) {
    if (s.cpu < cpu) continue;
    const m = s.memory.find((v) => v >= memory);
    if (m !== undefined) return { cpu: s.cpu, memory: m };
  }
  return undefined;
}

/** Valid sizes nearest to an invalid pair, for "did you mean" messages. */
export function nearestFargateSizes(cpu: number, memory: number, count = 3): FargateSize[] {
  const all: FargateSize[] = FARGATE_SIZES.flatMap((s) => s.memory.map((m) => ({ cpu: s.cpu, memory: m })));
  const score = (s: FargateSize) => Math.abs(Math.log2(s.cpu / Math.max(cpu, 1))) * 2 + Math.abs(Math.log2(s.memory / Math.max(memory, 1)));
  return all
    .map((s) => ({ s, d: score(s) }))
    .sort((a, b) => a.d - b.d || a.s.cpu - b.s.cpu || a.s.memory - b.s.memory)
    .slice(0, count)
    .map((x) => x.s);
}
