/**
 * The writer's file-system calls (docs/benchmarks.md, "The file system against the template"):
 * creating a folder or a file is what a fresh output costs, so a new service folder is staged with
 * one mkdir per folder (never a recursive mkdir that fails on the way), no lstat of a folder this
 * run made, and one rename into place. Counted through a wrapped node:fs.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: { op: string; path: string; recursive?: boolean; flags?: unknown }[] = [];
let counting = false;

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const wrap =
    <A extends unknown[], R>(op: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      if (counting) calls.push({ op, path: String(args[0]), ...(op === 'mkdirSync' ? { recursive: (args[1] as { recursive?: boolean } | undefined)?.recursive === true } : { flags: args[1] }) });
      return fn(...args);
    };
  const mocked = {
    ...fs,
    mkdirSync: wrap('mkdirSync', fs.mkdirSync),
    lstatSync: wrap('lstatSync', fs.lstatSync),
    statSync: wrap('statSync', fs.statSync),
    renameSync: wrap('renameSync', fs.renameSync),
    openSync: wrap('openSync', fs.openSync),
  };
  return { ...mocked, default: mocked };
});

const { writeOutputs } = await import('../../src/project/write.js');

/** Nine files in six folders, as codegen writes one service. */
const service = (name: string) =>
  ['ecs/task-definition.json', 'ecs/service.cfn.yaml', 'kubernetes/deployment.yaml', 'kubernetes/service.yaml', 'kubernetes/ingress.yaml', 'kubernetes/pdb.yaml', 'kubernetes/kustomization.yaml', 'appmesh/mesh.cfn.yaml', `copilot/${name}/manifest.yml`].map((p) => ({
    path: `${name}/${p}`,
    content: `${name} ${p}\n`,
  }));

async function count(out: string, n: number) {
  const files = Array.from({ length: n }, (_, i) => service(`svc-${i}`)).flat();
  calls.length = 0;
  counting = true;
  try {
    await writeOutputs(out, files);
  } finally {
    counting = false;
  }
  const under = (c: { path: string }) => c.path.startsWith(out);
  return {
    mkdir: calls.filter((c) => c.op === 'mkdirSync' && under(c)),
    lstat: calls.filter((c) => (c.op === 'lstatSync' || c.op === 'statSync') && under(c)),
    renames: calls.filter((c) => c.op === 'renameSync' && under(c)),
    creates: calls.filter((c) => c.op === 'openSync' && c.flags === 'wx' && under(c)),
  };
}

afterEach(() => {
  counting = false;
});

describe('the file-system calls of a write', () => {
  it('into a new output folder: one mkdir per folder, nothing looked up under it, one rename per service', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'codegen-fscalls-')), 'out');
    const c = await count(out, 10);
    // The output folder, the run folder, its `n` folder, then six folders per service.
    expect(c.mkdir.length).toBe(3 + 10 * 6);
    expect(c.mkdir.filter((m) => m.recursive && m.path !== out)).toEqual([]);
    // Only the output folder itself is looked at (is it a folder, and its file system).
    expect(c.lstat.map((l) => l.path)).toEqual([out]);
    // Each service folder renamed whole, the journal and the manifest.
    expect(c.renames.length).toBe(10 + 2);
    // Nine files per service, the journal and the manifest.
    expect(c.creates.length).toBe(10 * 9 + 2);
    expect(readdirSync(out).sort()).toEqual(['.codegen-manifest.json', ...Array.from({ length: 10 }, (_, i) => `svc-${i}`)].sort());
  });

  it('into an existing output folder: each new service folder looked up once, then the same', async () => {
    const out = mkdtempSync(join(tmpdir(), 'codegen-fscalls-'));
    const c = await count(out, 10);
    expect(c.mkdir.length).toBe(1 + 2 + 10 * 6); // the output folder (there already), the run folder and `n`
    expect(c.mkdir.filter((m) => m.recursive && m.path !== out)).toEqual([]);
    const looked = c.lstat.map((l) => l.path);
    for (let i = 0; i < 10; i++) expect(looked.filter((p) => p === join(out, `svc-${i}`))).toHaveLength(1);
    expect(c.renames.length).toBe(10 + 2);
    expect(c.creates.length).toBe(10 * 9 + 2);
  });
});
