/** JSON Patch overrides: selection, op-level diagnostics, prototype safety. */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import { applyPatches, type PatchDeclaration } from '../src/core/patch.js';
import type { Artifact } from '../src/core/serialize.js';
import { DEMO_SPEC } from './helpers/cli.js';

const SPEC = DEMO_SPEC;

function k8sArtifact(): Artifact {
  return {
    path: 'demo/kubernetes/app.yaml',
    format: 'yaml',
    kind: 'kubernetes',
    emitter: 'kubernetes:app',
    documents: [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'demo' }, spec: { replicas: 2 } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'demo' }, spec: { ports: [] } },
    ],
  };
}

const run = (patches: unknown[], artifacts = [k8sArtifact()]) => {
  const diagnostics: Parameters<typeof applyPatches>[2] = [];
  applyPatches(artifacts, [{ patches: patches as PatchDeclaration[], base: ['patches'] }], diagnostics);
  return { artifacts, diagnostics };
};

describe('applyPatches', () => {
  it('selects one document of a multi-document artifact by kind and name', () => {
    const r = run([{ kind: 'Deployment', name: 'demo', ops: [{ op: 'replace', path: '/spec/replicas', value: 4 }] }]);
    expect(r.diagnostics).toEqual([]);
    expect(r.artifacts[0]!.documents![0]!.spec).toEqual({ replicas: 4 });
    expect(r.artifacts[0]!.documents![1]!.spec).toEqual({ ports: [] });
  });

  it('refuses a selector that matches several documents, and one that matches none', () => {
    const r = run([
      { target: 'kubernetes', ops: [{ op: 'add', path: '/metadata/labels', value: {} }] },
      { target: 'ecs', kind: 'ecs-task-definition', ops: [{ op: 'add', path: '/x', value: 1 }] },
      { ops: [{ op: 'add', path: '/x', value: 1 }] },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['PATCH_AMBIGUOUS', ['patches', 0]],
      ['PATCH_NO_MATCH', ['patches', 1]],
      ['PATCH_NO_SELECTOR', ['patches', 2]],
    ]);
  });

  it('names the failing op by index and leaves the document untouched (a patch applies as a whole)', () => {
    const r = run([
      {
        id: 'scale',
        kind: 'Deployment',
        ops: [
          { op: 'replace', path: '/spec/replicas', value: 9 },
          { op: 'test', path: '/spec/replicas', value: 3 },
        ],
      },
    ]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'PATCH_TEST_FAILED', path: ['patches', 0, 'ops', 1], source: 'patch' });
    expect(r.diagnostics[0]!.message).toContain('Patch "scale", op 1');
    expect(r.artifacts[0]!.documents![0]!.spec).toEqual({ replicas: 2 });
  });

  it('refuses prototype keys in path and from, and Object.prototype stays clean', () => {
    const r = run([
      { kind: 'Deployment', ops: [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }] },
      { kind: 'Deployment', ops: [{ op: 'add', path: '/constructor/prototype/polluted', value: 'yes' }] },
      { kind: 'Deployment', ops: [{ op: 'copy', from: '/spec', path: '/metadata/prototype' }] },
      { kind: 'Deployment', ops: [{ op: 'add', path: '/spec/~1__proto__', value: 1 }] },
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PATCH_FORBIDDEN_PATH', 'PATCH_FORBIDDEN_PATH', 'PATCH_FORBIDDEN_PATH']);
    // `/spec/~1__proto__` is the key "/__proto__", a harmless own property name.
    expect(Object.keys(r.artifacts[0]!.documents![0]!.spec as object)).toContain('/__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses text artifacts and invalid ops', () => {
    const text: Artifact = { path: 'demo/runbook/README.md', format: 'text', text: '# x', kind: 'runbook', emitter: 'runbook:readme' };
    const r = run(
      [
        { file: 'runbook/README.md', ops: [{ op: 'add', path: '/x', value: 1 }] },
        { kind: 'Deployment', ops: [{ op: 'add', path: 'spec' }] },
        { kind: 'Deployment', ops: [{ op: 'frobnicate', path: '/spec' }] },
      ],
      [k8sArtifact(), text],
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PATCH_TEXT_ARTIFACT', 'PATCH_INVALID_OP', 'PATCH_INVALID_OP']);
  });
});

describe('patches through compile()', () => {
  it('applies spec patches after the emitters and before serialization, deterministically', () => {
    const spec = `${SPEC}patches:\n  - target: ecs\n    kind: ecs-task-definition\n    ops:\n      - { op: add, path: /ephemeralStorage, value: { sizeInGiB: 40 } }\n`;
    const a = compile(spec);
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const td = JSON.parse(a.files.find((f) => f.path.endsWith('ecs/task-definition.json'))!.content);
    expect(td.ephemeralStorage).toEqual({ sizeInGiB: 40 });
    expect(compile(spec).files).toEqual(a.files);
  });

  it('positions a failing spec patch at its op', () => {
    const spec = `${SPEC}patches:\n  - target: ecs\n    kind: ecs-task-definition\n    ops:\n      - { op: remove, path: /nope }\n`;
    const r = compile(spec);
    expect(r.files).toEqual([]);
    expect(r.diagnostics.find((d) => d.code.startsWith('PATCH_'))).toMatchObject({ code: 'PATCH_PATH_NOT_FOUND', line: 14, column: 9, file: 'service.yaml' });
  });

  it('reads side files and positions their diagnostics in that file', () => {
    const r = compile(SPEC, { patchFiles: [{ file: 'patches.yaml', text: '- target: ecs\n  kind: ecs-task-definition\n  ops:\n    - op: test\n      path: /family\n      value: other\n' }] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'PATCH_TEST_FAILED', file: 'patches.yaml', line: 4, column: 7, path: [0, 'ops', 0] }),
    ]);
  });

  it('the schema rejects unknown keys in a patch', () => {
    const r = compile(`${SPEC}patches:\n  - target: ecs\n    kind: ecs-task-definition\n    opz: []\n    ops: [{ op: remove, path: /x }]\n`);
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.path.join('.') === 'patches.0.opz')).toBe(true);
  });
});
