/**
 * `kubernetes:rollout` — `kubernetes/rollout.yaml`, an Argo Rollouts argoproj.io/v1alpha1 Rollout,
 * written instead of the Deployment when `targets.kubernetes.workload: Rollout`. Blue-green,
 * canary and linear run natively: blue-green switches the Service selector (activeService), canary
 * and linear are setWeight/pause steps. Without a traffic router, Argo approximates a weight with
 * pod counts (reported as info).
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { workloadChecks } from './deployment.js';
import { hasService, k8sArtifact, podTemplate, writesFile } from './k8s.js';
import { k8sNames, metadata, selectorLabels, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

const seconds = (v: number) => Math.ceil(v);

function steps(percent: number, intervalSeconds: number, linear: boolean): JsonObject[] {
  const step = Math.ceil(percent);
  const out: JsonObject[] = [];
  for (let w = step; w < 100; w += step) {
    out.push({ setWeight: w }, { pause: { duration: seconds(intervalSeconds) } });
    if (!linear) break;
  }
  return out;
}

/** `spec.strategy` of the Rollout. */
export function rolloutStrategy(m: ServiceModel, report: Report): JsonObject {
  const d = m.deployment;
  const rolling: JsonObject = {};
  if (d.rolling.maxSurge !== undefined) rolling.maxSurge = d.rolling.maxSurge;
  if (d.rolling.maxUnavailable !== undefined) rolling.maxUnavailable = d.rolling.maxUnavailable;
  if (d.strategy === 'blue-green') {
    if (!hasService(m)) {
      report({ code: 'K8S_ROLLOUT_NEEDS_SERVICE', severity: 'error', message: 'A blue-green Rollout switches a Service between versions, so the service needs at least one port.', path: ['deployment', 'strategy'] });
    }
    const bg: JsonObject = { activeService: k8sNames(m).service };
    const ready = d.blueGreen.readyWaitSeconds;
    if (ready !== undefined && ready > 0) {
      bg.autoPromotionEnabled = false;
      report({
        code: 'K8S_ROLLOUT_READY_WAIT',
        severity: 'warning',
        message: `readyWait became autoPromotionEnabled false: the Rollout waits for a manual promote with no time limit, so the ${ready}s limit is not carried.`,
        path: ['deployment', 'blueGreen', 'readyWait'],
      });
    }
    const hold = Math.max(d.blueGreen.terminationWaitSeconds ?? 0, d.blueGreen.bakeTimeSeconds ?? 0);
    if (hold > 0) bg.scaleDownDelaySeconds = seconds(hold);
    return { blueGreen: bg };
  }
  const canary: JsonObject = { ...rolling };
  if (d.strategy === 'canary' || d.strategy === 'linear') {
    const shape = d.strategy === 'canary' ? (d.canary ?? { percent: 10, intervalSeconds: 300 }) : (d.linear ?? { percent: 10, intervalSeconds: 60 });
    canary.steps = steps(shape.percent, shape.intervalSeconds, d.strategy === 'linear');
    report({
      code: 'K8S_ROLLOUT_WEIGHT_BY_PODS',
      severity: 'info',
      message: `The ${d.strategy} steps set a weight, which Argo Rollouts approximates with pod counts because no traffic router is configured.`,
      path: ['deployment', 'strategy'],
    });
  }
  return { canary };
}

export function buildRollout(m: ServiceModel, report: Report): JsonObject {
  workloadChecks(m, report);
  const spec: JsonObject = {};
  if (m.replicas !== undefined) spec.replicas = m.replicas;
  spec.selector = { matchLabels: selectorLabels(m) };
  spec.template = podTemplate(m, report);
  spec.strategy = rolloutStrategy(m, report);
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: metadata(m, k8sNames(m).workload), spec };
}

export default defineEmitter({
  name: 'kubernetes:rollout',
  target: 'kubernetes',
  description: 'Argo Rollouts Rollout (blue-green, canary and linear natively), instead of the Deployment when workload is Rollout.',
  applies: (m) => writesFile(m, 'rollout'),
  emit(model, ctx) {
    return [k8sArtifact('rollout', 'kubernetes:rollout', buildRollout(model, (d) => ctx.report(d)))];
  },
});
