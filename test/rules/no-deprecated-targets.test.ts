import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import rule from '../../src/rules/no-deprecated-targets.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('no-deprecated-targets', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}targets:\n  ecs: {}\n  kubernetes: {}\n` },
      { yaml: `${HEAD}targets:\n  copilot: {}\n`, options: { allow: ['copilot'] } },
    ],
    invalid: [
      { yaml: `${HEAD}targets:\n  appmesh: {}\n  copilot:\n    acknowledgeDeprecation: true\n`, errors: [{ messageId: 'deprecated', line: 7, column: 12 }, { messageId: 'deprecated', line: 9, column: 5 }] },
    ],
  });

  it('is off unless configured (the legacy emitters warn on their own)', () => {
    const r = compile(`${HEAD}targets:\n  appmesh: {}\n`, { builtinEmitters: [] });
    expect(r.diagnostics.filter((d) => d.code === rule.id)).toEqual([]);
    expect(rule.meta.docs.recommended).toBe(false);
  });
});
