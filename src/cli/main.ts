/**
 * The `codegen` command. Exit codes: 0 ok, 1 diagnostics with an error (or stale output with
 * --check), 2 usage error. Diagnostics go to stderr; `--format json` puts one JSON report on stdout.
 * Nothing here prints a stack trace: every failure becomes a diagnostic or a usage message.
 */
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { FORMATS, type ReportFormat } from './reporters.js';
import { runInit } from './init.js';
import { HELP } from './help.js';
import { UsageError, type Io } from './io.js';
import { run } from './commands/run.js';
import { runImport } from './commands/import.js';
import { parseConcurrency, serveCompileJobs, WORKER_FLAG } from '../project/parallel.js';

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
        'no-verify': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        concurrency: { type: 'string' },
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
    if (command === 'import') return await runImport(specs, { ...values, format: format as ReportFormat }, io);
    if (command === 'diff' && format !== 'text' && format !== 'json') throw new UsageError(`diff prints text or json, not "${format}".`);
    if (command === 'generate' || command === 'validate' || command === 'verify' || command === 'diff') {
      if (values.verify && values['no-verify']) throw new UsageError('--verify and --no-verify contradict each other.');
      const { 'no-verify': noVerify, concurrency: concurrencyText, ...rest } = values;
      const concurrency = parseConcurrency(concurrencyText);
      if (concurrency === undefined) throw new UsageError(`--concurrency takes a number of threads, auto or off, not "${concurrencyText}".`);
      return await run(command, specs, { ...rest, concurrency, verify: !noVerify, format: format as ReportFormat, ...(targets ? { targets } : {}), ...(maxWarningsText !== undefined ? { maxWarnings: Number(maxWarningsText) } : {}) }, io);
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
  // A worker thread of `--concurrency` (src/project/parallel.ts) serves compile jobs instead.
  if (process.argv[2] === WORKER_FLAG) void serveCompileJobs().then((serving) => serving || runMain(guard));
  else runMain(guard);
}

function runMain(guard: () => void): void {
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
