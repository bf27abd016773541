/**
 * Secrets belong in `secrets` (references), never in plain `env`: flags secret-looking names with
 * plain values and values that look like credentials. Messages never repeat the value.
 */
import { createRule } from './create-rule.js';
import { containersOf, forEachTarget } from './utils/spec.js';

export type MessageIds = 'secretName' | 'secretValue';
export interface Options {
  /** Extra name patterns (regular expressions, case-insensitive). */
  namePatterns?: string[];
  /** Names that look secret but are not (e.g. `TOKEN_URL`). */
  allowNames?: string[];
}

const NAME = /(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH|CLIENT_SECRET|SIGNING_KEY)(_|$)/i;
/** Names that contain a secret word but name something public. */
const BENIGN = /(_|^)(URL|URI|ENDPOINT|HOST|PATH|FILE|ARN|NAME|ID|TTL|TIMEOUT|HEADER|ISSUER|AUDIENCE|REGION|ENABLED)$/i;
const VALUES: readonly { what: string; re: RegExp }[] = [
  { what: 'an AWS access key id', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { what: 'a GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { what: 'a Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { what: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: 'a URL with a password', re: /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
];

export default createRule<MessageIds, Options>({
  id: 'no-plaintext-secrets',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow secret-looking names or values in plain `env`; use `secrets` references.', recommended: true },
    defaultSeverity: 'error',
    messages: {
      secretName: 'Environment variable {{name}} looks like a secret but has a plain value, which ends up readable in the task definition and the manifests.',
      secretValue: 'The value of environment variable {{name}} looks like {{what}}; it would be written in plain text into every artifact.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        namePatterns: { type: 'array', items: { type: 'string' }, description: 'Extra secret name patterns.' },
        allowNames: { type: 'array', items: { type: 'string' }, description: 'Names to accept.' },
      },
    },
    defaultOptions: { namePatterns: [], allowNames: [] },
    sensitive: true,
  },
  check(ctx) {
    const extra = (ctx.options.namePatterns ?? []).map((p) => new RegExp(p, 'i'));
    const allow = new Set(ctx.options.allowNames ?? []);
    forEachTarget(ctx, (spec, target) => {
      for (const c of containersOf(spec)) {
        for (const [name, value] of Object.entries(c.env ?? {})) {
          if (value === null || typeof value === 'object' || allow.has(name)) continue;
          const path = [...c.path, 'env', name];
          const text = String(value);
          const found = VALUES.find((v) => v.re.test(text));
          const hint = `move it to ${c.path.length ? `${c.path.join('.')}.` : ''}secrets (Secrets Manager, SSM or a Kubernetes Secret)`;
          if (found) ctx.report({ messageId: 'secretValue', path, target, data: { name, what: found.what }, hint });
          else if (((NAME.test(name) && !BENIGN.test(name)) || extra.some((re) => re.test(name))) && typeof value !== 'boolean' && text !== '') {
            ctx.report({ messageId: 'secretName', path, target, data: { name }, hint });
          }
        }
      }
    });
  },
});
