/**
 * The picture as a standalone SVG document: panels stacked top to bottom, each laid out by
 * layout.ts, then a legend. No script, no external reference, no font file: it opens in any
 * browser and in GitHub's file view. Numbers are rounded to one decimal and every text is
 * XML-escaped, so the same graph always gives the same bytes.
 */
import { GROUP_PAD, layoutPanel, type Layout } from './layout.js';
import { CONTROL_COLOUR, KIND_STYLE, TRAFFIC_COLOUR } from './style.js';
import { textWidth, wrap } from './text-size.js';
import type { DeployGraph, GraphNode, ServiceGraph } from './types.js';

const FONT = "'DejaVu Sans', Verdana, 'Segoe UI', Helvetica, Arial, sans-serif";
const TITLE_SIZE = 13;
const LINE_SIZE = 11;
const LABEL_SIZE = 10.5;
const PAD_X = 10;
const PANEL_PAD = 18;
const PANEL_TITLE = 30;
const PANEL_GAP = 24;
const MIN_NODE_W = 110;

/** `&`, `<`, `>`, quotes: text safe in element content and attribute values. */
export function escapeXml(text: string): string {
  // One line each; control characters other than tab, newline and return are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u001f\ufffe\uffff]/g, ' ').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const n = (x: number): string => String(Math.round(x * 10) / 10);

function nodeSize(node: GraphNode): { w: number; h: number } {
  const w = Math.max(MIN_NODE_W, textWidth(node.title, TITLE_SIZE, true), ...node.lines.map((l) => textWidth(l, LINE_SIZE))) + 2 * PAD_X;
  return { w: Math.ceil(w), h: 12 + 16 + node.lines.length * 14 };
}

function nodeSvg(node: GraphNode, x: number, y: number, w: number, h: number): string {
  const s = KIND_STYLE[node.kind];
  const dash = node.external ? ' stroke-dasharray="5 4"' : '';
  const rx = node.kind === 'clients' ? h / 2 : node.kind === 'container' || node.kind === 'sidecar' ? 12 : 5;
  const shape =
    node.kind === 'loadBalancer'
      ? `<path d="M${n(x + 10)} ${n(y)}H${n(x + w - 10)}L${n(x + w)} ${n(y + h / 2)}L${n(x + w - 10)} ${n(y + h)}H${n(x + 10)}L${n(x)} ${n(y + h / 2)}Z" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${dash}/>`
      : `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(rx)}" fill="${s.fill}" stroke="${s.stroke}" stroke-width="1.5"${dash}/>`;
  const cx = x + w / 2;
  const text = [`<text x="${n(cx)}" y="${n(y + 20)}" text-anchor="middle" font-size="${TITLE_SIZE}" font-weight="bold" fill="#212121">${escapeXml(node.title)}</text>`];
  node.lines.forEach((l, i) => text.push(`<text x="${n(cx)}" y="${n(y + 36 + i * 14)}" text-anchor="middle" font-size="${LINE_SIZE}" fill="#424242">${escapeXml(l)}</text>`));
  return `<g class="node ${node.kind}" data-id="${escapeXml(node.id)}">${shape}${text.join('')}</g>`;
}

/** A smooth path through the points: horizontal tangents at each point (left-to-right flow). */
function curve(points: { x: number; y: number }[]): string {
  let d = `M${n(points[0]!.x)} ${n(points[0]!.y)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.y === b.y) d += `H${n(b.x)}`;
    else {
      const dx = Math.max(20, Math.abs(b.x - a.x) / 2); // as onCurve() in layout.ts, which places labels on it
      d += `C${n(a.x + dx)} ${n(a.y)} ${n(b.x - dx)} ${n(b.y)} ${n(b.x)} ${n(b.y)}`;
    }
  }
  return d;
}

function panelSvg(p: ServiceGraph, layout: Layout, width: number, y0: number): { svg: string; height: number } {
  const out: string[] = [];
  const x0 = PANEL_PAD;
  const top = y0 + PANEL_TITLE;
  const noteLines = p.notes.length ? ['Also in these files:', ...p.notes.flatMap((t) => wrap(`• ${t}`, LINE_SIZE, Math.max(width - 2 * PANEL_PAD, 300)))] : [];
  const height = PANEL_TITLE + layout.height + (noteLines.length ? 16 + noteLines.length * 15 : 0) + PANEL_PAD;
  out.push(`<g class="panel" data-target="${escapeXml(p.target)}">`);
  out.push(`<rect x="4" y="${n(y0)}" width="${n(width - 8)}" height="${n(height)}" rx="8" fill="#ffffff" stroke="#cfd8dc" stroke-width="1.5"/>`);
  out.push(`<text x="${n(x0)}" y="${n(y0 + 21)}" font-size="15" font-weight="bold" fill="#263238">${escapeXml(p.title)}</text>`);
  for (const g of p.groups) {
    const b = layout.groups.get(g.id);
    if (!b) continue;
    out.push(`<g class="group"><rect x="${n(x0 + b.x)}" y="${n(top + b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="8" fill="#fbfbf7" stroke="#90a4ae" stroke-width="1.2"/>`);
    out.push(`<text x="${n(x0 + b.x + GROUP_PAD)}" y="${n(top + b.y + 15)}" font-size="${LINE_SIZE}" font-weight="bold" fill="#455a64">${escapeXml(g.title)}</text></g>`);
  }
  for (const e of layout.edges) {
    const pts = e.points.map((pt) => ({ x: x0 + pt.x, y: top + pt.y }));
    const last = pts[pts.length - 1]!;
    pts[pts.length - 1] = { x: last.x - 2, y: last.y }; // the arrowhead ends at the box's border
    const traffic = e.edge.kind === 'traffic';
    out.push(`<path class="edge ${e.edge.kind}" d="${curve(pts)}" fill="none" stroke="${traffic ? TRAFFIC_COLOUR : CONTROL_COLOUR}" stroke-width="${traffic ? 1.6 : 1.3}"${traffic ? '' : ' stroke-dasharray="6 4"'} marker-end="url(#arrow-${e.edge.kind})"/>`);
  }
  for (const node of p.nodes) {
    const b = layout.nodes.get(node.id);
    if (b) out.push(nodeSvg(node, x0 + b.x, top + b.y, b.w, b.h));
  }
  for (const e of layout.edges) {
    if (!e.edge.label || !e.labelAt) continue;
    const w = textWidth(e.edge.label, LABEL_SIZE) + 8;
    // Inside the gap between the boxes when it is wide enough, so a label never covers a box.
    const lo = e.labelAt.from + w / 2 + 3;
    const hi = e.labelAt.to - w / 2 - 3;
    const x = x0 + (lo <= hi ? Math.min(Math.max(e.labelAt.x, lo), hi) : e.labelAt.x);
    const y = top + e.labelAt.y;
    out.push(`<g class="label"><rect x="${n(x - w / 2)}" y="${n(y - 8)}" width="${n(w)}" height="15" rx="3" fill="#ffffff" fill-opacity="0.92"/><text x="${n(x)}" y="${n(y + 3.5)}" text-anchor="middle" font-size="${LABEL_SIZE}" fill="#37474f">${escapeXml(e.edge.label)}</text></g>`);
  }
  noteLines.forEach((l, i) => {
    out.push(`<text x="${n(x0)}" y="${n(top + layout.height + 24 + i * 15)}" font-size="${LINE_SIZE}"${i === 0 ? ' font-weight="bold"' : ''} fill="#546e7a">${escapeXml(l)}</text>`);
  });
  out.push('</g>');
  return { svg: out.join('\n'), height };
}

function legendSvg(g: DeployGraph, y: number, width: number): { svg: string; height: number } {
  const kinds = [...new Set(g.panels.flatMap((p) => p.nodes.map((x) => x.kind)))].sort((a, b) => Object.keys(KIND_STYLE).indexOf(a) - Object.keys(KIND_STYLE).indexOf(b));
  const items: string[] = [];
  let x = PANEL_PAD;
  let row = 0;
  const place = (w: number): [number, number] => {
    if (x + w > width - PANEL_PAD && x > PANEL_PAD) {
      x = PANEL_PAD;
      row++;
    }
    const at: [number, number] = [x, y + 10 + row * 22];
    x += w + 14;
    return at;
  };
  for (const k of kinds) {
    const s = KIND_STYLE[k];
    const [lx, ly] = place(22 + textWidth(s.legend, LINE_SIZE));
    items.push(`<rect x="${n(lx)}" y="${n(ly)}" width="16" height="12" rx="3" fill="${s.fill}" stroke="${s.stroke}"/><text x="${n(lx + 22)}" y="${n(ly + 10)}" font-size="${LINE_SIZE}" fill="#37474f">${escapeXml(s.legend)}</text>`);
  }
  for (const [kind, text] of [
    ['traffic', 'requests'],
    ['control', 'manages, scales, registers'],
  ] as const) {
    const [lx, ly] = place(40 + textWidth(text, LINE_SIZE));
    items.push(`<path d="M${n(lx)} ${n(ly + 6)}H${n(lx + 30)}" stroke="${kind === 'traffic' ? TRAFFIC_COLOUR : CONTROL_COLOUR}" stroke-width="1.5"${kind === 'traffic' ? '' : ' stroke-dasharray="6 4"'} marker-end="url(#arrow-${kind})"/><text x="${n(lx + 38)}" y="${n(ly + 10)}" font-size="${LINE_SIZE}" fill="#37474f">${text}</text>`);
  }
  const [lx, ly] = place(22 + textWidth('not in these files', LINE_SIZE));
  items.push(`<rect x="${n(lx)}" y="${n(ly)}" width="16" height="12" rx="3" fill="#ffffff" stroke="#616161" stroke-dasharray="3 2"/><text x="${n(lx + 22)}" y="${n(ly + 10)}" font-size="${LINE_SIZE}" fill="#37474f">not in these files</text>`);
  return { svg: `<g class="legend">${items.join('')}</g>`, height: 10 + (row + 1) * 22 };
}

/** A panel laid out with the sizes its boxes, labels and group titles have in the SVG. */
export function layoutFor(p: ServiceGraph): Layout {
  const sizes = new Map(p.nodes.map((node) => [node.id, nodeSize(node)]));
  const groupTitles = new Map(p.groups.map((x) => [x.id, textWidth(x.title, LINE_SIZE, true)]));
  return layoutPanel(p, (id) => sizes.get(id) ?? { w: 0, h: 0 }, (e) => textWidth(e.label ?? '', LABEL_SIZE) + 8, (id) => groupTitles.get(id) ?? 0);
}

/** SVG for every panel, deterministic for a given graph. */
export function renderSvg(g: DeployGraph): string {
  const layouts = g.panels.map(layoutFor);
  const width = Math.ceil(Math.max(480, ...g.panels.map((p, i) => Math.max(layouts[i]!.width, textWidth(p.title, 15, true)) + 2 * PANEL_PAD)));
  const parts: string[] = [];
  let y = 4;
  g.panels.forEach((p, i) => {
    const { svg, height } = panelSvg(p, layouts[i]!, width, y);
    parts.push(svg);
    y += height + PANEL_GAP;
  });
  const legend = legendSvg(g, y - 8, width);
  const height = Math.ceil(y - 8 + legend.height + 8);
  const title = g.panels.map((p) => p.title).join('; ');
  const marker = (kind: 'traffic' | 'control', colour: string): string =>
    `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0L10 5L0 10Z" fill="${colour}"/></marker>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="codegen-graph-title" font-family="${escapeXml(FONT)}">`,
    `<title id="codegen-graph-title">${escapeXml(`What the generated files deploy: ${title}`)}</title>`,
    `<defs>${marker('traffic', TRAFFIC_COLOUR)}${marker('control', CONTROL_COLOUR)}</defs>`,
    `<rect width="${width}" height="${height}" fill="#eceff1"/>`,
    ...parts,
    legend.svg,
    '</svg>',
    '',
  ].join('\n');
}
