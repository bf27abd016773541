/** Copilot durations (Go duration strings such as `15s`, `1m30s`, `500ms`) → the spec's. */
import type { Field } from '../fields.js';
import { duration } from '../write.js';

/** Copilot durations (`15s`, `1m30s`) → seconds, or undefined. */
export function seconds(f: Field): number | undefined {
  const v = f.value;
  if (typeof v === 'number') return f.use(), v;
  if (typeof v !== 'string') return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(v);
  if (!m || v === '') return undefined;
  f.use();
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 1000;
}

export function dur(f: Field): number | string | undefined {
  const s = seconds(f);
  return s === undefined ? undefined : duration(s);
}

