/**
 * The `yaml` library, loaded on first use. Specs and artifacts are read and written by codegen's
 * own fast reader and writer (yaml-fast.ts, yaml-emit.ts); the library is their fallback, and the
 * tool of a few commands (import, diff, templates). Imported at a module's top level, the bundle
 * would run the library's module code in every process, and the start-up cache would carry it.
 */
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

/** Whether this process has loaded the library yet (for the tests). */
export function yamlLibraryLoaded(): boolean {
  return library !== undefined;
}

export function yamlLibrary(): typeof Yaml {
  // In the CLI bundle the bundler makes this require() a call of the bundled package's module
  // wrapper, run once; the library builds leave it to Node (the ES module build is given a require
  // of its own: tsup.config.ts; test/entries.test.ts reads a spec with it).
  return (library ??= require('yaml') as typeof Yaml);
}

/**
 * Line starts of a text and the 1-based line and column of an offset: the yaml library's
 * LineCounter, which its lexer fills through `addNewLine`, without loading the library for the
 * texts it never reads. `linePos` gives what LineCounter's does (line 0 before the first start);
 * test/core/lazy-yaml.test.ts holds the two together.
 */
export class LineIndex {
  readonly lineStarts: number[] = [];
  /** Called at each line start, in ascending order (a bound function: the lexer is given it alone). */
  readonly addNewLine = (offset: number): number => this.lineStarts.push(offset);

  linePos(offset: number): { line: number; col: number } {
    const starts = this.lineStarts;
    // How many lines start at or before `offset`: that is its line.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? { line: 0, col: offset } : { line: lo, col: offset - starts[lo - 1]! + 1 };
  }
}
