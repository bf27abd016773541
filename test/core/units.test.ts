import { describe, expect, it } from 'vitest';
import { isDurationText, parseDurationSeconds } from '../../src/core/units.js';
import { logicalId } from '../../src/schema/logical-ids.js';
import { random } from '../helpers/random.js';

/** The duration grammar as a pattern: the reader in units.ts replaced it, and must answer as it did. */
const DURATION = /^(?:([0-9]+)h)?(?:([0-9]+)m(?!s))?(?:([0-9]+)s)?(?:([0-9]+)ms)?$/;
function reference(v: string): number | undefined {
  if (v === '') return undefined;
  const m = DURATION.exec(v);
  if (!m) return undefined;
  const [h, min, s, ms] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x)));
  return h! * 3600 + min! * 60 + s! + ms! / 1000;
}

/** Every string of length 1..max over `alphabet`. */
function* everyString(alphabet: string, max: number): Generator<string> {
  let level = [''];
  for (let len = 1; len <= max; len++) {
    level = level.flatMap((p) => [...alphabet].map((c) => p + c));
    yield* level;
  }
}

describe('durations', () => {
  it('reads every string of up to six of 0 1 5 h m s x as the pattern does', () => {
    const bad: string[] = [];
    let durations = 0;
    for (const v of everyString('015hmsx', 6)) {
      const want = reference(v);
      if (want !== undefined) durations++;
      if ((parseDurationSeconds(v) !== want || isDurationText(v) !== (want !== undefined)) && bad.length < 10) bad.push(v);
    }
    expect(bad).toEqual([]);
    expect(durations).toBeGreaterThan(1000);
  });

  it('reads seeded random durations of every unit as the pattern does', () => {
    const pieces = ['1', '30', '007', '1234567890', 'h', 'm', 's', 'ms', 'mss', ' ', ''];
    const next = random(3);
    for (let i = 0; i < 20_000; i++) {
      let v = '';
      for (let k = Math.floor(next() * 8); k > 0; k--) v += pieces[Math.floor(next() * pieces.length)]!;
      expect(parseDurationSeconds(v), JSON.stringify(v)).toBe(reference(v));
    }
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('1s500ms')).toBe(1.5);
    expect(parseDurationSeconds('5m')).toBe(300);
    expect(parseDurationSeconds('')).toBeUndefined();
    expect(isDurationText('')).toBe(false);
  });
});

describe('logicalId', () => {
  /** The form it replaced: words split on anything not an ASCII letter or digit, each capitalised. */
  const byPattern = (t: string): string =>
    t
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('');

  it('joins the words of every short name as the pattern form did', () => {
    const bad: string[] = [];
    for (const t of everyString('aZ9-_.é ', 4)) if (logicalId(t) !== byPattern(t) && bad.length < 10) bad.push(t);
    expect(bad).toEqual([]);
    expect(logicalId('my-app.api_v2')).toBe('MyAppApiV2');
  });
});
