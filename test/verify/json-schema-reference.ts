/**
 * The JSON Schema evaluator as it was before it read schema nodes through plans
 * (src/verify/schema-plan.ts): a direct walk over the schema objects. Kept as the oracle of
 * json-schema.test.ts, which holds the two equal, violation for violation and in order.
 */
/* eslint-disable */
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

type Schema = boolean | Record<string, unknown>;

interface Violation {
  /** Pointer segments into the validated value. */
  path: (string | number)[];
  message: string;
  keyword: string;
  /** Keyword details: `type` (expected), `allowedValues`. */
  params: Record<string, unknown>;
}

interface EvalOptions {
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

/** What a schema node needs at every visit, worked out once per node (schemas are cached per process). */
interface NodeInfo {
  types?: string[];
  enumKeys?: Set<string>;
  props?: Record<string, Schema>;
  patterns: [{ test: (s: string) => boolean }, Schema][];
  /** `oneOf` / `anyOf`, in that order, when present. */
  branches: ['oneOf' | 'anyOf', Schema[]][];
}
const nodeInfo = new WeakMap<object, NodeInfo>();

function infoOf(schema: Record<string, unknown>): NodeInfo {
  let info = nodeInfo.get(schema);
  if (!info) {
    info = {
      ...(schema.type !== undefined ? { types: (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[] } : {}),
      branches: (['oneOf', 'anyOf'] as const).filter((kw) => Array.isArray(schema[kw])).map((kw) => [kw, schema[kw] as Schema[]]),
      ...(Array.isArray(schema.enum) ? { enumKeys: new Set(schema.enum.map(canonical)) } : {}),
      ...(isObject(schema.properties) ? { props: schema.properties as Record<string, Schema> } : {}),
      patterns: isObject(schema.patternProperties) ? Object.entries(schema.patternProperties as Record<string, Schema>).map(([p, x]) => [regexp(p), x]) : [],
    };
    nodeInfo.set(schema, info);
  }
  return info;
}

/** Number of code points (a string's length counts UTF-16 units). */
function codePoints(v: string): number {
  let n = v.length;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const hasOwn = Object.prototype.hasOwnProperty;
/** Resolved local `$ref`s per root schema. */
const refCache = new WeakMap<object, Map<string, Schema>>();

/**
 * Validates `data` against `root`; local `$ref`s (`#/definitions/...`) resolve against `root`.
 * The walk keeps one path stack and copies it only when it records a violation.
 */
export function referenceEvaluate(root: Schema, data: unknown, options: EvalOptions = {}): Violation[] {
  const out: Violation[] = [];
  let refs = typeof root === 'object' ? refCache.get(root) : undefined;
  if (!refs) {
    refs = new Map();
    if (typeof root === 'object') refCache.set(root, refs);
  }
  const stack: (string | number)[] = [];
  const resolve = (ref: string): Schema => {
    let s = refs!.get(ref);
    if (s === undefined) {
      let cur: unknown = root;
      for (const seg of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) cur = isObject(cur) ? cur[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      s = isObject(cur) || typeof cur === 'boolean' ? cur : true;
      refs!.set(ref, s);
    }
    return s;
  };
  const present = (obj: Record<string, unknown>, names: readonly string[], definite: boolean) =>
    names.filter((n) => n in obj && !(definite && options.maybeUnset?.(obj[n])));
  const fail = (sink: Violation[], keyword: string, message: string, params: Record<string, unknown> = {}, extra?: string | number) => {
    const path = stack.slice();
    if (extra !== undefined) path.push(extra);
    sink.push({ path, message, keyword, params });
  };
  /** Walk `v` at the key `k` below the current path. */
  const child = (schema: Schema, v: unknown, k: string | number, sink: Violation[]): void => {
    stack.push(k);
    walk(schema, v, sink);
    stack.pop();
  };

  const walk = (schema: Schema, v: unknown, sink: Violation[]): void => {
    if (schema === true) return;
    if (schema === false) return fail(sink, 'false schema', 'is not allowed here');
    if (typeof schema.$ref === 'string') walk(resolve(schema.$ref), v, sink);

    const info = infoOf(schema);
    const types = info.types;
    if (types && !types.some((t) => hasType(v, t))) return fail(sink, 'type', `must be ${types.join(' or ')}`, { type: types.join(',') });
    if (info.enumKeys && !info.enumKeys.has(canonical(v))) {
      const values = schema.enum as unknown[];
      fail(sink, 'enum', `must be one of ${values.map((e) => JSON.stringify(e)).join(', ')}`, { allowedValues: values });
    }
    if ('const' in schema && canonical(schema.const) !== canonical(v)) fail(sink, 'const', `must be ${JSON.stringify(schema.const)}`, { allowedValues: [schema.const] });

    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && codePoints(v) < schema.minLength) fail(sink, 'minLength', `must be at least ${schema.minLength} character(s) long`);
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength && codePoints(v) > schema.maxLength) fail(sink, 'maxLength', `must be at most ${schema.maxLength} characters long`);
      if (typeof schema.pattern === 'string' && !regexp(schema.pattern).test(v)) fail(sink, 'pattern', `must match the pattern ${JSON.stringify(schema.pattern)}`);
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) fail(sink, 'minimum', `must be at least ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && v > schema.maximum) fail(sink, 'maximum', `must be at most ${schema.maximum}`);
      if (typeof schema.multipleOf === 'number' && Math.abs(v / schema.multipleOf - Math.round(v / schema.multipleOf)) > 1e-9) fail(sink, 'multipleOf', `must be a multiple of ${schema.multipleOf}`);
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) fail(sink, 'minItems', `needs at least ${schema.minItems} item(s)`);
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) fail(sink, 'maxItems', `holds at most ${schema.maxItems} item(s)`);
      if (schema.uniqueItems === true && new Set(v.map(canonical)).size !== v.length) fail(sink, 'uniqueItems', 'must not repeat an item');
      if (typeof schema.maxUniqueItems === 'number' && new Set(v.map(canonical)).size > schema.maxUniqueItems) fail(sink, 'maxUniqueItems', `holds at most ${schema.maxUniqueItems} distinct item(s)`);
      if (Array.isArray(schema.uniqueKeys)) {
        const keys = schema.uniqueKeys as string[];
        const seen = new Set<string>();
        for (const item of v) {
          if (!isObject(item) || !keys.every((k) => k in item)) continue;
          const key = canonical(keys.map((k) => item[k]));
          if (seen.has(key)) fail(sink, 'uniqueKeys', `repeats ${keys.join('/')} ${keys.map((k) => JSON.stringify(item[k])).join('/')}`);
          seen.add(key);
        }
      }
      if (Array.isArray(schema.items)) {
        const items = schema.items as Schema[];
        for (let i = 0; i < v.length && i < items.length; i++) child(items[i]!, v[i], i, sink);
      } else if (schema.items !== undefined) {
        for (let i = 0; i < v.length; i++) child(schema.items as Schema, v[i], i, sink);
      }
    }
    if (isObject(v)) {
      if (Array.isArray(schema.required)) for (const r of schema.required as string[]) if (!(r in v)) fail(sink, 'required', `missing required field "${r}"`, { missingProperty: r });
      const keys = Object.keys(v);
      if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) fail(sink, 'maxProperties', `holds at most ${schema.maxProperties} entries`);
      const { props, patterns } = info;
      for (const k of keys) {
        if (schema.propertyNames !== undefined) {
          const nameErrors: Violation[] = [];
          child(schema.propertyNames as Schema, k, k, nameErrors);
          for (const e of nameErrors) fail(sink, `propertyNames`, e.keyword === 'enum' ? `unknown field "${k}"` : `the name "${k}" ${e.message}`, e.params, k);
        }
        let matched = false;
        if (props && hasOwn.call(props, k)) {
          matched = true;
          child(props[k]!, v[k], k, sink);
        }
        for (const [re, s] of patterns) {
          if (re.test(k)) {
            matched = true;
            child(s, v[k], k, sink);
          }
        }
        if (!matched && schema.additionalProperties !== undefined) {
          if (schema.additionalProperties === false) fail(sink, 'additionalProperties', `unknown field "${k}"`, { additionalProperty: k }, k);
          else child(schema.additionalProperties as Schema, v[k], k, sink);
        }
      }
      const xor = schema.requiredXor as string[] | undefined;
      if (Array.isArray(xor)) {
        const definite = present(v, xor, true);
        if (definite.length > 1) fail(sink, 'requiredXor', `sets ${definite.join(' and ')}, but only one of ${xor.join(', ')} is allowed`);
        else if (present(v, xor, false).length === 0) fail(sink, 'requiredXor', `needs exactly one of ${xor.join(', ')}`);
      }
      const or = schema.requiredOr as string[] | undefined;
      if (Array.isArray(or) && present(v, or, false).length === 0) fail(sink, 'requiredOr', `needs at least one of ${or.join(', ')}`);
      if (isObject(schema.dependentRequired)) {
        for (const [k, needed] of Object.entries(schema.dependentRequired as Record<string, string[]>)) {
          const missing = present(v, [k], true).length ? needed.filter((n) => !(n in v)) : [];
          if (missing.length) fail(sink, 'dependentRequired', `${k} needs ${missing.join(', ')}`);
        }
      }
      if (isObject(schema.dependentExcluded)) {
        const reported = new Set<string>();
        for (const [k, excluded] of Object.entries(schema.dependentExcluded as Record<string, string[]>)) {
          const both = (present(v, [k], true).length ? present(v, excluded, true) : []).filter((x) => !reported.has(`${x}|${k}`));
          for (const x of both) reported.add(`${k}|${x}`);
          if (both.length) fail(sink, 'dependentExcluded', `${k} cannot be set together with ${both.join(', ')}`);
        }
      }
    }

    if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) walk(s, v, sink);
    if (schema.not !== undefined) {
      const inner: Violation[] = [];
      walk(schema.not as Schema, v, inner);
      if (inner.length === 0) fail(sink, 'not', 'matches a form that is not allowed');
    }
    if (schema.if !== undefined) {
      const probe: Violation[] = [];
      walk(schema.if as Schema, v, probe);
      const branch = probe.length === 0 ? schema.then : schema.else;
      if (branch !== undefined) walk(branch as Schema, v, sink);
    }
    for (const [kw, branches] of info.branches) {
      const results = branches.map((b: Schema) => {
        const errs: Violation[] = [];
        walk(b, v, errs);
        return errs;
      });
      const passing = results.filter((r) => r.length === 0).length;
      if (passing === 0) {
        // When exactly one branch fails only below this level (the shape fits), its errors explain best.
        const depth = stack.length;
        const deep = results.filter((r) => r.every((e) => e.path.length > depth));
        if (deep.length === 1) sink.push(...deep[0]!);
        else fail(sink, kw, `does not match any allowed form (${branchSummary(branches)})`);
      } else if (kw === 'oneOf' && passing > 1 && !branches.every((b) => isObject(b) && Object.keys(b).every((k) => k === 'type'))) {
        fail(sink, kw, `matches more than one of the exclusive forms (${branchSummary(branches)})`);
      }
    }
  };
  walk(root, data, out);
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.path.join('/')}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

