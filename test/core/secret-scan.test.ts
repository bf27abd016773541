/**
 * Secret scanning made cheaper, held to what it was. findSecretFormat() and scrubSecrets() first ask mayHoldSecretFormat() whether a text can match
 * any credential format at all, and skip the eight regular expressions when it cannot. That is
 * only right if every text one of SECRET_FORMATS matches passes the pre-check: tested here on the
 * formats' own examples, every string of every fixture spec, and seeded random texts assembled
 * from the formats' pieces in mixed case, with look-alike and non-ASCII letters.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { secretValues, valueMasker } from '../../src/core/redact.js';
import { findSecretFormat, isSecretName, isSecretPath, mayHoldSecretFormat, scrubSecrets, SECRET_FORMATS, secretWordByPattern, secretWordByWords } from '../../src/core/secrets.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { random } from '../helpers/random.js';

function matchesAnyFormat(text: string): boolean {
  return SECRET_FORMATS.some((f) => {
    f.re.lastIndex = 0;
    const hit = f.re.test(text);
    f.re.lastIndex = 0;
    return hit;
  });
}

function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
}

function specStrings(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) specStrings(p, out);
    else if (/\.ya?ml$/.test(name) && !p.includes('/expected/')) for (const d of parseAllDocuments(readFileSync(p, 'utf8'))) strings(d.toJS(), out);
  }
  return out;
}

const EXAMPLES = [
  'AKIAIOSFODNN7EXAMPLE',
  'key ASIAXXXXXXXXXXXXXXXX.',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----',
  'ghp_' + 'a'.repeat(36),
  'github_pat_' + 'A'.repeat(22),
  'xoxb-1234567890-abc',
  'eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.c2lnbmF0dXJlMTIz',
  'postgres://user:hunter2@db:5432/app',
  'HTTPS://u:pw@host',
  'Authorization: Bearer abcdefghijklmnop1234',
  '--password=hunter2',
  'PGPASSWORD=hunter2 psql',
  '"api_key": "abcd1234"',
  'Api-Key:abcd',
  'CLIENT_SECRET = "s3cr3t!"',
  'token:abcdef',
  'PWD=/tmp/x',
  'access-key=AbCdEf',
];

const PIECES = ['AKIA', 'ASIA', 'akia', '-----BEGIN ', 'PRIVATE KEY-----', 'gh', 'p_', 'ghs_', 'github_pat_', 'xox', 'xoxp-', 'eyJ', '.eyJ', '://', ':', '=', '"', "'", ' ', 'Bearer ', 'bearer ', 'pass', 'PaSsWoRd', 'passwd', 'PWD', 'secret', 'SeCrEt', 'token', 'TOKEN', 'api', '_', '-', 'key', 'KEY', 'access', 'private', 'client', 'ſecret', 'ǩey', 'Kelvin\u212a', 'x', 'abcdefghij', '0123456789ABCDEF', '$', '%s', '\n', '/', '\t', '\u00a0', 'arn:aws:', ':x'];

describe('the credential pre-check', () => {
  it('passes every example of every format', () => {
    for (const e of EXAMPLES) {
      expect(matchesAnyFormat(e), e).toBe(true);
      expect(mayHoldSecretFormat(e), e).toBe(true);
      expect(findSecretFormat(e), e).toBeDefined();
    }
  });

  it('passes every fixture string that matches a format, and skips most of the rest', () => {
    const all = specStrings(FIXTURES);
    expect(all.length).toBeGreaterThan(1000);
    let skipped = 0;
    for (const s of all) {
      if (matchesAnyFormat(s)) expect(mayHoldSecretFormat(s), s).toBe(true);
      if (!mayHoldSecretFormat(s)) {
        skipped++;
        expect(scrubSecrets(s)).toBe(s);
        expect(findSecretFormat(s)).toBeUndefined();
      }
    }
    expect(skipped).toBeGreaterThan(all.length / 2);
  });

  it('passes every seeded random text that matches a format', () => {
    const rnd = random(19);
    let matching = 0;
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const n = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < n; j++) s += PIECES[Math.floor(rnd() * PIECES.length)]!;
      if (matchesAnyFormat(s)) {
        matching++;
        expect(mayHoldSecretFormat(s), JSON.stringify(s)).toBe(true);
      }
    }
    expect(matching).toBeGreaterThan(500);
  });
});

/** secretValues() as it was, making a path for every node: the oracle for the walk that makes paths only for what it finds. */
function referenceSecretValues(value: unknown, limit = 10_000): { path: (string | number)[]; text: string }[] {
  const out: { path: (string | number)[]; text: string }[] = [];
  const seen = new Set<object>();
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length && out.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string' || typeof v === 'number') {
      const text = String(v);
      if (text !== '' && (isSecretPath(path) || (typeof v === 'string' && findSecretFormat(text) !== undefined))) out.push({ path, text });
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else for (const k of Object.keys(v).reverse()) stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
  }
  return out;
}

describe('the credential pre-check on references', () => {
  it('does not scan a secret reference that names a secret word and assigns nothing', () => {
    for (const s of ['arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-password', 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/api-key', '/prod/db/password', 'my-token-service', 'prod/secret:abcd', 'db:password=abcd1']) {
      expect(matchesAnyFormat(s), s).toBe(false);
      expect(mayHoldSecretFormat(s), s).toBe(false);
    }
    for (const s of ['password=hunter22', '{"api_key": "abcdef1"}', '--token="abcd1234"', 'url secret:abcd', 'DB_PASSWORD = abcd', 'password\t= abcd1', 'token\u00a0=abcd1', 'x_token=abcd1']) {
      expect(matchesAnyFormat(s), s).toBe(true);
      expect(mayHoldSecretFormat(s), s).toBe(true);
    }
  });
});

describe('secret names', () => {
  it('finds a secret word where the pattern finds one, on seeded random names of words and separators', () => {
    const words = ['PASSWORD', 'passwd', 'Pwd', 'pass', 'PASSES', 'Secret', 'SECRETS', 'token', 'TOKENS', 'api', 'API', 'key', 'KEY', 'apikey', 'Access', 'private', 'CLIENT', 'signing', 'credential', 'Credentials', 'auth', 'AUTHORIZATION', 'bearer', 'db', 'url', 'x', ''];
    const seps = ['_', '_', '.', '-', '/', ':', ' ', '', '__', 'é'];
    const next = random(7);
    const bad: string[] = [];
    let hits = 0;
    for (let i = 0; i < 50_000; i++) {
      let w = '';
      const k = 1 + Math.floor(next() * 5);
      for (let j = 0; j < k; j++) w += (j > 0 ? seps[Math.floor(next() * seps.length)]! : '') + words[Math.floor(next() * words.length)]!;
      if (/[^\x00-\x7f]/.test(w)) continue; // non-ASCII names go to the pattern itself
      const want = secretWordByPattern(w);
      if (want) hits++;
      if (secretWordByWords(w) !== want && bad.length < 10) bad.push(w);
    }
    expect(bad).toEqual([]);
    expect(hits).toBeGreaterThan(10_000);
  });

  it('names secrets by their words, in any case and form, and leaves public names alone', () => {
    for (const n of ['DB_PASSWORD', 'apiKey', 'x-api-key', 'API_KEY', 'ApiKey', 'client_secret', 'SIGNING_KEY', 'GITHUB_TOKEN', 'auth', 'my.credentials', 'PGPASSWORD_x'.replace('PG', 'PG_')]) expect(isSecretName(n), n).toBe(true);
    for (const n of ['TOKEN_URL', 'PASSWORD_FILE', 'PASSPORT', 'KEYBOARD', 'DB:PASSWORD', 'AUTHOR', 'SECRETARY', 'PORT', 'API_KEY_ID', 'mypassword']) expect(isSecretName(n), n).toBe(false);
    // Non-ASCII look-alikes: the pattern decides, and long s (U+017F) is not an s to it.
    expect(isSecretName('DB_PA\u017fSWORD')).toBe(false);
  });
});

describe('secretValues', () => {
  it('finds what a walk with a path for every node finds, in the same order, on every fixture spec', () => {
    let found = 0;
    for (const doc of specDocuments(FIXTURES)) {
      const want = referenceSecretValues(doc);
      found += want.length;
      expect(secretValues(doc)).toEqual(want);
      expect(secretValues(doc, 2)).toEqual(referenceSecretValues(doc, 2));
    }
    expect(found).toBeGreaterThan(20);
    const nested = { secrets: { A: { aws: 'x', list: ['p1', 7] } }, env: { DB_PASSWORD: 'hunter22', PLAIN: 'v', nested: { env: { TOKEN: 'abc' } } }, x: [{ env: { API_KEY: 5 } }] };
    expect(secretValues(nested)).toEqual(referenceSecretValues(nested));
    expect(secretValues(nested).length).toBe(6);
  });
});

/** valueMasker() as it was, building both expressions for every list of values: the oracle for the masker that builds them when a text holds a value. */
function referenceMasker(values: readonly string[]): (text: string) => string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quoted = [...new Set(values.map((v) => JSON.stringify(v)))].sort((a, b) => b.length - a.length);
  const bare = [...new Set(values.filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
  const q = quoted.length ? new RegExp(quoted.map(esc).join('|'), 'g') : undefined;
  const b = bare.length ? new RegExp(`(?<![A-Za-z0-9])(?:${bare.map(esc).join('|')})(?![A-Za-z0-9])`, 'g') : undefined;
  return (text) => {
    let out = q ? text.replace(q, '"***"') : text;
    if (b) out = out.replace(b, '***');
    return scrubSecrets(out);
  };
}

describe('valueMasker', () => {
  it('masks what the masker that always builds its expressions masks, on seeded random texts', () => {
    const VALUES = ['hunter22', 'a"b\\c', 'x.y*z', 'db-credentials', 'pw', '(a|b)', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db', 'ünïcode-välue', 'line\nbreak'];
    const FILLER = [' ', 'the value ', '"', '\\', 'x', '9', ': ', 'password=', '\n', '.', 'A'];
    const rnd = random(23);
    let masked = 0;
    for (let i = 0; i < 3_000; i++) {
      const values = VALUES.filter(() => rnd() < 0.4);
      const mask = valueMasker(values);
      const want = referenceMasker(values);
      for (let j = 0; j < 5; j++) {
        let s = '';
        const n = 1 + Math.floor(rnd() * 6);
        for (let k = 0; k < n; k++) {
          const v = VALUES[Math.floor(rnd() * VALUES.length)]!;
          const r = rnd();
          s += r < 0.3 ? v : r < 0.5 ? JSON.stringify(v) : FILLER[Math.floor(rnd() * FILLER.length)]!;
        }
        const got = mask(s);
        if (got !== s) masked++;
        expect(got, JSON.stringify({ values, s })).toBe(want(s));
      }
    }
    expect(masked).toBeGreaterThan(3_000);
  });
});

function specDocuments(dir: string, out: unknown[] = []): unknown[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) specDocuments(p, out);
    else if (/\.ya?ml$/.test(name) && !p.includes('/expected/')) for (const d of parseAllDocuments(readFileSync(p, 'utf8'))) out.push(d.toJS());
  }
  return out;
}
