import { describe } from 'vitest';
import rule from '../../src/rules/require-production-replicas.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const ENVS = `environments:\n  production:\n    replicas: 1\n  staging:\n    replicas: 1\n`;

describe('require-production-replicas', () => {
  ruleTester(rule, {
    valid: [
      { yaml: HEAD, name: 'not production' },
      { yaml: `${HEAD}${ENVS}`, env: 'staging' },
      { yaml: `${HEAD}replicas: 2\nlabels: { environment: production }\n` },
      { yaml: `${HEAD}autoscaling: { min: 2, max: 6, cpu: 60 }\nenvironments:\n  prod: {}\n`, env: 'prod' },
      { yaml: `${HEAD}${ENVS}`, env: 'production', options: { min: 1 } },
    ],
    invalid: [
      { yaml: `${HEAD}${ENVS}`, env: 'production', errors: [{ messageId: 'tooFewReplicas', line: 8, column: 15 }] },
      { yaml: `${HEAD}labels: { env: prod }\n`, errors: [{ messageId: 'tooFewReplicas', line: 1, column: 1 }] },
      {
        yaml: `${HEAD}labels: { stage: live }\nautoscaling: { min: 1, max: 4, cpu: 70 }\n`,
        options: { productionNames: ['live'] },
        errors: [{ messageId: 'tooFewAutoscaled', line: 7, column: 21 }],
      },
    ],
  });
});
