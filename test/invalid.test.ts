/**
 * Invalid fixtures: fixtures/invalid/<case>/service.yaml must produce exactly the diagnostics in
 * diagnostics.txt (code, line and column included), at least one error, no artifacts, no throw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCase, invalidCases, renderDiagnostics, UPDATE } from './helpers/fixtures.js';

describe('invalid fixtures', () => {
  const cases = invalidCases();
  it('has at least ten cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const c of cases) {
    it(`${c.name}${c.options.description ? ` — ${c.options.description}` : ''}`, () => {
      const r = compileCase(c);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length).toBeGreaterThan(0);
      expect(r.files).toEqual([]);
      for (const e of errors) {
        expect(e.line, `${e.code} has a line`).toBeGreaterThan(0);
        expect(e.column, `${e.code} has a column`).toBeGreaterThan(0);
      }
      const file = join(c.dir, 'diagnostics.txt');
      if (UPDATE) writeFileSync(file, renderDiagnostics(r));
      expect(renderDiagnostics(r)).toBe(readFileSync(file, 'utf8'));
    });
  }
});
