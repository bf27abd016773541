import { describe } from 'vitest';
import rule from '../../src/rules/probe-sanity.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const K8S = `targets:\n  kubernetes: {}\n`;

describe('probe-sanity', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}health:\n  readiness: { http: { path: /ready }, timeout: 2, period: 5 }\n  liveness: { http: { path: /live } }\n${K8S}` },
      { yaml: `${HEAD}health:\n  liveness: { http: { path: /live }, initialDelay: 90 }\n  startup: { http: { path: /live }, failureThreshold: 30, period: 5 }\n${K8S}` },
      { yaml: `${HEAD}health:\n  container: { command: [CMD, /hc], interval: 10, timeout: 5 }\n  traffic: { path: /health, timeout: 10 }\n`, targets: ['ecs'] },
    ],
    invalid: [
      { yaml: `${HEAD}health:\n  readiness: { http: { path: /ready }, timeout: 10 }\n${K8S}`, errors: [{ messageId: 'timeoutNotLessThanPeriod', line: 7, column: 49 }] },
      { yaml: `${HEAD}health:\n  readiness: { http: { path: /health } }\n  liveness: { http: { path: /health } }\n${K8S}`, errors: [{ messageId: 'sameAsReadiness', line: 8, column: 13 }] },
      { yaml: `${HEAD}health:\n  liveness: { http: { path: /live }, initialDelay: 120 }\n${K8S}`, errors: [{ messageId: 'useStartupProbe', line: 7, column: 52 }] },
      { yaml: `${HEAD}health:\n  container: { command: [CMD, /hc], interval: 5s, timeout: 5s }\n`, targets: ['ecs'], errors: [{ messageId: 'timeoutNotLessThanPeriod', line: 7, column: 60 }] },
      { yaml: `${HEAD}health:\n  traffic: { path: /health, timeout: 30s }\n`, targets: ['ecs'], errors: [{ messageId: 'timeoutNotLessThanPeriod', line: 7, column: 38 }] },
    ],
  });
});
