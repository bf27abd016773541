/**
 * Whether a file a kustomization names is inside its folder: src/verify/kustomize.ts compares
 * the paths as text where posix.relative() would only prefix both with the working folder. The
 * answer must be what posix.relative() gives, for every pair of seeded random folders and refs.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClean, within } from '../../src/verify/kustomize.js';
import { random } from '../helpers/random.js';

/** The rule as posix.relative() states it (the kustomization's folder, a normalized target). */
const byRelative = (dir: string, target: string): boolean => {
  const rel = posix.relative(dir, target);
  return rel !== '..' && !rel.startsWith('../');
};

const SEGMENTS = ['a', 'b', 'ab', 'a.yaml', '.', '..', '', 'kubernetes', '...'];

function path(rnd: () => number): string {
  const n = Math.floor(rnd() * 5);
  const p = Array.from({ length: n }, () => SEGMENTS[Math.floor(rnd() * SEGMENTS.length)]!).join('/');
  return rnd() < 0.1 ? `/${p}` : rnd() < 0.1 ? `${p}/` : p;
}

describe('a named file inside the kustomization folder', () => {
  it('is what posix.relative() says, for clean and other folders', () => {
    const rnd = random(19);
    let inside = 0;
    let clean = 0;
    for (let i = 0; i < 20000; i++) {
      // The folder is posix.dirname() of an artifact path, the target posix.join(folder, ref) without a trailing slash.
      const dir = posix.dirname(`${path(rnd)}/kustomization.yaml`);
      let target = posix.join(dir, path(rnd));
      if (target.endsWith('/')) target = target.slice(0, -1);
      const want = byRelative(dir, target);
      expect(within(dir, isClean(dir), target), `${dir} ${target}`).toBe(want);
      if (want) inside++;
      if (isClean(dir)) clean++;
    }
    // Both answers, and both kinds of folder, occur often.
    expect(inside).toBeGreaterThan(2000);
    expect(inside).toBeLessThan(19000);
    expect(clean).toBeGreaterThan(2000);
    expect(clean).toBeLessThan(18000);
  });

  it('knows a clean folder', () => {
    expect(['.', 'a', 'a/b', 'my-app/kubernetes', 'a/...'].map(isClean)).toEqual([true, true, true, true, true]);
    expect(['', '/a', 'a/', 'a//b', './a', 'a/.', '../a', 'a/../b', '..'].map(isClean)).toEqual(Array(9).fill(false));
  });
});
