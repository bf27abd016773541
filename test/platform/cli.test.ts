/** `codegen generate` detects `kind: Platform` and runs the platform pipeline. */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { runCli } from '../helpers/cli.js';

const run = runCli;

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-platform-'));
  for (const f of ['platform.yaml', 'service.yaml']) copyFileSync(join(FIXTURES, 'platform-ecs-service', f), join(dir, f));
  return dir;
}

describe('codegen CLI with a platform spec', () => {
  it('generates the platform template and the service side by side', async () => {
    const dir = workspace();
    const r = await run(['generate', 'platform.yaml', 'service.yaml', '-o', 'out'], dir);
    expect(r.stderr).not.toMatch(/ error /); // best-practice warnings may appear
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/for 2 services/);
    expect(readFileSync(join(dir, 'out/shop/platform.cfn.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'platform-ecs-service/expected/shop/platform.cfn.yaml'), 'utf8'));
    expect((await run(['generate', 'platform.yaml', 'service.yaml', '-o', 'out', '--check'], dir)).code).toBe(0);
  });

  it('reports platform diagnostics with file:line:column and writes nothing on error', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'platform.yaml'), readFileSync(join(dir, 'platform.yaml'), 'utf8').replace('containerInsights: enhanced', 'containerInsights: on'));
    const r = await run(['validate', 'platform.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('platform.yaml:19:22 error SCHEMA_ENUM ecs.containerInsights');
  });
});
