/**
 * writeOutputs: new service folders are written whole and renamed into place, existing ones file by
 * file; either way all-or-nothing, nothing left behind, and the written list in the files' order.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs, writeOutputs } from '../../src/project/write.js';

const tree = (dir: string, rel = ''): string[] =>
  readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tree(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`])).sort();

describe('writeOutputs', () => {
  const files = [
    { path: 'a/ecs/task.json', content: '{}\n' },
    { path: 'a/kubernetes/deployment.yaml', content: 'kind: Deployment\n' },
    { path: 'b/manifest.yml', content: 'name: b\n' },
  ];

  it('writes new service folders whole and leaves no temporary folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    const r = await writeOutputs(out, files);
    expect(r.written).toEqual(files.map((f) => f.path));
    // The manifest records what was written (for --prune); no temporary folder is left.
    expect(tree(out)).toEqual(['.codegen-manifest.json', 'a/ecs/task.json', 'a/kubernetes/deployment.yaml', 'b/manifest.yml']);
    expect(readFileSync(join(out, 'a/kubernetes/deployment.yaml'), 'utf8')).toBe('kind: Deployment\n');
    expect(await checkOutputs(out, files, ['a', 'b'])).toEqual({ stale: [], missing: [], extra: [] });
  });

  it('updates an existing folder file by file, leaving unchanged files and other files alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    mkdirSync(join(out, 'a/ecs'), { recursive: true });
    writeFileSync(join(out, 'a/ecs/task.json'), '{}\n');
    writeFileSync(join(out, 'a/notes.md'), 'mine\n');
    const r = await writeOutputs(out, files);
    expect(r.unchanged).toEqual(['a/ecs/task.json']);
    expect(r.written).toEqual(['a/kubernetes/deployment.yaml', 'b/manifest.yml']);
    expect(tree(out)).toEqual(['.codegen-manifest.json', 'a/ecs/task.json', 'a/kubernetes/deployment.yaml', 'a/notes.md', 'b/manifest.yml']);
  });

  it('writes nothing when any file cannot be written (a new folder and an existing one)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    mkdirSync(join(out, 'a'));
    writeFileSync(join(out, 'a/keep.txt'), 'keep\n');
    // `c/x` is a file and a folder at once: writing `c/x/y` fails after other files were staged.
    const bad = [...files, { path: 'c/x', content: '1\n' }, { path: 'c/x/y', content: '2\n' }];
    await expect(writeOutputs(out, bad)).rejects.toThrow();
    expect(tree(out)).toEqual(['a/keep.txt']);
    expect(readdirSync(out).sort()).toEqual(['a']);
  });

  it('still refuses a symbolic link inside the output folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'codegen-elsewhere-'));
    symlinkSync(elsewhere, join(out, 'a'));
    await expect(writeOutputs(out, files)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('OutputWriter.commit', () => {
  it('leaves no temporary folder behind when a rename is refused', async () => {
    const { OutputWriter } = await import('../../src/project/write.js');
    const out = mkdtempSync(join(tmpdir(), 'codegen-write-'));
    const w = new OutputWriter(out);
    w.stage([{ path: 'a/x.yaml', content: 'x: 1\n' }, { path: 'b/y.yaml', content: 'y: 1\n' }]);
    // Both folders were new when staged; one appears (not empty) before the commit.
    mkdirSync(join(out, 'b'));
    writeFileSync(join(out, 'b/other.txt'), 'someone else\n');
    expect(() => w.commit()).toThrow(/Could not move b into place \((?:ENOTEMPTY|EEXIST)\); 1 of 2 new folders and files were already in place/);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readFileSync(join(out, 'b/other.txt'), 'utf8')).toBe('someone else\n');
  });
});
