/**
 * Overlay merge, RFC 7386 (JSON Merge Patch): maps merge key by key, lists and scalars replace,
 * `null` removes the key. Used for `environments.<env>` and for core fields under `targets.<t>`.
 */
export type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function mergePatch(base: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return patch;
  const out: Record<string, unknown> = isMap(base) ? { ...base } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** True when `path` exists in `value` (used to find where a merged value came from). */
export function hasPath(value: unknown, path: readonly (string | number)[]): boolean {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return false;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return false;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return true;
}

/** The value at a path, or undefined. */
export function getPath(value: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = value;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
