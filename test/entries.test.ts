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

/** A spec the fast reader leaves to the `yaml` library (an alias), which the library is loaded to read. */
const ALIAS = 'apiVersion: codegen/v1\nname: a\nimage: x:1\nanchor: &a 1\nother: *a\n';

/** Names and a digest of compile(seed) through one entry, from a fresh process; and the diagnostics of a spec only the yaml library reads. */
function probe(kind: 'cjs' | 'esm'): { names: string[]; files: [string, string][]; alias: string[] } {
  const report = `(m) => { const r = m.compile(readFileSync(${JSON.stringify(SEED)}), { file: 'service.yaml' });
    const alias = m.compile(${JSON.stringify(ALIAS)}, { file: 'alias.yaml' }).diagnostics.map((d) => d.code + ' ' + d.line + ':' + d.column);
    process.stdout.write(JSON.stringify({ names: Object.keys(m).filter((k) => k !== 'default').sort(), files: r.files.map((f) => [f.path, f.content]), alias })); }`;
  // The ES module entry runs as an ES module (`--input-type=module`): `node -e` would give it a global require.
  const code =
    kind === 'cjs'
      ? `const { readFileSync } = require('node:fs'); (${report})(require(${JSON.stringify(CJS)}))`
      : `import { readFileSync } from 'node:fs'; import * as m from ${JSON.stringify(pathToFileURL(ESM).href)}; (${report})(m);`;
  const args = kind === 'cjs' ? ['-e', code] : ['--input-type=module', '-e', code];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { names: string[]; files: [string, string][]; alias: string[] };
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

  it('both load the yaml library when a spec needs it (it is loaded on first use: src/core/lazy-yaml.ts)', () => {
    const cjs = probe('cjs');
    const esm = probe('esm');
    expect(esm.alias).toEqual(['YAML_ALIAS 5:8']);
    expect(cjs.alias).toEqual(esm.alias);
  });
});
