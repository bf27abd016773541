/**
 * The `yaml` library is loaded on first use (src/core/lazy-yaml.ts): a spec the fast reader reads,
 * compiled and written by the fast writer, never loads it; and the line index that stands in for
 * its LineCounter gives the same positions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LineCounter } from 'yaml';
import { LineIndex } from '../../src/core/lazy-yaml.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { random } from '../helpers/random.js';

describe('the yaml library', () => {
  it('is not loaded to compile a spec the fast reader reads, and is loaded for one it does not', async () => {
    vi.resetModules(); // a fresh module registry: nothing has loaded it yet
    const { compile } = await import('../../src/compile/compile.js');
    const { yamlLibraryLoaded } = await import('../../src/core/lazy-yaml.js');
    const seed = readFileSync(join(FIXTURES, 'seed/service.yaml'));
    const r = compile(seed, { file: 'service.yaml' });
    expect(r.files.length).toBe(9);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compile(seed, { file: 'service.yaml', targets: ['kubernetes'] }).files.length).toBeGreaterThan(0);
    expect(yamlLibraryLoaded()).toBe(false);
    // An alias is the library's to read (and refuse): now it is loaded.
    const alias = compile('apiVersion: codegen/v1\nname: a\nimage: x:1\nanchor: &a 1\nother: *a\n', { file: 's.yaml' });
    expect(alias.diagnostics.map((d) => d.code)).toContain('YAML_ALIAS');
    expect(yamlLibraryLoaded()).toBe(true);
  });
});

describe('LineIndex', () => {
  it("gives LineCounter's line and column for every offset of texts with its line starts", () => {
    const rnd = random(0x11e5);
    let compared = 0;
    for (let t = 0; t < 200; t++) {
      const starts = new Set<number>();
      const n = Math.floor(rnd() * 12);
      for (let i = 0; i < n; i++) starts.add(Math.floor(rnd() * 60));
      if (rnd() < 0.5) starts.add(0);
      const index = new LineIndex();
      const counter = new LineCounter();
      for (const s of [...starts].sort((a, b) => a - b)) expect(index.addNewLine(s)).toBe(counter.addNewLine(s));
      for (let offset = 0; offset <= 70; offset++, compared++) expect(index.linePos(offset), `${[...starts]} @${offset}`).toEqual(counter.linePos(offset));
    }
    expect(compared).toBe(200 * 71);
  });
});
