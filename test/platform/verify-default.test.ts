/** compilePlatform() runs verifyArtifacts() on its template unless `verify: false` (the verifier is replaced here to prove the call). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';

vi.mock('../../src/verify/index.js', () => ({
  verifyArtifacts: (artifacts: Array<{ path: string }>) =>
    artifacts.map((a) => ({ code: 'VERIFY_TEST', severity: 'error', message: 'rejected by the test verifier', source: 'verify', path: [], file: a.path })),
}));

const { compilePlatform } = await import('../../src/platform/compile.js');
const text = readFileSync(join(FIXTURES, 'platform-ecs-service/platform.yaml'), 'utf8');

describe('platform verification', () => {
  it('on by default: a rejected template is an error and no file is written', () => {
    const r = compilePlatform(text, { file: 'platform.yaml' });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['VERIFY_TEST']);
    expect(r.files).toEqual([]);
  });
  it('verify: false skips it', () => {
    const r = compilePlatform(text, { file: 'platform.yaml', verify: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.files.length).toBe(1);
  });
});
