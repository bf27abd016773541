/**
 * The objects around a workload → the spec: Service (ports, type), Ingress (expose, traffic
 * health, TLS, ALB settings), HTTPRoute (gateway), HPA (autoscaling), PDB, ServiceAccount.
 */
import type { Field } from '../fields.js';
import { duration } from '../write.js';
import type { Json, PortDraft } from './pod.js';
import { checkLabels } from './workload.js';
import { readIngressRules, readNlbService, readRouteMatches } from './rules.js';

const ALB = 'alb.ingress.kubernetes.io/';
const TLS_PORTS = '[{"HTTP": 80}, {"HTTPS": 443}]';

/** What the objects around a workload share: its name, labels, namespace and the spec being built. */
export interface Around {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  ports: PortDraft[];
  spec: Json;
  k8s: Json;
  /** Service ports that target a sidecar's port (the sidecar takes the traffic: expose.container). */
  sidecarPorts?: { container: string; name: string; first: boolean; servicePort: number }[];
  /** With listed Services: the container port behind a Service port of the route's backend. */
  backend?: (servicePort: unknown) => PortDraft | undefined;
}

/** The sidecar whose named port a Service port targets, when no main container port has that name. */
function sidecarPort(a: Around, sp: Field): boolean {
  const target = sp.get('targetPort').value;
  for (const [container, sc] of Object.entries((a.spec.sidecars as Json | undefined) ?? {})) {
    const ports = ((sc as Json).ports as Json[] | undefined) ?? [];
    const i = ports.findIndex((p) => (p.name ?? (p.protocol === 'udp' ? 'udp' : 'http')) === target);
    if (i < 0) continue;
    const servicePort = sp.get('port').num() ?? (ports[i]!.port as number);
    (a.sidecarPorts ??= []).push({ container, name: String(target), first: i === 0, servicePort });
    sp.use();
    return true;
  }
  return false;
}

/** `expose.container`/`expose.port` for a backend on a sidecar's Service port. */
function exposeSidecar(a: Around, servicePort: unknown, expose: Json): boolean {
  const s = a.sidecarPorts?.find((p) => p.servicePort === servicePort);
  if (!s) return false;
  expose.container = s.container;
  if (!s.first) expose.port = s.name;
  return true;
}

/** `metadata` of an object codegen writes for the workload: name (or an override), namespace, labels. */
export function objectMetadata(f: Field, a: Around, what: string): string | undefined {
  const md = f.get('metadata');
  const name = md.get('name').str();
  md.get('namespace').expect(a.namespace, `The ${what} namespace`);
  checkLabels(md.get('labels'), a.labels, what);
  return name !== a.name ? name : undefined;
}

function portFor(a: Around, ref: Field): PortDraft | undefined {
  const v = ref.value;
  return a.ports.find((p) => (typeof v === 'number' ? p.port === v : p.k8sName === v));
}

export function readService(f: Field, a: Around): void {
  f.get('apiVersion').use(), f.get('kind').use();
  const name = objectMetadata(f, a, 'Service');
  if (name) (a.k8s.service ??= {}) as Json, ((a.k8s.service as Json).name = name);
  const spec = f.get('spec');
  spec.get('selector').expect({ app: a.name }, 'The Service selector');
  const nlb = readNlbService(f.get('metadata', 'annotations'), a.spec);
  const type = spec.get('type').str();
  if (type && type !== 'ClusterIP' && !(nlb && type === 'LoadBalancer')) (a.k8s.service ??= {}) as Json, ((a.k8s.service as Json).type = type);
  for (const sp of spec.get('ports').items()) {
    const port = portFor(a, sp.get('targetPort').exists ? sp.get('targetPort') : sp.get('port'));
    if (!port) {
      if (sidecarPort(a, sp)) continue;
      sp.drop('no-form', 'This Service port targets no port of the main container, so it is not carried.');
      continue;
    }
    sp.get('targetPort').use();
    const servicePort = sp.get('port').num();
    if (servicePort !== undefined && servicePort !== port.port) port.servicePort = servicePort;
    sp.get('name').expect(port.k8sName, 'The Service port name');
    sp.get('protocol').expect(port.protocol === 'udp' ? 'UDP' : sp.get('protocol').value === 'TCP' ? 'TCP' : undefined, 'The Service port protocol');
    sp.use();
  }
  spec.get('ports').use();
}

function annotation(anns: Field, k: string): Field {
  return anns.get(ALB + k);
}

export function readIngress(f: Field, a: Around, serviceName: string): void {
  f.get('apiVersion').use(), f.get('kind').use();
  const ing: Json = {};
  const name = objectMetadata(f, a, 'Ingress');
  if (name) ing.name = name;
  const anns = f.get('metadata', 'annotations');
  const expose: Json = {};
  const scheme = annotation(anns, 'scheme').str();
  if (scheme === 'internet-facing') expose.public = true;
  const targetType = annotation(anns, 'target-type').str();
  if (targetType && targetType !== 'ip') ing.targetType = targetType;
  if (targetType === undefined) anns.note('The Ingress has no target-type annotation; codegen writes target-type ip (the controller default is instance).', 'IMPORT_DEFAULT_CHANGED');
  const traffic: Json = {};
  const hc = (k: string, spec: string, num: boolean) => {
    const fld = annotation(anns, k);
    const v = num ? fld.num() : fld.str();
    if (v !== undefined) traffic[spec] = spec === 'interval' || spec === 'timeout' ? duration(v as number) : v;
  };
  hc('healthcheck-path', 'path', false);
  hc('healthcheck-port', 'port', true);
  hc('healthcheck-protocol', 'protocol', false);
  hc('healthcheck-interval-seconds', 'interval', true);
  hc('healthcheck-timeout-seconds', 'timeout', true);
  hc('healthy-threshold-count', 'healthyThreshold', true);
  hc('unhealthy-threshold-count', 'unhealthyThreshold', true);
  hc('success-codes', 'successCodes', false);
  if (Object.keys(traffic).length) ((a.spec.health ??= {}) as Json).traffic = traffic;
  const cert = annotation(anns, 'certificate-arn');
  const ports = annotation(anns, 'listen-ports');
  const redirect = annotation(anns, 'ssl-redirect');
  const policy = annotation(anns, 'ssl-policy');
  if (cert.exists || redirect.exists || ports.value === TLS_PORTS) {
    const tls: Json = {};
    if (cert.exists) tls.certificateArn = cert.str();
    if (policy.exists) tls.policy = policy.str();
    if (redirect.value === '443') redirect.use();
    else if (redirect.exists) redirect.drop('no-form', `ssl-redirect to port ${String(redirect.value)} has no form in the spec (codegen redirects to 443).`);
    else tls.redirect = false;
    ports.expect(TLS_PORTS, 'listen-ports');
    expose.tls = tls;
  }
  const bpv = annotation(anns, 'backend-protocol-version');
  const groupName = annotation(anns, 'group.name').str();
  if (groupName !== undefined) ing.groupName = groupName;
  const groupOrder = annotation(anns, 'group.order').num();
  if (groupOrder !== undefined) ing.groupOrder = groupOrder;
  const legacy = anns.get('kubernetes.io/ingress.class');
  const spec = f.get('spec');
  const className = spec.get('ingressClassName').exists ? spec.get('ingressClassName').str() : legacy.str();
  if (legacy.exists && !spec.get('ingressClassName').exists) ing.legacyClassAnnotation = true;
  if (className !== undefined && className !== 'alb') ing.className = className;
  const bpvValue = bpv.str();
  readIngressRules(anns, serviceName, expose);
  // Every annotation no typed field took is passed through as it is (targets.kubernetes.ingress.annotations).
  const extra: Json = {};
  for (const [k, v] of anns.entries()) if (!f.tracker.isUsed(v.path) && typeof v.value === 'string') extra[k] = v.str();
  const hosts: string[] = [];
  let path: Field | undefined;
  const paths: string[] = [];
  let firstPaths = '';
  spec.get('rules').items().forEach((rule, ri) => {
    const host = rule.get('host').str();
    if (host !== undefined) hosts.push(host);
    const items = rule.get('http', 'paths').items();
    // Every rule codegen writes has the same paths (one per expose.paths entry).
    if (ri === 0) firstPaths = JSON.stringify(items.map((p) => p.value));
    else if (JSON.stringify(items.map((p) => p.value)) !== firstPaths) {
      rule.get('http', 'paths').drop('ambiguous', 'The spec routes the same paths on every host; only the paths of the first rule are carried.');
      rule.use();
      return;
    }
    items.forEach((p, pi) => {
      if (ri === 0 && pi === 0) path = p;
      if (ri === 0) {
        const v = p.get('path').str() ?? '/';
        if (!paths.includes(v)) paths.push(v);
        if (pi > 0 && JSON.stringify(p.get('backend').value) !== JSON.stringify(path!.get('backend').value)) p.get('backend').drop('ambiguous', 'Every path goes to one backend in the spec; this path\'s backend is not carried.');
      }
      p.use();
    });
    rule.use();
  });
  spec.get('rules').use();
  if (hosts.length) expose.hosts = hosts;
  if (path) {
    if (paths.length > 1) expose.paths = paths;
    else if (paths[0] !== '/') expose.path = paths[0];
    const pathType = path.get('pathType').str();
    if (pathType === 'Exact') a.k8s.pathType = 'Exact';
    else if (pathType && pathType !== 'Prefix') path.get('pathType').drop('changed', `pathType ${pathType} becomes Prefix (the spec has Prefix and Exact).`);
    const svc = path.get('backend', 'service');
    svc.get('name').expect(serviceName, 'The Ingress backend');
    const number = svc.get('port', 'number');
    const portName = svc.get('port', 'name');
    const target = a.backend && number.exists ? a.backend(number.value) : number.exists ? a.ports.find((p) => (p.servicePort ?? p.port) === number.value) : a.ports.find((p) => p.k8sName === portName.value);
    if (!target && exposeSidecar(a, number.value, expose)) number.use();
    if (target) {
      number.use(), portName.use();
      if (target !== a.ports[0]) expose.port = target.port;
      const v = bpvValue;
      if (v === 'HTTP2' || v === 'GRPC') target.appProtocol = v.toLowerCase();
    }
    path.use();
  }
  if (Object.keys(extra).length) ing.annotations = extra;
  if (Object.keys(ing).length) a.k8s.ingress = ing;
  a.spec.expose = expose;
}

export function readHttpRoute(f: Field, a: Around, serviceName: string): void {
  f.get('apiVersion').use(), f.get('kind').use();
  const name = objectMetadata(f, a, 'HTTPRoute');
  if (name) f.get('metadata', 'name').drop('changed', `The HTTPRoute is named after the service (${a.name}) by codegen.`);
  const spec = f.get('spec');
  const parents = spec.get('parentRefs').items();
  const gw: Json = {};
  if (parents[0]) {
    for (const k of ['name', 'namespace', 'sectionName']) {
      const v = parents[0].get(k).str();
      if (v !== undefined) gw[k] = v;
    }
    parents[0].use();
  }
  for (const p of parents.slice(1)) p.drop('ambiguous', 'The spec attaches the route to one Gateway; only the first parentRef is carried.');
  a.k8s.route = 'gateway';
  a.k8s.gateway = gw;
  const expose: Json = {};
  const hosts = spec.get('hostnames');
  if (Array.isArray(hosts.value) && hosts.value.length) expose.hosts = hosts.take();
  const rules = spec.get('rules').items();
  const rule = rules[0];
  if (rule) {
    readRouteMatches(rule.get('matches').items(), expose, a.k8s);
    rule.get('matches').use();
    const b = rule.get('backendRefs', 0);
    b.get('name').expect(serviceName, 'The HTTPRoute backend');
    const port = b.get('port').num();
    const target = a.backend ? a.backend(port) : a.ports.find((p) => (p.servicePort ?? p.port) === port);
    if (target && target !== a.ports[0]) expose.port = target.port;
    if (!target) exposeSidecar(a, port, expose);
    b.use();
    rule.get('backendRefs').items().slice(1).forEach((x) => x.drop('ambiguous', 'Only the first backend of the route is carried.'));
    rule.get('backendRefs').use();
    rule.use();
  }
  rules.slice(1).forEach((r) => r.drop('ambiguous', 'The spec routes one path to the service; only the first rule is carried.'));
  spec.get('rules').use();
  a.spec.expose = expose;
}

export function readHpa(f: Field, a: Around, workloadKind: string): void {
  f.get('apiVersion').use(), f.get('kind').use();
  const name = objectMetadata(f, a, 'HorizontalPodAutoscaler');
  if (name) f.get('metadata', 'name').drop('changed', `The HPA is named after the service (${a.name}) by codegen.`);
  const spec = f.get('spec');
  const ref = spec.get('scaleTargetRef');
  ref.get('kind').use(), ref.get('name').use();
  ref.get('apiVersion').expect(workloadKind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1', 'scaleTargetRef.apiVersion');
  const auto: Json = { min: spec.get('minReplicas').num() ?? 1, max: spec.get('maxReplicas').num() };
  for (const m of spec.get('metrics').items()) {
    const r = m.get('resource');
    const which = r.get('name').value;
    const util = r.get('target', 'averageUtilization').num();
    if (m.get('type').value === 'Resource' && (which === 'cpu' || which === 'memory') && r.get('target', 'type').value === 'Utilization' && util !== undefined) {
      auto[which] = util;
      m.use();
    } else m.drop('no-form', 'Only CPU and memory Utilization targets have a form in the spec, so this metric is not carried.');
  }
  spec.get('metrics').use();
  const down = spec.get('behavior', 'scaleDown', 'stabilizationWindowSeconds').num();
  const up = spec.get('behavior', 'scaleUp', 'stabilizationWindowSeconds').num();
  if (down !== undefined) auto.scaleInCooldown = duration(down);
  if (up !== undefined) auto.scaleOutCooldown = duration(up);
  a.spec.autoscaling = auto;
}

export function readPdb(f: Field, a: Around): void {
  f.get('apiVersion').use(), f.get('kind').use();
  const name = objectMetadata(f, a, 'PodDisruptionBudget');
  if (name) f.get('metadata', 'name').drop('changed', `The PodDisruptionBudget is named after the service (${a.name}) by codegen.`);
  const spec = f.get('spec');
  spec.get('selector').expect({ matchLabels: { app: a.name } }, 'The PodDisruptionBudget selector');
  const max = spec.get('maxUnavailable').num();
  const pdb: Json = {};
  if (max !== undefined && max !== 1) pdb.maxUnavailable = max;
  if (typeof spec.get('maxUnavailable').value === 'string' && max === undefined) spec.get('maxUnavailable').drop('no-form', 'A percentage maxUnavailable has no form in the spec (a whole number), so it is not carried.');
  spec.get('minAvailable').drop('no-form', 'minAvailable has no form in the spec (it takes maxUnavailable), so it is not carried.', 'set targets.kubernetes.podDisruptionBudget.maxUnavailable');
  a.k8s.podDisruptionBudget = pdb;
}

export function readServiceAccount(f: Field, a: Around): Json {
  f.get('apiVersion').use(), f.get('kind').use();
  const md = f.get('metadata');
  md.get('namespace').expect(a.namespace, 'The ServiceAccount namespace');
  checkLabels(md.get('labels'), a.labels, 'ServiceAccount');
  const sa: Json = {};
  const name = md.get('name').str();
  if (name !== a.name) sa.name = name;
  const role = md.get('annotations', 'eks.amazonaws.com/role-arn').str();
  if (role) sa.roleArn = role;
  md.get('annotations').use();
  for (const [k, v] of md.get('annotations').entries()) if (k !== 'eks.amazonaws.com/role-arn') v.drop('no-form', `ServiceAccount annotation ${k} has no form in the spec, so it is not carried.`);
  md.use();
  return sa;
}
