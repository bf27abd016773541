/**
 * Property-based tests: random valid specs never make compile() throw, compile to byte-identical
 * output twice, and serialize to text that parses back to exactly the emitted objects (no value —
 * newline, `---`, `on`, quotes — can change a document's shape). Random mutations of valid specs
 * give diagnostics, never exceptions. Bounded here; `npm run test:property` runs a large count and
 * checks the artifacts against the targets' own schemas.
 */
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { mutate, mutation, validSpec } from './arbitraries.js';

const RUNS = Number(process.env.CODEGEN_PROPERTY_RUNS ?? 60);

describe('compile() properties', () => {
  it('valid specs: no throw, deterministic, text round-trips to the emitted objects', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const a = compile(spec);
        const b = compile(structuredClone(spec));
        expect(b.files).toEqual(a.files);
        expect(b.diagnostics).toEqual(a.diagnostics);
        for (const art of a.artifacts) {
          const file = a.files.find((f) => f.path === art.path);
          if (!file || art.format === 'text') continue;
          if (art.format === 'json') {
            expect(JSON.parse(file.content)).toEqual(art.documents![0]);
          } else {
            const parsed = parseAllDocuments(file.content, { version: '1.1' });
            const docs = Array.isArray(parsed) ? parsed : [];
            expect(docs.length).toBe(art.documents!.length);
            docs.forEach((d, i) => {
              expect(d.errors).toEqual([]);
              expect(d.toJS()).toEqual(art.documents![i]);
            });
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated specs: diagnostics, never exceptions, and no prototype pollution', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(validSpec, mutation, (spec, m) => {
        const r = compile(mutate(spec, m) as object);
        expect(Array.isArray(r.diagnostics)).toBe(true);
        for (const d of r.diagnostics) expect(typeof d.code).toBe('string');
        if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.files).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  it('mutated YAML text: diagnostics with positions, never exceptions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), (junk, at) => {
        const base = 'apiVersion: codegen/v1\nname: demo\nimage: nginx:1.27\nports:\n  - port: 80\n';
        const i = at % base.length;
        const r = compile(base.slice(0, i) + junk + base.slice(i), { file: 'service.yaml' });
        for (const d of r.diagnostics.filter((x) => x.severity === 'error')) {
          expect(d.line).toBeGreaterThan(0);
          expect(d.column).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
