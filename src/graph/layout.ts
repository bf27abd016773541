/**
 * A small layered (Sugiyama-style) layout, left to right, for one panel:
 * 1. layers: longest path from the sources, members of a group pulled into one layer, then every
 *    node moved as far right as its successors allow (a controller sits next to what it runs);
 * 2. edges longer than one layer get a waypoint per layer they cross;
 * 3. order within a layer: barycenter sweeps, a group's members kept together;
 * 4. y: each box near the mean of its neighbours, boxes of a layer never overlapping.
 * Everything is deterministic: ties keep the order in which the panel lists its nodes.
 */
import type { GraphEdge, ServiceGraph } from './types.js';

export interface Size {
  w: number;
  h: number;
}

export interface Box extends Size {
  x: number;
  y: number;
}

export interface LaidEdge {
  edge: GraphEdge;
  /** From the source's right side to the target's left side, through one point per crossed layer. */
  points: { x: number; y: number }[];
  /** Where the label goes (the segment next to the end with fewer edges), and that segment's x range. */
  labelAt?: { x: number; y: number; from: number; to: number };
}

export interface Layout {
  nodes: Map<string, Box>;
  groups: Map<string, Box>;
  edges: LaidEdge[];
  width: number;
  height: number;
}

export const GROUP_PAD = 10;
export const GROUP_TITLE = 22;
const NODE_GAP = 16;
const MIN_LAYER_GAP = 56;

interface Unit {
  /** A node id, a group id (its members as one block), or a waypoint `~n`. */
  id: string;
  members: string[];
  h: number;
}

export function layoutPanel(p: ServiceGraph, sizeOf: (id: string) => Size, labelWidth: (e: GraphEdge) => number, groupTitleWidth: (id: string) => number): Layout {
  const ids = p.nodes.map((n) => n.id);
  const groupOf = new Map(p.nodes.filter((n) => n.group).map((n) => [n.id, n.group!]));
  const membersOf = new Map(p.groups.map((g) => [g.id, p.nodes.filter((n) => n.group === g.id).map((n) => n.id)]));
  const targetsOf = (e: GraphEdge): string[] => membersOf.get(e.to) ?? [e.to];
  const index = new Map(ids.map((id, i) => [id, i]));

  // Edges that close a cycle (found depth-first in declaration order) do not constrain layers.
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of p.edges) for (const t of targetsOf(e)) if (t !== e.from) succ.get(e.from)?.push(t);
  const back = new Set<string>();
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): void => {
    state.set(id, 1);
    for (const t of succ.get(id) ?? []) {
      if (state.get(t) === 1) back.add(`${id}>${t}`);
      else if (!state.has(t)) visit(t);
    }
    state.set(id, 2);
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  const forward: [string, string][] = [];
  for (const [from, ts] of succ) for (const t of ts) if (!back.has(`${from}>${t}`)) forward.push([from, t]);

  // 1. Layers.
  const layer = new Map(ids.map((id) => [id, 0]));
  const settle = (): void => {
    for (let round = 0, changed = true; changed && round <= ids.length; round++) {
      changed = false;
      for (const [f, t] of forward) {
        if (layer.get(t)! < layer.get(f)! + 1) {
          layer.set(t, layer.get(f)! + 1);
          changed = true;
        }
      }
      for (const members of membersOf.values()) {
        const max = Math.max(...members.map((m) => layer.get(m)!));
        for (const m of members) {
          if (layer.get(m) !== max) {
            layer.set(m, max);
            changed = true;
          }
        }
      }
    }
  };
  settle();
  // As late as the successors allow, rightmost first; a group moves as one. A leaf (a namespace a
  // service registers in) does not hold its source back: it follows it right when settled again.
  const isLeaf = (id: string): boolean => !groupOf.has(id) && !forward.some(([f]) => f === id);
  const order = [...ids].sort((a, b) => layer.get(b)! - layer.get(a)! || index.get(a)! - index.get(b)!);
  for (const id of order) {
    if (groupOf.has(id)) continue;
    const succs = forward.filter(([f]) => f === id).map(([, t]) => t);
    const held = succs.some((t) => !isLeaf(t)) ? succs.filter((t) => !isLeaf(t)) : succs;
    if (held.length) layer.set(id, Math.max(layer.get(id)!, Math.min(...held.map((t) => layer.get(t)!)) - 1));
  }
  settle();
  const layerCount = Math.max(0, ...layer.values()) + 1;

  // 2. Units per layer (groups as one block), waypoints for long edges.
  const layers: Unit[][] = Array.from({ length: layerCount }, () => []);
  const placed = new Set<string>();
  for (const id of ids) {
    const g = groupOf.get(id);
    if (g && placed.has(g)) continue;
    const members = g ? membersOf.get(g)! : [id];
    const h = members.reduce((s, m) => s + sizeOf(m).h, 0) + NODE_GAP * (members.length - 1) + (g ? GROUP_TITLE + GROUP_PAD : 0);
    layers[layer.get(id)!]!.push({ id: g ?? id, members, h });
    placed.add(g ?? id);
  }
  const unitOf = (id: string): string => groupOf.get(id) ?? id;
  const chains: { edge: GraphEdge; via: string[]; from: string; to: string; toLayer: number }[] = [];
  let waypoints = 0;
  for (const e of p.edges) {
    const toLayer = layer.get(targetsOf(e)[0]!) ?? 0;
    const fromLayer = layer.get(e.from) ?? 0;
    const via: string[] = [];
    for (let l = fromLayer + 1; l < toLayer; l++) {
      const id = `~${waypoints++}`;
      layers[l]!.push({ id, members: [], h: 6 });
      via.push(id);
    }
    chains.push({ edge: e, via, from: unitOf(e.from), to: membersOf.has(e.to) ? e.to : unitOf(e.to), toLayer });
  }
  // Neighbours between units of adjacent layers, for the barycenters.
  const links: [string, string][] = [];
  for (const c of chains) {
    const path = [c.from, ...c.via, c.to];
    for (let i = 0; i + 1 < path.length; i++) if (path[i] !== path[i + 1]) links.push([path[i]!, path[i + 1]!]);
  }

  // 3. Order: barycenter sweeps, down then up.
  const pos = new Map<string, number>();
  const renumber = (): void => layers.forEach((units) => units.forEach((u, i) => pos.set(u.id, i)));
  renumber();
  const sweep = (l: number, useLeft: boolean): void => {
    const units = layers[l]!;
    const key = new Map<string, number>();
    for (const u of units) {
      const near = links.filter(([a, b]) => (useLeft ? b === u.id : a === u.id)).map(([a, b]) => pos.get(useLeft ? a : b)!);
      key.set(u.id, near.length ? near.reduce((s, x) => s + x, 0) / near.length : pos.get(u.id)!);
    }
    units.sort((a, b) => key.get(a.id)! - key.get(b.id)! || pos.get(a.id)! - pos.get(b.id)!);
    units.forEach((u, i) => pos.set(u.id, i));
  };
  for (let round = 0; round < 4; round++) {
    for (let l = 1; l < layerCount; l++) sweep(l, true);
    for (let l = layerCount - 2; l >= 0; l--) sweep(l, false);
  }

  // x: columns as wide as their widest box, gaps wide enough for the labels that cross them.
  const innerWidth = (u: Unit): number => Math.max(...u.members.map((m) => sizeOf(m).w), membersOf.has(u.id) ? groupTitleWidth(u.id) : 0);
  const colWidth = layers.map((units) => Math.max(0, ...units.filter((u) => u.members.length).map((u) => innerWidth(u) + (membersOf.has(u.id) ? 2 * GROUP_PAD : 0))));
  const gap = Array.from({ length: layerCount }, () => MIN_LAYER_GAP);
  for (const c of chains) {
    const l = (layer.get(c.edge.from) ?? 0) + 1;
    if (c.edge.label && l < layerCount) gap[l] = Math.max(gap[l]!, labelWidth(c.edge) + 24);
  }
  const colX: number[] = [];
  for (let l = 0, x = 0; l < layerCount; l++) {
    x += l ? gap[l]! : 0;
    colX.push(x);
    x += colWidth[l]!;
  }

  // 4. y: near the neighbours' mean, in order, without overlap.
  const top = new Map<string, number>();
  const heightOf = new Map(layers.flat().map((u) => [u.id, u.h]));
  const center = (id: string): number => top.get(id)! + heightOf.get(id)! / 2;
  const place = (l: number, wanted: (u: Unit) => number | undefined): void => {
    const units = layers[l]!;
    let bottom = -Infinity;
    const shifts: number[] = [];
    for (const u of units) {
      const want = wanted(u);
      const y = Math.max(want === undefined ? (top.get(u.id) ?? bottom + NODE_GAP) : want - u.h / 2, bottom + NODE_GAP);
      if (want !== undefined) shifts.push(y + u.h / 2 - want);
      top.set(u.id, y);
      bottom = y + u.h;
    }
    // Pushing down moved some boxes off their mark: share the error evenly by moving the layer up.
    if (shifts.length) {
      const mean = shifts.reduce((s, x) => s + x, 0) / shifts.length;
      for (const u of units) top.set(u.id, top.get(u.id)! - mean);
    }
  };
  for (const units of layers) {
    let y = 0;
    for (const u of units) {
      top.set(u.id, y);
      y += u.h + NODE_GAP;
    }
  }
  const mean = (xs: number[]): number | undefined => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);
  for (let round = 0; round < 3; round++) {
    for (let l = 1; l < layerCount; l++) place(l, (u) => mean(links.filter(([, b]) => b === u.id).map(([a]) => center(a))));
    for (let l = layerCount - 2; l >= 0; l--) place(l, (u) => mean(links.filter(([a]) => a === u.id).map(([, b]) => center(b))));
  }
  const minY = Math.min(0, ...[...top.values()]);

  const nodes = new Map<string, Box>();
  const groups = new Map<string, Box>();
  for (let l = 0; l < layerCount; l++) {
    for (const u of layers[l]!) {
      const y0 = top.get(u.id)! - minY;
      if (membersOf.has(u.id)) {
        const inner = innerWidth(u);
        groups.set(u.id, { x: colX[l]! + (colWidth[l]! - inner) / 2 - GROUP_PAD, y: y0, w: inner + 2 * GROUP_PAD, h: u.h });
        let y = y0 + GROUP_TITLE;
        for (const m of u.members) {
          const s = sizeOf(m);
          nodes.set(m, { x: colX[l]! + (colWidth[l]! - s.w) / 2, y, ...s });
          y += s.h + NODE_GAP;
        }
      } else if (!u.id.startsWith('~')) {
        const s = sizeOf(u.id);
        nodes.set(u.id, { x: colX[l]! + (colWidth[l]! - s.w) / 2, y: y0, ...s });
      } else nodes.set(u.id, { x: colX[l]!, y: y0, w: colWidth[l]!, h: u.h });
    }
  }

  // Edges: anchors spread along the sides, ordered by where the other end is.
  const edges: LaidEdge[] = chains.map((c) => {
    const src = nodes.get(c.edge.from)!;
    const dst = groups.get(c.edge.to) ?? nodes.get(c.edge.to)!;
    const points = [{ x: src.x + src.w, y: src.y + src.h / 2 }];
    for (const w of c.via) {
      const b = nodes.get(w)!;
      points.push({ x: b.x, y: b.y + b.h / 2 }, { x: b.x + b.w, y: b.y + b.h / 2 });
    }
    points.push({ x: dst.x, y: dst.y + (groups.has(c.edge.to) ? Math.min(dst.h / 2, GROUP_TITLE + 20) : dst.h / 2) });
    return { edge: c.edge, points };
  });
  spread(edges, (e) => e.edge.from, 0, (e) => e.points[1]!.y, nodes);
  spread(edges, (e) => e.edge.to, -1, (e) => e.points[e.points.length - 2]!.y, new Map([...nodes, ...groups]));
  const outCount = (id: string): number => p.edges.filter((e) => e.from === id).length;
  const inCount = (id: string): number => p.edges.filter((e) => e.to === id).length;
  for (const e of edges) {
    if (!e.edge.label) continue;
    // Near the end where edges fan out, so labels of a fan sit apart instead of where the edges cross.
    const atEnd = outCount(e.edge.from) > inCount(e.edge.to);
    const [a, b] = atEnd ? [e.points[e.points.length - 2]!, e.points[e.points.length - 1]!] : [e.points[0]!, e.points[1]!];
    const t = outCount(e.edge.from) === inCount(e.edge.to) ? 0.5 : atEnd ? 0.7 : 0.3;
    e.labelAt = { ...onCurve(a, b, t), from: a.x, to: b.x };
  }
  let width = 0;
  let height = 0;
  for (const b of [...nodes.values(), ...groups.values()]) {
    width = Math.max(width, b.x + b.w);
    height = Math.max(height, b.y + b.h);
  }
  for (const id of [...nodes.keys()]) if (id.startsWith('~')) nodes.delete(id);
  return { nodes, groups, edges, width, height };
}

/** Several edges at one side of a box: anchors spread over its middle, in the order of their other ends. */
function spread(edges: LaidEdge[], end: (e: LaidEdge) => string, at: 0 | -1, other: (e: LaidEdge) => number, boxes: Map<string, Box>): void {
  const byEnd = new Map<string, LaidEdge[]>();
  for (const e of edges) byEnd.set(end(e), [...(byEnd.get(end(e)) ?? []), e]);
  for (const [id, list] of byEnd) {
    const box = boxes.get(id);
    if (!box || list.length < 2) continue;
    const sorted = [...list].sort((a, b) => other(a) - other(b));
    const span = Math.min(box.h * 0.6, 14 * (list.length - 1));
    const mid = at === 0 ? list[0]!.points[0]!.y : list[0]!.points[list[0]!.points.length - 1]!.y;
    sorted.forEach((e, i) => {
      const y = mid - span / 2 + (span * i) / (list.length - 1);
      const k = at === 0 ? 0 : e.points.length - 1;
      e.points[k] = { x: e.points[k]!.x, y };
    });
  }
}

/** The point at `t` on the curve the SVG draws between two points (horizontal tangents at both ends). */
export function onCurve(a: { x: number; y: number }, b: { x: number; y: number }, t: number): { x: number; y: number } {
  const dx = Math.max(20, Math.abs(b.x - a.x) / 2);
  const u = 1 - t;
  const bez = (p0: number, p1: number, p2: number, p3: number): number => u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
  return { x: bez(a.x, a.x + dx, b.x - dx, b.x), y: bez(a.y, a.y, b.y, b.y) };
}
