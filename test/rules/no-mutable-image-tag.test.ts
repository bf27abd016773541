import { describe } from 'vitest';
import rule from '../../src/rules/no-mutable-image-tag.js';
import { ruleTester } from '../helpers/rule-tester.js';

const spec = (image: string, extra = '') => `apiVersion: codegen/v1\nname: demo\nimage: ${image}\n${extra}`;

describe('no-mutable-image-tag', () => {
  ruleTester(rule, {
    valid: [
      { yaml: spec('nginx:1.27.3') },
      { yaml: spec('nginx:${Tag}', 'parameters:\n  Tag: { default: 1.27.3 }\n'), name: 'a tag parameter with a version default' },
      { yaml: spec('registry.example.com:5000/team/app:2.0') , name: 'registry port is not a tag' },
      { yaml: spec('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), options: { requireDigest: true } },
      { yaml: spec('nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), name: 'a digest pins even latest' },
    ],
    invalid: [
      { yaml: spec('nginx:latest'), errors: [{ messageId: 'latestTag', line: 3, column: 8 }] },
      { yaml: spec('nginx:${Tag}', 'parameters:\n  Tag: { default: latest }\n'), name: 'a tag parameter is judged by its default', errors: [{ messageId: 'latestTag', line: 3, column: 8 }] },
      { yaml: spec('registry.example.com:5000/team/app'), errors: [{ messageId: 'missingTag', line: 3, column: 8 }] },
      { yaml: spec('nginx:1.27.3'), options: { requireDigest: true }, errors: [{ messageId: 'noDigest', line: 3, column: 8 }] },
      {
        name: 'sidecar and a target override, reported where written',
        yaml: spec('nginx:1.27.3', 'sidecars:\n  xray:\n    image: amazon/aws-xray-daemon\ntargets:\n  ecs:\n    image: nginx:latest\n'),
        errors: [
          { messageId: 'missingTag', line: 6, column: 12 },
          { messageId: 'latestTag', line: 9, column: 12 },
        ],
      },
    ],
  });
});
