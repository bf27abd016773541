/**
 * The Copilot target's panel (legacy: the Copilot CLI's end of support is 2026-06-12), read from the
 * manifest: what Copilot deploys for its service type — the environment's load balancer and the
 * listener rule for `http.path`, Service Connect, the service with its count or autoscaling range,
 * and the task's main container and sidecars.
 */
import type { Json, JsonObject } from '../core/serialize.js';
import { asArray, isObject, str } from './cfn.js';
import { count as plural, imageLabel, PanelBuilder, type ServiceGraph } from './types.js';

const o = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

function countLines(count: Json | undefined): { fixed?: string; scaling?: string[] } {
  if (count === undefined) return {};
  if (!isObject(count)) return { fixed: plural(String(count), 'task') };
  const range = isObject(count.range) ? `${String(count.range.min)}-${String(count.range.max)}` : str(count.range);
  const lines = [range ? `${range.replace('-', '–')} tasks` : undefined];
  const metrics: [string, string, string][] = [
    ['cpu_percentage', 'CPU', '%'],
    ['memory_percentage', 'memory', '%'],
    ['requests', 'requests per task', ''],
    ['response_time', 'response time', ''],
  ];
  for (const [k, label, unit] of metrics) {
    const v = count[k];
    if (v !== undefined) lines.push(`track ${label} at ${String(isObject(v) ? (v.value ?? '') : v)}${unit}`);
  }
  return { scaling: lines.filter((l): l is string => !!l) };
}

export function copilotPanel(service: string, m: JsonObject): ServiceGraph {
  const name = str(m.name) ?? service;
  const type = str(m.type) ?? 'service';
  const b = new PanelBuilder(service, 'copilot', `${service} · Copilot ${type} ${name} (legacy)`);
  const image = o(m.image);
  const count = countLines(m.count);
  const serviceId = b.node('service', `Copilot ${type} ${name}`, [count.fixed, isObject(m.deployment) && m.deployment.rolling !== undefined && `deployment ${String(m.deployment.rolling)}`, m.cpu !== undefined && `${String(m.cpu)} CPU units, ${String(m.memory ?? '?')} MiB`], { id: 'copilot_service' });
  const group = b.group(`Task of ${name}`, 'task');
  b.edge(serviceId, group, 'control', 'runs');
  const mainImage = str(image.location) ?? (image.build !== undefined ? `built from ${typeof image.build === 'string' ? image.build : String(o(image.build).dockerfile ?? 'a Dockerfile')}` : '');
  const port = image.port !== undefined ? String(image.port) : undefined;
  const main = b.node('container', name, ['container', mainImage.startsWith('built') ? mainImage : imageLabel(mainImage), port && `port ${port}`], { id: `container_${name}`, group });
  const containers = new Map([[name, main]]);
  for (const [sidecar, def] of Object.entries(o(m.sidecars))) {
    const d = o(def);
    containers.set(sidecar, b.node('sidecar', sidecar, ['sidecar', imageLabel(str(d.image) ?? ''), d.port !== undefined && `port ${String(d.port)}`, d.essential === false && 'not essential'], { id: `container_${sidecar}`, group }));
  }
  if (count.scaling) b.edge(b.node('autoscaling', 'Auto scaling', count.scaling, { id: 'autoscaling' }), serviceId, 'control', 'desired count');

  const http = m.http;
  if (isObject(http) || (http === undefined && type === 'Load Balanced Web Service')) {
    const h = o(http);
    const clients = b.node('clients', 'Clients', [], { id: 'clients' });
    const lb = b.node('loadBalancer', 'Application Load Balancer', ["the Copilot environment's", 'not in these files'], { id: 'alb', external: true });
    b.edge(clients, lb, 'traffic');
    const aliases = asArray(h.alias).length ? asArray(h.alias).map(String) : h.alias !== undefined ? [String(h.alias)] : [];
    const rule = b.node('rule', 'Listener rule', [...aliases.map((a) => `host ${a}`), `path ${String(h.path ?? '/')}`, isObject(h.healthcheck) ? `health ${String(h.healthcheck.path ?? '/')}` : h.healthcheck !== undefined ? `health ${String(h.healthcheck)}` : undefined], { id: 'rule' });
    b.edge(lb, rule, 'traffic');
    const target = containers.get(str(h.target_container) ?? name) ?? main;
    b.edge(rule, target, 'traffic', str(h.target_port) ?? (h.target_port !== undefined ? String(h.target_port) : port));
  }
  if (isObject(m.nlb)) {
    // Copilot's Network Load Balancer: nlb.port on the load balancer, nlb.target_port on the container.
    const n = m.nlb;
    const clients = b.node('clients', 'Clients', [], { id: 'clients' });
    const lb = b.node('loadBalancer', 'Network Load Balancer', ['made by Copilot for this service', `listener ${String(n.port)}`], { id: 'nlb' });
    b.edge(clients, lb, 'traffic');
    b.edge(lb, containers.get(str(n.target_container) ?? name) ?? main, 'traffic', n.target_port !== undefined ? String(n.target_port) : port);
  }
  if (type === 'Request-Driven Web Service') {
    const clients = b.node('clients', 'Clients', ['through AWS App Runner'], { id: 'clients' });
    b.edge(clients, main, 'traffic', port);
  }
  const network = o(m.network);
  if (network.connect !== undefined && network.connect !== false) {
    const alias = isObject(network.connect) ? str(network.connect.alias) : undefined;
    const clients = b.node('clients', 'Service Connect clients', ['services in the environment'], { id: 'service_connect_clients' });
    b.edge(clients, main, 'traffic', `${alias ?? name}${port ? `:${port}` : ''}`);
  }
  const topics = asArray(o(m.subscribe).topics).filter(isObject);
  if (topics.length) {
    const queue = b.node('other', 'SQS queue', topics.map((t) => `topic ${String(t.service ?? '')}/${String(t.name ?? '')}`), { id: 'queue' });
    b.edge(queue, main, 'traffic', 'messages');
  }
  if (isObject(m.on) && m.on.schedule !== undefined) b.edge(b.node('other', 'Schedule', [String(m.on.schedule)], { id: 'schedule' }), serviceId, 'control', 'starts');
  const envs = Object.keys(o(m.environments));
  if (envs.length) b.note(`Overrides per Copilot environment (not drawn): ${envs.join(', ')}`);
  return b.build();
}
