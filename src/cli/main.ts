/**
 * The `codegen` command. Exit codes: 0 ok, 1 diagnostics with an error (or stale output with
 * --check), 2 usage error. Diagnostics go to stderr; `--format json` puts one JSON report on stdout.
 * Nothing here prints a stack trace: every failure becomes a diagnostic or a usage message.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { compile, type CompileResult, type OutputFile } from '../compile/compile.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import type { Artifact } from '../core/serialize.js';
import type { SpecCache } from '../project/cache.js';
import { OutputError, OutputWriter, outputReader, readOutputs } from '../project/write.js';
import { diffOutputs, formatDiff } from '../project/diff.js';
import { FORMATS, formatDiagnostics, type ReportFormat } from './reporters.js';
import { builtinRules } from '../rules/index.js';
import { resolveProject, type Project } from '../project/config.js';
import { runInit } from './init.js';
import { TARGETS } from '../model/types.js';
import { compilePlatform, isPlatformSpec } from '../platform/compile.js';

const HELP = `codegen ${pkg.version} — compile a service spec into deployment artifacts

Usage:
  codegen generate [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--check] [--prune] [--verify] [--cache]
                   (a spec with \`kind: Platform\` compiles to DIR/<platform>/platform.cfn.yaml)
  codegen validate [SPEC...] [--env NAME] [--format FMT] [--max-warnings N]
  codegen verify [SPEC...] [--target T,...] [--env NAME]
  codegen diff [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--format text|json]
  codegen init [--name NAME] [--force]
  codegen --help | --version

Commands:
  generate   Validate SPEC files (schema, model, rules) and write every artifact under DIR/<service>/
             (all files or none; nothing is written while an error remains).
             --check writes nothing: exits 1 and names each stale, missing or extra file.
  validate   Check SPEC files (schema, model and best-practice rules) without writing.
  verify     Compile SPEC files and check every artifact against the targets' bundled schemas;
             write nothing.
  diff       Show what generate would change in DIR, per file: JSON-pointer paths with the value
             on disk → the generated value (multi-document YAML by #index, text by line), and
             new and extra files. Writes nothing; exits 1 when anything differs.
  init       Write a starter service.yaml and codegen.config.json (never overwrites without --force).

With no SPEC, the specs come from the config file (codegen.config.mjs, .js or .json, found from
the working directory upward), which also sets the output folder, targets, rules, plugins,
templates and patch files.

Options:
  -o, --out DIR        Output folder (default: out)
  -t, --target T,...   Targets to generate: ${TARGETS.join(', ')} (default: those the spec enables)
  -e, --env NAME       Apply the environments.NAME overlay
      --check          Compare DIR with what would be written; write nothing
      --prune          Remove files under DIR/<service>/ that are no longer generated
      --verify         Check every artifact against the targets' bundled schemas first;
                       a violation is an error and nothing is written
      --cache          Skip compiling specs that did not change and whose files are intact
                       (generate and --check; not with plugins, templates or --verify)
      --cache-location FILE   Where --cache keeps its record (default: .codegen-cache)
  -f, --format FMT     Diagnostics as text (default, with code frames, on stderr), json, github
                       (workflow annotations) or sarif (SARIF 2.1.0); json, github, sarif go to stdout
      --max-warnings N Fail (exit 1, write nothing) when there are more than N warnings
  -q, --quiet          Print errors only (no warnings, no summary)
      --verbose        Also print info diagnostics (such as Fargate size rounding)
  -c, --config FILE    Use this config file instead of searching for one
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 ok · 1 errors in a spec, stale output with --check, or differences with diff · 2 usage error
`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        target: { type: 'string', short: 't', multiple: true },
        env: { type: 'string', short: 'e' },
        check: { type: 'boolean' },
        prune: { type: 'boolean' },
        verify: { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        force: { type: 'boolean' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    io.stderr(`codegen: ${err instanceof Error ? err.message : String(err)}\nRun 'codegen --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...specs] = positionals;
  try {
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}".`);
    const maxWarningsText = values['max-warnings'];
    if (maxWarningsText !== undefined && !/^[0-9]+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsText}".`);
    const targets = values.target?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
    if (command === 'init') return await runInit(specs, values, io);
    if (command === 'diff' && format !== 'text' && format !== 'json') throw new UsageError(`diff prints text or json, not "${format}".`);
    if (command === 'generate' || command === 'validate' || command === 'verify' || command === 'diff') {
      return await run(command, specs, { ...values, format: format as ReportFormat, ...(targets ? { targets } : {}), ...(maxWarningsText !== undefined ? { maxWarnings: Number(maxWarningsText) } : {}) }, io);
    }
    if (command === undefined) throw new UsageError('No command given.');
    throw new UsageError(`Unknown command "${command}".`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`codegen: ${err.message}\nRun 'codegen --help' for usage.\n`);
      return 2;
    }
    io.stderr(`codegen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

interface RunOptions {
  out?: string;
  targets?: string[];
  env?: string;
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
}

async function readSpec(path: string, cwd: string): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    buf = readFileSync(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a spec file.` : `Cannot read ${path}: ${code ?? String(err)}`);
  }
  return buf;
}

async function run(command: 'generate' | 'validate' | 'verify' | 'diff', specsArg: string[], optsArg: RunOptions, io: Io): Promise<number> {
  // process.hrtime: the global `performance` loads perf_hooks (a few ms of a cold start).
  const started = process.hrtime.bigint();
  if (command !== 'generate' && (optsArg.check || optsArg.prune || optsArg.verify || optsArg.cache || (optsArg.out && command !== 'diff'))) {
    throw new UsageError(command === 'diff' ? '--check, --prune, --verify and --cache belong to generate.' : '--out, --check, --prune, --verify and --cache belong to generate.');
  }
  if (optsArg['cache-location'] !== undefined && !optsArg.cache) throw new UsageError('--cache-location goes with --cache.');
  const project = await resolveProject(io.cwd, optsArg.config, specsArg.length === 0);
  const { specs, opts } = withProject(project, specsArg, optsArg);
  const configFailed = hasErrors(project.diagnostics);
  if (specs.length === 0 && !configFailed) throw new UsageError(`${command} needs at least one SPEC file (or a config file with \`specs\`).`);
  if (opts.check && opts.prune) throw new UsageError('--check writes nothing, so it cannot --prune.');
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const suppressed: Diagnostic[] = [];
  const sources = new Map<string, string>(); // spec texts, for the text reporter's code frames
  const files: OutputFile[] = [];
  const artifacts: Artifact[] = [];
  const services = new Map<string, string>();
  const outDir = opts.out ?? 'out';
  // `generate` stages each service's files as it compiles (not holding every file's text), and
  // commits them all at the end only when nothing failed.
  const streaming = command === 'generate' && !opts.check;
  let writer: OutputWriter | undefined;
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
  try {
    for (const spec of configFailed ? [] : specs) {
      const text = await readSpec(spec, io.cwd);
      const display = relative(io.cwd, resolve(io.cwd, spec)) || spec;
      sources.set(display, Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
      const key = cache?.key(display, text);
      let hit: ReturnType<SpecCache['lookup']>;
      try {
        hit = cache && key !== undefined ? cache.lookup(display, key, readOutput!) : undefined;
      } catch {
        hit = undefined; // an output path it cannot read (a symlink, say): compiled, and reported where it is written or checked
      }
      if (hit) {
        // Unchanged spec, intact files: its diagnostics again, and nothing to compile or write.
        diagnostics.push(...hit.diagnostics);
        suppressed.push(...hit.suppressed);
        claimService(hit.service, display);
        if (hasErrors(hit.diagnostics)) anyError = true;
        const paths = hit.files.map(([p]) => p);
        fileCount += paths.length;
        kept.push(...paths);
        if (streaming && !anyError && !writeError) {
          try {
            writer ??= new OutputWriter(resolve(io.cwd, outDir));
            writer.keep(paths);
          } catch (err) {
            writeError = err; // reported below like any write failure
          }
        }
        continue;
      }
      const result: Pick<CompileResult, 'service' | 'files' | 'diagnostics' | 'suppressed' | 'artifacts'> = isPlatformSpec(text)
        ? platformResult(compilePlatform(text, { file: display }))
        : compile(text, {
            ...project.compileOptions,
            file: display,
            ...(opts.env ? { env: opts.env } : {}),
            ...(opts.targets ? { targets: opts.targets } : {}),
          });
      if (cache && key !== undefined) cache.record(display, key, result);
      diagnostics.push(...result.diagnostics);
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
        if (command === 'diff') files.push(...result.files); // the one command that needs every file's text at the end
      } else if (anyError || writeError) {
        writer?.abort();
      } else {
        try {
          writer ??= new OutputWriter(resolve(io.cwd, outDir));
          writer.stage(result.files);
        } catch (err) {
          writeError = err; // staging removed what it wrote; reported below like any write failure
        }
      }
      // Artifact objects are kept only for verification (at 1,000 services they are most of the memory).
      if (opts.verify || command === 'verify') artifacts.push(...result.artifacts);
    }
    // Verification (opt-in) loads its schemas only when asked for.
    if ((opts.verify || command === 'verify') && !hasErrors(diagnostics)) {
      const { verifyArtifacts } = await import('../verify/index.js');
      diagnostics.push(...verifyArtifacts(artifacts));
    }
    diagnostics.sort(compareDiagnostics);
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
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
        } else {
          if (writeError) throw writeError;
          writer ??= new OutputWriter(resolve(io.cwd, outDir));
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
        message: err instanceof OutputError && err.code === 'OUTPUT_COMMIT_FAILED' ? err.message : `${err instanceof Error ? err.message : String(err)} Nothing was changed.`,
          source: 'io',
          path: [],
        });
        status = 1;
      }
    } else if (command === 'verify') {
      const n = diagnostics.filter((d) => d.source === 'verify' && d.severity === 'error').length;
      summary = failed ? `verified ${plural(artifacts.length, 'artifact')}: ${n ? `${n} violation(s)` : 'errors found'}` : `verified ${plural(artifacts.length, 'artifact')}: ok`;
    } else if (command === 'validate') {
      summary = `validated ${specs.length} spec${specs.length === 1 ? '' : 's'}: ${hasErrors(diagnostics) ? 'errors found' : tooManyWarnings ? 'too many warnings' : 'ok'}`;
    } else {
      summary = `nothing written: ${diagnostics.filter((d) => d.severity === 'error').length} error(s)`;
    }
    if (tooManyWarnings) summary += ` (${warnings} warnings, more than --max-warnings ${opts.maxWarnings})`;
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
    const shown = diagnostics.filter((d) => d.severity === 'error' || (!opts.quiet && (d.severity === 'warning' || opts.verbose)));
    if (opts.format === 'json') {
      io.stdout(formatDiagnostics('json', diagnostics, { suppressed, extra: { ...report, summary, milliseconds: ms } }));
    } else if (opts.format === 'sarif') {
      io.stdout(formatDiagnostics('sarif', diagnostics, { suppressed, rules: builtinRules }));
      if (!opts.quiet) io.stderr(`codegen: ${summary} in ${ms} ms\n`);
    } else if (opts.format === 'github') {
      io.stdout(formatDiagnostics('github', shown));
      if (!opts.quiet) io.stdout(`codegen: ${summary} in ${ms} ms\n`);
    } else {
      if (shown.length) io.stderr(formatDiagnostics('text', shown, { sources }));
      if (body) io.stdout(body);
      if (!opts.quiet) io.stdout(`codegen: ${summary} in ${ms} ms\n`);
    }
    cache?.save();
    return status;
  } finally {
    // Whatever ended the run early, nothing staged stays behind (a no-op after a commit).
    writer?.abort();
  }
}

/**
 * The spec cache for this run, or undefined (with an info diagnostic) when it cannot be sound:
 * plugins and templates are code and files outside the key, and --verify needs every artifact.
 */
async function openCache(project: Project, opts: RunOptions, io: Io, diagnostics: Diagnostic[]): Promise<SpecCache | undefined> {
  const co = project.compileOptions;
  const why = opts.verify ? '--verify checks every artifact' : co.emitters?.length || co.rules?.length ? 'the config loads plugins or templates' : undefined;
  if (why) {
    diagnostics.push({ code: 'CACHE_NOT_USED', severity: 'info', message: `--cache is not used: ${why}.`, source: 'cli', path: [] });
    return undefined;
  }
  // The running code: a rebuilt codegen misses every entry even under the same version.
  let build = '';
  try {
    const st = statSync(typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url));
    build = `${st.size}:${st.mtimeMs}`;
  } catch {
    build = 'unknown';
  }
  // Loaded only with --cache: it needs node:crypto, which a plain run does not load.
  const { CACHE_FORMAT, SpecCache } = await import('../project/cache.js');
  const fingerprint = JSON.stringify({
    format: CACHE_FORMAT,
    version: pkg.version,
    build,
    env: opts.env ?? null,
    targets: opts.targets ?? null,
    ruleConfig: co.ruleConfig ?? null,
    acknowledgedDeprecations: co.acknowledgedDeprecations ?? null,
    patchFiles: co.patchFiles ?? null,
  });
  return new SpecCache(resolve(io.cwd, opts['cache-location'] ?? '.codegen-cache'), fingerprint);
}

/** A `kind: Platform` spec compiles to `<platform>/platform.cfn.yaml`; its name is its output folder. */
function platformResult(r: ReturnType<typeof compilePlatform>): Pick<CompileResult, 'service' | 'files' | 'diagnostics' | 'suppressed' | 'artifacts'> {
  return { ...(r.platform !== undefined ? { service: r.platform } : {}), files: r.files, artifacts: r.artifacts, diagnostics: r.diagnostics, suppressed: [] };
}

/** Command-line values win over the config; specs come from the config only when none are given. */
function withProject(project: Project, specs: string[], opts: RunOptions): { specs: string[]; opts: RunOptions } {
  const merged: RunOptions = { ...opts };
  if (merged.out === undefined && project.out !== undefined) merged.out = project.out;
  if (merged.targets === undefined && project.targets !== undefined) merged.targets = project.targets;
  if (merged.env === undefined && project.env !== undefined) merged.env = project.env;
  return { specs: specs.length ? specs : project.specs, opts: merged };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// Run when executed as the bin (not when imported by tests).
const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /(?:^|[\\/])(cli\.c?js|codegen)$/.test(process.argv[1]);
if (isMain) {
  // A closed pipe (`codegen diff | head`) ends the run quietly instead of with a stack trace. Set up
  // at the first write: a quiet run never creates the stdio streams (a few ms of start-up).
  let guarded = false;
  const guard = (): void => {
    if (guarded) return;
    guarded = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        throw err;
      });
    }
  };
  main(process.argv.slice(2), {
    stdout: (s) => (guard(), process.stdout.write(s)),
    stderr: (s) => (guard(), process.stderr.write(s)),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`codegen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
