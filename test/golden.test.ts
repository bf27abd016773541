/**
 * Golden tests: every fixtures/<case>/service.yaml (and/or platform.yaml, a `kind: Platform`
 * spec) compiles to exactly the files under
 * fixtures/<case>/expected/ (byte for byte, no stray or missing file) with exactly the
 * diagnostics in fixtures/<case>/diagnostics.txt. `npm run test:update` rewrites them;
 * plain `npm test` never writes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCase, listFiles, renderDiagnostics, UPDATE, validCases, writeGoldens } from './helpers/fixtures.js';

describe('golden fixtures', () => {
  for (const c of validCases()) {
    it(`${c.name}${c.options.description ? ` — ${c.options.description}` : ''}`, () => {
      const r = compileCase(c);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, renderDiagnostics(r)).toEqual([]);
      if (UPDATE) writeGoldens(c, r);
      const expectedDir = join(c.dir, 'expected');
      expect(listFiles(expectedDir), 'files under expected/').toEqual(r.files.map((f) => f.path));
      for (const f of r.files) {
        expect(f.content, f.path).toBe(readFileSync(join(expectedDir, f.path), 'utf8'));
      }
      const diagFile = join(c.dir, 'diagnostics.txt');
      expect(existsSync(diagFile), 'diagnostics.txt exists').toBe(true);
      expect(renderDiagnostics(r)).toBe(readFileSync(diagFile, 'utf8'));
    });
  }

  it('compiles every fixture to byte-identical output twice', () => {
    for (const c of validCases()) {
      const a = compileCase(c).files;
      const b = compileCase(c).files;
      expect(b).toEqual(a);
    }
  });
});
