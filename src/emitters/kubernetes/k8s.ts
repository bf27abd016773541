/**
 * What every Kubernetes emitter shares: file paths, which objects are written, and the model → pod
 * template mapping (containers, env, secrets, probes). Built once here so the Deployment, the
 * Service selector, the HPA target and the PDB selector cannot disagree. Object names, labels,
 * metadata and name checks are in `../common/k8s-meta.ts` (App Mesh's controller output uses them too).
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { Artifact, JsonObject } from '../../core/serialize.js';
import type { ContainerModel, ProbeModel, ServiceModel } from '../../model/types.js';
import { podRoles, podVolumes, reportPodNotCarried, volumeMounts, type PodRole } from './pod-lifecycle.js';
import { containerSecurityContext, podSecurityContext } from './security.js';
import { checkName, commonLabels, isDnsSubdomain, isPortName, k8sNames, type Report } from '../common/k8s-meta.js';

/** Every file the Kubernetes target can write, in the order the kustomization lists them. */
export const K8S_FILES = {
  namespace: 'kubernetes/namespace.yaml',
  serviceaccount: 'kubernetes/serviceaccount.yaml',
  deployment: 'kubernetes/deployment.yaml',
  rollout: 'kubernetes/rollout.yaml',
  service: 'kubernetes/service.yaml',
  ingress: 'kubernetes/ingress.yaml',
  httproute: 'kubernetes/httproute.yaml',
  hpa: 'kubernetes/hpa.yaml',
  pdb: 'kubernetes/pdb.yaml',
  kustomization: 'kubernetes/kustomization.yaml',
} as const;

export type K8sFile = keyof typeof K8S_FILES;

/** One Kubernetes object as one YAML file. */
export function k8sArtifact(file: K8sFile, emitter: string, doc: JsonObject): Artifact {
  return { path: K8S_FILES[file], format: 'yaml', kind: 'kubernetes', emitter, documents: [doc] };
}

/** The workload is an Argo Rollouts Rollout rather than a Deployment. */
export function usesRollout(m: ServiceModel): boolean {
  return m.targets.kubernetes.workload === 'Rollout';
}

/** `scaleTargetRef` of the workload. */
export function workloadRef(m: ServiceModel): JsonObject {
  return usesRollout(m)
    ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: k8sNames(m).workload }
    : { apiVersion: 'apps/v1', kind: 'Deployment', name: k8sNames(m).workload };
}

/** Whether the pods get a dedicated ServiceAccount (`targets.kubernetes.serviceAccount` present). */
export function usesServiceAccount(m: ServiceModel): boolean {
  return m.targets.kubernetes.serviceAccount !== undefined;
}

/** The pods' Service exists when the main container has ports (or Services are listed). */
export function hasService(m: ServiceModel): boolean {
  return m.main.ports.length > 0 || (m.targets.kubernetes.services?.length ?? 0) > 0;
}

/** Traffic comes in through an Ingress (the default route) rather than an HTTPRoute or an NLB Service. */
export function routesThroughIngress(m: ServiceModel): boolean {
  return m.expose !== undefined && m.expose.loadBalancer === 'application' && (m.targets.kubernetes.route ?? 'ingress') === 'ingress' && hasService(m);
}

/** Traffic comes in through a Gateway API HTTPRoute. */
export function routesThroughGateway(m: ServiceModel): boolean {
  return m.expose !== undefined && m.expose.loadBalancer === 'application' && m.targets.kubernetes.route === 'gateway' && hasService(m);
}

/** A PodDisruptionBudget is written when more than one replica is guaranteed (or when asked). */
export function wantsPdb(m: ServiceModel): boolean {
  const enabled = m.targets.kubernetes.podDisruptionBudget?.enabled;
  return enabled ?? guaranteedReplicas(m) >= 2;
}

/** Whether the Kubernetes target writes `file` for this model: the one answer emitters and the kustomization share. */
export function writesFile(m: ServiceModel, file: K8sFile): boolean {
  const t = m.targets.kubernetes;
  switch (file) {
    case 'namespace':
      return t.createNamespace === true && t.namespace !== undefined;
    case 'serviceaccount':
      return usesServiceAccount(m) && t.serviceAccount?.create !== false;
    case 'deployment':
      return !usesRollout(m);
    case 'rollout':
      return usesRollout(m);
    case 'service':
      return hasService(m);
    case 'ingress':
      return routesThroughIngress(m);
    case 'httproute':
      return routesThroughGateway(m);
    case 'hpa':
      return m.autoscaling !== undefined;
    case 'pdb':
      return wantsPdb(m);
    case 'kustomization':
      return t.kustomization !== false;
  }
}

/** The object files written for this model, in kustomization order. */
export function k8sObjectFiles(m: ServiceModel): K8sFile[] {
  return (Object.keys(K8S_FILES) as K8sFile[]).filter((f) => f !== 'kustomization' && writesFile(m, f));
}

/** Replicas that are always up: fixed replicas, or the autoscaler's minimum. Platform default 1. */
export function guaranteedReplicas(m: ServiceModel): number {
  return m.autoscaling ? m.autoscaling.min : (m.replicas ?? 1);
}

// --- pod template --------------------------------------------------------------------------

/** Seconds as the whole number Kubernetes takes; a fraction is rounded up and reported. */
export function wholeSeconds(v: number, path: SpecPath, report: Report): number {
  if (Number.isInteger(v)) return v;
  const up = Math.ceil(v);
  report({ code: 'K8S_SECONDS_ROUNDED', severity: 'warning', message: `Kubernetes takes whole seconds: ${v}s was rounded up to ${up}s.`, path });
  return up;
}

const PROBE_TIMINGS = [
  ['initialDelaySeconds', 'initialDelay'],
  ['periodSeconds', 'period'],
  ['timeoutSeconds', 'timeout'],
  ['successThreshold', 'successThreshold'],
  ['failureThreshold', 'failureThreshold'],
  ['terminationGracePeriodSeconds', 'terminationGracePeriod'],
] as const;

/** A core/v1 Probe: the handler plus exactly the timings the spec set (unset = platform default). */
export function probe(p: ProbeModel, report: Report): JsonObject {
  const h = p.handler;
  const out: JsonObject = {};
  switch (h.kind) {
    case 'http': {
      const get: JsonObject = { path: h.path, port: h.port };
      if (h.scheme) get.scheme = h.scheme;
      if (h.headers.length) get.httpHeaders = h.headers.map((x) => ({ name: x.name, value: x.value }));
      out.httpGet = get;
      break;
    }
    case 'grpc':
      out.grpc = h.service !== undefined ? { port: h.port, service: h.service } : { port: h.port };
      break;
    case 'tcp':
      out.tcpSocket = { port: h.port };
      break;
    case 'exec':
      out.exec = { command: h.command };
      break;
  }
  for (const [field, specKey] of PROBE_TIMINGS) {
    const v = p[field];
    if (v !== undefined) out[field] = wholeSeconds(v, [...p.path, specKey], report);
  }
  return out;
}

function resourceAmounts(a: { cpu?: string; memory?: string }): JsonObject | undefined {
  const out: JsonObject = {};
  if (a.memory !== undefined) out.memory = a.memory;
  if (a.cpu !== undefined) out.cpu = a.cpu;
  return Object.keys(out).length ? out : undefined;
}

/**
 * `targets.kubernetes.variableReferences: literal`: a `$` that Kubernetes would read — before `(`
 * (a `$(NAME)` reference) or before another `$` (`$$` is its escape) — is written `$$`, so the
 * container gets the text as written. Kubernetes leaves every other `$` alone.
 */
export function k8sText(m: ServiceModel, text: string): string {
  return m.targets.kubernetes.variableReferences === 'literal' ? text.replace(/\$(?=[$(])/g, '$$$$') : text;
}

function envVars(m: ServiceModel, c: ContainerModel, report: Report): JsonObject[] {
  const out: JsonObject[] = [];
  for (const e of c.env) {
    const v = e.value;
    if (v.kind === 'value') {
      out.push({ name: e.name, value: k8sText(m, v.value) });
      continue;
    }
    const k = v.kubernetes;
    if (k?.configMap && k.field === undefined) {
      out.push({ name: e.name, valueFrom: { configMapKeyRef: { name: k.configMap.name, key: k.configMap.key } } });
      if (!isDnsSubdomain(k.configMap.name)) checkName(k.configMap.name, 'subdomain', 'ConfigMap name', [...e.path, 'ref', 'kubernetes', 'configMap', 'name'], report);
    } else if (k?.field !== undefined && !k.configMap) {
      out.push({ name: e.name, valueFrom: { fieldRef: { fieldPath: k.field } } });
    } else if (k?.field !== undefined && k.configMap) {
      report({ code: 'K8S_ENV_REF_AMBIGUOUS', severity: 'error', message: `${e.name} gives both a configMap and a field reference; Kubernetes takes one.`, path: [...e.path, 'ref', 'kubernetes'] });
    } else {
      report({
        code: 'K8S_ENV_REF_MISSING',
        severity: 'error',
        message: `${e.name} is a reference with no kubernetes form, so the pod cannot receive it.`,
        hint: 'add ref.kubernetes.configMap {name, key} or ref.kubernetes.field',
        path: [...e.path, 'ref'],
      });
    }
  }
  for (const s of c.secrets) {
    if (!s.kubernetes) {
      report({
        code: 'K8S_SECRET_MISSING',
        severity: 'error',
        message: `Secret ${s.name} has no kubernetes reference, so the pod cannot receive it.`,
        hint: 'add kubernetes: {name, key} naming a Kubernetes Secret',
        path: s.path,
      });
      continue;
    }
    out.push({ name: s.name, valueFrom: { secretKeyRef: { name: s.kubernetes.name, key: s.kubernetes.key } } });
  }
  return out;
}

/** Whether a container port is written with its name (`targets.kubernetes.derivedPortNames: false` leaves derived names out). */
export function writesPortName(m: ServiceModel, p: { derived?: true }): boolean {
  return !p.derived || m.targets.kubernetes.derivedPortNames !== false;
}

function container(m: ServiceModel, c: ContainerModel, role: PodRole, report: Report): JsonObject {
  const t = m.targets.kubernetes;
  const def: JsonObject = { name: c.name, image: c.image };
  if (role === 'sidecar') def.restartPolicy = 'Always';
  if (t.imagePullPolicy) def.imagePullPolicy = t.imagePullPolicy;
  // Docker ENTRYPOINT is Kubernetes `command`; Docker CMD is Kubernetes `args`.
  if (c.entrypoint) def.command = c.entrypoint.map((x) => k8sText(m, x));
  if (c.command) def.args = c.command.map((x) => k8sText(m, x));
  if (c.ports.length) {
    def.ports = c.ports.map((p, i) => {
      const named = writesPortName(m, p);
      const port: JsonObject = named ? { name: p.name, containerPort: p.port } : { containerPort: p.port };
      if (p.protocol === 'udp') port.protocol = 'UDP';
      if (named && !isPortName(p.name)) {
        report({
          code: 'K8S_INVALID_PORT_NAME',
          severity: 'error',
          message: `Port name "${p.name}" is not a valid Kubernetes port name (at most 15 lowercase alphanumerics or "-", with at least one letter and no "--").`,
          path: [...c.path, 'ports', i, 'name'],
        });
      }
      return port;
    });
  }
  const resources: JsonObject = {};
  const requests = resourceAmounts(c.resources.requests);
  const limits = resourceAmounts(c.resources.limits);
  if (requests) resources.requests = requests;
  if (limits) resources.limits = limits;
  if (Object.keys(resources).length) def.resources = resources;
  const health = c.main ? m.health : c.health;
  if (health && (health.startup || health.liveness || health.readiness)) {
    if (role === 'init') {
      report({ code: 'K8S_INIT_CONTAINER_PROBES', severity: 'warning', message: `${c.name} runs to completion as an init container, which Kubernetes does not probe: its probes are not carried (target kubernetes).`, path: [...c.path, 'health'] });
    } else {
      if (health.startup) def.startupProbe = probe(health.startup, report);
      if (health.liveness) def.livenessProbe = probe(health.liveness, report);
      if (health.readiness) def.readinessProbe = probe(health.readiness, report);
    }
  }
  const env = envVars(m, c, report);
  if (env.length) def.env = env;
  const mounts = volumeMounts(m, c);
  if (mounts.length) def.volumeMounts = mounts;
  const sc = containerSecurityContext(c, report);
  if (sc) def.securityContext = sc;
  return def;
}

/** The pod template: labels, annotations, service account, main container then sidecars. */
export function podTemplate(m: ServiceModel, report: Report): JsonObject {
  const t = m.targets.kubernetes;
  const md: JsonObject = { labels: commonLabels(m) };
  if (t.podAnnotations && Object.keys(t.podAnnotations).length) md.annotations = { ...t.podAnnotations };
  const spec: JsonObject = {};
  if (usesServiceAccount(m)) spec.serviceAccountName = k8sNames(m).serviceAccount;
  const psc = podSecurityContext(m);
  if (psc) spec.securityContext = psc;
  if (m.terminationGracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = wholeSeconds(m.terminationGracePeriodSeconds, ['terminationGracePeriod'], report);
  const { role, initOrder } = podRoles(m, report);
  if (initOrder.length) spec.initContainers = initOrder.map((c) => container(m, c, role.get(c.name)!, report));
  spec.containers = m.containers.filter((c) => role.get(c.name) === 'regular').map((c) => container(m, c, 'regular', report));
  const volumes = podVolumes(m, report);
  if (volumes.length) spec.volumes = volumes;
  reportPodNotCarried(m, report);
  return { metadata: md, spec };
}
