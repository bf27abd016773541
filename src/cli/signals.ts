/**
 * The process around one CLI run (the `codegen` bin only; in-process callers get none of this):
 *
 * - SIGINT, SIGTERM, SIGHUP: the run's staged files are removed (the output folder is as it was),
 *   a line says so, and the signal is raised again, so the exit status is the usual one (130, 143,
 *   129). A run is all synchronous work between short yields (`yieldToSignals`, between services),
 *   and the commit itself has none, so a signal is handled between two services or after the
 *   commit — never in the middle of a rename.
 * - exit while the run is unfinished (plugin or config code called the real `process.exit`, or
 *   left the process with nothing to wait for, such as an import that never settles): the staged
 *   files are removed and the exit status becomes 1, so a run never ends as a silent success.
 * - an error nothing caught: one line, no stack trace, exit 1.
 * - the end: the process ends as soon as the report is out, so a timer plugin or config code left
 *   behind can neither keep it alive nor change its status, and Node does not spend the end of a
 *   short run freeing its heap.
 */
import { abortLiveWriters } from '../project/write.js';
import { exitProcess, pluginCodeLoaded, pluginGuardActive } from '../project/plugin-guard.js';

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;

let installed = false;
let running = false;
let lastYield = 0;

/**
 * Between two services: when 50 ms passed since the last turn, let the event loop run, so a signal
 * is handled within about that much of a long run. Nothing to do in-process.
 */
export async function yieldToSignals(): Promise<void> {
  if (!installed) return;
  const now = Number(process.hrtime.bigint() / 1_000_000n);
  if (now - lastYield < 50) return;
  lastYield = now;
  await new Promise((r) => setImmediate(r));
}

const oneLine = (err: unknown): string => (err instanceof Error ? err.message.split('\n')[0]! : String(err));

/**
 * Install the handlers for a run of the bin; `write` prints to stderr. Returns `finish(code,
 * printed)`, to call with the run's exit code when it is over (`printed`: whether anything was
 * written to stdout or stderr, whose streams a quiet run never creates).
 */
export function installProcessHandlers(write: (s: string) => void): { finish(code: number, printed: boolean): void; exit(code: number): never } {
  installed = true;
  running = true;
  lastYield = Number(process.hrtime.bigint() / 1_000_000n);
  const say = (s: string): void => {
    try {
      write(s);
    } catch {
      // stderr is gone: nothing to tell
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (running) {
      const staged = abortLiveWriters();
      say(`codegen: interrupted by ${signal}; ${staged ? 'the files staged so far were removed and the output folder is as it was' : 'nothing was written'}.\n`);
    }
    for (const s of Object.keys(SIGNALS)) process.off(s, onSignal);
    process.kill(process.pid, signal); // the default action: the exit status says which signal
    exitProcess(128 + SIGNALS[signal as keyof typeof SIGNALS]);
  };
  for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
  process.on('exit', (code) => {
    if (!running) return;
    running = false;
    const staged = abortLiveWriters();
    say(`codegen: the run ended before it finished (plugin or config code called process.exit(), or left nothing to wait for); ${staged ? 'the files staged so far were removed; ' : ''}nothing was written.\n`);
    if (code === 0) process.exitCode = 1;
  });
  const onUncaught = (err: unknown): void => {
    if (pluginGuardActive()) return; // the run's guard reports it as a diagnostic
    if (running) {
      abortLiveWriters();
      say(`codegen: internal error: ${oneLine(err)}\n`);
    } else if (pluginCodeLoaded()) {
      say(`codegen: plugin or config code failed after the run had finished (what the report above says was written, was): ${oneLine(err)}\n`);
    } else say(`codegen: internal error: ${oneLine(err)}\n`);
    running = false;
    exitProcess(1);
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  const exit = (code: number): never => {
    running = false;
    return exitProcess(code);
  };
  return {
    exit,
    finish(code, printed) {
      running = false;
      process.exitCode = code;
      if (pluginCodeLoaded()) {
        // Plugin code may have left timers: ignore any later process.exit() of theirs.
        process.exit = (() => undefined) as unknown as typeof process.exit;
        (process as unknown as { reallyExit: () => void }).reallyExit = () => undefined;
      }
      // End now, once what was printed is out: the run is over, and a natural end would first
      // free the whole heap object by object (Node's teardown, a few ms of a one-service run).
      if (!printed) exitProcess(code);
      process.stdout.write('', () => process.stderr.write('', () => exitProcess(code)));
    },
  };
}
