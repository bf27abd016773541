/**
 * A small JSON Schema (draft-07) evaluator for the vendored schemas. It walks the document, not
 * the schema, so there is no compile step: checking a Deployment costs what the Deployment holds,
 * not what the 700 kB schema declares. Formats are not enforced. Patterns written for Java or
 * Python regexps are translated (`\Z`, `\A`, `\p{Print}`); one JavaScript cannot compile accepts
 * everything. cfn-lint's keywords are understood: `requiredXor`, `requiredOr`,
 * `dependentRequired`, `dependentExcluded`, `uniqueKeys`, `maxUniqueItems`.
 */
import { isObject } from './report.js';

export type Schema = boolean | Record<string, unknown>;

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
}

const regexps = new Map<string, { test: (s: string) => boolean }>();

function regexp(pattern: string): { test: (s: string) => boolean } {
  let re = regexps.get(pattern);
  if (!re) {
    const translated = pattern.replace(/\\Z/g, '$').replace(/\\A/g, '^').replace(/\\p\{Print\}/g, '\\P{Cc}');
    re = { test: () => true };
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(translated, flags);
        break;
      } catch {
        // next form; a pattern JavaScript cannot read accepts everything
      }
    }
    regexps.set(pattern, re);
  }
  return re;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function hasType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** Canonical text of a value (sorted keys), for enum/const/uniqueness comparisons. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

function branchSummary(branches: unknown[]): string {
  const parts = branches.map((b) => {
    if (!isObject(b)) return 'schema';
    if (b.type) return (Array.isArray(b.type) ? b.type : [b.type]).filter((t) => t !== 'null').join('|');
    if (Array.isArray(b.required)) return `an object with ${b.required.join(', ')}`;
    if (typeof b.$ref === 'string') return b.$ref.split('/').pop()!;
    return 'schema';
  });
  return [...new Set(parts)].join(', ');
}

/** Validates `data` against `root`; local `$ref`s (`#/definitions/...`) resolve against `root`. */
export function evaluate(root: Schema, data: unknown, options: EvalOptions = {}): Violation[] {
  const out: Violation[] = [];
  const refs = new Map<string, Schema>();
  const resolve = (ref: string): Schema => {
    let s = refs.get(ref);
    if (s === undefined) {
      let cur: unknown = root;
      for (const seg of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) cur = isObject(cur) ? cur[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      s = isObject(cur) || typeof cur === 'boolean' ? cur : true;
      refs.set(ref, s);
    }
    return s;
  };
  const present = (obj: Record<string, unknown>, names: readonly string[], definite: boolean) =>
    names.filter((n) => n in obj && !(definite && options.maybeUnset?.(obj[n])));

  const walk = (schema: Schema, v: unknown, path: (string | number)[], sink: Violation[]): void => {
    const fail = (keyword: string, message: string, params: Record<string, unknown> = {}, at = path) => {
      sink.push({ path: at, message, keyword, params });
    };
    if (schema === true) return;
    if (schema === false) return fail('false schema', 'is not allowed here');
    if (typeof schema.$ref === 'string') walk(resolve(schema.$ref), v, path, sink);

    if (schema.type !== undefined) {
      const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
      if (!types.some((t) => hasType(v, t))) return fail('type', `must be ${types.join(' or ')}`, { type: types.join(',') });
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => canonical(e) === canonical(v))) {
      fail('enum', `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`, { allowedValues: schema.enum });
    }
    if ('const' in schema && canonical(schema.const) !== canonical(v)) fail('const', `must be ${JSON.stringify(schema.const)}`, { allowedValues: [schema.const] });

    if (typeof v === 'string') {
      const len = [...v].length;
      if (typeof schema.minLength === 'number' && len < schema.minLength) fail('minLength', `must be at least ${schema.minLength} character(s) long`);
      if (typeof schema.maxLength === 'number' && len > schema.maxLength) fail('maxLength', `must be at most ${schema.maxLength} characters long`);
      if (typeof schema.pattern === 'string' && !regexp(schema.pattern).test(v)) fail('pattern', `must match the pattern ${JSON.stringify(schema.pattern)}`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) fail('minimum', `must be at least ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) fail('maximum', `must be at most ${schema.maximum}`);
      if (typeof schema.multipleOf === 'number' && Math.abs(v / schema.multipleOf - Math.round(v / schema.multipleOf)) > 1e-9) fail('multipleOf', `must be a multiple of ${schema.multipleOf}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) fail('minItems', `needs at least ${schema.minItems} item(s)`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) fail('maxItems', `holds at most ${schema.maxItems} item(s)`);
      if (schema.uniqueItems === true && new Set(v.map(canonical)).size !== v.length) fail('uniqueItems', 'must not repeat an item');
      if (typeof schema.maxUniqueItems === 'number' && new Set(v.map(canonical)).size > schema.maxUniqueItems) fail('maxUniqueItems', `holds at most ${schema.maxUniqueItems} distinct item(s)`);
      if (Array.isArray(schema.uniqueKeys)) {
        const keys = schema.uniqueKeys as string[];
        const seen = new Set<string>();
        for (const item of v) {
          if (!isObject(item) || !keys.every((k) => k in item)) continue;
          const key = canonical(keys.map((k) => item[k]));
          if (seen.has(key)) fail('uniqueKeys', `repeats ${keys.join('/')} ${keys.map((k) => JSON.stringify(item[k])).join('/')}`);
          seen.add(key);
        }
      }
      if (Array.isArray(schema.items)) v.forEach((x, i) => i < (schema.items as Schema[]).length && walk((schema.items as Schema[])[i]!, x, [...path, i], sink));
      else if (schema.items !== undefined) v.forEach((x, i) => walk(schema.items as Schema, x, [...path, i], sink));
    }
    if (isObject(v)) {
      for (const r of Array.isArray(schema.required) ? (schema.required as string[]) : []) if (!(r in v)) fail('required', `missing required field "${r}"`, { missingProperty: r });
      const keys = Object.keys(v);
      if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) fail('maxProperties', `holds at most ${schema.maxProperties} entries`);
      const props = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : undefined;
      const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties as Record<string, Schema>) : [];
      for (const k of keys) {
        if (schema.propertyNames !== undefined) {
          const nameErrors: Violation[] = [];
          walk(schema.propertyNames as Schema, k, [...path, k], nameErrors);
          for (const e of nameErrors) fail(`propertyNames`, e.keyword === 'enum' ? `unknown field "${k}"` : `the name "${k}" ${e.message}`, e.params, [...path, k]);
        }
        let matched = false;
        if (props && Object.prototype.hasOwnProperty.call(props, k)) {
          matched = true;
          walk(props[k]!, v[k], [...path, k], sink);
        }
        for (const [p, s] of patterns) {
          if (regexp(p).test(k)) {
            matched = true;
            walk(s, v[k], [...path, k], sink);
          }
        }
        if (!matched && schema.additionalProperties !== undefined) {
          if (schema.additionalProperties === false) fail('additionalProperties', `unknown field "${k}"`, { additionalProperty: k }, [...path, k]);
          else walk(schema.additionalProperties as Schema, v[k], [...path, k], sink);
        }
      }
      const xor = schema.requiredXor as string[] | undefined;
      if (Array.isArray(xor)) {
        const definite = present(v, xor, true);
        if (definite.length > 1) fail('requiredXor', `sets ${definite.join(' and ')}, but only one of ${xor.join(', ')} is allowed`);
        else if (present(v, xor, false).length === 0) fail('requiredXor', `needs exactly one of ${xor.join(', ')}`);
      }
      const or = schema.requiredOr as string[] | undefined;
      if (Array.isArray(or) && present(v, or, false).length === 0) fail('requiredOr', `needs at least one of ${or.join(', ')}`);
      if (isObject(schema.dependentRequired)) {
        for (const [k, needed] of Object.entries(schema.dependentRequired as Record<string, string[]>)) {
          const missing = present(v, [k], true).length ? needed.filter((n) => !(n in v)) : [];
          if (missing.length) fail('dependentRequired', `${k} needs ${missing.join(', ')}`);
        }
      }
      if (isObject(schema.dependentExcluded)) {
        const reported = new Set<string>();
        for (const [k, excluded] of Object.entries(schema.dependentExcluded as Record<string, string[]>)) {
          const both = (present(v, [k], true).length ? present(v, excluded, true) : []).filter((x) => !reported.has(`${x}|${k}`));
          for (const x of both) reported.add(`${k}|${x}`);
          if (both.length) fail('dependentExcluded', `${k} cannot be set together with ${both.join(', ')}`);
        }
      }
    }

    if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) walk(s, v, path, sink);
    if (schema.not !== undefined) {
      const inner: Violation[] = [];
      walk(schema.not as Schema, v, path, inner);
      if (inner.length === 0) fail('not', 'matches a form that is not allowed');
    }
    if (schema.if !== undefined) {
      const probe: Violation[] = [];
      walk(schema.if as Schema, v, path, probe);
      const branch = probe.length === 0 ? schema.then : schema.else;
      if (branch !== undefined) walk(branch as Schema, v, path, sink);
    }
    for (const kw of ['oneOf', 'anyOf'] as const) {
      const branches = schema[kw];
      if (!Array.isArray(branches)) continue;
      const results = branches.map((b: Schema) => {
        const errs: Violation[] = [];
        walk(b, v, path, errs);
        return errs;
      });
      const passing = results.filter((r) => r.length === 0).length;
      if (passing === 0) {
        // When exactly one branch fails only below this level (the shape fits), its errors explain best.
        const deep = results.filter((r) => r.every((e) => e.path.length > path.length));
        if (deep.length === 1) sink.push(...deep[0]!);
        else fail(kw, `does not match any allowed form (${branchSummary(branches)})`);
      } else if (kw === 'oneOf' && passing > 1 && !branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'type'))) {
        fail(kw, `matches more than one of the exclusive forms (${branchSummary(branches)})`);
      }
    }
  };
  walk(root, data, [], out);
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.path.join('/')}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Deep copy of a schema (so it can be adjusted without touching the cached original). */
export function cloneSchema<T>(schema: T): T {
  return structuredClone(schema);
}

/**
 * Strict mode like kubeconform `-strict`: every object schema that declares `properties` (and no
 * `additionalProperties`/`patternProperties`, and no `x-kubernetes-preserve-unknown-fields`)
 * rejects unknown fields. Mutates the schema (use a copy).
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
