/**
 * Config-driven golden fixtures: fixtures/extend/<case>/ holds a codegen.config.json, a
 * service.yaml and what the CLI would produce (expected/ + diagnostics.txt), for templates,
 * plugins and patch files — everything that needs the config loader.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type OutputFile } from '../src/compile/compile.js';
import { resolveProject } from '../src/project/config.js';
import { compareDiagnostics, formatDiagnostic, hasErrors, type Diagnostic } from '../src/core/diagnostics.js';
import { FIXTURES, listFiles, UPDATE } from './helpers/fixtures.js';

const DIR = join(FIXTURES, 'extend');

async function runCase(dir: string): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[]; project: Awaited<ReturnType<typeof resolveProject>> }> {
  // As `generate` sees it: the config's out will be used (no --out on the command line).
  const project = await resolveProject(dir, undefined, false, { usesOut: true });
  const diagnostics = [...project.diagnostics];
  let files: OutputFile[] = [];
  if (!hasErrors(diagnostics)) {
    const r = compile(readFileSync(join(dir, 'service.yaml'), 'utf8'), {
      ...project.compileOptions,
      file: 'service.yaml',
      ...(project.targets ? { targets: project.targets } : {}),
      ...(project.env ? { env: project.env } : {}),
    });
    diagnostics.push(...r.diagnostics);
    files = r.files;
  }
  return { files, diagnostics: diagnostics.sort(compareDiagnostics), project };
}

const render = (ds: Diagnostic[]) => ds.map((d) => `${formatDiagnostic(d)}\n`).join('');

describe('config-driven fixtures (fixtures/extend)', () => {
  const cases = readdirSync(DIR).sort();
  for (const name of cases) {
    it(name, async () => {
      const dir = join(DIR, name);
      const r = await runCase(dir);
      const expected = join(dir, 'expected');
      if (UPDATE) {
        rmSync(expected, { recursive: true, force: true });
        for (const f of r.files) {
          mkdirSync(dirname(join(expected, f.path)), { recursive: true });
          writeFileSync(join(expected, f.path), f.content);
        }
        writeFileSync(join(dir, 'diagnostics.txt'), render(r.diagnostics));
      }
      expect(listFiles(expected)).toEqual(r.files.map((f) => f.path));
      for (const f of r.files) expect(f.content, f.path).toBe(readFileSync(join(expected, f.path), 'utf8'));
      expect(render(r.diagnostics)).toBe(readFileSync(join(dir, 'diagnostics.txt'), 'utf8'));
      // Byte-identical on a second run (plugins and templates included).
      expect((await runCase(dir)).files).toEqual(r.files);
    });
  }

  it('failing cases produce errors and no files; the others produce files', async () => {
    for (const name of cases) {
      const r = await runCase(join(DIR, name));
      const failing = /invalid|missing|fails|throws/.test(name);
      expect(hasErrors(r.diagnostics), name).toBe(failing);
      expect(r.files.length === 0, name).toBe(failing);
    }
  });

  it('passes the config rules section and plugin rules through to the rule engine', async () => {
    const { project } = await runCase(join(DIR, 'plugin'));
    expect(project.compileOptions.ruleConfig).toEqual({ 'require-description': 'error' });
    expect(project.compileOptions.rules?.map((r) => r.id)).toEqual(['require-description']);
    expect(existsSync(join(DIR, 'plugin', 'expected', 'catalog', 'kubernetes', 'network-policy.yaml'))).toBe(true);
  });
});
