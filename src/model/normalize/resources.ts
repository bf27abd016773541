/** Resources (requests and limits in CPU millis and MiB) and the ECS task size derived from them. */
import type { SpecPath } from '../../core/diagnostics.js';
import { cpuUnitsToMillis, millisToCpuUnits, parseCpuMillis, parseCpuUnits, parseGb, parseMemory, parseVcpu } from '../../core/units.js';
import { isFargateSize, nearestFargateSizes, smallestFargateSize } from '../../data/fargate.js';
import type { Resources } from '../../schema/spec.generated.js';
import type { Amounts, ContainerModel, ResourcesModel, ServiceModel, TargetName, TaskSizeModel } from '../types.js';
import type { Report } from './common.js';

function normalizeAmounts(a: { cpu?: string | number; memory?: string } | undefined, path: SpecPath, rep: Report): Amounts {
  const out: Amounts = {};
  if (!a) return out;
  const units = a.cpu !== undefined ? parseCpuUnits(a.cpu) : undefined;
  if (units !== undefined) {
    out.cpuUnits = units;
    out.cpuMillis = cpuUnitsToMillis(units);
    out.cpu = `${out.cpuMillis}m`;
  } else if (a.cpu !== undefined) {
    const m = parseCpuMillis(a.cpu);
    if (m === undefined || m <= 0) rep({ code: 'INVALID_CPU', severity: 'error', message: `CPU ${JSON.stringify(a.cpu)} is not a positive amount.`, path: [...path, 'cpu'] });
    else {
      out.cpuMillis = m;
      out.cpu = typeof a.cpu === 'number' ? String(a.cpu) : a.cpu;
    }
  }
  if (a.memory !== undefined) {
    const m = parseMemory(a.memory);
    if (!m || m.mib <= 0) rep({ code: 'INVALID_MEMORY', severity: 'error', message: `Memory ${JSON.stringify(a.memory)} is not a positive amount.`, path: [...path, 'memory'] });
    else {
      if (m.decimal) {
        rep({
          code: 'MEMORY_DECIMAL_UNIT',
          severity: 'warning',
          message: `Memory "${a.memory}" uses a decimal unit (${m.mib} MiB after rounding up).`,
          hint: `write "${a.memory.replace(/([KMGT])$/, '$1i')}" if binary units were meant`,
          path: [...path, 'memory'],
        });
      } else if (m.bytes) {
        rep({ code: 'MEMORY_BYTES', severity: 'warning', message: `Memory "${a.memory}" has no unit, so it is read as bytes (${m.mib} MiB).`, hint: 'add a unit such as Mi or Gi', path: [...path, 'memory'] });
      }
      out.memoryMiB = m.mib;
      out.memory = a.memory;
    }
  }
  return out;
}

export function normalizeResources(r: Resources | undefined, path: SpecPath, rep: Report): ResourcesModel {
  const requests = normalizeAmounts(r?.requests, [...path, 'requests'], rep);
  const limits = normalizeAmounts(r?.limits, [...path, 'limits'], rep);
  // Compared in ECS units when either side is written in units, else in millicores.
  const inUnits = requests.cpuUnits !== undefined || limits.cpuUnits !== undefined;
  const [req, lim] = inUnits ? [ecsCpuUnits(requests), ecsCpuUnits(limits)] : [requests.cpuMillis, limits.cpuMillis];
  if (req !== undefined && lim !== undefined && req > lim) {
    rep({ code: 'REQUEST_EXCEEDS_LIMIT', severity: 'error', message: `CPU request ${requests.cpu} is greater than the limit ${limits.cpu}.`, path: [...path, 'requests', 'cpu'] });
  }
  if (requests.memoryMiB !== undefined && limits.memoryMiB !== undefined && requests.memoryMiB > limits.memoryMiB) {
    rep({ code: 'REQUEST_EXCEEDS_LIMIT', severity: 'error', message: `Memory request ${requests.memory} is greater than the limit ${limits.memory}.`, path: [...path, 'requests', 'memory'] });
  }
  return { requests, limits };
}

/** ECS CPU units of an amount: as written (`10 units`), else millicores × 1024 / 1000 rounded up. */
export function ecsCpuUnits(a: Amounts): number | undefined {
  if (a.cpuUnits !== undefined) return a.cpuUnits;
  return a.cpuMillis !== undefined ? millisToCpuUnits(a.cpuMillis) : undefined;
}

/** The CPU amount a container's ECS cpu comes from: its limit, else its request. */
export function containerCpu(c: ContainerModel): { amounts: Amounts; kind: 'limits' | 'requests' } | undefined {
  if (c.resources.limits.cpuMillis !== undefined) return { amounts: c.resources.limits, kind: 'limits' };
  if (c.resources.requests.cpuMillis !== undefined) return { amounts: c.resources.requests, kind: 'requests' };
  return undefined;
}

/**
 * Where ECS shows a container's CPU in units (container-level cpu, or an EC2 task cpu summed from
 * the containers), millicores that are no whole number of units are rounded up: an info names the
 * exact value and the `N units` notation that avoids it.
 */
function reportCpuRounding(m: ServiceModel, rep: Report): void {
  const ecs = m.targets.ecs;
  const ec2Sum = (ecs.launchType ?? 'FARGATE') !== 'FARGATE' && ecs.cpu === undefined;
  if (!ecs.containerResources && !ec2Sum) return;
  for (const c of m.containers) {
    const src = containerCpu(c);
    if (!src || src.amounts.cpuUnits !== undefined) continue;
    const exact = (src.amounts.cpuMillis! * 1024) / 1000;
    const units = millisToCpuUnits(src.amounts.cpuMillis!);
    if (units === exact) continue;
    rep({
      code: 'ECS_CPU_UNITS_ROUNDED',
      severity: 'info',
      message: `CPU ${src.amounts.cpu} is ${Number(exact.toFixed(3))} ECS CPU units (1024 per core); ECS takes whole units, so it was rounded up to ${units}.`,
      hint: `write "${units} units" (or "${Math.floor(exact)} units") to state the ECS value exactly`,
      path: [...c.path, 'resources', src.kind, 'cpu'],
    });
  }
}

/** Kubernetes takes whole millicores: `N units` that are not a whole number of millicores are rounded up (info). */
export function reportKubernetesCpu(containers: readonly ContainerModel[], rep: Report): void {
  for (const c of containers) {
    for (const kind of ['requests', 'limits'] as const) {
      const a = c.resources[kind];
      if (a.cpuUnits === undefined || (a.cpuUnits * 1000) % 1024 === 0) continue;
      rep({
        code: 'K8S_CPU_ROUNDED',
        severity: 'info',
        message: `${a.cpuUnits} ECS CPU units are ${Number(((a.cpuUnits * 1000) / 1024).toFixed(3))} millicores; Kubernetes takes whole millicores, so the container gets ${a.cpu}.`,
        path: [...c.path, 'resources', kind, 'cpu'],
      });
    }
  }
}

/** ECS task size: explicit `targets.ecs.cpu/memory`, else the smallest Fargate size that holds the limits. */
export function taskSize(m: ServiceModel, target: TargetName, rep: Report): TaskSizeModel {
  const ecs = m.targets.ecs;
  const fargate = (ecs.launchType ?? 'FARGATE') === 'FARGATE';
  const report = target === 'ecs' ? rep : () => undefined;
  let cpu = 0;
  let mem = 0;
  let anyCpu = false;
  let anyMem = false;
  if (target === 'ecs') reportCpuRounding(m, rep);
  for (const c of m.containers) {
    const src = containerCpu(c);
    const cu = src ? ecsCpuUnits(src.amounts) : undefined;
    const mm = c.resources.limits.memoryMiB ?? c.resources.requests.memoryMiB;
    if (cu !== undefined) (cpu += cu), (anyCpu = true);
    if (mm !== undefined) (mem += mm), (anyMem = true);
  }
  const any = anyCpu || anyMem;
  if (ecs.cpu !== undefined || ecs.memory !== undefined) {
    const ecpu = ecs.cpu !== undefined ? parseVcpu(ecs.cpu) : undefined;
    const emem = ecs.memory !== undefined ? parseGb(ecs.memory) : undefined;
    if (!fargate) {
      // EC2: a task-level value only where the spec gives one (explicitly, or through the containers).
      const derived = ec2TaskSize(cpu, mem, anyCpu, anyMem, ecpu !== undefined ? () => undefined : report);
      if (ecpu !== undefined && (ecpu < EC2_TASK_CPU.min || ecpu > EC2_TASK_CPU.max)) {
        report({ code: 'EC2_TASK_CPU_RANGE', severity: 'error', message: `A task-level cpu on EC2 is ${EC2_TASK_CPU.min} to ${EC2_TASK_CPU.max} CPU units; ${ecpu} is outside it.`, path: ['targets', 'ecs', 'cpu'] });
      }
      const omit = { ...(ecpu === undefined && derived.omit?.cpu ? { cpu: true as const } : {}), ...(emem === undefined && derived.omit?.memory ? { memory: true as const } : {}) };
      return { cpu: ecpu ?? derived.cpu, memory: emem ?? derived.memory, source: 'explicit', ...(Object.keys(omit).length ? { omit } : {}) };
    }
    const size = { cpu: ecpu ?? smallestFargateSize(cpu, mem)?.cpu ?? 256, memory: emem ?? 0 };
    if (emem === undefined) size.memory = smallestFargateSize(size.cpu, mem)?.memory ?? 512;
    if (fargate && !isFargateSize(size.cpu, size.memory)) {
      const near = nearestFargateSizes(size.cpu, size.memory);
      report({
        code: 'FARGATE_INVALID_SIZE',
        severity: 'error',
        message: `${size.cpu} CPU units with ${size.memory} MiB is not a Fargate task size.`,
        hint: `nearest valid sizes: ${near.map((s) => `${s.cpu}/${s.memory}`).join(', ')}`,
        path: ['targets', 'ecs', ecs.cpu !== undefined ? 'cpu' : 'memory'],
      });
    }
    return { ...size, source: 'explicit' };
  }
  if (!any) return { cpu: 256, memory: 512, source: 'default' };
  if (!fargate) return ec2TaskSize(cpu, mem, anyCpu, anyMem, report);
  const size = smallestFargateSize(cpu, mem);
  if (!size) {
    report({ code: 'FARGATE_TOO_LARGE', severity: 'error', message: `No Fargate task size holds ${cpu} CPU units and ${mem} MiB.`, hint: 'the largest is 16384 CPU units with 122880 MiB', path: ['resources', 'limits'] });
    return { cpu: 16384, memory: 122880, source: 'derived' };
  }
  if (size.cpu !== cpu || size.memory !== mem) {
    report({
      code: 'FARGATE_SIZE_ROUNDED',
      severity: 'info',
      message: `The limits (${cpu} CPU units, ${mem} MiB) were rounded up to the Fargate task size ${size.cpu}/${size.memory}.`,
      path: ['resources', 'limits'],
    });
  }
  return { ...size, source: 'derived' };
}

/** ECS takes 128–196,608 CPU units for a task-level cpu on EC2 (and none at all is fine). */
export const EC2_TASK_CPU = { min: 128, max: 196608 } as const;

/**
 * ECS takes any task-level memory on EC2 (TaskDefinition `memory`), but Docker 20.10 and later
 * refuses a container under 6 MiB (ContainerDefinition `memory`): the least a task can run with.
 */
export const EC2_TASK_MEMORY_MIN = 6;

/**
 * EC2: the task-level cpu and memory are the containers' sums where a container sets them, and
 * left out otherwise (ECS then reserves what the containers declare). A cpu sum below ECS's
 * minimum is rounded up to it (info); above the maximum is an error.
 */
function ec2TaskSize(cpu: number, mem: number, anyCpu: boolean, anyMem: boolean, report: Report): TaskSizeModel {
  const omit: { cpu?: true; memory?: true } = {};
  if (!anyCpu) omit.cpu = true;
  if (!anyMem) omit.memory = true;
  let units = cpu;
  if (anyCpu && units < EC2_TASK_CPU.min) {
    report({ code: 'EC2_TASK_CPU_ROUNDED', severity: 'info', message: `The containers' CPU (${cpu} units) is below the task-level minimum ECS accepts on EC2, so the task reserves ${EC2_TASK_CPU.min} CPU units.`, path: ['resources', 'limits', 'cpu'] });
    units = EC2_TASK_CPU.min;
  }
  if (anyMem && mem < EC2_TASK_MEMORY_MIN) {
    report({ code: 'EC2_TASK_MEMORY_TOO_SMALL', severity: 'error', message: `The containers' memory (${mem} MiB) is less than the ${EC2_TASK_MEMORY_MIN} MiB Docker gives a container at least, so the task could not start.`, path: ['resources', 'limits', 'memory'] });
  }
  if (units > EC2_TASK_CPU.max) {
    report({ code: 'EC2_TASK_CPU_TOO_LARGE', severity: 'error', message: `The containers' CPU (${cpu} units) is more than the ${EC2_TASK_CPU.max} CPU units ECS accepts for a task on EC2.`, path: ['resources', 'limits', 'cpu'] });
  }
  return { cpu: units, memory: mem, source: 'derived', ...(Object.keys(omit).length ? { omit } : {}) };
}
