/**
 * `kubernetes:hpa` — `kubernetes/hpa.yaml`, an autoscaling/v2 HorizontalPodAutoscaler with CPU and
 * memory Utilization targets; cooldowns become scale-down/up stabilization windows. The workload
 * then omits `replicas`, so a re-apply never fights the autoscaler.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, wholeSeconds, workloadRef, writesFile } from './k8s.js';
import { k8sNames, metadata, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

/** HPAScalingRules.stabilizationWindowSeconds: 0–3600. */
const MAX_WINDOW = 3600;

function window(v: number, path: (string | number)[], report: Report): JsonObject {
  let s = wholeSeconds(v, path, report);
  if (s > MAX_WINDOW) {
    report({ code: 'K8S_HPA_WINDOW_TOO_LONG', severity: 'error', message: `An HPA stabilization window is at most ${MAX_WINDOW} seconds; got ${s}.`, path });
    s = MAX_WINDOW;
  }
  return { stabilizationWindowSeconds: s };
}

export function buildHpa(m: ServiceModel, report: Report): JsonObject {
  const a = m.autoscaling!;
  let min = a.min;
  if (min < 1) {
    report({
      code: 'K8S_HPA_MIN_ZERO',
      severity: 'warning',
      message: 'An HPA cannot scale to zero without the alpha HPAScaleToZero feature gate, so autoscaling.min 0 became minReplicas 1.',
      path: ['autoscaling', 'min'],
    });
    min = 1;
  }
  const metrics: JsonObject[] = [];
  const resource = (name: 'cpu' | 'memory', percent: number, key: 'cpu' | 'memory') => {
    const missing = m.containers.filter((c) => (key === 'cpu' ? c.resources.requests.cpu ?? c.resources.limits.cpu : c.resources.requests.memory ?? c.resources.limits.memory) === undefined);
    if (missing.length) {
      report({
        code: 'K8S_HPA_NO_REQUESTS',
        severity: 'warning',
        message: `A ${name} Utilization target is a percent of the ${name} request, and container${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.name).join(', ')} ${missing.length > 1 ? 'have' : 'has'} none, so the HPA cannot compute it.`,
        hint: `set resources.requests.${name}`,
        path: ['autoscaling', key],
      });
    }
    metrics.push({ type: 'Resource', resource: { name, target: { type: 'Utilization', averageUtilization: percent } } });
  };
  if (a.cpuPercent !== undefined) resource('cpu', a.cpuPercent, 'cpu');
  if (a.memoryPercent !== undefined) resource('memory', a.memoryPercent, 'memory');
  // Load balancer metrics need a metrics adapter (External metrics), alarms and schedules have no HPA form.
  const notCarried = [
    ...(a.requestsPerTarget !== undefined ? ['requests'] : []),
    ...(a.responseTimeSeconds !== undefined ? ['responseTime'] : []),
    ...(a.steps.length ? ['steps'] : []),
    ...(a.schedule.length ? ['schedule'] : []),
  ];
  for (const key of notCarried) {
    const why =
      key === 'steps'
        ? 'an HPA scales on metric targets, not on CloudWatch alarms with steps (its behavior policies only limit how fast it scales)'
        : key === 'schedule'
          ? 'an HPA has no scheduled capacity (use a CronJob or KEDA\'s cron scaler)'
          : 'an HPA reads load balancer metrics only through an External metrics adapter for CloudWatch, which codegen does not assume';
    report({ code: 'K8S_HPA_NOT_CARRIED', severity: 'warning', message: `autoscaling.${key} is not written: ${why}.`, path: ['autoscaling', key] });
  }
  const spec: JsonObject = {
    scaleTargetRef: workloadRef(m),
    minReplicas: min,
    maxReplicas: a.max,
  };
  if (metrics.length) spec.metrics = metrics;
  else {
    report({ code: 'K8S_HPA_NO_METRIC', severity: 'warning', message: 'The HPA has no metric it can carry (cpu or memory), so it scales on its default, 80% average CPU utilization of the requests.', hint: 'set targets.kubernetes.autoscaling.cpu', path: ['autoscaling'] });
  }
  const behavior: JsonObject = {};
  if (a.scaleInCooldownSeconds !== undefined) behavior.scaleDown = window(a.scaleInCooldownSeconds, ['autoscaling', 'scaleInCooldown'], report);
  if (a.scaleOutCooldownSeconds !== undefined) behavior.scaleUp = window(a.scaleOutCooldownSeconds, ['autoscaling', 'scaleOutCooldown'], report);
  if (Object.keys(behavior).length) {
    spec.behavior = behavior;
    report({
      code: 'K8S_HPA_COOLDOWN_AS_WINDOW',
      severity: 'info',
      message: 'The HPA has no cooldowns: scaleInCooldown and scaleOutCooldown became the scale-down and scale-up stabilization windows (the HPA acts on the most conservative recommendation within the window).',
      path: ['autoscaling'],
    });
  }
  return { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: metadata(m, k8sNames(m).workload), spec };
}

export default defineEmitter({
  name: 'kubernetes:hpa',
  target: 'kubernetes',
  description: 'Kubernetes autoscaling/v2 HorizontalPodAutoscaler (CPU and memory utilization).',
  applies: (m) => writesFile(m, 'hpa'),
  emit(model, ctx) {
    return [k8sArtifact('hpa', 'kubernetes:hpa', buildHpa(model, (d) => ctx.report(d)))];
  },
});
