/**
 * The Mermaid goldens through Mermaid itself, in headless Chromium: every golden parses and renders
 * (a node per box, a cluster per panel and group), and hostile labels come out as text, never as
 * markup or a link. Needs Chromium and a copy of Mermaid's browser bundle, which is not a dependency
 * of this package (it is large): CODEGEN_MERMAID_JS names `mermaid.min.js`, or .ci/run installs it
 * under node_modules/.cache/graph-mermaid. Without either the test is skipped with a notice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMermaid } from '../../src/graph/mermaid.js';
import type { ServiceGraph } from '../../src/graph/types.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { drawCase, GRAPH_CASES } from './helpers.js';

const chromium = ['chromium', 'chromium-browser', 'google-chrome']
  .flatMap((name) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)))
  .find((p) => existsSync(p));
const mermaidJs = [process.env.CODEGEN_MERMAID_JS, join(ROOT, 'node_modules/.cache/graph-mermaid/node_modules/mermaid/dist/mermaid.min.js'), join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js')].find(
  (p): p is string => !!p && existsSync(p),
);
if (!chromium || !mermaidJs) {
  console.warn(`NOTICE: ${!chromium ? 'chromium is not installed' : 'no Mermaid bundle (set CODEGEN_MERMAID_JS or npm install --prefix node_modules/.cache/graph-mermaid mermaid@11)'}; the Mermaid rendering test of the graph is skipped.`);
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What Mermaid rendered for each source, one browser run for all (strict security, as sites that
 * render user Markdown use): the SVG markup, or `MERMAID_FAILED: <message>`.
 */
function renderInBrowser(sources: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-mermaid-'));
  try {
    const page = join(dir, 'page.html');
    const pres = sources.map((src, i) => `<pre id="src${i}" hidden>${escapeHtml(src)}</pre><div id="out${i}"></div><hr>`).join('\n');
    writeFileSync(
      page,
      `<!doctype html><html><head><meta charset="utf-8"><script src="${pathToFileURL(mermaidJs!).href}"></script></head><body>
${pres}
<script>
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
(async () => {
  for (let i = 0; i < ${sources.length}; i++) {
    const out = document.getElementById('out' + i);
    try { out.innerHTML = (await mermaid.render('graph' + i, document.getElementById('src' + i).textContent)).svg; }
    catch (e) { out.textContent = 'MERMAID_FAILED: ' + e.message; }
  }
  document.title = 'rendered';
})();
</script></body></html>`,
    );
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--virtual-time-budget=30000', '--dump-dom', pathToFileURL(page).href];
    const dom = execFileSync(chromium!, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
    return sources.map((_, i) => {
      const start = dom.indexOf(`<div id="out${i}">`);
      return start < 0 ? 'MERMAID_FAILED: not rendered' : dom.slice(start, dom.indexOf('<hr>', start));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!chromium || !mermaidJs)('graph Mermaid text in Mermaid, in headless Chromium', () => {
  const hostile = '"]; click p1_x "javascript:alert(1)" %% <img src=x onerror=alert(1)> #quot; `b` a|b';
  const hostilePanel: ServiceGraph = {
    service: 's',
    target: 'ecs',
    title: 'hostile',
    nodes: [
      { id: 'x', kind: 'service', title: hostile, lines: [hostile] },
      { id: 'y', kind: 'container', title: 'y', lines: [] },
    ],
    edges: [{ from: 'x', to: 'y', kind: 'traffic', label: hostile }],
    groups: [],
    notes: [],
  };
  let outputs: string[] = [];
  const sources = () => [...GRAPH_CASES.map((name) => readFileSync(join(FIXTURES, name, 'graph/graph.mmd'), 'utf8')), renderMermaid({ panels: [hostilePanel] })];
  const rendered = (i: number): string => {
    if (!outputs.length) outputs = renderInBrowser(sources());
    return outputs[i]!;
  };

  GRAPH_CASES.forEach((name, i) => {
    it(`${name}: renders a node per box and a cluster per panel and group`, { timeout: 150_000 }, () => {
      const out = rendered(i);
      expect(out).not.toContain('MERMAID_FAILED');
      const { panels } = drawCase(name);
      const boxes = panels.reduce((s, p) => s + p.nodes.length + (p.notes.length ? 1 : 0), 0);
      const clusters = panels.reduce((s, p) => s + 1 + p.groups.length, 0);
      expect(out.match(/<g class="node [^"]*"/g)?.length ?? 0).toBe(boxes);
      expect(out.match(/<g class="cluster"/g)?.length ?? 0).toBe(clusters);
    });
  });

  it('hostile labels render as text: no element, link or script from a value', { timeout: 150_000 }, () => {
    const out = rendered(GRAPH_CASES.length);
    expect(out).not.toContain('MERMAID_FAILED');
    // Only the tags Mermaid itself writes: none from the value (the value's text is escaped as &lt;img …).
    const tags = out.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.filter((t) => /^<(img|script|a)\b/i.test(t) || /\son[a-z]+=|javascript:/i.test(t))).toEqual([]);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('"]; click p1_x "javascript:alert(1)" %%');
  });
});
