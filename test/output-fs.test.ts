/**
 * The file primitives under the writer and the cache: a new file is created exclusively (a link
 * placed at its name is refused, never followed), a replaced file is replaced by a rename (a link
 * there is replaced, its target untouched), and the --cache record is saved through a temporary
 * file of its own (issue 15, item 8: "the --cache temp file never follows a symlink").
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile, runFolderOwner, writeNew } from '../src/project/output-fs.js';
import { SpecCache } from '../src/project/cache.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'codegen-ofs-'));

describe('output file primitives', () => {
  it('writeNew refuses a symbolic link at its name (O_EXCL) and leaves the target alone', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'target'), 'precious\n');
    symlinkSync(join(dir, 'target'), join(dir, 'new.tmp'));
    expect(() => writeNew(join(dir, 'new.tmp'), 'x')).toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('precious\n');
  });

  it('replaceFile replaces a link instead of writing through it, and leaves no temporary file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'target'), 'precious\n');
    symlinkSync(join(dir, 'target'), join(dir, 'file'));
    replaceFile(join(dir, 'file'), 'new\n');
    expect(lstatSync(join(dir, 'file')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir).sort()).toEqual(['file', 'target']);
  });

  it('the --cache record replaces a link at its path and writes nothing through it', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'elsewhere'), 'precious\n');
    symlinkSync(join(dir, 'elsewhere'), join(dir, '.codegen-cache'));
    const cache = new SpecCache(join(dir, '.codegen-cache'), 'fp');
    cache.record('a.yaml', cache.key('a.yaml', Buffer.from('x')), { files: [], diagnostics: [], suppressed: [] });
    cache.save();
    expect(lstatSync(join(dir, '.codegen-cache')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('precious\n');
    expect(readdirSync(dir).sort()).toEqual(['.codegen-cache', 'elsewhere']);
  });

  it('reads the owner from a run folder name, and nothing from other names', () => {
    expect(runFolderOwner('.codegen-0a1b2c3d-1-0123456789abcdef.tmp')).toEqual({ host: '0a1b2c3d', pid: 1 });
    expect(runFolderOwner('.codegen-4242-7.tmp')).toEqual({ legacy: true, pid: 4242 });
    for (const name of ['.codegen-manifest.json', '.codegen-cache', '.codegen-0a1b2c3d-1-xyz.tmp', 'codegen-1-2.tmp']) expect(runFolderOwner(name), name).toBeUndefined();
  });
});
