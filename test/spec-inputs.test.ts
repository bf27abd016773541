/**
 * src/project/inputs.ts: a folder given as a spec argument is sniffed file by file for a codegen
 * apiVersion. What it finds is checked end to end in test/workflow/pipes.test.ts; here, what the
 * sniffing costs: one buffer for the whole call, however many files the folders hold (a buffer
 * per file made a folder of 1,000 specs allocate 64 MB and raised the CLI's peak memory).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expandSpecArgs, SNIFF_BYTES } from '../src/project/inputs.js';

const SPEC = 'apiVersion: codegen/v1\nkind: Service\nname: x\n';

function folder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-inputs-'));
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, i % 2 ? 'a' : 'a/b', `s${i}.yaml`), SPEC.replace('x', `s${i}`));
  writeFileSync(join(dir, 'a/other.yaml'), 'kind: ConfigMap\n');
  // A spec whose apiVersion comes after the first SNIFF_BYTES is not seen as one.
  writeFileSync(join(dir, 'a/late.yaml'), `${'#'.repeat(SNIFF_BYTES)}\n${SPEC}`);
  return dir;
}

/** Sizes of the buffers made through Buffer's factories while `run` runs. */
async function buffersMadeBy(run: () => Promise<unknown>): Promise<number[]> {
  const sizes: number[] = [];
  for (const name of ['alloc', 'allocUnsafe', 'allocUnsafeSlow'] as const) {
    const original = Buffer[name].bind(Buffer);
    vi.spyOn(Buffer, name).mockImplementation(((size: number, ...rest: unknown[]) => {
      sizes.push(size);
      return (original as (...a: unknown[]) => Buffer)(size, ...rest);
    }) as never);
  }
  await run();
  return sizes;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('expandSpecArgs over folders', () => {
  it('reads every file of two folders through one sniffing buffer', async () => {
    const one = folder(40);
    const two = folder(10);
    let result: Awaited<ReturnType<typeof expandSpecArgs>> | undefined;
    const sizes = await buffersMadeBy(async () => {
      result = await expandSpecArgs([one, two], '/');
    });
    expect(result!.specs).toHaveLength(50);
    expect(result!.skipped).toHaveLength(4); // other.yaml and late.yaml, in each folder
    expect(sizes.filter((s) => s >= SNIFF_BYTES)).toEqual([SNIFF_BYTES]);
  });

  it('makes no buffer for arguments that are files', async () => {
    const dir = folder(3);
    const sizes = await buffersMadeBy(() => expandSpecArgs([join(dir, 'a/b/s0.yaml'), join(dir, 'a/s1.yaml')], dir));
    expect(sizes.filter((s) => s >= SNIFF_BYTES)).toEqual([]);
  });
});
