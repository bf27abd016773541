/**
 * The compiled CloudFormation checks (src/verify/cfn-checks.generated.ts, from
 * scripts/schema-checks.ts) must report exactly what the evaluator reports: the resource checks
 * with the vendored registry schema and cloudformation.ts's options (PROPERTIES: intrinsic function
 * calls are not walked, a property Fn::If may leave out does not count as set), the template
 * section checks with cfn-lint's section schemas as the verifier adjusts them; the same violations
 * in the same order. Checked on the Properties and the sections of every golden template, on
 * seeded mutations of each (with intrinsic function calls among the replacements), on documents
 * drawn from each resource schema and on documents made for the section schemas' `if`, `not` and
 * `propertyNames`; and the verifier's diagnostics are the same whichever of the two a run uses.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { CFN_CHECKS_FILE, cfnChecksModule } from '../../scripts/schema-checks.js';
import { compactSchema } from '../../scripts/verify-data.mjs';
import type { Artifact } from '../../src/core/serialize.js';
import { cfnChecks } from '../../src/verify/cfn-checks.generated.js';
import { attributesOf, CFN_SECTIONS, readOnlyPathsOf, sectionAsChecked, sectionFile, type CfnSection } from '../../src/verify/cfn-resource-data.js';
import { PROPERTIES } from '../../src/verify/cloudformation.js';
import { COMPILED_USES, runCheck, type Check } from '../../src/verify/compiled-check.js';
import { evaluate, type Schema, type Violation } from '../../src/verify/json-schema.js';
import { draw } from '../helpers/draw-schema.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { containers, isContainer, JSON_REPLACEMENTS, mutate } from '../helpers/mutate.js';
import { random } from '../helpers/random.js';

const VENDOR = join(ROOT, 'vendor/schemas');
const RESOURCES = 'cloudformation/resources';
const files = readdirSync(join(VENDOR, RESOURCES)).filter((f) => f.endsWith('.json')).sort();
const schemas = new Map<string, Record<string, unknown>>(files.map((f) => [f.replace(/\.json$/, '').replace(/_/g, '::'), compactSchema(JSON.parse(readFileSync(join(VENDOR, RESOURCES, f), 'utf8'))) as Record<string, unknown>]));
const checks = cfnChecks().resources;

/** Compares the compiled check of `type` with the evaluator on `props`; returns how many violations there were. */
function compare(type: string, props: unknown, what: string, keywords?: Map<string, number>): number {
  const want = evaluate(schemas.get(type)!, props, PROPERTIES);
  expect(runCheck(checks[type]![1], props, PROPERTIES), `${type}: ${what}`).toEqual(want);
  for (const v of want) keywords?.set(v.keyword, (keywords.get(v.keyword) ?? 0) + 1);
  return want.length;
}

/** [file, template] of every CloudFormation template among the fixtures' expected files. */
function goldenTemplates(dir = FIXTURES, out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) goldenTemplates(p, out);
    else if (/\/expected\/.*\.(ya?ml|json)$/.test(p)) {
      const text = readFileSync(p, 'utf8');
      if (!text.includes('AWSTemplateFormatVersion')) continue;
      const doc = parse(text, { customTags: cfnTags }) as Record<string, unknown> | null;
      if (doc) out.push([p.slice(FIXTURES.length + 1), doc]);
    }
  }
  return out;
}

/** [file, resource type, Properties] of every resource with a bundled schema in the fixtures' expected templates. */
function goldenResources(): [string, string, unknown][] {
  return goldenTemplates().flatMap(([file, doc]) =>
    Object.entries((doc.Resources ?? {}) as Record<string, { Type?: string; Properties?: unknown } | null>)
      .filter(([, r]) => typeof r?.Type === 'string' && schemas.has(r.Type))
      .map(([id, r]): [string, string, unknown] => [`${file}#${id}`, r!.Type!, r!.Properties ?? {}]),
  );
}

/** CloudFormation's short-form tags (`!Ref X`), read as the long form the verifier sees. */
const cfnTags = ['Ref', 'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'ImportValue', 'GetAZs', 'Base64', 'Cidr', 'Condition'].flatMap((fn) => {
  const key = fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
  const resolve = (v: unknown) => ({ [key]: fn === 'GetAtt' && typeof v === 'string' ? v.split('.') : v });
  return (['scalar', 'seq', 'map'] as const).map((nodeClass) => ({ tag: `!${fn}`, collection: nodeClass === 'scalar' ? undefined : nodeClass, resolve }));
}) as never;

/** Values a mutation puts in: every JSON type, strings the patterns and bounds refuse, and intrinsic function calls. */
const REPLACEMENTS: ((old: unknown, rnd: () => number) => unknown)[] = [
  ...JSON_REPLACEMENTS,
  (old) => [old, old],
  (old) => (isContainer(old) && !Array.isArray(old) ? { ...old, UnknownField: 1 } : old),
  () => ({ Ref: 'SomeParameter' }),
  () => ({ 'Fn::GetAtt': ['SomeResource', 'Arn'] }),
  (old) => ({ 'Fn::If': ['SomeCondition', old, { Ref: 'AWS::NoValue' }] }),
  (old) => ({ 'Fn::If': ['SomeCondition', old, 'other'] }),
  (old) => ({ Ref: 'X', Extra: old }),
];
const mutateOptions = { containers: (v: unknown) => containers(v), replacements: REPLACEMENTS, extra: (r: () => number): [string, unknown] => [`Extra${Math.floor(r() * 2)}`, 'value'], removeBelow: 0.3 };

/**
 * A drawn document with, at random, intrinsic function calls in place of values, and arrays that
 * repeat an item, repeat an item's key fields with another value (`uniqueKeys`), or hold many
 * distinct strings (`maxUniqueItems`).
 */
function cfnize(v: unknown, rnd: () => number): unknown {
  if (Array.isArray(v)) {
    const items = v.map((x) => cfnize(x, rnd));
    const r = rnd();
    if (items.length && r < 0.15) return [...items, structuredClone(items[0])];
    if (items.length && r < 0.3 && isContainer(items[0]) && !Array.isArray(items[0])) return [...items, { ...items[0], Value: 'another value' }];
    if (r < 0.4) return [...items, ...Array.from({ length: 6 }, (_, i) => `distinct-${i}`)];
    return items;
  }
  if (!isContainer(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const r = rnd();
    out[k] = r < 0.06 ? { Ref: 'P' } : r < 0.1 ? { 'Fn::If': ['C', cfnize(x, rnd), { Ref: 'AWS::NoValue' }] } : cfnize(x, rnd);
  }
  return out;
}

/** A vendor folder holding one resource schema (AWS::Test::Thing) and the bundled template section schemas. */
function vendorWith(schema: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-cfn-checks-'));
  mkdirSync(join(dir, RESOURCES), { recursive: true });
  writeFileSync(join(dir, RESOURCES, 'AWS_Test_Thing.json'), JSON.stringify(schema));
  for (const name of CFN_SECTIONS) {
    mkdirSync(join(dir, sectionFile(name), '..'), { recursive: true });
    copyFileSync(join(VENDOR, sectionFile(name)), join(dir, sectionFile(name)));
  }
  return dir;
}

/**
 * The compiled check of `schema` (as AWS::Test::Thing, generated and imported), and a comparison of
 * it with evaluate() under cloudformation.ts's options that returns the evaluator's findings.
 */
async function againstEvaluator(schema: Record<string, unknown>): Promise<(doc: unknown) => Violation[]> {
  const check = (await madeFrom(vendorWith(schema))).resources['AWS::Test::Thing']![1];
  return (doc) => {
    const want = evaluate(schema, doc, PROPERTIES);
    expect(runCheck(check, doc, PROPERTIES), JSON.stringify(doc)).toEqual(want);
    return want;
  };
}

/** The generated module made from `dir`, imported: its checks. */
async function madeFrom(dir: string): Promise<ReturnType<typeof cfnChecks>> {
  const text = cfnChecksModule(dir).replace("from './compiled-check.js'", `from ${JSON.stringify(join(ROOT, 'src/verify/compiled-check.ts'))}`).replace(/^import type .*$/m, '');
  const file = join(dir, 'checks.ts');
  writeFileSync(file, text);
  return ((await import(file)) as { cfnChecks: typeof cfnChecks }).cfnChecks();
}

describe('compiled CloudFormation resource checks', () => {
  it(`${CFN_CHECKS_FILE} is what scripts/schema-checks.ts makes of vendor/schemas (npm run gen:schema-checks)`, () => {
    expect(readFileSync(join(ROOT, CFN_CHECKS_FILE), 'utf8')).toBe(cfnChecksModule(VENDOR));
  });

  it('cover every bundled resource schema, with its file, read-only paths and GetAtt attributes', () => {
    expect(Object.keys(checks).sort()).toEqual([...schemas.keys()].sort());
    for (const [type, schema] of schemas) {
      const [file, , readOnly, attributes] = checks[type]!;
      expect(file).toBe(`${RESOURCES}/${type.replace(/::/g, '_')}.json`);
      expect(readOnly).toEqual(readOnlyPathsOf(schema));
      expect(attributes).toEqual(attributesOf(schema));
    }
    // The data is the schema's, not empty: ECS services have read-only attributes and many properties.
    expect(checks['AWS::ECS::Service']![3].readOnly).toContain('ServiceArn');
    expect(checks['AWS::ECS::Service']![3].top.length).toBeGreaterThan(20);
  });

  const goldens = goldenResources();
  it('report what the evaluator reports on every resource of every golden template', () => {
    expect(new Set(goldens.map(([, type]) => type)).size).toBeGreaterThanOrEqual(15);
    expect(goldens.length).toBeGreaterThan(300);
    for (const [what, type, props] of goldens) compare(type, props, what);
  });

  const MUTANTS = Number(process.env.CFN_MUTANTS ?? 12);
  it(`report what the evaluator reports on ${MUTANTS} seeded mutations of each golden resource`, () => {
    const keywords = new Map<string, number>();
    goldens.forEach(([what, type, props], i) => {
      const rnd = random(0xcf00 + i);
      for (let m = 0; m < MUTANTS; m++) compare(type, mutate(props, rnd, { ...mutateOptions, replaceScalars: true }), `${what} mutant ${m}`, keywords);
    });
    for (const k of ['type', 'enum', 'required', 'additionalProperties', 'pattern', 'maxLength', 'uniqueItems']) expect(keywords.get(k) ?? 0, k).toBeGreaterThan(0);
  });

  const DRAWS = Number(process.env.CFN_DRAWS ?? 150);
  it(`report what the evaluator reports on ${DRAWS} documents drawn from each schema`, () => {
    const keywords = new Map<string, number>();
    let opaqueMattered = 0;
    for (const [type, schema] of schemas) {
      const rnd = random(0xcf5eed ^ type.length);
      for (let d = 0; d < DRAWS; d++) {
        const doc = cfnize(draw(schema as Schema, rnd), rnd);
        compare(type, doc, `draw ${d}`, keywords);
        if (JSON.stringify(evaluate(schema, doc)) !== JSON.stringify(evaluate(schema, doc, PROPERTIES))) opaqueMattered++;
      }
    }
    // Every keyword the CloudFormation checks add was broken somewhere, so each was compared failing too.
    for (const k of ['type', 'enum', 'required', 'additionalProperties', 'oneOf', 'anyOf', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'uniqueItems', 'requiredXor', 'dependentExcluded', 'dependentRequired', 'maxUniqueItems']) expect(keywords.get(k) ?? 0, k).toBeGreaterThan(0);
    // ...and the options changed the evaluator's answer often: intrinsic calls skipped, Fn::If counted as maybe unset.
    expect(opaqueMattered).toBeGreaterThan(100);
  });

  it('report what the evaluator reports on uniqueKeys (a task definition repeating an environment name)', () => {
    const keywords = new Map<string, number>();
    for (const [what, type, props] of goldens.filter(([, type]) => type === 'AWS::ECS::TaskDefinition')) {
      const doc = structuredClone(props) as { ContainerDefinitions?: { Environment?: { Name: unknown; Value: unknown }[] }[] };
      const env = doc.ContainerDefinitions?.find((c) => c.Environment?.length)?.Environment;
      if (!env) continue;
      env.push({ ...env[0]!, Value: 'another value' }, { Name: { Ref: 'P' }, Value: 'x' }, { Name: { Ref: 'P' }, Value: 'y' });
      compare(type, doc, `${what} with a repeated name`, keywords);
    }
    expect(keywords.get('uniqueKeys') ?? 0).toBeGreaterThan(10);
  });

  it('are not made for a keyword they do not compile: the generator names the schema and the place', () => {
    for (const bad of [{ allOf: [{ type: 'string' }] }, { items: [{ type: 'string' }] }, { properties: { A: { allOf: [true] } } }]) {
      const dir = vendorWith({ typeName: 'AWS::Test::Thing', type: 'object', properties: { Field: bad } });
      expect(() => cfnChecksModule(dir)).toThrow(/AWS_Test_Thing\.json#\/properties\/Field.*is not compiled/);
    }
  });
});

describe('a compiled check of a choice no branch accepts', () => {
  // No bundled schema has a `oneOf`/`anyOf` branch that walks into a value (theirs name required
  // fields or formats), so this one is made for the test: where the evaluator skips an intrinsic
  // function call outside a probe, the explanation of a failed choice must skip it too.
  it('is explained as evaluate() explains it: by walking the branches again, intrinsic calls skipped', async () => {
    const schema = {
      typeName: 'AWS::Test::Thing',
      type: 'object',
      properties: {
        Choice: {
          anyOf: [
            { type: 'object', required: ['A'], properties: { A: { type: 'string' }, B: { type: 'integer' } } },
            { type: 'object', required: ['C'], properties: { C: { type: 'string' } } },
          ],
        },
      },
    };
    const compare = await againstEvaluator(schema);
    let differs = 0;
    for (const doc of [
      { Choice: { A: { Ref: 'P' }, B: 'x' } },
      { Choice: { A: 'a', B: { 'Fn::If': ['C', 1, 'x'] } } },
      { Choice: { B: { Ref: 'P' } } },
      { Choice: { A: { Ref: 'P' }, C: { Ref: 'Q' }, B: 1.5 } },
      { Choice: { C: 7 } },
    ]) {
      // The probes walk the intrinsic calls; a walk that kept their findings would explain otherwise.
      if (JSON.stringify(compare(doc)) !== JSON.stringify(evaluate(schema, doc))) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });
});

/** cfn-lint's section schemas as the verifier checks them, compacted as the build ships them. */
const sectionSchemas = new Map(CFN_SECTIONS.map((name) => [name, sectionAsChecked(name, compactSchema(JSON.parse(readFileSync(join(VENDOR, sectionFile(name)), 'utf8'))) as Record<string, unknown>)]));

/** Compares the compiled check of a template section with the evaluator on `data`. */
function compareSection(name: CfnSection, data: unknown, what: string, keywords: Map<string, number>): void {
  const want = evaluate(sectionSchemas.get(name)!, data);
  expect(runCheck(cfnChecks().sections[name], data), `${name}: ${what}`).toEqual(want);
  for (const v of want) keywords.set(v.keyword, (keywords.get(v.keyword) ?? 0) + 1);
}

/** What the verifier checks against each section schema: the template, its Parameters, Outputs and Resources. */
function sectionData(doc: Record<string, unknown>): [CfnSection, unknown][] {
  return [['template', doc] as [CfnSection, unknown], ['parameters', doc.Parameters], ['outputs', doc.Outputs], ['resources', doc.Resources]].filter(([, d]) => isContainer(d)) as [CfnSection, unknown][];
}

const many = (n: number, make: (i: number) => unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`N${i}`, make(i)]));

/** Documents made for what the section schemas say beyond types: their if/then/else, not, propertyNames, false schemas and bounds. */
const SECTION_CASES: [CfnSection, unknown][] = [
  ['template', { AWSTemplateFormatVersion: '2010-09-10', Resources: {}, Foo: 1 }],
  ['template', { AWSTemplateFormatVersion: 20100909, Conditions: [], Rules: 'x' }],
  ['template', []],
  ['parameters', { P: { Type: 'Number', MinLength: 1, MaxLength: 5000, AllowedPattern: '.*', MaxValue: 3 } }],
  ['parameters', { P: { Type: 'String', MaxValue: 3, MinValue: '1', Default: 'x'.repeat(5000) } }],
  ['parameters', { P: { Type: 'List<AWS::EC2::Subnet::Id>', MaxValue: 1, NoEcho: 'yes', AllowedValues: ['a', 7] } }],
  ['parameters', { P: { MaxValue: 1 }, Q: {}, R: 'String' }],
  ['parameters', { '': { Type: 'String' }, [`P${'x'.repeat(300)}`]: { Type: 'String' }, 'bad-name': { Type: 'String' } }],
  ['outputs', many(201, (i) => ({ Value: i }))],
  ['outputs', { O: { Value: 1, Export: {} }, P: { Description: 5, Condition: ['x'] }, Q: { Value: 'v', Export: { Name: 'n', Other: 1 } } }],
  ['outputs', { [`O${'y'.repeat(260)}`]: { Value: 1 }, 'o-1': { Value: 1 } }],
  ['resources', many(501, () => ({ Type: 'AWS::SNS::Topic' }))],
  ['resources', { R: { Type: 'Custom::Thing', Version: '1.0', CreationPolicy: {}, UpdatePolicy: {} } }],
  ['resources', { R: { Type: 'AWS::CloudFormation::CustomResource', Version: 1.5 } }],
  ['resources', { R: { Type: 'AWS::S3::Bucket', Version: 1, CreationPolicy: 'x', UpdatePolicy: [] } }],
  ['resources', { R: { Type: 7, DependsOn: 5, Condition: {} }, S: { DependsOn: ['a', 1] }, T: null }],
  ['resources', { [`R${'z'.repeat(256)}`]: { Type: 'AWS::SNS::Topic' }, 'r-1': { Type: 'AWS::SNS::Topic' } }],
];

/** Replacements and added fields that reach the section schemas' branches: custom resources, parameter types, versions. */
const SECTION_MUTATIONS = {
  containers: (v: unknown) => containers(v),
  replacements: [
    ...JSON_REPLACEMENTS,
    () => 'Custom::Thing',
    () => 'Number',
    () => 'CommaDelimitedList',
    () => ({ Type: 'Number', MinLength: 1 }),
    () => ({ Type: 'Custom::X', CreationPolicy: {} }),
    () => ({ Ref: 'X' }),
    (old: unknown) => (isContainer(old) && !Array.isArray(old) ? { ...old, Version: 1 } : old),
  ],
  extra: (r: () => number): [string, unknown] => [
    ['Extra0', 'bad-name', '', 'x'.repeat(256), 'Version', 'CreationPolicy', 'MinValue', 'AllowedPattern', 'MaxLength', 'Type', 'Export'][Math.floor(r() * 11)]!,
    ['value', 1, {}, { Type: 'String' }, { Value: 1 }][Math.floor(r() * 5)],
  ],
  removeBelow: 0.3,
  replaceScalars: true,
};

describe('compiled CloudFormation template section checks', () => {
  const templates = goldenTemplates();

  it('check the four section schemas, each as the verifier adjusts it', () => {
    expect(Object.keys(cfnChecks().sections).sort()).toEqual([...CFN_SECTIONS].sort());
    // The template section's version is a string here, not cfn-lint's `date`.
    expect((sectionSchemas.get('template')!.properties as Record<string, { type: unknown }>).AWSTemplateFormatVersion!.type).toBe('string');
  });

  it('report what the evaluator reports on the sections of every golden template', () => {
    expect(templates.length).toBeGreaterThan(30);
    const keywords = new Map<string, number>();
    for (const [file, doc] of templates) for (const [name, data] of sectionData(doc)) compareSection(name, data, file, keywords);
    // The goldens pass their sections: the Hooks section the blue/green transform reads is cfn-lint's only finding.
    expect([...keywords.keys()]).toEqual(keywords.size ? ['additionalProperties'] : []);
  });

  const MUTANTS = Number(process.env.CFN_MUTANTS ?? 12);
  it(`report what the evaluator reports on ${MUTANTS} seeded mutations of each golden section, and on documents made for each keyword`, () => {
    const keywords = new Map<string, number>();
    templates.forEach(([file, doc], i) => {
      sectionData(doc).forEach(([name, data], j) => {
        const rnd = random(0x5ec7 + 16 * i + j);
        for (let m = 0; m < MUTANTS; m++) compareSection(name, mutate(data, rnd, SECTION_MUTATIONS), `${file} mutant ${m}`, keywords);
      });
    });
    SECTION_CASES.forEach(([name, data], i) => compareSection(name, data, `case ${i}`, keywords));
    for (const k of ['type', 'enum', 'required', 'additionalProperties', 'propertyNames', 'not', 'false schema', 'maxProperties', 'maxLength', 'maximum']) expect(keywords.get(k) ?? 0, k).toBeGreaterThan(0);
  });
});

describe('a compiled check with not, if/then/else, propertyNames and maxProperties', () => {
  // No bundled resource schema uses these (the section schemas do, and have no intrinsic calls to
  // skip): made for the test, with cloudformation.ts's options, a `propertyNames` inside a choice
  // that must be explained, and intrinsic function calls where values go.
  it('reports what evaluate() reports with the same options', async () => {
    const schema = {
      typeName: 'AWS::Test::Thing',
      type: 'object',
      properties: {
        A: { not: { type: 'string' } },
        B: { type: 'object', if: { properties: { K: { const: 'x' } }, required: ['K'] }, then: { required: ['T'] }, else: { propertyNames: { enum: ['K', 'E'] } } },
        C: { type: 'object', maxProperties: 1, propertyNames: { maxLength: 3, pattern: '^[a-z]+$' }, additionalProperties: { type: 'integer' } },
        D: { oneOf: [{ type: 'object', propertyNames: { enum: ['a'] } }, { type: 'object', required: ['z'] }] },
        E: { if: true, then: { minLength: 2 } },
        F: { not: true },
        G: { if: { type: 'string' }, else: { type: 'integer' } },
        H: { type: 'object', properties: { a: { type: 'string' } }, propertyNames: { pattern: '^[a-z]$' } },
      },
    };
    const compare = await againstEvaluator(schema);
    const keywords = new Map<string, number>();
    for (const doc of [
      { A: 'text', B: { K: 'x' }, C: { abcd: 'x', ABCDE: 2 }, H: { a: 1, BB: 2 }, D: { b: 1, c: 2 }, E: 'x', F: 1, G: 2.5 },
      { A: 1, B: { K: 'y', Q: 1 }, C: { ab: 'x' }, D: { a: 1 }, E: 'xy', G: 'x' },
      { A: { Ref: 'P' }, B: { K: { Ref: 'P' }, T: 1 }, C: { ab: { Ref: 'P' } }, D: { Ref: 'P' }, E: { 'Fn::Sub': 'x' } },
      { B: { Ref: 'P', Extra: 1 }, C: { 'Fn::If': ['C', { a: 1 }, { Ref: 'AWS::NoValue' }] }, D: { z: 1, b: 2 }, G: { Ref: 'P' } },
      { B: 'x', C: [], D: { b: { Ref: 'P' } } },
      { D: 7 },
      { D: { a: 1, z: 1 } },
    ]) {
      for (const v of compare(doc)) keywords.set(v.keyword, (keywords.get(v.keyword) ?? 0) + 1);
    }
    for (const k of ['not', 'required', 'propertyNames', 'maxProperties', 'minLength', 'oneOf', 'type']) expect(keywords.get(k) ?? 0, k).toBeGreaterThan(0);
  });
});

describe('the CloudFormation verifier', () => {
  it(`gives the same diagnostics from the compiled checks (the first ${COMPILED_USES} uses of a type or section) as from the evaluator after them`, async () => {
    vi.resetModules(); // a fresh count of uses
    const { verifyArtifacts } = await import('../../src/verify/index.js');
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Parameters: { Image: { Type: 'String' }, Count: { Type: 'Number', MinLength: 1 } },
      Conditions: { Prod: { 'Fn::Equals': ['a', 'b'] } },
      Outputs: { Out: { Description: 'no value' } },
      Resources: {
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: {
            LaunchType: 'FARGATE',
            CapacityProviderStrategy: { 'Fn::If': ['Prod', [{ CapacityProvider: 'FARGATE' }], { Ref: 'AWS::NoValue' }] },
            DesiredCount: 'two',
            DeploymentConfiguration: { MaximumPercent: { Ref: 'Image' }, Alarms: { Enable: true } },
            ServiceArn: 'arn:aws:ecs:x',
            Unknown: 1,
          },
        },
        Role: { Type: 'AWS::IAM::Role', Version: 2, Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: ['a', 'a'], RoleName: { 'Fn::GetAtt': ['Service', 'NoSuchAttribute'] } } },
      },
    };
    const artifacts = [{ path: 'web/ecs/service.cfn.yaml', kind: 'cloudformation', format: 'yaml', emitter: 'test', documents: [template] }] as unknown as Artifact[];
    const runs = Array.from({ length: COMPILED_USES + 3 }, () => verifyArtifacts(artifacts).map((d) => `${d.code} ${d.path?.join('/')} ${d.message}`));
    const schemaFindings = runs[0]!.filter((d) => d.startsWith('VERIFY_CFN_SCHEMA'));
    expect(schemaFindings.join('\n')).toMatch(/DesiredCount: must be integer/);
    expect(schemaFindings.join('\n')).toMatch(/Alarms: missing required field "AlarmNames"/);
    expect(schemaFindings.join('\n')).toMatch(/ServiceArn is read-only/);
    expect(schemaFindings.join('\n')).toMatch(/ManagedPolicyArns: must not repeat an item/);
    expect(runs[0]!.join('\n')).toMatch(/has no attribute "NoSuchAttribute"/);
    // The template sections: an option a Number parameter does not take, an output without a value, a version on a resource that is not custom.
    expect(schemaFindings.join('\n')).toMatch(/Parameters\/Count\/MinLength: unknown field "MinLength"/);
    expect(schemaFindings.join('\n')).toMatch(/Outputs\/Out: missing required field "Value"/);
    expect(schemaFindings.join('\n')).toMatch(/Resources\/Role: matches a form that is not allowed/);
    for (const r of runs) expect(r).toEqual(runs[0]);
  });
});

/** The compiled checks are functions (not the evaluator in disguise): a check of another type reports other things. */
describe('a compiled check', () => {
  it('is its own schema\'s: the ECS service check refuses what the IAM role check accepts', () => {
    const role = { AssumeRolePolicyDocument: {} };
    const service: Check = checks['AWS::ECS::Service']![1];
    expect(runCheck(checks['AWS::IAM::Role']![1], role, PROPERTIES)).toEqual([]);
    expect(runCheck(service, role, PROPERTIES).map((v) => v.message)).toContain('unknown field "AssumeRolePolicyDocument"');
  });
});
