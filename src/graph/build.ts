/**
 * Compiled artifacts → panels, one per target: the ECS files, the Kubernetes manifests, the App
 * Mesh resources, the Copilot manifest, a platform template. Drawn from the artifacts (after the
 * spec's patches), not from the model, so the picture shows what the files really deploy.
 */
import type { Artifact } from '../core/serialize.js';
import { appmeshPanel } from './appmesh.js';
import { copilotPanel } from './copilot.js';
import { ecsDocs, ecsPanel } from './ecs.js';
import { kubernetesPanel } from './kubernetes.js';
import { platformPanel } from './platform.js';
import type { DeployGraph, GraphLink, ServiceGraph } from './types.js';

/** The target an artifact belongs to: its emitter's prefix (`ecs:service` → `ecs`). */
export function targetOf(a: Pick<Artifact, 'emitter' | 'path'>): string {
  const i = a.emitter.indexOf(':');
  return i > 0 ? a.emitter.slice(0, i) : (a.path.split('/')[0] ?? a.emitter);
}

export interface PanelResult {
  panels: ServiceGraph[];
  /** Targets whose files the graph cannot read (a plugin's or a template's). */
  skipped: string[];
}

const ORDER = ['platform', 'ecs', 'kubernetes', 'appmesh', 'copilot'];

/** Panels for one service's artifacts, one per target, in a fixed order of targets. */
export function buildPanels(service: string, artifacts: readonly Artifact[]): PanelResult {
  const byTarget = new Map<string, Artifact[]>();
  for (const a of artifacts) byTarget.set(targetOf(a), [...(byTarget.get(targetOf(a)) ?? []), a]);
  const panels: ServiceGraph[] = [];
  const skipped: string[] = [];
  // Targets in a fixed order (the built-in ones first, as TARGETS lists them), then any other by name.
  const rank = (t: string): number => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);
  const targets = [...byTarget.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const target of targets) {
    const list = byTarget.get(target)!;
    if (target === 'ecs') panels.push(ecsPanel(service, ecsDocs(list)));
    else if (target === 'kubernetes') panels.push(kubernetesPanel(service, list.flatMap((a) => (a.kind === 'kubernetes' ? (a.documents ?? []) : []))));
    else if (target === 'appmesh') panels.push(...appmeshPanel(service, list));
    else if (target === 'copilot') {
      const doc = list.find((a) => a.kind === 'copilot-manifest')?.documents?.[0];
      if (doc) panels.push(copilotPanel(service, doc));
    } else if (target === 'platform') {
      const doc = list.find((a) => a.kind === 'cloudformation')?.documents?.[0];
      if (doc) panels.push(platformPanel(service, doc));
    } else skipped.push(target);
  }
  return { panels, skipped };
}

/**
 * The picture of a run: its panels, and a link wherever one panel's node imports what another
 * panel's node exports (a service's listener is its platform's production listener). The importing
 * node also says so in a line, which the SVG (drawing no arrows between panels) shows.
 */
export function linkPanels(panels: ServiceGraph[]): DeployGraph {
  const exporters = new Map<string, { panel: number; node: string; title: string; owner: string }>();
  panels.forEach((p, i) => {
    for (const n of p.nodes) for (const e of n.exports ?? []) if (!exporters.has(e)) exporters.set(e, { panel: i, node: n.id, title: n.title, owner: p.title });
  });
  const links: GraphLink[] = [];
  panels.forEach((p, i) => {
    for (const n of p.nodes) {
      for (const name of n.imports ?? []) {
        const from = exporters.get(name);
        if (!from || from.panel === i) continue;
        links.push({ from: { panel: from.panel, node: from.node }, to: { panel: i, node: n.id }, label: `export ${name}` });
        n.lines.push(`= ${from.title} in ${from.owner}`);
      }
    }
  });
  return links.length ? { panels, links } : { panels };
}
