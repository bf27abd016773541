/**
 * readAtMost reads an input the user names (a spec, an import source): a regular file, a pipe or a
 * device, up to a limit. What it returns is the input's first `limit` bytes; what it allocates is
 * about the input's size (it once took two 1 MiB buffers for every 3 kB spec). readRegularFile
 * reads a file codegen found by itself, whole, and refuses anything but a regular file; the two
 * share one read loop.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { NotRegularFileError, readAtMost, readRegularFile } from '../../src/core/read-file.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'codegen-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Bytes 0, 1, 2, ... (mod 251): a content where a shifted or repeated chunk shows. */
function bytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = i % 251;
  return b;
}

function file(name: string, content: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readAtMost', () => {
  it('returns a regular file whole when it is shorter than the limit, and its first `limit` bytes otherwise', () => {
    for (const size of [0, 1, 3000, 65536, 65537, 300_000]) {
      const content = bytes(size);
      const path = file(`f-${size}`, content);
      expect(readAtMost(path, 1_000_000).equals(content), `size ${size}`).toBe(true);
      expect(readAtMost(path, size + 1).equals(content), `size ${size}, limit size + 1`).toBe(true);
      if (size > 0) expect(readAtMost(path, size - 1).equals(content.subarray(0, size - 1)), `size ${size}, limit size - 1`).toBe(true);
      expect(readAtMost(path, size).equals(content), `size ${size}, limit size`).toBe(true);
    }
  });

  it('allocates about the size of a small regular file, not a fixed chunk', () => {
    const path = file('spec.yaml', bytes(3000));
    const spy = vi.spyOn(Buffer, 'allocUnsafe');
    const got = readAtMost(path, 1024 * 1024 + 1);
    const allocated = spy.mock.calls.reduce((sum, [n]) => sum + Number(n), 0);
    expect(got.length).toBe(3000);
    expect(allocated).toBeGreaterThan(0);
    expect(allocated).toBeLessThanOrEqual(3001);
  });

  it('reads a file whose size says 0 to its end (a virtual file)', () => {
    // /proc/self/status reports size 0 and has content; where there is no /proc the case is moot.
    if (!existsSync('/proc/self/status')) return;
    const text = readAtMost('/proc/self/status', 1_000_000).toString('utf8');
    expect(text).toMatch(/^Name:/);
    expect(text).toMatch(/\nPid:\s+\d+/);
  });

  it('reads a pipe, which has no size, past one 64 KiB read and up to the limit', async () => {
    if (process.platform === 'win32') return;
    const content = bytes(200_000);
    const source = file('pipe-source', content);
    for (const limit of [1_000_000, 150_000]) {
      const fifo = join(dir, `fifo-${limit}`);
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      // A writer in another process: opening a FIFO for reading waits for it.
      const writer = spawn('sh', ['-c', `cat "${source}" > "${fifo}"`], { stdio: 'ignore' });
      const spy = vi.spyOn(Buffer, 'allocUnsafe');
      const got = readAtMost(fifo, limit);
      // The buffer doubles from 64 KiB: 64 + 128 + 256 KiB for 200 kB, never a buffer per read.
      expect(spy.mock.calls.reduce((sum, [n]) => sum + Number(n), 0), `limit ${limit}`).toBeLessThanOrEqual(3 * content.length);
      spy.mockRestore();
      writer.kill();
      await new Promise((done) => writer.once('close', done));
      expect(got.equals(content.subarray(0, Math.min(limit, content.length))), `limit ${limit}`).toBe(true);
    }
  });
});

describe('readRegularFile', () => {
  it('returns the whole text of a regular file, of any size', () => {
    for (const size of [0, 1, 4096, 4097, 300_000]) {
      const text = 'x'.repeat(size);
      expect(readRegularFile(file(`r-${size}.txt`, Buffer.from(text))), `size ${size}`).toBe(text);
    }
    expect(readRegularFile(file('utf8.txt', Buffer.from('grüße\n')))).toBe('grüße\n');
  });

  it('reads a file whose size says 0 to its end, past the first 4 kB', () => {
    if (!existsSync('/proc/self/maps')) return;
    const text = readRegularFile('/proc/self/maps');
    expect(text.length).toBeGreaterThan(4096); // a Node process maps far more than 4 kB worth of lines
    expect(text.endsWith('\n')).toBe(true);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    if (process.platform === 'win32') return;
    const fifo = join(dir, 'fifo-refused');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readRegularFile(fifo)).toThrow(NotRegularFileError);
  });
});
