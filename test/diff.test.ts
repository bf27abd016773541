/** `codegen diff`: the pure structural diff (src/project/diff.ts) and the command in temp folders. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { diffOutputs, formatDiff, showValue } from '../src/project/diff.js';

describe('diffOutputs', () => {
  const file = (path: string, content: string) => ({ path, content });

  it('reports nothing when the text on disk is the generated text', () => {
    const files = [file('s/a.json', '{"a": 1}\n'), file('s/b.md', '# b\n')];
    expect(diffOutputs(files, { 's/a.json': '{"a": 1}\n', 's/b.md': '# b\n' })).toEqual([]);
  });

  it('compares JSON as data: changed, added and removed keys by JSON pointer', () => {
    const gen = file('s/t.json', JSON.stringify({ cpu: '512', tags: { a: 'x/y' }, ephemeralStorage: { sizeInGiB: 30 } }));
    const disk = JSON.stringify({ tags: { a: 'x/z', 'b/c~d': 1 }, cpu: '256' });
    expect(diffOutputs([gen], { 's/t.json': disk })).toEqual([
      {
        path: 's/t.json',
        status: 'changed',
        mode: 'structured',
        changes: [
          { op: 'changed', document: 0, pointer: '/cpu', old: '256', new: '512' },
          { op: 'changed', document: 0, pointer: '/tags/a', old: 'x/z', new: 'x/y' },
          { op: 'removed', document: 0, pointer: '/tags/b~1c~0d', old: 1 },
          { op: 'added', document: 0, pointer: '/ephemeralStorage', new: { sizeInGiB: 30 } },
        ],
      },
    ]);
  });

  it('aligns lists: a removed middle item is one removal (index on disk), an inserted one one addition', () => {
    const removed = diffOutputs([file('s/l.json', '[1, 3, 4]')], { 's/l.json': '[1, 2, 3, 4]' });
    expect(removed[0]!.changes).toEqual([{ op: 'removed', document: 0, pointer: '/1', old: 2 }]);
    const inserted = diffOutputs([file('s/l.json', '[{"n": "A"}, {"n": "X"}, {"n": "B"}]')], { 's/l.json': '[{"n": "A"}, {"n": "B"}]' });
    expect(inserted[0]!.changes).toEqual([{ op: 'added', document: 0, pointer: '/1', new: { n: 'X' } }]);
    // An item changed in place is diffed inside (index in the generated file).
    const changed = diffOutputs([file('s/l.json', '[{"n": "A", "v": 2}]')], { 's/l.json': '[{"n": "A", "v": 1}]' });
    expect(changed[0]!.changes).toEqual([{ op: 'changed', document: 0, pointer: '/0/v', old: 1, new: 2 }]);
  });

  it('compares multi-document YAML by document index, with added and removed documents', () => {
    const gen = file('s/k.yaml', 'kind: Deployment\nspec:\n  replicas: 3\n---\nkind: Service\n');
    const disk = 'kind: Deployment\nspec:\n  replicas: 2\n---\nkind: Service\n---\nkind: Ingress\n';
    const [d] = diffOutputs([gen], { 's/k.yaml': disk });
    expect(d).toMatchObject({ documents: 3, changes: [
      { op: 'changed', document: 0, pointer: '/spec/replicas', old: 2, new: 3 },
      { op: 'removed', document: 2, pointer: '', old: { kind: 'Ingress' } },
    ] });
    expect(formatDiff([d!])).toBe('~ s/k.yaml\n    ~ #0 /spec/replicas: 2 → 3\n    - #2 (document): {"kind":"Ingress"}\n');
  });

  it('reads YAML as 1.1 (as written): `on` is a boolean on both sides', () => {
    const [d] = diffOutputs([file('s/a.yaml', 'a: true\n')], { 's/a.yaml': 'a: on\n' });
    expect(d).toMatchObject({ status: 'changed', note: 'formatting only', changes: [] });
  });

  it('resolves anchors in a hand-edited file, and falls back to lines when aliases explode', () => {
    const [same] = diffOutputs([file('s/a.yaml', 'a:\n  x: 1\nb:\n  x: 1\n')], { 's/a.yaml': 'a: &x\n  x: 1\nb: *x\n' });
    expect(same).toMatchObject({ note: 'formatting only', changes: [] });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n');
    const [big] = diffOutputs([file('s/b.yaml', 'a: 1\n')], { 's/b.yaml': `${bomb}\n` });
    expect(big).toMatchObject({ mode: 'lines', note: 'the file on disk is not valid YAML' });
  });

  it('compares text artifacts and unparsable files by line', () => {
    const [md] = diffOutputs([file('s/r.md', '# r\nkeep\nnew line\nend\n')], { 's/r.md': '# r\nkeep\nold line\ngone\nend\n' });
    expect(md!.changes).toEqual([
      { op: 'changed', line: 3, old: 'old line', new: 'new line' },
      { op: 'removed', line: 4, old: 'gone' },
    ]);
    const [bad] = diffOutputs([file('s/a.yaml', 'a: 1\n')], { 's/a.yaml': 'a: [1\n' });
    expect(bad).toMatchObject({ mode: 'lines', note: 'the file on disk is not valid YAML' });
    expect(formatDiff([bad!])).toBe('~ s/a.yaml (the file on disk is not valid YAML; compared by line)\n    ~ line 1: "a: [1" → "a: 1"\n');
  });

  it('names new and extra files and sorts by path', () => {
    const d = diffOutputs([file('s/b.json', '{}'), file('s/a.json', '{}')], () => undefined, ['s/0-old.yaml']);
    expect(d.map((x) => [x.path, x.status])).toEqual([['s/0-old.yaml', 'extra'], ['s/a.json', 'new'], ['s/b.json', 'new']]);
    expect(formatDiff(d, 'out/')).toBe('- out/s/0-old.yaml (extra file: no longer generated)\n+ out/s/a.json (new file)\n+ out/s/b.json (new file)\n');
  });

  it('shows values as compact JSON, cut when long', () => {
    expect(showValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    const long = showValue('x'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

const SPEC = `apiVersion: codegen/v1
name: demo
region: us-east-1
image: nginx:1.27.3
ports:
  - port: 8080
env:
  A: "1"
  B: "2"
  C: "3"
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/exec
`;

/** The diff lines only (the summary line carries a timing). */
const lines = (stdout: string) => stdout.split('\n').filter((l) => l && !l.startsWith('codegen: '));

describe('codegen diff', () => {
  function generated(): string {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-diff-'));
    writeFileSync(join(dir, 'service.yaml'), SPEC);
    return dir;
  }

  it('exits 0 with no differences right after generate, and writes nothing', async () => {
    const dir = generated();
    expect((await run(['generate', 'service.yaml', '-q'], dir)).code).toBe(0);
    const r = await run(['diff', 'service.yaml', '-q'], dir);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const s = await run(['diff', 'service.yaml'], dir);
    expect(s.stdout).toMatch(/^codegen: compared 2 files for 1 service with out: no differences in \d+ ms\n$/);
  });

  it('exits 1 and prints a changed value, an added key, a removed list item, an extra and a missing file', async () => {
    const dir = generated();
    expect((await run(['generate', 'service.yaml', '-q', '--out', 'deploy'], dir)).code).toBe(0);
    const changed = SPEC.replace('port: 8080', 'port: 9090').replace('  B: "2"\n', '') +
      'patches:\n  - target: ecs\n    file: ecs/task-definition.json\n    ops:\n      - { op: add, path: /ephemeralStorage, value: { sizeInGiB: 30 } }\n';
    writeFileSync(join(dir, 'service.yaml'), changed);
    writeFileSync(join(dir, 'deploy/demo/ecs/old.json'), '{}\n');
    rmSync(join(dir, 'deploy/demo/ecs/service.cfn.yaml'));
    const before = readdirSync(join(dir, 'deploy/demo/ecs')).sort();
    const r = await run(['diff', 'service.yaml', '--out', 'deploy'], dir);
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual([
      '- deploy/demo/ecs/old.json (extra file: no longer generated)',
      '+ deploy/demo/ecs/service.cfn.yaml (new file)',
      '~ deploy/demo/ecs/task-definition.json',
      '    ~ /containerDefinitions/0/portMappings/0/containerPort: 8080 → 9090',
      '    - /containerDefinitions/0/environment/1: {"name":"B","value":"2"}',
      '    + /ephemeralStorage: {"sizeInGiB":30}',
    ]);
    expect(r.stdout).toMatch(/codegen: compared 2 files for 1 service with deploy: 3 differ \(1 changed, 1 new, 1 extra\) in \d+ ms\n$/);
    // Never writes.
    expect(readdirSync(join(dir, 'deploy/demo/ecs')).sort()).toEqual(before);
    expect(existsSync(join(dir, 'deploy/demo/ecs/service.cfn.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'deploy/demo/ecs/task-definition.json'), 'utf8')).toContain('8080');

    const j = await run(['diff', 'service.yaml', '--out', 'deploy', '--format', 'json'], dir);
    expect(j.code).toBe(1);
    const report = JSON.parse(j.stdout) as { diff: unknown[] };
    expect(report.diff).toEqual([
      { path: 'demo/ecs/old.json', status: 'extra', changes: [] },
      { path: 'demo/ecs/service.cfn.yaml', status: 'new', changes: [] },
      {
        path: 'demo/ecs/task-definition.json',
        status: 'changed',
        mode: 'structured',
        changes: [
          { op: 'changed', document: 0, pointer: '/containerDefinitions/0/portMappings/0/containerPort', old: 8080, new: 9090 },
          { op: 'removed', document: 0, pointer: '/containerDefinitions/0/environment/1', old: { name: 'B', value: '2' } },
          { op: 'added', document: 0, pointer: '/ephemeralStorage', new: { sizeInGiB: 30 } },
        ],
      },
    ]);
  });

  it('takes the output folder from the config file', async () => {
    const dir = generated();
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ specs: ['service.yaml'], out: 'gen' }));
    expect((await run(['generate', '-q'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'gen/demo/ecs/task-definition.json'))).toBe(true);
    expect((await run(['diff', '-q'], dir)).code).toBe(0);
  });

  it('exits 2 on usage errors', async () => {
    const dir = generated();
    for (const args of [['diff', 'service.yaml', '--check'], ['diff', 'service.yaml', '--prune'], ['diff', 'service.yaml', '--format', 'sarif'], ['diff']]) {
      const r = await run(args, dir);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^codegen: /);
    }
  });

  it('refuses to read through a symbolic link in the output folder, like generate', async () => {
    const dir = generated();
    expect((await run(['generate', 'service.yaml', '-q'], dir)).code).toBe(0);
    rmSync(join(dir, 'out/demo/ecs'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out/demo/ecs'));
    const r = await run(['diff', 'service.yaml', '-q'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OUTPUT_SYMLINK');
  });
});
