/** The config file: discovery, validation, globs, and the shipped JSON Schema. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from '../src/project/config-schema.js';
import { findConfig, resolveProject } from '../src/project/config.js';
import { expandGlobs } from '../src/project/globs.js';
import { main } from '../src/cli/main.js';
import { ROOT, UPDATE } from './helpers/fixtures.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-config-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const SPEC = (name: string) => `apiVersion: codegen/v1\nname: ${name}\nregion: us-east-1\nimage: nginx:1.27.3\nports:\n  - port: 80\ntargets:\n  ecs:\n    executionRoleArn: arn:aws:iam::123456789012:role/exec\n`;

describe('config', () => {
  it('schema/config.schema.json is the shipped copy of CONFIG_SCHEMA', () => {
    const file = join(ROOT, 'schema/config.schema.json');
    const text = `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`;
    if (UPDATE) writeFileSync(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('globs: ** crosses folders, * and ? stay in one, [ab] classes, {a,b} alternatives, dot folders when named', () => {
    const dir = tree({
      'service.yaml': '', 'a/b/service.yaml': '', 'services/a/b.yaml': '', 'services/x.yaml': '',
      'src/x.yml': '', 'sbc/y.yaml': '', 'svc-a.yaml': '', 'svc-b.yaml': '', 'svc-c.yaml': '', 'axb': '', 'a.b': '',
      '.deploy/api/service.yaml': '', '.deploy/web.yaml': '',
    });
    expect(expandGlobs(['**/service.yaml'], dir)).toEqual(['a/b/service.yaml', 'service.yaml']);
    expect(expandGlobs(['services/*.yaml'], dir)).toEqual(['services/x.yaml']);
    expect(expandGlobs(['s?c/*.{yaml,yml}'], dir)).toEqual(['sbc/y.yaml', 'src/x.yml']);
    expect(expandGlobs(['svc-[ab].yaml'], dir)).toEqual(['svc-a.yaml', 'svc-b.yaml']);
    expect(expandGlobs(['a.b'], dir)).toEqual(['a.b']);
    expect(expandGlobs(['.deploy/**'], dir)).toEqual(['.deploy/api/service.yaml', '.deploy/web.yaml']);
    expect(expandGlobs(['./.deploy/*.yaml'], dir)).toEqual(['.deploy/web.yaml']);
  });

  it('expands globs, skipping node_modules, dot folders, the output folder and ! exclusions', () => {
    const dir = tree({
      'svc/a/service.yaml': '', 'svc/b/service.yaml': '', 'svc/c/service.yaml': '',
      'node_modules/x/service.yaml': '', '.git/service.yaml': '', 'out/service.yaml': '',
    });
    expect(expandGlobs(['**/service.yaml', '!svc/c/**'], dir, ['out'])).toEqual(['svc/a/service.yaml', 'svc/b/service.yaml']);
  });

  it('is found from the working directory upward to the project root (mjs before js before json)', () => {
    const dir = tree({ 'package.json': '{}', 'codegen.config.json': '{}', 'codegen.config.mjs': 'export default {}', 'deep/er/x': '' });
    expect(findConfig(join(dir, 'deep/er'))).toBe(join(dir, 'codegen.config.mjs'));
  });

  it('reports unknown keys and wrong types with positions in a JSON config', async () => {
    const dir = tree({ 'codegen.config.json': '{\n  "out": 3,\n  "plugns": []\n}\n' });
    const p = await resolveProject(dir);
    expect(p.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['CONFIG_TYPE', 2, 10],
      ['CONFIG_UNKNOWN_KEY', 3, 3],
    ]);
  });

  it('checks template entries, patterns and nested types', async () => {
    const dir = tree({ 'codegen.config.json': JSON.stringify({ templates: ['nope', { output: 'x.md' }], acknowledgedDeprecations: ['lower'], specs: [1] }) });
    const p = await resolveProject(dir);
    expect(p.diagnostics.map((d) => [d.code, d.path.join('.')]).sort()).toEqual([
      ['CONFIG_ENUM', 'templates.0'],
      ['CONFIG_PATTERN', 'acknowledgedDeprecations.0'],
      ['CONFIG_REQUIRED', 'templates.1'],
      ['CONFIG_TYPE', 'specs.0'],
    ]);
  });

  it('loads an .mjs config and reports one that throws', async () => {
    const ok = tree({ 'codegen.config.mjs': 'export default { out: "build", targets: ["ecs"], rules: { "no-latest-image": "off" } };' });
    const p = await resolveProject(ok);
    expect(p.diagnostics).toEqual([]);
    expect(p).toMatchObject({ out: 'build', targets: ['ecs'], compileOptions: { ruleConfig: { 'no-latest-image': 'off' } } });
    const bad = tree({ 'codegen.config.mjs': 'throw new Error("nope");' });
    expect((await resolveProject(bad)).diagnostics[0]).toMatchObject({ code: 'CONFIG_LOAD_FAILED', file: 'codegen.config.mjs' });
  });

  it('the CLI takes specs and the output folder from the config when no SPEC is given', async () => {
    const dir = tree({
      'package.json': '{}',
      'codegen.config.json': JSON.stringify({ specs: ['services/*/service.yaml'], out: 'deploy', templates: ['runbook'] }),
      'services/a/service.yaml': SPEC('alpha'),
      'services/b/service.yaml': SPEC('beta'),
    });
    let stdout = '';
    let stderr = '';
    const io = { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s), cwd: join(dir, 'services') };
    expect(await main(['generate'], io)).toBe(0);
    expect(stderr).not.toMatch(/ error /); // best-practice warnings may appear
    expect(readFileSync(join(dir, 'deploy/alpha/runbook/README.md'), 'utf8')).toContain('# Runbook: alpha');
    expect(readFileSync(join(dir, 'deploy/beta/ecs/task-definition.json'), 'utf8')).toContain('"family": "beta"');
    expect(await main(['generate', '--check'], io)).toBe(0);
    expect(await main(['validate'], io)).toBe(0);
    // --config names a file explicitly; a missing one is an error, not a silent default.
    expect(await main(['generate', '--config', 'nope.json'], io)).toBe(1);
    expect(stderr).toContain('CONFIG_NOT_FOUND');
  });
});
