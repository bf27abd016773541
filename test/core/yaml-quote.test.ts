import { describe, expect, it } from 'vitest';
import { OTHER_NON_STRING, plainOk, plainOkByRules, YAML11_NON_STRING } from '../../src/core/yaml-quote.js';
import { random } from '../helpers/random.js';

/** Every string of length 1..max over `alphabet`, to `visit`. */
function everyString(alphabet: readonly string[], max: number, visit: (s: string) => void): void {
  let level = [''];
  for (let len = 1; len <= max; len++) {
    const next: string[] = [];
    for (const p of level) for (const c of alphabet) next.push(p + c);
    for (const s of next) visit(s);
    level = next;
  }
}

/** The strings on which plainOk and the rules disagree (at most 10). */
function disagreements(strings: Iterable<string>): string[] {
  const out: string[] = [];
  for (const s of strings) if (plainOk(s) !== plainOkByRules(s) && out.length < 10) out.push(s);
  return out;
}

describe('plainOk', () => {
  // Every character a rule names (digits, signs, separators, the letters of bools, nulls, number
  // bases, infinity and NaN, `T` and `Z` of timestamps, indicators), one of each other kind.
  const ruleChars = [...'0157_.:+- \t#?,[]{}&*!|>\'"%@`~<=/$eExXoObBaAfFtTZzyYnNiIlLuUsSrR\n', 'é', '\u2028'];

  it('agrees with the rules on every string of up to three of the characters the rules name', () => {
    const bad: string[] = [];
    everyString(ruleChars, 3, (s) => {
      if (bad.length < 10 && plainOk(s) !== plainOkByRules(s)) bad.push(s);
    });
    expect(bad).toEqual([]);
  });

  it('agrees with the rules on every four-character string of digits, separators and number letters', () => {
    const bad: string[] = [];
    everyString([...'019_.:+- eExXoObBafTZ'], 4, (s) => {
      if (bad.length < 10 && plainOk(s) !== plainOkByRules(s)) bad.push(s);
    });
    expect(bad).toEqual([]);
  });

  it('agrees with the rules on longer strings made of the pieces of numbers, timestamps, bools and names', () => {
    const pieces = ['0', '1', '7', '12', '59', '2024', '-', '_', '.', ':', ' ', '\t', 'e', 'E', '+', '0x', '0o', '0b', 'T', 'Z', '.inf', '.NaN', 'yes', 'Off', 'null', 'Mi', 'm', 's', '/', 'api', 'my-app', '#', ': ', '<<', '=', '~', 'é'];
    const next = random(19);
    const strings: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      let s = '';
      const k = 1 + Math.floor(next() * 7);
      for (let j = 0; j < k; j++) s += pieces[Math.floor(next() * pieces.length)];
      strings.push(s);
    }
    expect(disagreements(strings)).toEqual([]);
  });

  it('agrees with the rules on the strings each rule is written for', () => {
    const examples = ['2001-12-14t21:59:43.10-05:00', '2002-12-14', '2001-12-14 21:59:43.10 -5', '190:20:30', '190:20:30.15', '0b1010_0111', '0x_0A_74', '0o14', '014', '+685_230', '6.8523015e+5', '685.230_15e+03', '-.inf', '.NaN', '1_0.5', '0X1F', '1e3', 'e5', 'E+10', '<<', '=', '~', '', 'x'.repeat(1024), 'x'.repeat(1025)];
    expect(disagreements(examples)).toEqual([]);
    // And the decisions themselves, read from the YAML 1.1 and 1.2 specs and go-yaml's rules.
    expect(examples.filter((s) => plainOk(s))).toEqual(['x'.repeat(1024)]);
  });

  it('leaves the common strings of a spec plain without the rules, and quotes what a reader takes for another type', () => {
    for (const s of ['my-app', 'nginx:1.25', '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/my-app:v1.0.0', '256Mi', '250m', '1m', '10s', 'networking.k8s.io/v1', 'targetPort', '/health', '_x']) expect(plainOk(s)).toBe(true);
    for (const s of ['8080', '0.25', '1.10', '2024-01-01', 'yes', 'No', 'on', 'NULL', 'e5', '- x', 'a: b', 'a #b', 'x:', 'x ', '---', '...x', '%x', '@x']) expect(plainOk(s)).toBe(false);
  });

  it('keeps the rules it is tested against', () => {
    // The lists plainOkByRules applies: the library's YAML 1.1 types (checked in yaml-emit.test.ts) and the other readers'.
    expect(YAML11_NON_STRING).toHaveLength(14);
    expect(OTHER_NON_STRING.map(String)).toEqual(['/^[-+]?0o[0-7]+$/', '/^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/', '/^[-+]?\\.(?:inf|Inf|INF)$/', '/^(?:\\.nan|\\.NaN|\\.NAN)$/', '/^=$/', '/^[0-9]{4}-/']);
  });
});
