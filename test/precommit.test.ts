/**
 * The pre-commit hook end to end (scripts/precommit-e2e.sh): installed by the real pre-commit
 * framework from this checkout's HEAD commit into a throw-away repository, it fails a commit of a
 * stale output and passes after regeneration. Skipped, with a notice, when pre-commit is not
 * installed (.ci/run installs it and runs the script itself, with CODEGEN_PRECOMMIT_E2E=skip here).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';

const HAVE = spawnSync('pre-commit', ['--version']).status === 0;
const SKIP = process.env.CODEGEN_PRECOMMIT_E2E === 'skip';
if (!HAVE) console.warn('pre-commit e2e: skipped (pre-commit is not installed; apt-get install pre-commit)');
else if (SKIP) console.warn('pre-commit e2e: skipped here (CODEGEN_PRECOMMIT_E2E=skip: the caller runs scripts/precommit-e2e.sh)');

describe('pre-commit hooks', () => {
  it('are node hooks running codegen with no file names', () => {
    const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames])).toEqual([
      ['codegen-check', 'codegen generate --check', 'node', false],
      ['codegen-generate', 'codegen generate', 'node', false],
    ]);
  });

  it('npm runs scripts in the background, so `npm pack` prints only the tarball name', () => {
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });

  it.skipIf(!HAVE || SKIP)('fail a commit of stale output and pass after regeneration (real pre-commit)', () => {
    const r = spawnSync('bash', [join(ROOT, 'scripts/precommit-e2e.sh')], { encoding: 'utf8', timeout: 600_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('precommit-e2e: passed');
  }, 600_000);
});
