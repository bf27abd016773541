import { describe } from 'vitest';
import rule from '../../src/rules/require-tracing.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('require-tracing', () => {
  ruleTester(rule, {
    valid: [{ yaml: `${HEAD}tracing: { xray: true }\n` }],
    invalid: [
      { yaml: HEAD, errors: [{ messageId: 'missing', line: 1 }] },
      { yaml: `${HEAD}tracing: { xray: false }\n`, errors: [{ messageId: 'missing', line: 6 }] },
      {
        name: 'a target that turns it off',
        yaml: `${HEAD}tracing: { xray: true }\ntargets:\n  ecs: {}\n  kubernetes:\n    tracing: { xray: false }\n`,
        errors: [{ messageId: 'missing', line: 10 }],
      },
    ],
  });
});
