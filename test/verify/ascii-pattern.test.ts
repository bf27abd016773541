import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiFirst, asciiSource } from '../../src/verify/ascii-pattern.js';
import { regexp } from '../../src/verify/schema-plan.js';
import { ROOT } from '../helpers/fixtures.js';
import { random } from '../helpers/random.js';

/** Every `pattern` with a property class in the vendored schemas. */
function vendoredPatterns(): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) {
        const visit = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(visit);
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'pattern' && typeof x === 'string' && /\\[pP]\{/.test(x) ? found.add(x) : visit(x);
        };
        visit(JSON.parse(readFileSync(p, 'utf8')));
      }
    }
  };
  walk(join(ROOT, 'vendor/schemas'));
  return [...found].sort();
}

describe('patterns with property classes, for ASCII text', () => {
  const patterns = vendoredPatterns();
  // What the evaluator compiles: \p{Print} becomes \P{Cc} (schema-plan.ts).
  const translate = (p: string): string => p.replace(/\\p\{Print\}/g, '\\P{Cc}');

  it('covers the vendored patterns', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(5);
    for (const p of patterns) expect(asciiSource(translate(p)), p).toBeDefined();
  });

  it('answers as the pattern itself on every short string and on seeded random ones', () => {
    const chars = [' ', '\t', '\n', '\x7f', '\x00', 'a', 'Z', '0', '9', '_', '.', ':', '/', '=', '+', '-', '@', '#', '$', '~', 'é', '中', '\u2003', '\u0663', '\u0085'];
    const next = random(5);
    const strings = [''];
    let level = [''];
    for (let len = 1; len <= 3; len++) {
      level = level.flatMap((s) => chars.map((c) => s + c));
      strings.push(...level);
    }
    for (let i = 0; i < 20_000; i++) strings.push(Array.from({ length: Math.floor(next() * 24) }, () => chars[Math.floor(next() * chars.length)]!).join(''));
    for (const p of patterns) {
      const source = translate(p);
      const full = new RegExp(source, 'u');
      const fast = asciiFirst(source)!;
      const viaPlan = regexp(p);
      const bad = strings.filter((s) => fast.test(s) !== full.test(s) || viaPlan.test(s) !== full.test(s));
      expect(bad.slice(0, 5), p).toEqual([]);
    }
  });

  it('keeps the pattern itself where its members would not do', () => {
    expect(asciiSource('^[\\P{L}]$')).toBeUndefined(); // a complement inside a class
    expect(asciiSource('^\\p{Lu}$')).toBeUndefined(); // a class not in the table
    expect(asciiSource('^[\\p{L}-z]$')).toBeUndefined(); // a range's end: an error under `u`
    expect(asciiSource('^[a-\\p{L}]$')).toBeUndefined();
    expect(asciiSource('^[\\p{L}\\-z]$')).toBe('^[A-Za-z\\-z]$');
    expect(asciiSource('^\\p{N}+\\P{Cc}$')).toBe('^[0-9]+[\\x20-\\x7e]$');
    expect(asciiFirst('^[a-z]+$')).toBeUndefined(); // nothing to replace
  });
});
