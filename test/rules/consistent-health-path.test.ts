import { describe } from 'vitest';
import rule from '../../src/rules/consistent-health-path.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('consistent-health-path', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}health:\n  traffic: { path: /health }\ntargets:\n  ecs: {}\n  kubernetes: {}\n` },
      {
        name: 'a readiness path of its own is fine when the traffic path agrees',
        yaml: `${HEAD}health:\n  traffic: { path: /health }\n  readiness: { http: { path: /ready } }\ntargets:\n  ecs: {}\n  kubernetes: {}\n`,
      },
      { yaml: `${HEAD}targets:\n  ecs:\n    health: { traffic: { path: /hc } }\n`, name: 'one target only' },
    ],
    invalid: [
      {
        yaml: `${HEAD}health:\n  traffic: { path: /health }\ntargets:\n  ecs: {}\n  copilot:\n    health: { traffic: { path: /healthz } }\n`,
        errors: [{ messageId: 'differs', line: 11, column: 32 }],
      },
    ],
  });
});
