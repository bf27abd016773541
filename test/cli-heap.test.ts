/**
 * The bin limits V8's heap for a run of many specs (src/cli/heap.ts): the young generation stops
 * at two 4 MiB semi-spaces, the flags go back to V8's defaults before the code cache is written,
 * and nothing of the output changes. Needs the build (`npm run build`), like test/cli-cache.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LARGE_RUN, limitHeapFor } from '../src/cli/heap.js';
import { readTree, ROOT } from './helpers/fixtures.js';

const BIN = join(ROOT, 'dist/cli.cjs');
const MIB = 1024 * 1024;

interface Run {
  status: number | null;
  stderr: string;
  /** new_space's size at exit, in bytes (both semi-spaces), from the probe preloaded with -r. */
  young: number;
  /** Full (mark-compact) collections of the run, from the same probe. */
  major: number;
  files: Record<string, string>;
}

let work: string;
let specs: string[];
let probe: string;

/** `node [flags] -r probe dist/cli.cjs generate <LARGE_RUN specs> --out <new folder>`, with the cache folder `cache`. */
function generate(flags: string[], cache: string): Run {
  const out = mkdtempSync(join(work, 'out-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_COMPILE_CACHE: cache };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [...flags, '-r', probe, BIN, 'generate', ...specs, '--out', out, '-q'], { cwd: work, encoding: 'utf8', env, maxBuffer: 64 * MIB });
  const files = readTree(out);
  const young = /YOUNG=(\d+)/.exec(r.stderr);
  const major = /MAJOR=(\d+)/.exec(r.stderr);
  return { status: r.status, stderr: r.stderr.replace(/YOUNG=\d+ MAJOR=\d+\n/, ''), young: young ? Number(young[1]) : NaN, major: major ? Number(major[1]) : NaN, files };
}

/** The loader's cache file in `cache` (one key, so one file), with what identifies its writing. */
function cacheFile(cache: string): { name: string; ino: number; mtimeMs: number } {
  const dir = join(cache, 'codegen');
  const names = readdirSync(dir).filter((f) => f.endsWith('.cache'));
  expect(names).toHaveLength(1);
  const st = statSync(join(dir, names[0]!));
  return { name: names[0]!, ino: st.ino, mtimeMs: st.mtimeMs };
}

describe('the heap of a large CLI run', () => {
  beforeAll(() => {
    if (!existsSync(BIN)) throw new Error('dist/cli.cjs is missing: run `npm run build` before these tests.');
    work = mkdtempSync(join(tmpdir(), 'codegen-heap-'));
    probe = join(work, 'probe.cjs');
    writeFileSync(
      probe,
      [
        "const { PerformanceObserver, constants } = require('perf_hooks');",
        'let major = 0;',
        'const count = (list) => { for (const e of list) if (e.detail && e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++; };',
        "const gc = new PerformanceObserver((list) => count(list.getEntries()));",
        "gc.observe({ entryTypes: ['gc'] });",
        "process.on('exit', () => { count(gc.takeRecords()); const y = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); require('fs').writeSync(2, 'YOUNG=' + y.space_size + ' MAJOR=' + major + '\\n'); });",
        '',
      ].join('\n'),
    );
    const seed = readFileSync(join(ROOT, 'fixtures/seed/service.yaml'), 'utf8');
    mkdirSync(join(work, 'specs'));
    specs = Array.from({ length: LARGE_RUN }, (_, i) => {
      const file = join(work, 'specs', `svc-${String(i).padStart(3, '0')}.yaml`);
      writeFileSync(file, seed.replaceAll('my-app', `svc-${i}`).replace(/name: api$/m, `name: api-${i}`));
      return file;
    });
  });

  it('stops the young generation at two 4 MiB semi-spaces, writes the same files, and leaves a heap flag of the user alone', () => {
    const limited = generate([], mkdtempSync(join(work, 'cache-')));
    expect(limited.status).toBe(0);
    expect(limited.stderr).toBe('');
    expect(Object.keys(limited.files).length).toBeGreaterThan(9 * LARGE_RUN);
    expect(limited.young).toBeLessThanOrEqual(8 * MIB);
    // The old generation may double before the next full collection: a few of them in this run
    // (2-3 here), where growing it by 20% took 14-18 and 1.5x the CPU time at 1,000 services.
    expect(Number.isInteger(limited.major)).toBe(true);
    expect(limited.major).toBeLessThanOrEqual(6);
    // The user's own flag (here V8's default growth factor, given explicitly): V8 decides alone,
    // and the young generation of the same run grows past the limit.
    const own = generate(['--semi-space-growth-factor=2'], mkdtempSync(join(work, 'cache-')));
    expect(own.status).toBe(0);
    expect(own.young).toBeGreaterThan(8 * MIB);
    expect(own.files).toEqual(limited.files);
  });

  it('the code cache written at the end of a large run is accepted by the next run (the flags were set back)', () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    expect(generate([], cache).status).toBe(0);
    const first = cacheFile(cache);
    // A cache V8 rejected would be written again (a new file renamed over the old one).
    expect(generate([], cache).status).toBe(0);
    expect(cacheFile(cache)).toEqual(first);
  });

  it('limits nothing for a small run, or when the process was given a heap flag', () => {
    expect(limitHeapFor(LARGE_RUN - 1, [])).toBe(false);
    expect(limitHeapFor(LARGE_RUN, ['--max-semi-space-size=8'])).toBe(false);
    expect(limitHeapFor(LARGE_RUN, ['--heap_growing_percent=50'])).toBe(false);
    expect(limitHeapFor(LARGE_RUN, ['--max-old-space-size=64 --semi-space-growth-factor=3'])).toBe(false);
  });
});
