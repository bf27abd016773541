/**
 * What a secret looks like, for the rule that refuses plaintext secrets and for the diagnostic
 * layer that must never print one. Heuristics, tuned for few false positives:
 * - known credential formats anywhere (AWS access key ids, private key blocks, GitHub and Slack
 *   tokens, JSON Web Tokens, URLs with a password);
 * - `password=...`-style assignments in free text (commands, descriptions);
 * - secret-named keys (`DB_PASSWORD`, `API_TOKEN`, ...) with a plain value;
 * - values at secret positions (anything under `secrets.<name>`, `env.<secret-named key>`).
 */
import { isAsciiText } from './ascii.js';
import type { SpecPath } from './diagnostics.js';

/** A word of the name says "secret" (`DB_PASSWORD`, `apiKey`, `x-auth-token`). */
const SECRET_WORD = /(^|[_.\-/])(PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH|AUTHORIZATION|CLIENT_SECRET|SIGNING_KEY|BEARER)([_.\-/]|$)/i;
/** Names that contain a secret word but name something public (`TOKEN_URL`, `PASSWORD_FILE`). */
const BENIGN_NAME = /(^|[_.\-/])(URL|URI|ENDPOINT|HOST|PATH|FILE|ARN|NAME|ID|TTL|TIMEOUT|HEADER|ISSUER|AUDIENCE|REGION|ENABLED|MODE|TYPE|LENGTH|POLICY|EXPIRY|EXPIRES|LIFETIME|PROVIDER|METHOD|SCOPE|SCOPES|REF|VERSION|STAGE|KEY_ID)$/i;

/** `apiKey` → `api_Key`, `x-api-key` → `x_api_key`: words separated by `_` for the name test. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[.\-/]/g, '_');
}

/** SECRET_WORD's words and pairs of words, upper case (`API_?KEY` is `APIKEY` and `API_KEY`). */
const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PWD', 'PASS', 'SECRET', 'TOKEN', 'APIKEY', 'ACCESSKEY', 'PRIVATEKEY', 'SECRETKEY', 'CREDENTIAL', 'CREDENTIALS', 'AUTH', 'AUTHORIZATION', 'BEARER']);
const SECRET_PAIRS = new Set(['API_KEY', 'ACCESS_KEY', 'PRIVATE_KEY', 'SECRET_KEY', 'CLIENT_SECRET', 'SIGNING_KEY']);

/**
 * SECRET_WORD.test(w) for an ASCII `w`, without compiling that pattern: its case-insensitive
 * alternation of sixteen words costs a process about half a millisecond the first time, more than
 * every other check of a one-service run. A word of SECRET_WORDS, or two words of SECRET_PAIRS
 * joined by `_`, between separators (`_ . - /`) or the ends. Case-insensitive as the pattern is:
 * only ASCII letters match ASCII letters (the caller sends anything else to the pattern).
 * test/core/secret-scan.test.ts checks the two agree.
 */
function hasSecretWord(w: string): boolean {
  const up = w.toUpperCase();
  const n = up.length;
  let start = 0;
  let prevStart = -1; // the start of the word before, with the separator between (a pair's is `_`)
  for (let i = 0; i <= n; i++) {
    const c = i < n ? up.charCodeAt(i) : 0;
    if (i < n && c !== 95 && c !== 46 && c !== 45 && c !== 47) continue;
    if (SECRET_WORDS.has(up.slice(start, i)) || (prevStart >= 0 && SECRET_PAIRS.has(up.slice(prevStart, i)))) return true;
    prevStart = start;
    start = i + 1;
  }
  return false;
}

/** True when `name` (an env variable, label or annotation key) names a secret. */
export function isSecretName(name: string, extra: readonly RegExp[] = []): boolean {
  const w = words(name);
  const secretWord = isAsciiText(w) ? hasSecretWord(w) : SECRET_WORD.test(w);
  return (secretWord && !BENIGN_NAME.test(w)) || extra.some((re) => re.test(name));
}


/** For tests: SECRET_WORD applied as written, and its replacement. */
export const secretWordByPattern = (w: string): boolean => SECRET_WORD.test(w);
export const secretWordByWords = hasSecretWord;

export interface SecretFormat {
  what: string;
  re: RegExp;
}

/** Credential formats that are secrets wherever they appear (global regexps: use with `matchAll`/`replace`). */
export const SECRET_FORMATS: readonly SecretFormat[] = [
  { what: 'an AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { what: 'a private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY(?: BLOCK)?-----[^]*?(?:-----END [A-Z ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { what: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/g },
  { what: 'a Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { what: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { what: 'a URL with a password', re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^/\s@]+)@/gi },
  { what: 'a bearer token', re: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g },
  // `--password=hunter2`, `PGPASSWORD=hunter2`, `"api_key": "..."`: the value only (group 1).
  {
    what: 'a password assignment',
    re: /(?<![A-Za-z0-9:/])[A-Za-z0-9_-]*?(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret)(?:["']\s*:\s*["']?|:(?=\S)|\s*=\s*["']?)((?!\$)[^\s"',;&|)]{4,})/gi,
  },
];

/** Variable references and placeholders are not secrets (`$DB_PASSWORD`, `%s`, `<password>`, `{{token}}`, `***`). */
const PLACEHOLDER = /^(?:\$|%|<.*>$|\{\{|\*+$|x+$|\.\.\.$|[0-9]+$|true$|false$|null$|none$)/i;

/**
 * What every match of SECRET_FORMATS contains (a text without any of it matches none of them), so
 * that the common text — a name, a path, an image — costs one scan instead of eight:
 * a marker of one of the fixed formats, or a word of the password assignment and its `:` or `=`.
 * Case rules as in the formats (case-insensitive only where they are, ASCII only).
 */
const FORMAT_MARKER = /AKIA|ASIA|-----BEGIN |gh[pousr]_|github_pat_|xox[abprs]-|eyJ|:\/\/|Bearer/;
const ASSIGNMENT_WORD = /pass|pwd|secret|token|key/i;
const ASSIGNMENT_SIGN = /[:=]/;

/** The last word of every keyword of the password assignment (`api_key` ends in `key`). */
const ASSIGNMENT_ENDS = ['password', 'passwd', 'pwd', 'secret', 'token', 'key'];

/**
 * Whether the password assignment of SECRET_FORMATS can match an ASCII `text`, without compiling
 * it: a keyword's last word (any case) followed by what may start the assignment (a quote, `:`,
 * or `=` after blanks), where a match could start (walking back over letters and digits, the
 * lookbehind's `[A-Za-z0-9:/]` must end: the text's start or any character but `:` and `/`). So a
 * secret's ARN (`...:secret:db-password`), which names the word but assigns nothing, costs no scan.
 */
function assignmentMayMatch(text: string): boolean {
  const lower = text.toLowerCase(); // ASCII: the same length, letters folded as the `i` flag does
  for (const word of ASSIGNMENT_ENDS) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (signAt(text, at + word.length) && mayStartBefore(text, at)) return true;
    }
  }
  return false;
}

/** A quote or `:` at `i`, or `=` after blanks (in ASCII text, every `\s` is a control or a space). */
function signAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39 || c === 58) return true;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return text.charCodeAt(i) === 61;
}

/** Some position at or before `i`, reached over letters and digits only, not preceded by a letter, digit, `:` or `/`. */
function mayStartBefore(text: string, i: number): boolean {
  for (let p = i; p > 0; p--) {
    const c = text.charCodeAt(p - 1);
    if (c === 58 || c === 47) return false;
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) return true;
  }
  return true;
}

/**
 * FORMAT_MARKER and the assignment's words in one case-insensitive scan: a text without any of them
 * (nearly every name, image, path and message) is decided by it alone, where the checks below
 * cost a pattern, an ASCII test, a lower-case copy and six searches. The `i` flag only widens what
 * it finds, and without `u` it folds no non-ASCII letter onto an ASCII one, as the formats do not.
 */
const ANY_MARKER = /AKIA|ASIA|-----BEGIN |gh[pousr]_|github_pat_|xox[abprs]-|eyJ|:\/\/|Bearer|pass|pwd|secret|token|key/i;

export function mayHoldSecretFormat(text: string): boolean {
  if (!ANY_MARKER.test(text)) return false;
  if (FORMAT_MARKER.test(text)) return true;
  if (!isAsciiText(text)) return ASSIGNMENT_SIGN.test(text) && ASSIGNMENT_WORD.test(text);
  return assignmentMayMatch(text);
}

/** The first credential format `text` contains (a description for messages), or undefined. */
export function findSecretFormat(text: string): string | undefined {
  if (!mayHoldSecretFormat(text)) return undefined;
  for (const f of SECRET_FORMATS) {
    f.re.lastIndex = 0;
    for (const m of text.matchAll(f.re)) {
      if (f.what === 'a password assignment' && PLACEHOLDER.test(m[1] ?? '')) continue;
      return f.what;
    }
  }
  return undefined;
}

/** Replace every credential-looking part of `text` with `***` (the rest stays readable). */
export function scrubSecrets(text: string): string {
  if (!mayHoldSecretFormat(text)) return text;
  let out = text;
  for (const f of SECRET_FORMATS) {
    out = out.replace(f.re, (m: string, ...groups: unknown[]) => {
      const g = f.what === 'a password assignment' || f.what === 'a URL with a password' || f.what === 'a bearer token' ? (groups[0] as string | undefined) : undefined;
      if (g === undefined) return '***';
      if (f.what === 'a password assignment' && PLACEHOLDER.test(g)) return m;
      return m.slice(0, m.lastIndexOf(g)) + '***' + m.slice(m.lastIndexOf(g) + g.length);
    });
  }
  return out;
}

/** Shannon entropy in bits per character (a random 20-character token is above 3.5; `production` is 2.6). */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  const n = [...s].length;
  for (const k of counts.values()) h -= (k / n) * Math.log2(k / n);
  return h;
}

/**
 * A value that reads like a generated credential: at least 16 characters without spaces, letters
 * and digits mixed inside one word (names such as `admin-console/session-key` or `v1.2.3` are words
 * and numbers), and high entropy.
 */
export function looksRandom(s: string): boolean {
  if (s.length < 16 || /\s/.test(s) || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(s)) return false;
  const parts = s.split(/[/._:@-]+/);
  if (parts.every((p) => /^[A-Za-z]*$/.test(p) || /^[0-9]+$/.test(p))) return false;
  return /[0-9]/.test(s) && /[A-Za-z]/.test(s) && entropy(s) >= 3.5;
}

/**
 * True when the value at `path` sits where a secret belongs: below `secrets.<name>` (a value
 * pasted where a reference belongs), or the value of a secret-named `env` entry.
 */
export function isSecretPath(path: SpecPath): boolean {
  for (let i = 0; i < path.length - 1; i++) {
    if (path[i] === 'secrets') return true;
    if (path[i] === 'env' && typeof path[i + 1] === 'string' && isSecretName(path[i + 1] as string)) return true;
  }
  return false;
}
