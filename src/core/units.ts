/** Unit conversions codegen owns: Kubernetes CPU/memory notation, durations, ECS sizes. */

/** `500m` → 500, `0.5` → 500, `2` → 2000 (millicores). Undefined when not parseable. */
export function parseCpuMillis(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : undefined;
  const m = /^([0-9]+)m$/.exec(v);
  if (m) return Number(m[1]);
  if (/^[0-9]+(\.[0-9]+)?$/.test(v)) return Math.round(Number(v) * 1000);
  return undefined;
}

/** Millicores → ECS CPU units (1024 per core), rounded up. */
export function millisToCpuUnits(millis: number): number {
  return Math.ceil((millis * 1024) / 1000 - 1e-9);
}

/** ECS CPU units → millicores (Kubernetes' finest CPU step), rounded up. */
export function cpuUnitsToMillis(units: number): number {
  return Math.ceil((units * 1000) / 1024 - 1e-9);
}

/** `10 units` → 10 ECS CPU units; undefined for any other notation. */
export function parseCpuUnits(v: string | number): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^([1-9][0-9]*) units$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

const BINARY: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, Ti: 1024 * 1024 };
const DECIMAL: Record<string, number> = { K: 1e3 / 1048576, M: 1e6 / 1048576, G: 1e9 / 1048576, T: 1e12 / 1048576 };

export interface ParsedMemory {
  /** MiB, rounded up to a whole MiB. */
  mib: number;
  /** True when a decimal unit (K, M, G, T) was used. */
  decimal: boolean;
  /** True when no unit was given (bytes). */
  bytes: boolean;
}

/** `512Mi` → 512 MiB, `1Gi` → 1024, `512M` → 489 (decimal, flagged), `1073741824` → 1024 (bytes). */
export function parseMemory(v: string): ParsedMemory | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2];
  if (!Number.isFinite(n)) return undefined;
  if (!unit) return { mib: Math.ceil(n / 1048576), decimal: false, bytes: true };
  if (unit in BINARY) return { mib: Math.ceil(n * BINARY[unit]! - 1e-9), decimal: false, bytes: false };
  return { mib: Math.ceil(n * DECIMAL[unit]! - 1e-9), decimal: true, bytes: false };
}

/**
 * A duration string: whole numbers with units `h`, `m`, `s`, `ms`, largest first, each unit at most
 * once — `30s`, `5m`, `2m30s`, `1h30m`, `1s500ms` (Go's and Copilot's duration syntax, whole numbers
 * only). The schema's pattern (`src/schema/dsl.ts`) is the same language.
 */
const UNITS = ['h', 'm', 's', 'ms'] as const;

/**
 * The numbers of a duration string for h, m, s and ms (0 where absent), or undefined when `v` is
 * not one. Read by hand, in the grammar of `^(?:([0-9]+)h)?(?:([0-9]+)m(?!s))?(?:([0-9]+)s)?(?:([0-9]+)ms)?$`
 * (test/core/units.test.ts holds the two to the same answers): a spec has many durations, and
 * the pattern cost more to compile than all of them cost to read.
 */
function durationParts(v: string): number[] | undefined {
  const parts = [0, 0, 0, 0];
  let i = 0;
  for (let u = 0; u < UNITS.length && i < v.length; u++) {
    let j = i;
    while (j < v.length && v.charCodeAt(j) >= 48 && v.charCodeAt(j) <= 57) j++;
    if (j === i || !v.startsWith(UNITS[u]!, j)) continue;
    const end = j + UNITS[u]!.length;
    if (UNITS[u] === 'm' && v.charCodeAt(end) === 115) continue; // `ms` is the last unit, not minutes
    parts[u] = Number(v.slice(i, j));
    i = end;
  }
  return i === v.length ? parts : undefined;
}

/** Whether `v` is a duration string (`30s`, `2m30s`); see durationParts. */
export function isDurationText(v: string): boolean {
  return v !== '' && durationParts(v) !== undefined;
}

/** Seconds from a number of seconds or a duration string (`500ms`, `30s`, `2m30s`; fractions of a second kept). */
export function parseDurationSeconds(v: number | string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (v === '') return undefined;
  const p = durationParts(v);
  return p === undefined ? undefined : p[0]! * 3600 + p[1]! * 60 + p[2]! + p[3]! / 1000;
}

/** `1 vCPU` / `0.5 vCPU` → CPU units. */
export function parseVcpu(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+(?:\.[0-9]+)?) ?(vCPU|vcpu)$/.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** `2 GB` → MiB (ECS reads GB as GiB). */
export function parseGb(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+(?:\.[0-9]+)?) ?(GB|gb)$/.exec(v);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** Format seconds as a Copilot-style duration (`10s`, `5m`, `1h30m` is not needed: whole units only). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds / 60}m`;
  return `${seconds}s`;
}
