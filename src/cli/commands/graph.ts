/**
 * `codegen graph [SPEC...] [--env NAME] [--set KEY=VALUE] [--target T,...] [--format mermaid|svg] [--out FILE]`: one
 * picture of what the specs' generated files deploy, a panel per service and target. Mermaid text
 * (or SVG) goes to stdout, or to FILE atomically; diagnostics go to stderr as text: errors and the
 * graph's own warnings (the spec's warnings with --verbose; `validate` is where they belong). A spec
 * with an error gives no picture at all (exit 1) and nothing is written.
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { GRAPH_FORMATS, graphSpec, linkPanels, renderGraph, type GraphFormat } from '../../graph/index.js';
import type { ServiceGraph } from '../../graph/types.js';
import { resolveProject, type Project } from '../../project/config.js';
import { expandSpecArgs, SpecInputError } from '../../project/inputs.js';
import { plural, UsageError, type Io } from '../io.js';
import { replaceFile } from '../../project/output-fs.js';
import { printReport } from '../report.js';
import { checkTargets, parseDeployValues, readSpec, STDIN_NAME } from './run.js';

export interface GraphCommandOptions {
  out?: string;
  targets?: string[];
  env?: string;
  /** `--set KEY=VALUE` deploy-time values (one SPEC), as generate takes them. */
  set?: string[];
  format?: string;
  verify?: boolean;
  'no-verify'?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  config?: string;
}

/** `--format`, else the `--out` file's extension (`.svg`), else Mermaid. */
function pickFormat(opts: GraphCommandOptions): GraphFormat {
  if (opts.format !== undefined) {
    if (!(GRAPH_FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`graph draws ${GRAPH_FORMATS.join(' or ')}, not "${opts.format}".`, 'graph');
    return opts.format as GraphFormat;
  }
  return opts.out !== undefined && /\.svg$/i.test(opts.out) ? 'svg' : 'mermaid';
}

/**
 * Write `text` at `dest` through a temporary file with an unguessable name in the same folder,
 * renamed into place: a link or FIFO at `dest` is replaced, never written through or opened.
 */
function writeAtomic(dest: string, text: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  replaceFile(dest, text);
}

export async function runGraph(specsArg: string[], opts: GraphCommandOptions, io: Io): Promise<number> {
  const started = process.hrtime.bigint();
  if (opts.verify && opts['no-verify']) throw new UsageError('--verify and --no-verify contradict each other.', 'graph');
  const format = pickFormat(opts);
  // Plugin and config code failing outside codegen's calls is caught for the run, as for generate.
  const project = await resolveProject(io.cwd, opts.config, specsArg.length === 0, { guard: true });
  try {
    return await graphRun(project, specsArg, opts, format, io, started);
  } finally {
    project.guard?.stop();
  }
}

async function graphRun(project: Project, specsArg: string[], opts: GraphCommandOptions, format: GraphFormat, io: Io, started: bigint): Promise<number> {
  const targets = opts.targets ?? project.targets;
  checkTargets(targets, project);
  const env = opts.env ?? project.env;
  let specs = project.specs;
  if (specsArg.length) {
    try {
      ({ specs } = await expandSpecArgs(specsArg, io.cwd, opts.out !== undefined ? [opts.out] : []));
    } catch (err) {
      if (err instanceof SpecInputError) throw new UsageError(err.message, 'graph');
      throw err;
    }
  }
  const deployValues = parseDeployValues(opts.set);
  if (deployValues && specs.length > 1) throw new UsageError('--set sets values of one service: name one SPEC.', 'graph');
  const configFailed = hasErrors(project.diagnostics);
  if (specs.length === 0 && !configFailed) throw new UsageError('graph needs at least one SPEC file (or a config file with `specs`).', 'graph');
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const sources = new Map<string, string>();
  const panels: ServiceGraph[] = [];
  const services = new Set<string>();
  for (const spec of configFailed ? [] : specs) {
    const bytes = await readSpec(spec, io);
    const display = spec === '-' ? STDIN_NAME : relative(io.cwd, resolve(io.cwd, spec)) || spec;
    sources.set(display, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    const r = graphSpec(bytes, {
      ...project.compileOptions,
      file: display,
      verify: !opts['no-verify'],
      ...(env !== undefined ? { env } : {}),
      ...(targets !== undefined ? { targets } : {}),
      ...(deployValues ? { set: deployValues } : {}),
    });
    diagnostics.push(...r.diagnostics);
    panels.push(...r.panels);
    if (r.service !== undefined) services.add(r.service);
  }
  if (project.guard) diagnostics.push(...(await project.guard.settle()));
  diagnostics.sort(compareDiagnostics);
  const failed = hasErrors(diagnostics);
  let body = '';
  let summary: string;
  let status = failed ? 1 : 0;
  if (failed) summary = `nothing drawn: ${plural(diagnostics.filter((d) => d.severity === 'error').length, 'error')}`;
  else {
    const picture = renderGraph(linkPanels(panels), format);
    // A Markdown file gets the Mermaid text in a fence, which is what GitHub renders as a diagram.
    const text = format === 'mermaid' && opts.out !== undefined && /\.(md|markdown)$/i.test(opts.out) ? `\`\`\`mermaid\n${picture}\`\`\`\n` : picture;
    const what = `${plural(panels.length, 'panel')} for ${plural(services.size, 'service')} (${format})`;
    if (opts.out === undefined) {
      body = text;
      summary = `drew ${what}`;
    } else {
      try {
        writeAtomic(resolve(io.cwd, opts.out), text);
        summary = `drew ${what} to ${opts.out}`;
      } catch (err) {
        diagnostics.push({ code: 'OUTPUT_WRITE_FAILED', severity: 'error', message: `Cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? String(err)}. Nothing was changed.`, source: 'io', path: [] });
        summary = 'nothing written';
        status = 1;
      }
    }
  }
  // The spec's warnings are validate's to report; graph shows errors and its own warnings (all with --verbose).
  const shown = opts.verbose ? diagnostics : diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('GRAPH_'));
  const milliseconds = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
  // The picture is data on stdout: the summary goes to stderr, like generate --stdout's.
  await printReport(io, shown, { format: 'text', quiet: opts.quiet ?? false, verbose: opts.verbose ?? false, suppressed: [], sources, report: {}, summary, milliseconds, body, bodyIsData: true });
  return status;
}
