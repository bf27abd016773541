/**
 * Both library entries of the built package load and export the same names: the CommonJS one
 * (`require('codegen')` → dist/index.cjs) and the ES module one (`import 'codegen'` → dist/index.js),
 * each in a fresh process, and both compile the seed to the same files. Needs a build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';

const CJS = join(ROOT, 'dist/index.cjs');
const ESM = join(ROOT, 'dist/index.js');
const SEED = join(ROOT, 'fixtures/seed/service.yaml');

/** Names and a digest of compile(seed) through one entry, from a fresh process. */
function probe(kind: 'cjs' | 'esm'): { names: string[]; files: [string, string][] } {
  const report = `(m) => { const r = m.compile(require('node:fs').readFileSync(${JSON.stringify(SEED)}), { file: 'service.yaml' });
    process.stdout.write(JSON.stringify({ names: Object.keys(m).filter((k) => k !== 'default').sort(), files: r.files.map((f) => [f.path, f.content]) })); }`;
  const code = kind === 'cjs' ? `(${report})(require(${JSON.stringify(CJS)}))` : `import(${JSON.stringify(pathToFileURL(ESM).href)}).then(${report})`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { names: string[]; files: [string, string][] };
}

describe('the CommonJS and ES module entries', () => {
  it('exist where package.json says', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; module: string; exports: Record<string, { import: { default: string }; require: { default: string } }> };
    expect(join(ROOT, pkg.main)).toBe(CJS);
    expect(join(ROOT, pkg.exports['.']!.require.default)).toBe(CJS);
    expect(join(ROOT, pkg.exports['.']!.import.default)).toBe(ESM);
    expect(existsSync(CJS) && existsSync(ESM), 'run `npm run build` first').toBe(true);
  });

  it('both load, export the same names and compile the seed to the same files', () => {
    const cjs = probe('cjs');
    const esm = probe('esm');
    expect(esm.names).toContain('compile');
    expect(esm.names.length).toBeGreaterThan(10);
    expect(cjs.names).toEqual(esm.names);
    expect(esm.files.length).toBeGreaterThan(5);
    expect(cjs.files).toEqual(esm.files);
  });
});
