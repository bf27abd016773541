/**
 * The package's own npm name: `codegen` on the registry is an unrelated package, so this one is
 * published as `svcgen` (its `codegen` command unchanged), and nothing a user copies from the README,
 * the docs or `init` names the other package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

export const PACKAGE_NAME = 'svcgen';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(md|ts|mjs|json|ya?ml)$/.test(name)) out.push(p);
  }
  return out;
}

/** What a user would copy that would reach the other package. */
const WRONG = [
  /node_modules\/codegen\//,
  /from ['"]codegen['"]/,
  /require\(['"]codegen['"]\)/,
  /npm (i|install|add)\b[^\n`]*\scodegen(\s|$|`)/,
];

describe('package name', () => {
  it('is svcgen, with the codegen command', () => {
    expect(pkg.name).toBe(PACKAGE_NAME);
    expect(Object.keys(pkg.bin)).toEqual(['codegen']);
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    expect(lock.name).toBe(PACKAGE_NAME);
    expect(lock.packages[''].name).toBe(PACKAGE_NAME);
  });

  it('README says how to add it to your repository', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`npm i -D ${PACKAGE_NAME}`);
    expect(readme).toContain('npx codegen init');
  });

  it('no doc, source or example names the unrelated npm package', () => {
    const hits: string[] = [];
    for (const root of ['README.md', 'docs', 'src', 'examples', 'action.yml', '.pre-commit-hooks.yaml']) {
      const p = join(ROOT, root);
      let list: string[];
      try {
        list = statSync(p).isDirectory() ? files(p) : [p];
      } catch {
        continue;
      }
      for (const f of list) {
        const text = readFileSync(f, 'utf8');
        for (const re of WRONG) {
          const m = re.exec(text);
          if (m) hits.push(`${relative(ROOT, f)}: ${m[0]}`);
        }
      }
    }
    expect(hits).toEqual([]);
  });

  it('the check can fail', () => {
    expect(WRONG.some((re) => re.test("import { compile } from 'codegen';"))).toBe(true);
    expect(WRONG.some((re) => re.test('npm install --save-dev husky codegen'))).toBe(true);
    expect(WRONG.some((re) => re.test(`npm i -D ${PACKAGE_NAME}`))).toBe(false);
  });
});
