/**
 * Import fixtures: `fixtures/import/<kind>/<case>/` holds the input files (and, for public samples,
 * SOURCE.md with the facts they were written from), `expected.yaml` (the specs, `---` between
 * them) and `diagnostics.txt`. Every imported spec must also compile without an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { importSpec } from '../../src/importers/index.js';

const ROOT = join(__dirname, '..', '..', 'fixtures', 'import');
const NOT_INPUT = new Set(['expected.yaml', 'diagnostics.txt', 'SOURCE.md']);

describe('import fixtures', () => {
  for (const kind of readdirSync(ROOT).sort()) {
    for (const name of readdirSync(join(ROOT, kind)).sort()) {
      it(`${kind}/${name}`, () => {
        const dir = join(ROOT, kind, name);
        const files = readdirSync(dir).filter((f) => !NOT_INPUT.has(f)).sort();
        const r = importSpec(kind, files.map((f) => ({ file: f, content: readFileSync(join(dir, f), 'utf8') })));
        expect(r.specs.map((s) => s.text).join('---\n')).toBe(readFileSync(join(dir, 'expected.yaml'), 'utf8'));
        expect(r.diagnostics.map(formatDiagnostic).join('\n') + '\n').toBe(readFileSync(join(dir, 'diagnostics.txt'), 'utf8'));
        expect(r.specs.length).toBeGreaterThan(0);
        for (const s of r.specs) expect(compile(s.text).diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      });
    }
  }
});
