/**
 * `generate --cache`: a spec that did not change, whose files are intact, is not compiled again —
 * its recorded diagnostics are replayed — and anything else (a changed spec, option or output
 * file, a damaged cache) goes through the compiler exactly as without the cache.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SPEC, runCli, specWorkspace } from './helpers/cli.js';

const LATEST = DEMO_SPEC.replace('nginx:1.27.3', 'nginx:latest'); // one warning: no-mutable-image-tag

function json(r: { stdout: string }): { diagnostics: Array<{ code: string; message: string }>; written: { written: string[]; unchanged: string[] } } {
  return JSON.parse(r.stdout);
}

/** Mark every recorded diagnostic in the cache file, so a replay is told apart from a compile. */
function markCache(dir: string, file = '.codegen-cache'): void {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const e of Object.values(data.entries) as Array<{ diagnostics: Array<{ message: string }> }>) for (const d of e.diagnostics) d.message = `(replayed) ${d.message}`;
  writeFileSync(join(dir, file), JSON.stringify(data));
}

describe('generate --cache', () => {
  it('replays an unchanged spec with intact files, and writes nothing', async () => {
    const dir = specWorkspace(LATEST);
    const first = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--format', 'json'], dir);
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, '.codegen-cache'))).toBe(true);
    markCache(dir);
    const second = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--format', 'json'], dir);
    expect(second.code).toBe(0);
    expect(json(second).diagnostics.map((d) => d.message)).toEqual(json(first).diagnostics.map((d) => `(replayed) ${d.message}`));
    expect(json(second).written.written).toEqual([]);
    expect(json(second).written.unchanged.sort()).toEqual([...json(first).written.written].sort());
    // --check with the cache: up to date, from the record.
    const check = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--check'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('(replayed)');
  });

  it('compiles again when the spec, an option or an output file changed', async () => {
    const dir = specWorkspace(LATEST);
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    markCache(dir);
    // An option the output depends on.
    const other = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '-t', 'ecs'], dir);
    expect(other.stderr).not.toContain('(replayed)');
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    markCache(dir);
    // An output file edited by hand: --check names it, generate puts it back.
    const task = join(dir, 'out/demo/ecs/task-definition.json');
    const good = readFileSync(task, 'utf8');
    writeFileSync(task, good.replace('"demo"', '"edited"'));
    const stale = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('OUTPUT_STALE');
    expect(stale.stderr).not.toContain('(replayed)');
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    expect(readFileSync(task, 'utf8')).toBe(good);
    // A deleted output file.
    markCache(dir);
    rmSync(task);
    const missing = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--check'], dir);
    expect(missing.stderr).toContain('OUTPUT_MISSING');
    // The spec itself.
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    markCache(dir);
    writeFileSync(join(dir, 'service.yaml'), LATEST.replace('port: 8080', 'port: 9090'));
    const changed = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir);
    expect(changed.code).toBe(0);
    expect(changed.stderr).not.toContain('(replayed)');
    expect(readFileSync(task, 'utf8')).toContain('9090');
  });

  it('replays errors too, and then writes nothing', async () => {
    const dir = specWorkspace(DEMO_SPEC.replace('port: 8080', 'port: 0'));
    const first = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir);
    expect(first.code).toBe(1);
    const second = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(first.stderr);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('ignores a damaged cache file, and keeps its record where --cache-location says', async () => {
    const dir = specWorkspace(LATEST);
    writeFileSync(join(dir, 'c.json'), '{ not json');
    const r = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--cache-location', 'c.json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).format).toBe(1);
    expect(existsSync(join(dir, '.codegen-cache'))).toBe(false);
  });

  it('keys on verification (--no-verify keeps its own record), and belongs to generate', async () => {
    const dir = specWorkspace(LATEST);
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    markCache(dir);
    const verified = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--verbose'], dir);
    expect(verified.code).toBe(0);
    expect(verified.stderr).toContain('(replayed)');
    expect(verified.stderr).not.toContain('CACHE_NOT_USED');
    // The same spec without verification is another run: compiled again, not replayed.
    const unverified = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--no-verify', '--verbose'], dir);
    expect(unverified.code).toBe(0);
    expect(unverified.stderr).not.toContain('(replayed)');
    expect((await runCli(['validate', 'service.yaml', '--cache'], dir)).code).toBe(2);
    expect((await runCli(['generate', 'service.yaml', '--cache-location', 'x'], dir)).code).toBe(2);
  });
});

describe('generate --cache and unreadable output', () => {
  it('a symlink in the output folder is reported as without the cache, not as an internal error', async () => {
    const { mkdtempSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = specWorkspace(LATEST);
    expect((await runCli(['generate', 'service.yaml', '-o', 'out', '--cache'], dir)).code).toBe(0);
    rmSync(join(dir, 'out/demo'), { recursive: true });
    symlinkSync(mkdtempSync(join(tmpdir(), 'codegen-elsewhere-')), join(dir, 'out/demo'));
    const r = await runCli(['generate', 'service.yaml', '-o', 'out', '--cache', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OUTPUT_SYMLINK');
    expect(r.stderr).not.toContain('internal error');
  });
});
