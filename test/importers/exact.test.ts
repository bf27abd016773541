/**
 * The exact import (`importSpec(kind, inputs, { exact: true })`, `codegen import --exact`): the
 * residual-patch builder on its own, then whole imports whose spec must generate the input as
 * written, report every field it keeps as a patch, and still compile with no error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, deepClone, type Operation } from 'fast-json-patch/index.mjs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/import-exact/index.js';
import { guardOps, residualOps } from '../../src/importers/residual.js';
import { runCli, specWorkspace } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

/** Apply ops the way codegen applies a spec patch (fast-json-patch, one op at a time, validated). */
function apply(doc: unknown, ops: readonly unknown[]): unknown {
  return applyPatch(deepClone(doc), ops as Operation[], true, false).newDocument;
}

describe('residualOps: the operations that turn a generated document into its source', () => {
  it('reorders keys by moving each key out of place onto itself (it goes last)', () => {
    const gen = { a: 1, b: 2, c: 3, d: 4 };
    const src = { a: 1, c: 3, d: 4, b: 2 };
    const ops = residualOps(gen, src);
    expect(ops).toEqual([{ op: 'move', from: '/b', path: '/b' }]);
    expect(JSON.stringify(apply(gen, ops))).toBe(JSON.stringify(src));
  });

  it('keeps the longest run of keys already in order and moves only what follows', () => {
    const gen = { kind: 'X', spec: {}, status: {}, metadata: {} };
    const src = { kind: 'X', metadata: {}, spec: {}, status: {} };
    const ops = residualOps(gen, src);
    expect(ops.map((o) => o.path)).toEqual(['/spec', '/status']);
    expect(JSON.stringify(apply(gen, ops))).toBe(JSON.stringify(src));
  });

  it('adds a key the source has in the middle, and moves the keys after it', () => {
    const gen = { a: 1, c: 3 };
    const src = { a: 1, b: 2, c: 3 };
    const ops = residualOps(gen, src);
    expect(ops).toEqual([
      { op: 'add', path: '/b', value: 2 },
      { op: 'move', from: '/c', path: '/c' },
    ]);
    expect(JSON.stringify(apply(gen, ops))).toBe(JSON.stringify(src));
  });

  it('compares nested arrays element by element', () => {
    const gen = { l: [[1, 2], [3], [9]], m: [{ name: 'a', x: 1 }] };
    const src = { l: [[1, 2, 5], [4]], m: [{ name: 'a', x: 2 }, { name: 'b' }] };
    const ops = residualOps(gen, src);
    expect(ops).toEqual([
      { op: 'add', path: '/l/0/2', value: 5 },
      { op: 'replace', path: '/l/1/0', value: 4 },
      { op: 'remove', path: '/l/2' },
      { op: 'replace', path: '/m/0/x', value: 2 },
      { op: 'add', path: '/m/1', value: { name: 'b' } },
    ]);
    expect(apply(gen, ops)).toEqual(src);
  });

  it('removes keys the source does not have, and array items from the end', () => {
    const gen = { a: 1, b: { c: 2, d: 3 }, l: [1, 2, 3] };
    const src = { a: 1, b: { c: 2 }, l: [1] };
    const ops = residualOps(gen, src);
    expect(ops).toEqual([
      { op: 'remove', path: '/b/d' },
      { op: 'remove', path: '/l/2' },
      { op: 'remove', path: '/l/1' },
    ]);
    expect(JSON.stringify(apply(gen, ops))).toBe(JSON.stringify(src));
  });

  it('replaces a value codegen would write otherwise, and a value of another type', () => {
    const gen = { options: { 'awslogs-stream-prefix': 'app' }, port: 80, tags: { a: 'b' } };
    const src = { options: { 'awslogs-stream-prefix': 'web' }, port: '80', tags: ['a'] };
    const ops = residualOps(gen, src);
    expect(ops).toEqual([
      { op: 'replace', path: '/options/awslogs-stream-prefix', value: 'web' },
      { op: 'replace', path: '/port', value: '80' },
      { op: 'replace', path: '/tags', value: ['a'] },
    ]);
  });

  it('escapes "/" and "~" in keys (RFC 6901)', () => {
    const ops = residualOps({ annotations: {} }, { annotations: { 'example.com/a~b': 'x' } });
    expect(ops).toEqual([{ op: 'add', path: '/annotations/example.com~1a~0b', value: 'x' }]);
    expect(apply({ annotations: {} }, ops)).toEqual({ annotations: { 'example.com/a~b': 'x' } });
  });

  it('gives nothing for equal documents', () => {
    expect(residualOps({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it('guards the ops with a test of the nearest object that names itself', () => {
    const gen = { Resources: { Service: { Type: 'AWS::ECS::Service', Properties: { A: 1 } } }, containerDefinitions: [{ name: 'app', cpu: 1 }], family: 'f' };
    const ops = residualOps(gen, { Resources: { Service: { Type: 'AWS::ECS::Service', Properties: { A: 1, B: true } } }, containerDefinitions: [{ name: 'app', cpu: 2 }], family: 'f', x: 1 });
    expect(guardOps(gen, ops)).toEqual([
      { op: 'test', path: '/Resources/Service/Type', value: 'AWS::ECS::Service' },
      { op: 'test', path: '/containerDefinitions/0/name', value: 'app' },
      { op: 'test', path: '/family', value: 'f' },
    ]);
  });
});

describe('importSpec(..., { exact: true })', () => {
  const DEPLOYMENT = 'k8s-internal/expected/ledger-worker/kubernetes/deployment.yaml';

  it('writes no patches key when the spec already generates the input as written', () => {
    const inputs = [{ file: 'deployment.yaml', content: read(DEPLOYMENT) }];
    const exact = importSpec('kubernetes', inputs, { exact: true });
    const plain = importSpec('kubernetes', inputs);
    expect(exact.specs).toHaveLength(1);
    expect(exact.specs[0]!.object).not.toHaveProperty('patches');
    expect(exact.specs[0]!.text).toBe(plain.specs[0]!.text);
  });

  it('keeps a field the spec has no form for as a guarded, commented patch, reported where the source has it', () => {
    const source = read(DEPLOYMENT).replace('      containers:\n', '      hostNetwork: true\n      containers:\n');
    const { specs, diagnostics } = importSpec('kubernetes', [{ file: 'deployment.yaml', content: source }], { exact: true });
    const text = specs[0]!.text;
    expect(text).toMatch(/# Kept by `codegen import --exact` from deployment\.yaml/);
    const patch = (specs[0]!.object.patches as { id: string; target: string; file: string; ops: { op: string }[] }[])[0]!;
    expect(patch).toMatchObject({ id: 'exact-kubernetes-deployment', target: 'kubernetes', file: 'kubernetes/deployment.yaml' });
    expect(patch.ops[0]).toEqual({ op: 'test', path: '/kind', value: 'Deployment' });
    const line = source.split('\n').findIndex((l) => l.includes('hostNetwork')) + 1;
    expect(diagnostics.find((d) => d.path.join('.') === 'spec.template.spec.hostNetwork')).toMatchObject({ code: 'IMPORT_CARRIED_AS_PATCH', severity: 'warning', file: 'deployment.yaml', line, column: 7 });
    expect(diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED')).toEqual([]);
    const out = compile(text);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.files.find((f) => f.path.endsWith('kubernetes/deployment.yaml'))!.content).toBe(source);
  });

  it('leaves out what the API server adds to an object it returns', () => {
    const source = read(DEPLOYMENT).replace('  labels:\n', '  uid: 0b6c0d1e-1f2a-4b3c-8d4e-5f6a7b8c9d0e\n  resourceVersion: "42"\n  labels:\n') + 'status:\n  replicas: 1\n';
    const { specs } = importSpec('kubernetes', [{ file: 'deployment.yaml', content: source }], { exact: true });
    expect(specs[0]!.object).not.toHaveProperty('patches');
  });

  it('leaves out what the target would refuse, says where, and the spec still compiles', () => {
    const source = read(DEPLOYMENT).replace('      containers:\n', '      dnsPolicy: 7\n      containers:\n');
    const { specs, diagnostics } = importSpec('kubernetes', [{ file: 'deployment.yaml', content: source }], { exact: true });
    // The key order is still kept (containers after dnsPolicy); dnsPolicy: 7 is not a string, which Kubernetes refuses.
    const ops = (specs[0]!.object.patches as { ops: { op: string; path: string }[] }[])[0]!.ops;
    expect(ops.filter((o) => o.op !== 'test')).toEqual([{ op: 'move', from: '/spec/template/spec/containers', path: '/spec/template/spec/containers' }]);
    const line = source.split('\n').findIndex((l) => l.includes('dnsPolicy')) + 1;
    expect(diagnostics.find((d) => d.code === 'IMPORT_EXACT_REFUSED')).toMatchObject({ severity: 'warning', file: 'deployment.yaml', line, path: ['spec', 'template', 'spec', 'dnsPolicy'] });
    expect(diagnostics.find((d) => d.path.join('.') === 'spec.template.spec.dnsPolicy' && d.code !== 'IMPORT_EXACT_REFUSED')).toMatchObject({ code: 'IMPORT_NOT_CARRIED' });
    expect(compile(specs[0]!.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('does not call a refused field carried because another op of the patch removes a key beside it', () => {
    // memory "lots" is refused (not an integer); networkMode, which codegen writes and the source
    // does not hold, is removed at the same level.
    const source = '{"family":"x","containerDefinitions":[{"name":"a","image":"nginx","essential":true,"memory":"lots"}]}';
    const { specs, diagnostics } = importSpec('ecs', [{ file: 'td.json', content: source }], { exact: true });
    const ops = (specs[0]!.object.patches as { ops: { op: string; path: string }[] }[])[0]!.ops.filter((o) => o.op !== 'test');
    expect(ops).toEqual([{ op: 'remove', path: '/networkMode' }]);
    const memory = diagnostics.filter((d) => d.path.join('.') === 'containerDefinitions.0.memory').map((d) => d.code);
    expect(memory).toContain('IMPORT_EXACT_REFUSED');
    expect(memory).not.toContain('IMPORT_CARRIED_AS_PATCH');
    expect(diagnostics.find((d) => d.code === 'IMPORT_CARRIED_AS_PATCH')).toMatchObject({ path: [], message: expect.stringContaining('"networkMode"') });
  });

  it('addresses a document of a file holding several by kind and name', () => {
    const dir = 'k8s-ports/expected/api/kubernetes';
    const files = readdirSync(join(FIXTURES, dir)).sort();
    const inputs = files.map((f) => ({ file: f, content: read(`${dir}/${f}`) }));
    const service = inputs.find((i) => i.file === 'service.yaml')!;
    service.content = service.content.replace('  type: LoadBalancer\n', '  type: LoadBalancer\n  publishNotReadyAddresses: true\n');
    expect(service.content).toContain('publishNotReadyAddresses');
    const { specs } = importSpec('kubernetes', inputs, { exact: true });
    const patches = specs[0]!.object.patches as Record<string, unknown>[];
    expect(patches).toHaveLength(1);
    expect(patches[0]).toMatchObject({ target: 'kubernetes', file: 'kubernetes/service.yaml', kind: 'Service', name: 'api-public' });
    const out = compile(specs[0]!.text);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const input of inputs) expect(out.files.find((f) => f.path.endsWith(`kubernetes/${input.file}`))!.content).toBe(input.content);
  });

  it('reports each op the target refuses, also when no op of the document is left', () => {
    // The kustomization lists ingress.yaml and pdb.yaml, which the imported files do not hold.
    const dir = 'k8s-ports/expected/api/kubernetes';
    const inputs = ['deployment.yaml', 'kustomization.yaml', 'service.yaml'].map((f) => ({ file: f, content: read(`${dir}/${f}`) }));
    const { specs, diagnostics } = importSpec('kubernetes', inputs, { exact: true });
    expect(specs[0]!.object).not.toHaveProperty('patches');
    const refused = diagnostics.filter((d) => d.code === 'IMPORT_EXACT_REFUSED');
    expect(refused.map((d) => `${d.file}:${d.line}`)).toEqual(['kustomization.yaml:6', 'kustomization.yaml:7']);
    expect(refused[0]!.message).toMatch(/VERIFY_KUSTOMIZE_REFERENCE/);
  });

  it('reads a task definition JSON with its template: the spec comes from the template, the JSON adds its residual', () => {
    const dir = 'patch-ecs/expected/patched/ecs';
    const inputs = ['service.cfn.yaml', 'task-definition.json'].map((f) => ({ file: f, content: read(`${dir}/${f}`) }));
    expect(importSpec('ecs', inputs).diagnostics.map((d) => d.code)).toContain('IMPORT_DUPLICATE_NAME'); // plain: two specs of one name
    const { specs, diagnostics } = importSpec('ecs', inputs, { exact: true });
    expect(specs).toHaveLength(1);
    const patches = specs[0]!.object.patches as { file: string; ops: { op: string; path: string }[] }[];
    expect(patches.map((p) => p.file)).toEqual(['ecs/task-definition.json']);
    expect(patches[0]!.ops.filter((o) => o.op !== 'test').map((o) => o.path)).toEqual(['/containerDefinitions/0/logConfiguration/options/awslogs-stream-prefix', '/containerDefinitions/0/linuxParameters', '/containerDefinitions/0/ulimits', '/ephemeralStorage']);
    expect(diagnostics.filter((d) => d.code === 'IMPORT_CARRIED_AS_PATCH').map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['task-definition.json:26:11', 'task-definition.json:29:7', 'task-definition.json:32:7', 'task-definition.json:41:3']);
  });

  it('says a Compose file has nothing to keep as written', () => {
    const r = importSpec('compose', [{ file: 'compose.yaml', content: 'services:\n  web:\n    image: nginx:1.27\n' }], { exact: true });
    expect(r.specs).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT_EXACT_NOT_APPLICABLE');
  });

  it('codegen import --exact writes the patched spec and counts the fields kept as patches', async () => {
    const dir = specWorkspace(undefined, { 'deployment.yaml': read(DEPLOYMENT).replace('      containers:\n', '      hostNetwork: true\n      containers:\n') });
    const r = await runCli(['import', 'kubernetes', 'deployment.yaml', '--exact', '--out', 'imported.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/deployment\.yaml:23:7 warning IMPORT_CARRIED_AS_PATCH/);
    expect(r.stderr).toMatch(/0 fields not carried as written, 1 field kept as spec patches/);
    expect(readFileSync(join(dir, 'imported.yaml'), 'utf8')).toMatch(/- id: exact-kubernetes-deployment/);
    const plain = await runCli(['import', 'kubernetes', 'deployment.yaml'], dir);
    expect(plain.stdout).not.toMatch(/patches:/);
    expect(plain.stderr).toMatch(/IMPORT_NOT_CARRIED/);
  });
});
