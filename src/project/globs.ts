/**
 * Glob expansion for spec files, in the config's `specs` and on the command line: tinyglobby
 * (picomatch syntax: `*` and `?` within a name, `**` any depth, `[ab]` classes, `{a,b}`
 * alternatives, a leading `!` excludes). A dot folder is searched only when the pattern names it
 * (`.deploy/**`); `node_modules`, `.git` and the `skip` folders (the output folder) never are.
 * Imported lazily by the CLI (a run that names its files does not load the matcher).
 */
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';

const posix = (p: string) => p.split(sep).join('/');

/** Files under `dir` matching the patterns: POSIX paths relative to `dir`, sorted. */
export function expandGlobs(patterns: readonly string[], dir: string, skip: readonly string[] = []): string[] {
  const ignore = ['**/node_modules/**', '**/.git/**'];
  for (const s of skip) {
    const rel = posix(relative(dir, resolve(dir, s)));
    if (rel && !rel.startsWith('..')) ignore.push(`${rel}/**`);
  }
  const files = globSync(
    patterns.map((p) => p.replace(/^(!?)\.\//, '$1')),
    { cwd: dir, ignore, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false },
  );
  // Only regular files (or links to one): a FIFO or device a pattern matches would block the read.
  return files.filter((f) => statSync(resolve(dir, f), { throwIfNoEntry: false })?.isFile() === true).map((f) => posix(f)).sort();
}
