/**
 * The Kubernetes target's panel, read from its manifests: clients → the ALB the Ingress asks for
 * (or the Gateway an HTTPRoute attaches to) → Service → the containers of the pods it selects;
 * the workload that runs the pods, its autoscaler, disruption budget, service account and network
 * policy around them. Pods are matched to Services and budgets by label selector, as Kubernetes does.
 */
import type { Json, JsonObject } from '../core/serialize.js';
import { asArray, isObject, str } from './cfn.js';
import { count, imageLabel, PanelBuilder, short, type ServiceGraph } from './types.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout', 'ReplicaSet']);

const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
const nameOf = (d: JsonObject): string => str(obj(d.metadata).name) ?? '';

interface Pods {
  workload: JsonObject;
  id: string;
  group: string;
  labels: JsonObject;
  /** Container node id by container name, and the container's ports. */
  containers: { name: string; id: string; ports: JsonObject[] }[];
}

function selects(selector: Json | undefined, labels: JsonObject): boolean {
  const s = obj(selector);
  const match = isObject(s.matchLabels) ? s.matchLabels : isObject(selector) && !('matchLabels' in s) && !('matchExpressions' in s) ? s : {};
  const keys = Object.keys(match);
  return keys.length > 0 && keys.every((k) => labels[k] === match[k]);
}

function strategyLine(kind: string, spec: JsonObject): string | undefined {
  const st = obj(spec.strategy);
  if (kind === 'Rollout') {
    if (isObject(st.blueGreen)) return 'blue/green by Argo Rollouts';
    if (isObject(st.canary)) return 'canary by Argo Rollouts';
    return undefined;
  }
  const type = str(st.type);
  if (type === 'Recreate') return 'recreate';
  const ru = obj(st.rollingUpdate);
  if (type === 'RollingUpdate' || ru.maxSurge !== undefined) return `rolling update${ru.maxSurge !== undefined ? ` · surge ${String(ru.maxSurge)}` : ''}${ru.maxUnavailable !== undefined ? ` · unavailable ${String(ru.maxUnavailable)}` : ''}`;
  return undefined;
}

function drawPods(b: PanelBuilder, d: JsonObject, hpaTargets: ReadonlySet<string>): Pods {
  const kind = str(d.kind)!;
  const name = nameOf(d);
  const spec = obj(d.spec);
  const template = obj(spec.template);
  const podSpec = obj(template.spec);
  const replicas = spec.replicas !== undefined ? count(String(spec.replicas), 'replica') : hpaTargets.has(`${kind}/${name}`) ? 'replicas set by the autoscaler' : undefined;
  const id = b.node('workload', `${kind} ${name}`, [replicas, strategyLine(kind, spec)], { id: `${kind}_${name}` });
  const group = b.group(`Pods of ${kind} ${name}`, `pods_${name}`);
  const containers: Pods['containers'] = [];
  const all = [
    ...asArray(podSpec.containers).filter(isObject).map((c, i) => ({ c, sidecar: i > 0 })),
    // Native sidecars: init containers that keep running (restartPolicy: Always).
    ...asArray(podSpec.initContainers).filter(isObject).filter((c) => c.restartPolicy === 'Always').map((c) => ({ c, sidecar: true })),
  ];
  for (const { c, sidecar } of all) {
    const cname = str(c.name) ?? 'container';
    const ports = asArray(c.ports).filter(isObject);
    const portText = ports.map((p) => `${String(p.containerPort)}${p.protocol && p.protocol !== 'TCP' ? `/${String(p.protocol)}` : ''}${p.name ? ` (${String(p.name)})` : ''}`).join(', ');
    const cid = b.node(sidecar ? 'sidecar' : 'container', cname, [sidecar ? 'sidecar' : 'container', imageLabel(str(c.image) ?? ''), portText && `port ${portText}`], { id: `container_${cname}`, group });
    containers.push({ name: cname, id: cid, ports });
  }
  b.edge(id, group, 'control', 'runs');
  return { workload: d, id, group, labels: obj(obj(template.metadata).labels), containers };
}

/** The container (and its port) a Service's target port reaches: by port name or number. */
function targetContainer(pods: Pods, targetPort: Json | undefined): string | undefined {
  for (const c of pods.containers) {
    if (c.ports.some((p) => (typeof targetPort === 'string' ? p.name === targetPort : p.containerPort === targetPort))) return c.id;
  }
  return undefined;
}

function listenLine(annotations: JsonObject): string | undefined {
  const raw = str(annotations['alb.ingress.kubernetes.io/listen-ports']);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return undefined;
    return `listeners ${parsed.map((p) => Object.entries(p as Record<string, unknown>).map(([k, v]) => `${k} ${String(v)}`).join(' ')).join(', ')}`;
  } catch {
    return undefined;
  }
}

export function kubernetesPanel(service: string, docs: readonly JsonObject[]): ServiceGraph {
  const namespaces = [...new Set(docs.map((d) => str(obj(d.metadata).namespace)).filter((n): n is string => !!n))];
  const b = new PanelBuilder(service, 'kubernetes', `${service} · Kubernetes${namespaces.length === 1 ? ` · namespace ${namespaces[0]}` : ''}`);
  const of = (kind: string): JsonObject[] => docs.filter((d) => d.kind === kind);
  const drawn = new Set<JsonObject>();
  const hpaTargets = new Set(of('HorizontalPodAutoscaler').map((h) => `${String(obj(obj(h.spec).scaleTargetRef).kind)}/${String(obj(obj(h.spec).scaleTargetRef).name)}`));
  const pods = docs.filter((d) => WORKLOADS.has(str(d.kind) ?? '')).map((d) => (drawn.add(d), drawPods(b, d, hpaTargets)));

  const services = new Map<string, string>();
  for (const s of of('Service')) {
    drawn.add(s);
    const spec = obj(s.spec);
    const ports = asArray(spec.ports).filter(isObject);
    const id = b.node('service', `Service ${nameOf(s)}`, [str(spec.type) ?? 'ClusterIP', ...ports.map((p) => `port ${String(p.port)} → ${String(p.targetPort ?? p.port)}`)], { id: `service_${nameOf(s)}` });
    services.set(nameOf(s), id);
    for (const p of pods) {
      if (!selects(spec.selector, p.labels)) continue;
      for (const port of ports) {
        const to = targetContainer(p, port.targetPort ?? port.port);
        b.edge(id, to ?? p.group, 'traffic', String(port.targetPort ?? port.port));
      }
    }
  }
  const toService = (from: string, backend: JsonObject | undefined): void => {
    const svc = obj(backend?.service);
    const name = str(svc.name) ?? str(backend?.name);
    if (!name) return;
    const port = obj(svc.port);
    const portText = port.number ?? port.name ?? backend?.port;
    let to = services.get(name);
    if (!to) {
      to = b.node('service', `Service ${name}`, ['not in these files'], { external: true, id: `service_${name}` });
      services.set(name, to);
    }
    b.edge(from, to, 'traffic', portText !== undefined ? String(portText) : undefined);
  };

  let clients: string | undefined;
  const client = (): string => (clients ??= b.node('clients', 'Clients', [], { id: 'clients' }));
  // A Service of type LoadBalancer gets its own load balancer: an NLB from the AWS Load Balancer
  // Controller when annotated for it (aws-load-balancer-type: external), else the cloud provider's.
  for (const s of of('Service')) {
    const spec = obj(s.spec);
    if (spec.type !== 'LoadBalancer') continue;
    const a = obj(obj(s.metadata).annotations);
    const controller = a['service.beta.kubernetes.io/aws-load-balancer-type'] === 'external';
    const scheme = str(a['service.beta.kubernetes.io/aws-load-balancer-scheme']);
    const ports = asArray(spec.ports).filter(isObject).map((p) => `${String(p.port)}${a['service.beta.kubernetes.io/aws-load-balancer-ssl-ports'] !== undefined && String(a['service.beta.kubernetes.io/aws-load-balancer-ssl-ports']).split(',').includes(String(p.port)) ? ' TLS' : ''}`);
    const lb = b.node('loadBalancer', `${controller || a['service.beta.kubernetes.io/aws-load-balancer-type'] === 'nlb' ? 'Network Load Balancer' : 'Load balancer'}${scheme ? ` (${scheme})` : ''}`, [controller ? 'made by the AWS Load Balancer Controller' : 'made by the cloud provider', ports.length ? `listeners ${ports.join(', ')}` : undefined], { id: `nlb_${nameOf(s)}` });
    b.edge(client(), lb, 'traffic');
    b.edge(lb, services.get(nameOf(s))!, 'traffic');
  }
  for (const ing of of('Ingress')) {
    drawn.add(ing);
    const a = obj(obj(ing.metadata).annotations);
    const spec = obj(ing.spec);
    const cls = str(spec.ingressClassName) ?? str(a['kubernetes.io/ingress.class']);
    const scheme = str(a['alb.ingress.kubernetes.io/scheme']);
    const group = str(a['alb.ingress.kubernetes.io/group.name']);
    const lb = b.node(
      'loadBalancer',
      cls === 'alb' ? `Application Load Balancer${scheme ? ` (${scheme})` : ''}` : `Ingress controller${cls ? ` ${cls}` : ''}`,
      [cls === 'alb' ? 'made by the AWS Load Balancer Controller' : undefined, group && `shared by IngressGroup ${group}`, listenLine(a), a['alb.ingress.kubernetes.io/ssl-redirect'] !== undefined && `HTTP redirected to ${String(a['alb.ingress.kubernetes.io/ssl-redirect'])}`],
      { id: `lb_${nameOf(ing)}` },
    );
    b.edge(client(), lb, 'traffic');
    const lines: string[] = [];
    for (const r of asArray(spec.rules).filter(isObject)) {
      for (const p of asArray(obj(r.http).paths).filter(isObject)) lines.push(`${str(r.host) ?? '*'}${str(p.path) ?? '/'}`);
    }
    const rule = b.node('rule', `Ingress ${nameOf(ing)}`, lines.map((l) => short(l)), { id: `ingress_${nameOf(ing)}` });
    b.edge(lb, rule, 'traffic');
    if (isObject(spec.defaultBackend)) toService(rule, spec.defaultBackend);
    for (const r of asArray(spec.rules).filter(isObject)) for (const p of asArray(obj(r.http).paths).filter(isObject)) toService(rule, obj(p.backend));
  }
  for (const route of [...of('HTTPRoute'), ...of('GRPCRoute')]) {
    drawn.add(route);
    const spec = obj(route.spec);
    const rule = b.node('rule', `${String(route.kind)} ${nameOf(route)}`, [...asArray(spec.hostnames).map((h) => String(h)), ...asArray(spec.rules).filter(isObject).flatMap((r) => asArray(r.matches).filter(isObject).map((m) => `${String(obj(m.path).type ?? 'path')} ${String(obj(m.path).value ?? '/')}`))], { id: `route_${nameOf(route)}` });
    for (const parent of asArray(spec.parentRefs).filter(isObject)) {
      const gw = b.node('loadBalancer', `Gateway ${parent.namespace ? `${String(parent.namespace)}/` : ''}${String(parent.name)}`, ['not in these files', parent.sectionName !== undefined && `listener ${String(parent.sectionName)}`], { external: true, id: `gateway_${String(parent.name)}` });
      b.edge(client(), gw, 'traffic');
      b.edge(gw, rule, 'traffic');
    }
    for (const r of asArray(spec.rules).filter(isObject)) for (const ref of asArray(r.backendRefs).filter(isObject)) toService(rule, ref);
  }

  for (const h of of('HorizontalPodAutoscaler')) {
    drawn.add(h);
    const spec = obj(h.spec);
    const target = obj(spec.scaleTargetRef);
    const metrics = asArray(spec.metrics).filter(isObject).map((m) => {
      const r = obj(m.resource);
      const t = obj(r.target);
      return `track ${String(r.name ?? m.type)} at ${String(t.averageUtilization ?? t.averageValue ?? t.value ?? '?')}${t.averageUtilization !== undefined ? '%' : ''}`;
    });
    const id = b.node('autoscaling', `HorizontalPodAutoscaler ${nameOf(h)}`, [`${String(spec.minReplicas ?? 1)}–${String(spec.maxReplicas)} replicas`, ...metrics], { id: `hpa_${nameOf(h)}` });
    const w = pods.find((p) => p.workload.kind === target.kind && nameOf(p.workload) === target.name);
    if (w) b.edge(id, w.id, 'control', 'replicas');
  }
  for (const r of of('Rollout')) {
    const bg = obj(obj(obj(r.spec).strategy).blueGreen);
    const canary = obj(obj(obj(r.spec).strategy).canary);
    const from = pods.find((p) => p.workload === r)?.id;
    const refs: [Json | undefined, string][] = [
      [bg.activeService, 'active'],
      [bg.previewService, 'preview'],
      [canary.stableService, 'stable'],
      [canary.canaryService, 'canary'],
    ];
    for (const [name, role] of refs) if (from && typeof name === 'string' && services.has(name)) b.edge(from, services.get(name)!, 'control', `switches ${role}`);
  }
  for (const p of of('PodDisruptionBudget')) {
    drawn.add(p);
    const spec = obj(p.spec);
    const id = b.node('other', `PodDisruptionBudget ${nameOf(p)}`, [spec.maxUnavailable !== undefined ? `max unavailable ${String(spec.maxUnavailable)}` : `min available ${String(spec.minAvailable)}`], { id: `pdb_${nameOf(p)}` });
    for (const w of pods) if (selects(spec.selector, w.labels)) b.edge(id, w.group, 'control', 'limits evictions');
  }
  for (const np of of('NetworkPolicy')) {
    drawn.add(np);
    const spec = obj(np.spec);
    const id = b.node('other', `NetworkPolicy ${nameOf(np)}`, [`${asArray(spec.policyTypes).map(String).join(', ') || 'Ingress'} rules`], { id: `netpol_${nameOf(np)}` });
    for (const w of pods) if (selects(spec.podSelector, w.labels)) b.edge(id, w.group, 'control', 'filters traffic');
  }
  for (const sa of of('ServiceAccount')) {
    drawn.add(sa);
    const role = str(obj(obj(sa.metadata).annotations)['eks.amazonaws.com/role-arn']);
    const id = b.node('other', `ServiceAccount ${nameOf(sa)}`, [role && `IAM role ${short(role.replace(/^arn:[^:]+:iam::[0-9]+:role\//, ''), 40)}`], { id: `sa_${nameOf(sa)}` });
    for (const w of pods) if ((str(obj(obj(obj(w.workload.spec).template).spec).serviceAccountName) ?? 'default') === nameOf(sa)) b.edge(id, w.group, 'control', 'identity');
  }
  const rest = new Map<string, string[]>();
  for (const d of docs) if (!drawn.has(d) && d.kind !== 'Kustomization') rest.set(String(d.kind), [...(rest.get(String(d.kind)) ?? []), nameOf(d)]);
  for (const [kind, names] of rest) b.note(`${kind}: ${names.join(', ')}`);
  return b.build();
}
