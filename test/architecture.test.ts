/**
 * The floor plan of `src/`, enforced: the import graph (static imports, `export … from`, dynamic
 * `import()`) has no cycle, no import from a lower layer to a higher one, no import between two
 * modules of the same layer (the emitter targets never import each other), and no hand-written
 * file over 400 lines. The layers are written down here and in docs/architecture.md — change both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/**
 * Bottom → top. A module may import modules of lower layers only; modules in one layer are peers
 * and may not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['core'], // primitives: diagnostics, source positions, YAML, serialize, merge, units, patch, output paths
  ['schema', 'data'], // the spec's JSON Schema and validator; AWS facts (Fargate sizes, CodeDeploy configs' data)
  ['model'], // spec → model: overlay, view, normalize
  ['verify'], // checks of generated artifacts, by format (CloudFormation comes from ecs, appmesh and platform)
  ['platform'], // the platform spec and its exports, which the ECS service imports
  ['emitters/common'], // src/emitters/types.ts (the emitter contract) and what two targets share
  ['emitters/ecs', 'emitters/kubernetes', 'emitters/appmesh', 'emitters/copilot'], // one folder per target
  ['emitters/index'], // the list of built-in emitters
  ['rules'], // best-practice rules on the model
  ['templates'], // template emitters from the config (Handlebars, runbook)
  ['importers'], // codegen import: manifests, task definitions, Copilot and Compose files → specs
  ['compile'], // the pipeline: may import everything above
  ['graph', 'import-exact'], // codegen graph: compiled artifacts → a picture (Mermaid, SVG); import --exact: the residual of an import as spec patches; pure, both use compile
  ['project'], // the file-system side: config discovery, plugins, write, cache, diff
  ['cli'], // argument parsing and printing
  ['index'], // the public API
];

/** Files over 400 lines allowed for now, each being split by its own change; empty this list. */
const LINE_LIMIT_EXCEPTIONS = new Set<string>([]);
const LINE_LIMIT = 400;

/** The module a source file belongs to (`src/emitters/ecs/task.ts` → `emitters/ecs`). */
function moduleOf(file: string): string | undefined {
  const parts = file.split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts.length === 2) return parts[1] === 'index.ts' ? 'index' : undefined;
  if (parts[1] === 'emitters') {
    if (parts.length === 3) return parts[2] === 'index.ts' ? 'emitters/index' : parts[2] === 'types.ts' ? 'emitters/common' : undefined;
    return `emitters/${parts[2]}`;
  }
  return parts[1];
}

type Graph = Map<string, string[]>;

/** Every import of `src/` as root-relative POSIX paths; imports of packages and files outside `src/` are left out. */
function readGraph(): Graph {
  const graph: Graph = new Map();
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.(ts|mts|js|mjs)$/.test(f)).map((f) => `src/${f.split('\\').join('/')}`).sort();
  const known = new Set(files);
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const abs = relative(ROOT, resolve(ROOT, dirname(file), fileName)).split('\\').join('/');
      const candidates = [abs, abs.replace(/\.js$/, '.ts'), abs.replace(/\.mjs$/, '.mts'), `${abs}.ts`, `${abs}/index.ts`];
      const hit = candidates.find((c) => known.has(c));
      if (hit) targets.push(hit);
      else if (abs.startsWith('src/')) throw new Error(`${file}: cannot resolve the import ${fileName}`);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Imports that break the layering, one line each. */
function layerViolations(graph: Graph, layers: readonly (readonly string[])[] = LAYERS): string[] {
  const rank = new Map<string, number>();
  layers.forEach((mods, i) => mods.forEach((m) => rank.set(m, i)));
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = moduleOf(from);
    if (a === undefined || !rank.has(a)) {
      out.push(`${from} is in no layer (add its folder to LAYERS and docs/architecture.md)`);
      continue;
    }
    for (const to of targets) {
      const b = moduleOf(to);
      if (b === undefined || b === a) continue;
      const ra = rank.get(a)!;
      const rb = rank.get(b);
      if (rb === undefined) continue; // reported as "in no layer" for that file
      if (rb > ra) out.push(`${from} (${a}) imports ${to} (${b}), a higher layer`);
      else if (rb === ra) out.push(`${from} (${a}) imports ${to} (${b}), a peer in the same layer`);
    }
  }
  return out;
}

/** Every import cycle, as `a → b → … → a` (one per strongly connected component). */
function importCycles(graph: Graph): string[] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) !== idx.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(cyclePath(graph, new Set(scc), v));
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** One concrete cycle through `start` inside its component, for the message. */
function cyclePath(graph: Graph, scc: Set<string>, start: string): string {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!scc.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        return [...path, start].join(' → ');
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [...scc].join(' → ');
}

describe('architecture: the checks themselves', () => {
  const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

  it('places files in modules', () => {
    expect(moduleOf('src/index.ts')).toBe('index');
    expect(moduleOf('src/emitters/index.ts')).toBe('emitters/index');
    expect(moduleOf('src/emitters/types.ts')).toBe('emitters/common');
    expect(moduleOf('src/emitters/ecs/task.ts')).toBe('emitters/ecs');
    expect(moduleOf('src/model/normalize/ports.ts')).toBe('model');
    expect(moduleOf('src/stray.ts')).toBeUndefined();
  });

  it('reports an upward import, an import between targets and a file in no layer', () => {
    const v = layerViolations(
      g({
        'src/core/units.ts': ['src/model/types.ts'],
        'src/model/types.ts': ['src/core/units.ts'],
        'src/emitters/copilot/manifest.ts': ['src/emitters/ecs/task.ts', 'src/emitters/common/cfn.ts'],
        'src/elsewhere/x.ts': [],
      }),
    );
    expect(v).toEqual([
      'src/core/units.ts (core) imports src/model/types.ts (model), a higher layer',
      'src/emitters/copilot/manifest.ts (emitters/copilot) imports src/emitters/ecs/task.ts (emitters/ecs), a peer in the same layer',
      'src/elsewhere/x.ts is in no layer (add its folder to LAYERS and docs/architecture.md)',
    ]);
  });

  it('reports cycles, including ones inside a module, and nothing for a DAG', () => {
    expect(importCycles(g({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'], 'd.ts': ['a.ts'] }))).toEqual(['a.ts → b.ts → c.ts → a.ts']);
    expect(importCycles(g({ 'a.ts': ['a.ts'] }))).toEqual(['a.ts → a.ts']);
    expect(importCycles(g({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['c.ts'], 'c.ts': [] }))).toEqual([]);
  });
});

describe('architecture of src/', () => {
  const graph = readGraph();

  it('reads the whole graph (static, re-export and dynamic imports)', () => {
    // Anchors that fail if the reader misses a kind of import.
    expect(graph.get('src/index.ts')).toContain('src/compile/compile.ts'); // export … from
    expect(graph.get('src/project/config.ts')).toContain('src/templates/index.ts'); // import type + dynamic import()
    expect(graph.get('src/compile/compile.ts')).toContain('src/model/normalize/index.ts'); // import … from
    expect(graph.size).toBeGreaterThan(100);
  });

  it('never reaches the modules that build the spec schema from the library or the CLI', () => {
    // They build the whole schema tree, descriptions and all, when loaded: the generator's and the
    // tests' business. What code needs of them at run time is in src/schema/values.ts.
    const builders = new Set(['src/schema/core-schema.ts', 'src/schema/containers-schema.ts', 'src/schema/traffic-schema.ts', 'src/schema/parameters-schema.ts', 'src/schema/patch-schema.ts', 'src/schema/service-schema.ts', 'src/schema/targets/appmesh-route.ts', 'src/schema/targets/ecs.ts']);
    const reached = new Map<string, string>();
    const queue = ['src/index.ts', 'src/cli/main.ts'];
    for (const f of queue) reached.set(f, f);
    while (queue.length) {
      const f = queue.shift()!;
      for (const g of graph.get(f) ?? []) if (!reached.has(g)) (reached.set(g, f), queue.push(g));
    }
    const via = (f: string): string => (reached.get(f) === f ? f : `${via(reached.get(f)!)} -> ${f}`);
    expect([...builders].filter((f) => reached.has(f)).map(via)).toEqual([]);
    expect(reached.has('src/schema/values.ts')).toBe(true);
  });

  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it('imports only downward, and the emitter targets never import each other', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it(`has no hand-written file over ${LINE_LIMIT} lines (generated files and the listed exceptions aside)`, () => {
    const long: string[] = [];
    for (const file of graph.keys()) {
      if (/\.generated\./.test(file) || LINE_LIMIT_EXCEPTIONS.has(file)) continue;
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1;
      if (lines > LINE_LIMIT) long.push(`${file}: ${lines} lines`);
    }
    expect(long).toEqual([]);
  });

  it('lists only exceptions that still exist and still need it', () => {
    for (const file of LINE_LIMIT_EXCEPTIONS) {
      expect(graph.has(file), file).toBe(true);
      expect(readFileSync(join(ROOT, file), 'utf8').split('\n').length - 1, file).toBeGreaterThan(LINE_LIMIT);
    }
  });
});
