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
import type { Artifact } from '../core/serialize.js';
import { checkOutputs, OutputError, writeOutputs } from '../core/write.js';
import { TARGETS } from '../model/types.js';

const HELP = `codegen ${pkg.version} — compile a service spec into deployment artifacts

Usage:
  codegen generate [SPEC...] [--out DIR] [--target T,...] [--env NAME] [--check] [--prune] [--verify]
  codegen validate [SPEC...] [--env NAME]
  codegen verify [SPEC...] [--target T,...] [--env NAME]
  codegen --help | --version

Commands:
  generate   Validate SPEC files and write every artifact under DIR/<service>/ (all files or none).
             --check writes nothing: exits 1 and names each stale, missing or extra file.
  validate   Check SPEC files (schema and model) without generating.
  verify     Compile SPEC files and check every artifact against the targets' bundled schemas;
             write nothing.

Options:
  -o, --out DIR        Output folder (default: out)
  -t, --target T,...   Targets to generate: ${TARGETS.join(', ')} (default: those the spec enables)
  -e, --env NAME       Apply the environments.NAME overlay
      --check          Compare DIR with what would be written; write nothing
      --prune          Remove files under DIR/<service>/ that are no longer generated
      --verify         Check every artifact against the targets' bundled schemas first;
                       a violation is an error and nothing is written
  -f, --format FMT     Diagnostics as text (default) or json
  -q, --quiet          Print errors only (no warnings, no summary)
      --verbose        Also print info diagnostics (such as Fargate size rounding)
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
        verify: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
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
    if (command === 'generate' || command === 'validate' || command === 'verify') {
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
  verify?: boolean;
  format: 'text' | 'json';
  quiet?: boolean;
  verbose?: boolean;
}

async function readSpec(path: string, cwd: string): Promise<Uint8Array> {
  let buf: Buffer;
  try {
    buf = await readFile(resolve(cwd, path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${path}` : code === 'EISDIR' ? `${path} is a folder, not a spec file.` : `Cannot read ${path}: ${code ?? String(err)}`);
  }
  return buf;
}

async function run(command: 'generate' | 'validate' | 'verify', specs: string[], opts: RunOptions, io: Io): Promise<number> {
  const started = performance.now();
  if (specs.length === 0) throw new UsageError(`${command} needs at least one SPEC file.`);
  if (command !== 'generate' && (opts.check || opts.prune || opts.out || opts.verify)) throw new UsageError('--out, --check, --prune and --verify belong to generate.');
  if (opts.check && opts.prune) throw new UsageError('--check writes nothing, so it cannot --prune.');
  const diagnostics: Diagnostic[] = [];
  const files: OutputFile[] = [];
  const artifacts: Artifact[] = [];
  const services = new Map<string, string>();
  for (const spec of specs) {
    const text = await readSpec(spec, io.cwd);
    const display = relative(io.cwd, resolve(io.cwd, spec)) || spec;
    const result: CompileResult = compile(text, {
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
    artifacts.push(...result.artifacts);
  }
  // Verification (opt-in) loads its schemas only when asked for.
  if ((opts.verify || command === 'verify') && !hasErrors(diagnostics)) {
    const { verifyArtifacts } = await import('../verify/index.js');
    diagnostics.push(...verifyArtifacts(artifacts));
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
  } else if (command === 'verify') {
    const n = diagnostics.filter((d) => d.source === 'verify' && d.severity === 'error').length;
    summary = failed ? `verified ${plural(artifacts.length, 'artifact')}: ${n ? `${n} violation(s)` : 'errors found'}` : `verified ${plural(artifacts.length, 'artifact')}: ok`;
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
