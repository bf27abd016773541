/**
 * `generate`, `validate`, `verify` and `diff`: read each spec, compile it (or replay it from the
 * cache), stage, compare or collect its files, then finish (write, check, diff) and print the report.
 */
import { relative, resolve } from 'node:path';
import type { OutputFile } from '../../compile/compile.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../../core/diagnostics.js';
import { readAtMost } from '../../core/read-file.js';
import { MAX_SPEC_BYTES } from '../../core/source.js';
import type { SpecCache } from '../../project/cache.js';
import { OutputError, OutputWriter, outputReader, readOutputs } from '../../project/write.js';
import { diffOutputs, formatDiff } from '../../project/diff.js';
import type { ReportFormat } from '../reporters.js';
import { resolveProject, type Project } from '../../project/config.js';
import { plural, UsageError, type Io } from '../io.js';
import { openCache } from './cache.js';
import { compileSpec, openPool, type CompilePool } from '../../project/parallel.js';
import { parseSetArgument } from '../../model/normalize/deploy-values.js';
import { expandSpecArgs, SpecInputError } from '../../project/inputs.js';
import { TARGETS } from '../../model/types.js';
import { didYouMean } from '../../core/diagnostics.js';
import { formatStream, streamFiles, type StreamFile } from '../stream.js';
import { printReport } from '../report.js';
import { yieldToSignals } from '../signals.js';
import { noteWork } from '../code-cache-note.js';

export interface RunOptions {
  out?: string;
  targets?: string[];
  env?: string;
  /** Every environment side by side (`<service>/environments/<env>/...` beside the base). */
  'all-envs'?: boolean;
  /** `--set KEY=VALUE` deploy-time values, as given. */
  set?: string[];
  check?: boolean;
  prune?: boolean;
  verify?: boolean;
  cache?: boolean;
  'cache-location'?: string;
  format: ReportFormat;
  maxWarnings?: number;
  quiet?: boolean;
  verbose?: boolean;
  config?: string;
  /** `generate --stdout`: the artifacts as one YAML stream on stdout, nothing written. */
  stdout?: boolean;
  /** Also write the diagnostics as a SARIF log to this file. */
  sarif?: string;
  /** Worker threads: a number, 'auto' (default) or 'off' (src/project/parallel.ts). */
  concurrency?: number | 'auto' | 'off';
}

/** How standard input is named in diagnostics. */
export const STDIN_NAME = '<stdin>';

export async function readSpec(path: string, io: Io): Promise<Uint8Array> {
  if (path === '-') {
    if (!io.stdin) throw new UsageError('- reads the spec from standard input, which this run does not have.');
    return io.stdin();
  }
  const cwd = io.cwd;
  let buf: Buffer;
  try {
    // One byte over the limit is enough to report INPUT_TOO_LARGE; a pipe or device has no size to check first.
    buf = readAtMost(resolve(cwd, path), MAX_SPEC_BYTES + 1);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a spec file.` : `Cannot read ${path}: ${code ?? String(err)}`);
  }
  return buf;
}

export async function run(command: 'generate' | 'validate' | 'verify' | 'diff', specsArg: string[], optsArg: RunOptions, io: Io): Promise<number> {
  // process.hrtime: the global `performance` loads perf_hooks (a few ms of a cold start).
  const started = process.hrtime.bigint();
  if (command !== 'generate' && (optsArg.check || optsArg.prune || optsArg.cache || (optsArg.out && command !== 'diff'))) {
    throw new UsageError(command === 'diff' ? '--check, --prune and --cache belong to generate.' : '--out, --check, --prune and --cache belong to generate.');
  }
  if (command === 'verify' && optsArg.verify === false) throw new UsageError('verify cannot run with --no-verify.');
  if (optsArg['cache-location'] !== undefined && !optsArg.cache) throw new UsageError('--cache-location goes with --cache.');
  if (optsArg.check && optsArg.prune) throw new UsageError('--check writes nothing, so it cannot --prune.');
  if (optsArg.stdout) {
    const clash = (['out', 'check', 'prune', 'cache'] as const).filter((k) => optsArg[k] !== undefined);
    if (clash.length) throw new UsageError(`--stdout writes no files, so it cannot take ${clash.map((k) => `--${k}`).join(', ')}.`);
    if (optsArg.format !== 'text') throw new UsageError(`--stdout prints the artifacts on standard output; --format ${optsArg.format} would print there too (use --sarif FILE for a report).`);
    // Overlays and parameter files are folders to deploy from, not objects to apply from a pipe.
    if (optsArg['all-envs']) throw new UsageError('--stdout streams one environment; --all-envs writes folders of overlays and parameter files. Use --env NAME with --stdout.');
  }
  // Plugin and config code failing outside codegen's calls is caught for the run (project.guard,
  // stopped in the finally below, or by main() when a usage error ends the run before it).
  const usesOut = (command === 'generate' || command === 'diff') && optsArg.out === undefined && !optsArg.stdout;
  const project = await resolveProject(io.cwd, optsArg.config, specsArg.length === 0, { usesOut, guard: true });
  checkTargets(optsArg.targets, project);
  const { specs: named, opts } = withProject(project, specsArg, optsArg);
  const outDir = opts.out ?? 'out';
  let specs = named;
  let skipped: string[] = [];
  if (specsArg.length) {
    try {
      ({ specs, skipped } = await expandSpecArgs(specsArg, io.cwd, [outDir]));
    } catch (err) {
      if (err instanceof SpecInputError) throw new UsageError(err.message);
      throw err;
    }
  }
  const configFailed = hasErrors(project.diagnostics);
  if (specs.length === 0 && !configFailed) throw new UsageError(`${command} needs at least one SPEC file (or a config file with \`specs\`).`);
  if (opts['all-envs'] && opts.env) throw new UsageError('--all-envs writes every environment; it cannot go with --env.');
  const deployValues = parseDeployValues(opts.set);
  if (deployValues) {
    if (specs.length > 1) throw new UsageError('--set sets values of one service: name one SPEC.');
    if (opts.cache) throw new UsageError('--set and --cache do not go together: the cache records what the spec alone generates.');
  }
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const suppressed: Diagnostic[] = [];
  const sources = new Map<string, string>(); // spec texts, for the text reporter's code frames
  const files: OutputFile[] = [];
  let artifactCount = 0;
  const services = new Map<string, string>();
  // `generate` stages each service's files as it compiles (not holding every file's text), and
  // commits them all at the end only when nothing failed.
  const streaming = command === 'generate' && !opts.check && !opts.stdout;
  const piped: StreamFile[] = [];
  const notYaml: string[] = [];
  let writer: OutputWriter | undefined;
  /** The run's inputs are never overwritten or pruned: the specs, the config and the files it names, the cache record. */
  const openWriter = (): OutputWriter =>
    new OutputWriter(resolve(io.cwd, outDir), { inputs: [...specs.map((s) => resolve(io.cwd, s)), ...project.inputs, ...(cache ? [cache.file] : [])] });
  let writeError: unknown;
  let fileCount = 0;
  let anyError = configFailed;
  // `--check` compares each service's files as it compiles, too, holding only their paths.
  const checking = command === 'generate' && opts.check === true;
  const compared = { stale: [] as string[], missing: [] as string[] };
  let checkError: unknown;
  const cache = command === 'generate' && opts.cache ? await openCache(project, opts, io, diagnostics) : undefined;
  const readOutput = cache || checking ? outputReader(resolve(io.cwd, outDir)) : undefined;
  /** Generated files known to be on disk and up to date, or compared already (for extra files and --prune). */
  const kept: string[] = [];
  // The text and GitHub reports print only errors, warnings unless --quiet, infos with --verbose
  // (src/cli/report.ts; a --sarif file holds them all): the other diagnostics are counted, not held, and a spec's text is held for
  // code frames only when the text report prints one of its diagnostics (memory at 1,000s of specs).
  const isPrinted = (d: Diagnostic): boolean => d.severity === 'error' || (!opts.quiet && (d.severity === 'warning' || opts.verbose === true));
  const holdAll = opts.format === 'json' || opts.format === 'sarif' || opts.sarif !== undefined;
  let unheldWarnings = 0;
  const hold = (list: readonly Diagnostic[], display: string, text: Uint8Array): void => {
    for (const d of list) {
      if (holdAll || isPrinted(d)) diagnostics.push(d);
      else if (d.severity === 'warning') unheldWarnings++;
    }
    if (opts.format === 'text' && !sources.has(display) && list.some(isPrinted)) sources.set(display, Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
  };
  /** One spec per service name. */
  const claimService = (service: string | undefined, display: string): void => {
    if (!service) return;
    const other = services.get(service);
    if (other !== undefined && other !== display) {
      diagnostics.push({ code: 'DUPLICATE_SERVICE', severity: 'error', message: `Service "${service}" is also defined in ${other}.`, source: 'cli', path: ['name'], file: display });
      anyError = true;
    }
    services.set(service, display);
  };
  let pool: CompilePool | undefined;
  try {
    const verify = opts.verify !== false;
    const compileOptions = {
      ...project.compileOptions,
      verify,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.targets ? { targets: opts.targets } : {}),
      ...(deployValues ? { set: deployValues } : {}),
      ...(opts['all-envs'] ? { allEnvironments: true } : {}),
    };
    const oneThread = cache !== undefined ? '--cache compiles only the specs that changed' : opts.stdout ? '--stdout streams every artifact' : undefined;
    if (!configFailed) pool = await openPool(opts.concurrency ?? 'auto', specs, io.cwd, compileOptions, oneThread, diagnostics);
    if (!configFailed) io.beforeCompile?.(specs.length);
    for (const [index, spec] of (configFailed ? [] : specs).entries()) {
      await yieldToSignals(); // a signal is handled between two services
      const pre = pool?.take(index); // read and compiled ahead by a worker
      const text = pre?.text ?? (await readSpec(spec, io));
      const display = spec === '-' ? STDIN_NAME : relative(io.cwd, resolve(io.cwd, spec)) || spec;
      const key = cache?.key(display, text);
      let hit: ReturnType<SpecCache['lookup']>;
      try {
        hit = cache && key !== undefined ? cache.lookup(display, key, readOutput!) : undefined;
      } catch {
        hit = undefined; // an output path it cannot read (a symlink, say): compiled, and reported where it is written or checked
      }
      if (hit) {
        // Unchanged spec, intact files: its diagnostics again, and nothing to compile or write.
        hold(hit.diagnostics, display, text);
        suppressed.push(...hit.suppressed);
        claimService(hit.service, display);
        if (hasErrors(hit.diagnostics)) anyError = true;
        const paths = hit.files.map(([p]) => p);
        fileCount += paths.length;
        kept.push(...paths);
        if (streaming && !anyError && !writeError) {
          try {
            writer ??= openWriter();
            writer.keep(paths);
          } catch (err) {
            writeError = err; // reported below like any write failure
          }
        }
        continue;
      }
      // Every artifact is checked against the targets' schemas as it is compiled, unless --no-verify.
      const result = (pre && (await pre.result)) ?? noteEmitters(compileSpec(text, display, compileOptions));
      if (cache && key !== undefined) cache.record(display, key, result);
      hold(result.diagnostics, display, text);
      suppressed.push(...result.suppressed);
      claimService(result.service, display);
      if (!anyError && hasErrors(result.diagnostics)) anyError = true;
      fileCount += result.files.length;
      if (checking) {
        if (!anyError && !checkError) {
          try {
            for (const f of result.files) {
              const onDisk = readOutput!(f.path);
              if (onDisk === undefined) compared.missing.push(f.path);
              else if (onDisk !== f.content) compared.stale.push(f.path);
              kept.push(f.path);
            }
          } catch (err) {
            checkError = err; // reported below like any read failure
          }
        }
      } else if (!streaming) {
        if (command === 'diff') files.push(...result.files); // the commands that need every file's text at the end
        else if (opts.stdout) {
          const s = streamFiles(result.files, result.artifacts);
          piped.push(...s.files);
          notYaml.push(...s.text);
        }
      } else if (anyError || writeError) {
        writer?.abort();
      } else {
        try {
          writer ??= openWriter();
          writer.stage(result.files);
        } catch (err) {
          writeError = err; // staging removed what it wrote; reported below like any write failure
        }
      }
      artifactCount += result.artifactCount;
    }
    // What plugin code scheduled for "now" (timers, rejections) fails the run before anything is written.
    if (project.guard) diagnostics.push(...(await project.guard.settle()));
    diagnostics.sort(compareDiagnostics);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length + unheldWarnings;
    const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
    const failed = hasErrors(diagnostics) || tooManyWarnings;
    if (failed) writer?.abort();
    const report: Record<string, unknown> = { diagnostics };
    let status = failed ? 1 : 0;
    let summary = '';
    let body = ''; // diff lines (text format), printed on stdout before the summary
    if ((command === 'generate' || command === 'diff') && !failed) {
      try {
        if (command === 'diff') {
          const read = await readOutputs(resolve(io.cwd, outDir), files, [...services.keys()]);
          const diffs = diffOutputs(files, (p) => read.onDisk.get(p), read.extra);
          report.diff = diffs;
          body = formatDiff(diffs, outDir);
          if (diffs.length) status = 1;
          const count = (s: string) => diffs.filter((d) => d.status === s).length;
          summary = `compared ${plural(files.length, 'file')} for ${services.size} service${services.size === 1 ? '' : 's'} with ${outDir}: ${diffs.length ? `${diffs.length} differ (${count('changed')} changed, ${count('new')} new, ${count('extra')} extra)` : 'no differences'}`;
        } else if (opts.check) {
          if (checkError) throw checkError;
          const { extra } = await readOutputs(resolve(io.cwd, outDir), [], [...services.keys()], kept);
          const c = { ...compared, extra };
          const problems = [
            ...c.stale.map((p) => ({ path: p, state: 'stale' })),
            ...c.missing.map((p) => ({ path: p, state: 'missing' })),
            ...c.extra.map((p) => ({ path: p, state: 'extra' })),
          ].sort((a, b) => (a.path < b.path ? -1 : 1));
          for (const p of problems) {
            diagnostics.push({
              code: `OUTPUT_${p.state.toUpperCase()}`,
              severity: 'error',
              message:
                p.state === 'stale'
                  ? 'differs from what the spec generates; run codegen generate.'
                  : p.state === 'missing'
                    ? 'is missing; run codegen generate.'
                    : 'is no longer generated; remove it (or run codegen generate --prune).',
              source: 'io',
              path: [],
              file: `${outDir.replace(/\/$/, '')}/${p.path}`,
            });
          }
          report.check = c;
          if (problems.length) status = 1;
          summary = `checked ${plural(fileCount, 'file')} for ${services.size} service${services.size === 1 ? '' : 's'}: ${problems.length ? `${problems.length} out of date` : 'up to date'}`;
        } else if (opts.stdout) {
          if (notYaml.length) throw new UsageError(`--stdout writes a YAML stream, and ${notYaml.join(', ')} ${notYaml.length === 1 ? 'is' : 'are'} not YAML or JSON; leave ${notYaml.length === 1 ? 'its' : 'their'} target out with --target, or write files with --out.`);
          body = formatStream(piped);
          summary = `streamed ${plural(piped.length, 'document')} for ${services.size} service${services.size === 1 ? '' : 's'} to standard output`;
        } else {
          if (writeError) throw writeError;
          writer ??= openWriter();
          const w = writer.commit({ prune: opts.prune ?? false, services: [...services.keys()] });
          report.written = w;
          summary = `generated ${plural(fileCount, 'file')} for ${services.size} service${services.size === 1 ? '' : 's'} (${w.written.length} written, ${w.unchanged.length} unchanged${w.removed.length ? `, ${w.removed.length} removed` : ''})`;
        }
      } catch (err) {
        if (!(err instanceof OutputError) && !(err as NodeJS.ErrnoException).code) throw err;
        diagnostics.push({
          code: err instanceof OutputError ? err.code : 'OUTPUT_WRITE_FAILED',
          severity: 'error',
          // A failed commit says itself what was already in place; any other failure changed nothing.
        message: err instanceof OutputError && err.changed ? err.message : `${err instanceof Error ? err.message : String(err)} Nothing was changed.`,
          source: 'io',
          path: [],
          file: err instanceof OutputError && err.path ? `${outDir.replace(/\/$/, '')}/${err.path}` : outDir,
        });
        status = 1;
        summary = err instanceof OutputError && err.changed ? 'stopped part-way (see the error above)' : 'nothing was changed (see the error above)';
      }
    } else if (command === 'verify') {
      const n = diagnostics.filter((d) => d.source === 'verify' && d.severity === 'error').length;
      summary = failed ? `verified ${plural(artifactCount, 'artifact')}: ${n ? `${n} violation(s)` : 'errors found'}` : `verified ${plural(artifactCount, 'artifact')}: ok`;
    } else if (command === 'validate') {
      summary = `validated ${specs.length} spec${specs.length === 1 ? '' : 's'}: ${hasErrors(diagnostics) ? 'errors found' : tooManyWarnings ? 'too many warnings' : 'ok'}`;
    } else {
      summary = `nothing written: ${diagnostics.filter((d) => d.severity === 'error').length} error(s)`;
    }
    // Leftovers of interrupted runs completed or removed, files --prune kept: reported whatever the outcome.
    if (writer?.notes.length) diagnostics.push(...writer.notes);
    if (tooManyWarnings) summary += ` (${warnings} warnings, more than --max-warnings ${opts.maxWarnings})`;
    if (skipped.length) summary += ` (${plural(skipped.length, 'other file')} in the folders named skipped: not codegen specs${opts.verbose ? `: ${skipped.join(', ')}` : ''})`;
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const printed = await printReport(io, diagnostics, {
      ...opts,
      suppressed,
      sources,
      report,
      summary,
      milliseconds: ms,
      body,
      bodyIsData: opts.stdout === true,
      ...(project.compileOptions.rules ? { rules: project.compileOptions.rules } : {}),
    });
    if (printed) status = 1;
    cache?.save();
    return status;
  } finally {
    // Whatever ended the run early, nothing staged stays behind (a no-op after a commit).
    writer?.abort();
    project.guard?.stop();
    await pool?.close();
  }
}

/** `--set KEY=VALUE` arguments → a map (a malformed or unknown key is a usage error; values are checked by compile). */
/** Tells the start-up cache which emitters ran in this thread (code-cache-note.ts). */
function noteEmitters<T extends { artifacts: readonly { emitter: string }[] }>(result: T): T {
  for (const a of result.artifacts) noteWork(`emit:${a.emitter}`);
  return result;
}

export function parseDeployValues(args: readonly string[] | undefined): Record<string, string> | undefined {
  if (!args?.length) return undefined;
  const out: Record<string, string> = {};
  for (const arg of args) {
    const r = parseSetArgument(arg);
    if (typeof r === 'string') throw new UsageError(r);
    if (Object.hasOwn(out, r.key) && out[r.key] !== r.value) throw new UsageError(`--set ${r.key} is given twice with different values.`);
    out[r.key] = r.value;
  }
  return out;
}

/**
 * A target named on the command line must exist (a built-in one, or one of the config's plugins
 * and templates): a typo is a usage error (exit 2) with the target meant, before anything compiles.
 */
export function checkTargets(targets: readonly string[] | undefined, project: Project): void {
  if (!targets) return;
  const known = [...TARGETS, ...new Set((project.compileOptions.emitters ?? []).map((e) => e.target).filter((t) => !(TARGETS as readonly string[]).includes(t)))];
  for (const t of targets) {
    if (known.includes(t)) continue;
    const close = didYouMean(t, known);
    throw new UsageError(`Unknown target "${t}"${close ? ` (did you mean "${close}"?)` : ''}; targets are ${known.join(', ')}.`);
  }
}

/** Command-line values win over the config; specs come from the config only when none are given. */
function withProject(project: Project, specs: string[], opts: RunOptions): { specs: string[]; opts: RunOptions } {
  const merged: RunOptions = { ...opts };
  if (merged.out === undefined && project.out !== undefined) merged.out = project.out;
  if (merged.targets === undefined && project.targets !== undefined) merged.targets = project.targets;
  // The config's allEnvironments wins over its env, unless the command line names an environment.
  if (merged['all-envs'] === undefined && project.allEnvironments && merged.env === undefined) merged['all-envs'] = true;
  if (merged.env === undefined && project.env !== undefined && !merged['all-envs']) merged.env = project.env;
  return { specs: specs.length ? specs : project.specs, opts: merged };
}
