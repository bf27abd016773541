/** The did-you-mean used for unknown keys, values, commands, options, targets and environments. */
import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/core/diagnostics.js';

const TARGETS = ['ecs', 'kubernetes', 'appmesh', 'copilot'];

describe('didYouMean', () => {
  it('reads a numeronym: k8s is kubernetes, never ecs (two of three letters differ)', () => {
    expect(didYouMean('k8s', TARGETS)).toBe('kubernetes');
    expect(didYouMean('K8S', TARGETS)).toBe('kubernetes');
    expect(didYouMean('k9s', TARGETS)).toBeUndefined();
  });

  it('allows one edit in a word of three letters or fewer', () => {
    expect(didYouMean('ecz', TARGETS)).toBe('ecs');
    expect(didYouMean('eks', TARGETS)).toBe('ecs');
    expect(didYouMean('abc', TARGETS)).toBeUndefined();
  });

  it('counts an adjacent swap as one edit', () => {
    expect(didYouMean('genreate', ['generate', 'validate', 'verify', 'diff', 'init', 'import'])).toBe('generate');
    expect(didYouMean('tagret', ['target', 'out', 'env'])).toBe('target');
    expect(didYouMean('kuberentes', TARGETS)).toBe('kubernetes');
  });

  it('prefers a known name that the word starts with, and the same word in another case', () => {
    expect(didYouMean('prod', ['staging', 'production'])).toBe('production');
    expect(didYouMean('periodSeconds', ['period', 'timeout'])).toBe('period');
    expect(didYouMean('AL2_X86_64', ['AL2_x86_64', 'AL2_ARM_64'])).toBe('AL2_x86_64');
  });

  it('says nothing when nothing is close', () => {
    expect(didYouMean('zzzzzz', TARGETS)).toBeUndefined();
    expect(didYouMean('x', [])).toBeUndefined();
  });
});
