/**
 * `--concurrency`: specs compiled by worker threads give the run of one thread, byte for byte —
 * the same files, the same diagnostics in the same order, the same exit code — with valid specs,
 * specs with errors, a platform spec, a spec that cannot be read, and a config with plugins (which
 * keeps the run in one thread, saying so). The pool itself is checked to compile in its workers.
 * Runs the built bin (dist/cli.cjs): needs a build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec, openPool, type CompilePool, type SpecResult } from '../src/project/parallel.js';
import { FIXTURES, ROOT } from './helpers/fixtures.js';

const BIN = join(ROOT, 'dist/cli.cjs');
const seed = readFileSync(join(FIXTURES, 'seed/service.yaml'), 'utf8');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-concurrency-'));
  for (let i = 0; i < 12; i++) writeFileSync(join(dir, `svc-${String(i).padStart(2, '0')}.yaml`), seed.replaceAll('my-app', `svc-${i}`).replace(/name: api$/m, `name: api-${i}`));
  cpSync(join(FIXTURES, 'platform-ecs-service/platform.yaml'), join(dir, 'platform.yaml'));
  return dir;
}

/** Every file under `dir`, relative path → bytes (base64). */
function tree(dir: string, out: Record<string, string> = {}, base = dir): Record<string, string> {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tree(p, out, base);
    else out[relative(base, p)] = readFileSync(p).toString('base64');
  }
  return out;
}

function cli(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CODEGEN_NO_CODE_CACHE: '1' } });
  const mask = (s: string) => s.replace(/ in \d+ ms/g, ' in <t> ms').replace(/"milliseconds": ?\d+/g, '"milliseconds": 0');
  return { status: r.status, stdout: mask(r.stdout), stderr: mask(r.stderr) };
}

/** The same command with workers and in one thread: output streams, exit code and written files. */
function both(dir: string, args: (out: string) => string[]) {
  const one = cli(dir, args('out-off').concat('--concurrency', 'off'));
  const many = cli(dir, args('out-workers').concat('--concurrency', '3'));
  return { one, many, files: [tree(join(dir, 'out-off')), tree(join(dir, 'out-workers'))] as const };
}

const ready = existsSync(BIN);

describe.runIf(ready)('--concurrency', () => {
  it('writes the same files and prints the same report as one thread', () => {
    const dir = workspace();
    const specs = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    const r = both(dir, (out) => ['generate', ...specs, '--out', out, '--verbose']);
    expect(r.one.status).toBe(0);
    expect(r.many.stderr).toBe(r.one.stderr);
    expect(r.many.stdout).toBe(r.one.stdout);
    expect(r.many).toEqual(r.one);
    expect(Object.keys(r.files[0]).length).toBeGreaterThan(12 * 9);
    expect(r.files[1]).toEqual(r.files[0]);
    const json = both(dir, () => ['validate', ...specs, '--format', 'json']);
    expect(json.many).toEqual(json.one);
    expect(JSON.parse(json.one.stdout).diagnostics.length).toBeGreaterThan(12);
  });

  it('reports errors the same way and writes nothing', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'svc-05.yaml'), seed.replace('replicas: 2', 'replicas: many').replace('port: 8080', 'port: 99999'));
    writeFileSync(join(dir, 'svc-09.yaml'), 'name: [unclosed\n');
    const specs = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    const r = both(dir, (out) => ['generate', ...specs, '--out', out, '--format', 'json']);
    expect(r.one.status).toBe(1);
    expect(r.many).toEqual(r.one);
    expect(r.files[0]).toEqual({});
    expect(r.files[1]).toEqual({});
  });

  it('stops at a spec that cannot be read, as one thread does', () => {
    const dir = workspace();
    const r = both(dir, (out) => ['generate', 'svc-00.yaml', 'svc-01.yaml', 'missing.yaml', 'svc-02.yaml', '--out', out]);
    expect(r.one.status).toBe(2);
    expect(r.one.stderr).toContain('No such file: missing.yaml');
    expect(r.many).toEqual(r.one);
  });

  it('keeps a config with plugins in one thread and says so', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'plugin.mjs'), "export const rule = { id: 'local/none', meta: { docs: { description: 'x', recommended: false }, messages: {} }, check() {} };\n");
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ specs: ['svc-*.yaml'], plugins: ['./plugin.mjs'] }));
    const many = cli(dir, ['validate', '--concurrency', '2', '--format', 'json']);
    const one = cli(dir, ['validate', '--concurrency', 'off', '--format', 'json']);
    const codes = (r: { stdout: string }) => (JSON.parse(r.stdout).diagnostics as { code: string }[]).map((d) => d.code);
    expect(codes(many)).toContain('CONCURRENCY_NOT_USED');
    expect(codes(many).filter((c) => c !== 'CONCURRENCY_NOT_USED')).toEqual(codes(one));
  });

  it('refuses a value that is not a number, auto or off, and the worker flag on the command line', () => {
    const dir = workspace();
    for (const bad of ['0', 'many', '1.5', '100000']) {
      const r = cli(dir, ['generate', 'svc-00.yaml', '--concurrency', bad]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--concurrency takes a number of threads, auto or off');
    }
    const flag = cli(dir, ['--codegen-compile-worker']);
    expect(flag.status).toBe(2);
  });

  it('compiles in its workers what compileSpec compiles in this thread', async () => {
    const dir = workspace();
    const specs = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
    const options = { verify: true };
    const pool: CompilePool | undefined = await openPool(2, specs, dir, options, undefined, [], join(ROOT, 'dist'));
    expect(pool).toBeDefined();
    try {
      for (const [i, spec] of specs.entries()) {
        const slot = pool!.take(i)!;
        const fromWorker = await slot.result;
        expect(fromWorker, spec).toBeDefined();
        const pick = (r: SpecResult) => ({ service: r.service, files: r.files, diagnostics: r.diagnostics, suppressed: r.suppressed, artifactCount: r.artifactCount });
        expect(pick(fromWorker!)).toEqual(pick(compileSpec(slot.text, spec, options)));
      }
    } finally {
      await pool!.close();
    }
  });

  it('hands the specs of a worker that dies back to the main thread', async () => {
    const dir = workspace();
    const bin = mkdtempSync(join(tmpdir(), 'codegen-bad-worker-'));
    writeFileSync(join(bin, 'cli.cjs'), "throw new Error('a worker that cannot start');\n");
    const pool = await openPool(2, ['svc-00.yaml', 'svc-01.yaml', 'svc-02.yaml'], dir, { verify: true }, undefined, [], bin);
    try {
      for (let i = 0; i < 3; i++) {
        const slot = pool?.take(i);
        if (slot) expect(await slot.result).toBeUndefined(); // the caller compiles it: compileSpec(slot.text, ...)
      }
    } finally {
      await pool?.close();
    }
  });
});
