/**
 * Kubernetes object metadata that more than one target writes (the Kubernetes target and App
 * Mesh's Kubernetes-controller output): object names, the selector and common labels, `metadata`,
 * and the DNS-1123 / label / port-name checks Kubernetes applies.
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';

export type Report = (d: DiagnosticInput) => void;

/**
 * The Service that traffic routes to (Ingress and HTTPRoute backend, Rollout active Service, mesh
 * DNS name): the default Service, or with `targets.kubernetes.services` the first listed Service
 * with a port that targets the exposed (else the first) container port, by number or by name.
 * `port` is that Service port; undefined when no listed Service targets it.
 */
export function routeService(m: ServiceModel): { name: string; type: string; port?: number } {
  const t = m.targets.kubernetes;
  const target = m.expose?.port ?? m.main.ports[0];
  if (!t.services?.length) return { name: t.service?.name ?? m.name, type: t.service?.type ?? 'ClusterIP', ...(target ? { port: target.servicePort } : {}) };
  const k8sName = target && (!target.derived || t.derivedPortNames !== false) ? target.name : undefined;
  for (const svc of t.services) {
    const sp = svc.ports.find((p) => target !== undefined && (p.protocol ?? 'tcp') === target.protocol && ((p.targetPort ?? p.port) === target.port || (k8sName !== undefined && p.targetPort === k8sName)));
    if (sp) return { name: svc.name, type: svc.type ?? 'ClusterIP', port: sp.port };
  }
  return { name: t.services[0]!.name, type: t.services[0]!.type ?? 'ClusterIP' };
}

/** Object names (defaults: the service name). */
export function k8sNames(m: ServiceModel): { workload: string; service: string; serviceAccount: string; ingress: string } {
  const t = m.targets.kubernetes;
  return {
    workload: m.name,
    service: routeService(m).name,
    serviceAccount: t.serviceAccount?.name ?? m.name,
    ingress: t.ingress?.name ?? m.name,
  };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export function isDnsLabel(s: string): boolean {
  return s.length <= 63 && DNS_LABEL.test(s);
}

export function isDnsSubdomain(s: string): boolean {
  return s.length <= 253 && DNS_SUBDOMAIN.test(s);
}

/** Report a name Kubernetes would reject; returns whether it is valid. */
export function checkName(name: string, kind: 'label' | 'subdomain', what: string, path: SpecPath, report: Report): boolean {
  const ok = kind === 'label' ? isDnsLabel(name) : isDnsSubdomain(name);
  if (!ok) {
    report({
      code: 'K8S_INVALID_NAME',
      severity: 'error',
      message: `${what} "${name}" is not a valid DNS-1123 ${kind === 'label' ? 'label (at most 63 lowercase letters, digits and hyphens)' : 'subdomain (lowercase letters, digits, hyphens and dots)'}.`,
      path,
    });
  }
  return ok;
}

/** A label value: empty, or at most 63 characters of alphanumerics, `-`, `_`, `.`, alphanumeric at both ends. */
export function isLabelValue(v: string): boolean {
  return v === '' || (v.length <= 63 && LABEL_NAME.test(v));
}

/** A label key: optional DNS-subdomain prefix and `/`, then a name like a label value (non-empty). */
export function isLabelKey(k: string): boolean {
  const i = k.lastIndexOf('/');
  const prefix = i >= 0 ? k.slice(0, i) : undefined;
  const name = i >= 0 ? k.slice(i + 1) : k;
  if (prefix !== undefined && !isDnsSubdomain(prefix)) return false;
  return name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

/** IANA_SVC_NAME: at most 15 characters, lowercase alphanumerics and `-`, at least one letter, no `--`, no hyphen at either end. */
export function isPortName(n: string): boolean {
  return n.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(n) && /[a-z]/.test(n) && !n.includes('--');
}

/** The default selector of a workload named `name`: the article's `app: <name>`. */
export function defaultSelector(name: string): Record<string, string> {
  return { app: name };
}

/** The selector: `targets.kubernetes.selector`, else `app: <name>`. Stable across releases (a Deployment selector is immutable). */
export function selectorLabels(m: ServiceModel): Record<string, string> {
  return m.targets.kubernetes.selector ?? defaultSelector(m.name);
}

/** The image tag, when it is a valid label value (not for digests). */
function imageVersion(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= lastSlash) return undefined;
  const tag = image.slice(colon + 1);
  return isLabelValue(tag) && tag !== '' ? tag : undefined;
}

/**
 * Labels on every object and pod: the selector, the recommended `app.kubernetes.io/*` labels
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/common-labels/) and the spec's
 * `labels`. Invalid user labels are reported (once, by the Deployment emitter) and left out.
 */
export function commonLabels(m: ServiceModel, report?: Report): Record<string, string> {
  // Every Kubernetes object of a model carries the same labels: worked out once per model (and
  // again if the model's name, image, selector or labels are replaced), a copy for each object.
  // A call that reports (the Deployment emitter's) always works them out.
  const c = report ? undefined : labelCache.get(m);
  if (c && c.name === m.name && c.image === m.main.image && c.selector === m.targets.kubernetes.selector && c.labels === m.labels) return { ...c.out };
  const out = labelsOf(m, report);
  labelCache.set(m, { name: m.name, image: m.main.image, selector: m.targets.kubernetes.selector, labels: m.labels, out });
  return { ...out };
}

const labelCache = new WeakMap<ServiceModel, { name: string; image: string; selector: unknown; labels: unknown; out: Record<string, string> }>();

function labelsOf(m: ServiceModel, report?: Report): Record<string, string> {
  const out: Record<string, string> = { ...selectorLabels(m), 'app.kubernetes.io/name': m.name };
  const version = imageVersion(m.main.image);
  if (version) out['app.kubernetes.io/version'] = version;
  out['app.kubernetes.io/managed-by'] = 'codegen';
  for (const [k, v] of Object.entries(m.labels)) {
    if (!isLabelKey(k) || !isLabelValue(v)) {
      report?.({
        code: 'K8S_INVALID_LABEL',
        severity: 'error',
        message: `Label ${k}=${JSON.stringify(v)} is not a valid Kubernetes label (name and value: at most 63 alphanumerics, "-", "_" or ".", alphanumeric at both ends).`,
        path: ['labels', k],
      });
      continue;
    }
    if (Object.hasOwn(selectorLabels(m), k) && v !== out[k]) {
      report?.({ code: 'K8S_LABEL_CONFLICT', severity: 'error', message: `Label ${k} is the selector label and must stay "${out[k]}".`, path: ['labels', k] });
      continue;
    }
    out[k] = v;
  }
  return out;
}

/** `metadata` of a namespaced object. */
export function metadata(m: ServiceModel, name: string, annotations?: Record<string, string>): JsonObject {
  const md: JsonObject = { name };
  if (m.targets.kubernetes.namespace) md.namespace = m.targets.kubernetes.namespace;
  md.labels = commonLabels(m);
  if (annotations && Object.keys(annotations).length) md.annotations = annotations;
  return md;
}
