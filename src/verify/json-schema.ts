/**
 * A small JSON Schema (draft-07) evaluator for the vendored schemas. It walks the document, not
 * the schema, so there is no compile step: checking a Deployment costs what the Deployment holds,
 * not what the 700 kB schema declares. Formats are not enforced. Patterns written for Java or
 * Python regexps are translated (`\Z`, `\A`, `\p{Print}`); one JavaScript cannot compile accepts
 * everything. cfn-lint's keywords are understood: `requiredXor`, `requiredOr`,
 * `dependentRequired`, `dependentExcluded`, `uniqueKeys`, `maxUniqueItems`.
 */
import { isObject } from './report.js';
import { canonical, cfnObjectFindings, codePoints, makePlan, repeats, tooManyDistinct, typeBit, uniqueKeysFindings, type Plan, type Schema } from './schema-plan.js';

export type { Schema };

export interface Violation {
  /** Pointer segments into the validated value. */
  path: (string | number)[];
  message: string;
  keyword: string;
  /** Keyword details: `type` (expected), `allowedValues`. */
  params: Record<string, unknown>;
}

export interface EvalOptions {
  /** A property whose value this returns true for may be absent at deploy time (CloudFormation `Fn::If` with `AWS::NoValue`). */
  maybeUnset?: (value: unknown) => boolean;
  /**
   * Evaluate the schema as makeStrict() would have made it (kubeconform `-strict`), without copying
   * or changing it: each node's plan is made strict as the walk first visits it.
   */
  strict?: boolean;
  /**
   * A value (an object) this returns true for is not walked, outside a probe: the caller drops every
   * violation at or below such a value anyway (CloudFormation: an intrinsic function call), so none
   * is made. Probes (an `if`, a `not`, the branches of a `oneOf`/`anyOf`) still walk it, so which
   * branch a value takes does not change.
   */
  opaque?: (value: object) => boolean;
}

/** How a failed `oneOf`/`anyOf` names its forms in the message (scripts/schema-checks.ts writes the same text). */
export function branchSummary(branches: unknown[]): string {
  const parts = branches.map((b) => {
    if (!isObject(b)) return 'schema';
    if (b.type) return (Array.isArray(b.type) ? b.type : [b.type]).filter((t) => t !== 'null').join('|');
    if (Array.isArray(b.required)) return `an object with ${b.required.join(', ')}`;
    if (typeof b.$ref === 'string') return b.$ref.split('/').pop()!;
    return 'schema';
  });
  return [...new Set(parts)].join(', ');
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Per root schema: resolved local `$ref`s and the plan of each node (a `$ref` resolves against its root). */
interface RootState {
  refs: Map<string, Schema>;
  plans: WeakMap<object, Plan>;
  strict: boolean;
}
const roots = new WeakMap<object, RootState>();
/** The same for roots evaluated strictly (their plans differ). */
const strictRoots = new WeakMap<object, RootState>();

/** The state of one evaluate() call. */
interface Walk {
  root: Schema;
  state: RootState;
  stack: (string | number)[];
  maybeUnset: ((value: unknown) => boolean) | undefined;
  opaque: ((value: object) => boolean) | undefined;
  /** Above 0 while a probe runs (passes()): a violation is only counted, never made. */
  probing: number;
}

/** What fail() records while probing: the probe needs to know that something failed, not what. */
const HIT: Violation = Object.freeze({ path: [], message: '', keyword: '', params: {} }) as Violation;
/** The one sink of every probe (nested probes each look only at what they added, and take it off again). */
const PROBE: Violation[] = [];

/** While probing, records a failure without its message (which some keywords spend time to make) and returns true. */
function probeHit(w: Walk, sink: Violation[]): boolean {
  if (w.probing === 0) return false;
  sink.push(HIT);
  return true;
}

function planOf(w: Walk, schema: Record<string, unknown>): Plan {
  let p = w.state.plans.get(schema);
  if (!p) w.state.plans.set(schema, (p = makePlan(schema, w.state.strict)));
  return p;
}

/** The plan of a child schema (or the boolean schema itself); the parent keeps it in the keyword's own field. */
function kid(w: Walk, schema: Schema): Plan | boolean {
  return typeof schema === 'boolean' ? schema : planOf(w, schema);
}

function kids(w: Walk, schemas: readonly Schema[]): (Plan | boolean)[] {
  return schemas.map((s) => kid(w, s));
}

function branchPlans(w: Walk, p: Plan): (Plan | boolean)[][] {
  return p.branches.map(([, list]) => kids(w, list));
}

function patternPlans(w: Walk, p: Plan): (Plan | boolean)[] {
  return kids(w, p.patterns.map(([, s]) => s));
}

function resolveRef(w: Walk, ref: string): Schema {
  let s = w.state.refs.get(ref);
  if (s === undefined) {
    let cur: unknown = w.root;
    const body = ref.startsWith('#/') ? ref.slice(2) : ref.startsWith('#') ? ref.slice(1) : ref;
    for (const seg of body.split('/').filter(Boolean)) cur = isObject(cur) ? cur[seg.includes('~') ? seg.replace(/~1/g, '/').replace(/~0/g, '~') : seg] : undefined;
    s = isObject(cur) || typeof cur === 'boolean' ? cur : true;
    w.state.refs.set(ref, s);
  }
  return s;
}

function fail(w: Walk, sink: Violation[], keyword: string, message: string, params: Record<string, unknown> = {}, extra?: string | number): void {
  if (w.probing > 0) {
    sink.push(HIT);
    return;
  }
  const path = w.stack.slice();
  if (extra !== undefined) path.push(extra);
  sink.push({ path, message, keyword, params });
}

/** Walk `v` with the schema `c` (a plan, or a boolean schema). */
function walkAny(w: Walk, c: Plan | boolean, v: unknown, sink: Violation[]): void {
  if (c === true) return;
  if (c === false) return fail(w, sink, 'false schema', 'is not allowed here');
  walk(w, c, v, sink);
}

/**
 * Whether `v` passes the schema `c`, found without making a violation (an `if`, a `not`, the
 * branches of a `oneOf`/`anyOf`, property names): the walk is the same, only fail() records a
 * shared marker instead of a path and a message. A failure is explained by walking again.
 */
function passes(w: Walk, c: Plan | boolean, v: unknown): boolean {
  if (c === true) return true;
  if (c === false) return false;
  const before = PROBE.length;
  w.probing++;
  try {
    walk(w, c, v, PROBE);
    return PROBE.length === before;
  } finally {
    w.probing--;
    PROBE.length = before;
  }
}

/** Walk `v` at the key `k` with the schema `c`, unless it is opaque (outside a probe). */
function descend(w: Walk, c: Plan | boolean, v: unknown, k: string | number, sink: Violation[]): void {
  if (c === true) return;
  if (w.opaque !== undefined && w.probing === 0 && v !== null && typeof v === 'object' && w.opaque(v)) return;
  w.stack.push(k);
  walkAny(w, c, v, sink);
  w.stack.pop();
}

function walk(w: Walk, p: Plan, v: unknown, sink: Violation[]): void {
  if (p.ref !== undefined) {
    if (p.refPlan === undefined) {
      const target = resolveRef(w, p.ref);
      if (target === true) p.ref = undefined;
      else if (target === false) {
        fail(w, sink, 'false schema', 'is not allowed here');
      } else p.refPlan = planOf(w, target);
    }
    if (p.refPlan !== undefined) walk(w, p.refPlan, v, sink);
  }
  const schema = p.schema;
  const bit = typeBit(v);
  if (p.types !== undefined && (p.typeMask & bit) === 0) return fail(w, sink, 'type', p.typeMessage, { type: p.typeParam });
  if (p.enumKeys !== undefined && !(bit === 16 ? p.enumStrings!.has(v as string) : p.enumKeys.has(canonical(v))) && !probeHit(w, sink)) {
    const values = schema.enum as unknown[];
    fail(w, sink, 'enum', `must be one of ${values.map((e) => JSON.stringify(e)).join(', ')}`, { allowedValues: values });
  }
  if (p.hasConst && p.constKey !== canonical(v) && !probeHit(w, sink)) fail(w, sink, 'const', `must be ${JSON.stringify(schema.const)}`, { allowedValues: [schema.const] });

  if (bit === 16 && p.forString) {
    const s = v as string;
    if (p.minLength !== undefined && codePoints(s) < p.minLength) fail(w, sink, 'minLength', `must be at least ${p.minLength} character(s) long`);
    if (p.maxLength !== undefined && s.length > p.maxLength && codePoints(s) > p.maxLength) fail(w, sink, 'maxLength', `must be at most ${p.maxLength} characters long`);
    if (p.pattern !== undefined && !p.pattern.test(s) && !probeHit(w, sink)) fail(w, sink, 'pattern', `must match the pattern ${JSON.stringify(schema.pattern)}`);
  } else if ((bit & 12) !== 0 && p.forNumber) {
    const n = v as number;
    if (p.minimum !== undefined && n < p.minimum) fail(w, sink, 'minimum', `must be at least ${p.minimum}`);
    if (p.maximum !== undefined && n > p.maximum) fail(w, sink, 'maximum', `must be at most ${p.maximum}`);
    if (p.multipleOf !== undefined && Math.abs(n / p.multipleOf - Math.round(n / p.multipleOf)) > 1e-9) fail(w, sink, 'multipleOf', `must be a multiple of ${p.multipleOf}`);
  } else if (bit === 2 && p.forArray) walkArray(w, p, v as unknown[], sink);
  else if (bit === 64 && p.forObject) walkObject(w, p, v as Record<string, unknown>, sink);

  if (p.allOf !== undefined) {
    const plans = (p.allOfPlans ??= kids(w, p.allOf));
    for (let i = 0; i < plans.length; i++) walkAny(w, plans[i]!, v, sink);
  }
  if (p.not !== undefined && passes(w, (p.notPlan ??= kid(w, p.not)), v)) fail(w, sink, 'not', 'matches a form that is not allowed');
  if (p.if !== undefined) {
    if (passes(w, (p.ifPlan ??= kid(w, p.if)), v)) {
      if (p.then !== undefined) walkAny(w, (p.thenPlan ??= kid(w, p.then)), v, sink);
    } else if (p.else !== undefined) walkAny(w, (p.elsePlan ??= kid(w, p.else)), v, sink);
  }
  for (let i = 0; i < p.branches.length; i++) {
    const kw = p.branches[i]![0];
    const plans = (p.branchPlans ??= branchPlans(w, p))[i]!;
    let passing = 0;
    for (let j = 0; j < plans.length; j++) if (passes(w, plans[j]!, v)) passing++;
    if (passing === 0 && w.probing > 0) fail(w, sink, kw, '');
    else if (passing === 0) {
      // Only a failure is explained: each branch again, its violations made this time.
      const results = plans.map((c) => {
        const errs: Violation[] = [];
        walkAny(w, c, v, errs);
        return errs;
      });
      // When exactly one branch fails only below this level (the shape fits), its errors explain best.
      const depth = w.stack.length;
      const deep = results.filter((r) => r.every((e) => e.path.length > depth));
      if (deep.length === 1) sink.push(...deep[0]!);
      else fail(w, sink, kw, `does not match any allowed form (${branchSummary(p.branches[i]![1])})`);
    } else if (kw === 'oneOf' && passing > 1 && !p.branches[i]![1].every((b) => isObject(b) && Object.keys(b).every((k) => k === 'type'))) {
      fail(w, sink, kw, `matches more than one of the exclusive forms (${branchSummary(p.branches[i]![1])})`);
    }
  }
}

function walkArray(w: Walk, p: Plan, v: unknown[], sink: Violation[]): void {
  if (p.minItems !== undefined && v.length < p.minItems) fail(w, sink, 'minItems', `needs at least ${p.minItems} item(s)`);
  if (p.maxItems !== undefined && v.length > p.maxItems) fail(w, sink, 'maxItems', `holds at most ${p.maxItems} item(s)`);
  // (An array of at most one item repeats nothing; one no longer than the bound cannot exceed it.)
  if (p.uniqueItems && v.length > 1 && repeats(v)) fail(w, sink, 'uniqueItems', 'must not repeat an item');
  if (p.maxUniqueItems !== undefined && tooManyDistinct(v, p.maxUniqueItems)) fail(w, sink, 'maxUniqueItems', `holds at most ${p.maxUniqueItems} distinct item(s)`);
  if (p.uniqueKeys !== undefined) for (const message of uniqueKeysFindings(p.uniqueKeys, v)) fail(w, sink, 'uniqueKeys', message);
  if (p.itemList !== undefined) {
    const items = (p.itemListPlans ??= kids(w, p.itemList));
    for (let i = 0; i < v.length && i < items.length; i++) descend(w, items[i]!, v[i], i, sink);
  } else if (p.item !== undefined) {
    const item = (p.itemPlan ??= kid(w, p.item));
    for (let i = 0; i < v.length; i++) descend(w, item, v[i], i, sink);
  }
}

function walkObject(w: Walk, p: Plan, v: Record<string, unknown>, sink: Violation[]): void {
  if (p.required !== undefined) for (const r of p.required) if (!(r in v)) fail(w, sink, 'required', `missing required field "${r}"`, { missingProperty: r });
  const keys = Object.keys(v);
  if (p.maxProperties !== undefined && keys.length > p.maxProperties) fail(w, sink, 'maxProperties', `holds at most ${p.maxProperties} entries`);
  const { props, patterns } = p;
  for (const k of keys) {
    if (p.propertyNames !== undefined && !passes(w, (p.propertyNamesPlan ??= kid(w, p.propertyNames)), k)) {
      const nameErrors: Violation[] = [];
      if (w.probing === 0) descend(w, p.propertyNamesPlan, k, k, nameErrors);
      else nameErrors.push(HIT);
      for (const e of nameErrors) fail(w, sink, `propertyNames`, e.keyword === 'enum' ? `unknown field "${k}"` : `the name "${k}" ${e.message}`, e.params, k);
    }
    let matched = false;
    if (props !== undefined) {
      let c = p.propPlans.get(k);
      if (c === undefined && hasOwn.call(props, k)) p.propPlans.set(k, (c = kid(w, props[k]!)));
      if (c !== undefined) {
        matched = true;
        descend(w, c, v[k], k, sink);
      }
    }
    for (let i = 0; i < patterns.length; i++) {
      if (patterns[i]![0].test(k)) {
        matched = true;
        descend(w, (p.patternPlans ??= patternPlans(w, p))[i]!, v[k], k, sink);
      }
    }
    if (!matched && p.additional !== undefined) {
      if (p.additional === false) fail(w, sink, 'additionalProperties', `unknown field "${k}"`, { additionalProperty: k }, k);
      else descend(w, (p.additionalPlan ??= kid(w, p.additional)), v[k], k, sink);
    }
  }
  if (p.requiredXor !== undefined || p.requiredOr !== undefined || p.dependentRequired !== undefined || p.dependentExcluded !== undefined) {
    for (const [keyword, message] of cfnObjectFindings(p, v, w.maybeUnset)) fail(w, sink, keyword, message);
  }
}

/**
 * Validates `data` against `root`; local `$ref`s (`#/definitions/...`) resolve against `root`.
 * The walk keeps one path stack and copies it only when it records a violation.
 */
export function evaluate(root: Schema, data: unknown, options: EvalOptions = {}): Violation[] {
  const out: Violation[] = [];
  if (root === true) return out;
  const strict = options.strict === true;
  const states = strict ? strictRoots : roots;
  let state = typeof root === 'object' ? states.get(root) : undefined;
  if (!state) {
    state = { refs: new Map(), plans: new WeakMap(), strict };
    if (typeof root === 'object') states.set(root, state);
  }
  const w: Walk = { root, state, stack: [], maybeUnset: options.maybeUnset, opaque: options.opaque, probing: 0 };
  if (root === false) fail(w, out, 'false schema', 'is not allowed here');
  else walk(w, planOf(w, root), data, out);
  if (out.length < 2) return out;
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.path.join('/')}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Strict mode like kubeconform `-strict`: every object schema that declares `properties` (and no
 * `additionalProperties`/`patternProperties`, and no `x-kubernetes-preserve-unknown-fields`)
 * rejects unknown fields. Mutates the schema (use a copy). The verifiers use `evaluate(…, { strict:
 * true })` instead, which needs no copy (see strictAdditional in schema-plan.ts); this stays as the
 * definition the tests hold it to.
 */
export function makeStrict(schema: unknown): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isObject(v) || seen.has(v)) return;
    seen.add(v);
    if (isObject(v.properties) && !('additionalProperties' in v) && !('patternProperties' in v) && v['x-kubernetes-preserve-unknown-fields'] !== true) {
      v.additionalProperties = false;
    }
    for (const [k, x] of Object.entries(v)) {
      if (k === 'properties' || k === 'definitions' || k === 'patternProperties' || k === '$defs') {
        if (isObject(x)) Object.values(x).forEach(walk);
      } else if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples' && !k.startsWith('x-')) walk(x);
    }
  };
  walk(schema);
}
