/**
 * The end of a `generate`/`validate`/`verify`/`diff` run: diagnostics in the chosen format, the
 * command's output (diff lines, the `--stdout` stream) and the summary line, plus the `--sarif FILE`
 * log. Under GitHub Actions (GITHUB_WORKSPACE set), `github` annotations and SARIF locations name
 * files relative to the workspace, which is where GitHub looks for them, whatever folder the run
 * started in.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../core/diagnostics.js';
import { builtinRules } from '../rules/index.js';
import type { AnyRuleModule } from '../rules/types.js';
import { replaceFile } from '../project/output-fs.js';
import { formatDiagnostics, type ReportFormat } from './reporters.js';
import type { Io } from './io.js';

export interface ReportInput {
  format: ReportFormat;
  quiet?: boolean;
  verbose?: boolean;
  sarif?: string;
  env?: string;
  suppressed: readonly Diagnostic[];
  /** Spec texts for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Extra fields of the JSON report. */
  report: Record<string, unknown>;
  /** The summary, without the time. */
  summary: string;
  milliseconds: number;
  /** What the command prints on stdout (diff lines, the --stdout stream). */
  body: string;
  /** `body` is data (the --stdout stream): the summary goes to stderr so stdout stays clean. */
  bodyIsData: boolean;
  /** Rules a config's plugins added (for SARIF descriptors). */
  rules?: readonly AnyRuleModule[];
}

/** `file` relative to the GitHub workspace when the run is under one (unchanged otherwise). */
export function workspacePath(file: string, io: Io): string {
  const workspace = io.env?.GITHUB_WORKSPACE;
  if (!workspace || file.startsWith('<')) return file;
  const rel = relative(resolve(workspace), resolve(io.cwd, file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

const inWorkspace = (list: readonly Diagnostic[], io: Io) => (io.env?.GITHUB_WORKSPACE ? list.map((d) => (d.file === undefined ? d : { ...d, file: workspacePath(d.file, io) })) : list);

async function sarifText(diagnostics: readonly Diagnostic[], input: ReportInput, io: Io): Promise<string> {
  const { RULE_HELP, fingerprint } = await import('./sarif-extras.js');
  return formatDiagnostics('sarif', inWorkspace(diagnostics, io), {
    suppressed: inWorkspace(input.suppressed, io),
    rules: [...builtinRules, ...(input.rules ?? [])],
    ruleHelp: RULE_HELP,
    version: pkg.version,
    automationId: `codegen/${input.env ? `${input.env}/` : ''}`,
    fingerprint,
  });
}

/** Print the run's report; returns 1 when the SARIF file could not be written (reported on stderr), else 0. */
export async function printReport(io: Io, diagnostics: readonly Diagnostic[], input: ReportInput): Promise<number> {
  let status = 0;
  if (input.sarif !== undefined) {
    try {
      // Replaced through a new file: a link or FIFO at the path is never written through or opened.
      replaceFile(resolve(io.cwd, input.sarif), await sarifText(diagnostics, input, io));
    } catch (err) {
      io.stderr(`codegen: could not write the SARIF report ${input.sarif}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
      status = 1;
    }
  }
  const line = `codegen: ${input.summary} in ${input.milliseconds} ms\n`;
  const shown = diagnostics.filter((d) => d.severity === 'error' || (!input.quiet && (d.severity === 'warning' || input.verbose)));
  if (input.format === 'json') {
    io.stdout(formatDiagnostics('json', diagnostics, { suppressed: input.suppressed, extra: { ...input.report, summary: input.summary, milliseconds: input.milliseconds } }));
  } else if (input.format === 'sarif') {
    io.stdout(await sarifText(diagnostics, input, io));
    if (!input.quiet) io.stderr(line);
  } else if (input.format === 'github') {
    io.stdout(formatDiagnostics('github', inWorkspace(shown, io)));
    if (!input.quiet) io.stdout(line);
  } else {
    if (shown.length) io.stderr(formatDiagnostics('text', shown, { sources: input.sources }));
    if (input.body) io.stdout(input.body);
    if (!input.quiet) (input.bodyIsData ? io.stderr : io.stdout)(line);
  }
  return status;
}
