import { describe } from 'vitest';
import rule from '../../src/rules/valid-names.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const LONG = 'orders-fulfillment-api-v2'; // 25 + "-green" = 31

describe('valid-names', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}expose: { public: true }\n`.replace('name: demo', `name: ${LONG}`), targets: ['ecs'] },
      { yaml: `${HEAD}labels: { app.kubernetes.io/part-of: shop, team: payments }\ntargets:\n  kubernetes: {}\n` },
      { yaml: `${HEAD}targets:\n  ecs:\n    service: { name: Demo_Service-1 }\n` },
    ],
    invalid: [
      {
        name: 'target group name over 32 characters',
        yaml: `${HEAD}expose: { public: true }\n`.replace('name: demo', 'name: orders-fulfillment-api-v2-eu'),
        targets: ['ecs'],
        errors: [{ messageId: 'tooLong', line: 2, column: 7 }],
      },
      { yaml: `${HEAD}targets:\n  kubernetes:\n    service: { name: 1st-api }\n`, errors: [{ messageId: 'badFormat', line: 8, column: 22 }] },
      { yaml: `${HEAD}labels: { owner: "team payments" }\ntargets:\n  kubernetes: {}\n`, errors: [{ messageId: 'badFormat', line: 6, column: 18 }] },
      { yaml: `${HEAD}targets:\n  ecs:\n    service: { name: demo.service }\n`, errors: [{ messageId: 'badFormat', line: 8, column: 22 }] },
      { yaml: `${HEAD}targets:\n  copilot: {}\n`.replace('name: demo', 'name: my--api'), errors: [{ messageId: 'badFormat', line: 2, column: 7 }] },
      {
        yaml: `${HEAD}targets:\n  ecs:\n    codeDeploy: { applicationName: ${'a'.repeat(101)} }\n`,
        errors: [{ messageId: 'tooLong', line: 8, column: 36 }],
      },
    ],
  });
});
