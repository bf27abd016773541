/**
 * The `codegen` command. Exit codes: 0 ok, 1 diagnostics with an error (or stale output with
 * --check), 2 usage error. Diagnostics go to stderr; `--format json` puts one JSON report on stdout.
 * Nothing here prints a stack trace: every failure becomes a diagnostic or a usage message.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { compile, type CompileResult, type OutputFile } from '../core/compile.js';
import { compareDiagnostics, formatDiagnostic, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { checkOutputs, OutputError, writeOutputs } from '../core/write.js';
import { resolveProject, type Project } from '../core/config.js';
import { runInit } from './init.js';
import { TARGETS } from '../model/types.js';

const HELP = `codegen ${pkg.version} — compile a service spec into deployment artifacts

Usage:
  codegen generate [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--check] [--prune]
  codegen validate [SPEC...] [--env NAME]
  codegen init [--name NAME] [--force]
  codegen --help | --version

Commands:
  generate   Validate SPEC files and write every artifact under DIR/<service>/ (all files or none).
             --check writes nothing: exits 1 and names each stale, missing or extra file.
  validate   Check SPEC files (schema and model) without generating.
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
  -f, --format FMT     Diagnostics as text (default) or json
  -q, --quiet          Print errors only (no warnings, no summary)
      --verbose        Also print info diagnostics (such as Fargate size rounding)
  -c, --config FILE    Use this config file instead of searching for one
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 ok · 1 errors in a spec, or stale output with --check · 2 usage error
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
        format: { type: 'string', short: 'f' },
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
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
    const targets = values.target?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
    if (command === 'init') return await runInit(specs, values, io);
    if (command === 'generate' || command === 'validate') {
      return await run(command, specs, { ...values, format, ...(targets ? { targets } : {}) }, io);
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
  format: 'text' | 'json';
  quiet?: boolean;
  verbose?: boolean;
  config?: string;
}

async function readSpec(path: string, cwd: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a spec file.` : `Cannot read ${path}: ${code ?? String(err)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return '\uFFFD'; // parseSource reports INPUT_NOT_UTF8
  }
}

async function run(command: 'generate' | 'validate', specsArg: string[], optsArg: RunOptions, io: Io): Promise<number> {
  const started = performance.now();
  const project = await resolveProject(io.cwd, optsArg.config, specsArg.length === 0);
  const { specs, opts } = withProject(project, specsArg, optsArg);
  const configFailed = hasErrors(project.diagnostics);
  if (specs.length === 0 && !configFailed) throw new UsageError(`${command} needs at least one SPEC file (or a config file with \`specs\`).`);
  if (command === 'validate' && (optsArg.check || optsArg.prune || optsArg.out)) throw new UsageError('--out, --check and --prune belong to generate.');
  if (opts.check && opts.prune) throw new UsageError('--check writes nothing, so it cannot --prune.');
  const diagnostics: Diagnostic[] = [...project.diagnostics];
  const files: OutputFile[] = [];
  const services = new Map<string, string>();
  for (const spec of configFailed ? [] : specs) {
    const text = await readSpec(spec, io.cwd);
    const display = relative(io.cwd, resolve(io.cwd, spec)) || spec;
    const result: CompileResult = compile(text, {
      ...project.compileOptions,
      file: display,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.targets ? { targets: opts.targets } : {}),
    });
    diagnostics.push(...result.diagnostics);
    if (result.service) {
      const other = services.get(result.service);
      if (other !== undefined && other !== display) {
        diagnostics.push({ code: 'DUPLICATE_SERVICE', severity: 'error', message: `Service "${result.service}" is also defined in ${other}.`, source: 'cli', path: ['name'], file: display });
      }
      services.set(result.service, display);
    }
    files.push(...result.files);
  }
  diagnostics.sort(compareDiagnostics);
  const failed = hasErrors(diagnostics);
  const report: Record<string, unknown> = { diagnostics };
  let status = failed ? 1 : 0;
  const outDir = opts.out ?? 'out';
  let summary = '';
  if (command === 'generate' && !failed) {
    try {
      if (opts.check) {
        const c = await checkOutputs(resolve(io.cwd, outDir), files, [...services.keys()]);
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
        summary = `checked ${plural(files.length, 'file')} for ${services.size} service${services.size === 1 ? '' : 's'}: ${problems.length ? `${problems.length} out of date` : 'up to date'}`;
      } else {
        const w = await writeOutputs(resolve(io.cwd, outDir), files, { prune: opts.prune ?? false, services: [...services.keys()] });
        report.written = w;
        summary = `generated ${plural(files.length, 'file')} for ${services.size} service${services.size === 1 ? '' : 's'} (${w.written.length} written, ${w.unchanged.length} unchanged${w.removed.length ? `, ${w.removed.length} removed` : ''})`;
      }
    } catch (err) {
      if (!(err instanceof OutputError) && !(err as NodeJS.ErrnoException).code) throw err;
      diagnostics.push({
        code: err instanceof OutputError ? err.code : 'OUTPUT_WRITE_FAILED',
        severity: 'error',
        message: `${err instanceof Error ? err.message : String(err)} Nothing was changed.`,
        source: 'io',
        path: [],
      });
      status = 1;
    }
  } else if (command === 'validate') {
    summary = `validated ${specs.length} spec${specs.length === 1 ? '' : 's'}: ${failed ? 'errors found' : 'ok'}`;
  } else {
    summary = `nothing written: ${diagnostics.filter((d) => d.severity === 'error').length} error(s)`;
  }
  const ms = Math.round(performance.now() - started);
  if (opts.format === 'json') {
    io.stdout(`${JSON.stringify({ ...report, diagnostics, summary, milliseconds: ms }, null, 2)}\n`);
  } else {
    const shown = diagnostics.filter((d) => d.severity === 'error' || (!opts.quiet && (d.severity === 'warning' || opts.verbose)));
    if (shown.length) io.stderr(`${shown.map(formatDiagnostic).join('\n')}\n`);
    if (!opts.quiet) io.stdout(`codegen: ${summary} in ${ms} ms\n`);
  }
  return status;
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
const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && /(?:^|[\\/])(cli\.js|codegen)$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
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
