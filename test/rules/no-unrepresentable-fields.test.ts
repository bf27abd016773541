import { describe } from 'vitest';
import rule from '../../src/rules/no-unrepresentable-fields.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('no-unrepresentable-fields', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}deployment: { strategy: canary }\n`, targets: ['ecs'] },
      { yaml: `${HEAD}deployment: { strategy: canary }\ntargets:\n  ecs: {}\n  kubernetes:\n    deployment: { strategy: rolling }\n` },
      { yaml: `${HEAD}health:\n  traffic: { path: /health }\n  readiness: { http: { path: /ready } }\n`, targets: ['ecs'] },
      // Strategies are reported by the Kubernetes and Copilot emitters, not twice by this rule.
      { yaml: `${HEAD}deployment: { strategy: blue-green }\ntargets:\n  kubernetes: {}\n  copilot: {}\n` },
      // The awslogs group, prefix and retention are ECS and Copilot settings; Kubernetes has nothing to say.
      { yaml: `${HEAD}logging: { group: /custom/shop, retentionDays: 30 }\n`, targets: ['kubernetes'] },
      { yaml: `${HEAD}logging: { driver: firelens }\n`, targets: ['ecs'] },
    ],
    invalid: [
      { yaml: `${HEAD}    hostPort: 80\n`, targets: ['ecs'], errors: [{ messageId: 'unsupported', line: 6, column: 15 }] },
      { yaml: `${HEAD}health:\n  startup: { http: { path: /health } }\n`, targets: ['ecs'], errors: [{ messageId: 'unsupported', line: 7, column: 12 }] },
      { yaml: `${HEAD}health:\n  readiness: { http: { path: /ready } }\n`, targets: ['ecs'], errors: [{ messageId: 'unsupported', line: 7, column: 14 }] },
      { yaml: `${HEAD}logging:\n  driver: none\n`, targets: ['kubernetes'], errors: [{ messageId: 'unsupported', line: 7, column: 11 }] },
    ],
  });
});
