/**
 * No code from outside the project (issue 15, item 3): config discovery stops at the project root
 * (the nearest folder with .git or package.json; without one, only the working directory is
 * searched), a JavaScript config is imported only from the root or with --config, and a config
 * cannot send output outside its own folder unless --out says so. Each JavaScript config here
 * writes a marker file when it is imported, so "never imported" is checked, not assumed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, projectRoot } from '../src/project/config.js';
import { DEMO_SPEC, runCli } from './helpers/cli.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-discovery-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    if (p.endsWith('/')) mkdirSync(join(dir, p), { recursive: true });
    else writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** A JavaScript config that leaves `marker` next to itself when imported (and names an output folder). */
const MARKING = (marker: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./${marker}', import.meta.url), 'imported');\nexport default { out: 'from-js-config' };\n`;

describe('config discovery stops at the project root', () => {
  it('a codegen.config.mjs above the project root is never imported (.git folder, .git file, package.json)', async () => {
    for (const marker of ['.git/', '.git', 'package.json']) {
      const base = tree({ 'codegen.config.mjs': MARKING('IMPORTED'), [`proj/${marker}`]: 'gitdir: elsewhere\n', 'proj/service.yaml': DEMO_SPEC });
      const cwd = join(base, 'proj');
      expect(projectRoot(cwd), marker).toBe(cwd);
      expect(findConfig(cwd)).toBeUndefined();
      const r = await runCli(['generate', 'service.yaml'], cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(base, 'IMPORTED')), marker).toBe(false);
      expect(existsSync(join(cwd, 'out/demo/ecs/task-definition.json'))).toBe(true);
      expect(existsSync(join(cwd, 'from-js-config'))).toBe(false);
    }
  });

  it('without any project root only the working directory is searched', async () => {
    const base = tree({ 'codegen.config.mjs': MARKING('IMPORTED'), 'sub/service.yaml': DEMO_SPEC });
    const r = await runCli(['validate', 'service.yaml'], join(base, 'sub'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(base, 'IMPORTED'))).toBe(false);
    // In that folder itself it is the project's config.
    const here = await runCli(['validate', 'sub/service.yaml'], base);
    expect(here.code, here.stderr).toBe(0);
    expect(existsSync(join(base, 'IMPORTED'))).toBe(true);
  });

  it('a JavaScript config between the working directory and the root is refused unless named with --config', async () => {
    const base = tree({ 'package.json': '{}', 'sub/codegen.config.mjs': MARKING('IMPORTED'), 'sub/deeper/service.yaml': DEMO_SPEC });
    const cwd = join(base, 'sub/deeper');
    const r = await runCli(['validate', 'service.yaml'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('../codegen.config.mjs error CONFIG_JS_NOT_AT_ROOT A JavaScript config runs code, so codegen loads one only from the project root (../.., the nearest folder with .git or package.json) or when it is named with --config; it did not load this one. (pass --config ../codegen.config.mjs to use it, or write the config as codegen.config.json)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(base, 'sub/IMPORTED'))).toBe(false);
    const named = await runCli(['validate', 'service.yaml', '--config', '../codegen.config.mjs'], cwd);
    expect(named.code, named.stderr).toBe(0);
    expect(existsSync(join(base, 'sub/IMPORTED'))).toBe(true);
  });

  it('a JavaScript config at the root is found from a folder below it', async () => {
    const base = tree({ '.git/': '', 'codegen.config.mjs': MARKING('IMPORTED'), 'services/a/service.yaml': DEMO_SPEC });
    const r = await runCli(['validate', 'service.yaml'], join(base, 'services/a'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(base, 'IMPORTED'))).toBe(true);
  });

  it('a parent folder\'s JSON config with an absolute out is never used from inside a project', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'codegen-elsewhere-')), 'target');
    const base = tree({ 'codegen.config.json': JSON.stringify({ out: elsewhere }), 'proj/package.json': '{}', 'proj/service.yaml': DEMO_SPEC });
    const r = await runCli(['generate', 'service.yaml'], join(base, 'proj'));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(elsewhere)).toBe(false);
    expect(existsSync(join(base, 'proj/out/demo'))).toBe(true);
  });
});

describe('a config cannot send output outside its own folder unless the command line says so', () => {
  const cases: [string, (elsewhere: string) => string][] = [
    ['an absolute out', (elsewhere) => elsewhere],
    ['out with ..', () => '../outside'],
    ['out through a link that leads out', () => 'linked/deploy'],
  ];
  for (const [name, out] of cases) {
    it(name, async () => {
      const elsewhere = mkdtempSync(join(tmpdir(), 'codegen-elsewhere-'));
      const base = tree({ 'proj/package.json': '{}', 'proj/service.yaml': DEMO_SPEC });
      const proj = join(base, 'proj');
      symlinkSync(elsewhere, join(proj, 'linked'));
      writeFileSync(join(proj, 'codegen.config.json'), `{\n  "out": ${JSON.stringify(out(elsewhere))}\n}\n`);
      for (const command of ['generate', 'diff']) {
        const r = await runCli([command, 'service.yaml'], proj);
        expect(r.code, command).toBe(1);
        expect(r.stderr).toMatch(/codegen\.config\.json:2:10 error CONFIG_OUT_OUTSIDE out: The config's out \(.*\) leads outside the config's folder; a config writes only inside its own folder\. \(pass --out on the command line to write there\)/);
      }
      expect(readdirSync(elsewhere)).toEqual([]);
      expect(existsSync(join(base, 'outside'))).toBe(false);
      // validate writes nothing: the config's out does not matter to it.
      expect((await runCli(['validate', 'service.yaml'], proj)).code).toBe(0);
      // The command line may name any folder.
      const given = await runCli(['generate', 'service.yaml', '--out', elsewhere], proj);
      expect(given.code, given.stderr).toBe(0);
      expect(readdirSync(elsewhere).sort()).toEqual(['.codegen-manifest.json', 'demo']);
    });
  }

  it('an out inside the config\'s folder (and the folder itself) is fine', async () => {
    for (const out of ['deploy', '.', 'a/../deploy']) {
      const proj = tree({ 'package.json': '{}', 'service.yaml': DEMO_SPEC, 'codegen.config.json': JSON.stringify({ out }) });
      const r = await runCli(['generate', 'service.yaml'], proj);
      expect(r.code, `${out}: ${r.stderr}`).toBe(0);
    }
  });
});
