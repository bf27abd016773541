/**
 * The validator kit's samples: every known-good document passes with no error, and every known-bad
 * file yields at least one error. An optional extra check that `.ci/run` runs when the kit is
 * available (CODEGEN_VALIDATOR_SAMPLES names its samples folder); skipped, with a notice, otherwise.
 */
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { verifyArtifacts } from '../../src/verify/index.js';
import { HAVE_SAMPLES, loadArtifact, sampleFiles, SAMPLES } from './samples.js';

function kindOf(file: string): string {
  const name = basename(file);
  if (/^kustomization\.ya?ml$/.test(name)) return 'kustomization';
  if (name.includes('.cfn.')) return 'cloudformation';
  if (name.startsWith('copilot-')) return 'copilot-manifest';
  if (name.startsWith('ecs-')) return 'ecs-task-definition';
  if (name.startsWith('k8s-') || (name.endsWith('-patch.yaml') && !name.endsWith('json-patch.yaml'))) return 'kubernetes';
  return 'unknown';
}

function load(folder: string, byKind: boolean) {
  const root = join(SAMPLES, folder);
  return sampleFiles(root).map((f) => loadArtifact(f, root, byKind ? kindOf(f) : 'unknown'));
}

if (!HAVE_SAMPLES) {
  // An optional extra check: the kit is not part of the repository.
  console.warn('verify samples: skipped (CODEGEN_VALIDATOR_SAMPLES names no validator kit samples folder; an optional extra check of .ci/run)');
}

describe.skipIf(!HAVE_SAMPLES)('validator kit samples', () => {
  it.each([
    ['by artifact kind', true],
    ['by document shape', false],
  ])('good samples pass (%s)', (_how, byKind) => {
    const artifacts = load('good', byKind);
    expect(artifacts.length).toBeGreaterThan(10);
    const d = verifyArtifacts(artifacts);
    expect(d.filter((x) => x.severity === 'error').map(formatDiagnostic)).toEqual([]);
    // The HTTPRoute sample routes to canary/stable Services that the sample set does not define.
    expect(d.filter((x) => x.severity === 'warning').map((x) => x.message)).toEqual([
      '#3/spec/rules/0/backendRefs/0/name: names the Service "my-app-stable", which is not among the generated objects.',
      '#3/spec/rules/0/backendRefs/1/name: names the Service "my-app-canary", which is not among the generated objects.',
    ]);
  });

  it('every bad sample yields an error', () => {
    const artifacts = load('bad', true).filter((a) => a.kind !== 'unknown');
    expect(artifacts.length).toBeGreaterThan(10);
    const d = verifyArtifacts(artifacts);
    for (const a of artifacts) {
      if (a.path.endsWith('json-patch.yaml')) continue; // a JSON 6902 patch (a list) is not verified
      expect(d.some((x) => x.file === a.path && x.severity === 'error'), a.path).toBe(true);
    }
  });
});
