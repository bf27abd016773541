/**
 * The JSON Schema evaluator reads each schema node through a plan (src/verify/schema-plan.ts).
 * It must report exactly what the direct walk it replaced reported (json-schema-reference.ts):
 * the same violations — path, keyword, message, params — in the same order, for every golden
 * document under every schema that checks it, and for seeded random mutations of each (a value
 * of another type, a key removed or added, a string grown or emptied, an item repeated, an
 * intrinsic function in place of a value, null).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { builtinRules } from '../../src/rules/index.js';
import { isIntrinsic, maybeNoValue } from '../../src/verify/cfn-intrinsics.js';
import { judged } from '../../src/verify/cloudformation.js';
import { cloudFormationTypes, resourceSchema } from '../../src/verify/cfn-schemas.js';
import { evaluate, makeStrict, type Schema } from '../../src/verify/json-schema.js';
import { readData } from '../../src/verify/vendor.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { referenceEvaluate } from './json-schema-reference.js';
import { random } from '../helpers/random.js';
import { mutate as mutateDoc } from '../helpers/mutate.js';

type Doc = Record<string, unknown>;

function goldenFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) goldenFiles(p, out);
    else if (/\/expected\//.test(p) && /\.(ya?ml|json)$/.test(p)) out.push(p);
  }
  return out;
}

function documents(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return [JSON.parse(text)];
  return parseAllDocuments(text).map((d) => d.toJS({ maxAliasCount: -1 }));
}

const isObj = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

const k8sIndex = readData<Record<string, string>>('kubernetes/index.json');
/** Kubernetes schemas as read: the verifier evaluates them with `strict`, the reference walks a makeStrict() copy. */
const k8sSchemas = new Map<string, Schema>();
const strictCopies = new Map<Schema, Schema>();
function strictCopy(schema: Schema): Schema {
  let s = strictCopies.get(schema);
  if (!s) {
    s = structuredClone(schema);
    makeStrict(s);
    strictCopies.set(schema, s);
  }
  return s;
}
function k8sSchema(key: string): Schema | undefined {
  if (!Object.hasOwn(k8sIndex, key)) return undefined;
  let s = k8sSchemas.get(key);
  if (!s) k8sSchemas.set(key, (s = readData<Doc>(k8sIndex[key]!)));
  return s;
}
const kustomization = readData<Doc>('kustomize/kustomization.json');
const sections = Object.fromEntries(['template', 'resources', 'parameters', 'outputs'].map((n) => [n, readData<Schema>(`cloudformation/template/${n}_configuration.json`)]));

interface Case {
  name: string;
  schema: Schema;
  data: unknown;
  cfn: boolean;
  /** Evaluated with `strict` (Kubernetes, kustomize), against the reference on a makeStrict() copy. */
  strict?: boolean;
}

/** Every (schema, value) pair the verifiers evaluate for one document. */
function casesOf(name: string, doc: unknown): Case[] {
  if (!isObj(doc)) return [];
  const out: Case[] = [];
  if (isObj(doc.Resources)) {
    out.push({ name: `${name} template`, schema: sections.template!, data: doc, cfn: false });
    out.push({ name: `${name} Resources`, schema: sections.resources!, data: doc.Resources, cfn: false });
    if (isObj(doc.Parameters)) out.push({ name: `${name} Parameters`, schema: sections.parameters!, data: doc.Parameters, cfn: false });
    if (isObj(doc.Outputs)) out.push({ name: `${name} Outputs`, schema: sections.outputs!, data: doc.Outputs, cfn: false });
    for (const [id, res] of Object.entries(doc.Resources)) {
      const schema = isObj(res) && typeof res.Type === 'string' ? resourceSchema(res.Type) : null;
      if (schema) out.push({ name: `${name} ${id}`, schema, data: (res as Doc).Properties ?? {}, cfn: true });
    }
  } else if (typeof doc.apiVersion === 'string' && typeof doc.kind === 'string') {
    const schema = doc.kind === 'Kustomization' ? kustomization : k8sSchema(`${doc.apiVersion} ${doc.kind}`);
    if (schema) out.push({ name, schema, data: doc, cfn: false, strict: true });
  }
  return out;
}

/** The containers (object or array) inside a value, with the value itself first. */
function containers(v: unknown, out: (Doc | unknown[])[] = []): (Doc | unknown[])[] {
  if (Array.isArray(v)) {
    out.push(v);
    for (const x of v) containers(x, out);
  } else if (isObj(v)) {
    out.push(v);
    for (const x of Object.values(v)) containers(x, out);
  }
  return out;
}

const REPLACEMENTS: ((old: unknown, rnd: () => number) => unknown)[] = [
  (old) => (typeof old === 'string' ? 42 : 'text'),
  (old) => (typeof old === 'number' ? String(old) : typeof old === 'string' ? [old] : 7.5),
  () => null,
  () => true,
  (old) => (typeof old === 'string' ? '' : {}),
  (old) => (typeof old === 'string' ? old.repeat(300) : -1),
  () => ({ Ref: 'Somewhere' }),
  () => ({ 'Fn::If': ['Cond', 'x', { Ref: 'AWS::NoValue' }] }),
  (old) => (Array.isArray(old) ? [...old, ...old] : [old, old]),
  (_old, rnd) => ({ unknownField: rnd() }),
];

function mutate(data: unknown, rnd: () => number): unknown {
  const extra = (r: () => number): [string, unknown] => {
    const name = `extra${Math.floor(r() * 3)}`;
    return [name, r() < 0.5 ? 'value' : { nested: 1 }];
  };
  return mutateDoc(data, rnd, { containers: (v) => containers(v), replacements: REPLACEMENTS, extra, removeBelow: 0.3, replaceScalars: true });
}

const files = goldenFiles(FIXTURES);
const cases = files.flatMap((f) => documents(f).flatMap((d, i) => casesOf(`${f.slice(FIXTURES.length + 1)}#${i}`, d)));
const MUTANTS = Number(process.env.JSON_SCHEMA_MUTANTS ?? 12);

/** What the evaluator reports for a case, and what the reference reports. */
function both(c: Case, data: unknown): [got: unknown, want: unknown] {
  const options = c.cfn ? { maybeUnset: maybeNoValue } : {};
  if (c.strict) return [evaluate(c.schema, data, { strict: true }), referenceEvaluate(strictCopy(c.schema), data, options)];
  return [evaluate(c.schema, data, options), referenceEvaluate(c.schema, data, options)];
}

function same(c: Case, data: unknown): void {
  const [got, want] = both(c, data);
  expect(got, c.name).toEqual(want);
}

describe('the plan-based evaluator reports what the direct walk reported', () => {
  it('finds documents of every verified kind among the goldens', () => {
    expect(cases.length).toBeGreaterThan(200);
    expect(cases.some((c) => c.cfn)).toBe(true);
    expect(cases.some((c) => c.schema === kustomization)).toBe(true);
    expect(cases.some((c) => k8sSchemas.size > 0 && [...k8sSchemas.values()].includes(c.schema))).toBe(true);
  });

  it('on every golden document', () => {
    for (const c of cases) same(c, c.data);
  });

  it(`on ${MUTANTS} seeded mutations of each golden document`, () => {
    let violations = 0;
    cases.forEach((c, i) => {
      const rnd = random(0x5eed + i);
      for (let m = 0; m < MUTANTS; m++) {
        const data = mutate(c.data, rnd);
        const [got, want] = both(c, data);
        violations += (want as unknown[]).length;
        expect(got, `${c.name} mutant ${m}`).toEqual(want);
      }
    });
    // The mutations do break documents: most keywords are exercised with a failing value.
    expect(violations).toBeGreaterThan(cases.length * MUTANTS);
  });

  it('on every bundled CloudFormation resource schema with values of the wrong shape', () => {
    const rnd = random(7);
    for (const type of cloudFormationTypes()) {
      const schema = resourceSchema(type)!;
      for (const data of [{}, [], 'x', null, { Tags: [{ Key: 1 }], Name: { 'Fn::Sub': 'x' } }, mutate({ a: { b: [1, 'c'] } }, rnd)]) {
        expect(evaluate(schema, data, { maybeUnset: maybeNoValue }), type).toEqual(referenceEvaluate(schema, data, { maybeUnset: maybeNoValue }));
      }
    }
  });

  it('on the rules’ option schemas and on boolean and reference-only schemas', () => {
    const schemas: Schema[] = [true, false, { $ref: '#/definitions/a', definitions: { a: false } }, { $ref: '#/nowhere', type: 'string' }, { type: ['integer', 'null'], not: { const: 3 } }];
    for (const r of builtinRules) if (r.meta.schema) schemas.push(r.meta.schema as Schema);
    const values: unknown[] = [null, 3, 3.5, 'x', [], [1, 1], {}, { a: 1 }, { level: 'x', min: -1 }, true];
    for (const s of schemas) for (const v of values) expect(evaluate(s, v)).toEqual(referenceEvaluate(s, v));
  });

  it('leaves intrinsic function calls unwalked (opaque) with the same CloudFormation findings', () => {
    // CloudFormation drops every violation at or below an intrinsic function call (judged()); the
    // verifier asks the evaluator not to walk such values at all. What stands must not change.
    const cfn = cases.filter((c) => c.cfn);
    let pruned = 0;
    let kept = 0;
    cfn.forEach((c, i) => {
      const rnd = random(0x1f + i);
      for (let m = 0; m <= MUTANTS * 3; m++) {
        const data = m === 0 ? c.data : mutate(c.data, rnd);
        const all = evaluate(c.schema, data, { maybeUnset: maybeNoValue });
        const walked = evaluate(c.schema, data, { maybeUnset: maybeNoValue, opaque: isIntrinsic });
        const want = all.filter((v) => judged(data, v));
        expect(walked.filter((v) => judged(data, v)), `${c.name} mutant ${m}`).toEqual(want);
        pruned += all.length - walked.length;
        kept += want.length;
      }
    });
    // The goldens' intrinsic calls are skipped (nothing is made for them), and mutants do fail.
    expect(pruned).toBeGreaterThan(cfn.length);
    expect(kept).toBeGreaterThan(cfn.length);
  });
});
