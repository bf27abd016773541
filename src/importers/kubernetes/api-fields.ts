/**
 * What a manifest need not hold: the fields the Kubernetes API server writes into an object it
 * returns (`kubectl get -o yaml`: `status`, `metadata.uid`, a Service's assigned `clusterIP`, …)
 * and fields at the value Kubernetes gives them when they are left out (`dnsPolicy: ClusterFirst`,
 * `terminationMessagePath: /dev/termination-log`, …). The Kubernetes importer marks them read
 * without carrying them, and says so once per object (IMPORT_API_FIELDS, info): the generated
 * manifest leaves them out, and the cluster fills in the same values.
 * Defaults are from the Kubernetes API reference (v1.34) for the fields the spec has no form for;
 * fields it has a form for (replicas, strategy, probes, ports, imagePullPolicy, …) are read as usual.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { Tracker } from '../fields.js';

/** metadata fields the API server sets. */
export const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink'];
/** Annotations the API server or kubectl write. */
export const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'];

type Json = unknown;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v: unknown) => isObject(v) && Object.keys(v).length === 0;

/** Pod template defaults, below `spec.template.spec`. */
const POD_DEFAULTS: Record<string, Json> = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler' };
/** Container defaults. */
const CONTAINER_DEFAULTS: Record<string, Json> = { terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
/** Workload `spec` defaults, per kind. */
const SPEC_DEFAULTS: Record<string, Record<string, Json>> = {
  Deployment: { progressDeadlineSeconds: 600, revisionHistoryLimit: 10 },
  StatefulSet: { podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10 },
};
/** Service `spec` defaults. */
const SERVICE_DEFAULTS: Record<string, Json> = { sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true };

/** Mark what `v` (an object of kind `kind`) holds of the above; the marked paths. */
export function markApiFields(tracker: Tracker, kind: string, v: Record<string, unknown>): SpecPath[] {
  const marked: SpecPath[] = [];
  const mark = (path: SpecPath) => {
    tracker.mark(path);
    marked.push(path);
  };
  const defaults = (obj: unknown, base: SpecPath, table: Record<string, Json>) => {
    if (!isObject(obj)) return;
    for (const [k, want] of Object.entries(table)) if (Object.hasOwn(obj, k) && obj[k] === want) mark([...base, k]);
  };
  if ('status' in v) mark(['status']);
  const md = v.metadata;
  if (isObject(md)) {
    for (const k of SERVER_METADATA) if (Object.hasOwn(md, k)) mark(['metadata', k]);
    if (isObject(md.annotations)) for (const k of SERVER_ANNOTATIONS) if (Object.hasOwn(md.annotations, k)) mark(['metadata', 'annotations', k]);
  }
  const spec = v.spec;
  if (!isObject(spec)) return marked;
  if (kind === 'Service') {
    defaults(spec, ['spec'], SERVICE_DEFAULTS);
    // An assigned address (not "None", which makes a headless Service and is the manifest's own).
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== 'None') mark(['spec', 'clusterIP']);
    if (Array.isArray(spec.clusterIPs) && !spec.clusterIPs.includes('None')) mark(['spec', 'clusterIPs']);
    if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length === 1 && spec.ipFamilies[0] === 'IPv4') mark(['spec', 'ipFamilies']);
    return marked;
  }
  defaults(spec, ['spec'], SPEC_DEFAULTS[kind] ?? {});
  const template = spec.template;
  if (!isObject(template)) return marked;
  if (isObject(template.metadata) && template.metadata.creationTimestamp === null) mark(['spec', 'template', 'metadata', 'creationTimestamp']);
  const pod = template.spec;
  if (!isObject(pod)) return marked;
  defaults(pod, ['spec', 'template', 'spec'], POD_DEFAULTS);
  if (isEmpty(pod.securityContext)) mark(['spec', 'template', 'spec', 'securityContext']);
  for (const list of ['containers', 'initContainers'] as const) {
    const cs = pod[list];
    if (!Array.isArray(cs)) continue;
    cs.forEach((c, i) => {
      defaults(c, ['spec', 'template', 'spec', list, i], CONTAINER_DEFAULTS);
      if (isObject(c) && isEmpty(c.resources)) mark(['spec', 'template', 'spec', list, i, 'resources']);
    });
  }
  return marked;
}

/** How a marked path reads in the diagnostic (below the object). */
export function fieldName(path: SpecPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}
