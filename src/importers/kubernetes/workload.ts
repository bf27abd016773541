/**
 * The workload (Deployment, StatefulSet or Argo Rollout) → the spec's core: name, image, containers,
 * replicas, strategy, labels, pod annotations, service account.
 */
import type { Field } from '../fields.js';
import { containerOf, podSecurity, type ContainerDraft, type Json } from './pod.js';

/** Labels codegen derives on every object; the rest of a workload's labels become `labels`. */
export function derivedLabels(name: string, image: string | undefined): Record<string, string> {
  const out: Record<string, string> = { app: name, 'app.kubernetes.io/name': name };
  const tag = image && !image.includes('@') && image.lastIndexOf(':') > image.lastIndexOf('/') ? image.slice(image.lastIndexOf(':') + 1) : undefined;
  if (tag && tag.length <= 63 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(tag)) out['app.kubernetes.io/version'] = tag;
  out['app.kubernetes.io/managed-by'] = 'codegen';
  return out;
}

/** Check the labels of an object against the labels codegen writes on it. */
export function checkLabels(f: Field, expected: Record<string, string>, what: string): void {
  for (const [k, v] of f.entries()) {
    if (expected[k] === v.value) v.use();
    else if (k in expected) v.drop('changed', `Label ${k} of the ${what} is ${JSON.stringify(v.value)}; codegen writes ${JSON.stringify(expected[k])}.`);
    else v.drop('changed', `Label ${k} is on the ${what} only; codegen writes the same labels on every object (the workload's).`);
  }
  f.use();
}

export interface WorkloadDraft {
  name: string;
  namespace?: string;
  kind: string;
  main: ContainerDraft;
  sidecars: ContainerDraft[];
  /** Init containers in start order; `native`: restartPolicy Always (a native sidecar). */
  inits: { container: ContainerDraft; native: boolean }[];
  /** User labels (beyond the derived ones). */
  labels: Record<string, string>;
  podLabels: Record<string, string>;
  podAnnotations?: Record<string, string>;
  serviceAccountName?: string;
  replicas?: Field;
  spec: Json;
  /** The main image's tag when it was a deploy-time parameter (codegen's output without the version label). */
  imageTag?: string;
  /** The pod securityContext, as the pod-level part of `security`. */
  podSecurity?: Json;
  /** Why the main container was picked, when there were several. */
  mainRule?: string;
}

/** The main container: the one the pod's default-container annotation names, else the first. */
function pickMain(containers: Field[], annotations: Field): { index: number; rule?: string } {
  if (containers.length <= 1) return { index: 0 };
  const named = annotations.get('kubectl.kubernetes.io/default-container');
  const wanted = named.str();
  const i = wanted === undefined ? -1 : containers.findIndex((c) => c.get('name').value === wanted);
  if (i >= 0) return { index: i, rule: `the pod's kubectl.kubernetes.io/default-container annotation names ${wanted}` };
  return { index: 0, rule: 'it is the first container (the pod names no kubectl.kubernetes.io/default-container)' };
}

export function readWorkload(w: Field): WorkloadDraft | undefined {
  const kind = String(w.get('kind').take());
  w.get('apiVersion').use();
  const md = w.get('metadata');
  const name = md.get('name').str();
  const spec = w.get('spec');
  const tpl = spec.get('template');
  const podSpec = tpl.get('spec');
  const containers = podSpec.get('containers').items();
  if (name === undefined || !containers.length) return undefined;
  const annotations = tpl.get('metadata', 'annotations');
  const { index, rule } = pickMain(containers, annotations);
  const main = containerOf(containers[index]!, true);
  if (rule) containers[index]!.get('name').note(`${containers.length} containers: ${main.name} is the main one because ${rule}; the others become sidecars.`, 'IMPORT_MAIN_CONTAINER');
  const sidecars = containers.filter((_, i) => i !== index).map((c) => containerOf(c, false));
  const inits = podSpec.get('initContainers').items().map((c) => {
    const policy = c.get('restartPolicy');
    const native = policy.value === 'Always';
    if (native) policy.use();
    return { container: containerOf(c, false), native };
  });
  const derived = derivedLabels(name, main.image);
  // Written by codegen without the version label its image tag gives: the tag was a deploy-time
  // parameter (the Kubernetes output takes its default), so the spec says `${ImageTag}`.
  const given = md.get('labels').value as Record<string, unknown> | undefined;
  const tag = derived['app.kubernetes.io/version'];
  const deployTimeTag = tag !== undefined && given?.['app.kubernetes.io/managed-by'] === 'codegen' && !('app.kubernetes.io/version' in given);
  if (deployTimeTag) delete derived['app.kubernetes.io/version'];
  const labels: Record<string, string> = {};
  for (const [k, v] of md.get('labels').entries()) {
    if (k in derived) {
      v.expect(derived[k], `Label ${k}`);
    } else if (typeof v.value === 'string') labels[k] = v.str()!;
  }
  md.get('labels').use();
  const podLabels: Record<string, string> = {};
  for (const [k, v] of tpl.get('metadata', 'labels').entries()) if (typeof v.value === 'string') podLabels[k] = v.value;
  checkLabels(tpl.get('metadata', 'labels'), { ...derived, ...labels }, 'pod template');
  let podAnnotations: Record<string, string> | undefined;
  for (const [k, v] of annotations.entries()) {
    if (k === 'kubectl.kubernetes.io/default-container' && containers.length > 1) continue;
    if (typeof v.value === 'string') (podAnnotations ??= {})[k] = v.str()!;
  }
  const selector = spec.get('selector');
  selector.get('matchLabels').expect({ app: name }, 'The selector');
  selector.use();
  const sa = podSpec.get('serviceAccountName');
  const serviceAccountName = sa.str();
  if (serviceAccountName === undefined) podSpec.get('serviceAccount').expect(undefined, 'serviceAccount');
  const draft: WorkloadDraft = {
    name,
    kind,
    main,
    sidecars,
    inits,
    labels,
    podLabels,
    ...(podAnnotations ? { podAnnotations } : {}),
    ...(serviceAccountName !== undefined ? { serviceAccountName } : {}),
    spec: {},
    ...(deployTimeTag ? { imageTag: tag } : {}),
    ...(rule ? { mainRule: `${main.name} is the main container because ${rule}; the others are sidecars.` } : {}),
  };
  const security = podSecurity(podSpec.get('securityContext'));
  if (security) draft.podSecurity = security;
  const ns = md.get('namespace').str();
  if (ns !== undefined) draft.namespace = ns;
  if (spec.get('replicas').exists) draft.replicas = spec.get('replicas');
  if (kind === 'StatefulSet') {
    w.get('kind').drop('changed', 'A StatefulSet becomes a Deployment: codegen has no form for stable pod identities or volume claim templates.');
    spec.get('serviceName').drop('no-form', 'serviceName (the governing headless Service of a StatefulSet) has no form in the spec, so it is not carried.');
  }
  return draft;
}

/** `spec.strategy` of a Deployment → `deployment` (rolling, or linear when minReadySeconds holds each batch). */
export function deploymentOf(spec: Field, out: Json): void {
  const strategy = spec.get('strategy');
  const type = strategy.get('type').str() ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') {
    strategy.get('type').drop('no-form', `Strategy ${type} has no form in the spec for Kubernetes; codegen writes a RollingUpdate.`, 'set deployment.rolling.maxUnavailable to 100% for a similar effect');
    return;
  }
  const ru = strategy.get('rollingUpdate');
  const rolling: Json = {};
  const surge = ru.get('maxSurge');
  const unavailable = ru.get('maxUnavailable');
  const minReady = spec.get('minReadySeconds');
  if (minReady.num() !== undefined && typeof surge.value === 'string' && /^[0-9]+%$/.test(surge.value) && (unavailable.value === 0 || unavailable.value === '0%')) {
    // The shape codegen writes for linear: surge batches held by minReadySeconds.
    const seconds = minReady.value as number;
    surge.use();
    unavailable.use();
    const deadline = spec.get('progressDeadlineSeconds');
    if (seconds >= 600) deadline.expect(seconds + 600, 'progressDeadlineSeconds');
    out.strategy = 'linear';
    out.linear = { percent: Number(surge.value.slice(0, -1)), interval: seconds };
    out.__comment = `Read as linear: maxSurge ${surge.value} batches held ${seconds}s each by minReadySeconds (the shape codegen writes for linear).`;
    return;
  }
  if (surge.exists) rolling.maxSurge = surge.take();
  if (unavailable.exists) rolling.maxUnavailable = unavailable.take();
  strategy.use();
  if (Object.keys(rolling).length) out.rolling = rolling;
}

function pauseSeconds(f: Field): number | undefined {
  const v = f.value;
  if (typeof v === 'number') return f.use(), v;
  const m = typeof v === 'string' ? /^([0-9]+)(s|m|h)?$/.exec(v) : null;
  if (!m) return undefined;
  f.use();
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
}

/** `spec.strategy` of an Argo Rollout → `deployment` (blue-green, canary, linear or rolling). */
export function rolloutOf(spec: Field, out: Json, serviceName: string): void {
  const s = spec.get('strategy');
  const bg = s.get('blueGreen');
  if (bg.isMap()) {
    bg.use();
    out.strategy = 'blue-green';
    bg.get('activeService').expect(serviceName, 'activeService');
    const auto = bg.get('autoPromotionEnabled');
    if (auto.value === false) auto.drop('ambiguous', 'autoPromotionEnabled false waits for a manual promote with no time limit; the spec\'s readyWait is a time limit, so set deployment.blueGreen.readyWait yourself.');
    const delay = bg.get('scaleDownDelaySeconds').num();
    if (delay !== undefined) out.blueGreen = { terminationWait: delay };
    return;
  }
  const c = s.get('canary');
  if (!c.isMap()) return;
  c.use();
  const rolling: Json = {};
  if (c.get('maxSurge').exists) rolling.maxSurge = c.get('maxSurge').take();
  if (c.get('maxUnavailable').exists) rolling.maxUnavailable = c.get('maxUnavailable').take();
  if (Object.keys(rolling).length) out.rolling = rolling;
  const steps = c.get('steps').items();
  if (!steps.length) return;
  const weights: number[] = [];
  const pauses: (number | undefined)[] = [];
  for (let i = 0; i < steps.length; i += 2) {
    weights.push(steps[i]!.get('setWeight').value as number);
    pauses.push(typeof steps[i + 1]?.get('pause', 'duration').value !== 'undefined' ? (steps[i + 1]!.get('pause', 'duration').value as number) : undefined);
  }
  const step = weights[0];
  const linear = weights.every((w, i) => w === (step ?? 0) * (i + 1));
  if (typeof step !== 'number' || steps.length % 2 || !linear) {
    c.get('steps').drop('ambiguous', 'These canary steps are not one weight and pause (canary) or equal steps (linear), so they are not carried.');
    return;
  }
  const interval = pauseSeconds(steps[1]!.get('pause', 'duration'));
  for (const st of steps) st.get('setWeight').use(), st.get('pause', 'duration').use(), st.use();
  const kind = steps.length === 2 ? 'canary' : 'linear';
  out.strategy = kind;
  out[kind] = { percent: step, ...(interval !== undefined ? { interval } : {}) };
}
