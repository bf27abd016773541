/**
 * The picture `codegen graph` draws: one panel per service and target, read from the compiled
 * artifacts (after patches), so it shows what the generated files really create. Renderers
 * (Mermaid, SVG) take these plain values; nothing here knows about text formats.
 */

/** What a box stands for; renderers pick a shape and colour per kind. */
export type NodeKind =
  | 'clients' // where traffic comes from: the internet, the VPC, other services in a namespace or mesh
  | 'loadBalancer'
  | 'listener'
  | 'rule' // listener rule, Ingress, HTTPRoute, mesh route, gateway route
  | 'targetGroup'
  | 'service' // ECS service, Kubernetes Service, mesh virtual service or router, Copilot service
  | 'workload' // Deployment, Rollout, ECS task definition
  | 'container'
  | 'sidecar'
  | 'autoscaling'
  | 'deployment' // CodeDeploy, a rollout controller
  | 'mesh' // App Mesh virtual nodes, gateways; Service Connect
  | 'discovery' // Cloud Map namespaces and services, DNS names
  | 'other'; // PodDisruptionBudget, ServiceAccount, NetworkPolicy, ...

export interface GraphNode {
  /** Unique within its panel; letters, digits and `_` only. */
  id: string;
  kind: NodeKind;
  title: string;
  /** Detail lines under the title (ports, sizes, hosts). */
  lines: string[];
  /** Not created by these files (a listener passed as a parameter, a shared gateway). */
  external?: boolean;
  /** The group (a task, the pods of a workload) the node sits in. */
  group?: string;
  /** CloudFormation export names this node's resource is published under (a platform's listener). */
  exports?: string[];
  /** Export names this node stands for (a listener a service imports from its platform). */
  imports?: string[];
}

export interface GraphEdge {
  from: string;
  /** A node id, or a group id (an edge to every member: a controller that runs the pods). */
  to: string;
  label?: string;
  /** `traffic`: requests flow this way; `control`: one object manages, scales or names the other. */
  kind: 'traffic' | 'control';
}

export interface GraphGroup {
  id: string;
  title: string;
}

/** One panel: what one target's files create for one service (or one platform). */
export interface ServiceGraph {
  service: string;
  target: string;
  title: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  groups: GraphGroup[];
  /** What the files hold but the boxes do not show (roles, log groups, overrides), one line each. */
  notes: string[];
}

/** The same resource in two panels: exported by one stack, imported by another. */
export interface GraphLink {
  from: { panel: number; node: string };
  to: { panel: number; node: string };
  label: string;
}

/** What the renderers draw: every panel of a run, in order, and the links between panels. */
export interface DeployGraph {
  panels: ServiceGraph[];
  links?: GraphLink[];
}

/** Builds a panel step by step; ids are made unique and safe. */
export class PanelBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly groups: GraphGroup[] = [];
  readonly notes: string[] = [];
  private readonly ids = new Set<string>();

  constructor(
    readonly service: string,
    readonly target: string,
    readonly title: string,
  ) {}

  /** A fresh id from free text (`Blue Target Group` → `blue_target_group`, then `_2`, `_3`). */
  id(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase() || 'n';
    let id = /^[a-z]/.test(base) ? base : `n_${base}`;
    for (let i = 2; this.ids.has(id); i++) id = `${base}_${i}`;
    this.ids.add(id);
    return id;
  }

  node(kind: NodeKind, title: string, lines: readonly (string | undefined | false)[] = [], opts: { id?: string; external?: boolean; group?: string; imports?: string[]; exports?: string[] } = {}): string {
    const id = this.id(opts.id ?? title);
    const n: GraphNode = { id, kind, title, lines: lines.filter((l): l is string => typeof l === 'string' && l !== '') };
    if (opts.external) n.external = true;
    if (opts.group) n.group = opts.group;
    if (opts.imports?.length) n.imports = opts.imports;
    if (opts.exports?.length) n.exports = opts.exports;
    this.nodes.push(n);
    return id;
  }

  group(title: string, hint = title): string {
    const id = this.id(hint);
    this.groups.push({ id, title });
    return id;
  }

  edge(from: string, to: string, kind: GraphEdge['kind'], label?: string): void {
    if (this.edges.some((e) => e.from === from && e.to === to && e.kind === kind && e.label === label)) return;
    this.edges.push({ from, to, kind, ...(label ? { label } : {}) });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  build(): ServiceGraph {
    // A group nobody sits in is not drawn (its edges go to nothing).
    const used = new Set(this.nodes.map((n) => n.group).filter(Boolean));
    const groups = this.groups.filter((g) => used.has(g.id));
    const known = new Set([...this.nodes.map((n) => n.id), ...groups.map((g) => g.id)]);
    const edges = this.edges.filter((e) => known.has(e.from) && known.has(e.to));
    return { service: this.service, target: this.target, title: this.title, nodes: this.nodes, edges, groups, notes: this.notes };
  }
}

/** `1 task`, `3 tasks`. */
export function count(n: string, word: string): string {
  return `${n} ${word}${n === '1' ? '' : 's'}`;
}

/** A value for a label: long ones keep their head and tail (`arn:aws:…:listener/app/prod/…/f2f7`). */
export function short(text: string, max = 48): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const head = Math.ceil((max - 1) / 2);
  return `${t.slice(0, head)}…${t.slice(t.length - (max - 1 - head))}`;
}

/** An image as people name it: an ECR registry host is left out (`orders:4.2.0`). */
export function imageLabel(image: string): string {
  const ecr = /^[0-9]{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/(.+)$/.exec(image);
  return short(ecr ? ecr[1]! : image);
}
