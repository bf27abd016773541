/**
 * The Copilot field check as it was before it kept one path stack and asked a union's branches
 * whether they fit before explaining (src/verify/copilot.ts): the reference its equivalence test
 * (copilot.test.ts) holds the new walk to. Not used by the product.
 */
import { isObject, show, type Pointer, type Reporter } from '../../src/verify/report.js';
import { readData } from '../../src/verify/vendor.js';

type TypeDef = string | { object?: Record<string, string>; union?: string[] };

interface FieldModel {
  services: Record<string, string>;
  types: Record<string, TypeDef>;
}

const CODE = 'VERIFY_COPILOT_FIELD';
/** Go's time.ParseDuration syntax. */
const DURATION = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|\u00b5s|ms|s|m|h)(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|\u00b5s|ms|s|m|h))*$|^0$/;

function copilotModel(): FieldModel {
  return readData<FieldModel>('copilot/manifest-fields.json');
}

type Problem = { path: Pointer; message: string };
/** What check() returns for a value that fits (shared: never changed). */
const NONE: readonly Problem[] = Object.freeze([]);
/** `map<T>` / `list<T>` types read once: their kind and T, or null for any other type. */
const generics = new Map<string, { kind: string; inner: string } | null>();

function generic(type: string): { kind: string; inner: string } | null {
  let g = generics.get(type);
  if (g === undefined) {
    const m = /^(map|list)<(.+)>$/.exec(type);
    generics.set(type, (g = m ? { kind: m[1]!, inner: m[2]! } : null));
  }
  return g;
}

/** Returns the problems of `value` against `type` (none when it fits), deepest first. */
function check(model: FieldModel, type: string, value: unknown, path: Pointer): readonly Problem[] {
  const g = generic(type);
  if (g) {
    const { kind, inner } = g;
    if (kind === 'list') {
      if (!Array.isArray(value)) return [{ path, message: `must be a list, not ${show(value)}` }];
      return value.flatMap((x, i) => check(model, inner!, x, [...path, i]));
    }
    if (!isObject(value)) return [{ path, message: `must be a map, not ${show(value)}` }];
    return Object.entries(value).flatMap(([k, x]) => check(model, inner!, x, [...path, k]));
  }
  switch (type) {
    case 'any':
      return NONE;
    case 'string':
      // yaml.v3 decodes any scalar into a Go string.
      return value !== null && typeof value !== 'object' ? NONE : [{ path, message: `must be a string, not ${show(value)}` }];
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? NONE : [{ path, message: `must be an integer, not ${show(value)}` }];
    case 'number':
      return typeof value === 'number' ? NONE : [{ path, message: `must be a number, not ${show(value)}` }];
    case 'bool':
      return typeof value === 'boolean' ? NONE : [{ path, message: `must be true or false, not ${show(value)}` }];
    case 'duration':
      return typeof value === 'string' && DURATION.test(value) ? NONE : [{ path, message: `must be a duration such as "30s" or "1m30s", not ${show(value)}` }];
  }
  const def = model.types[type];
  if (def === undefined) return NONE;
  if (typeof def === 'string') return check(model, def, value, path);
  if (def.object) {
    if (!isObject(value)) return [{ path, message: `must be a map of ${Object.keys(def.object).join(', ')}, not ${show(value)}` }];
    const out: Problem[] = [];
    for (const [k, x] of Object.entries(value)) {
      const fieldType = def.object[k];
      if (fieldType === undefined) out.push({ path: [...path, k], message: `unknown field "${k}" (fields here: ${Object.keys(def.object).join(', ')})` });
      else if (x !== null) out.push(...check(model, fieldType, x, [...path, k]));
    }
    return out;
  }
  if (def.union) {
    const results = def.union.map((t) => check(model, t, value, path));
    if (results.some((x) => x.length === 0)) return NONE;
    // The branch whose shape fits (object for a map, list for a list) explains best.
    const fitting = results.filter((x) => x.every((p) => p.path.length > path.length));
    if (fitting.length === 1) return fitting[0]!;
    return [{ path, message: `must be ${def.union.map(describe).join(' or ')}, not ${show(value)}` }];
  }
  return NONE;
}

function describe(t: string): string {
  return /^(string|int|number|bool|duration)$/.test(t) ? t : /^list</.test(t) ? 'a list' : /^map</.test(t) ? 'a map' : `a map (${t})`;
}

function rules(doc: Record<string, unknown>, r: Reporter): void {
  if (typeof doc.name !== 'string' || doc.name === '') r.add(CODE, ['name'], 'a Copilot manifest needs a name');
  const image = doc.image;
  if (isObject(image) && doc.type !== 'Static Site') {
    const both = 'build' in image && 'location' in image;
    if (both || (!('build' in image) && !('location' in image))) {
      r.add(CODE, ['image'], both ? 'image sets both build and location; exactly one is allowed' : 'image needs exactly one of build or location');
    }
  }
  if (doc.type === 'Load Balanced Web Service' && doc.http === undefined && doc.nlb === undefined) {
    r.add(CODE, [], 'a Load Balanced Web Service needs http or nlb');
  }
  const enums: [Pointer, readonly string[]][] = [
    [['deployment', 'rolling'], ['default', 'recreate']],
    [['observability', 'tracing'], ['awsxray']],
    [['network', 'vpc', 'placement'], ['public', 'private']],
  ];
  for (const [path, allowed] of enums) {
    let v: unknown = doc;
    for (const seg of path) v = isObject(v) ? v[seg as string] : undefined;
    if (typeof v === 'string' && !allowed.includes(v)) r.add(CODE, path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, not ${show(v)}`);
  }
  const containers = new Set([doc.name, ...(isObject(doc.sidecars) ? Object.keys(doc.sidecars) : [])]);
  const dependsOn = isObject(image) ? image.depends_on : undefined;
  if (isObject(dependsOn)) {
    for (const [name, condition] of Object.entries(dependsOn)) {
      if (!containers.has(name)) r.add(CODE, ['image', 'depends_on', name], `depends on "${name}", which is neither the service nor one of its sidecars`);
      if (typeof condition === 'string' && !['start', 'complete', 'success', 'healthy'].includes(condition)) {
        r.add(CODE, ['image', 'depends_on', name], `the condition must be one of "start", "complete", "success", "healthy", not ${show(condition)}`);
      }
    }
  }
  const range = isObject(doc.count) ? doc.count.range : undefined;
  if (typeof range === 'string' && !/^[0-9]+-[0-9]+$/.test(range)) r.add(CODE, ['count', 'range'], `count.range must read "min-max" such as "1-10", not ${show(range)}`);
}

export function referenceVerifyCopilot(doc: Record<string, unknown>, r: Reporter): void {
  const model = copilotModel();
  const type = typeof doc.type === 'string' ? model.services[doc.type] : undefined;
  if (!type) {
    r.add(CODE, ['type'], `unknown Copilot workload type ${show(doc.type)}`, 'error', `types: ${Object.keys(model.services).join(', ')}`);
    return;
  }
  for (const p of check(model, type, doc, [])) r.add(CODE, p.path, p.message);
  rules(doc, r);
}
