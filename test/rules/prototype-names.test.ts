/**
 * Names from Object.prototype (`__proto__`, `toString`, `constructor`, `hasOwnProperty`) are
 * ordinary unknown names wherever a user writes a name: environments, rule ids and levels in the
 * configuration, suppress entries, env keys, labels, config keys. (The `--env` cases are also
 * fixtures: fixtures/invalid/unknown-environment-proto and unknown-environment-toString.)
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { validateConfig } from '../../src/project/config.js';
import { HEAD } from '../helpers/rule-tester.js';

const NAMES = ['__proto__', 'toString', 'constructor', 'hasOwnProperty', 'valueOf'];
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);
const noInternalError = (r: { diagnostics: Parameters<typeof formatDiagnostic>[0][] }) =>
  expect(r.diagnostics.map(formatDiagnostic).join('\n')).not.toMatch(/RULE_FAILED|EMITTER_FAILED|TypeError|Cannot read/);

describe('names from Object.prototype', () => {
  for (const name of NAMES) {
    it(`--env ${name} is an unknown environment listing the defined ones`, () => {
      const r = compile(`${HEAD}environments:\n  staging: { replicas: 2 }\n`, { env: name });
      expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([['UNKNOWN_ENVIRONMENT', `No environment "${name}" in the spec; it defines "staging".`]]);
      expect(r.files).toEqual([]);
    });

    it(`rule config: a rule named ${name} is unknown; the level ${name} is invalid`, () => {
      const unknown = compile(HEAD, { builtinEmitters: [], ruleConfig: { [name]: 'error' } as never });
      expect(codes(unknown)).toContain('RULE_CONFIG_UNKNOWN');
      const level = compile(HEAD, { builtinEmitters: [], ruleConfig: { 'require-tracing': name as never } });
      expect(codes(level)).toContain('RULE_CONFIG_INVALID');
      expect(level.diagnostics.filter((d) => d.code === 'require-tracing')).toEqual([]);
      noInternalError(level);
    });

    it(`a suppress entry for the rule ${name} is reported as unknown`, () => {
      const r = compile(`${HEAD}suppress:\n  - { rule: ${JSON.stringify(name)}, reason: test }\n`, { builtinEmitters: [] });
      // Rule ids are kebab-case: the schema refuses the camelCase names; the others are unknown rules.
      expect(codes(r)).toContain(/^[a-z][a-z0-9-]*$/.test(name) ? 'SUPPRESSION_UNKNOWN_RULE' : 'SCHEMA_PATTERN');
      noInternalError(r);
    });
  }

  it('env keys and labels named like Object.prototype members compile like any other', () => {
    const r = compile(
      `${HEAD}resources: { limits: { cpu: 250m, memory: 256Mi } }\nenv:\n  toString: "1"\n  valueOf: "2"\nlabels:\n  toString: a\n  hasOwnProperty: b\nenvironments:\n  production:\n    env: { toString: null }\ntargets:\n  kubernetes: {}\n  copilot: { acknowledgeDeprecation: true }\n`,
    );
    noInternalError(r);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const deployment = r.files.find((f) => f.path.endsWith('deployment.yaml'))!.content;
    expect(deployment).toContain('toString: a');
  });

  it('an env key named toString gets the same Copilot environment overrides as any other name', () => {
    const spec = (k: string) =>
      `${HEAD}resources: { limits: { cpu: 250m, memory: 256Mi } }\nenv:\n  ${k}: "1"\n  OTHER: "x"\nenvironments:\n  production:\n    env: { OTHER: "y" }\n  staging:\n    env: { ${k}: "2" }\ntargets:\n  copilot: { acknowledgeDeprecation: true }\n`;
    const manifest = (k: string) => compile(spec(k)).files.find((f) => f.path.includes('copilot'))!.content;
    const plain = manifest('FOO');
    expect(plain).toContain('FOO: "2"');
    expect(manifest('toString')).toBe(plain.replaceAll('FOO', 'toString'));
    expect(manifest('hasOwnProperty')).toBe(plain.replaceAll('FOO', 'hasOwnProperty'));
  });

  it('a config key named toString is an unknown config key', async () => {
    const d = await validateConfig({ toString: 1, valueOf: 2 });
    expect(d.map((x) => x.message)).toEqual(expect.arrayContaining(['Unknown config key "toString".', 'Unknown config key "valueOf".']));
  });

  it('leaves Object.prototype untouched', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const name of NAMES) compile(`${HEAD}environments:\n  staging: { replicas: 2 }\n`, { env: name });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
