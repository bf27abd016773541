/**
 * Diagnostic formats for people and CI: `text` (one line each, with a code frame under the
 * line), `json`, `github` (workflow commands that annotate the pull request) and `sarif`
 * (SARIF 2.1.0, one run, rule metadata included, for code-scanning upload). Pure: strings in,
 * string out; the CLI decides where it goes.
 */
import type { AnyRuleModule } from '../rules/types.js';
import { CONTROL_CHARS, diagnosticText, escapeControlChar, formatDiagnostic, formatPath, type Diagnostic } from '../core/diagnostics.js';
import { scrubSecrets } from '../core/secrets.js';
import { codeFrame } from './code-frame.js';

export const FORMATS = ['text', 'json', 'github', 'sarif'] as const;
export type ReportFormat = (typeof FORMATS)[number];

export interface ReportOptions {
  /** Spec text by file name, for code frames (`text`). */
  sources?: ReadonlyMap<string, string>;
  /** Rules that ran, for SARIF rule metadata. */
  rules?: readonly AnyRuleModule[];
  /** Diagnostics the spec suppressed (SARIF keeps them, marked suppressed with the reason). */
  suppressed?: readonly Diagnostic[];
  /** Extra top-level fields for `json` (summary, written files, ...). */
  extra?: Record<string, unknown>;
  /** SARIF: the tool's version (`tool.driver.version`). */
  version?: string;
  /** SARIF: `run.automationDetails.id` (`category/`: code scanning keeps one analysis per category). */
  automationId?: string;
  /** SARIF: help per rule id (`help.text`, `help.markdown`), from docs/rules. */
  ruleHelp?: Readonly<Record<string, { text: string; markdown: string }>>;
  /** SARIF: a stable hash of a string, for `partialFingerprints` (none without it). */
  fingerprint?: (key: string) => string;
}

/**
 * Every format prints diagnostics through here: credential-looking text is scrubbed from messages,
 * hints and reasons whatever unit wrote them (values at secret positions were already cut out by
 * the compiler, src/core/redact.ts), and JSON output escapes the characters a terminal would act on.
 */
export function formatDiagnostics(format: ReportFormat, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const shown = diagnostics.map(scrubDiagnostic);
  const suppressed = options.suppressed?.map(scrubDiagnostic);
  switch (format) {
    case 'text':
      return formatText(shown, options.sources);
    case 'json':
      return safeJson({ ...options.extra, diagnostics: shown, ...(suppressed?.length ? { suppressed } : {}) });
    case 'github':
      return formatGithub(shown, { limitSummary: true });
    case 'sarif':
      return safeJson(toSarif(shown, { ...options, ...(suppressed ? { suppressed } : {}) }));
  }
}

/** A copy of `d` with credential formats cut out of its texts. */
export function scrubDiagnostic(d: Diagnostic): Diagnostic {
  const message = scrubSecrets(d.message);
  const hint = d.hint === undefined ? undefined : scrubSecrets(d.hint);
  const reason = d.suppression ? scrubSecrets(d.suppression.reason) : undefined;
  if (message === d.message && hint === d.hint && reason === d.suppression?.reason) return d;
  return { ...d, message, ...(hint !== undefined ? { hint } : {}), ...(reason !== undefined ? { suppression: { reason } } : {}), redact: true };
}

/** JSON with DEL, C1 controls, bidi controls and U+2028/U+2029 written as `\uXXXX` (JSON.stringify leaves them raw). */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function safeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** The golden-file line, then the spec line and a `^^^` marker under the reported range (see code-frame.ts). */
export function formatText(diagnostics: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): string {
  const lines = new Map<string, string[]>();
  let out = '';
  for (const d of diagnostics) {
    out += `${formatDiagnostic(d)}\n`;
    const text = d.file !== undefined ? sources?.get(d.file) : undefined;
    if (text === undefined || d.line === undefined) continue;
    let split = lines.get(d.file!);
    if (!split) lines.set(d.file!, (split = text.split(/\r?\n|\r/)));
    const src = split[d.line - 1];
    if (src === undefined) continue;
    out += codeFrame(d, src);
  }
  return out;
}

/**
 * Workflow-command escaping: the data after `::` escapes `%`, CR and LF; properties also `:` and
 * `,`; every other control character is written as a text escape (`\x1b`, `\u202e`), so nothing from the
 * spec can style the log or start another command.
 */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(CONTROL_CHARS, escapeControlChar);
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Annotations GitHub shows per step, per kind (error, warning, notice); the rest stay in the log only
 * (actions/toolkit docs/problem-matchers.md, "Limitations": 10 of each kind per step, 50 per job).
 */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;

/**
 * GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=CODE::message`. With
 * `limitSummary`, when a kind has more diagnostics than GitHub shows per step, a notice first says
 * how many there are and that the log (and a SARIF report) has them all.
 */
export function formatGithub(diagnostics: readonly Diagnostic[], options: { limitSummary?: boolean } = {}): string {
  let out = '';
  if (options.limitSummary) {
    const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
    const counts = [
      [count('error'), 'error'],
      [count('warning'), 'warning'],
      [count('info'), 'notice'],
    ] as const;
    const over = counts.filter(([n]) => n > GITHUB_ANNOTATIONS_PER_STEP);
    if (over.length) {
      const what = counts.filter(([n]) => n > 0).map(([n, k]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ');
      const hidden = over.map(([n, k]) => `${n - GITHUB_ANNOTATIONS_PER_STEP} ${k}${n - GITHUB_ANNOTATIONS_PER_STEP === 1 ? '' : 's'}`).join(' and ');
      out += `::notice title=codegen::${escapeData(`codegen found ${what}. GitHub shows at most ${GITHUB_ANNOTATIONS_PER_STEP} annotations of each kind per step, so ${hidden} appear only in this step's log (and in the SARIF report).`)}\n`;
    }
  }
  for (const d of diagnostics) {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props: string[] = [];
    if (d.file !== undefined) props.push(`file=${escapeProperty(d.file)}`);
    if (d.line !== undefined) {
      props.push(`line=${d.line}`, `col=${d.column ?? 1}`);
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined && d.endLine === d.line) props.push(`endColumn=${d.endColumn}`);
    }
    props.push(`title=${escapeProperty(d.code)}`);
    out += `::${command} ${props.join(',')}::${escapeData(messageText(d))}\n`;
  }
  return out;
}

function messageText(d: Diagnostic): string {
  return diagnosticText(d);
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** One SARIF 2.1.0 log with one run; every result's ruleId has a descriptor in `tool.driver.rules`. */
export function toSarif(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): Record<string, unknown> {
  const descriptors: Record<string, unknown>[] = [];
  const index = new Map<string, number>();
  const add = (id: string, d: Record<string, unknown>) => {
    if (index.has(id)) return;
    index.set(id, descriptors.length);
    descriptors.push({ id, ...d });
  };
  for (const r of [...(options.rules ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    add(r.id, {
      shortDescription: { text: r.meta.docs.description },
      ...(r.meta.docs.url ? { helpUri: r.meta.docs.url } : {}),
      defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity], enabled: r.meta.docs.recommended },
      properties: { tags: [r.meta.type] },
    });
  }
  const all = [...diagnostics, ...(options.suppressed ?? [])];
  for (const d of all) add(d.code, { shortDescription: { text: d.source === 'rule' ? `Rule ${d.code}` : `codegen ${d.source} check ${d.code}` } });
  for (const r of descriptors) {
    const help = options.ruleHelp && Object.hasOwn(options.ruleHelp, r.id as string) ? options.ruleHelp[r.id as string] : undefined;
    if (help) r.help = { text: help.text, markdown: help.markdown };
  }
  // A result's identity across runs: rule, file and spec path (not the line, which moves with
  // edits, nor the message, which quotes values); repeats of one key are numbered.
  const seen = new Map<string, number>();
  const fingerprintOf = (d: Diagnostic): Record<string, string> | undefined => {
    if (!options.fingerprint) return undefined;
    const key = [d.code, (d.file ?? '').replace(/\\/g, '/'), formatPath(d.path)].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return { 'codegenSpecPath/v1': `${options.fingerprint(key)}:${n + 1}` };
  };
  const results = all.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code)!,
    level: LEVEL[d.severity],
    message: { text: messageText(d) },
    ...(d.file !== undefined
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(d.file.replace(/\\/g, '/')) },
                ...(d.line !== undefined
                  ? { region: { startLine: d.line, startColumn: d.column ?? 1, ...(d.endLine !== undefined ? { endLine: d.endLine } : {}), ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}) } }
                  : {}),
              },
              ...(d.path.length ? { logicalLocations: [{ fullyQualifiedName: formatPath(d.path), kind: 'member' }] } : {}),
            },
          ],
        }
      : {}),
    ...(d.suppression ? { suppressions: [{ kind: 'inSource', justification: d.suppression.reason }] } : {}),
    ...(options.fingerprint ? { partialFingerprints: fingerprintOf(d) } : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'codegen',
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            informationUri: 'https://www.npmjs.com/package/svcgen',
            rules: descriptors,
          },
        },
        ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
