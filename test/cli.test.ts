/** The CLI, run in-process against temp folders (and once as the built binary, when it exists). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/fixtures.js';
import { DEMO_SPEC, runCli } from './helpers/cli.js';
import { isBinPath } from '../src/cli/main.js';

const run = runCli;

const SPEC = DEMO_SPEC;

function workspace(spec = SPEC): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-cli-'));
  writeFileSync(join(dir, 'service.yaml'), spec);
  return dir;
}

describe('isBinPath', () => {
  it('knows the bin by its file name, after a slash, a backslash or nothing', () => {
    for (const p of ['cli.js', 'cli.cjs', 'codegen', '/usr/lib/node_modules/codegen/dist/cli.cjs', 'C:\\npm\\codegen', './node_modules/.bin/codegen']) expect(isBinPath(p), p).toBe(true);
    for (const p of ['mycli.js', 'cli.mjs', 'codegen.js', '/x/xcodegen', '/x/cli.cjs/', 'vitest.mjs', '']) expect(isBinPath(p), p).toBe(false);
  });
});

describe('codegen CLI', () => {
  it('generate writes one folder per service and reports a summary', async () => {
    const dir = workspace();
    const r = await run(['generate', 'service.yaml', '--out', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^codegen: generated \d+ files? for 1 service/);
    const td = JSON.parse(readFileSync(join(dir, 'out/demo/ecs/task-definition.json'), 'utf8'));
    expect(td.family).toBe('demo');
    expect(td.containerDefinitions[0].portMappings[0].containerPort).toBe(8080);
  });

  it('--check exits 0 right after generate and 1 after the spec changes, naming the file', async () => {
    const dir = workspace();
    expect((await run(['generate', 'service.yaml', '-o', 'out'], dir)).code).toBe(0);
    const ok = await run(['generate', 'service.yaml', '-o', 'out', '--check'], dir);
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, 'service.yaml'), SPEC.replace('port: 8080', 'port: 9090'));
    const stale = await run(['generate', 'service.yaml', '-o', 'out', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('out/demo/ecs/task-definition.json');
    expect(stale.stderr).toContain('OUTPUT_STALE');
    // --check never writes
    expect(readFileSync(join(dir, 'out/demo/ecs/task-definition.json'), 'utf8')).toContain('8080');
  });

  it('--check names missing and extra files', async () => {
    const dir = workspace();
    await run(['generate', 'service.yaml', '-o', 'out'], dir);
    writeFileSync(join(dir, 'out/demo/ecs/old.json'), '{}\n');
    const r = await run(['generate', 'service.yaml', '-o', 'out', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/out\/demo\/ecs\/old\.json error OUTPUT_EXTRA/);
    const fresh = await run(['generate', 'service.yaml', '-o', 'elsewhere', '--check'], dir);
    expect(fresh.stderr).toContain('OUTPUT_MISSING');
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);
  });

  it('--prune removes files codegen wrote that are no longer generated, and nothing else', async () => {
    const dir = workspace(`${SPEC}  kubernetes: {}\n`);
    await run(['generate', 'service.yaml', '-o', 'out'], dir);
    expect(existsSync(join(dir, 'out/demo/kubernetes/deployment.yaml'))).toBe(true);
    writeFileSync(join(dir, 'out/demo/ecs/old.json'), '{}\n'); // not codegen's
    writeFileSync(join(dir, 'service.yaml'), SPEC); // the kubernetes target is gone
    const r = await run(['generate', 'service.yaml', '-o', 'out', '--prune'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/removed\)/);
    expect(existsSync(join(dir, 'out/demo/kubernetes/deployment.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'out/demo/ecs/old.json'), 'utf8')).toBe('{}\n');
  });

  it('bad input: diagnostics with file:line:column on stderr, exit 1, nothing written', async () => {
    const dir = workspace(SPEC.replace('image: nginx:1.27.3', 'image: nginx:1.27.3\nreplcas: 2'));
    const r = await run(['generate', 'service.yaml', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('service.yaml:5:1 error SCHEMA_UNKNOWN_KEY replcas: Unknown key "replcas". (did you mean "replicas"?)');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('--format json prints one parseable report on stdout', async () => {
    const dir = workspace('name: x\n');
    const r = await run(['validate', 'service.yaml', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['SCHEMA_REQUIRED', 'SCHEMA_REQUIRED']);
    expect(report.diagnostics[0]).toMatchObject({ file: 'service.yaml', line: 1, column: 1 });
  });

  it('usage errors exit 2', async () => {
    const dir = workspace();
    expect((await run([], dir)).code).toBe(2);
    expect((await run(['frobnicate'], dir)).code).toBe(2);
    expect((await run(['generate', '--nope'], dir)).code).toBe(2);
    expect((await run(['generate', 'missing.yaml'], dir)).code).toBe(2);
    expect((await run(['generate', 'service.yaml', '--target', 'nomad'], dir)).code).toBe(2);
    expect((await run(['--help'], dir)).stdout).toContain('codegen generate');
  });

  it('refuses to write through a symlink inside the output folder', async () => {
    const dir = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'codegen-outside-'));
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'demo'));
    const r = await run(['generate', 'service.yaml', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OUTPUT_SYMLINK');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('two specs with the same service name are refused', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'other.yaml'), SPEC);
    const r = await run(['generate', 'service.yaml', 'other.yaml', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DUPLICATE_SERVICE');
  });

  it('a later spec that fails leaves the output folder exactly as it was (earlier services were staged, not written)', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'b.yaml'), SPEC.replace('name: demo', 'name: b'));
    writeFileSync(join(dir, 'broken.yaml'), SPEC.replace('name: demo', 'name: c').replace('port: 8080', 'port: -1'));
    // First run: no output folder yet; second run: one with an earlier service in it.
    for (const before of [undefined, 'keep']) {
      if (before) {
        mkdirSync(join(dir, 'out/demo'), { recursive: true });
        writeFileSync(join(dir, 'out/demo/notes.md'), before);
      }
      const r = await run(['generate', 'service.yaml', 'b.yaml', 'broken.yaml', '-o', 'out'], dir);
      expect(r.code).toBe(1);
      if (!before) expect(existsSync(join(dir, 'out'))).toBe(false);
      else {
        expect(readdirSync(join(dir, 'out'))).toEqual(['demo']);
        expect(readdirSync(join(dir, 'out/demo'))).toEqual(['notes.md']);
      }
    }
    // And once every spec is right, all of them are written.
    writeFileSync(join(dir, 'broken.yaml'), SPEC.replace('name: demo', 'name: c'));
    const ok = await run(['generate', 'service.yaml', 'b.yaml', 'broken.yaml', '-o', 'out'], dir);
    expect(ok.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.codegen-manifest.json', 'b', 'c', 'demo']);
    expect(readdirSync(join(dir, 'out/demo')).sort()).toEqual(['ecs', 'notes.md']);
  });

  it.runIf(existsSync(join(ROOT, 'dist/cli.cjs')))('a reader that closes the pipe early gets no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli.cjs'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.destroy(); // the reader is gone before the first write, like `codegen ... | head -0`
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it.runIf(existsSync(join(ROOT, 'dist/cli.cjs')))('the built binary runs the README quick start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-bin-'));
    const out = execFileSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), 'generate', join(ROOT, 'examples/my-app/service.yaml'), '--out', dir], { encoding: 'utf8' });
    expect(out).toMatch(/generated \d+ files? for 1 service/);
    expect(existsSync(join(dir, 'my-app/ecs/task-definition.json'))).toBe(true);
  });
});

describe('codegen CLI: rules and formats', () => {
  const LATEST = SPEC.replace('nginx:1.27.3', 'nginx:latest');

  it('validate reports the seed\'s mutable :latest ECS image with its line and column', async () => {
    const r = await run(['validate', 'fixtures/seed/service.yaml'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('fixtures/seed/service.yaml:62:12 warning no-mutable-image-tag targets.ecs.image:');
    expect(r.stderr).toContain('  62 |     image: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/my-app:latest');
  });

  it('--max-warnings fails like ESLint, and generate then writes nothing', async () => {
    const dir = workspace(LATEST);
    expect((await run(['validate', 'service.yaml', '--max-warnings', '100'], dir)).code).toBe(0);
    const v = await run(['validate', 'service.yaml', '--max-warnings', '0'], dir);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/more than --max-warnings 0/);
    const g = await run(['generate', 'service.yaml', '-o', 'out', '--max-warnings', '0'], dir);
    expect(g.code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect((await run(['validate', 'service.yaml', '--max-warnings', 'x'], dir)).code).toBe(2);
  });

  it('counts the warnings --quiet does not print (they are not held), and prints the same report otherwise', async () => {
    const dir = workspace(LATEST);
    const quiet = await run(['validate', 'service.yaml', '-q', '--max-warnings', '0'], dir);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('');
    const json = JSON.parse((await run(['validate', 'service.yaml', '-q', '--format', 'json'], dir)).stdout) as { diagnostics: { severity: string; code: string }[] };
    expect(json.diagnostics.some((d) => d.severity === 'warning')).toBe(true); // JSON holds every diagnostic, quiet or not
    const loud = await run(['validate', 'service.yaml', '--verbose'], dir);
    for (const d of json.diagnostics) expect(loud.stderr).toContain(` ${d.code} `);
    expect(loud.stderr).toContain('  | '); // code frames: the spec's text was held for them
    const github = await run(['validate', 'service.yaml', '-q', '--format', 'github'], dir);
    expect(github.stdout).not.toContain('::warning');
  });

  it('--format github prints workflow commands on stdout', async () => {
    const dir = workspace(LATEST);
    const r = await run(['validate', 'service.yaml', '--format', 'github'], dir);
    expect(r.stdout).toMatch(/^::warning file=service\.yaml,line=4,col=8,endLine=4,endColumn=20,title=no-mutable-image-tag::image: /m);
  });

  it('--format sarif prints one SARIF log on stdout', async () => {
    const dir = workspace(LATEST);
    const r = await run(['validate', 'service.yaml', '--format', 'sarif'], dir);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'no-mutable-image-tag')).toBe(true);
    expect((await run(['validate', 'service.yaml', '--format', 'xml'], dir)).code).toBe(2);
  });

  it('generate refuses to write while a rule error remains', async () => {
    const dir = workspace(SPEC.replace('image: nginx:1.27.3', 'image: nginx:1.27.3\nenv:\n  DB_PASSWORD: hunter2'));
    const r = await run(['generate', 'service.yaml', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error no-plaintext-secrets env.DB_PASSWORD:');
    expect(r.stderr).not.toContain('hunter2');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
