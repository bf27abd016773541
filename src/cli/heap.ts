/**
 * V8 heap limits for a CLI run that compiles many specs, so its peak memory stays flat (peak RSS
 * at 1,000 services, docs/benchmarks.md).
 *
 * Left alone, V8 doubles the young generation whenever enough objects have survived scavenges
 * since it last grew, which every long run reaches, up to two 16 MiB semi-spaces (two 32 MiB on
 * Node 24); and it lets the old generation fill with garbage to a multiple of what was live after
 * the last full collection before the next one starts. A run of many specs keeps little alive
 * from one spec to the next, so neither buys it much. For such a run (see LARGE_RUN), two V8 flags
 * are set while the process runs — both are read by V8 whenever it applies them, so they work when
 * set late, on Node 20, 22 and 24 (`--max-semi-space-size`, read only at start-up, does not):
 *
 * - `--semi-space-growth-factor=1`, once the young generation has reached two 4 MiB semi-spaces
 *   (checked between specs, where the run yields to the event loop): it grows no further. Smaller
 *   semi-spaces cost CPU time (2 MiB: six times the scavenges of an unlimited run, +13% CPU at
 *   1,000 services) for no lower peak;
 * - `--heap-growing-percent=100` (HEAP_GROWING_PERCENT): the next full collection starts when the
 *   old generation has doubled what the last one left alive (instead of V8's own factor, up to 4×).
 *   A smaller step costs far more than it saves: at 20%, 1,000 services ran 89 full collections
 *   against 6 at 100%, for 1.4× the wall time and 1.5× the CPU time and 5 MiB less peak RSS
 *   (docs/benchmarks-rounds.md, "The heap of a large run, again").
 *
 * Nothing is changed when the user gave either flag (or `--max-semi-space-size`) in the process's
 * own arguments or NODE_OPTIONS. Both flags are set back to V8's defaults at exit, before the bin
 * writes its code cache: V8 stamps a code cache with a hash of the flags that differ from their
 * defaults and rejects it in a process whose flags hash otherwise (src/cli/bundle-loader.ts), so
 * a cache written at the end of a large run would be rejected by every later run.
 */

/** Specs in a run from which its heap is limited: below it, the young generation has not finished growing. */
export const LARGE_RUN = 200;

/** How far the old generation may grow past what the last full collection left alive, in percent. */
const HEAP_GROWING_PERCENT = 100;

/** The young generation's size (both semi-spaces) at which it stops growing. */
const YOUNG_BYTES = 8 * 1024 * 1024;

let limited = false;

/**
 * Limit the heap of this process for a run of `specCount` specs, when it is large enough and the
 * user set no heap flag of their own. Returns whether it did. Meant for the bin's process only
 * (`Io.beforeCompile`), never for a process that merely imports codegen.
 */
export function limitHeapFor(specCount: number, flags: readonly string[] = [...process.execArgv, process.env.NODE_OPTIONS ?? '']): boolean {
  if (limited || specCount < LARGE_RUN) return false;
  if (flags.some((f) => /semi[-_]space|heap[-_]growing/.test(f))) return false;
  // Loaded only here (it brings Node's stream modules with it): most runs never need it.
  const v8 = typeof process.getBuiltinModule === 'function' ? process.getBuiltinModule('node:v8') : undefined;
  if (v8 === undefined) return false;
  limited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let frozen = false;
  const freeze = (): boolean => {
    // Index 1 is new_space on Node 20, 22 and 24; looked up by name all the same.
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (young === undefined || young.space_size < YOUNG_BYTES) return false;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    return (frozen = true);
  };
  if (!freeze()) {
    const timer = setInterval(() => freeze() && clearInterval(timer), 20);
    timer.unref();
  }
  // First in line at exit: the bin's code cache is written by a later 'exit' listener, and V8
  // stamps it with a hash of the flags that differ from their defaults (the same on Node 20-24).
  process.prependListener('exit', () => {
    v8.setFlagsFromString('--heap-growing-percent=0');
    if (frozen) v8.setFlagsFromString('--semi-space-growth-factor=2');
  });
  return true;
}
