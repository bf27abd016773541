import { describe } from 'vitest';
import rule from '../../src/rules/require-resource-limits.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('require-resource-limits', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}resources:\n  limits: { cpu: 500m, memory: 1Gi }\n` },
      { yaml: `${HEAD}resources:\n  limits: { cpu: 500m, memory: 1Gi }\nsidecars:\n  log:\n    image: fluent/fluent-bit:3.0\n`, options: { sidecars: false } },
    ],
    invalid: [
      { yaml: HEAD, errors: [{ messageId: 'missingLimit', line: 1 }] },
      { yaml: `${HEAD}resources:\n  limits: { cpu: 500m }\n`, errors: [{ messageId: 'missingLimit', line: 7 }] },
      {
        yaml: `${HEAD}resources:\n  limits: { cpu: 500m, memory: 1Gi }\nsidecars:\n  log:\n    image: fluent/fluent-bit:3.0\n`,
        errors: [{ messageId: 'missingLimit', line: 10 }],
      },
    ],
  });
});
