/**
 * Bounds on work (docs/limits.md): every limit ends in a diagnostic with a code, never a throw, and
 * no check is quadratic in its input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { capDiagnostics, MAX_DIAGNOSTICS, type Diagnostic } from '../../src/core/diagnostics.js';
import { jsonSize } from '../../src/core/patch.js';
import { parseSource } from '../../src/core/source.js';
import { MAX_YAML_ERRORS, readWithLibrary } from '../../src/core/yaml-library.js';
import { hostileSpec } from '../helpers/hostile.js';

const BASE = 'apiVersion: codegen/v1\nname: bounds\nimage: nginx:1.27\nports: [{port: 80}]\n';

describe('work bounds', () => {
  it('keeps the first diagnostics and sums up the rest in one, as severe as the worst left out', () => {
    const list: Diagnostic[] = Array.from({ length: 1500 }, (_, i) => ({ code: 'X', severity: i === 1400 ? 'error' : 'warning', message: `m${i}`, source: 'yaml', path: [] }));
    capDiagnostics(list);
    expect(list.length).toBe(MAX_DIAGNOSTICS + 1);
    expect(list[MAX_DIAGNOSTICS]).toMatchObject({ code: 'DIAGNOSTICS_TRUNCATED', severity: 'error' });
    expect(list[MAX_DIAGNOSTICS]!.message).toContain('500 more');
  });

  it('150k schema errors (once a RangeError from a spread) end in a bounded list', () => {
    const r = compile(`${BASE}expose:\n  public: true\n  hosts: [${Array.from({ length: 150000 }, () => '1').join(',')}]\n`);
    expect(r.diagnostics.length).toBe(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics.at(-1)).toMatchObject({ code: 'DIAGNOSTICS_TRUNCATED', severity: 'error' });
    expect(r.diagnostics.at(-1)!.message).toContain(`${150000 - MAX_DIAGNOSTICS} more`);
  });

  it('2000 unknown keys: each located once (an index per mapping), the list bounded', () => {
    const r = compile(`${BASE}${Array.from({ length: 2000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
    expect(r.diagnostics.filter((d) => d.code === 'SCHEMA_UNKNOWN_KEY').length).toBe(MAX_DIAGNOSTICS);
    expect(r.diagnostics[999]).toMatchObject({ line: 5 + 999, column: 1 });
  });

  it('the composer stops after MAX_YAML_ERRORS errors (the library hook this relies on still exists)', () => {
    const text = `${BASE}${Array.from({ length: 5000 }, (_, i) => `k${i}: "a" b`).join('\n')}\n`;
    const read = readWithLibrary(text, new LineCounter());
    expect(read.docs).toEqual([]);
    expect(read.problems.length).toBe(MAX_YAML_ERRORS + 1);
    expect(read.problems.at(-1)!.code).toBe('YAML_TOO_MANY_ERRORS');
    // Stopped early: the last problem kept is near the start, not at line 5000.
    expect(read.problems[MAX_YAML_ERRORS - 1]!.offset).toBeLessThan(text.length / 10);
  });

  it('deep block nesting and anchors: a diagnostic, no stack overflow', () => {
    for (const body of ['- '.repeat(200000), '- &a '.repeat(100000), '? '.repeat(100000)]) {
      const r = parseSource('s.yaml', `${BASE}labels:\n  ${body}x\n`);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(r.diagnostics.length).toBeLessThanOrEqual(MAX_YAML_ERRORS + 1);
      expect(r.diagnostics.map((d) => d.message).join(' ')).not.toMatch(/call stack/);
    }
  });

  it('the duplicate-host check is linear: 90k hosts, the repeat found at its index', () => {
    const hosts = Array.from({ length: 90000 }, (_, i) => `h${i}.io`);
    hosts.push('h7.io');
    const r = compile(`${BASE}expose:\n  public: true\n  hosts: [${hosts.join(',')}]\n`, { targets: ['kubernetes'] });
    const dup = r.diagnostics.filter((d) => d.code === 'DUPLICATE_HOST');
    expect(dup.map((d) => d.path)).toEqual([['expose', 'hosts', 90000]]);
  });

  it('jsonSize counts no further than its limit', () => {
    const big = { a: Array.from({ length: 100000 }, () => 'xxxxxxxxxx') };
    expect(jsonSize(big, Infinity)).toBeGreaterThanOrEqual(JSON.stringify(big).length);
    expect(jsonSize(big, 1000)).toBeLessThan(1100);
  });
});

describe('work bounds, fuzzed', () => {
  it('hostile specs (repeated fragments) end in bounded diagnostics, never a throw', () => {
    fc.assert(
      fc.property(hostileSpec(3000), (h) => {
        const r = compile(h.text);
        expect(r.diagnostics.length, h.kind).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
        for (const d of r.diagnostics) expect(d.message, h.kind).not.toMatch(/call stack|Maximum/);
        if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.files).toEqual([]);
      }),
      { numRuns: Number(process.env.CODEGEN_PROPERTY_RUNS ?? 40), seed: 6 },
    );
  });
});
