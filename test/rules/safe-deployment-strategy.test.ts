import { describe } from 'vitest';
import rule from '../../src/rules/safe-deployment-strategy.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const PROD = `labels: { environment: production }\n`;
const K8S = `targets:\n  kubernetes: {}\n`;

describe('safe-deployment-strategy', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}${K8S}`, name: 'not production' },
      { yaml: `${HEAD}${PROD}deployment:\n  strategy: rolling\n  rolling: { maxSurge: 1, maxUnavailable: 0 }\n${K8S}` },
      { yaml: `${HEAD}${PROD}deployment: { strategy: blue-green }\n`, targets: ['ecs'] },
      { yaml: `${HEAD}${PROD}`, targets: ['ecs'], name: 'ECS keeps 100% healthy by default' },
    ],
    invalid: [
      { yaml: `${HEAD}${PROD}${K8S}`, errors: [{ messageId: 'rollingUnavailable', line: 1, column: 1 }] },
      { yaml: `${HEAD}${PROD}deployment:\n  rolling: { maxUnavailable: 25% }\n${K8S}`, errors: [{ messageId: 'rollingUnavailable', line: 8, column: 30 }] },
      { yaml: `${HEAD}${PROD}targets:\n  ecs: { minimumHealthyPercent: 50 }\n`, errors: [{ messageId: 'ecsMinimumHealthy', line: 8, column: 33 }] },
      {
        name: 'rollback off, in the production overlay',
        yaml: `${HEAD}deployment: { strategy: canary }\nenvironments:\n  production:\n    deployment: { rollbackOnFailure: false }\n`,
        env: 'production',
        targets: ['ecs'],
        errors: [{ messageId: 'noRollback', line: 9, column: 38 }],
      },
      { yaml: `${HEAD}deployment:\n  rolling: { maxUnavailable: 1 }\n`, targets: ['ecs'], options: { everywhere: true }, errors: [{ messageId: 'rollingUnavailable', line: 7, column: 30 }] },
    ],
  });
});
