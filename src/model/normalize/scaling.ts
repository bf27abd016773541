/**
 * `autoscaling.steps` and `autoscaling.schedule`: step scaling policies on CloudWatch alarms and
 * scheduled capacity changes, checked the way Application Auto Scaling checks them (contiguous step
 * ranges on the alarm's side of the threshold, one open end, a minimum not above the maximum).
 * @see https://docs.aws.amazon.com/autoscaling/application/userguide/step-scaling-policy-overview.html
 */
import { parseDurationSeconds } from '../../core/units.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { ScheduledScalingModel, StepScalingModel } from '../types.js';
import { optSeconds, type Report } from './common.js';

type Autoscaling = NonNullable<ServiceSpec['autoscaling']>;

export function normalizeSteps(a: Autoscaling, rep: Report): StepScalingModel[] {
  const names = new Set<string>();
  const policyNames = new Set<string>();
  return (a.steps ?? []).map((p, i) => {
    const path = ['autoscaling', 'steps', i];
    const name = p.name ?? `step-${i + 1}`;
    if (names.has(name)) rep({ code: 'AUTOSCALING_DUPLICATE_NAME', severity: 'error', message: `Two step scaling policies are named ${name}.`, path: [...path, 'name'] });
    names.add(name);
    if (p.policyName !== undefined) {
      if (policyNames.has(p.policyName)) rep({ code: 'AUTOSCALING_DUPLICATE_NAME', severity: 'error', message: `Two step scaling policies have the PolicyName ${p.policyName}; a policy name is unique on its scalable target.`, path: [...path, 'policyName'] });
      policyNames.add(p.policyName);
    }
    const metric: StepScalingModel['metric'] =
      typeof p.metric === 'string'
        ? { builtin: p.metric }
        : { namespace: p.metric.namespace, name: p.metric.name, ...(p.metric.dimensions ? { dimensions: { ...p.metric.dimensions } } : {}), statistic: p.metric.statistic ?? 'Average' };
    const period = p.period === undefined ? 60 : parseDurationSeconds(p.period) ?? 60;
    // CloudWatch alarm periods: 10, 30, or a multiple of 60 seconds.
    if (!(period === 10 || period === 30 || (period >= 60 && period % 60 === 0))) {
      rep({ code: 'AUTOSCALING_ALARM_PERIOD', severity: 'error', message: `A CloudWatch alarm period is 10 s, 30 s or a multiple of 60 s; got ${period} s.`, path: [...path, 'period'] });
    }
    const out: StepScalingModel = {
      name,
      ...(p.policyName !== undefined ? { policyName: p.policyName } : {}),
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(p.logicalIds && (p.logicalIds.policy !== undefined || p.logicalIds.alarm !== undefined) ? { logicalIds: { ...p.logicalIds } } : {}),
      metric,
      comparison: p.comparison,
      threshold: p.threshold,
      periodSeconds: period,
      evaluationPeriods: p.evaluationPeriods ?? 1,
      adjustment: p.adjustment ?? 'ChangeInCapacity',
      steps: p.steps.map((s) => ({ ...(s.from !== undefined ? { from: s.from } : {}), ...(s.to !== undefined ? { to: s.to } : {}), change: s.change })),
      ...optSeconds('cooldownSeconds', p.cooldown),
      ...(p.aggregation ? { aggregation: p.aggregation } : {}),
      ...(p.minAdjustmentMagnitude !== undefined ? { minAdjustmentMagnitude: p.minAdjustmentMagnitude } : {}),
      path,
    };
    if (out.minAdjustmentMagnitude !== undefined && out.adjustment !== 'PercentChangeInCapacity') {
      rep({ code: 'AUTOSCALING_STEPS', severity: 'error', message: 'minAdjustmentMagnitude applies to PercentChangeInCapacity only.', path: [...path, 'minAdjustmentMagnitude'] });
    }
    checkRanges(out, rep);
    return out;
  });
}

/**
 * The step ranges, as Application Auto Scaling requires them relative to the threshold: no gap and
 * no overlap, each range on the alarm's side, exactly one open end (away from the threshold).
 */
function checkRanges(p: StepScalingModel, rep: Report): void {
  const up = p.comparison === '>=' || p.comparison === '>';
  const bad = (message: string, i?: number) => rep({ code: 'AUTOSCALING_STEPS', severity: 'error', message, path: i === undefined ? [...p.path, 'steps'] : [...p.path, 'steps', i] });
  const steps = p.steps;
  // Fill the bound at the threshold: the first step of a rising alarm starts there, the last of a falling one ends there.
  if (up && steps[0]!.from === undefined) steps[0]!.from = p.threshold;
  if (!up && steps[steps.length - 1]!.to === undefined) steps[steps.length - 1]!.to = p.threshold;
  steps.forEach((s, i) => {
    if (s.from !== undefined && s.to !== undefined && s.from >= s.to) bad(`Step ${i + 1} has an empty range (from ${s.from} to ${s.to}).`, i);
    if (i > 0 && steps[i - 1]!.to !== s.from) bad(`Steps ${i} and ${i + 1} must meet: step ${i} ends at ${String(steps[i - 1]!.to ?? 'no bound')}, step ${i + 1} starts at ${String(s.from ?? 'no bound')}.`, i);
    if (up && s.from !== undefined && s.from < p.threshold) bad(`Step ${i + 1} starts at ${s.from}, below the threshold ${p.threshold} of a rising alarm.`, i);
    if (!up && s.to !== undefined && s.to > p.threshold) bad(`Step ${i + 1} ends at ${s.to}, above the threshold ${p.threshold} of a falling alarm.`, i);
    if (p.adjustment !== 'ExactCapacity' && s.change === 0) bad(`Step ${i + 1} changes nothing (change 0).`, i);
  });
  if (up && steps[steps.length - 1]!.to !== undefined) bad(`The last step of a rising alarm has no upper bound; step ${steps.length} ends at ${steps[steps.length - 1]!.to}.`, steps.length - 1);
  if (!up && steps[0]!.from !== undefined) bad(`The first step of a falling alarm has no lower bound; step 1 starts at ${steps[0]!.from}.`, 0);
}

export function normalizeSchedule(a: Autoscaling, rep: Report): ScheduledScalingModel[] {
  const names = new Set<string>();
  return (a.schedule ?? []).map((s, i) => {
    const path = ['autoscaling', 'schedule', i];
    if (names.has(s.name)) rep({ code: 'AUTOSCALING_DUPLICATE_NAME', severity: 'error', message: `Two scheduled actions are named ${s.name}.`, path: [...path, 'name'] });
    names.add(s.name);
    if (s.min === undefined && s.max === undefined) rep({ code: 'AUTOSCALING_SCHEDULE_EMPTY', severity: 'error', message: `Scheduled action ${s.name} sets neither min nor max.`, path });
    if (s.min !== undefined && s.max !== undefined && s.min > s.max) rep({ code: 'AUTOSCALING_RANGE', severity: 'error', message: `Scheduled action ${s.name}: min (${s.min}) is greater than max (${s.max}).`, path: [...path, 'min'] });
    return {
      name: s.name,
      schedule: s.schedule,
      ...(s.timezone !== undefined ? { timezone: s.timezone } : {}),
      ...(s.min !== undefined ? { min: s.min } : {}),
      ...(s.max !== undefined ? { max: s.max } : {}),
      ...(s.start !== undefined ? { start: s.start } : {}),
      ...(s.end !== undefined ? { end: s.end } : {}),
      path,
    };
  });
}
