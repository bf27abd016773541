import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/valid-names.js';
import { HEAD, lint, ruleTester } from '../helpers/rule-tester.js';

const LONG = 'orders-fulfillment-api-v2'; // 25 + "-green" = 31

describe('valid-names', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}expose: { public: true }\n`.replace('name: demo', `name: ${LONG}`), targets: ['ecs'] },
      { yaml: `${HEAD}labels: { app.kubernetes.io/part-of: shop, team: payments }\ntargets:\n  kubernetes: {}\n` },
      { yaml: `${HEAD}targets:\n  ecs:\n    service: { name: Demo_Service-1 }\n` },
      { name: 'an ECS container name with capitals and underscores on ECS', yaml: `${HEAD}containerName: Web_App\nsidecars:\n  log_router: { image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4 }\n`, targets: ['ecs'] },
      { name: 'the kubernetes target renames the container', yaml: `${HEAD}containerName: Web_App\ntargets:\n  ecs: {}\n  kubernetes: { containerName: web-app }\n` },
    ],
    invalid: [
      {
        name: 'an ECS container name is no Kubernetes container name',
        yaml: `${HEAD}containerName: Web_App\nsidecars:\n  log_router: { image: public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4 }\ntargets:\n  kubernetes: {}\n`,
        errors: [{ messageId: 'badFormat', line: 6, column: 16 }, { messageId: 'badFormat', line: 8, column: 15 }],
      },
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

describe('valid-names messages state the rule', () => {
  it('says what a Kubernetes container name must be, and how to give the target its own', () => {
    const [d] = lint(rule, { yaml: `${HEAD}containerName: Web_App\ntargets:\n  kubernetes: {}\n` });
    expect(d!.message).toBe('Container name "Web_App" is not valid for a Kubernetes container: a DNS-1123 label: lowercase letters, digits and hyphens, starting and ending with a letter or digit, at most 63 characters.');
    expect(d!.hint).toBe('give the kubernetes target its own name with targets.kubernetes.containerName');
  });

  it('says the characters allowed along with the length', () => {
    const [d] = lint(rule, { yaml: `${HEAD}expose: { public: true }\n`.replace('name: demo', 'name: orders-fulfillment-api-v2-eu'), targets: ['ecs'] });
    expect(d!.message).toBe('Target group name "orders-fulfillment-api-v2-eu-green" is 34 characters; an ALB target group allows at most 32: letters, digits and hyphens, not starting or ending with a hyphen, at most 32 characters.');
  });
});
