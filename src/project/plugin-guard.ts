/**
 * Plugins and a JavaScript config are code that runs inside codegen's process. Their failures
 * inside a call codegen makes (import, `emit`, a rule's `check`) are caught where the call is made;
 * this guard covers the rest while a run is in progress:
 *
 * - an error thrown from a timer or a callback (`uncaughtException`),
 * - a rejected Promise nothing handled (`unhandledRejection`),
 * - `process.exit()` and `process.reallyExit()` (what `exit` calls underneath): replaced for the
 *   run by a function that records the call and throws, so the code that called it stops and the
 *   run goes on to report it.
 *
 * Each becomes an error diagnostic, so the run exits 1 and writes nothing. `settle()` gives code
 * scheduled "for now" (0 ms timers, immediates, pending rejections) its turn before the run decides
 * to write. What the guard cannot stop is documented in docs/extending.md: native code,
 * `process.abort()` or `process.kill(process.pid, ...)` end the process (by a signal: the status is
 * not 0, and the next run removes what was staged), and a timer that fires after the files were
 * written can only make the exit status 1.
 */
import type { Diagnostic, SpecPath } from '../core/diagnostics.js';

type ReallyExit = (code?: number) => never;
const proc = process as NodeJS.Process & { reallyExit: ReallyExit };
const originalExit = process.exit;
const originalReallyExit = proc.reallyExit;

/** End the process with `code`, whatever a plugin did to `process.exit`. */
export function exitProcess(code?: number): never {
  proc.reallyExit = originalReallyExit;
  return originalExit.call(process, code);
}

/** What the guard's `process.exit` throws: the calling code stops here. */
export class PluginExitError extends Error {
  /** Set once a diagnostic names this call, so it is not reported twice. */
  reported = false;
  constructor(readonly exitCode: number | string | null | undefined) {
    super(`called process.exit(${exitCode === undefined ? '' : JSON.stringify(exitCode)})`);
  }
}

let active: PluginGuard | undefined;
let everStarted = false;

/** True while a guard catches uncaught errors (the CLI's last-resort handler then stays out of the way). */
export function pluginGuardActive(): boolean {
  return active !== undefined;
}

/** True when plugin or config code was loaded in this process (its timers may still be pending). */
export function pluginCodeLoaded(): boolean {
  return everStarted;
}

const message = (err: unknown): string => (err instanceof Error ? err.message.split('\n')[0]! : String(err));

export class PluginGuard {
  private readonly failures: Diagnostic[] = [];
  private readonly exits: PluginExitError[] = [];
  private readonly modules: Array<{ name: string; path: SpecPath; where: string }> = [];
  private started = false;

  /** `file`: the config's display name (diagnostics name it); `locate` adds line and column. */
  constructor(
    private readonly file: string,
    private readonly locate: (d: Diagnostic[]) => void = () => undefined,
  ) {}

  /** Remember a module's file (path or URL) so a later failure whose stack runs through it names it. */
  register(name: string, path: SpecPath, where: string): void {
    this.modules.push({ name, path, where });
  }

  start(): void {
    if (this.started) return;
    if (active) throw new Error('PluginGuard: another guard is active');
    this.started = true;
    active = this;
    everStarted = true;
    const refuse = (code?: number | string | null): never => {
      const e = new PluginExitError(code);
      this.exits.push(e);
      throw e;
    };
    process.exit = refuse as typeof process.exit;
    proc.reallyExit = refuse;
    process.on('uncaughtException', this.onError);
    process.on('unhandledRejection', this.onRejection);
  }

  private readonly onError = (err: unknown): void => {
    if (err instanceof PluginExitError) return; // recorded when it was called
    this.record(err, 'PLUGIN_ASYNC_FAILED', 'threw an error outside any call codegen made (from a timer or a callback)');
  };

  private readonly onRejection = (reason: unknown): void => {
    if (reason instanceof PluginExitError) return;
    this.record(reason, 'PLUGIN_UNHANDLED_REJECTION', 'rejected a Promise that nothing handled');
  };

  private record(err: unknown, code: string, what: string): void {
    const stack = err instanceof Error && typeof err.stack === 'string' ? err.stack : '';
    const m = this.modules.find((x) => stack.includes(x.where));
    this.failures.push({
      code,
      severity: 'error',
      message: `${m ? `Plugin ${m.name}` : 'A plugin or the config'} ${what}: ${message(err)}`,
      source: 'plugin',
      ...(m ? { origin: m.name } : {}),
      path: m ? m.path : [],
      file: this.file,
    });
  }

  /** Let code scheduled "for now" run (0 ms timers, immediates, pending rejections); then `take()`. */
  async settle(): Promise<Diagnostic[]> {
    if (!this.started) return [];
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setImmediate(r));
    return this.take();
  }

  /** The failures recorded since the last call (each reported once). */
  take(): Diagnostic[] {
    const out = this.failures.splice(0);
    for (const e of this.exits.splice(0)) {
      if (e.reported) continue;
      e.reported = true;
      out.push({
        code: 'PLUGIN_EXIT',
        severity: 'error',
        message: `A plugin or the config ${e.message} during the run; the call was stopped, and the run fails instead of ending early with nothing written.`,
        source: 'plugin',
        path: [],
        file: this.file,
      });
    }
    this.locate(out);
    return out;
  }

  /** Restore `process.exit` and remove the listeners. */
  stop(): void {
    if (!this.started || active !== this) return;
    process.exit = originalExit;
    proc.reallyExit = originalReallyExit;
    process.off('uncaughtException', this.onError);
    process.off('unhandledRejection', this.onRejection);
    active = undefined;
  }
}

/** Stop the guard that is active, if any (a run that ended before its own cleanup). */
export function stopActiveGuard(): void {
  active?.stop();
}

/** Mark a caught error as reported when it is the guard's `process.exit` (the catcher reports it). */
export function markReported(err: unknown): void {
  if (err instanceof PluginExitError) err.reported = true;
}
