/**
 * Invalid fixtures: fixtures/invalid/<case>/service.yaml must produce exactly the diagnostics in
 * diagnostics.txt (code, line and column included), at least one error, no artifacts, no throw.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { caseBytes, compileCase, invalidCases, renderDiagnostics, UPDATE } from './helpers/fixtures.js';

describe('invalid fixtures', () => {
  const cases = invalidCases();
  it('has at least forty cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('through the CLI: exit 1, no stack trace, the output folder byte-identical to before', async () => {
    for (const c of cases) {
      if (c.options.env) continue; // --env cases are covered in-process above
      const dir = mkdtempSync(join(tmpdir(), 'codegen-invalid-'));
      writeFileSync(join(dir, 'service.yaml'), caseBytes(c));
      mkdirSync(join(dir, 'out', 'svc'), { recursive: true });
      writeFileSync(join(dir, 'out', 'svc', 'existing.yaml'), 'do: not touch\n');
      let stderr = '';
      const code = await main(['generate', 'service.yaml', '--out', 'out'], { stdout: () => undefined, stderr: (s) => (stderr += s), cwd: dir });
      expect(code, c.name).toBe(1);
      expect(stderr, c.name).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError/);
      expect(readdirSync(join(dir, 'out'), { recursive: true }).sort(), c.name).toEqual(['svc', 'svc/existing.yaml']);
      expect(readFileSync(join(dir, 'out', 'svc', 'existing.yaml'), 'utf8')).toBe('do: not touch\n');
    }
  });

  it('leaves Object.prototype untouched after every case', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const c of cases) compileCase(c);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
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
