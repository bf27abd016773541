/**
 * Other Node releases for the cold rows: the npm registry's `node-<platform>-<arch>@<version>`
 * packages, fetched with `npm pack` and unpacked (never installed) into the folder
 * scripts/node-matrix.mjs uses, so both share what was fetched once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function npm(dir, argv) {
  const r = spawnSync('npm', argv, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm ${argv.join(' ')}: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`);
  return r.stdout;
}

/** [label, node binary] for a release (`22`, `24.1.0`), or a string saying why it is not available. */
export function nodeRelease(root, version) {
  const dir = process.env.CODEGEN_NODE_MATRIX_DIR ?? join(root, 'node_modules/.cache/codegen-node-matrix');
  const pkg = `node-${process.platform}-${process.arch}`;
  try {
    mkdirSync(dir, { recursive: true });
    let exact = version;
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      const out = npm(dir, ['view', `${pkg}@${version}`, 'version', '--json']).trim();
      exact = out.startsWith('[') ? JSON.parse(out).at(-1) : JSON.parse(out);
    }
    const unpacked = join(dir, `${pkg}-${exact}`);
    const bin = join(unpacked, 'package/bin/node');
    if (!existsSync(bin)) {
      const tgz = npm(dir, ['pack', `${pkg}@${exact}`, '--silent', '--pack-destination', dir]).trim().split('\n').pop();
      mkdirSync(unpacked, { recursive: true });
      const tar = spawnSync('tar', ['-xzf', join(dir, tgz), '-C', unpacked], { encoding: 'utf8' });
      rmSync(join(dir, tgz), { force: true });
      if (tar.status !== 0) throw new Error(`could not unpack ${tgz}: ${tar.stderr}`);
    }
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    if (v.status !== 0) throw new Error(`${bin} --version failed`);
    return [v.stdout.trim(), bin];
  } catch (err) {
    return `Node ${version} is not available (${err instanceof Error ? err.message : String(err)})`;
  }
}
