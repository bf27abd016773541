/**
 * `codegen graph`: goldens of the Mermaid text and the SVG for a few fixtures, the SVG parsed as
 * XML, the facts a picture must show (read from the generated files, patches included), label
 * escaping, and the command line. `CODEGEN_UPDATE_GOLDENS=1` rewrites the goldens.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { graph, graphArtifacts, graphSpec, renderMermaid, renderSvg } from '../../src/graph/index.js';
import { escapeLabel } from '../../src/graph/mermaid.js';
import { layoutFor } from '../../src/graph/svg.js';
import { kubernetesPanel } from '../../src/graph/kubernetes.js';
import type { ServiceGraph } from '../../src/graph/types.js';
import { FIXTURES, realworldCases, UPDATE, validCases } from '../helpers/fixtures.js';
import { DEMO_SPEC, runCli, specWorkspace } from '../helpers/cli.js';
import { drawCase, GRAPH_CASES } from './helpers.js';

/** Elements and text of an SVG document, parsed by a strict XML parser (throws when not well formed). */
export function parseXml(text: string): { elements: { name: string; attributes: Record<string, string> }[]; texts: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  const texts: string[] = [];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => elements.push({ name: t.local, attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, a]) => [k, typeof a === 'string' ? a : a.value])) }));
  parser.on('text', (t) => texts.push(t));
  parser.write(text).close();
  return { elements, texts };
}

/** The demo spec with two tasks (what the patch, overlay and --set tests change). */
const TWO_TASKS = DEMO_SPEC.replace('ports:', 'replicas: 2\nports:');

const edge = (p: ServiceGraph, from: string, to: string) => p.edges.find((e) => e.from === from && e.to === to);
const node = (p: ServiceGraph, id: string) => p.nodes.find((n) => n.id === id);

describe('graph goldens', () => {
  for (const name of GRAPH_CASES) {
    it(name, () => {
      const { graph: g, diagnostics } = drawCase(name);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const files = { 'graph.mmd': renderMermaid(g), 'graph.svg': renderSvg(g) };
      const dir = join(FIXTURES, name, 'graph');
      if (UPDATE) {
        mkdirSync(dir, { recursive: true });
        for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
      }
      for (const [f, text] of Object.entries(files)) {
        expect(existsSync(join(dir, f)), `fixtures/${name}/graph/${f}`).toBe(true);
        expect(text, f).toBe(readFileSync(join(dir, f), 'utf8'));
      }
    });
  }

  it('draws every case to the same bytes twice', () => {
    for (const name of GRAPH_CASES) {
      const a = drawCase(name).graph;
      const b = drawCase(name).graph;
      expect(renderMermaid(b)).toBe(renderMermaid(a));
      expect(renderSvg(b)).toBe(renderSvg(a));
    }
  });

  it('every fixture (and every public deployment under fixtures/realworld) draws: no error, well-formed SVG, no NaN', () => {
    const names = [...validCases().map((c) => c.name), ...realworldCases().map((c) => `realworld/${c.name}`)];
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const { graph: g, diagnostics } = drawCase(name);
      expect(diagnostics.filter((d) => d.severity === 'error' || d.code.startsWith('GRAPH_')), name).toEqual([]);
      expect(g.panels.length, name).toBeGreaterThan(0);
      const svg = renderSvg(g);
      expect(() => parseXml(svg), name).not.toThrow();
      expect(`${svg}${renderMermaid(g)}`, name).not.toMatch(/NaN|undefined|Infinity|\[object Object\]/);
    }
  });

  it('every SVG golden is well-formed XML: one <svg> root in the SVG namespace, a box per node', () => {
    for (const name of GRAPH_CASES) {
      const text = readFileSync(join(FIXTURES, name, 'graph/graph.svg'), 'utf8');
      const { elements } = parseXml(text);
      expect(elements[0]?.name, name).toBe('svg');
      expect(elements[0]?.attributes.xmlns, name).toBe('http://www.w3.org/2000/svg');
      const nodes = drawCase(name).panels.reduce((s, p) => s + p.nodes.length, 0);
      expect(elements.filter((e) => e.name === 'g' && e.attributes.class?.startsWith('node ')).length, name).toBe(nodes);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('layout', () => {
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  it('no two boxes overlap; a group holds its members and no other box; every edge goes left to right', () => {
    for (const name of GRAPH_CASES) {
      for (const p of drawCase(name).panels) {
        const l = layoutFor(p);
        const boxes = p.nodes.map((n) => ({ n, b: l.nodes.get(n.id)! }));
        for (const [i, a] of boxes.entries()) {
          expect(a.b, `${name} ${a.n.id}`).toBeDefined();
          for (const c of boxes.slice(i + 1)) expect(overlap(a.b, c.b), `${name}: ${a.n.id} / ${c.n.id}`).toBe(false);
          for (const g of p.groups) {
            const gb = l.groups.get(g.id)!;
            const inside = a.b.x >= gb.x && a.b.y >= gb.y && a.b.x + a.b.w <= gb.x + gb.w && a.b.y + a.b.h <= gb.y + gb.h;
            expect(a.n.group === g.id ? inside : !overlap(a.b, gb), `${name}: ${a.n.id} and group ${g.id}`).toBe(true);
          }
        }
        for (const e of l.edges) expect(e.points[0]!.x, `${name}: ${e.edge.from} → ${e.edge.to}`).toBeLessThan(e.points[e.points.length - 1]!.x);
      }
    }
  });
});

describe('what the picture shows', () => {
  it('ECS blue/green: the listener rule forwards to blue (weight 100) and green (weight 0), both reach the container port', () => {
    const [p] = drawCase('ecs-blue-green').panels;
    expect(edge(p!, 'rule', 'tg_blue')?.label).toBe('weight 100');
    expect(edge(p!, 'rule', 'tg_green')?.label).toBe('weight 0');
    expect(edge(p!, 'test_rule', 'tg_green')).toBeDefined();
    expect(edge(p!, 'tg_blue', 'container_app')).toMatchObject({ kind: 'traffic', label: '8080' });
    expect(edge(p!, 'tg_green', 'container_app')).toMatchObject({ kind: 'traffic', label: '8080' });
    expect(node(p!, 'ecs_service')?.lines).toContain('blue/green by ECS, bake 10 min');
    expect(node(p!, 'listener')).toMatchObject({ external: true, lines: expect.arrayContaining(['parameter ALBListener']) });
  });

  it('CodeDeploy: a custom canary config is read from its TrafficRoutingConfig (25 %, then the rest after 10 minutes)', () => {
    const [p] = drawCase('ecs-codedeploy-custom').panels;
    expect(node(p!, 'codedeploy')?.lines[0]).toBe('canary 25%, the rest after 10 min');
    expect(edge(p!, 'codedeploy', 'ecs_service')).toMatchObject({ kind: 'control' });
  });

  it('Service Connect: clients reach the container by the client alias; the service registers in the namespace', () => {
    const [p] = drawCase('ecs-service-connect').panels;
    expect(edge(p!, 'service_connect_clients', 'container_app')?.label).toBe('inventory.internal:80');
    expect(edge(p!, 'ecs_service', 'service_connect_namespace')?.label).toBe('registers inventory');
  });

  it('a listener the template creates (NLB, TLS) is drawn as one, forwarding to the target group', () => {
    const [p] = drawCase('nlb').panels;
    expect(node(p!, 'listener')).toMatchObject({ title: 'Listener TLS 8883', lines: ['1 certificate'] });
    expect(node(p!, 'listener')?.external).toBeUndefined();
    expect(edge(p!, 'listener', 'tg_primary')).toMatchObject({ kind: 'traffic' });
    expect(p!.notes.join('\n')).not.toContain('Listener');
    // Kubernetes: the Service of type LoadBalancer gets the NLB the AWS Load Balancer Controller makes.
    const k8s = drawCase('nlb').panels.find((x) => x.target === 'kubernetes')!;
    expect(node(k8s, 'nlb_mqtt_broker')).toMatchObject({ title: 'Network Load Balancer (internet-facing)', lines: ['made by the AWS Load Balancer Controller', 'listeners 8883 TLS'] });
    expect(edge(k8s, 'nlb_mqtt_broker', 'service_mqtt_broker')).toBeDefined();
    // Copilot: nlb.port on the load balancer, nlb.target_port on the container.
    const copilot = drawCase('nlb').panels.find((x) => x.target === 'copilot')!;
    expect(edge(copilot, 'nlb', 'container_mqtt_broker')?.label).toBe('1883');
  });

  it('step and scheduled scaling: the alarm that triggers each step policy, the steps, the schedules', () => {
    const [p] = drawCase('step-scaling').panels;
    expect(node(p!, 'autoscaling')?.lines).toEqual([
      '2–20 tasks',
      'track CPU at 60%',
      'steps +2, +4 when CPUUtilization >= 75',
      'steps -25% when ApproximateNumberOfMessagesVisible < 10',
      'night: min 1 at cron(0 22 * * ? *) Europe/Berlin',
      'morning: min 2, max 20 at cron(0 6 * * ? *) Europe/Berlin',
    ]);
    // The alarms belong to the auto scaling box: not named again under the panel.
    expect(p!.notes.join('\n')).not.toContain('Alarm');
  });

  it('Kubernetes: ALB → Ingress → Service → the selected container by port name; the HPA scales the Deployment', () => {
    const [p] = drawCase('k8s-hpa-irsa').panels;
    expect(p!.title).toBe('orders · Kubernetes · namespace commerce');
    expect(edge(p!, 'ingress_orders', 'service_orders')?.label).toBe('80');
    expect(edge(p!, 'service_orders', 'container_app')?.label).toBe('http');
    expect(edge(p!, 'hpa_orders', 'deployment_orders')).toMatchObject({ kind: 'control' });
    expect(node(p!, 'container_envoy')?.kind).toBe('sidecar');
    expect(node(p!, 'lb_orders')?.lines).toContain('shared by IngressGroup commerce-internal');
  });

  it('Kubernetes: a Service reaches pods only when its selector matches their labels', () => {
    const pod = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'app', image: 'x:1', ports: [{ containerPort: 80 }] }] } };
    const p = kubernetesPanel('a', [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a' }, spec: { replicas: 1, selector: { matchLabels: { app: 'a' } }, template: pod } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'match' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'other' }, spec: { selector: { app: 'b' }, ports: [{ port: 80 }] } },
    ]);
    expect(edge(p, 'service_match', 'container_app')).toBeDefined();
    expect(p.edges.filter((e) => e.from === 'service_other')).toEqual([]);
  });

  it('Argo Rollouts blue/green: the Rollout switches the active Service', () => {
    const [p] = drawCase('k8s-rollout').panels;
    expect(edge(p!, 'rollout_checkout', 'service_checkout')?.label).toBe('switches active');
  });

  it('App Mesh: the route splits traffic by weight across the versions; the gateway route reaches the virtual service', () => {
    const p = drawCase('appmesh-gateway').panels.find((x) => x.target === 'appmesh')!;
    expect(edge(p, 'route_catalog_route', 'node_catalog_v1')?.label).toBe('weight 75');
    expect(edge(p, 'route_catalog_route', 'node_catalog_v2')?.label).toBe('weight 25');
    expect(edge(p, 'vs_catalog_shop_local', 'router_catalog_router')).toBeDefined();
    expect(edge(p, 'gwroute_catalog_gateway_route', 'vs_catalog_shop_local')).toBeDefined();
  });

  it('App Mesh controller resources (Kubernetes) get a panel of their own, read from the custom resources', () => {
    const seed = readFileSync(join(FIXTURES, 'seed/service.yaml'), 'utf8').replace('    meshName: my-mesh\n', '    meshName: my-mesh\n    kubernetesController: true\n');
    const r = graphSpec(seed);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [cfn, controller] = r.panels.filter((p) => p.target === 'appmesh');
    expect(controller!.title).toBe('my-app · App Mesh controller (Kubernetes) · mesh my-mesh, egress DROP_ALL (legacy)');
    // The same route and weights as the CloudFormation panel: both files say the same mesh.
    for (const p of [cfn!, controller!]) {
      expect(edge(p, 'route_my_app_route', 'node_my_app_v1')?.label).toBe('weight 90');
      expect(edge(p, 'route_my_app_route', 'node_my_app_v2')?.label).toBe('weight 10');
      expect(edge(p, 'vs_my_app_my_namespace', 'router_my_app_router')).toBeDefined();
    }
  });

  it('is drawn from the files, after patches: a patched desired count is what the service box says', () => {
    const spec = `${TWO_TASKS}patches:
  - target: ecs
    file: ecs/service.cfn.yaml
    ops:
      - { op: replace, path: /Resources/ECSService/Properties/DesiredCount, value: 7 }
`;
    const r = graphSpec(spec);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(node(r.panels[0]!, 'ecs_service')?.lines[0]).toBe('7 tasks · FARGATE');
  });

  it('a platform and its service in one picture: the service listener is linked to the platform production listener', () => {
    const { graph: g } = drawCase('platform-ecs-service');
    const [platform, svc] = g.panels;
    expect(g.links).toContainEqual({ from: { panel: 0, node: 'prodlistener' }, to: { panel: 1, node: 'listener' }, label: 'export shop-ProdListenerArn' });
    expect(node(svc!, 'listener')?.lines).toContain(`= Listener ProdListener in ${platform!.title}`);
    expect(g.links?.map((l) => l.label)).toEqual(expect.arrayContaining(['export shop-ClusterName', 'export shop-ServiceConnectNamespaceName']));
  });

  it('a target whose files it cannot read is named in a warning, not dropped in silence', () => {
    const r = graphArtifacts('demo', [{ path: 'docs/x.md', format: 'text', text: 'x', kind: 'text', emitter: 'docs:readme' }]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['GRAPH_TARGET_NOT_DRAWN', 'warning']]);
    expect(r.diagnostics[0]!.message).toContain('"docs"');
  });

  it('a spec with an error gives diagnostics and no picture', () => {
    const r = graph('apiVersion: codegen/v1\nname: Bad_Name\n');
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(r.text).toBe('');
    expect(r.graph.panels).toEqual([]);
  });
});

describe('labels are escaped', () => {
  const hostile = '"]; click p1_x "javascript:alert(1)" %% #quot; <script>&amp;`x`|y\\\nz';
  const panel: ServiceGraph = {
    service: 's',
    target: 'ecs',
    title: `t ${hostile}`,
    nodes: [
      { id: 'x', kind: 'service', title: hostile, lines: [hostile] },
      { id: 'end', kind: 'container', title: 'end', lines: [] },
    ],
    edges: [{ from: 'x', to: 'end', kind: 'traffic', label: hostile }],
    groups: [],
    notes: [hostile],
  };

  it('Mermaid: every special character becomes an entity code; ids never come from values', () => {
    expect(escapeLabel('a"b#c<d>e&f`g|h\\i\nj')).toBe('a#34;b#35;c#60;d#62;e#38;f#96;g#124;h#92;i j');
    const text = renderMermaid({ panels: [panel] });
    for (const line of text.split('\n').filter((l) => l.includes('#34;'))) {
      // Outside our own markup a label holds no quote, angle bracket or pipe: only entity codes.
      const inner = line.replace(/^[^"]*"/, '').replace(/"[^"]*$/, '').replace(/<\/?b>|<br\/>/g, '');
      expect(inner).not.toMatch(/["<>|`\\\n]/);
    }
    expect(text).toContain('p1_end(');
    expect(text).not.toContain('javascript:alert(1)"');
  });

  it('SVG: the text reads back exactly (a strict XML parser), with no element from a value', () => {
    const { elements, texts } = parseXml(renderSvg({ panels: [panel] }));
    expect(elements.some((e) => e.name === 'script')).toBe(false);
    expect(texts).toContain(hostile.replace('\n', ' '));
  });
});

describe('docs/graph.md', () => {
  it('its example is the ecs-blue-green golden, as codegen graph prints it today', () => {
    const doc = readFileSync(join(FIXTURES, '../docs/graph.md'), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe(readFileSync(join(FIXTURES, 'ecs-blue-green/graph/graph.mmd'), 'utf8'));
  });
});

describe('codegen graph', () => {
  it('prints the Mermaid text on stdout (the golden), the summary on stderr', async () => {
    const dir = join(FIXTURES, 'ecs-blue-green');
    const r = await runCli(['graph', 'service.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(dir, 'graph/graph.mmd'), 'utf8'));
    expect(r.stderr).toMatch(/^codegen: drew 1 panel for 1 service \(mermaid\) in \d+ ms\n$/);
  });

  it('--out FILE.svg writes the SVG (the golden) and nothing on stdout', async () => {
    const dir = specWorkspace(readFileSync(join(FIXTURES, 'ecs-blue-green/service.yaml'), 'utf8'));
    const r = await runCli(['graph', 'service.yaml', '--out', 'pics/orders.svg'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'pics/orders.svg'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'ecs-blue-green/graph/graph.svg'), 'utf8'));
  });

  it('--out FILE.md writes the Mermaid text inside a mermaid fence (what GitHub renders)', async () => {
    const dir = specWorkspace(readFileSync(join(FIXTURES, 'ecs-blue-green/service.yaml'), 'utf8'));
    expect((await runCli(['graph', 'service.yaml', '--out', 'DEPLOY.md'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'DEPLOY.md'), 'utf8')).toBe(`\`\`\`mermaid\n${readFileSync(join(FIXTURES, 'ecs-blue-green/graph/graph.mmd'), 'utf8')}\`\`\`\n`);
  });

  it('a spec with an error: exit 1, the diagnostic on stderr, no file and no picture', async () => {
    const dir = specWorkspace('apiVersion: codegen/v1\nname: demo\nports: [{ port: 99999 }]\n');
    const r = await runCli(['graph', 'service.yaml', '--out', 'g.mmd'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/service\.yaml:\d+:\d+ error /);
    expect(existsSync(join(dir, 'g.mmd'))).toBe(false);
  });

  it('usage errors exit 2: an unknown picture format, an unknown target', async () => {
    const dir = specWorkspace();
    const bad = await runCli(['graph', 'service.yaml', '--format', 'png'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('graph draws mermaid or svg, not "png".');
    const target = await runCli(['graph', 'service.yaml', '--target', 'k8s'], dir);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('did you mean "kubernetes"?');
  });

  it('--env draws the environment overlay, --set a deploy-time value', async () => {
    const dir = specWorkspace(`${TWO_TASKS}environments:
  production: { replicas: 5 }
`);
    expect((await runCli(['graph', 'service.yaml'], dir)).stdout).toContain('2 tasks · FARGATE');
    expect((await runCli(['graph', 'service.yaml', '--env', 'production'], dir)).stdout).toContain('5 tasks · FARGATE');
    // --set draws a deploy-time value, as generate writes it.
    expect((await runCli(['graph', 'service.yaml', '--set', 'image=nginx:1.28.0'], dir)).stdout).toContain('nginx:1.28.0');
  });

  it('draws several specs into one picture, a panel per service and target', async () => {
    const dir = join(FIXTURES, 'platform-ecs-service');
    const r = await runCli(['graph', 'platform.yaml', 'service.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(dir, 'graph/graph.mmd'), 'utf8'));
    expect(r.stderr).toContain('drew 2 panels for 2 services');
  });
});
