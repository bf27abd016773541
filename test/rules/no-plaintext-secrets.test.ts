import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-plaintext-secrets.js';
import { HEAD, lint, ruleTester } from '../helpers/rule-tester.js';

describe('no-plaintext-secrets', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}env:\n  LOG_LEVEL: info\n  TOKEN_URL: https://auth.example.com/token\n  AUTH_ENABLED: true\n` },
      { yaml: `${HEAD}secrets:\n  DB_PASSWORD:\n    aws: { ssm: /demo/db-password }\n` },
      { yaml: `${HEAD}env:\n  SESSION_SECRET: not-a-secret-in-tests\n`, options: { allowNames: ['SESSION_SECRET'] } },
      { name: 'secret files and references in a command', yaml: `${HEAD}command: ["--token-file", "/run/secrets/token", "--password", "$(DB_PASSWORD)", "--max-token=4096"]\n` },
      { name: 'prose about passwords', yaml: `${HEAD}description: "Rotates the database password every 30 days; tokens expire after 1h"\n` },
      { name: 'secret-named labels with ordinary values', yaml: `${HEAD}labels:\n  auth-mode: oauth\n  token-ttl: "3600"\n` },
      { name: 'high-entropy values under ordinary names', yaml: `${HEAD}labels:\n  config-hash: 9fK2xQ7mLp4Rt8Vw3Zb6\n` },
      { name: 'references by name, path and ARN', yaml: `${HEAD}secrets:\n  DB_PASSWORD:\n    aws: { secretsManager: prod/db-2024/password }\n  TOKEN:\n    aws: { ssm: "arn:aws:ssm:eu-west-1:123456789012:parameter/app/token" }\n` },
      { name: 'a file path in a secret-named variable', yaml: `${HEAD}env:\n  PASSWORD_FILE: /run/secrets/db\n` },
      { name: 'an overlay that removes a value', yaml: `${HEAD}env:\n  LOG_LEVEL: info\nenvironments:\n  production:\n    env: { LOG_LEVEL: null }\n` },
    ],
    invalid: [
      { yaml: `${HEAD}env:\n  DB_PASSWORD: hunter2\n`, errors: [{ messageId: 'secretName', line: 7, column: 16 }] },
      { yaml: `${HEAD}env:\n  AWS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n`, errors: [{ messageId: 'secretValue', line: 7, column: 15 }] },
      { yaml: `${HEAD}env:\n  DATABASE_URL: postgres://app:s3cr3t@db:5432/app\n`, errors: [{ messageId: 'secretValue', line: 7, column: 17 }] },
      { yaml: `${HEAD}env:\n  STRIPE_KEY: abc\n`, options: { namePatterns: ['_KEY$'] }, errors: [{ messageId: 'secretName', line: 7, column: 15 }] },
      { name: 'an environment that is not compiled', yaml: `${HEAD}environments:\n  production:\n    env: { DB_PASSWORD: hunter2 }\n`, errors: [{ messageId: 'secretName', line: 8, column: 25 }] },
      { name: 'another environment than --env', env: 'staging', yaml: `${HEAD}environments:\n  staging: { replicas: 2 }\n  production:\n    env: { DB_PASSWORD: hunter2 }\n`, errors: [{ messageId: 'secretName', line: 9, column: 25 }] },
      { name: 'a target that is not selected', targets: ['kubernetes'], yaml: `${HEAD}targets:\n  kubernetes: {}\n  ecs:\n    env: { API_TOKEN: abc123 }\n`, errors: [{ messageId: 'secretName', line: 9, column: 23 }] },
      { name: 'a patch value in the ECS env shape', yaml: `${HEAD}patches:\n  - target: ecs\n    ops:\n      - { op: add, path: /x, value: { name: DB_PASSWORD, value: hunter2 } }\n`, errors: [{ messageId: 'secretName', line: 9, column: 65 }] },
      { name: 'a key in the command', yaml: `${HEAD}command: ["sh", "-c", "PGPASSWORD=hunter2 psql"]\n`, errors: [{ messageId: 'secretText', line: 6 }] },
      { name: 'a flag and its value', yaml: `${HEAD}entrypoint: ["app", "--api-key", "k9Xq2Lm"]\n`, errors: [{ messageId: 'secretArgument', line: 6 }] },
      { name: 'a private key in the description', yaml: `${HEAD}description: "-----BEGIN RSA PRIVATE KEY----- MIIEpAIBAAKCAQEA"\n`, errors: [{ messageId: 'secretText', line: 6 }] },
      { name: 'a random value under a secret-named label', yaml: `${HEAD}labels:\n  api-key: 9fK2xQ7mLp4Rt8Vw3Zb6\n`, errors: [{ messageId: 'secretLabel', line: 7 }] },
      { name: 'a liveness exec command', yaml: `${HEAD}health:\n  liveness:\n    exec: { command: ["curl", "-H", "Authorization: Bearer 3fa9c1d27be84e5f9a0c6d1b2e7f4a8c", "localhost"] }\n`, errors: [{ messageId: 'secretText', line: 8 }] },
      { name: 'a token pasted as a Secrets Manager reference', yaml: `${HEAD}secrets:\n  GH:\n    aws: { secretsManager: ghp_0123456789abcdefghijABCDEFGHIJ012345 }\n`, errors: [{ messageId: 'secretReference', line: 8 }] },
      { name: 'a random value pasted as an SSM reference', yaml: `${HEAD}secrets:\n  DB:\n    aws: { ssm: "Xk9#mQ2$vL7pR4wZ" }\n`, errors: [{ messageId: 'secretReference', line: 8 }] },
      { name: 'a sidecar env value', yaml: `${HEAD}sidecars:\n  agent:\n    image: datadog/agent:7.60.0\n    env: { DD_API_KEY: 0123abcd }\n`, errors: [{ messageId: 'secretName', line: 9 }] },
    ],
  });

  it('never repeats the value in the message', () => {
    const [d] = lint(rule, { yaml: `${HEAD}env:\n  API_TOKEN: very-secret-value\n` });
    expect(d?.message).not.toContain('very-secret-value');
    expect(d?.hint ?? '').not.toContain('very-secret-value');
  });
});
