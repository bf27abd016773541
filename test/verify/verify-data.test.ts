/**
 * The verifier's derived data (scripts/verify-data.mjs): the Kubernetes schema index matches what
 * the schemas declare, and the compact copy the build ships (documentation keywords removed) gives
 * exactly the same verification results as the full vendored schemas, on every golden and every
 * deliberately broken artifact.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { compileCase, validCases, ROOT, verifyBrokenCases } from '../helpers/fixtures.js';
import { compactSchema, kubernetesIndex } from '../../scripts/verify-data.mjs';

const VENDOR = join(ROOT, 'vendor/schemas');

async function verifyAllWith(schemasRoot: string, artifactSets: Parameters<typeof import('../../src/verify/index.js').verifyArtifacts>[0][]): Promise<string[][]> {
  vi.resetModules(); // fresh verifier modules: no schema parsed from the other folder stays cached
  const vendor = await import('../../src/verify/vendor.js');
  vendor.setSchemasRoot(schemasRoot);
  const { verifyArtifacts } = await import('../../src/verify/index.js');
  return artifactSets.map((a) => verifyArtifacts(a).map(formatDiagnostic));
}

describe('verifier data', () => {
  it('kubernetes/index.json is what the schemas declare (node scripts/verify-data.mjs --index)', () => {
    const index = JSON.parse(readFileSync(join(VENDOR, 'kubernetes/index.json'), 'utf8'));
    expect(index).toEqual(kubernetesIndex(VENDOR));
    expect(index['apps/v1 Deployment']).toBe('kubernetes/v1.34.0/deployment-apps-v1.json');
  });

  it('compactSchema drops documentation keywords only, never a property that is named like one', () => {
    const s = { description: 'doc', type: 'object', properties: { description: { type: 'string', description: 'x' } }, enum: [{ description: 'kept' }], examples: ['a'] };
    expect(compactSchema(s)).toEqual({ type: 'object', properties: { description: { type: 'string' } }, enum: [{ description: 'kept' }] });
  });

  it('the compact copy verifies exactly as the full schemas do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-vendor-compact-'));
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [join(ROOT, 'scripts/verify-data.mjs'), '--compact', join(dir, 'schemas')]);
    const compact = readFileSync(join(dir, 'schemas/kubernetes/v1.34.0/deployment-apps-v1.json'), 'utf8');
    expect(compact.length).toBeLessThan(readFileSync(join(VENDOR, 'kubernetes/v1.34.0/deployment-apps-v1.json'), 'utf8').length / 4);
    // The Copilot field model keeps what the verifier reads (its `paths` listing is for people).
    const copilot = JSON.parse(readFileSync(join(dir, 'schemas/copilot/manifest-fields.json'), 'utf8'));
    expect(Object.keys(copilot).sort()).toEqual(['services', 'source', 'types']);
    expect(JSON.stringify(copilot).length).toBeLessThan(readFileSync(join(VENDOR, 'copilot/manifest-fields.json'), 'utf8').length / 4);
    const sets = [...validCases(), ...verifyBrokenCases()].map((c) => compileCase(c, { verify: false }).artifacts);
    const full = await verifyAllWith(VENDOR, sets);
    const small = await verifyAllWith(join(dir, 'schemas'), sets);
    expect(small).toEqual(full);
    // The broken cases do produce findings, so equality is not two empty lists.
    expect(full.flat().filter((d) => / error VERIFY_/.test(d)).length).toBeGreaterThan(15);
  }, 60_000);
});
