import { describe } from 'vitest';
import rule from '../../src/rules/valid-fargate-size.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('valid-fargate-size', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}resources:\n  limits: { cpu: 500m, memory: 512Mi }\n` },
      { yaml: `${HEAD}targets:\n  ecs: { operatingSystem: WINDOWS_SERVER_2022_CORE, cpu: 1024, memory: 2048 }\n` },
      { yaml: `${HEAD}targets:\n  ecs: { cpu: 8192, memory: 16384, platformVersion: 1.4.0 }\n` },
      { yaml: `${HEAD}targets:\n  ecs: { launchType: EC2, networkMode: bridge, operatingSystem: WINDOWS_SERVER_2022_CORE, cpu: 512, memory: 1024 }\n`, name: 'EC2 is not Fargate' },
    ],
    invalid: [
      { yaml: `${HEAD}targets:\n  ecs: { operatingSystem: WINDOWS_SERVER_2022_CORE, cpu: 512, memory: 1024 }\n`, errors: [{ messageId: 'windowsSize', line: 7, column: 58 }] },
      { yaml: `${HEAD}targets:\n  ecs: { cpu: 8192, memory: 16384, platformVersion: 1.3.0 }\n`, errors: [{ messageId: 'platformVersion', line: 7, column: 53 }] },
      { yaml: `${HEAD}targets:\n  copilot: {}\n  ecs: { cpu: 256, memory: 4096 }\n`, targets: ['copilot'], errors: [{ messageId: 'invalidSize', line: 8, column: 15 }] },
    ],
  });
});
