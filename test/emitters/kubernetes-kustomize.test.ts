/**
 * `kubectl kustomize` (offline) builds every generated Kubernetes folder of the golden fixtures
 * (fixtures/realworld included), and the built set holds exactly the objects of the files in the
 * folder (a file may hold several). Skipped when kubectl is
 * not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES, realworldCases, validCases } from '../helpers/fixtures.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

function kubernetesFolders(): string[] {
  const out: string[] = [];
  for (const c of [...validCases(), ...realworldCases()]) {
    const expected = join(c.dir, 'expected');
    if (!existsSync(expected)) continue;
    for (const svc of readdirSync(expected)) {
      const dir = join(expected, svc, 'kubernetes');
      if (existsSync(join(dir, 'kustomization.yaml'))) out.push(dir);
    }
  }
  return out;
}

describe.skipIf(!hasKubectl)('kubectl kustomize', () => {
  const folders = kubernetesFolders();

  it('finds generated Kubernetes folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(5);
  });

  for (const dir of folders) {
    it(`builds ${dir.slice(FIXTURES.length + 1)}`, () => {
      const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const built = parseAllDocuments(r.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string } });
      // A file may hold several objects (service.yaml with targets.kubernetes.services).
      const objects = readdirSync(dir)
        .filter((f) => f !== 'kustomization.yaml')
        .reduce((n, f) => n + parseAllDocuments(readFileSync(join(dir, f), 'utf8')).length, 0);
      expect(built.length).toBe(objects);
      for (const o of built) expect(o.metadata.name).toBeTruthy();
    });
  }
});
