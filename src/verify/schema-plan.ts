/**
 * The evaluator's view of a schema node (see json-schema.ts): its keywords read once into an
 * object of one fixed shape, and the helpers that need no walk state.
 */
import { asciiFirst } from './ascii-pattern.js';
import { isObject } from './report.js';

export type Schema = boolean | Record<string, unknown>;

const regexps = new Map<string, { test: (s: string) => boolean }>();

export function regexp(pattern: string): { test: (s: string) => boolean } {
  let re = regexps.get(pattern);
  if (!re) {
    // Only a pattern with a backslash can hold \Z, \A or \p{Print}: the others skip three replacements.
    const translated = pattern.includes('\\') ? pattern.replace(/\\Z/g, '$').replace(/\\A/g, '^').replace(/\\p\{Print\}/g, '\\P{Cc}') : pattern;
    re = { test: () => true };
    const ascii = asciiFirst(translated);
    for (const flags of ascii ? [] : ['u', '']) {
      try {
        re = new RegExp(translated, flags);
        break;
      } catch {
        // next form; a pattern JavaScript cannot read accepts everything
      }
    }
    if (ascii) re = ascii;
    regexps.set(pattern, re);
  }
  return re;
}

/** Canonical text of a value (sorted keys), for enum/const/uniqueness comparisons. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/** Whether two values have the same canonical text, without making it (stops at the first difference). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) if (!Object.prototype.hasOwnProperty.call(b, k) || !sameValue(a[k], b[k])) return false;
    return true;
  }
  // A string's text is it quoted, so a string other than `a` prints alike with nothing; two numbers
  // that differ print alike only when neither is finite (both print null). Other scalars that are
  // not identical can still print alike (NaN and null, say).
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (typeof a === 'number' && typeof b === 'number') return !Number.isFinite(a) && !Number.isFinite(b);
  return !Array.isArray(b) && !isObject(b) && canonical(a) === canonical(b);
}

/**
 * Whether an array holds two items of the same canonical text (`uniqueItems`). A short array is
 * compared item by item, which mostly stops at the first field (no text is made for items that
 * differ); a long one through the items' canonical texts.
 */
export function repeats(items: readonly unknown[]): boolean {
  if (items.length > 16) return new Set(items.map(canonical)).size !== items.length;
  for (let i = 1; i < items.length; i++) for (let j = 0; j < i; j++) if (sameValue(items[i], items[j])) return true;
  return false;
}

/**
 * A schema node's keywords, read once into an object of one fixed shape (every field present,
 * `undefined` when the keyword is absent). The walk reads plans instead of the schemas themselves:
 * schema objects come in hundreds of shapes, so reading a keyword from them directly is a slow,
 * megamorphic property load on every visit. Child plans are made on first visit.
 */
export interface Plan {
  schema: Record<string, unknown>;
  ref: string | undefined;
  refPlan: Plan | undefined;
  types: string[] | undefined;
  /** Bits of the value types `types` accepts (see typeBit). */
  typeMask: number;
  enumKeys: Set<string> | undefined;
  /** The enum's string members: a string is in the enum exactly when it is one of them (its canonical text is a JSON string). */
  enumStrings: Set<string> | undefined;
  hasConst: boolean;
  constKey: string;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: { test: (s: string) => boolean } | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  multipleOf: number | undefined;
  minItems: number | undefined;
  maxItems: number | undefined;
  uniqueItems: boolean;
  maxUniqueItems: number | undefined;
  uniqueKeys: string[] | undefined;
  itemList: Schema[] | undefined;
  item: Schema | undefined;
  required: string[] | undefined;
  maxProperties: number | undefined;
  propertyNames: Schema | undefined;
  props: Record<string, Schema> | undefined;
  patterns: [{ test: (s: string) => boolean }, Schema][];
  /** `false`, a schema, or undefined (no `additionalProperties`). */
  additional: Schema | undefined;
  requiredXor: string[] | undefined;
  requiredOr: string[] | undefined;
  dependentRequired: [string, string[]][] | undefined;
  dependentExcluded: [string, string[]][] | undefined;
  allOf: Schema[] | undefined;
  not: Schema | undefined;
  if: Schema | undefined;
  then: Schema | undefined;
  else: Schema | undefined;
  /** `oneOf` / `anyOf`, in that order, when present. */
  branches: ['oneOf' | 'anyOf', Schema[]][];
  /** Any string, number, array or object keyword at all (to skip whole sections). */
  forString: boolean;
  forNumber: boolean;
  forArray: boolean;
  forObject: boolean;
  /** Plans of the child schemas (a boolean schema stands for itself), each made on first use. */
  itemPlan: Plan | boolean | undefined;
  itemListPlans: (Plan | boolean)[] | undefined;
  additionalPlan: Plan | boolean | undefined;
  propertyNamesPlan: Plan | boolean | undefined;
  /** In the order of `patterns`. */
  patternPlans: (Plan | boolean)[] | undefined;
  allOfPlans: (Plan | boolean)[] | undefined;
  notPlan: Plan | boolean | undefined;
  ifPlan: Plan | boolean | undefined;
  thenPlan: Plan | boolean | undefined;
  elsePlan: Plan | boolean | undefined;
  /** In the order of `branches`, each in the order of its list. */
  branchPlans: (Plan | boolean)[][] | undefined;
  /** Plans of `properties` entries, by property name (filled on first visit). */
  propPlans: Map<string, Plan | boolean>;
  /** The `type` violation's message and `params.type`, made once. */
  typeMessage: string;
  typeParam: string;
}

const TYPE_BITS: Record<string, number> = { null: 1, array: 2, integer: 4, number: 4 | 8, string: 16, boolean: 32, object: 64, undefined: 128, function: 256, bigint: 512, symbol: 1024 };

/** The bit of a value's JSON Schema type (typeOf); a number that is not an integer is `number` only. */
export function typeBit(v: unknown): number {
  if (v === null) return 1;
  switch (typeof v) {
    case 'object':
      return Array.isArray(v) ? 2 : 64;
    case 'string':
      return 16;
    case 'number':
      return Number.isInteger(v) ? 4 : 8;
    case 'boolean':
      return 32;
    default:
      return TYPE_BITS[typeof v]!;
  }
}

const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const list = <T>(x: unknown): T[] | undefined => (Array.isArray(x) ? (x as T[]) : undefined);

/**
 * `additionalProperties` of a node under strict evaluation: `false` where makeStrict() (json-schema.ts)
 * would have set it — `properties` declared, no `additionalProperties` or `patternProperties`, no
 * `x-kubernetes-preserve-unknown-fields: true`. Every node the walk visits is one makeStrict reaches
 * (it descends through every keyword but data and `x-` extensions), so the result is the same.
 */
function strictAdditional(schema: Record<string, unknown>): Schema | undefined {
  if (isObject(schema.properties) && !('additionalProperties' in schema) && !('patternProperties' in schema) && schema['x-kubernetes-preserve-unknown-fields'] !== true) return false;
  return schema.additionalProperties as Schema | undefined;
}

export function makePlan(schema: Record<string, unknown>, strict = false): Plan {
  const types = schema.type !== undefined ? ((Array.isArray(schema.type) ? schema.type : [schema.type]) as string[]) : undefined;
  let typeMask = 0;
  for (const t of types ?? []) typeMask |= Object.hasOwn(TYPE_BITS, t) ? TYPE_BITS[t]! : 0;
  const p: Plan = {
    schema,
    ref: typeof schema.$ref === 'string' ? schema.$ref : undefined,
    refPlan: undefined,
    types,
    typeMask,
    enumKeys: Array.isArray(schema.enum) ? new Set(schema.enum.map(canonical)) : undefined,
    enumStrings: Array.isArray(schema.enum) ? new Set(schema.enum.filter((e): e is string => typeof e === 'string')) : undefined,
    hasConst: 'const' in schema,
    constKey: 'const' in schema ? canonical(schema.const) : '',
    minLength: num(schema.minLength),
    maxLength: num(schema.maxLength),
    pattern: typeof schema.pattern === 'string' ? regexp(schema.pattern) : undefined,
    minimum: num(schema.minimum),
    maximum: num(schema.maximum),
    multipleOf: num(schema.multipleOf),
    minItems: num(schema.minItems),
    maxItems: num(schema.maxItems),
    uniqueItems: schema.uniqueItems === true,
    maxUniqueItems: num(schema.maxUniqueItems),
    uniqueKeys: list<string>(schema.uniqueKeys),
    itemList: list<Schema>(schema.items),
    item: schema.items !== undefined && !Array.isArray(schema.items) ? (schema.items as Schema) : undefined,
    required: list<string>(schema.required),
    maxProperties: num(schema.maxProperties),
    propertyNames: schema.propertyNames as Schema | undefined,
    props: isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : undefined,
    patterns: isObject(schema.patternProperties) ? Object.entries(schema.patternProperties as Record<string, Schema>).map(([k, x]) => [regexp(k), x]) : [],
    additional: strict ? strictAdditional(schema) : (schema.additionalProperties as Schema | undefined),
    requiredXor: list<string>(schema.requiredXor),
    requiredOr: list<string>(schema.requiredOr),
    dependentRequired: isObject(schema.dependentRequired) ? (Object.entries(schema.dependentRequired) as [string, string[]][]) : undefined,
    dependentExcluded: isObject(schema.dependentExcluded) ? (Object.entries(schema.dependentExcluded) as [string, string[]][]) : undefined,
    allOf: list<Schema>(schema.allOf),
    not: schema.not as Schema | undefined,
    if: schema.if as Schema | undefined,
    then: schema.then as Schema | undefined,
    else: schema.else as Schema | undefined,
    branches: (['oneOf', 'anyOf'] as const).filter((kw) => Array.isArray(schema[kw])).map((kw) => [kw, schema[kw] as Schema[]]),
    forString: false,
    forNumber: false,
    forArray: false,
    forObject: false,
    itemPlan: undefined,
    itemListPlans: undefined,
    additionalPlan: undefined,
    propertyNamesPlan: undefined,
    patternPlans: undefined,
    allOfPlans: undefined,
    notPlan: undefined,
    ifPlan: undefined,
    thenPlan: undefined,
    elsePlan: undefined,
    branchPlans: undefined,
    propPlans: new Map(),
    typeMessage: types ? `must be ${types.join(' or ')}` : '',
    typeParam: types ? types.join(',') : '',
  };
  p.forString = p.minLength !== undefined || p.maxLength !== undefined || p.pattern !== undefined;
  p.forNumber = p.minimum !== undefined || p.maximum !== undefined || p.multipleOf !== undefined;
  p.forArray = p.minItems !== undefined || p.maxItems !== undefined || p.uniqueItems || p.maxUniqueItems !== undefined || p.uniqueKeys !== undefined || p.itemList !== undefined || p.item !== undefined;
  p.forObject =
    p.required !== undefined || p.maxProperties !== undefined || p.propertyNames !== undefined || p.props !== undefined || p.patterns.length > 0 || p.additional !== undefined ||
    p.requiredXor !== undefined || p.requiredOr !== undefined || p.dependentRequired !== undefined || p.dependentExcluded !== undefined;
  return p;
}

/** Number of code points (a string's length counts UTF-16 units). */
export function codePoints(v: string): number {
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


/** cfn-lint's keywords of an object node, by their names in a Plan. */
export interface CfnObjectKeywords {
  requiredXor?: readonly string[] | undefined;
  requiredOr?: readonly string[] | undefined;
  dependentRequired?: readonly (readonly [string, readonly string[]])[] | undefined;
  dependentExcluded?: readonly (readonly [string, readonly string[]])[] | undefined;
}

/**
 * What the object `v` breaks of cfn-lint's object keywords, as [keyword, message] in the order
 * they are checked. A property whose value `maybeUnset` returns true for may be absent when
 * deployed (`Fn::If` with `AWS::NoValue`): it does not count as set where a keyword forbids two
 * fields together, and does count as present where a keyword asks for one. The evaluator and the
 * compiled CloudFormation checks both report through this, so they cannot word it differently.
 */
export function cfnObjectFindings(k: CfnObjectKeywords, v: Record<string, unknown>, maybeUnset: ((value: unknown) => boolean) | undefined): [string, string][] {
  const out: [string, string][] = [];
  const present = (names: readonly string[], definite: boolean): string[] => names.filter((n) => n in v && !(definite && maybeUnset?.(v[n])));
  const xor = k.requiredXor;
  if (xor !== undefined) {
    const definite = present(xor, true);
    if (definite.length > 1) out.push(['requiredXor', `sets ${definite.join(' and ')}, but only one of ${xor.join(', ')} is allowed`]);
    else if (present(xor, false).length === 0) out.push(['requiredXor', `needs exactly one of ${xor.join(', ')}`]);
  }
  const or = k.requiredOr;
  if (or !== undefined && present(or, false).length === 0) out.push(['requiredOr', `needs at least one of ${or.join(', ')}`]);
  for (const [key, needed] of k.dependentRequired ?? []) {
    const missing = present([key], true).length ? needed.filter((n) => !(n in v)) : [];
    if (missing.length) out.push(['dependentRequired', `${key} needs ${missing.join(', ')}`]);
  }
  if (k.dependentExcluded !== undefined) {
    const reported = new Set<string>();
    for (const [key, excluded] of k.dependentExcluded) {
      const both = (present([key], true).length ? present(excluded, true) : []).filter((x) => !reported.has(`${x}|${key}`));
      for (const x of both) reported.add(`${key}|${x}`);
      if (both.length) out.push(['dependentExcluded', `${key} cannot be set together with ${both.join(', ')}`]);
    }
  }
  return out;
}

/** The messages of cfn-lint's `uniqueKeys` for an array: each item repeating the combined values of `keys` of an earlier one. */
export function uniqueKeysFindings(keys: readonly string[], items: readonly unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!isObject(item) || !keys.every((k) => k in item)) continue;
    const key = canonical(keys.map((k) => item[k]));
    if (seen.has(key)) out.push(`repeats ${keys.join('/')} ${keys.map((k) => JSON.stringify(item[k])).join('/')}`);
    seen.add(key);
  }
  return out;
}

/** cfn-lint's `maxUniqueItems`: whether `items` holds more than `max` distinct values. */
export function tooManyDistinct(items: readonly unknown[], max: number): boolean {
  return items.length > max && new Set(items.map(canonical)).size > max;
}
