/**
 * An ECS service's Application Auto Scaling in words: the scalable target's range, its scheduled
 * actions, and each policy — target tracking (the metric and its target), step scaling (the alarm
 * that triggers it and the steps).
 */
import type { Json } from '../core/serialize.js';
import { asArray, isObject, ofType, plain, refResource, str, type Resource, type Template } from './cfn.js';

const PREDEFINED: Readonly<Record<string, [string, string]>> = {
  ECSServiceAverageCPUUtilization: ['CPU', '%'],
  ECSServiceAverageMemoryUtilization: ['memory', '%'],
  ALBRequestCountPerTarget: ['requests per target', ''],
};

const COMPARE: Readonly<Record<string, string>> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

/** `+2 tasks`, `-25%`: one step's adjustment as the policy's adjustment type means it. */
function adjustment(type: string | undefined, n: Json | undefined): string {
  const v = Number(n);
  const sign = v > 0 ? '+' : '';
  return type === 'PercentChangeInCapacity' ? `${sign}${v}%` : type === 'ExactCapacity' ? `to ${v}` : `${sign}${v}`;
}

function policyLine(t: Template, p: Resource): string {
  const tt = p.props.TargetTrackingScalingPolicyConfiguration;
  if (isObject(tt)) {
    const predefined = isObject(tt.PredefinedMetricSpecification) ? str(tt.PredefinedMetricSpecification.PredefinedMetricType) : undefined;
    const custom = isObject(tt.CustomizedMetricSpecification) ? str(tt.CustomizedMetricSpecification.MetricName) : undefined;
    const [metric, unit] = (predefined && PREDEFINED[predefined]) ?? [predefined ?? custom ?? 'a metric', ''];
    return `track ${metric} at ${plain(t, tt.TargetValue)}${unit}`;
  }
  const step = p.props.StepScalingPolicyConfiguration;
  if (isObject(step)) {
    const alarm = t.resources.find((r) => r.type === 'AWS::CloudWatch::Alarm' && asArray(r.props.AlarmActions).some((a) => refResource(t, a) === p));
    const when = alarm ? ` when ${plain(t, alarm.props.MetricName)} ${COMPARE[str(alarm.props.ComparisonOperator) ?? ''] ?? '?'} ${plain(t, alarm.props.Threshold)}` : '';
    const steps = asArray(step.StepAdjustments).filter(isObject).map((s) => adjustment(str(step.AdjustmentType), s.ScalingAdjustment));
    return `steps ${steps.join(', ')}${when}`;
  }
  return `${plain(t, p.props.PolicyType) || 'policy'} ${p.id}`;
}

/** The lines of the auto scaling box of one scalable target. */
export function scalingLines(t: Template, target: Resource): string[] {
  const lines = [`${plain(t, target.props.MinCapacity)}–${plain(t, target.props.MaxCapacity)} tasks`];
  for (const p of ofType(t, 'AWS::ApplicationAutoScaling::ScalingPolicy')) if (refResource(t, p.props.ScalingTargetId) === target) lines.push(policyLine(t, p));
  for (const a of asArray(target.props.ScheduledActions).filter(isObject)) {
    const to = isObject(a.ScalableTargetAction) ? a.ScalableTargetAction : {};
    const range = [to.MinCapacity !== undefined && `min ${plain(t, to.MinCapacity)}`, to.MaxCapacity !== undefined && `max ${plain(t, to.MaxCapacity)}`].filter(Boolean).join(', ');
    lines.push(`${plain(t, a.ScheduledActionName)}: ${range} at ${plain(t, a.Schedule)}${a.Timezone !== undefined ? ` ${plain(t, a.Timezone)}` : ''}`);
  }
  return lines;
}

/** Resource types the auto scaling box stands for (not named again under the panel). */
export const SCALING_TYPES = ['AWS::ApplicationAutoScaling::ScalableTarget', 'AWS::ApplicationAutoScaling::ScalingPolicy'];

/** Alarms that trigger a step scaling policy: they are part of the auto scaling box. */
export function scalingAlarms(t: Template): Set<Resource> {
  const policies = new Set(ofType(t, 'AWS::ApplicationAutoScaling::ScalingPolicy'));
  return new Set(ofType(t, 'AWS::CloudWatch::Alarm').filter((a) => asArray(a.props.AlarmActions).some((x) => policies.has(refResource(t, x)!))));
}
