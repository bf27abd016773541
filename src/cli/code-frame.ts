/**
 * The code frame under a text diagnostic: the spec line and a `^^^` marker under the reported
 * range. The line is shown safe: secret spans are masked with `*` (the reported range when the
 * diagnostic is `redact`, the `redactRanges` the compiler found on that line, credential formats
 * and the values of secret-named keys found in the line itself), and control characters are
 * written as escapes (`\x1b`, `\u202e`), with the marker kept under the same characters.
 */
import { CONTROL_CHARS, escapeControlChar, type Diagnostic } from '../core/diagnostics.js';
import { isSecretName, SECRET_FORMATS } from '../core/secrets.js';

/** `KEY: value` / `"KEY": "value"` / `KEY=value` pairs on one line (YAML block or flow, JSON, shell). */
const PAIR = /([A-Za-z_][A-Za-z0-9_.\-]*)["']?[ \t]*(?::[ \t]+|=)(?![{\[|>&*!])(["']?)([^,}#\s"'][^,}#"']*)/g;

/** Which UTF-16 units of `src` hold a secret-looking value (format matches, secret-named pairs). */
function heuristicMask(src: string, mask: boolean[]): void {
  const set = (from: number, to: number) => {
    for (let i = Math.max(0, from); i < Math.min(src.length, to); i++) mask[i] = true;
  };
  for (const f of SECRET_FORMATS) {
    f.re.lastIndex = 0;
    for (const m of src.matchAll(f.re)) {
      const g = m.length > 1 ? m[m.length - 1] : undefined;
      const start = g !== undefined ? m.index + m[0].lastIndexOf(g) : m.index;
      set(start, start + (g ?? m[0]).length);
    }
  }
  PAIR.lastIndex = 0;
  for (const m of src.matchAll(PAIR)) {
    if (!isSecretName(m[1]!)) continue;
    const value = m[3]!.trimEnd();
    const start = m.index + m[0].length - m[3]!.length;
    set(start, start + value.length);
  }
}

const CONTROL = new RegExp(CONTROL_CHARS.source);

export function codeFrame(d: Diagnostic, src: string): string {
  const line = d.line!;
  const col = Math.max(1, d.column ?? 1);
  const end = d.endLine === line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : Math.max(col + 1, src.trimEnd().length + 1);
  const mask = new Array<boolean>(src.length).fill(false);
  const set = (from: number, to: number) => {
    for (let i = Math.max(0, from); i < Math.min(src.length, to); i++) mask[i] = true;
  };
  if (d.redact) set(col - 1, end - 1);
  for (const r of d.redactRanges ?? []) {
    if (r.line > line || r.endLine < line) continue;
    set(r.line === line ? r.column - 1 : 0, r.endLine === line ? r.endColumn - 1 : src.length);
  }
  heuristicMask(src, mask);
  // Display text of each unit, so the marker stays under the characters it points at.
  const shown: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    shown.push(mask[i] ? '*' : c === '\t' ? ' ' : CONTROL.test(c) ? escapeControlChar(c) : c);
  }
  const width = (from: number, to: number) => shown.slice(from, to).reduce((n, s) => n + s.length, 0);
  const lead = width(0, col - 1) + Math.max(0, col - 1 - src.length);
  const marks = Math.max(1, width(col - 1, end - 1) + Math.max(0, end - 1 - Math.max(src.length, col - 1)));
  const gutter = String(line).length;
  return `  ${line} | ${shown.join('')}\n  ${' '.repeat(gutter)} | ${' '.repeat(lead)}${'^'.repeat(marks)}\n`;
}
