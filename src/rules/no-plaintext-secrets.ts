/**
 * Secrets belong in `secrets` (references), never in plain text. The rule reads the spec as
 * written — base, every `environments.<env>` overlay, every `targets.<t>` section and the
 * `patches` values — so a secret is found whichever environment or target is compiled (the
 * Copilot manifest, for one, carries every environment). Heuristics (src/core/secrets.ts):
 * secret-named `env` entries with a plain value; credential formats in any string (command,
 * entrypoint, description, health-check commands, labels, ...); `--password VALUE` arguments;
 * high-entropy values of secret-named labels, tags and annotations; and secret values pasted
 * where a secret reference belongs. Messages never repeat the value.
 */
import type { SpecPath } from '../core/diagnostics.js';
import { formatPath } from '../core/diagnostics.js';
import { findSecretFormat, isSecretName, looksRandom } from '../core/secrets.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'secretName' | 'secretValue' | 'secretText' | 'secretArgument' | 'secretLabel' | 'secretReference';
export interface Options {
  /** Extra name patterns (regular expressions, case-insensitive). */
  namePatterns?: string[];
  /** Names that look secret but are not (e.g. `TOKEN_URL`). */
  allowNames?: string[];
}

/** Maps whose keys name their values like env names do, and whose values land in resource metadata. */
const METADATA_MAPS = new Set(['labels', 'annotations', 'podAnnotations', 'tags']);
/** Lists that become a process's argv. */
const ARGV_LISTS = new Set(['command', 'entrypoint', 'args']);
/** `--password`, `--db-token`, `-secret`: the next argument is the secret. */
const SECRET_FLAG = /^--?[A-Za-z0-9_-]*(password|passwd|token|secret|api-?key|access-?key|secret-?key|client-?secret|private-?key)$/i;
/** An argument that is a reference, not a value (`$DB_PASSWORD`, `${TOKEN}`, `$(TOKEN)`, `/run/secrets/x`). */
const REFERENCE_ARG = /^(\$|\/|@|<.*>$)/;
/** Sections that never reach an artifact. */
const SKIPPED = new Set(['suppress', '$schema']);

type Report = (messageId: MessageIds, path: SpecPath, data: Record<string, string>, hint?: string) => void;

/** `secrets` next to the env map (or at the top level): where the value should move. */
function moveHint(envPath: SpecPath): string {
  const owner = envPath.slice(0, -1);
  return `move it to ${owner.length ? `${formatPath(owner)}.` : ''}secrets (Secrets Manager, SSM or a Kubernetes Secret)`;
}

export default createRule<MessageIds, Options>({
  id: 'no-plaintext-secrets',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow plaintext secrets anywhere in the spec (env, commands, labels, overlays, patches); use `secrets` references.', recommended: true },
    defaultSeverity: 'error',
    messages: {
      secretName: 'Environment variable {{name}} looks like a secret but has a plain value, which ends up readable in the task definition and the manifests.',
      secretValue: 'The value of environment variable {{name}} looks like {{what}}; it would be written in plain text into every artifact.',
      secretText: 'This value contains what looks like {{what}}; it would be written in plain text into the generated files.',
      secretArgument: 'The argument after {{flag}} looks like a secret; command lines are readable in the task definition and the manifests.',
      secretLabel: 'The {{kind}} {{name}} looks like it holds a secret; metadata is readable by anyone who can list the resources.',
      secretReference: 'This looks like a secret value ({{what}}) where a reference to a secret belongs (an ARN, a parameter name, a Secret name and key).',
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
    const secretName = (name: string) => !allow.has(name) && isSecretName(name, extra);
    const report: Report = (messageId, path, data, hint) => ctx.report({ messageId, path, written: true, data, ...(hint ? { hint } : {}) });
    const doc = (ctx.document ?? ctx.spec) as unknown;
    walk(doc, { secretName, allow, report });
  },
});

interface Walk {
  secretName(name: string): boolean;
  allow: ReadonlySet<string>;
  report: Report;
}

/**
 * A value on the walk: its key, its parent's entry (a path is made only for a report), its depth,
 * and whether a `secrets` key sits above its own key.
 */
interface Entry {
  v: unknown;
  key: string | number | undefined;
  parent: Entry | undefined;
  depth: number;
  underSecrets: boolean;
}

function pathOf(e: Entry | undefined): SpecPath {
  const path: (string | number)[] = [];
  for (let c = e; c && c.key !== undefined; c = c.parent) path.push(c.key);
  return path.reverse();
}

function entry(v: unknown, key: string | number, parent: Entry): Entry {
  return { v, key, parent, depth: parent.depth + 1, underSecrets: parent.underSecrets || parent.key === 'secrets' };
}

/** Iterative walk over the document (no recursion limit); each value is looked at in its context. */
function walk(root: unknown, w: Walk): void {
  const stack: Entry[] = [{ v: root, key: undefined, parent: undefined, depth: 0, underSecrets: false }];
  const seen = new Set<object>();
  while (stack.length) {
    const e = stack.pop()!;
    const v = e.v;
    const key = e.key;
    const parent = e.parent?.key;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      scalar(v, e, w);
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (e.depth === 1 && typeof key === 'string' && SKIPPED.has(key)) continue;
    if (parent === 'env' && typeof key === 'string') continue; // `{ref: ...}`: supplied by the platform
    if (Array.isArray(v)) {
      if (typeof key === 'string' && ARGV_LISTS.has(key)) argv(v, e, w);
      for (let i = v.length - 1; i >= 0; i--) stack.push(entry(v[i], i, e));
      continue;
    }
    const o = v as Record<string, unknown>;
    // `{name, value}` pairs: ECS and Kubernetes env entries or HTTP headers, as patches and probes write them.
    if (typeof o.name === 'string' && (typeof o.value === 'string' || typeof o.value === 'number') && String(o.value) !== '') {
      const text = String(o.value);
      if (!findSecretFormat(text) && w.secretName(o.name) && !REFERENCE_ARG.test(text)) w.report('secretName', [...pathOf(e), 'value'], { name: o.name });
    }
    const keys = Object.keys(o);
    for (let i = keys.length - 1; i >= 0; i--) stack.push(entry(o[keys[i]!], keys[i]!, e));
  }
}

function scalar(v: string | number | boolean, e: Entry, w: Walk): void {
  const key = e.key;
  const parent = e.parent?.key;
  if (typeof v === 'boolean') return;
  const text = String(v);
  if (text === '') return;
  const what = typeof v === 'string' ? findSecretFormat(text) : undefined;
  // Plain environment variables (base, sidecars, overlays).
  if (parent === 'env' && typeof key === 'string') {
    if (w.allow.has(key)) return;
    if (what) w.report('secretValue', pathOf(e), { name: key, what }, moveHint(pathOf(e.parent)));
    else if (w.secretName(key)) w.report('secretName', pathOf(e), { name: key }, moveHint(pathOf(e.parent)));
    return;
  }
  // A value pasted where a reference belongs (`secrets.<name>.aws.ssm: hunter2...`).
  if (e.underSecrets) {
    if (typeof v === 'string' && (what || (looksRandom(text) && !/^(arn:|\/)/.test(text)))) w.report('secretReference', pathOf(e), { what: what ?? 'a random credential' });
    return;
  }
  if (typeof parent === 'string' && METADATA_MAPS.has(parent) && typeof key === 'string') {
    if (what) w.report('secretText', pathOf(e), { what });
    else if (!w.allow.has(key) && w.secretName(key) && looksRandom(text)) w.report('secretLabel', pathOf(e), { kind: parent === 'tags' ? 'tag' : parent === 'labels' ? 'label' : 'annotation', name: key });
    return;
  }
  if (what) w.report('secretText', pathOf(e), { what });
}

/** `["--password", "hunter2"]`: the value after a secret flag (the `--password=...` form is a credential format). */
function argv(list: readonly unknown[], at: Entry, w: Walk): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const flag = list[i];
    const next = list[i + 1];
    if (typeof flag !== 'string' || !SECRET_FLAG.test(flag) || typeof next !== 'string' || next === '' || next.startsWith('-')) continue;
    if (REFERENCE_ARG.test(next) || findSecretFormat(next)) continue; // a reference, or reported as a credential format
    w.report('secretArgument', [...pathOf(at), i + 1], { flag });
  }
}
