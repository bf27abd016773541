/**
 * Schema pattern errors state the rule broken (words and an example), never the field's
 * description; every pattern of the spec schemas has its words; durations accept the compound form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDurationSeconds } from '../src/core/units.js';
import { PATTERN_RULES } from '../src/schema/pattern-rules.js';
import { validateSpec } from '../src/schema/validate.js';

const ROOT = join(__dirname, '..');

function patterns(file: string): Set<string> {
  const out = new Set<string>();
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.pattern === 'string') out.add(o.pattern);
      Object.values(o).forEach(walk);
    }
  };
  walk(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
  return out;
}

const spec = (extra: Record<string, unknown>) => ({ apiVersion: 'codegen/v1', name: 'demo', image: 'nginx:1.27.3', ports: [{ port: 8080 }], ...extra });

describe('pattern rules', () => {
  for (const file of ['schema/service.schema.json', 'schema/platform.schema.json', 'schema/config.schema.json']) {
    it(`words every pattern of ${file}`, () => {
      const missing = [...patterns(file)].filter((p) => !Object.hasOwn(PATTERN_RULES, p));
      expect(missing).toEqual([]);
    });
  }

  it('gives examples that match their own pattern', () => {
    for (const [pattern, r] of Object.entries(PATTERN_RULES)) expect(new RegExp(pattern, 'u').test(r.example), `${pattern} vs ${r.example}`).toBe(true);
  });

  it('says the rule, with an example, instead of the description', () => {
    const [d] = validateSpec(spec({ name: 'Hello_World' }));
    expect(d!.code).toBe('SCHEMA_PATTERN');
    expect(d!.message).toBe('"Hello_World" must be a DNS label: lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen, at most 63 characters, e.g. `orders-api`.');
    expect(d!.message).not.toContain('Service name');
  });

  it('finds the rule of the string alternative of a number-or-string field', () => {
    const [d] = validateSpec(spec({ health: { liveness: { tcp: {}, timeout: '1m1h' } } }));
    expect(d!.code).toBe('SCHEMA_PATTERN');
    expect(d!.message).toContain('must be a duration: whole numbers with the units h, m, s or ms, largest first');
    expect(d!.message).not.toContain('Time a check may take');
  });

  it('words a refused map key', () => {
    const [d] = validateSpec(spec({ env: { '1BAD': 'x' } }));
    expect(d!.message).toBe('The name "1BAD" is not allowed here: a name here must be an environment variable name: letters, digits and underscores, not starting with a digit, e.g. `DB_HOST`.');
  });
});

describe('durations', () => {
  it('accepts one unit or several, largest first, each once', () => {
    expect(parseDurationSeconds('30s')).toBe(30);
    expect(parseDurationSeconds('2m30s')).toBe(150);
    expect(parseDurationSeconds('1h30m')).toBe(5400);
    expect(parseDurationSeconds('1h0m5s')).toBe(3605);
    expect(parseDurationSeconds('1s500ms')).toBe(1.5);
    expect(parseDurationSeconds('5m')).toBe(300);
    expect(parseDurationSeconds('500ms')).toBe(0.5);
  });

  it('refuses the rest, in the schema and in the parser alike', () => {
    for (const bad of ['30s2m', '1m1m', '1.5m', '2 m', 'm', '', '1d', '10sec']) {
      expect(parseDurationSeconds(bad), bad).toBeUndefined();
      expect(validateSpec(spec({ health: { liveness: { tcp: {}, period: bad } } })).length, bad).toBeGreaterThan(0);
    }
    for (const good of ['2m30s', '1h', '1s500ms']) expect(validateSpec(spec({ health: { liveness: { tcp: {}, period: good } } })), good).toEqual([]);
  });
});
