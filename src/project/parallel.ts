/**
 * Compiling many specs on every core (`--concurrency <n|auto|off>`, after ESLint's flag): worker
 * threads compile, the main thread reads the specs, takes the results in the specs' order and does
 * all the writing. Output and diagnostics are those of a run in one thread: each spec is compiled
 * by the same function (`compileSpec`) from the same bytes, and results are used in input order.
 *
 * - `auto` (the default): one worker per two processors (os.availableParallelism() / 2), and only
 *   one per AUTO_SPECS_PER_WORKER specs, so no worker starts below that many specs; and at least two
 *   workers or none: one worker only moves compiling off the main thread, which on two processors
 *   (where the main thread and V8's compiler thread use both already) gained nothing and cost a
 *   second heap (docs/benchmarks.md);
 * - a number: that many workers (never more than there are specs); `off`: none.
 * - Plugins and templates (code and files from the config) keep the run in one thread: their
 *   emitters and rules are functions that cannot be sent to a worker, and loading them once per
 *   thread would run a plugin's module code several times. `--cache` does too (the specs it holds
 *   are not compiled at all, and workers would compile them), and `--stdout` (it streams the
 *   artifacts' object trees, which workers do not send back). With a number, an info diagnostic
 *   says why it was not used. A spec read from standard input (`-`) is compiled by the main thread.
 * - A worker that fails (it cannot start, it dies, compile() throws in it) costs only its speed:
 *   its specs are compiled again in the main thread, which then behaves as a run in one thread.
 * Workers run the CLI bin itself (dist/cli.cjs, with its start-up cache) with WORKER_FLAG; where
 * there is no bin next to the running code (the library, or the sources under test), no worker starts.
 */
import { existsSync } from 'node:fs';
import { readAtMost } from '../core/read-file.js';
import { MAX_SPEC_BYTES } from '../core/source.js';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { compile, type CompileOptions, type CompileResult } from '../compile/compile.js';
import { compileEnvironments } from '../compile/environments.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { compilePlatform, isPlatformSpec } from '../platform/compile.js';

/** node:worker_threads, loaded only when workers are wanted (Node >= 20.16 has getBuiltinModule). */
function workerThreads(): typeof import('node:worker_threads') {
  return process.getBuiltinModule('node:worker_threads');
}

/** The argument that makes the bin serve compile jobs instead of running a command (in a worker only). */
export const WORKER_FLAG = '--codegen-compile-worker';
/** `auto` starts one worker per this many specs at most (ESLint: 50 files per worker). */
export const AUTO_SPECS_PER_WORKER = 50;

/** What a run needs of a compile; `artifacts` only from this thread (a worker sends `artifactCount`, not the object trees). */
export type SpecResult = Pick<CompileResult, 'service' | 'files' | 'diagnostics' | 'suppressed' | 'artifacts'> & { artifactCount: number };

/** compile()'s options, and `allEnvironments`: the base and every environment at once (`--all-envs`). */
export type SpecOptions = CompileOptions & { allEnvironments?: boolean };

/** Compile one spec (a service or a `kind: Platform` spec): the one path for the main thread and the workers. */
export function compileSpec(text: Uint8Array, display: string, options: SpecOptions): SpecResult {
  if (isPlatformSpec(text)) {
    const r = compilePlatform(text, { file: display, verify: options.verify !== false });
    return { ...(r.platform !== undefined ? { service: r.platform } : {}), files: r.files, artifacts: r.artifacts, artifactCount: r.artifacts.length, diagnostics: r.diagnostics, suppressed: [] };
  }
  const { allEnvironments, ...compileOptions } = options;
  const r = allEnvironments ? compileEnvironments(text, { ...compileOptions, file: display }) : compile(text, { ...compileOptions, file: display });
  return { ...(r.service !== undefined ? { service: r.service } : {}), files: r.files, artifacts: r.artifacts, artifactCount: r.artifacts.length, diagnostics: r.diagnostics, suppressed: r.suppressed };
}

/** `--concurrency` as given: a number of workers, 'auto', or 'off'; undefined when it is none of these. */
export function parseConcurrency(text: string | undefined): number | 'auto' | 'off' | undefined {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'off') return 'off';
  return /^[1-9][0-9]{0,3}$/.test(text) ? Number(text) : undefined;
}

/** Options a worker can take (plain data: no plugin or template emitters, no plugin rules). */
type WorkerOptions = Pick<SpecOptions, 'env' | 'targets' | 'verify' | 'ruleConfig' | 'acknowledgedDeprecations' | 'patchFiles' | 'set' | 'allEnvironments'>;

interface Job {
  id: number;
  text: Uint8Array;
  display: string;
}
type Reply = { id: number; result: Omit<SpecResult, 'artifacts'> } | { id: number; error: string };

interface Slot {
  text: Uint8Array;
  display: string;
  /** The worker's result, or undefined when the main thread must compile the spec itself. */
  result: Promise<SpecResult | undefined>;
}

interface WorkerLike {
  postMessage(job: Job): void;
  on(event: 'message', f: (r: Reply) => void): void;
  on(event: 'error' | 'exit', f: (x: unknown) => void): void;
  terminate(): Promise<number>;
  unref(): void;
}

/**
 * Worker threads with the specs handed out in order. `take(i)` returns spec i's bytes and a
 * promise of its result (reading and submitting a few specs ahead), or undefined when spec i
 * could not be read here (the caller reads it, and reports the problem as a run in one thread would).
 */
export class CompilePool {
  private readonly slots = new Map<number, Slot>();
  private readonly waiting: Map<number, (r: SpecResult | undefined) => void> = new Map();
  private readonly queue: Job[] = [];
  private readonly idle: WorkerLike[] = [];
  private readonly busy = new Map<WorkerLike, Set<number>>();
  private next = 0;

  private constructor(
    private readonly specs: readonly string[],
    private readonly cwd: string,
    private readonly ahead: number,
  ) {}

  /** Start `count` workers running `entry` (the bin); undefined when none could start. */
  static async start(entry: string, count: number, specs: readonly string[], cwd: string, options: WorkerOptions): Promise<CompilePool | undefined> {
    const { Worker } = workerThreads();
    const pool = new CompilePool(specs, cwd, count * 4);
    for (let i = 0; i < count; i++) {
      let w: WorkerLike;
      try {
        w = new Worker(entry, { argv: [WORKER_FLAG], workerData: { options }, stdout: true, stderr: true }) as unknown as WorkerLike;
      } catch {
        continue;
      }
      w.unref();
      pool.busy.set(w, new Set());
      pool.idle.push(w, w); // two jobs in flight per worker: it never waits for the next one
      w.on('message', (reply: Reply) => pool.done(w, reply));
      w.on('error', () => pool.lost(w));
      w.on('exit', () => pool.lost(w));
    }
    return pool.busy.size ? pool : undefined;
  }

  take(i: number): Slot | undefined {
    while (this.next < this.specs.length && this.next <= i + this.ahead) this.submit(this.next++);
    const slot = this.slots.get(i);
    this.slots.delete(i);
    return slot;
  }

  async close(): Promise<void> {
    for (const resolveWith of this.waiting.values()) resolveWith(undefined);
    this.waiting.clear();
    await Promise.all([...this.busy.keys()].map((w) => w.terminate().catch(() => 0)));
    this.busy.clear();
  }

  private submit(id: number): void {
    if (this.specs[id] === '-') return; // standard input: read by the caller
    let text: Uint8Array;
    try {
      text = readAtMost(resolve(this.cwd, this.specs[id]!), MAX_SPEC_BYTES + 1);
    } catch {
      return; // read (and reported) by the caller, in order
    }
    const spec = this.specs[id]!;
    const display = relative(this.cwd, resolve(this.cwd, spec)) || spec; // as the run names it
    const result = new Promise<SpecResult | undefined>((res) => this.waiting.set(id, res));
    this.slots.set(id, { text, display, result });
    this.queue.push({ id, text, display });
    this.pump();
  }

  private pump(): void {
    while (this.queue.length && this.idle.length) {
      const w = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.busy.get(w)?.add(job.id);
      w.postMessage(job);
    }
  }

  private done(w: WorkerLike, reply: Reply): void {
    this.busy.get(w)?.delete(reply.id);
    this.idle.push(w);
    const resolveWith = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if ('error' in reply) resolveWith?.(undefined);
    else resolveWith?.({ ...reply.result, artifacts: [] });
    this.pump();
  }

  /** A worker that errored or exited: its jobs go back to the main thread. */
  private lost(w: WorkerLike): void {
    const jobs = this.busy.get(w);
    if (!jobs) return;
    this.busy.delete(w);
    for (let k = this.idle.indexOf(w); k !== -1; k = this.idle.indexOf(w)) this.idle.splice(k, 1);
    for (const id of jobs) {
      this.waiting.get(id)?.(undefined);
      this.waiting.delete(id);
    }
    if (this.busy.size === 0) {
      for (const job of this.queue.splice(0)) {
        this.waiting.get(job.id)?.(undefined);
        this.waiting.delete(job.id);
      }
    }
  }
}


/**
 * The pool for a run, or undefined to compile in this thread. `entryDir` is the folder of the
 * running bundle (the bin `cli.cjs` sits there in a built package).
 */
export async function openPool(
  setting: number | 'auto' | 'off',
  specs: readonly string[],
  cwd: string,
  options: SpecOptions,
  /** Why the run must compile in one thread (--cache, --stdout), if it must. */
  oneThread: string | undefined,
  diagnostics: Diagnostic[],
  entryDir: string | undefined = typeof __dirname === 'string' ? __dirname : undefined,
): Promise<CompilePool | undefined> {
  if (setting === 'off') return undefined;
  const count = setting === 'auto' ? Math.min(availableParallelism() >> 1, Math.floor(specs.length / AUTO_SPECS_PER_WORKER)) : Math.min(setting, specs.length);
  if (count < (setting === 'auto' ? 2 : 1)) return undefined;
  const why = options.emitters?.length || options.rules?.length ? 'the config loads plugins or templates' : oneThread;
  if (why) {
    if (setting !== 'auto') diagnostics.push({ code: 'CONCURRENCY_NOT_USED', severity: 'info', message: `--concurrency ${setting} is not used: ${why}, so the specs compile in one thread.`, source: 'cli', path: [] });
    return undefined;
  }
  const entry = entryDir === undefined ? undefined : join(entryDir, 'cli.cjs');
  if (entry === undefined || !existsSync(entry)) return undefined;
  const { env, targets, verify, ruleConfig, acknowledgedDeprecations, patchFiles, set, allEnvironments } = options;
  // Sent by structured clone: a value it cannot copy (a function in a JavaScript config's rule
  // options) makes every worker fail to start, and the run compiles in one thread.
  const plain: WorkerOptions = { env, targets, verify, ruleConfig, acknowledgedDeprecations, patchFiles, set, allEnvironments };
  return CompilePool.start(entry, count, specs, cwd, plain);
}

/** The worker side: compile each job posted by the pool and post the result back (run by the bin with WORKER_FLAG). */
export async function serveCompileJobs(): Promise<boolean> {
  const { isMainThread, parentPort, workerData } = workerThreads();
  if (isMainThread || !parentPort) return false;
  const options = (workerData as { options: WorkerOptions }).options;
  parentPort.on('message', (job: Job) => {
    let reply: Reply;
    try {
      const r = compileSpec(job.text, job.display, options);
      reply = { id: job.id, result: { ...(r.service !== undefined ? { service: r.service } : {}), files: r.files, diagnostics: r.diagnostics, suppressed: r.suppressed, artifactCount: r.artifactCount } };
    } catch (err) {
      reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort.postMessage(reply);
  });
  return true;
}
