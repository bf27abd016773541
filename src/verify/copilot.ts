/**
 * AWS Copilot workload manifests against the field model `copilot/manifest-fields.json` (field
 * names and types of copilot-cli's manifest structs): unknown fields, scalar types, unions such as
 * `count: 3` or `count: {range: ...}`, and the `environments:` overrides. Plus a few rules of
 * copilot's own validation: `name` is required, exactly one of `image.build`/`image.location`,
 * a Load Balanced Web Service needs `http` or `nlb`, `count.range` reads `min-max`, a few enums
 * (`deployment.rolling`, `observability.tracing`, `network.vpc.placement`), and `image.depends_on`
 * names the service or a sidecar with a known condition.
 */
import { isObject, show, type Pointer, type Reporter } from './report.js';
import { readData } from './vendor.js';

type TypeDef = string | { object?: Record<string, string>; union?: string[] };

interface FieldModel {
  services: Record<string, string>;
  types: Record<string, TypeDef>;
}

const CODE = 'VERIFY_COPILOT_FIELD';
/** Go's time.ParseDuration syntax. */
const DURATION = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|\u00b5s|ms|s|m|h)(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|\u00b5s|ms|s|m|h))*$|^0$/;

export function copilotModel(): FieldModel {
  return readData<FieldModel>('copilot/manifest-fields.json');
}

/** The workload types the field model knows (`Load Balanced Web Service`, ...). */
export function copilotWorkloadTypes(): string[] {
  return Object.keys(copilotModel().services);
}

type Problem = { path: Pointer; message: string };
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

/**
 * Checks `value` against `type` at the path on `stack` (one stack for the whole walk, copied only
 * for a problem). With `out`, every problem is added to it (deepest first) and the result says
 * whether none was; without, it only answers whether the value fits and stops at the first
 * problem, making none: a union asks each branch so, and explains only when no branch fits.
 */
function check(model: FieldModel, type: string, value: unknown, stack: (string | number)[], out: Problem[] | null): boolean {
  const g = generic(type);
  if (g) {
    const { kind, inner } = g;
    if (kind === 'list') {
      if (!Array.isArray(value)) return problem(out, stack, `must be a list, not ${show(value)}`);
      let fits = true;
      for (let i = 0; i < value.length; i++) {
        stack.push(i);
        const ok = check(model, inner, value[i], stack, out);
        stack.pop();
        if (!ok && ((fits = false), out === null)) return false;
      }
      return fits;
    }
    if (!isObject(value)) return problem(out, stack, `must be a map, not ${show(value)}`);
    let fits = true;
    for (const k of Object.keys(value)) {
      stack.push(k);
      const ok = check(model, inner, value[k], stack, out);
      stack.pop();
      if (!ok && ((fits = false), out === null)) return false;
    }
    return fits;
  }
  switch (type) {
    case 'any':
      return true;
    case 'string':
      // yaml.v3 decodes any scalar into a Go string.
      return (value !== null && typeof value !== 'object') || problem(out, stack, `must be a string, not ${show(value)}`);
    case 'int':
      return (typeof value === 'number' && Number.isInteger(value)) || problem(out, stack, `must be an integer, not ${show(value)}`);
    case 'number':
      return typeof value === 'number' || problem(out, stack, `must be a number, not ${show(value)}`);
    case 'bool':
      return typeof value === 'boolean' || problem(out, stack, `must be true or false, not ${show(value)}`);
    case 'duration':
      return (typeof value === 'string' && DURATION.test(value)) || problem(out, stack, `must be a duration such as "30s" or "1m30s", not ${show(value)}`);
  }
  const def = Object.hasOwn(model.types, type) ? model.types[type] : undefined;
  if (def === undefined) return true;
  if (typeof def === 'string') return check(model, def, value, stack, out);
  if (def.object) {
    const fields = def.object;
    if (!isObject(value)) return problem(out, stack, `must be a map of ${Object.keys(fields).join(', ')}, not ${show(value)}`);
    let fits = true;
    for (const k of Object.keys(value)) {
      // Own fields only: a key named like an Object.prototype member (`constructor`) is unknown too.
      const fieldType = Object.hasOwn(fields, k) ? fields[k] : undefined;
      const x = value[k];
      if (fieldType !== undefined && x === null) continue;
      stack.push(k);
      const ok = fieldType === undefined ? problem(out, stack, `unknown field "${k}" (fields here: ${Object.keys(fields).join(', ')})`) : check(model, fieldType, x, stack, out);
      stack.pop();
      if (!ok && ((fits = false), out === null)) return false;
    }
    return fits;
  }
  if (def.union) {
    for (const t of def.union) if (check(model, t, value, stack, null)) return true;
    if (out === null) return false;
    // No branch fits: the branch whose shape fits (object for a map, list for a list) explains best.
    const depth = stack.length;
    const fitting: Problem[][] = [];
    for (const t of def.union) {
      const found: Problem[] = [];
      check(model, t, value, stack, found);
      if (found.every((p) => p.path.length > depth)) fitting.push(found);
    }
    if (fitting.length === 1) out.push(...fitting[0]!);
    else out.push({ path: stack.slice(), message: `must be ${def.union.map(describe).join(' or ')}, not ${show(value)}` });
    return false;
  }
  return true;
}

/** Adds a problem at the path on `stack` (when problems are collected); false, for `return problem(...)`. */
function problem(out: Problem[] | null, stack: readonly (string | number)[], message: string): false {
  out?.push({ path: stack.slice(), message });
  return false;
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

export function verifyCopilot(doc: Record<string, unknown>, r: Reporter): void {
  const model = copilotModel();
  const type = typeof doc.type === 'string' ? model.services[doc.type] : undefined;
  if (!type) {
    r.add(CODE, ['type'], `unknown Copilot workload type ${show(doc.type)}`, 'error', `types: ${Object.keys(model.services).join(', ')}`);
    return;
  }
  const problems: Problem[] = [];
  check(model, type, doc, [], problems);
  for (const p of problems) r.add(CODE, p.path, p.message);
  rules(doc, r);
}
