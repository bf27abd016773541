/**
 * How the CLI tells the bin's loader (bundle-loader.ts) what work a run did ("emit:kubernetes"),
 * so the start-up cache is written again when a run compiled code the cache does not hold. The
 * cache is written at the exit of the first run of a command and holds the functions that run
 * compiled: without this, a first `generate --target kubernetes` left every later run of the
 * other targets compiling their emitters and verifiers again, in every process.
 */
export const CODE_CACHE_NOTE = Symbol.for('codegen.codeCacheNote');

/** Records `tag` for the loader; nothing when the CLI runs without it (tests, a worker, the library). */
export function noteWork(tag: string): void {
  const note = (globalThis as Record<symbol, unknown>)[CODE_CACHE_NOTE];
  if (typeof note === 'function') (note as (t: string) => void)(tag);
}
