/**
 * The Copilot field check (src/verify/copilot.ts) keeps one path stack and asks a union's
 * branches whether they fit before it explains a failure. It must report exactly what the walk it
 * replaced reported (copilot-reference.ts): the same diagnostics in the same order, for every
 * golden Copilot manifest and for seeded random mutations of each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import type { Artifact } from '../../src/core/serialize.js';
import { verifyCopilot } from '../../src/verify/copilot.js';
import { Reporter } from '../../src/verify/report.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { referenceVerifyCopilot } from './copilot-reference.js';
import { random } from '../helpers/random.js';
import { containers, isContainer, mutate as mutateDoc } from '../helpers/mutate.js';

function manifests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) manifests(p, out);
    else if (/\/expected\/.*\/manifest\.yml$/.test(p)) out.push(p);
  }
  return out;
}


/** Values of every kind the field model tells apart: scalars, durations, lists, maps, unions' forms. */
const REPLACEMENTS: ((old: unknown, rnd: () => number) => unknown)[] = [
  (old) => (typeof old === 'string' ? 42 : 'text'),
  () => 2.5,
  () => true,
  () => null,
  () => '30s',
  () => '1m30x',
  () => [],
  (old) => [old, 'x'],
  () => ({}),
  (old) => ({ nested: old }),
  (_old, rnd) => ({ range: rnd() < 0.5 ? '1-10' : 'ten', min: 1 }),
  (old) => (isContainer(old) && !Array.isArray(old) ? { ...old, unknownField: 1 } : { path: '/x' }),
];

function mutate(doc: unknown, rnd: () => number): unknown {
  return mutateDoc(doc, rnd, { containers: (v) => containers(v), replacements: REPLACEMENTS, extra: (r) => [`extra${Math.floor(r() * 2)}`, 'value'], removeBelow: 0.25 });
}

function run(check: (doc: Record<string, unknown>, r: Reporter) => void, doc: unknown): Diagnostic[] {
  const artifact = { path: 'svc/copilot/svc/manifest.yml', kind: 'copilot-manifest', format: 'yaml', emitter: 'copilot', documents: [doc] } as unknown as Artifact;
  const out: Diagnostic[] = [];
  check(doc as Record<string, unknown>, new Reporter(artifact, 0, out));
  return out;
}

const docs = manifests(FIXTURES).map((f) => [f.slice(FIXTURES.length + 1), parse(readFileSync(f, 'utf8'))] as const);
const MUTANTS = Number(process.env.COPILOT_MUTANTS ?? 150);

describe('the Copilot field check reports what the walk it replaced reported', () => {
  it('on every golden Copilot manifest', () => {
    expect(docs.length).toBeGreaterThan(10);
    for (const [name, doc] of docs) {
      const want = run(referenceVerifyCopilot, doc);
      expect(want, name).toEqual([]);
      expect(run(verifyCopilot, doc), name).toEqual(want);
    }
  });

  it(`on ${MUTANTS} seeded mutations of each`, () => {
    let found = 0;
    let unions = 0;
    docs.forEach(([name, doc], i) => {
      const rnd = random(0xc0 + i);
      for (let m = 0; m < MUTANTS; m++) {
        const data = mutate(doc, rnd);
        const want = run(referenceVerifyCopilot, data);
        expect(run(verifyCopilot, data), `${name} mutant ${m}`).toEqual(want);
        found += want.length;
        unions += want.filter((d) => / or /.test(d.message) && /^\/[^:]*: must be /.test(d.message)).length;
      }
    });
    // The mutations break manifests, and some of them in a way no branch of a union accepts.
    expect(found).toBeGreaterThan(docs.length * MUTANTS);
    expect(unions).toBeGreaterThan(20);
  });
});

describe('the Copilot field check reads only the model’s own fields', () => {
  // A key named like a member every object inherits is no field of the manifest's model: before,
  // `fields[k]` found Object.prototype.constructor and took the key for a field of no known type.
  for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
    it(`reports "${key}" at the top level as an unknown field`, () => {
      const [, doc] = docs[0]!;
      const data = JSON.parse(JSON.stringify({ ...(doc as object), [key]: 'x' }));
      const found = run(verifyCopilot, data).map((d) => d.message);
      expect(found).toHaveLength(1);
      expect(found[0]).toContain(`unknown field "${key}"`);
    });
  }
});
