/**
 * Diagnostics: one shape for every problem codegen reports (YAML, schema, normalization, emitters,
 * rules, CLI). Units report a spec path; the core turns it into file:line:column.
 */
export type Severity = 'error' | 'warning' | 'info';
export type SpecPath = readonly (string | number)[];

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** A span of spec text (1-based; the end column is exclusive). */
export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic {
  /** Stable machine code: SCREAMING_SNAKE for the core, the rule id for rules. */
  code: string;
  severity: Severity;
  /** One sentence, without the path (reporters prefix it). */
  message: string;
  /** Where the problem comes from. */
  source: 'yaml' | 'schema' | 'model' | 'emitter' | 'rule' | 'patch' | 'template' | 'plugin' | 'cli' | 'io' | 'verify' | 'import';
  /** Emitter name or rule id. */
  origin?: string;
  /** Path into the spec; [] is the whole document. */
  path: SpecPath;
  /** The spec file (as given by the caller), when known. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** A fix hint ("did you mean ..."). */
  hint?: string;
  url?: string;
  /** Rules only: the message key (tests assert it rather than prose). */
  messageId?: string;
  /** The reported range may hold a secret: reporters must not echo it (code frames mask it). */
  redact?: boolean;
  /** Other spans of secret values on the reported line(s): code frames mask them too. */
  redactRanges?: readonly TextRange[];
  /** Set on diagnostics the spec suppressed (`CompileResult.suppressed`), with the written reason. */
  suppression?: { reason: string };
}

/** What units (normalizer, emitters, rules) hand to `report`: no positions, the core adds them. */
export type DiagnosticInput = Omit<Diagnostic, 'source' | 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'path'> & {
  source?: Diagnostic['source'];
  path?: SpecPath;
};

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Render a spec path as `a.b[0].c` (keys that are not identifiers are quoted). */
export function formatPath(path: SpecPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Code-unit order: the same on every machine and locale (localeCompare is neither, and slow to start). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    cmp(a.code, b.code) ||
    cmp(a.message, b.message)
  );
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/**
 * Characters that must never reach a terminal raw: C0 controls (tab included), DEL, C1 controls,
 * the bidi embeddings/overrides/isolates (U+202A–U+202E, U+2066–U+2069) and the line/paragraph
 * separators U+2028/U+2029.
 */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One control character as text: `\n`, `\t`, `\x1b`, `\u202e`. */
export function escapeControlChar(c: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  if (Object.hasOwn(named, c)) return named[c]!;
  const n = c.charCodeAt(0);
  return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as an escape (printable as one line). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL_CHARS, escapeControlChar);
}

/** `service.yaml:12:5 error CODE path: message (hint)` — the text format of the CLI and of golden files. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${escapeControl(d.file)}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : '<input>';
  return `${where} ${d.severity} ${escapeControl(d.code)} ${escapeControl(diagnosticText(d))}`;
}

/** `path: message (hint)`, the part every format shows (no file or position). */
export function diagnosticText(d: Diagnostic): string {
  const path = d.path.length ? `${formatPath(d.path)}: ` : '';
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${path}${d.message}${hint}`;
}

/**
 * Suggest the closest candidate, or undefined when nothing is close. In order: the same word in
 * another case; a numeronym (`k8s` → `kubernetes`: first letter, count of letters between, last
 * letter); a known name the unknown one starts with or is the start of; then the smallest
 * edit distance (an adjacent swap counts as one edit). A short word must be nearly right: at most
 * one edit for three letters or fewer, so `k8s` never suggests `ecs` (two of three letters differ).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  // Same word in another case (AL2_X86_64 → AL2_x86_64) beats any longer name containing it.
  const sameWord = candidates.find((c) => c.toLowerCase() === lower);
  if (sameWord !== undefined) return sameWord;
  const numeronym = /^([a-z])([0-9]{1,2})([a-z])$/.exec(lower);
  if (numeronym) {
    const [, first, count, last] = numeronym;
    const hit = candidates.find((c) => c.length === Number(count) + 2 && c[0]!.toLowerCase() === first && c.at(-1)!.toLowerCase() === last);
    if (hit !== undefined) return hit;
  }
  // A known name inside the unknown one (periodSeconds → period) is the likeliest intent.
  const contained = candidates.filter((c) => c.length >= 4 && (lower.startsWith(c.toLowerCase()) || c.toLowerCase().startsWith(lower)));
  if (contained.length) return contained.sort((a, b) => b.length - a.length)[0];
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestD <= limit ? best : undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Thrown by an emitter (template or plugin) to fail with a precise diagnostic instead of the
 * generic EMITTER_FAILED: the compiler reports `diagnostic` as given (file and position included).
 */
export class DiagnosticError extends Error {
  constructor(readonly diagnostic: Omit<Diagnostic, 'path' | 'source'> & { path?: SpecPath; source?: Diagnostic['source'] }) {
    super(diagnostic.message);
    this.name = 'DiagnosticError';
  }
}

/** Diagnostics a run reports before the rest are summed up in one DIAGNOSTICS_TRUNCATED (docs/limits.md). */
export const MAX_DIAGNOSTICS = 1000;

/** `out.push(...more)` for lists of any length (a spread of ~100k arguments overflows the stack). */
export function appendDiagnostics(out: Diagnostic[], more: readonly Diagnostic[]): void {
  for (const d of more) out.push(d);
}

/**
 * Keep the first MAX_DIAGNOSTICS of a sorted list and replace the rest with one diagnostic that
 * says how many were left out, as severe as the most severe of them (so an exit code never changes).
 */
export function capDiagnostics(diags: Diagnostic[], max = MAX_DIAGNOSTICS): void {
  if (diags.length <= max) return;
  const dropped = diags.splice(max);
  const severity = dropped.reduce<Severity>((s, d) => (SEVERITY_RANK[d.severity] < SEVERITY_RANK[s] ? d.severity : s), 'info');
  diags.push({ code: 'DIAGNOSTICS_TRUNCATED', severity, message: `…and ${dropped.length} more diagnostics (only the first ${max} are listed).`, source: dropped[0]!.source, path: [], ...(dropped[0]!.file !== undefined ? { file: dropped[0]!.file, line: dropped[0]!.line ?? 1, column: dropped[0]!.column ?? 1 } : {}) });
}
