/**
 * Running the built CLI (dist/cli.cjs) as a child process, for what an in-process run cannot show:
 * signals, a kill at a random moment, plugin code failing in a timer, a read that would hang. Every
 * run has a time limit: a child still running then is killed and the result says so, so a hang
 * fails the test instead of stalling it. Needs the build (`npm run build`), like test/cli-cache.test.ts.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures.js';

export const CLI = join(ROOT, 'dist/cli.cjs');

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed because it ran past the time limit. */
  timedOut: boolean;
  /** Milliseconds from start to exit. */
  ms: number;
}

export interface ChildOptions {
  /** Send `signal` this many milliseconds after the start. */
  killAfter?: { ms: number; signal: NodeJS.Signals };
  /** Time limit (default 60 s). */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** `node dist/cli.cjs ARGS` in `cwd`. */
export function runChild(args: readonly string[], cwd: string, opts: ChildOptions = {}): Promise<ChildResult> {
  return new Promise((resolveResult) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = opts.killAfter ? setTimeout(() => child.kill(opts.killAfter!.signal), opts.killAfter.ms) : undefined;
    const limit = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      if (kill) clearTimeout(kill);
      resolveResult({ code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    });
  });
}

/** A small seeded generator (xorshift32): the same seed gives the same kill points. */
export function seeded(seed: number): () => number {
  // Spread the seed's bits first: xorshift's first outputs for small seeds are small too.
  let x = (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0x27d4eb2f) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
