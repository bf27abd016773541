/**
 * `generate --prune` deletes only files codegen wrote (the output folder's manifest, with the hash
 * of each file) and never an input of the run; every refusal comes before the first change, and a
 * failure says exactly what changed. Regression cases of issue 15, items 4 and 5.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../src/project/manifest.js';
import { DEMO_SPEC, runCli } from './helpers/cli.js';

const WITH_K8S = `${DEMO_SPEC}  kubernetes: {}\n`;

function tmp(prefix = 'codegen-prune-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function put(dir: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
}

/** Every entry under `dir` (links not followed) with the text of each file: a byte-level snapshot. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])) {
    const abs = join(e.parentPath, e.name);
    const rel = abs.slice(dir.length + 1);
    out[rel] = e.isSymbolicLink() ? '<link>' : e.isDirectory() ? '<dir>' : readFileSync(abs, 'utf8');
  }
  return out;
}

describe('--prune removes only what codegen wrote', () => {
  it('--out deploy with the spec inside deploy/: the spec is never removed', async () => {
    const dir = tmp();
    put(dir, { 'deploy/demo/service.yaml': WITH_K8S, 'deploy/demo/README.md': 'ours\n' });
    const first = await runCli(['generate', 'deploy/demo/service.yaml', '--out', 'deploy', '--prune'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(dir, 'deploy/demo/service.yaml'), 'utf8')).toBe(WITH_K8S);
    writeFileSync(join(dir, 'deploy/demo/service.yaml'), DEMO_SPEC); // no kubernetes target any more
    const second = await runCli(['generate', 'deploy/demo/service.yaml', '--out', 'deploy', '--prune'], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(readFileSync(join(dir, 'deploy/demo/service.yaml'), 'utf8')).toBe(DEMO_SPEC);
    expect(readFileSync(join(dir, 'deploy/demo/README.md'), 'utf8')).toBe('ours\n');
    expect(existsSync(join(dir, 'deploy/demo/kubernetes/deployment.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'deploy/demo/ecs/task-definition.json'))).toBe(true);
  });

  it('--out . with name: src keeps the hand-written files in src/', async () => {
    const dir = tmp();
    const spec = WITH_K8S.replace('name: demo', 'name: src');
    put(dir, { 'service.yaml': spec, 'src/index.ts': 'export {};\n', 'src/lib/util.ts': 'export const x = 1;\n', 'src/ecs/notes.md': 'mine\n' });
    for (const text of [spec, DEMO_SPEC.replace('name: demo', 'name: src')]) {
      writeFileSync(join(dir, 'service.yaml'), text);
      const r = await runCli(['generate', 'service.yaml', '--out', '.', '--prune'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'src/index.ts'), 'utf8')).toBe('export {};\n');
      expect(readFileSync(join(dir, 'src/lib/util.ts'), 'utf8')).toBe('export const x = 1;\n');
      expect(readFileSync(join(dir, 'src/ecs/notes.md'), 'utf8')).toBe('mine\n');
      expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toBe(text);
    }
    expect(existsSync(join(dir, 'src/kubernetes'))).toBe(true); // the folder stays; the files codegen wrote in it are gone
    expect(readdirSync(join(dir, 'src/kubernetes'))).toEqual([]);
  });

  it('a folder an older codegen wrote (no manifest): nothing is pruned, a warning lists what was not, and the manifest starts', async () => {
    const dir = tmp();
    put(dir, { 'service.yaml': DEMO_SPEC, 'out/demo/ecs/old.json': '{}\n', 'out/demo/ecs/task-definition.json': '{}\n' });
    const r = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning OUTPUT_PRUNE_SKIPPED --prune removed nothing because it has no manifest .*demo\/ecs\/old\.json is not generated any more/);
    expect(readFileSync(join(dir, 'out/demo/ecs/old.json'), 'utf8')).toBe('{}\n');
    const manifest = JSON.parse(readFileSync(join(dir, 'out/.codegen-manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(['demo/ecs/service.cfn.yaml', 'demo/ecs/task-definition.json']);
  });

  it('a file codegen wrote and someone edited since is kept, with a warning', async () => {
    const dir = tmp();
    put(dir, { 'service.yaml': WITH_K8S });
    expect((await runCli(['generate', 'service.yaml', '--out', 'out'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'out/demo/kubernetes/service.yaml'), '# edited by hand\n');
    writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC);
    const r = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/OUTPUT_PRUNE_KEPT .*demo\/kubernetes\/service\.yaml \(changed since codegen wrote it\)/);
    expect(readFileSync(join(dir, 'out/demo/kubernetes/service.yaml'), 'utf8')).toBe('# edited by hand\n');
    expect(existsSync(join(dir, 'out/demo/kubernetes/deployment.yaml'))).toBe(false);
    // No longer listed: a later --prune leaves it alone without a word.
    const again = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(again.stderr).not.toContain('OUTPUT_PRUNE');
  });

  it('an input of the run is never removed, even when a manifest lists it', async () => {
    const dir = tmp();
    put(dir, { 'out/demo/spec.yaml': DEMO_SPEC });
    expect((await runCli(['generate', 'out/demo/spec.yaml', '--out', 'out'], dir)).code).toBe(0);
    // A manifest that claims the spec (committed by someone, say) with its true hash.
    const file = join(dir, 'out/.codegen-manifest.json');
    const m = JSON.parse(readFileSync(file, 'utf8')) as { files: Record<string, string> };
    m.files['demo/spec.yaml'] = contentHash(DEMO_SPEC);
    writeFileSync(file, JSON.stringify(m));
    const r = await runCli(['generate', 'out/demo/spec.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/OUTPUT_PRUNE_KEPT .*demo\/spec\.yaml \(an input of this run\)/);
    expect(readFileSync(join(dir, 'out/demo/spec.yaml'), 'utf8')).toBe(DEMO_SPEC);
  });

  it('a generated path that is an input of the run is refused, not overwritten', async () => {
    const dir = tmp();
    // The spec is JSON (YAML reads it) at the very path the ECS task definition would take.
    const json = JSON.stringify({ apiVersion: 'codegen/v1', name: 'demo', region: 'us-east-1', image: 'nginx:1.27.3', ports: [{ port: 8080 }], targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' } } });
    put(dir, { 'out/demo/ecs/task-definition.json': json });
    const before = snapshot(dir);
    const r = await runCli(['generate', 'out/demo/ecs/task-definition.json', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error OUTPUT_IS_INPUT demo/ecs/task-definition.json is an input of this run (');
    expect(r.stderr).toContain('Nothing was changed.');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('--prune checks everything before the first change', () => {
  it('a symbolic link where a listed file was: exit 1 before anything is renamed or removed, and the message says so', async () => {
    const dir = tmp();
    const outside = tmp('codegen-outside-');
    writeFileSync(join(outside, 'precious.txt'), 'keep me\n');
    put(dir, { 'service.yaml': WITH_K8S });
    expect((await runCli(['generate', 'service.yaml', '--out', 'out'], dir)).code).toBe(0);
    rmSync(join(dir, 'out/demo/kubernetes/deployment.yaml'));
    symlinkSync(join(outside, 'precious.txt'), join(dir, 'out/demo/kubernetes/deployment.yaml'));
    // The next run changes ECS files (to be renamed) and no longer generates kubernetes (to be pruned).
    writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC.replace('port: 8080', 'port: 9090'));
    const before = snapshot(dir);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const r = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error OUTPUT_SYMLINK Refusing to write through the symbolic link demo/kubernetes/deployment.yaml. Nothing was changed.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me\n');
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  });

  it('a symbolic link to a folder on a listed path is refused the same way', async () => {
    const dir = tmp();
    const outside = tmp('codegen-outside-');
    put(outside, { 'deployment.yaml': 'theirs\n' });
    put(dir, { 'service.yaml': WITH_K8S });
    expect((await runCli(['generate', 'service.yaml', '--out', 'out'], dir)).code).toBe(0);
    rmSync(join(dir, 'out/demo/kubernetes'), { recursive: true });
    symlinkSync(outside, join(dir, 'out/demo/kubernetes'));
    writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC.replace('port: 8080', 'port: 9090'));
    const before = snapshot(dir);
    const r = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OUTPUT_SYMLINK');
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(outside, 'deployment.yaml'), 'utf8')).toBe('theirs\n');
  });

  it('a symbolic link codegen never wrote is left alone and the run succeeds', async () => {
    const dir = tmp();
    const outside = tmp('codegen-outside-');
    writeFileSync(join(outside, 'x.txt'), 'x\n');
    put(dir, { 'service.yaml': DEMO_SPEC });
    expect((await runCli(['generate', 'service.yaml', '--out', 'out'], dir)).code).toBe(0);
    symlinkSync(join(outside, 'x.txt'), join(dir, 'out/demo/link.txt'));
    const r = await runCli(['generate', 'service.yaml', '--out', 'out', '--prune'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/demo/link.txt'), 'utf8')).toBe('x\n');
  });
});
