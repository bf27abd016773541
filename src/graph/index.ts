/**
 * `graph()`: a spec → the picture of what its generated files deploy, as Mermaid text or SVG.
 * Pure, like `compile()`: it compiles the spec (environment overlay, targets, patches and
 * verification included) and draws the artifacts, so the picture is of the files `generate` would
 * write. An error in the spec is an error here too, and then there is no picture.
 */
import { compile, type CompileOptions } from '../compile/compile.js';
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import type { Artifact } from '../core/serialize.js';
import { compilePlatform, isPlatformSpec } from '../platform/compile.js';
import { buildPanels, linkPanels } from './build.js';
import { renderMermaid } from './mermaid.js';
import { renderSvg } from './svg.js';
import type { DeployGraph, ServiceGraph } from './types.js';

export { buildPanels, linkPanels, targetOf } from './build.js';
export { escapeLabel, renderMermaid } from './mermaid.js';
export { renderSvg } from './svg.js';
export type { DeployGraph, GraphEdge, GraphGroup, GraphLink, GraphNode, NodeKind, ServiceGraph } from './types.js';

export const GRAPH_FORMATS = ['mermaid', 'svg'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphOptions extends CompileOptions {
  /** `mermaid` (default) or `svg`. */
  format?: GraphFormat;
}

export interface GraphResult {
  /** The service (or platform) name, when the spec got far enough to have one. */
  service?: string;
  /** The panels drawn: one per target (App Mesh may add one for its controller resources). */
  graph: DeployGraph;
  /** The picture; empty when `diagnostics` has an error. */
  text: string;
  diagnostics: Diagnostic[];
}

/** The text of a picture in a format (panels from several specs: `linkPanels(panels)` first). */
export function renderGraph(graph: DeployGraph, format: GraphFormat = 'mermaid'): string {
  return format === 'svg' ? renderSvg(graph) : renderMermaid(graph);
}

/**
 * Panels for one compiled service, with a warning for each target whose files are not drawn (a
 * plugin's or a template's), so nothing is left out without saying so.
 */
export function graphArtifacts(service: string, artifacts: readonly Artifact[], file?: string): { panels: ServiceGraph[]; diagnostics: Diagnostic[] } {
  const { panels, skipped } = buildPanels(service, artifacts);
  const diagnostics: Diagnostic[] = skipped.map((target) => ({
    code: 'GRAPH_TARGET_NOT_DRAWN',
    severity: 'warning',
    message: `The graph does not draw the files of target "${target}" (only ecs, kubernetes, appmesh, copilot and platforms); they are left out of the picture.`,
    source: 'emitter',
    origin: 'graph',
    path: [],
    ...(file !== undefined ? { file } : {}),
  }));
  return { panels, diagnostics };
}

export interface GraphPanels {
  /** The service (or platform) name, when the spec got far enough to have one. */
  service?: string;
  panels: ServiceGraph[];
  diagnostics: Diagnostic[];
}

/**
 * Compile one spec (a service, or a `kind: Platform` spec) and build its panels. No panel when
 * the spec has an error; an error too when it compiles to nothing the graph draws.
 */
export function graphSpec(input: string | Uint8Array | object, options: CompileOptions = {}): GraphPanels {
  const file = options.file ?? 'service.yaml';
  const text = typeof input === 'string' ? input : input instanceof Uint8Array ? Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8') : undefined;
  const compiled =
    text !== undefined && isPlatformSpec(text)
      ? (() => {
          const p = compilePlatform(text, { file, ...(options.verify === false ? { verify: false } : {}) });
          return { ...(p.platform !== undefined ? { service: p.platform } : {}), artifacts: p.artifacts, diagnostics: p.diagnostics };
        })()
      : compile(input, options);
  const out: GraphPanels = { panels: [], diagnostics: [...compiled.diagnostics] };
  if (compiled.service !== undefined) out.service = compiled.service;
  if (hasErrors(out.diagnostics) || compiled.service === undefined) return out;
  const drawn = graphArtifacts(compiled.service, compiled.artifacts, file);
  out.diagnostics.push(...drawn.diagnostics);
  if (!drawn.panels.length) {
    out.diagnostics.push({ code: 'GRAPH_EMPTY', severity: 'error', message: 'Nothing to draw: the spec compiled to no file of a target the graph draws (ecs, kubernetes, appmesh, copilot).', source: 'emitter', origin: 'graph', path: [], file });
    return out;
  }
  out.panels = drawn.panels;
  return out;
}

/** Compile one spec and draw what its files deploy, as Mermaid text or SVG. */
export function graph(input: string | Uint8Array | object, options: GraphOptions = {}): GraphResult {
  const { format = 'mermaid', ...compileOptions } = options;
  const r = graphSpec(input, compileOptions);
  const result: GraphResult = { graph: linkPanels(r.panels), text: '', diagnostics: r.diagnostics };
  if (r.service !== undefined) result.service = r.service;
  if (!hasErrors(r.diagnostics)) result.text = renderGraph(result.graph, format);
  return result;
}
