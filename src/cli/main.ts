/**
 * The `codegen` command. Exit codes: 0 ok, 1 diagnostics with an error (or stale output with
 * --check), 2 usage error. Diagnostics go to stderr; `--format json` puts one JSON report on stdout.
 * Nothing here prints a stack trace: every failure becomes a diagnostic or a usage message.
 */
import pkg from '../../package.json' with { type: 'json' };
import { didYouMean } from '../core/diagnostics.js';
import { MAX_SPEC_BYTES } from '../core/source.js';
import { FORMATS, type ReportFormat } from './reporters.js';
import { runInit } from './init.js';
import { COMMAND_NAMES, COMMANDS, commandHelp, generalHelp, OPTIONS, type CommandName, type OptionName } from './help.js';
import { UsageError, type Io } from './io.js';
import { ArgError, parseArgv } from './args.js';
import { limitHeapFor } from './heap.js';
import { run } from './commands/run.js';
import { runImport } from './commands/import.js';
import { runGraph } from './commands/graph.js';
import { installProcessHandlers } from './signals.js';
import { stopActiveGuard } from '../project/plugin-guard.js';
import { parseConcurrency, serveCompileJobs, WORKER_FLAG } from '../project/parallel.js';

const PARSE_OPTIONS = {
  out: { type: 'string', short: 'o' },
  target: { type: 'string', short: 't', multiple: true },
  env: { type: 'string', short: 'e' },
  'all-envs': { type: 'boolean' },
  set: { type: 'string', multiple: true },
  check: { type: 'boolean' },
  prune: { type: 'boolean' },
  stdout: { type: 'boolean' },
  verify: { type: 'boolean' },
  'no-verify': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  format: { type: 'string', short: 'f' },
  sarif: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  force: { type: 'boolean' },
  name: { type: 'string' },
  parameter: { type: 'string', multiple: true },
  exact: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<OptionName, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

const isCommand = (c: string | undefined): c is CommandName => c !== undefined && Object.hasOwn(COMMANDS, c);
const flag = (name: string) => `--${name}`;

/** An argument error as one sentence, with the option meant when the option is unknown. */
function parseErrorMessage(err: ArgError, command: CommandName | undefined): string {
  if (!err.unknown) return err.message;
  const { dashes, name } = err.unknown;
  const names: string[] = command ? [...COMMANDS[command].options, 'help'] : Object.keys(OPTIONS);
  const close = dashes === '--' ? didYouMean(name, names) : undefined;
  const where = command ? ` for ${command}` : '';
  return `Unknown option "${dashes}${name}"${where}${close ? ` (did you mean "${flag(close)}"?)` : ''}.`;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The command, for the help a usage error points to (the first word that is not an option).
  const named = argv.find((a) => !a.startsWith('-'));
  const guessed = isCommand(named) ? named : undefined;
  let parsed;
  try {
    parsed = parseArgv(argv, PARSE_OPTIONS);
  } catch (err) {
    if (!(err instanceof ArgError)) throw err;
    return usage(io, new UsageError(parseErrorMessage(err, guessed), guessed));
  }
  const { values, positionals } = parsed;
  const [command, ...specs] = positionals;
  try {
    if (command === 'help' || values.help) {
      const topic = command === 'help' ? specs[0] : command;
      if (topic === undefined) io.stdout(generalHelp());
      else if (isCommand(topic)) io.stdout(commandHelp(topic));
      else throw unknownCommand(topic);
      return 0;
    }
    if (values.version) {
      io.stdout(`${pkg.version}\n`);
      return 0;
    }
    if (command === undefined) throw new UsageError('No command given.');
    if (!isCommand(command)) throw unknownCommand(command);
    const allowed: readonly string[] = COMMANDS[command].options;
    for (const [name, value] of Object.entries(values)) {
      if (value !== undefined && !allowed.includes(name)) throw new UsageError(`${flag(name)} is not an option of ${command}.`, command);
    }
    const targets = values.target?.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
    // graph's --format names the picture's format (mermaid, svg), not the diagnostics'.
    if (command === 'graph') return await runGraph(specs, { ...values, ...(targets ? { targets } : {}) }, io);
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${format}".`, command);
    const maxWarningsText = values['max-warnings'];
    if (maxWarningsText !== undefined && !/^[0-9]+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings takes a whole number, not "${maxWarningsText}".`, command);
    if (command === 'init') return await runInit(specs, values, io);
    if (command === 'import') return await runImport(specs, { ...values, format: format as ReportFormat }, io);
    if (command === 'diff' && format !== 'text' && format !== 'json') throw new UsageError(`diff prints text or json, not "${format}".`, command);
    if (values.verify && values['no-verify']) throw new UsageError('--verify and --no-verify contradict each other.', command);
    const { 'no-verify': noVerify, concurrency: concurrencyText, ...rest } = values;
    const concurrency = parseConcurrency(concurrencyText);
    if (concurrency === undefined) throw new UsageError(`--concurrency takes a number of threads, auto or off, not "${concurrencyText}".`, command);
    try {
      return await run(command, specs, { ...rest, concurrency, verify: !noVerify, format: format as ReportFormat, ...(targets ? { targets } : {}), ...(maxWarningsText !== undefined ? { maxWarnings: Number(maxWarningsText) } : {}) }, io);
    } finally {
      stopActiveGuard(); // a usage error can end a run before its own cleanup
    }
  } catch (err) {
    if (err instanceof UsageError) return usage(io, err.command === undefined && isCommand(command) ? new UsageError(err.message, command) : err);
    io.stderr(`codegen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function unknownCommand(name: string): UsageError {
  const close = didYouMean(name, COMMAND_NAMES);
  return new UsageError(`Unknown command "${name}"${close ? ` (did you mean "${close}"?)` : ''}; commands are ${COMMAND_NAMES.join(', ')}.`);
}

/** A usage error: the message and where to read more, exit 2. */
function usage(io: Io, err: UsageError): number {
  io.stderr(`codegen: ${err.message}\nRun 'codegen ${err.command ? `${err.command} ` : ''}--help' for usage.\n`);
  return 2;
}

/** True when `script` (a path) names the bin: `cli.js`, `cli.cjs` or `codegen`, alone or after `/` or `\\`. */
export function isBinPath(script: string): boolean {
  return ['cli.js', 'cli.cjs', 'codegen'].some((name) => script === name || script.endsWith(`/${name}`) || script.endsWith(`\\${name}`));
}

// Run when executed as the bin (not when imported by tests).
const isMain = typeof process !== 'undefined' && process.argv[1] !== undefined && isBinPath(process.argv[1]);
if (isMain) {
  // A worker thread of `--concurrency` (src/project/parallel.ts) serves compile jobs instead: it
  // installs no process handlers (signals reach the main thread, which ends its workers).
  if (process.argv[2] === WORKER_FLAG) void serveCompileJobs().then((serving) => serving || startCli());
  else startCli();
}

function startCli(): void {
  // Signals, an early exit, an uncaught error and the end of the run: src/cli/signals.ts.
  const proc = installProcessHandlers((s) => process.stderr.write(s));
  // A closed pipe (`codegen diff | head`) ends the run quietly instead of with a stack trace. Set up
  // at the first write: a quiet run never creates the stdio streams (a few ms of start-up).
  let guarded = false;
  const guard = (): void => {
    if (guarded) return;
    guarded = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') proc.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
        throw err;
      });
    }
  };
  main(process.argv.slice(2), {
    stdout: (s) => (guard(), process.stdout.write(s)),
    stderr: (s) => (guard(), process.stderr.write(s)),
    cwd: process.cwd(),
    stdin: readStdin,
    env: process.env,
    beforeCompile: limitHeapFor,
  }).then(
    (code) => proc.finish(code, guarded),
    (err: unknown) => {
      process.stderr.write(`codegen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      proc.finish(1, true);
    },
  );
}

/** Standard input to the end, as bytes (`-`), or until more than `limit` bytes have come. */
async function readStdin(limit = MAX_SPEC_BYTES): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    // Past the limit the rest is not needed: the caller reports INPUT_TOO_LARGE / IMPORT_TOO_LARGE.
    if (total > limit) break;
  }
  return Buffer.concat(chunks);
}
