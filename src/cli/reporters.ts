/**
 * Diagnostic formats for people and CI: `text` (one line each, with a code frame under the
 * line), `json`, `github` (workflow commands that annotate the pull request) and `sarif`
 * (SARIF 2.1.0, one run, rule metadata included, for code-scanning upload). Pure: strings in,
 * string out; the CLI decides where it goes.
 */
import type { AnyRuleModule } from '../rules/types.js';
import { formatDiagnostic, formatPath, type Diagnostic } from '../core/diagnostics.js';

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
}

export function formatDiagnostics(format: ReportFormat, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(diagnostics, options.sources);
    case 'json':
      return `${JSON.stringify({ ...options.extra, diagnostics, ...(options.suppressed?.length ? { suppressed: options.suppressed } : {}) }, null, 2)}\n`;
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return `${JSON.stringify(toSarif(diagnostics, options), null, 2)}\n`;
  }
}

/** The golden-file line, then the spec line and a `^^^` marker under the reported range. */
export function formatText(diagnostics: readonly Diagnostic[], sources?: ReadonlyMap<string, string>): string {
  const lines = new Map<string, string[]>();
  let out = '';
  for (const d of diagnostics) {
    out += `${formatDiagnostic(d)}\n`;
    const text = d.file !== undefined ? sources?.get(d.file) : undefined;
    if (text === undefined || d.line === undefined) continue;
    let split = lines.get(d.file!);
    if (!split) lines.set(d.file!, (split = text.split(/\r?\n/)));
    const src = split[d.line - 1];
    if (src === undefined) continue;
    const col = Math.max(1, d.column ?? 1);
    const end = d.endLine === d.line && d.endColumn !== undefined && d.endColumn > col ? d.endColumn : Math.max(col + 1, src.trimEnd().length + 1);
    const gutter = String(d.line).length;
    const shown = d.redact ? `${src.slice(0, col - 1)}${'*'.repeat(Math.max(1, end - col))}${src.slice(end - 1)}` : src;
    out += `  ${d.line} | ${shown.replace(/\t/g, ' ')}\n`;
    out += `  ${' '.repeat(gutter)} | ${' '.repeat(col - 1)}${'^'.repeat(Math.max(1, end - col))}\n`;
  }
  return out;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: `::error file=...,line=...,col=...,title=CODE::message`. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  let out = '';
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
  return `${d.path.length ? `${formatPath(d.path)}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`;
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
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'codegen', informationUri: 'https://codegen.dev/', rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
