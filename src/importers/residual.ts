/**
 * The residual between a generated document and the source document it stands for, as JSON Patch
 * operations (RFC 6902) that turn the first into the second: `add`, `replace` and `remove` for
 * values, `move` of a key onto itself for key order, `test` ops that guard the layout. Pure: no
 * compile here (the importers sit below the pipeline); `codegen import --exact` calls it with the
 * documents the imported spec generates.
 */

export type ResidualOp =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move'; from: string; path: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Equal values with keys in the same order (what the serializer would write the same way). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One JSON Pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
function segment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${segment(s)}`).join('');
}

/** The segments of a JSON Pointer, array indices as numbers where the value holds an array there. */
export function pathOf(ptr: string, doc: unknown): (string | number)[] {
  const out: (string | number)[] = [];
  let cur = doc;
  for (const raw of ptr.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(cur) && /^[0-9]+$/.test(seg) ? Number(seg) : seg;
    out.push(key);
    cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  return out;
}

/**
 * Operations that turn `generated` into `source`, values and key order alike. Objects: keys the
 * source lacks are removed; the source's keys that already stand in its order (the longest start
 * of the source's key list found in order among the generated keys) stay where they are, and each
 * later key is added (new) or moved onto itself (present), which puts it last, as JSON Patch adds
 * do, so the keys end in the source's order with as few operations as that allows. Arrays are
 * compared element by element (extra elements removed from the end, missing ones added); a value
 * of another type or another scalar is replaced.
 */
export function residualOps(generated: unknown, source: unknown): ResidualOp[] {
  const ops: ResidualOp[] = [];
  diff(generated, source, [], ops);
  return ops;
}

function diff(gen: unknown, src: unknown, path: (string | number)[], ops: ResidualOp[]): void {
  if (sameValue(gen, src)) return;
  if (isObject(gen) && isObject(src)) {
    const target = Object.keys(src);
    for (const k of Object.keys(gen)) if (!Object.hasOwn(src, k)) ops.push({ op: 'remove', path: pointer([...path, k]) });
    const kept = Object.keys(gen).filter((k) => Object.hasOwn(src, k));
    let inPlace = 0;
    for (const k of kept) if (inPlace < target.length && k === target[inPlace]) inPlace++;
    target.forEach((k, i) => {
      const p = [...path, k];
      if (!Object.hasOwn(gen, k)) {
        ops.push({ op: 'add', path: pointer(p), value: src[k] });
        return;
      }
      diff(gen[k], src[k], p, ops);
      if (i >= inPlace) ops.push({ op: 'move', from: pointer(p), path: pointer(p) });
    });
    return;
  }
  if (Array.isArray(gen) && Array.isArray(src)) {
    const common = Math.min(gen.length, src.length);
    for (let i = 0; i < common; i++) diff(gen[i], src[i], [...path, i], ops);
    for (let i = gen.length - 1; i >= src.length; i--) ops.push({ op: 'remove', path: pointer([...path, i]) });
    for (let i = gen.length; i < src.length; i++) ops.push({ op: 'add', path: pointer([...path, i]), value: src[i] });
    return;
  }
  ops.push({ op: 'replace', path: pointer(path), value: src });
}

/** Keys that name the object holding them, tried in this order for a `test` guard. */
const NAMING_KEYS = ['Type', 'kind', 'type', 'family', 'name', 'Name', 'containerName', 'AWSTemplateFormatVersion'];

function valueAt(doc: unknown, path: readonly (string | number)[]): unknown {
  let cur = doc;
  for (const s of path) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string | number, unknown>)[s] : undefined;
  return cur;
}

/**
 * `test` ops that guard `ops` on `generated`: for each op, the nearest object above it that names
 * itself (a CloudFormation resource's `Type`, a Kubernetes `kind`, a container's `name`, ...),
 * tested for the value it has now, so the patch fails loudly (PATCH_TEST_FAILED) instead of
 * editing the wrong place once the generated layout changes. One test per guarded object, in the
 * order the ops first need them.
 */
export function guardOps(generated: unknown, ops: readonly ResidualOp[]): ResidualOp[] {
  const tests: ResidualOp[] = [];
  const seen = new Set<string>();
  for (const op of ops) {
    const path = pathOf(op.op === 'move' ? op.from : op.path, generated);
    for (let n = path.length - 1; n >= 0; n--) {
      const holder = valueAt(generated, path.slice(0, n));
      if (!isObject(holder)) continue;
      const key = NAMING_KEYS.find((k) => typeof holder[k] === 'string');
      if (!key) continue;
      const ptr = pointer([...path.slice(0, n), key]);
      if (!seen.has(ptr)) {
        seen.add(ptr);
        tests.push({ op: 'test', path: ptr, value: holder[key] });
      }
      break;
    }
  }
  return tests;
}

/** What an op does, in a few words (for comments and diagnostics). */
export function opSummary(op: ResidualOp): string {
  if (op.op === 'move') return `${op.path} in the source's key order`;
  if (op.op === 'remove') return `${op.path} left out`;
  return `${op.path} ${op.op === 'add' ? 'added' : 'set'}`;
}
