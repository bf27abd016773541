/** uniqueItems without canonical texts (src/verify/schema-plan.ts): the same answer as comparing them. */
import { describe, expect, it } from 'vitest';
import { canonical, repeats, sameValue } from '../../src/verify/schema-plan.js';

/** The definition: two items repeat when their canonical texts are equal. */
const byText = (items: unknown[]): boolean => new Set(items.map(canonical)).size !== items.length;

/** A small seeded generator of JSON-like values, with near-duplicates (same keys in another order, 1 against "1"). */
function values(seed: number): () => unknown {
  let s = seed;
  const rnd = (n: number): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0), s % n);
  const scalars = [0, 1, -0, '1', '0', 'a', '', true, false, null, NaN, 1.5];
  const gen = (depth: number): unknown => {
    const k = rnd(depth > 2 ? 1 : 4);
    if (k === 0) return scalars[rnd(scalars.length)];
    if (k === 1) return Array.from({ length: rnd(3) }, () => gen(depth + 1));
    const keys = ['a', 'b', 'c'].filter(() => rnd(2) === 0);
    if (rnd(2)) keys.reverse();
    return Object.fromEntries(keys.map((key) => [key, gen(depth + 1)]));
  };
  return () => gen(0);
}

describe('uniqueItems', () => {
  it('sameValue is equality of canonical texts', () => {
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(1, '1')).toBe(false);
    expect(sameValue(0, -0)).toBe(true);
    expect(sameValue(NaN, null)).toBe(canonical(NaN) === canonical(null));
    expect(sameValue([], {})).toBe(false);
  });

  it('sameValue of two scalars is equality of their canonical texts, without making them', () => {
    const scalars = [0, -0, 1, 1.5, -1.5, NaN, Infinity, -Infinity, null, true, false, undefined, '', '0', '1', 'a', 'A', 'null', 'NaN', '"a"', 'a\n', '\u00e9', 'e\u0301'];
    let alike = 0;
    for (const a of scalars) {
      for (const b of scalars) {
        expect(sameValue(a, b), `${String(a)} / ${String(b)}`).toBe(canonical(a) === canonical(b));
        if (a !== b && canonical(a) === canonical(b)) alike++;
      }
    }
    // NaN, Infinity, -Infinity and null all print null: 12 ordered pairs of them, and NaN with itself.
    expect(alike).toBe(13);
  });

  it('repeats gives the answer of comparing canonical texts, for short and long arrays', () => {
    let dupes = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = values(seed);
      const items = Array.from({ length: (seed % 23) + 2 }, next);
      expect(repeats(items), JSON.stringify(items)).toBe(byText(items));
      if (byText(items)) dupes++;
    }
    // Both answers occur often enough to mean something.
    expect(dupes).toBeGreaterThan(50);
    expect(dupes).toBeLessThan(350);
  });
});
