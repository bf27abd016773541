/**
 * The shipped validators (src/schema/validate.generated.js, src/platform/validate.generated.js) are
 * ajv's standalone code rewritten by scripts/schema-artifacts.ts: schema literals inlined, patterns
 * made on first use, error objects built out of line. Each must answer as ajv's own validator of
 * the same schema does: the same verdict and the same error objects in the same order, on every
 * fixture spec and on seeded edits of each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AJV_OPTIONS, validatorSchemas } from '../scripts/schema-artifacts.js';
import validatePlatform from '../src/platform/validate.generated.js';
import validateService from '../src/schema/validate.generated.js';
import { FIXTURES } from './helpers/fixtures.js';
import { containers, isContainer, JSON_REPLACEMENTS, mutate } from './helpers/mutate.js';
import { random } from './helpers/random.js';

type Validator = ((data: unknown) => boolean) & { errors?: unknown };

/** Every spec among the fixtures (a YAML file that declares `apiVersion: codegen/...`), by kind. */
function fixtureSpecs(dir = FIXTURES, out: { service: [string, unknown][]; platform: [string, unknown][] } = { service: [], platform: [] }) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'expected') fixtureSpecs(p, out);
      continue;
    }
    if (!/\.ya?ml$/.test(name)) continue;
    const text = readFileSync(p, 'utf8');
    if (!/^apiVersion: codegen\//m.test(text)) continue;
    let doc: unknown;
    try {
      doc = parse(text, { maxAliasCount: -1, logLevel: 'silent' });
    } catch {
      continue; // the fixtures of unreadable YAML
    }
    if (!isContainer(doc) || Array.isArray(doc)) continue;
    (doc.kind === 'Platform' ? out.platform : out.service).push([p.slice(FIXTURES.length + 1), doc]);
  }
  return out;
}

/** Values of each JSON type, and strings a pattern, a length bound or an enum refuses. */
const REPLACEMENTS: ((old: unknown, rnd: () => number) => unknown)[] = [
  ...JSON_REPLACEMENTS,
  () => 'Not_A-Valid Name',
  () => 0,
  () => 1e9,
  (old) => [old, 'x'],
  (old) => ({ nested: old }),
  (old) => (isContainer(old) && !Array.isArray(old) ? { ...old, unknownField: 1 } : old),
];
const MUTATIONS = { containers: (v: unknown) => containers(v), replacements: REPLACEMENTS, extra: (r: () => number): [string, unknown] => [['extra', 'name', 'image', 'port', 'enabled'][Math.floor(r() * 5)]!, 'value'], removeBelow: 0.3 };
/** Edited copies per fixture spec. */
const EDITS = 40;

const specs = fixtureSpecs();

/** What `shipped` and ajv's own validator of the same schema say of each document, where they differ. */
function differences(shipped: Validator, reference: ValidateFunction, docs: [string, unknown][]): { differ: string[]; errorsSeen: Set<string>; invalid: number } {
  const differ: string[] = [];
  const errorsSeen = new Set<string>();
  let invalid = 0;
  for (const [what, doc] of docs) {
    const ok = shipped(doc);
    const errors = JSON.stringify(shipped.errors ?? null);
    const want = reference(doc);
    const wantErrors = JSON.stringify(reference.errors ?? null);
    if (ok !== want || errors !== wantErrors) differ.push(`${what}: ${ok} ${errors.slice(0, 300)}\n  ajv: ${want} ${wantErrors.slice(0, 300)}`);
    if (!want) invalid++;
    for (const e of reference.errors ?? []) errorsSeen.add(`${e.schemaPath} ${e.keyword}`);
  }
  return { differ, errorsSeen, invalid };
}

/** Each fixture spec, then EDITS seeded edits of each (the seed is the spec's place in the list). */
function documents(fixtures: [string, unknown][]): [string, unknown][] {
  const docs: [string, unknown][] = [];
  fixtures.forEach(([file, doc], i) => {
    docs.push([file, doc]);
    const rnd = random(1000 + i);
    for (let m = 0; m < EDITS; m++) docs.push([`${file} edit ${m} (seed ${1000 + i})`, mutate(doc, rnd, MUTATIONS)]);
  });
  return docs;
}

describe('the shipped spec validators answer as ajv does', () => {
  const schemas = validatorSchemas();

  it.each([
    ['service', validateService as Validator, schemas.service, specs.service, 200, 600],
    ['platform', validatePlatform as Validator, schemas.platform, specs.platform, 4, 60],
  ] as const)('%s: the same verdict and the same errors, in order, on every fixture spec and its edits', (_, shipped, schema, fixtures, minSpecs, minErrors) => {
    expect(fixtures.length).toBeGreaterThanOrEqual(minSpecs);
    const reference = new Ajv(AJV_OPTIONS).compile(schema);
    const { differ, errorsSeen, invalid } = differences(shipped, reference, documents(fixtures));
    expect(differ).toEqual([]);
    // The comparison reached the error sites: many invalid documents, many distinct errors.
    expect(invalid).toBeGreaterThan(fixtures.length * EDITS * 0.5);
    expect(errorsSeen.size).toBeGreaterThanOrEqual(minErrors);
  });
});
