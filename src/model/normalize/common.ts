/** What every normalization step shares: how it reports, and how it reads a duration. */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import { isDurationText, parseDurationSeconds } from '../../core/units.js';

/** Report a problem at a path of the resolved spec (the caller maps it to where it was written). */
export type Report = (d: DiagnosticInput & { path: SpecPath }) => void;

/** Longest duration any target accepts (CodeDeploy waits up to 2880 minutes; one day is plenty for the rest). */
export const MAX_DURATION_SECONDS = 86400;

export function optSeconds<K extends string>(key: K, v: number | string | undefined): { [P in K]?: number } {
  if (v === undefined) return {};
  const s = parseDurationSeconds(v);
  // Out-of-range strings (`99999999h`) are reported by checkDurations; drop them here.
  return s === undefined || s > MAX_DURATION_SECONDS ? {} : ({ [key]: s } as { [P in K]?: number });
}

/** Report duration strings longer than a day, which the schema pattern cannot bound. */
export function checkDurations(v: unknown, path: readonly (string | number)[], rep: Report): void {
  durationsAt(v, [...path], rep);
}

/** checkDurations' walk: `path` is one stack for the whole walk, copied only for a report. */
function durationsAt(v: unknown, path: (string | number)[], rep: Report): void {
  if (typeof v === 'string') {
    if (!isDurationText(v)) return;
    const s = parseDurationSeconds(v);
    if (s !== undefined && s > MAX_DURATION_SECONDS) {
      rep({ code: 'DURATION_TOO_LONG', severity: 'error', message: `The duration ${v} is longer than one day (${MAX_DURATION_SECONDS} s).`, path: [...path] });
    }
    return;
  }
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue;
      path.push(i);
      durationsAt(v[i], path, rep);
      path.pop();
    }
    return;
  }
  for (const k of Object.keys(v)) {
    path.push(k);
    durationsAt((v as Record<string, unknown>)[k], path, rep);
    path.pop();
  }
}
