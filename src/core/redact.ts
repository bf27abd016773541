/**
 * The one place that keeps secret values out of diagnostics, whichever unit wrote them. Run on
 * the finished diagnostics of a spec (positions attached):
 * - a diagnostic at a secret position (`secrets.<name>...`, a secret-named `env` entry) is marked
 *   `redact` (its code frame span is masked);
 * - every string of the spec that sits at a secret position or looks like a credential is cut out
 *   of messages and hints (`"***"`), and its spans on a diagnostic's line are listed in
 *   `redactRanges`, so a code frame never shows it, even under another diagnostic;
 * - credential formats left in any message (from patch, verify or template errors) are scrubbed.
 * Reporters apply the same format scrub to every line they print (see src/cli/reporters.ts).
 */
import type { Diagnostic, SpecPath, TextRange } from './diagnostics.js';
import { findSecretFormat, isSecretName, isSecretPath, scrubSecrets } from './secrets.js';
import { locate, type SourceFile } from './source.js';

interface Found {
  path: SpecPath;
  text: string;
}

/** Secret-positioned and secret-looking scalars of a parsed spec (iterative: no recursion limit). */
export function secretValues(value: unknown, limit = 10_000): Found[] {
  const out: Found[] = [];
  const seen = new Set<object>();
  /**
   * A value, its key and its parent's entry (a path is made only for what is found), and whether
   * its path is a secret position (isSecretPath, worked out from the parent's: its own last two keys).
   */
  type Entry = { v: unknown; key: string | number | undefined; parent: Entry | undefined; secret: boolean };
  const pathOf = (e: Entry): SpecPath => {
    const path: (string | number)[] = [];
    for (let c: Entry | undefined = e; c && c.key !== undefined; c = c.parent) path.push(c.key);
    return path.reverse();
  };
  const entry = (v: unknown, key: string | number, parent: Entry): Entry => ({
    v,
    key,
    parent,
    secret: parent.secret || parent.key === 'secrets' || (parent.key === 'env' && typeof key === 'string' && isSecretName(key)),
  });
  const stack: Entry[] = [{ v: value, key: undefined, parent: undefined, secret: false }];
  while (stack.length && out.length < limit) {
    const e = stack.pop()!;
    const v = e.v;
    if (typeof v === 'string' || typeof v === 'number') {
      const text = String(v);
      if (text !== '' && (e.secret || (typeof v === 'string' && findSecretFormat(text) !== undefined))) out.push({ path: pathOf(e), text });
      continue;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(entry(v[i], i, e));
    else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(entry((v as Record<string, unknown>)[keys[i]!], keys[i]!, e));
    }
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that cuts the given values out of a text (quoted and, when long enough, bare). Its
 * regular expressions are built on the first text that contains one of the values, so a text
 * without any (most messages) costs a substring test per value and no expression is ever built.
 */
export function valueMasker(values: readonly string[]): (text: string) => string {
  const quoted = [...new Set(values.map((v) => JSON.stringify(v)))].sort((a, b) => b.length - a.length);
  const bare = [...new Set(values.filter((v) => v.length >= 4))].sort((a, b) => b.length - a.length);
  let q: RegExp | undefined;
  let b: RegExp | undefined;
  return (text) => {
    let out = text;
    if (quoted.some((v) => out.includes(v))) {
      q ??= new RegExp(quoted.map(escapeRe).join('|'), 'g');
      out = out.replace(q, '"***"');
    }
    if (bare.some((v) => out.includes(v))) {
      b ??= new RegExp(`(?<![A-Za-z0-9])(?:${bare.map(escapeRe).join('|')})(?![A-Za-z0-9])`, 'g');
      out = out.replace(b, '***');
    }
    return scrubSecrets(out);
  };
}

/** Redact `diagnostics` of the spec `file` in place (see the module comment). */
export function redactDiagnostics(diagnostics: Diagnostic[], value: unknown, source: SourceFile | undefined, file: string, keyCodes: ReadonlySet<string> = new Set()): void {
  if (!diagnostics.length) return;
  const found = secretValues(value);
  const mask = valueMasker(found.map((f) => f.text));
  // Spans of the secret values, by line, for code frames.
  let spans: Map<number, TextRange[]> | undefined;
  const spansOn = (line: number): TextRange[] => {
    if (!spans) {
      spans = new Map();
      for (const f of source ? found : []) {
        const at = locate(source!, f.path);
        if (!at) continue;
        const r: TextRange = { line: at.line, column: at.column, endLine: at.endLine ?? at.line, endColumn: at.endColumn ?? at.column + 1 };
        for (let l = r.line; l <= r.endLine && l - r.line < 1000; l++) {
          const list = spans.get(l) ?? [];
          list.push(r);
          spans.set(l, list);
        }
      }
    }
    return spans.get(line) ?? [];
  };
  for (const d of diagnostics) {
    // A problem with a key points at the key, which the message names anyway; values stay masked below.
    if (isSecretPath(d.path) && !keyCodes.has(d.code)) d.redact = true;
    d.message = mask(d.message);
    if (d.hint !== undefined) d.hint = mask(d.hint);
    if (d.suppression) d.suppression = { reason: mask(d.suppression.reason) };
    if (d.line !== undefined && (d.file === undefined || d.file === file)) {
      const on = spansOn(d.line);
      if (on.length) d.redactRanges = on;
    }
  }
}
