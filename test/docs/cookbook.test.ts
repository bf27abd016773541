/**
 * docs/cookbook.md runs as written: every recipe's files, commands (with their exit codes) and the
 * output lines it shows, against the built CLI in an empty folder (test/helpers/doc-recipes.ts
 * describes the marks). The README links the page, and the recipes the issue asked for are there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';
import { readRecipes, runRecipe } from '../helpers/doc-recipes.js';

const PAGE = 'docs/cookbook.md';
const { recipes, stacks } = readRecipes(readFileSync(join(ROOT, PAGE), 'utf8'), PAGE);

describe('docs/cookbook.md', () => {
  it('has the recipes it promises, each with a spec or an input and commands, and the README links it', () => {
    const titles = recipes.map((r) => r.title);
    for (const t of ['Add a sidecar', 'Two environments', 'Image tags in CI', 'Adopt an existing stack', 'Migrate from Copilot', 'Migrate from App Mesh to Service Connect']) {
      expect(titles.some((title) => title.startsWith(t)), t).toBe(true);
    }
    for (const r of recipes) {
      expect(r.blocks.some((b) => b.kind === 'run'), `${r.title}: a run block`).toBe(true);
      expect(r.blocks.some((b) => b.kind === 'output' || b.kind === 'file-output'), `${r.title}: what comes out`).toBe(true);
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('](docs/cookbook.md)');
    // The table of contents names every recipe by its anchor.
    const page = readFileSync(join(ROOT, PAGE), 'utf8');
    for (const r of recipes) {
      const anchor = r.title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
      if (r.title !== 'How this page is tested') expect(page, r.title).toContain(`](#${anchor})`);
    }
  });

  for (const recipe of recipes) {
    it(`runs: ${recipe.title}`, () => {
      const { dir, results, cleanup } = runRecipe(recipe, stacks);
      for (const r of results) if (r.skipped) console.log(`skipped ${PAGE}:${r.block.line}: ${r.skipped.join(', ')} not installed`);
      expect(results.flatMap((r) => r.problems), `the recipe's folder (kept): ${dir}`).toEqual([]);
      cleanup();
    }, 120_000);
  }
});
