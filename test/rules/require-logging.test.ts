import { describe } from 'vitest';
import rule from '../../src/rules/require-logging.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('require-logging', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}logging: { retentionDays: 30 }\n` },
      { yaml: `${HEAD}logging: { group: /ecs/demo }\n`, options: { requireRetention: false } },
      { yaml: `${HEAD}targets:\n  kubernetes: {}\n`, name: 'Kubernetes leaves logs to the cluster' },
      { yaml: `${HEAD}logging: { driver: none }\n`, name: 'logs switched off keep nothing, so no retention is asked for' },
    ],
    invalid: [
      { yaml: HEAD, errors: [{ messageId: 'missing', line: 1 }] },
      { yaml: `${HEAD}logging: { group: /ecs/demo }\n`, errors: [{ messageId: 'noRetention', line: 6 }] },
    ],
  });
});
