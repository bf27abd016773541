/**
 * Environments side by side (`--all-envs`): each kustomize overlay builds exactly the objects the
 * environment compiles to (checked with `kubectl kustomize`, skipped with a notice without it);
 * CloudFormation gets a parameter file per environment and a template of its own only where more
 * than parameter defaults differ; the single-environment layout is unchanged; `--check`,
 * `--prune` and `diff` work on the layout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fjp from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compile, type OutputFile } from '../src/compile/compile.js';
import { compileEnvironments } from '../src/compile/environments.js';
import type { Json } from '../src/core/serialize.js';
import { jsonPatch } from '../src/emitters/kubernetes/overlay.js';
import { FIXTURES } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const SPEC = readFileSync(join(FIXTURES, 'environments-side-by-side', 'service.yaml'), 'utf8');
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

function write(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
}

/** `kubectl kustomize DIR` as objects, keyed `kind/name`. */
function build(dir: string): Map<string, unknown> {
  const text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  const docs = parseAllDocuments(text).map((d) => d.toJSON() as { kind: string; metadata: { name: string } });
  return new Map(docs.map((d) => [`${d.kind}/${d.metadata.name}`, d]));
}

describe('environments side by side', () => {
  const all = compileEnvironments(SPEC);
  const paths = all.files.map((f) => f.path);

  it('compiles without error and keeps the base where a single run writes it', () => {
    expect(all.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const single = compile(SPEC);
    for (const f of single.files) expect(all.files.find((x) => x.path === f.path)?.content, f.path).toBe(f.content);
    expect(paths.filter((p) => !p.startsWith('catalog/environments/'))).toEqual(single.files.map((f) => f.path));
  });

  /** Another namespace per environment (created), a renamed Service, an Ingress only in one environment. */
  const MOVED = SPEC.replace('    namespace: catalog\n', '    namespace: catalog\n    createNamespace: true\n').replace(
    '  staging:\n',
    '  staging:\n    expose: { hosts: [catalog.staging.example.com] }\n    targets:\n      kubernetes: { namespace: catalog-staging, service: { name: catalog-svc } }\n',
  );

  it('each kustomize overlay builds exactly what its environment compiles to', (ctx) => {
    if (!hasKubectl) {
      console.log('skipped: kubectl is not on PATH, so the overlays were not built');
      ctx.skip();
    }
    for (const [i, spec] of [SPEC, MOVED].entries()) {
      const dir = mkdtempSync(join(tmpdir(), 'codegen-envs-'));
      const everything = compileEnvironments(spec);
      expect(everything.diagnostics.filter((d) => d.severity === 'error'), `spec ${i}`).toEqual([]);
      write(join(dir, 'all'), everything.files);
      for (const env of ['staging', 'production']) {
        const alone = compile(spec, { env, targets: ['kubernetes'] });
        write(join(dir, env), alone.files);
        const expected = build(join(dir, env, 'catalog', 'kubernetes'));
        const overlay = build(join(dir, 'all', 'catalog', 'environments', env, 'kubernetes'));
        expect([...overlay.keys()].sort(), `spec ${i} ${env}`).toEqual([...expected.keys()].sort());
        for (const [k, v] of expected) expect(overlay.get(k), `spec ${i} ${env} ${k}`).toEqual(v);
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an overlay holds only what differs: images, patches, deletions, new objects', () => {
    const staging = readFileSync(join(FIXTURES, 'environments-side-by-side/expected/catalog/environments/staging/kubernetes/kustomization.yaml'), 'utf8');
    expect(staging).toContain('newTag: 1.9.0-rc.1');
    expect(paths).toContain('catalog/environments/production/kubernetes/hpa.yaml');
    expect(paths).toContain('catalog/environments/production/kubernetes/patches/delete-poddisruptionbudget-catalog.yaml');
    // Nothing of the base is copied into an overlay.
    expect(paths).not.toContain('catalog/environments/staging/kubernetes/deployment.yaml');
  });

  it('CloudFormation: a parameter file per environment; a template of its own only where more than parameters differ', () => {
    const file = (p: string) => JSON.parse(all.files.find((f) => f.path === p)!.content);
    expect(file('catalog/environments/staging/ecs/service.parameters')).toEqual({ Parameters: { DesiredCount: '3', ImageTag: '1.9.0-rc.1' } });
    expect(paths).not.toContain('catalog/environments/staging/ecs/service.cfn.yaml');
    expect(paths).toContain('catalog/environments/production/ecs/service.cfn.yaml');
    expect(paths).toContain('catalog/environments/production/ecs/service.parameters');
    // The task definition JSON holds literals, so an environment with other values has its own.
    expect(file('catalog/environments/staging/ecs/task-definition.json').containerDefinitions[0].image).toMatch(/:1\.9\.0-rc\.1$/);
  });

  it('an error in any environment writes nothing', () => {
    const broken = SPEC.replace('    autoscaling: { min: 3, max: 12, cpu: 60 }', '    autoscaling: { min: 13, max: 12, cpu: 60 }');
    const r = compileEnvironments(broken);
    expect(r.diagnostics.map((d) => d.code)).toContain('AUTOSCALING_RANGE');
    expect(r.files).toEqual([]);
  });

  it('JSON patches: applying the operations to the base gives the environment', () => {
    const cases: [Json, Json][] = [
      [{ a: 1, b: { c: [1, 2], d: 'x' } }, { a: 1, b: { c: [1, 3], e: 'y' } }],
      [{ list: [{ n: 'a' }, { n: 'b' }] }, { list: [{ n: 'a' }] }],
      [{ 'a/b': { '~k': 1 } }, { 'a/b': { '~k': 2 } }],
      [{ x: null }, { x: { y: 1 } }],
    ];
    for (const [a, b] of cases) {
      const ops = jsonPatch(a, b);
      expect(ops.length).toBeGreaterThan(0);
      expect(fjp.applyPatch(structuredClone(a), ops as never, true, false).newDocument).toEqual(b);
    }
    expect(jsonPatch({ a: [1] }, { a: [1] })).toEqual([]);
  });
});

describe('--all-envs on the command line', () => {
  function workspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-allenvs-'));
    writeFileSync(join(dir, 'service.yaml'), SPEC);
    return dir;
  }

  it('generate writes the layout; --check is clean; a changed environment is stale; --prune removes what is no longer generated', async () => {
    const dir = workspace();
    const gen = await runCli(['generate', 'service.yaml', '--all-envs'], dir);
    expect(gen.code, gen.stderr).toBe(0);
    expect(existsSync(join(dir, 'out/catalog/environments/production/kubernetes/kustomization.yaml'))).toBe(true);
    expect(existsSync(join(dir, 'out/catalog/kubernetes/deployment.yaml'))).toBe(true);
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--check'], dir)).code).toBe(0);
    // Without --all-envs the environment files are extra.
    const single = await runCli(['generate', 'service.yaml', '--check'], dir);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain('out/catalog/environments/staging/ecs/service.parameters error OUTPUT_EXTRA');

    writeFileSync(join(dir, 'service.yaml'), SPEC.replace('DesiredCount: { default: 3 }', 'DesiredCount: { default: 5 }'));
    const stale = await runCli(['generate', 'service.yaml', '--all-envs', '--check'], dir);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('out/catalog/environments/staging/ecs/service.parameters error OUTPUT_STALE');
    expect(stale.stderr).toContain('out/catalog/environments/staging/kubernetes/patches/deployment-catalog.yaml error OUTPUT_STALE');

    const diff = await runCli(['diff', 'service.yaml', '--all-envs'], dir);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('~ out/catalog/environments/staging/kubernetes/patches/deployment-catalog.yaml');

    // An environment removed from the spec: its folder is extra, and --prune removes it.
    writeFileSync(join(dir, 'service.yaml'), SPEC.replace(/\n  staging:\n    parameters:\n      ImageTag: \{ default: 1\.9\.0-rc\.1 \}\n      DesiredCount: \{ default: 3 \}/, ''));
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--check'], dir)).stderr).toContain('out/catalog/environments/staging/ecs/service.parameters error OUTPUT_EXTRA');
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--prune'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'out/catalog/environments/staging/ecs/service.parameters'))).toBe(false);
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--check'], dir)).code).toBe(0);
    expect((await runCli(['diff', 'service.yaml', '--all-envs'], dir)).code).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('--all-envs with --env is a usage error; a config can ask for every environment', async () => {
    const dir = workspace();
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--env', 'staging'], dir)).code).toBe(2);
    expect((await runCli(['generate', 'service.yaml', '--all-envs', '--stdout'], dir)).code).toBe(2);
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ specs: ['service.yaml'], allEnvironments: true, env: 'staging' }));
    const r = await runCli(['generate'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'out/catalog/environments/staging/kubernetes/kustomization.yaml'))).toBe(true);
  });
});
