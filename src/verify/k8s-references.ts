/**
 * References between the Kubernetes objects of one run: a workload's selector must match its pod
 * template labels (the API server refuses it otherwise: an error), and an HPA's scaleTargetRef, an
 * Ingress backend and an HTTPRoute backendRef should name an object that the run generates — a
 * warning, and only when the run generates objects of that kind at all, since the target may
 * already exist in the cluster.
 */
import { isObject, type Reporter } from './report.js';

export interface K8sDoc {
  doc: Record<string, unknown>;
  reporter: Reporter;
}

const CODE = 'VERIFY_K8S_REFERENCE';

function get(v: unknown, ...path: string[]): unknown {
  for (const seg of path) v = isObject(v) ? v[seg] : undefined;
  return v;
}

export function checkKubernetesReferences(docs: readonly K8sDoc[]): void {
  const objects = new Set(docs.map(({ doc }) => `${String(doc.kind)}/${String(get(doc, 'metadata', 'name'))}`));
  const kinds = new Set(docs.map(({ doc }) => String(doc.kind)));
  const missing = (kind: string, name: string) => kinds.has(kind) && !objects.has(`${kind}/${name}`);
  for (const { doc, reporter: r } of docs) {
    const kind = doc.kind;
    if (kind === 'Deployment' || kind === 'Rollout' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'ReplicaSet') {
      const match = get(doc, 'spec', 'selector', 'matchLabels');
      const labels = get(doc, 'spec', 'template', 'metadata', 'labels');
      if (isObject(match) && get(doc, 'spec', 'workloadRef') === undefined) {
        for (const [k, v] of Object.entries(match)) {
          if (!isObject(labels) || labels[k] !== v) r.add(CODE, ['spec', 'selector', 'matchLabels', k], `the selector ${k}=${String(v)} does not match the pod template labels, which the API server refuses`);
        }
      }
    }
    if (kind === 'HorizontalPodAutoscaler') {
      const ref = get(doc, 'spec', 'scaleTargetRef');
      if (isObject(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string' && missing(ref.kind, ref.name)) {
        r.add(CODE, ['spec', 'scaleTargetRef'], `scales the ${ref.kind} "${ref.name}", which is not among the generated objects`, 'warning');
      }
    }
    const service = (name: unknown, path: (string | number)[]) => {
      if (typeof name === 'string' && missing('Service', name)) r.add(CODE, path, `names the Service "${name}", which is not among the generated objects`, 'warning');
    };
    if (kind === 'Ingress') {
      service(get(doc, 'spec', 'defaultBackend', 'service', 'name'), ['spec', 'defaultBackend', 'service', 'name']);
      const rules = get(doc, 'spec', 'rules');
      (Array.isArray(rules) ? rules : []).forEach((rule, i) => {
        const paths = get(rule, 'http', 'paths');
        (Array.isArray(paths) ? paths : []).forEach((p, j) => service(get(p, 'backend', 'service', 'name'), ['spec', 'rules', i, 'http', 'paths', j, 'backend', 'service', 'name']));
      });
    }
    if (kind === 'HTTPRoute') {
      const rules = get(doc, 'spec', 'rules');
      (Array.isArray(rules) ? rules : []).forEach((rule, i) => {
        const refs = get(rule, 'backendRefs');
        (Array.isArray(refs) ? refs : []).forEach((b, j) => {
          if (isObject(b) && (b.kind === undefined || b.kind === 'Service') && (b.group === undefined || b.group === '')) service(b.name, ['spec', 'rules', i, 'backendRefs', j, 'name']);
        });
      });
    }
  }
}
