/** How the service rolls out (strategy and its steps) and how many copies run (autoscaling). */
import type { SpecPath } from '../../core/diagnostics.js';
import { parseDurationSeconds } from '../../core/units.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { DeploymentModel, IntOrPercent, ServiceModel } from '../types.js';
import { optSeconds, type Report } from './common.js';
import { normalizeSchedule, normalizeSteps } from './scaling.js';

export function normalizeDeployment(d: ServiceSpec['deployment']): DeploymentModel {
  const strategy = d?.strategy ?? 'rolling';
  const io = (v: number | string | undefined): IntOrPercent | undefined => (v === undefined ? undefined : (v as IntOrPercent));
  const maxSurge = io(d?.rolling?.maxSurge);
  const maxUnavailable = io(d?.rolling?.maxUnavailable);
  const out: DeploymentModel = {
    strategy,
    rolling: { ...(maxSurge !== undefined ? { maxSurge } : {}), ...(maxUnavailable !== undefined ? { maxUnavailable } : {}) },
    blueGreen: {
      ...optSeconds('bakeTimeSeconds', d?.blueGreen?.bakeTime),
      ...optSeconds('terminationWaitSeconds', d?.blueGreen?.terminationWait),
      ...optSeconds('readyWaitSeconds', d?.blueGreen?.readyWait),
    },
    rollbackOnFailure: d?.rollbackOnFailure ?? true,
    rollbackAlarms: [...(d?.rollbackAlarms ?? [])],
  };
  if (strategy === 'canary' || d?.canary) {
    out.canary = { percent: d?.canary?.percent ?? 10, intervalSeconds: parseDurationSeconds(d?.canary?.interval ?? '5m') ?? 300 };
  }
  if (strategy === 'linear' || d?.linear) {
    out.linear = { percent: d?.linear?.percent ?? 10, intervalSeconds: parseDurationSeconds(d?.linear?.interval ?? '1m') ?? 60 };
  }
  return out;
}

/** `autoscaling` with its durations in seconds; reports an empty range, a missing metric and a `replicas` it overrides. */
export function normalizeAutoscaling(spec: ServiceSpec, at: (p: SpecPath) => SpecPath, rep: Report): ServiceModel['autoscaling'] {
  const autoscaling = spec.autoscaling
    ? {
        // Parameters were resolved to their defaults before (model/normalize/parameters.ts).
        min: spec.autoscaling.min as number,
        max: spec.autoscaling.max as number,
        ...(spec.autoscaling.cpu !== undefined ? { cpuPercent: spec.autoscaling.cpu } : {}),
        ...(spec.autoscaling.memory !== undefined ? { memoryPercent: spec.autoscaling.memory } : {}),
        ...(spec.autoscaling.requests !== undefined ? { requestsPerTarget: spec.autoscaling.requests } : {}),
        ...optSeconds('responseTimeSeconds', spec.autoscaling.responseTime),
        ...optSeconds('scaleInCooldownSeconds', spec.autoscaling.scaleInCooldown),
        ...optSeconds('scaleOutCooldownSeconds', spec.autoscaling.scaleOutCooldown),
        steps: normalizeSteps(spec.autoscaling, rep),
        schedule: normalizeSchedule(spec.autoscaling, rep),
      }
    : undefined;
  if (autoscaling) {
    if (autoscaling.min > autoscaling.max) {
      rep({ code: 'AUTOSCALING_RANGE', severity: 'error', message: `autoscaling.min (${autoscaling.min}) is greater than autoscaling.max (${autoscaling.max}).`, path: ['autoscaling', 'min'] });
    }
    const a = autoscaling;
    if (a.cpuPercent === undefined && a.memoryPercent === undefined && a.requestsPerTarget === undefined && a.responseTimeSeconds === undefined && !a.steps.length && !a.schedule.length) {
      rep({ code: 'AUTOSCALING_NO_METRIC', severity: 'error', message: 'Autoscaling needs something to scale on: set autoscaling.cpu, memory, requests or responseTime (target tracking), steps or schedule.', path: ['autoscaling'] });
    }
    if (a.responseTimeSeconds === 0) rep({ code: 'AUTOSCALING_RESPONSE_TIME', severity: 'error', message: 'autoscaling.responseTime must be more than 0.', path: ['autoscaling', 'responseTime'] });
    if ((a.requestsPerTarget !== undefined || a.responseTimeSeconds !== undefined) && !spec.expose) {
      rep({ code: 'AUTOSCALING_NEEDS_LOAD_BALANCER', severity: 'error', message: `autoscaling.${a.requestsPerTarget !== undefined ? 'requests' : 'responseTime'} is measured at the load balancer, and the service has no expose.`, path: ['autoscaling', a.requestsPerTarget !== undefined ? 'requests' : 'responseTime'] });
    }
    // Warn only when both were written at the same level (a target may switch to autoscaling).
    if (spec.replicas !== undefined && scope(at(['replicas'])) === scope(at(['autoscaling']))) {
      rep({ code: 'REPLICAS_IGNORED', severity: 'warning', message: 'replicas is ignored because autoscaling owns the replica count.', path: ['replicas'] });
    }
  }
  return autoscaling;
}

/** `base`, `targets.<t>` or `environments.<e>`: the level a value was written at. */
function scope(p: SpecPath): string {
  if (p[0] === 'targets' || p[0] === 'environments') return `${String(p[0])}.${String(p[1])}${p[2] === 'targets' ? `.${String(p[3])}` : ''}`;
  return 'base';
}
