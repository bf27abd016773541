import { describe } from 'vitest';
import rule from '../../src/rules/require-health-checks.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const ECS_OK = `${HEAD}expose: { public: true }\nhealth:\n  traffic: { path: /health }\n  container: { command: [CMD, /bin/healthcheck] }\n`;
const K8S_OK = `${HEAD}expose: { public: true }\nhealth:\n  readiness: { http: { path: /ready } }\n  liveness: { http: { path: /live } }\ntargets:\n  kubernetes: {}\n`;

describe('require-health-checks', () => {
  ruleTester(rule, {
    valid: [
      { yaml: ECS_OK, targets: ['ecs'] },
      { yaml: K8S_OK },
      { yaml: `${HEAD}targets:\n  appmesh: {}\n`, name: 'App Mesh has no process to check' },
      { yaml: HEAD, options: { process: false }, targets: ['ecs'] },
    ],
    invalid: [
      { yaml: HEAD, targets: ['ecs'], errors: [{ messageId: 'missingProcess', line: 1 }] },
      {
        yaml: `${HEAD}expose: { public: true }\nhealth:\n  liveness: { http: { path: /live } }\ntargets:\n  kubernetes: {}\n  ecs: {}\n`,
        errors: [
          { messageId: 'missingProcess', line: 8 },
          { messageId: 'missingTraffic', line: 8 },
          { messageId: 'missingTraffic', line: 8 },
        ],
      },
    ],
  });
});
