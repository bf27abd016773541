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
import { k8sChecks } from '../../src/verify/schema-checks.generated.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { containers, isContainer, JSON_REPLACEMENTS, mutate } from '../helpers/mutate.js';
import { random } from '../helpers/random.js';
import { draw } from '../helpers/draw-schema.js';

const VENDOR = join(ROOT, 'vendor/schemas');
const index = JSON.parse(readFileSync(join(VENDOR, 'kubernetes/index.json'), 'utf8')) as Record<string, string>;
const schemas = new Map<string, Schema>(Object.entries(index).map(([key, file]) => [key, compactSchema(JSON.parse(readFileSync(join(VENDOR, file), 'utf8'))) as Schema]));

const KUSTOMIZATION = 'kustomization';
const kustomization = withKustomizeFields(compactSchema(JSON.parse(readFileSync(join(VENDOR, 'kustomize/kustomization.json'), 'utf8'))) as Record<string, unknown>);
/** Each compiled root: its schema and check, and whether the verifier evaluates it strictly. */
const { kinds: K8S_CHECKS, kustomization: KUSTOMIZATION_CHECK } = k8sChecks();
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
  ...JSON_REPLACEMENTS,
  () => 'Not_A-Valid Name',
  (old) => [old, 'x'],
  (old) => ({ nested: old }),
  (old) => (isContainer(old) && !Array.isArray(old) ? { ...old, unknownField: 1 } : old),
];
const mutateOptions = { containers: (v: unknown) => containers(v), replacements: REPLACEMENTS, extra: (r: () => number): [string, unknown] => [`extra${Math.floor(r() * 2)}`, 'value'], removeBelow: 0.3 };

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
