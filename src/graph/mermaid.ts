/**
 * The picture as Mermaid flowchart text (GitHub renders it in Markdown and in `.mmd` files): one
 * subgraph per panel, a nested subgraph per task or pod group, solid arrows for traffic and dotted
 * ones for control. Every label is quoted and escaped with Mermaid's entity codes (`#34;` for a
 * double quote, `#35;` for `#`, `#60;` for `<`, ...), so no value from a spec can end a label,
 * start a comment or inject markup. Ids are generated (`p1_listener`), never taken from values.
 */
import { KIND_STYLE } from './style.js';
import type { DeployGraph, GraphNode, NodeKind, ServiceGraph } from './types.js';

/** Characters that mean something to Mermaid's parser or to the HTML it renders labels into. */
const ESCAPES: Readonly<Record<string, string>> = { '"': '#34;', '#': '#35;', '&': '#38;', '<': '#60;', '>': '#62;', '`': '#96;', '|': '#124;', '\\': '#92;' };

/** A value as label text: one line, every special character as an entity code. */
export function escapeLabel(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["#&<>`|\\]/g, (c) => ESCAPES[c]!);
}

/** Shapes per kind: the Mermaid brackets around a quoted label. */
const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  clients: ['([', '])'],
  loadBalancer: ['{{', '}}'],
  listener: ['[', ']'],
  rule: ['[', ']'],
  targetGroup: ['[', ']'],
  service: ['[[', ']]'],
  workload: ['[[', ']]'],
  container: ['(', ')'],
  sidecar: ['(', ')'],
  autoscaling: ['[', ']'],
  deployment: ['[', ']'],
  mesh: ['[', ']'],
  discovery: ['[(', ')]'],
  other: ['[', ']'],
};

function label(n: Pick<GraphNode, 'title' | 'lines'>): string {
  return [`<b>${escapeLabel(n.title)}</b>`, ...n.lines.map(escapeLabel)].join('<br/>');
}

function panelLines(p: ServiceGraph, prefix: string, out: string[], classes: Map<string, string[]>): void {
  const id = (local: string): string => `${prefix}_${local}`;
  out.push(`  subgraph ${prefix}["${escapeLabel(p.title)}"]`, '    direction LR');
  const addClass = (cls: string, nodeId: string): void => {
    classes.set(cls, [...(classes.get(cls) ?? []), nodeId]);
  };
  const nodeLine = (n: GraphNode, indent: string): void => {
    const [open, close] = SHAPES[n.kind];
    out.push(`${indent}${id(n.id)}${open}"${label(n)}"${close}`);
    addClass(n.kind, id(n.id));
    if (n.external) addClass('external', id(n.id));
  };
  for (const n of p.nodes.filter((x) => !x.group)) nodeLine(n, '    ');
  for (const g of p.groups) {
    out.push(`    subgraph ${id(g.id)}["${escapeLabel(g.title)}"]`, '      direction TB');
    for (const n of p.nodes.filter((x) => x.group === g.id)) nodeLine(n, '      ');
    out.push('    end');
  }
  if (p.notes.length) {
    out.push(`    ${id('notes')}["${label({ title: 'Also in these files', lines: p.notes })}"]`);
    addClass('note', id('notes'));
  }
  out.push('  end');
  for (const e of p.edges) {
    const arrow = e.kind === 'traffic' ? '-->' : '-.->';
    out.push(`  ${id(e.from)} ${arrow}${e.label ? `|"${escapeLabel(e.label)}"|` : ''} ${id(e.to)}`);
  }
}

/** Mermaid text for every panel, deterministic for a given graph. */
export function renderMermaid(graph: DeployGraph): string {
  const out: string[] = ['%% What the generated files create and how traffic flows (codegen graph).', '%% Solid arrows carry requests; dotted arrows manage, scale or register.', 'flowchart LR'];
  const classes = new Map<string, string[]>();
  graph.panels.forEach((p, i) => panelLines(p, `p${i + 1}`, out, classes));
  for (const l of graph.links ?? []) out.push(`  p${l.from.panel + 1}_${l.from.node} -.-|"${escapeLabel(l.label)}"| p${l.to.panel + 1}_${l.to.node}`);
  for (const [kind, s] of Object.entries(KIND_STYLE)) {
    if (classes.has(kind)) out.push(`  classDef ${kind} fill:${s.fill},stroke:${s.stroke},color:#212121`);
  }
  if (classes.has('external')) out.push('  classDef external stroke-dasharray:5 4');
  for (const [cls, ids] of classes) out.push(`  class ${ids.join(',')} ${cls}`);
  return `${out.join('\n')}\n`;
}
