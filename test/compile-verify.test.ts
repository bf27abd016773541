/** compile() and compilePlatform() check every artifact against the bundled schemas unless `verify: false`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import { FIXTURES } from './helpers/fixtures.js';

const broken = readFileSync(join(FIXTURES, 'verify-broken/ecs-service-dangling-reference/service.yaml'));

describe('verification on by default', () => {
  it('an artifact the target would reject is an error, and no file comes back', () => {
    const r = compile(broken, { file: 'service.yaml' });
    const verify = r.diagnostics.filter((d) => d.code.startsWith('VERIFY_') && d.severity === 'error');
    expect(verify.map((d) => d.code)).toEqual(['VERIFY_CFN_REFERENCE']);
    expect(verify[0]!.file).toMatch(/\/ecs\/service\.cfn\.yaml$/);
    expect(r.files).toEqual([]);
  });

  it('verify: false gives the files (the break is in the output, not the spec)', () => {
    const r = compile(broken, { file: 'service.yaml', verify: false });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.files.map((f) => f.path)).toContain('billing/ecs/service.cfn.yaml');
  });

});
