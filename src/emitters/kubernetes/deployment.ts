/**
 * `kubernetes:deployment` — `kubernetes/deployment.yaml`, an apps/v1 Deployment. Replicas are
 * omitted when an HPA owns them. Strategies a Deployment has no form for (blue-green, canary,
 * linear) become the closest RollingUpdate, with a warning that says what was translated.
 */
import type { IntOrPercent, ServiceModel } from '../../model/types.js';
import type { JsonObject } from '../../core/serialize.js';
import { k8sArtifact, podTemplate, writesFile } from './k8s.js';
import { checkName, commonLabels, k8sNames, metadata, selectorLabels, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

/** Kubernetes' default progressDeadlineSeconds; it must stay above minReadySeconds. */
const DEFAULT_PROGRESS_DEADLINE = 600;

const describeStep = (v: IntOrPercent) => (typeof v === 'number' ? String(v) : v);

/** `spec.strategy` (+ minReadySeconds/progressDeadlineSeconds for linear) and the translation warning. */
export function deploymentStrategy(m: ServiceModel, report: Report): { strategy: JsonObject; minReadySeconds?: number } {
  const d = m.deployment;
  const given = d.rolling;
  if (d.strategy === 'rolling') {
    const ru: JsonObject = {};
    if (given.maxSurge !== undefined) ru.maxSurge = given.maxSurge;
    if (given.maxUnavailable !== undefined) ru.maxUnavailable = given.maxUnavailable;
    if (isZero(given.maxSurge) && isZero(given.maxUnavailable)) {
      report({ code: 'K8S_ROLLING_STUCK', severity: 'error', message: 'maxSurge and maxUnavailable cannot both be 0: the rollout could never replace a pod.', path: ['deployment', 'rolling'] });
    }
    return { strategy: Object.keys(ru).length ? { type: 'RollingUpdate', rollingUpdate: ru } : { type: 'RollingUpdate' } };
  }
  // No native form: a surge-only rolling update (never fewer ready pods than desired) shaped like the strategy.
  let surge: IntOrPercent;
  let minReadySeconds: number | undefined;
  let shape: string;
  if (d.strategy === 'blue-green') {
    surge = '100%';
    const timings = [
      d.blueGreen.bakeTimeSeconds !== undefined ? 'bakeTime' : undefined,
      d.blueGreen.terminationWaitSeconds !== undefined ? 'terminationWait' : undefined,
      d.blueGreen.readyWaitSeconds !== undefined ? 'readyWait' : undefined,
    ].filter((x) => x !== undefined);
    shape = `a full new set of pods starts before old pods are removed, but traffic moves to each new pod as it becomes ready rather than in one switch${timings.length ? `, and ${listWords(timings)} ${timings.length > 1 ? 'are' : 'is'} not carried` : ''}`;
  } else if (d.strategy === 'canary') {
    const c = d.canary ?? { percent: 10, intervalSeconds: 300 };
    surge = `${Math.ceil(c.percent)}%`;
    shape = `pods are replaced in ${surge} batches as each becomes ready, without the ${c.intervalSeconds}s pause after the first batch or a traffic split`;
  } else {
    const l = d.linear ?? { percent: 10, intervalSeconds: 60 };
    surge = `${Math.ceil(l.percent)}%`;
    minReadySeconds = Math.ceil(l.intervalSeconds);
    shape = `pods are replaced in ${surge} batches and minReadySeconds ${minReadySeconds} holds each batch before the next, shifting pods rather than a traffic percentage`;
  }
  const maxSurge = given.maxSurge ?? surge;
  const maxUnavailable = given.maxUnavailable ?? 0;
  report({
    code: 'K8S_STRATEGY_TRANSLATED',
    severity: 'warning',
    message: `A Deployment has no ${d.strategy} strategy, so it became a RollingUpdate with maxSurge ${describeStep(maxSurge)} and maxUnavailable ${describeStep(maxUnavailable)}: ${shape}.`,
    hint: 'use a progressive-delivery controller (Argo Rollouts, Flagger) for real traffic shifting, or set targets.kubernetes.deployment.strategy: rolling to accept the rolling update',
    path: ['deployment', 'strategy'],
  });
  if (isZero(maxSurge) && isZero(maxUnavailable)) {
    report({ code: 'K8S_ROLLING_STUCK', severity: 'error', message: 'maxSurge and maxUnavailable cannot both be 0: the rollout could never replace a pod.', path: ['deployment', 'rolling'] });
  }
  return {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
    ...(minReadySeconds !== undefined ? { minReadySeconds } : {}),
  };
}

const listWords = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs.join(''));

function isZero(v: IntOrPercent | undefined): boolean {
  return v === 0 || (typeof v === 'string' && /^0+%$/.test(v));
}

/** Checks of the service and `targets.kubernetes` that no other emitter is sure to see (a workload is always written). */
export function workloadChecks(m: ServiceModel, report: Report): void {
  const t = m.targets.kubernetes;
  checkName(m.name, 'label', 'Service name', ['name'], report);
  commonLabels(m, report);
  if (m.tracing.xray) {
    report({
      code: 'K8S_TRACING_NOT_CARRIED',
      // A fact about the platform, not a defect of the spec: the collector is cluster-wide.
      severity: 'info',
      message: 'tracing.xray adds no collector to the pods: Kubernetes clusters run the X-Ray daemon or ADOT collector as a DaemonSet or add-on.',
      path: ['tracing', 'xray'],
    });
  }
  if (t.createNamespace && t.namespace === undefined) {
    report({ code: 'K8S_NAMESPACE_MISSING', severity: 'error', message: 'createNamespace needs the namespace name: set targets.kubernetes.namespace.', path: ['targets', 'kubernetes', 'createNamespace'] });
  }
  if (t.serviceAccount?.create === false && t.serviceAccount.roleArn !== undefined) {
    report({
      code: 'K8S_ROLE_NOT_CARRIED',
      severity: 'warning',
      message: 'serviceAccount.roleArn is not written because create is false: annotate the existing ServiceAccount with eks.amazonaws.com/role-arn yourself.',
      path: ['targets', 'kubernetes', 'serviceAccount', 'roleArn'],
    });
  }
}

/** The Deployment object. */
export function buildDeployment(m: ServiceModel, report: Report): JsonObject {
  workloadChecks(m, report);
  const spec: JsonObject = {};
  if (m.replicas !== undefined) spec.replicas = m.replicas;
  const { strategy, minReadySeconds } = deploymentStrategy(m, report);
  if (minReadySeconds !== undefined) {
    spec.minReadySeconds = minReadySeconds;
    if (minReadySeconds >= DEFAULT_PROGRESS_DEADLINE) spec.progressDeadlineSeconds = minReadySeconds + DEFAULT_PROGRESS_DEADLINE;
  }
  spec.strategy = strategy;
  spec.selector = { matchLabels: selectorLabels(m) };
  spec.template = podTemplate(m, report);
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(m, k8sNames(m).workload), spec };
}

export default defineEmitter({
  name: 'kubernetes:deployment',
  target: 'kubernetes',
  description: 'Kubernetes apps/v1 Deployment (rolling update, probes, env and secretKeyRef, sidecars).',
  applies: (m) => writesFile(m, 'deployment'),
  emit(model, ctx) {
    return [k8sArtifact('deployment', 'kubernetes:deployment', buildDeployment(model, (d) => ctx.report(d)))];
  },
});
