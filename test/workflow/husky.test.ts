/**
 * The husky + lint-staged recipe in docs/pre-commit.md, checked offline: the lint-staged config is
 * loaded from the page, and a git pre-commit hook runs the command it returns (what lint-staged
 * runs for the staged specs) with `codegen` on PATH as node_modules/.bin provides it. A commit of
 * stale output fails naming the file; after `codegen generate` it passes. husky's install step and
 * lint-staged itself need the npm registry and are not run here.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { DEMO_SPEC } from '../helpers/cli.js';

const PAGE = readFileSync(join(ROOT, 'docs/pre-commit.md'), 'utf8');
const HAVE_BIN = (() => {
  try {
    readFileSync(join(ROOT, 'dist/cli.cjs'));
    return true;
  } catch {
    return false;
  }
})();

function section(): string {
  const from = PAGE.indexOf('## husky + lint-staged');
  expect(from).toBeGreaterThanOrEqual(0);
  return PAGE.slice(from, PAGE.indexOf('\n## ', from + 3));
}

describe('husky + lint-staged recipe (docs/pre-commit.md)', () => {
  it('installs svcgen with husky and lint-staged and makes the hook run lint-staged', () => {
    const sh = /```sh\n([\s\S]*?)```/.exec(section())![1]!;
    expect(sh).toMatch(/^npm install --save-dev husky lint-staged svcgen$/m);
    expect(sh).toMatch(/^npx husky init\b/m);
    expect(sh).toMatch(/^echo "npx lint-staged" > \.husky\/pre-commit$/m);
  });

  it.runIf(HAVE_BIN)('its lint-staged config makes a hook that fails a stale commit and passes after regeneration', async () => {
    const work = mkdtempSync(join(tmpdir(), 'codegen-husky-'));
    const configText = /```js\n\/\/ lint-staged\.config\.mjs\n([\s\S]*?)```/.exec(section())![1]!;
    writeFileSync(join(work, 'lint-staged.config.mjs'), configText);
    const config = (await import(pathToFileURL(join(work, 'lint-staged.config.mjs')).href)).default as Record<string, (files: string[]) => string>;
    const [[pattern, task]] = Object.entries(config) as [[string, (files: string[]) => string]];
    expect(pattern).toContain('yaml');
    const command = task(['service.yaml']);
    expect(command).toBe('codegen generate --check'); // runs once, without the staged names

    // The repository: a spec, its config and output; `codegen` where node_modules/.bin puts it.
    const git = (...args: string[]) => spawnSync('git', args, { cwd: work, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: join(work, '.gitconfig'), GIT_CONFIG_NOSYSTEM: '1', PATH: `${join(work, 'node_modules/.bin')}:${process.env.PATH}` } });
    mkdirSync(join(work, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(ROOT, 'dist/cli.cjs'), join(work, 'node_modules/.bin/codegen'));
    writeFileSync(join(work, 'service.yaml'), DEMO_SPEC);
    writeFileSync(join(work, 'codegen.config.json'), '{ "specs": ["service.yaml"], "out": "out" }\n');
    writeFileSync(join(work, '.gitignore'), 'node_modules/\n');
    // The hook husky would run: here, what lint-staged runs for a staged spec.
    mkdirSync(join(work, '.hooks'));
    writeFileSync(join(work, '.hooks/pre-commit'), `#!/bin/sh\n${command}\n`);
    chmodSync(join(work, '.hooks/pre-commit'), 0o755);
    expect(git('init', '-q').status).toBe(0);
    git('config', 'user.name', 'husky test');
    git('config', 'user.email', 'husky@example.com');
    git('config', 'core.hooksPath', '.hooks');
    expect(spawnSync(join(work, 'node_modules/.bin/codegen'), ['generate'], { cwd: work }).status).toBe(0);
    git('add', '-A');
    const first = git('commit', '-q', '-m', 'service and output');
    expect(first.status, first.stderr).toBe(0);

    writeFileSync(join(work, 'service.yaml'), DEMO_SPEC.replace('port: 8080', 'port: 9090'));
    git('add', 'service.yaml');
    const stale = git('commit', '-q', '-m', 'stale output');
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toContain('out/demo/ecs/task-definition.json error OUTPUT_STALE');

    expect(spawnSync(join(work, 'node_modules/.bin/codegen'), ['generate'], { cwd: work }).status).toBe(0);
    git('add', '-A');
    const fixed = git('commit', '-q', '-m', 'regenerated');
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(git('status', '--porcelain').stdout).toBe('');
  });
});
