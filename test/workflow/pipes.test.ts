/**
 * Pipes and many inputs: `generate --stdout` (one YAML stream, `# Source:` framing, kustomization
 * order, no Kustomization document), `-` for standard input (named <stdin> in diagnostics), folders
 * (specs found by their apiVersion) and globs (tinyglobby: `[ab]`, `.dir/**`), never the output folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { DEMO_SPEC, runCli } from '../helpers/cli.js';

const HAVE_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
if (!HAVE_KUBECTL) console.warn('pipes: kubectl is not installed; the kustomize check of the stream is skipped');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-pipes-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** The stream cut back into files at its `---` + `# Source:` lines. */
function split(stream: string): Map<string, string> {
  const out = new Map<string, string>();
  const parts = stream.split(/^---\n# Source: (.+)\n/m);
  expect(parts[0]).toBe('');
  for (let i = 1; i < parts.length; i += 2) out.set(parts[i]!, parts[i + 1]!);
  return out;
}

const K8S = join(FIXTURES, 'k8s-hpa-irsa');

describe('generate --stdout', () => {
  it('streams the Kubernetes objects in kustomization order, without the Kustomization, and writes nothing', async () => {
    const dir = tree({ 'service.yaml': readFileSync(join(K8S, 'service.yaml'), 'utf8') });
    const r = await runCli(['generate', 'service.yaml', '--target', 'kubernetes', '--stdout'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(r.stderr).toMatch(/codegen: streamed 7 documents for 1 service to standard output/);
    const docs = parseAllDocuments(r.stdout);
    for (const d of docs) expect(d.errors).toEqual([]);
    const objects = docs.map((d) => d.toJS() as { apiVersion: string; kind: string; metadata: { name: string } });
    expect(objects.map((o) => o.kind)).toEqual(['Namespace', 'ServiceAccount', 'Deployment', 'Service', 'Ingress', 'HorizontalPodAutoscaler', 'PodDisruptionBudget']);
    for (const o of objects) expect(o.apiVersion && o.metadata.name).toBeTruthy();
    // The order is the kustomization's resources list, read from the committed golden.
    const kustomization = readFileSync(join(K8S, 'expected/orders/kubernetes/kustomization.yaml'), 'utf8');
    const listed = [...kustomization.matchAll(/^ {2}- (\S+)$/gm)].map((m) => `orders/kubernetes/${m[1]}`);
    const files = split(r.stdout);
    expect([...files.keys()]).toEqual(listed);
    // Cut at the `# Source:` lines, the stream gives back the golden files byte for byte.
    for (const [path, text] of files) expect(text, path).toBe(readFileSync(join(K8S, 'expected', path), 'utf8'));
  });

  it.skipIf(!HAVE_KUBECTL)('is a resource list kustomize accepts as it is (kubectl kustomize, offline)', async () => {
    const r = await runCli(['generate', join(K8S, 'service.yaml'), '--target', 'kubernetes', '--stdout', '--quiet'], ROOT);
    const dir = tree({ 'all.yaml': r.stdout, 'kustomization.yaml': 'resources:\n  - all.yaml\n' });
    const built = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
    const kinds = parseAllDocuments(built).map((d) => (d.toJS() as { kind: string }).kind).sort();
    expect(kinds).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'Ingress', 'Namespace', 'PodDisruptionBudget', 'Service', 'ServiceAccount']);
  });

  it('frames every target of a mixed run, JSON files included, as YAML documents equal to the files', async () => {
    const seed = join(FIXTURES, 'seed');
    const r = await runCli(['generate', join(seed, 'service.yaml'), '--stdout'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const files = split(r.stdout);
    expect([...files.keys()].filter((p) => p.endsWith('kustomization.yaml'))).toEqual([]);
    expect([...files.keys()].map((p) => p.split('/')[1])).toEqual(expect.arrayContaining(['ecs', 'kubernetes', 'appmesh', 'copilot']));
    for (const [path, text] of files) expect(text, path).toBe(readFileSync(join(seed, 'expected', path), 'utf8'));
    const docs = parseAllDocuments(r.stdout);
    expect(docs).toHaveLength(files.size);
    const td = docs[[...files.keys()].indexOf('my-app/ecs/task-definition.json')]!;
    expect(td.toJS()).toEqual(JSON.parse(files.get('my-app/ecs/task-definition.json')!));
  });

  it('prints nothing on stdout when a spec has an error (exit 1)', async () => {
    const dir = tree({ 'service.yaml': DEMO_SPEC.replace('port: 8080', 'port: 99999') });
    const r = await runCli(['generate', 'service.yaml', '--stdout'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/service\.yaml:6:\d+ error/);
  });

  it('refuses a text artifact (a Markdown runbook) with exit 2, naming it and the way out', async () => {
    const dir = tree({ 'service.yaml': DEMO_SPEC, 'codegen.config.json': '{ "specs": ["service.yaml"], "templates": ["runbook"] }\n' });
    const r = await runCli(['generate', '--stdout'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('demo/runbook/README.md is not YAML or JSON; leave its target out with --target');
    const ok = await runCli(['generate', '--stdout', '--target', 'ecs'], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect([...split(ok.stdout).keys()]).toEqual(['demo/ecs/service.cfn.yaml', 'demo/ecs/task-definition.json']);
  });

  it('does not combine with --out, --check, --prune, --cache or a format printed on stdout (exit 2)', async () => {
    const dir = tree({ 'service.yaml': DEMO_SPEC });
    for (const extra of [['--out', 'x'], ['--check'], ['--prune'], ['--cache'], ['--format', 'json'], ['--format', 'sarif']]) {
      const r = await runCli(['generate', 'service.yaml', '--stdout', ...extra], dir);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect((await runCli(['validate', 'service.yaml', '--stdout'], dir)).code).toBe(2);
  });
});

describe('- reads the spec from standard input', () => {
  it('compiles it like a file, and names it <stdin> with line:column in diagnostics', async () => {
    const dir = tree({});
    const ok = await runCli(['generate', '-', '--out', 'out'], dir, { stdin: DEMO_SPEC });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/demo/ecs/task-definition.json'), 'utf8')).family).toBe('demo');
    const bad = await runCli(['validate', '-'], dir, { stdin: DEMO_SPEC.replace('image: nginx:1.27.3', 'image: nginx:1.27.3\nreplcas: 2') });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>:5:1 error SCHEMA_UNKNOWN_KEY replcas: Unknown key "replcas". (did you mean "replicas"?)');
    expect(bad.stderr).toContain('  5 | replcas: 2');
  });

  it('pipes through: stdin in, the stream out', async () => {
    const r = await runCli(['generate', '-', '--stdout', '--target', 'ecs'], tree({}), { stdin: DEMO_SPEC });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('---\n# Source: demo/ecs/service.cfn.yaml\n')).toBe(true);
  });

  it('is read once, and only when there is a standard input (exit 2 otherwise)', async () => {
    const dir = tree({});
    expect((await runCli(['validate', '-', '-'], dir, { stdin: DEMO_SPEC })).stderr).toContain('can be read only once');
    expect((await runCli(['validate', '-', '-'], dir, { stdin: DEMO_SPEC })).code).toBe(2);
    expect((await runCli(['validate', '-'], dir)).code).toBe(2);
  });

  it('works through the built bin with a real pipe', () => {
    const bin = join(ROOT, 'dist/cli.cjs');
    const r = spawnSync(process.execPath, [bin, 'generate', '-', '--stdout', '--target', 'ecs', '--quiet'], { input: DEMO_SPEC, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('# Source: demo/ecs/task-definition.json\n{\n');
    const bad = spawnSync(process.execPath, [bin, 'validate', '-'], { input: 'name: [\n', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^<stdin>:\d+:\d+ error YAML_/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('folders and globs as inputs', () => {
  const layout = () =>
    tree({
      'services/a/service.yaml': DEMO_SPEC.replace('name: demo', 'name: svc-a'),
      'services/b/svc.yml': DEMO_SPEC.replace('name: demo', 'name: svc-b'),
      'services/c/service.json': JSON.stringify({ apiVersion: 'codegen/v1', name: 'svc-c', image: 'nginx:1.27.3', targets: { kubernetes: {} } }),
      'services/b/kustomization.yaml': 'resources: []\n',
      'services/notes.json': '{ "not": "a spec" }\n',
      'services/node_modules/x/service.yaml': DEMO_SPEC.replace('name: demo', 'name: hidden'),
      'services/.drafts/service.yaml': DEMO_SPEC.replace('name: demo', 'name: draft'),
      '.deploy/api/service.yaml': DEMO_SPEC.replace('name: demo', 'name: dot-api'),
    });

  it('a folder: every spec under it by its apiVersion, other YAML and JSON files skipped and counted', async () => {
    const dir = layout();
    const r = await runCli(['validate', 'services/', '--format', 'json', '--verbose'], dir);
    const report = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(report.summary).toBe('validated 3 specs: ok (2 other files in the folders named skipped: not codegen specs: services/b/kustomization.yaml, services/notes.json)');
    const g = await runCli(['generate', 'services', '--out', 'out'], dir);
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toMatch(/generated \d+ files for 3 services/);
  });

  it('globs: [ab] classes, ** across folders, a dot folder when the pattern names it', async () => {
    const dir = layout();
    const names = async (...args: string[]) => {
      const r = await runCli(['generate', ...args, '--stdout', '--quiet'], dir);
      expect(r.code, r.stderr).toBe(0);
      return [...new Set([...split(r.stdout).keys()].map((p) => p.split('/')[0]))];
    };
    expect(await names('services/[ab]/s*.{yaml,yml}')).toEqual(['svc-a', 'svc-b']);
    expect(await names('services/**/service.*')).toEqual(['svc-a', 'svc-c']);
    expect(await names('.deploy/**')).toEqual(['dot-api']);
    expect(await names('**/service.yaml')).toEqual(['svc-a']); // not node_modules, not dot folders
  });

  it('never reads the output folder, even when a glob would match it', async () => {
    const dir = tree({ 'service.yaml': DEMO_SPEC.replace('targets:', 'targets:\n  kubernetes: {}') });
    expect((await runCli(['generate', '**/*.yaml', '--out', 'deploy'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'deploy/demo/kubernetes/service.yaml'))).toBe(true);
    const again = await runCli(['generate', '**/*.yaml', '--out', 'deploy', '--check'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/for 1 service: up to date/);
  });

  it('an argument that names nothing is a usage error (exit 2)', async () => {
    const dir = layout();
    cpSync(join(dir, 'services/notes.json'), join(dir, 'empty/notes.json'), { recursive: true });
    for (const arg of ['nothing/*.yaml', 'missing.yaml', 'empty']) {
      const r = await runCli(['validate', arg], dir);
      expect(r.code, arg).toBe(2);
    }
    expect((await runCli(['validate', 'empty'], dir)).stderr).toContain('empty holds no codegen spec');
    expect((await runCli(['validate', 'nothing/*.yaml'], dir)).stderr).toContain('No file matches nothing/*.yaml.');
  });
});
