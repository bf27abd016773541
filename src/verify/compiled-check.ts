/**
 * What the compiled checks (schema-checks.generated.ts for Kubernetes and kustomize,
 * cfn-checks.generated.ts for CloudFormation resources and template sections; written by
 * `npm run gen:schema-checks` from the vendored schemas) run on: the walk's path stack, its violations, and the helpers the evaluator
 * (json-schema.ts) uses for the same keywords, so a compiled check reports exactly what
 * `evaluate()` reports with the same schema and options (test/verify/schema-checks.test.ts and
 * test/verify/cfn-checks.test.ts hold them to it).
 *
 * Why compiled: the evaluator reads the schema file (82 kB for a Deployment), parses it and makes
 * a plan of each node it visits, in every process. A compiled check is code the start-up cache
 * already holds: no file is read, nothing is parsed, and each node's keywords are constants.
 */
import type { Violation } from './json-schema.js';

export { canonical, codePoints, regexp, repeats, tooManyDistinct, typeBit } from './schema-plan.js';
import { canonical, cfnObjectFindings, uniqueKeysFindings, type CfnObjectKeywords } from './schema-plan.js';

/** One walk: the path to the value being checked, and what was found. */
export interface Walk {
  stack: (string | number)[];
  out: Violation[];
  /** Above 0 inside a probe (a branch of a `oneOf`/`anyOf` tried on its own): opaque values are walked there. */
  probing: number;
  /** As EvalOptions.opaque: a value (an object) not walked outside a probe. Compiled CloudFormation checks only. */
  opaque: ((value: object) => boolean) | undefined;
  /** As EvalOptions.maybeUnset, for cfn-lint's object keywords. */
  maybeUnset: ((value: unknown) => boolean) | undefined;
}

/** What runCheck() passes on to a compiled CloudFormation check: EvalOptions' `opaque` and `maybeUnset`. */
export interface CheckOptions {
  opaque?: (value: object) => boolean;
  maybeUnset?: (value: unknown) => boolean;
}

export type Check = (v: unknown, w: Walk) => void;

/** Records a violation at the current path (and `extra`, a key of the value, when given). */
export function fail(w: Walk, keyword: string, message: string, params: Record<string, unknown>, extra?: string): void {
  const path = w.stack.slice();
  if (extra !== undefined) path.push(extra);
  w.out.push({ path, message, keyword, params });
}

/** The evaluator's `type` violation for a node whose `type` lists `types` (joined with commas). */
export function typeFail(w: Walk, types: string): void {
  fail(w, 'type', `must be ${types.split(',').join(' or ')}`, { type: types });
}

/** Whether `v` (of type bit `b`) is a member of an enum: a string by value, anything else by its canonical text. */
export function inEnum(v: unknown, b: number, values: readonly unknown[]): boolean {
  if (b === 16) return values.includes(v);
  const key = canonical(v);
  return values.some((e) => typeof e !== 'string' && canonical(e) === key);
}

export function enumFail(w: Walk, values: readonly unknown[]): void {
  fail(w, 'enum', `must be one of ${values.map((e) => JSON.stringify(e)).join(', ')}`, { allowedValues: values });
}

export function requiredFail(w: Walk, name: string): void {
  fail(w, 'required', `missing required field "${name}"`, { missingProperty: name });
}

export function constFail(w: Walk, value: unknown): void {
  fail(w, 'const', `must be ${JSON.stringify(value)}`, { allowedValues: [value] });
}

/** What `check` finds in `v` on its own (a branch of a `oneOf`/`anyOf`): nothing when the branch accepts it. */
export function probe(w: Walk, check: Check, v: unknown): Violation[] {
  const inner: Walk = { stack: w.stack, out: [], probing: w.probing + 1, opaque: w.opaque, maybeUnset: w.maybeUnset };
  check(v, inner);
  return inner.out;
}

/**
 * What `check` finds in `v` walked as the walk itself walks (outside a probe, opaque values are
 * skipped): how evaluate() explains a `oneOf`/`anyOf` no branch accepts.
 */
export function rewalk(w: Walk, check: Check, v: unknown): Violation[] {
  const inner: Walk = { stack: w.stack, out: [], probing: w.probing, opaque: w.opaque, maybeUnset: w.maybeUnset };
  check(v, inner);
  return inner.out;
}

/** Whether the walk leaves `v` out (an opaque value, outside a probe): as evaluate()'s descend(). */
export function skip(w: Walk, v: unknown): boolean {
  return w.opaque !== undefined && w.probing === 0 && v !== null && typeof v === 'object' && w.opaque(v);
}

/** cfn-lint's object keywords (schema-plan.ts words them for the evaluator too). */
export function cfnObject(w: Walk, o: Record<string, unknown>, keywords: CfnObjectKeywords): void {
  for (const [keyword, message] of cfnObjectFindings(keywords, o, w.maybeUnset)) fail(w, keyword, message, {});
}

/** cfn-lint's `uniqueKeys`. */
export function uniqueKeysFail(w: Walk, a: readonly unknown[], keys: readonly string[]): void {
  for (const message of uniqueKeysFindings(keys, a)) fail(w, 'uniqueKeys', message, {});
}

/**
 * A value no branch accepts, explained as evaluate() explains it: when exactly one branch failed
 * only below this level (its shape fits), that branch's violations; else one naming the forms.
 */
export function explain(w: Walk, found: readonly Violation[][], keyword: string, summary: string): void {
  const depth = w.stack.length;
  const deep = found.filter((r) => r.every((e) => e.path.length > depth));
  if (deep.length === 1) w.out.push(...deep[0]!);
  else fail(w, keyword, `does not match any allowed form (${summary})`, {});
}

/**
 * `propertyNames`: a key the name schema refuses, reported at the key as evaluate() words it (an
 * enum names an unknown field; anything else gives the name schema's message), once per finding of
 * the name schema. (Inside a probe evaluate() records one failure: only whether there is one counts
 * there, and a compiled `oneOf`/`anyOf` explained from its probes needs them all.)
 */
export function nameFail(w: Walk, check: Check, k: string): void {
  for (const e of probe(w, check, k)) fail(w, 'propertyNames', e.keyword === 'enum' ? `unknown field "${k}"` : `the name "${k}" ${e.message}`, e.params, k);
}

/** A key the node does not declare, where strict evaluation allows no other. */
export function unknownFail(w: Walk, k: string): void {
  fail(w, 'additionalProperties', `unknown field "${k}"`, { additionalProperty: k }, k);
}

/**
 * How many times a process checks documents of one schema with its compiled check before it
 * evaluates the schema instead (both give the same result: test/verify/schema-checks.test.ts).
 * A compiled check saves a short run from reading, parsing and planning the schema, but a process
 * that checks hundreds of documents warms up hundreds of small functions where the evaluator
 * warms up a few: the first 1,000 in-process compiles of the seed took 1.034× the instructions
 * with compiled checks only (callgrind, 16.04 G against 15.51 G).
 */
export const COMPILED_USES = 4;

let groups = 0;

/** A group of a generated module's functions, made on its first call (scripts/schema-checks.ts, lazyModule). */
export function lazyGroup<T extends object>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    if (made === undefined) {
      groups++;
      made = make();
    }
    return made;
  };
}

/** How many groups of generated functions this process has made (for the tests). */
export function groupsMade(): number {
  return groups;
}
const uses = new Map<string, number>();

/** Whether to use the compiled check for schema `key` this time (each use counted). */
export function useCompiled(key: string): boolean {
  const n = uses.get(key) ?? 0;
  if (n >= COMPILED_USES) return false;
  uses.set(key, n + 1);
  return true;
}

/** The violations of `doc` under a root check, each path and message once, as evaluate() returns them. */
export function runCheck(check: Check, doc: unknown, options: CheckOptions = {}): Violation[] {
  const w: Walk = { stack: [], out: [], probing: 0, opaque: options.opaque, maybeUnset: options.maybeUnset };
  check(doc, w);
  if (w.out.length < 2) return w.out;
  const seen = new Set<string>();
  return w.out.filter((e) => {
    const key = `${e.path.join('/')}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
