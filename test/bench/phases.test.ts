/**
 * bench/lib/phases.mjs: how a CPU profile's samples are split among compile()'s steps (a
 * hand-made profile, so each figure below is worked out from the samples, not from the code).
 */
import { describe, expect, it } from 'vitest';
import { attribute, stepOf, table } from '../../bench/lib/phases.mjs';

type Frame = { functionName: string; url: string };
const frame = (functionName: string, url = 'file:///x/dist/index.js'): Frame => ({ functionName, url });

/** root → loop → compile → verifyArtifacts → check; compile → runEmitter; compile → runRules → compile → readSpecInput; compile → helper; root → GC. */
const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 9] },
    { id: 2, callFrame: frame('pass', 'file:///x/bench.mjs'), children: [3] },
    { id: 3, callFrame: frame('compile'), children: [4, 6, 7, 10] },
    { id: 4, callFrame: frame('verifyArtifacts'), children: [5] },
    { id: 5, callFrame: frame('check') },
    { id: 6, callFrame: frame('runEmitter') },
    { id: 7, callFrame: frame('runRules'), children: [8] },
    { id: 8, callFrame: frame('compile'), children: [11] },
    { id: 9, callFrame: frame('(garbage collector)', '') },
    { id: 10, callFrame: frame('tinyHelper') },
    { id: 11, callFrame: frame('readSpecInput') },
  ],
  // A sample lasts until the next: sample i gets timeDeltas[i + 1].
  samples: [5, 4, 6, 3, 9, 2, 8, 11, 10, 5],
  timeDeltas: [0, 100, 200, 300, 400, 500, 600, 700, 800, 1],
};
const isCompile = (f: Frame) => f.functionName === 'compile' && f.url === 'file:///x/dist/index.js';

describe('bench/lib/phases.mjs', () => {
  it('gives each sample to the callee of the outermost compile() on its stack', () => {
    const steps: Map<string, number> = attribute(profile, isCompile);
    expect(Object.fromEntries(steps)).toEqual({
      // samples 0 (check, 100 µs) and 1 (verifyArtifacts, 200 µs), and the last (no length)
      'check the artifacts (verify)': 300,
      // sample 2
      emitters: 300,
      // sample 3: compile's own
      'compile() itself': 400,
      // sample 4
      '(garbage collector)': 500,
      // sample 5: the loop
      'outside compile()': 600,
      // samples 6 and 7: a compile() called inside runRules counts for rules
      rules: 700 + 800,
      // sample 8
      tinyHelper: 1,
    });
  });

  it('names a callee it does not know by its own name, and folds the small ones in the table', () => {
    expect(stepOf('serializeAll')).toBe('write the text (serialize)');
    expect(stepOf('finish2')).toBe('diagnostics: positions, order, redaction');
    expect(stepOf('somethingNew')).toBe('somethingNew');
    const lines = table(attribute(profile, isCompile), 100).split('\n');
    // compile() in all: 300 + 300 + 400 + 1500 + 1 µs = 2.501 ms over 100 compiles = 25 ms per 1,000
    expect(lines).toContainEqual(expect.stringMatching(/^compile\(\) in all\s+25\s+100%$/));
    // the largest first: rules, 1.5 ms = 15 ms per 1,000, 1500 / 2501 of compile()
    expect(lines[1]).toMatch(/^rules\s+15\s+60\.0%$/);
    expect(lines).toContainEqual(expect.stringMatching(/^other callees \(1: tinyHelper\)\s+0\s+0\.0%$/));
    expect(lines).not.toContainEqual(expect.stringMatching(/^tinyHelper/));
    expect(lines.at(-2)).toMatch(/^\(garbage collector\)\s+5\s*$/);
    expect(lines.at(-1)).toMatch(/^outside compile\(\)\s+6\s*$/);
  });
});
