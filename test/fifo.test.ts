/**
 * A FIFO (or any non-regular file) where codegen would read is refused before it is opened
 * (issue 15, item 7): at a generated path for generate, --check, --cache and diff; as a discovered
 * config, a patch file, a template, a plugin module, a spec a glob matches, the --cache record, an
 * import input found in a folder, and a file `init --force` replaces. Each case runs the built CLI
 * with a time limit, so a read that blocks fails the test instead of hanging it.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SPEC } from './helpers/cli.js';
import { runChild, type ChildResult } from './helpers/process.js';

const HAVE_MKFIFO = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

function mkfifo(path: string): void {
  rmSync(path, { force: true });
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr}`);
  expect(statSync(path).isFIFO()).toBe(true);
}

function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-fifo-'));
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Every entry under `dir` with the text of each regular file (FIFOs are named, not read). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const st = statSync(join(dir, name));
    out[name] = st.isFIFO() ? '<fifo>' : st.isDirectory() ? '<dir>' : readFileSync(join(dir, name), 'utf8');
  }
  return out;
}

const LIMIT = { timeoutMs: 20_000 };

function refused(r: ChildResult, code: string): void {
  expect(r.timedOut, 'the run blocked').toBe(false);
  expect(r.stderr).toContain(code);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(1);
}

describe.runIf(HAVE_MKFIFO)('non-regular files are refused before they are opened', () => {
  it('a FIFO at a generated path: generate, --check, --cache, --check --cache and diff exit 1 at once and change nothing', async () => {
    const dir = workspace();
    expect((await runChild(['generate', 'service.yaml', '-o', 'out', '--cache', '-q'], dir, LIMIT)).code).toBe(0);
    mkfifo(join(dir, 'out/demo/ecs/task-definition.json'));
    const before = snapshot(join(dir, 'out'));
    for (const args of [[], ['--check'], ['--cache'], ['--check', '--cache']]) {
      const r = await runChild(['generate', 'service.yaml', '-o', 'out', ...args], dir, LIMIT);
      refused(r, 'OUTPUT_NOT_A_FILE');
      expect(r.stderr).toContain('demo/ecs/task-definition.json is a FIFO (named pipe) where a generated file belongs');
      expect(snapshot(join(dir, 'out')), args.join(' ')).toEqual(before);
    }
    refused(await runChild(['diff', 'service.yaml', '-o', 'out'], dir, LIMIT), 'OUTPUT_NOT_A_FILE');
  });

  it('a FIFO as the manifest or as a file --prune would remove: refused, nothing changed', async () => {
    const dir = workspace({ 'service.yaml': `${DEMO_SPEC}  kubernetes: {}\n` });
    expect((await runChild(['generate', 'service.yaml', '-o', 'out', '-q'], dir, LIMIT)).code).toBe(0);
    mkfifo(join(dir, 'out/demo/kubernetes/deployment.yaml'));
    writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC);
    const before = snapshot(join(dir, 'out'));
    refused(await runChild(['generate', 'service.yaml', '-o', 'out', '--prune'], dir, LIMIT), 'OUTPUT_NOT_A_FILE');
    expect(snapshot(join(dir, 'out'))).toEqual(before);
    mkfifo(join(dir, 'out/.codegen-manifest.json'));
    const r = await runChild(['generate', 'service.yaml', '-o', 'out'], dir, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toContain('OUTPUT_MANIFEST_REPLACED');
    expect(r.code).toBe(0);
  });

  it('a FIFO as a config, patch file, template or plugin module: a diagnostic naming it', async () => {
    const dir = workspace({
      'codegen.config.json': JSON.stringify({ patches: ['patches.yaml'], templates: [{ template: 'notes.hbs', output: 'notes.md' }], plugins: ['./plugin.mjs'] }),
    });
    for (const f of ['patches.yaml', 'notes.hbs', 'plugin.mjs']) mkfifo(join(dir, f));
    const r = await runChild(['validate', 'service.yaml'], dir, LIMIT);
    refused(r, 'CONFIG_PATCH_FILE_UNREADABLE');
    expect(r.stderr).toContain('Cannot read the patch file patches.yaml: it is a FIFO (named pipe), not a regular file.');
    expect(r.stderr).toContain('TEMPLATE_UNREADABLE');
    expect(r.stderr).toMatch(/PLUGIN_LOAD_FAILED .*plugin\.mjs is a FIFO \(named pipe\), not a module file/);
    const cfg = workspace();
    mkfifo(join(cfg, 'codegen.config.json'));
    const c = await runChild(['validate', 'service.yaml'], cfg, LIMIT);
    refused(c, 'CONFIG_UNREADABLE');
    expect(c.stderr).toContain('it is a FIFO (named pipe), not a regular file');
  });

  it('a FIFO matching the config\'s spec glob is not a spec; a FIFO as the --cache record is a miss', async () => {
    const dir = workspace({ 'codegen.config.json': JSON.stringify({ specs: ['services/*.yaml'], out: 'out' }), 'services/a.yaml': DEMO_SPEC });
    mkfifo(join(dir, 'services/b.yaml'));
    mkfifo(join(dir, 'cache-record'));
    const r = await runChild(['generate', '--cache', '--cache-location', 'cache-record', '-q'], dir, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'cache-record')).isFile()).toBe(true); // replaced by a rename, not written through
    expect(statSync(join(dir, 'services/b.yaml')).isFIFO()).toBe(true);
  });

  it('import skips a FIFO found in a folder; init --force replaces a FIFO instead of opening it', async () => {
    const dir = workspace({ 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: "nginx:1.27.3"}]\n' });
    mkfifo(join(dir, 'k8s/zz.yaml'));
    const imp = await runChild(['import', 'kubernetes', 'k8s'], dir, LIMIT);
    expect(imp.timedOut).toBe(false);
    expect(imp.stdout).toContain('name: web');
    const init = workspace();
    mkfifo(join(init, 'codegen.config.json'));
    const r = await runChild(['init', '--force', '--name', 'web'], init, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(init, 'codegen.config.json')).isFile()).toBe(true);
  });

  it('import reads a device or pipe named on the command line only up to the input limit', async () => {
    const dir = workspace();
    const r = await runChild(['import', 'kubernetes', '/dev/zero'], dir, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('IMPORT_TOO_LARGE');
  });

  it('validate reads a device named as the spec only up to the spec limit', async () => {
    const dir = workspace();
    const r = await runChild(['validate', '/dev/zero'], dir, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr + r.stdout).toContain('INPUT_TOO_LARGE');
  });

  it('init looking upward for the schemas reads past a FIFO named package.json instead of waiting on it', async () => {
    const parent = workspace();
    const dir = join(parent, 'svc');
    mkdirSync(dir);
    mkfifo(join(parent, 'package.json'));
    const r = await runChild(['init', '--name', 'web'], dir, LIMIT);
    expect(r.timedOut).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
  });

  it('a FIFO or a link where --sarif FILE or graph --out FILE writes: replaced by a new file, never opened or written through', async () => {
    const dir = workspace();
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'untouched\n');
    mkfifo(join(dir, 'report.sarif'));
    symlinkSync(target, join(dir, 'graph.mmd'));
    const r = await runChild(['validate', 'service.yaml', '--sarif', 'report.sarif', '-q'], dir, LIMIT);
    expect(r.timedOut, 'the run blocked').toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'report.sarif')).isFile()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    const g = await runChild(['graph', 'service.yaml', '--out', 'graph.mmd'], dir, LIMIT);
    expect(g.timedOut, 'the run blocked').toBe(false);
    expect(g.code, g.stderr).toBe(0);
    expect(lstatSync(join(dir, 'graph.mmd')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'graph.mmd'), 'utf8')).toMatch(/^flowchart|graph /m);
    expect(readFileSync(target, 'utf8')).toBe('untouched\n');
  });
});
