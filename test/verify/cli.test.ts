/** Verification in `codegen generate` (on by default; `--verify` is accepted), `validate` and `verify`, in-process. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SPEC, runCli } from '../helpers/cli.js';

const run = runCli;

const SPEC = DEMO_SPEC;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-verify-'));
  writeFileSync(join(dir, 'service.yaml'), SPEC);
  return dir;
}

describe('codegen verification commands', () => {
  it('generate --verify checks, then writes', async () => {
    const dir = workspace();
    const r = await run(['generate', 'service.yaml', '--out', 'out', '--verify'], dir);
    expect(r.stderr).not.toMatch(/ error /); // best-practice warnings may appear; no verification error
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'out/demo/ecs/task-definition.json'))).toBe(true);
  });

  it('verify compiles and checks without writing', async () => {
    const dir = workspace();
    const r = await run(['verify', 'service.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { diagnostics: { source: string }[]; summary: string };
    expect(report.diagnostics.filter((d) => d.source === 'verify')).toEqual([]);
    expect(report.summary).toMatch(/^verified \d+ artifacts?: ok$/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses generate-only options on verify and validate', async () => {
    const dir = workspace();
    expect((await run(['verify', 'service.yaml', '--out', 'x'], dir)).code).toBe(2);
    expect((await run(['validate', 'service.yaml', '--check'], dir)).code).toBe(2);
    expect((await run(['verify', 'service.yaml', '--no-verify'], dir)).code).toBe(2);
    expect((await run(['generate', 'service.yaml', '--verify', '--no-verify'], dir)).code).toBe(2);
  });

  it('does not verify a spec with errors (the spec errors are reported)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'bad.yaml'), 'name: 1\n');
    const r = await run(['verify', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/VERIFY_/);
  });
});
