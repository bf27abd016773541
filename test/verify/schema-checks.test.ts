/**
 * The compiled Kubernetes checks (src/verify/schema-checks.generated.ts, from scripts/schema-checks.ts)
 * must report exactly what the evaluator reports with the vendored schema, strictly: the same
 * violations (path, message, keyword, params) in the same order. Checked on every golden
 * Kubernetes document, on seeded mutations of each, and on documents drawn from each schema, so
 * every compiled node runs, with values of every type, unknown keys and values outside enums.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SCHEMA_CHECKS_FILE, schemaChecksModule } from '../../scripts/schema-checks.js';
import { compactSchema } from '../../scripts/verify-data.mjs';
import { evaluate, type Schema } from '../../src/verify/json-schema.js';
import { COMPILED_USES, runCheck, useCompiled, type Check } from '../../src/verify/compiled-check.js';
import type { Artifact } from '../../src/core/serialize.js';
import { verifyArtifacts } from '../../src/verify/index.js';
import { withKustomizeFields } from '../../src/verify/kustomize-schema.js';
import { K8S_CHECKS, KUSTOMIZATION_CHECK } from '../../src/verify/schema-checks.generated.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { containers, isContainer, mutate } from '../helpers/mutate.js';
import { random } from '../helpers/random.js';

const VENDOR = join(ROOT, 'vendor/schemas');
const index = JSON.parse(readFileSync(join(VENDOR, 'kubernetes/index.json'), 'utf8')) as Record<string, string>;
const schemas = new Map<string, Schema>(Object.entries(index).map(([key, file]) => [key, compactSchema(JSON.parse(readFileSync(join(VENDOR, file), 'utf8'))) as Schema]));

const KUSTOMIZATION = 'kustomization';
const kustomization = withKustomizeFields(compactSchema(JSON.parse(readFileSync(join(VENDOR, 'kustomize/kustomization.json'), 'utf8'))) as Record<string, unknown>);
/** Each compiled root: its schema and check, and whether the verifier evaluates it strictly. */
const roots = new Map<string, { schema: Schema; check: Check; strict: boolean }>([
  ...[...schemas].map(([key, schema]) => [key, { schema, check: K8S_CHECKS[key]![1], strict: true }] as const),
  [KUSTOMIZATION, { schema: kustomization, check: KUSTOMIZATION_CHECK, strict: false }],
]);

function compare(key: string, doc: unknown, what: string): number {
  const { schema, check, strict } = roots.get(key)!;
  const want = evaluate(schema, doc, { strict });
  expect(runCheck(check, doc), `${key}: ${what}`).toEqual(want);
  return want.length;
}

/** Every Kubernetes document (one with a bundled schema) of the fixtures' expected outputs. */
function goldenDocs(dir = FIXTURES, out: [string, string, Record<string, unknown>][] = []): [string, string, Record<string, unknown>][] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) goldenDocs(p, out);
    else if (/\/expected\/.*\.ya?ml$/.test(p)) {
      for (const d of parseAllDocuments(readFileSync(p, 'utf8'))) {
        const doc = d.toJS() as Record<string, unknown> | null;
        const key = /\/kustomization\.ya?ml$/.test(p) ? KUSTOMIZATION : doc && typeof doc === 'object' ? `${String(doc.apiVersion)} ${String(doc.kind)}` : '';
        if (key === KUSTOMIZATION || Object.hasOwn(index, key)) out.push([p.slice(FIXTURES.length + 1), key, doc!]);
      }
    }
  }
  return out;
}


/** Values of each JSON type, and strings a pattern, a length bound or an enum may refuse. */
const REPLACEMENTS: ((old: unknown, rnd: () => number) => unknown)[] = [
  (old) => (typeof old === 'string' ? 42 : 'text'),
  () => 2.5,
  () => -1,
  () => true,
  () => null,
  () => '',
  () => 'x'.repeat(300),
  () => 'Not_A-Valid Name',
  () => [],
  (old) => [old, 'x'],
  () => ({}),
  (old) => ({ nested: old }),
  (old) => (isContainer(old) && !Array.isArray(old) ? { ...old, unknownField: 1 } : old),
];
const mutateOptions = { containers: (v: unknown) => containers(v), replacements: REPLACEMENTS, extra: (r: () => number): [string, unknown] => [`extra${Math.floor(r() * 2)}`, 'value'], removeBelow: 0.3 };

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const WRONG: unknown[] = [null, 'text', 7, 2.5, true, [], {}, '0', 'ÿ'.repeat(70), '😀'];

/**
 * A document drawn from `schema`: each declared property is present at random, values mostly of a
 * type the schema allows (enum members, strings near the length bounds), sometimes of the wrong
 * type, sometimes an unknown key, sometimes a required field left out.
 */
function draw(schema: Schema, rnd: () => number, depth = 0, root: Schema = schema): unknown {
  if (typeof schema === 'boolean' || rnd() < 0.04) return pick(rnd, WRONG);
  let s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') s = { ...(s.$ref.split('/').slice(1).reduce((x: Record<string, unknown>, k) => x[k] as Record<string, unknown>, root as Record<string, unknown>)), ...s, $ref: undefined };
  if ('const' in s && rnd() < 0.8) return s.const;
  if (Array.isArray(s.enum) && rnd() < 0.9) return pick(rnd, s.enum);
  const branches = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  // A branch that is more than a type: draw from one branch (it may still fit several, or none).
  if (branches?.some((b) => typeof b === 'object' && Object.keys(b).some((k) => k !== 'type')) && rnd() < 0.8) return draw({ ...s, oneOf: undefined, anyOf: undefined, ...(pick(rnd, branches) as object) }, rnd, depth, root);
  const types = (Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : branches ? branches.map((b) => (b as Record<string, unknown>).type) : [pick(rnd, ['string', 'integer', 'object'])]) as string[];
  const type = pick(rnd, types.filter((t) => t !== 'null').length ? types.filter((t) => t !== 'null' || rnd() < 0.1) : types);
  switch (type) {
    case 'string': {
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      const max = typeof s.maxLength === 'number' ? s.maxLength : 12;
      const len = rnd() < 0.2 ? pick(rnd, [Math.max(0, min - 1), max + 1]) : min + Math.floor(rnd() * (Math.min(max, min + 12) - min + 1));
      return pick(rnd, ['a', 'b-1', 'Z', '/', '.', '😀']).repeat(len).slice(0, len + 1);
    }
    case 'integer':
    case 'number': {
      const lo = typeof s.minimum === 'number' ? s.minimum : -5;
      const hi = typeof s.maximum === 'number' ? s.maximum : 100;
      return rnd() < 0.2 ? pick(rnd, [lo - 1, hi + 1, 0.5]) : lo + Math.floor(rnd() * (Math.min(hi, lo + 50) - lo + 1));
    }
    case 'boolean':
      return rnd() < 0.5;
    case 'null':
      return null;
    case 'array': {
      const n = depth > 6 ? 0 : typeof s.maxItems === 'number' && rnd() < 0.1 ? s.maxItems + 1 : Math.floor(rnd() * 3);
      return Array.from({ length: n }, () => draw((s.items as Schema) ?? true, rnd, depth + 1, root));
    }
    default: {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      for (const [name, sub] of Object.entries(props)) {
        const chance = required.has(name) ? 0.95 : depth > 6 ? 0.02 : 0.3;
        if (rnd() < chance) out[name] = draw(sub, rnd, depth + 1, root);
      }
      if (typeof s.additionalProperties === 'object' && rnd() < 0.5) out[pick(rnd, ['app', 'a/b', 'x'])] = draw(s.additionalProperties as Schema, rnd, depth + 1, root);
      for (const sub of Object.values((s.patternProperties ?? {}) as Record<string, Schema>)) if (rnd() < 0.5) out[pick(rnd, ['app', 'a/b', 'x'])] = draw(sub, rnd, depth + 1, root);
      if (rnd() < 0.05) out[pick(rnd, ['unknownField', 'extra'])] = pick(rnd, WRONG);
      return out;
    }
  }
}

describe('compiled Kubernetes checks', () => {
  it(`${SCHEMA_CHECKS_FILE} is what scripts/schema-checks.ts makes of vendor/schemas (npm run gen:schema-checks)`, () => {
    expect(readFileSync(join(ROOT, SCHEMA_CHECKS_FILE), 'utf8')).toBe(schemaChecksModule(VENDOR));
  });

  it('cover every kind of kubernetes/index.json, with its schema file, and kustomization.json', () => {
    expect(typeof KUSTOMIZATION_CHECK).toBe('function');
    expect(Object.fromEntries(Object.entries(K8S_CHECKS).map(([k, [file]]) => [k, file]))).toEqual(index);
  });

  const goldens = goldenDocs();
  it('report what the evaluator reports on every golden Kubernetes document and kustomization', () => {
    expect(new Set(goldens.map(([, key]) => key)).size).toBeGreaterThanOrEqual(9);
    expect(goldens.filter(([, key]) => key === KUSTOMIZATION).length).toBeGreaterThan(20);
    const found = goldens.filter(([file, key, doc]) => compare(key, doc, file) > 0).map(([file]) => file);
    // Only strategic-merge patches (partial objects: `$patch: delete` has no required fields) break a schema.
    expect(found.length).toBeLessThan(goldens.length / 10);
    for (const file of found) expect(file).toMatch(/\/patches\//);
  });

  const MUTANTS = Number(process.env.K8S_MUTANTS ?? 40);
  it(`report what the evaluator reports on ${MUTANTS} seeded mutations of each golden document`, () => {
    let found = 0;
    goldens.forEach(([file, key, doc], i) => {
      const rnd = random(0x8c00 + i);
      for (let m = 0; m < MUTANTS; m++) found += compare(key, mutate(doc, rnd, mutateOptions), `${file} mutant ${m}`);
    });
    expect(found).toBeGreaterThan(goldens.length * MUTANTS * 0.5);
  });

  const DRAWS = Number(process.env.K8S_DRAWS ?? 300);
  it(`report what the evaluator reports on ${DRAWS} documents drawn from each schema`, () => {
    const keywords = new Map<string, number>();
    for (const [key, { schema, strict }] of roots) {
      const rnd = random(0x5eed ^ key.length);
      for (let d = 0; d < DRAWS; d++) {
        const doc = draw(schema, rnd) as Record<string, unknown>;
        if (key !== KUSTOMIZATION && doc && typeof doc === 'object' && !Array.isArray(doc) && rnd() < 0.9) Object.assign(doc, { apiVersion: key.split(' ')[0], kind: key.split(' ')[1] });
        compare(key, doc, `draw ${d}`);
        for (const v of evaluate(schema, doc, { strict })) {
          const k = `${key === KUSTOMIZATION ? 'kustomization ' : ''}${v.keyword}`;
          keywords.set(k, (keywords.get(k) ?? 0) + 1);
        }
      }
    }
    // Every keyword the compiled checks handle was broken somewhere, so each was compared failing too.
    for (const k of ['type', 'enum', 'required', 'additionalProperties', 'oneOf', 'anyOf', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'maxItems']) expect(keywords.get(k) ?? 0, k).toBeGreaterThan(0);
    // (`const` is only inside sortOptions' oneOf branches: compared there, where it decides the branch.)
    for (const k of ['type', 'enum', 'required', 'additionalProperties', 'oneOf']) expect(keywords.get(`kustomization ${k}`) ?? 0, `kustomization ${k}`).toBeGreaterThan(0);
  });

  it('are not made for a keyword they do not compile: the generator names the schema and the place', () => {
    for (const bad of [{ allOf: [{ type: 'string' }] }, { not: { type: 'string' } }, { uniqueItems: true }, { items: [{ type: 'string' }] }, { propertyNames: { pattern: '^a' } }]) {
      const dir = fakeVendor({ type: 'object', properties: { spec: { type: 'object', properties: { field: bad } } }, 'x-kubernetes-group-version-kind': [{ group: '', version: 'v1', kind: 'Thing' }] });
      expect(() => schemaChecksModule(dir)).toThrow(/thing\.json#\/properties\/spec\/properties\/field.*is not compiled/);
    }
  });
});

/** A vendor folder holding one Kubernetes schema (`kubernetes/v1/thing.json`) and its index. */
function fakeVendor(schema: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-schema-checks-'));
  mkdirSync(join(dir, 'kubernetes/v1'), { recursive: true });
  writeFileSync(join(dir, 'kubernetes/v1/thing.json'), JSON.stringify(schema));
  writeFileSync(join(dir, 'kubernetes/index.json'), JSON.stringify({ 'v1 Thing': 'kubernetes/v1/thing.json' }));
  return dir;
}

describe('the verifier switches from a compiled check to the evaluator', () => {
  it(`after ${COMPILED_USES} uses of a schema in a process, with the same diagnostics before and after`, () => {
    for (let i = 0; i < COMPILED_USES; i++) expect(useCompiled('test schema')).toBe(true);
    expect(useCompiled('test schema')).toBe(false);
    expect(useCompiled('another schema')).toBe(true);
    // A broken Deployment and kustomization, verified past the switch: every run reports the same.
    const deployment = structuredClone(goldenDocs().find(([, key]) => key === 'apps/v1 Deployment')![2]) as Record<string, any>;
    deployment.spec.template.spec.containers[0].imagePullPolice = 'Always';
    deployment.spec.replicas = 'two';
    const artifacts = [
      { path: 'web/kubernetes/deployment.yaml', kind: 'kubernetes', format: 'yaml', emitter: 'test', documents: [deployment] },
      { path: 'web/kubernetes/kustomization.yaml', kind: 'kustomization', format: 'yaml', emitter: 'test', documents: [{ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['deployment.yaml'], nameSufix: 'x' }] },
    ] as unknown as Artifact[];
    const runs = Array.from({ length: COMPILED_USES + 3 }, () => verifyArtifacts(artifacts).map((d) => `${d.code} ${d.message}`));
    expect(runs[0]!.filter((d) => d.startsWith('VERIFY_K8S_SCHEMA')).length).toBe(2);
    expect(runs[0]!.filter((d) => d.startsWith('VERIFY_KUSTOMIZE_SCHEMA')).length).toBe(1);
    for (const r of runs) expect(r).toEqual(runs[0]);
  });
});
