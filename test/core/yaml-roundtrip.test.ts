/**
 * The writer's round trip (bounded here; `npm run test:property` runs 100k strings): every
 * generated string, written as a value and as a key, reads back identical in the `yaml` library
 * (YAML 1.1 and 1.2), in PyYAML (skipped with a notice when python3 or PyYAML is missing) and under
 * go-yaml v3's resolver rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goYamlReadsAsString, pyYamlAvailable, roundTrip, trickyString } from '../helpers/yaml-roundtrip.js';

const RUNS = Number(process.env.CODEGEN_ROUNDTRIP_RUNS ?? 800);
const pyyaml = pyYamlAvailable();
if (!pyyaml) console.warn('yaml-roundtrip: python3 with PyYAML not found; the PyYAML reader is skipped');

describe('YAML writer round trip', () => {
  it(`the strings of the issue and ${RUNS} generated ones read back the same in every reader`, () => {
    const known = ['0o17', '0X1F', '0O17', '0B11', '010', '1_000', '\u2028', '\u0085', 'a\tb', '\t', '=', '<<', 'NO', 'on', 'y', '2012-10-17', '1e5', '.5', '+.inf', 'a\u2028b', 'x\u0085', '\ufeffa', 'a\nb', 'a\n\nb\n', ' a\nb'];
    const strings = [...known, ...fc.sample(trickyString, { numRuns: RUNS, seed: 15 })];
    // One PyYAML process for the whole batch.
    expect(roundTrip(strings, { pyyaml }).slice(0, 5)).toEqual([]);
  });

  it('the go-yaml v3 rules are not vacuous', () => {
    for (const s of ['0X1F', '0o17', '010', '1_0.5', '-0b1', '.5', 'true', '~', '<<', '2001-01-01', '+1']) expect(goYamlReadsAsString(s), s).toBe(false);
    for (const s of ['yes', 'on', 'y', 'abc', '0x', '1.2.3', '1e', 'é', '.5.5']) expect(goYamlReadsAsString(s), s).toBe(true);
  });
});
