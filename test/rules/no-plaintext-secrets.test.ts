import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-plaintext-secrets.js';
import { HEAD, lint, ruleTester } from '../helpers/rule-tester.js';

describe('no-plaintext-secrets', () => {
  ruleTester(rule, {
    valid: [
      { yaml: `${HEAD}env:\n  LOG_LEVEL: info\n  TOKEN_URL: https://auth.example.com/token\n  AUTH_ENABLED: true\n` },
      { yaml: `${HEAD}secrets:\n  DB_PASSWORD:\n    aws: { ssm: /demo/db-password }\n` },
      { yaml: `${HEAD}env:\n  SESSION_SECRET: not-a-secret-in-tests\n`, options: { allowNames: ['SESSION_SECRET'] } },
    ],
    invalid: [
      { yaml: `${HEAD}env:\n  DB_PASSWORD: hunter2\n`, errors: [{ messageId: 'secretName', line: 7, column: 16 }] },
      { yaml: `${HEAD}env:\n  AWS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n`, errors: [{ messageId: 'secretValue', line: 7, column: 15 }] },
      { yaml: `${HEAD}env:\n  DATABASE_URL: postgres://app:s3cr3t@db:5432/app\n`, errors: [{ messageId: 'secretValue', line: 7, column: 17 }] },
      { yaml: `${HEAD}env:\n  STRIPE_KEY: abc\n`, options: { namePatterns: ['_KEY$'] }, errors: [{ messageId: 'secretName', line: 7, column: 15 }] },
    ],
  });

  it('never repeats the value in the message', () => {
    const [d] = lint(rule, { yaml: `${HEAD}env:\n  API_TOKEN: very-secret-value\n` });
    expect(d?.message).not.toContain('very-secret-value');
    expect(d?.hint ?? '').not.toContain('very-secret-value');
  });
});
