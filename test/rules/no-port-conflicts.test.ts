import { describe } from 'vitest';
import rule from '../../src/rules/no-port-conflicts.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

describe('no-port-conflicts', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}sidecars:\n  metrics:\n    image: prom/statsd-exporter:v0.26.0\n    ports: [{ port: 9102 }]\n` },
      {
        name: 'bridge networking gives each container its own namespace',
        yaml: `${HEAD}sidecars:\n  proxy:\n    image: nginx:1.27.3\n    ports: [{ port: 8080, hostPort: 80 }]\ntargets:\n  ecs: { launchType: EC2, networkMode: bridge }\n`,
      },
      { yaml: `${HEAD}  - port: 8443\n    servicePort: 443\n` },
    ],
    invalid: [
      { yaml: `${HEAD}sidecars:\n  proxy:\n    image: nginx:1.27.3\n    ports: [{ port: 8080 }]\n`, errors: [{ messageId: 'sharedPort', line: 9, column: 21 }] },
      { yaml: `${HEAD}    servicePort: 80\n  - port: 8081\n    servicePort: 80\n`, errors: [{ messageId: 'duplicateServicePort', line: 8, column: 18 }] },
      {
        yaml: `${HEAD.replace('8080', '8080\n    hostPort: 80')}sidecars:\n  proxy:\n    image: nginx:1.27.3\n    ports: [{ port: 9000, hostPort: 80 }]\ntargets:\n  ecs: { launchType: EC2, networkMode: bridge }\n`,
        errors: [{ messageId: 'duplicateHostPort', line: 10, column: 37 }],
      },
      { yaml: `${HEAD}  - port: 15000\ntargets:\n  appmesh: {}\n`, errors: [{ messageId: 'reservedPort', line: 6, column: 11 }] },
      { yaml: `${HEAD}  - port: 2000\n    protocol: udp\ntracing: { xray: true }\n`, targets: ['ecs'], errors: [{ messageId: 'reservedPort', line: 6, column: 11 }] },
    ],
  });
});
