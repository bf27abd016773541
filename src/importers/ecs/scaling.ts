/**
 * Application Auto Scaling around an ECS service → `autoscaling`: the scalable target and its
 * scheduled actions, target tracking on CPU, memory, ALB requests per target and ALB response
 * time, and step scaling policies with the CloudWatch alarms that trigger them.
 */
import type { Field } from '../fields.js';
import { stepLogicalIds } from '../../schema/logical-ids.js';
import { duration } from '../write.js';
import { paramValue, type Template } from './cfn.js';

type Json = Record<string, unknown>;

const COMPARISON: Record<string, string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanOrEqualToThreshold: '<=',
  LessThanThreshold: '<',
};

function targetTracking(t: Template, id: string, auto: Json): void {
  const c = t.props(id).get('TargetTrackingScalingPolicyConfiguration');
  const metric = c.get('PredefinedMetricSpecification', 'PredefinedMetricType').str();
  const custom = c.get('CustomizedMetricSpecification');
  let key: string | undefined;
  if (metric === 'ECSServiceAverageCPUUtilization') key = 'cpu';
  else if (metric === 'ECSServiceAverageMemoryUtilization') key = 'memory';
  else if (metric === 'ALBRequestCountPerTarget') (key = 'requests'), c.get('PredefinedMetricSpecification', 'ResourceLabel').use();
  else if (custom.get('Namespace').value === 'AWS/ApplicationELB' && custom.get('MetricName').value === 'TargetResponseTime') (key = 'responseTime'), custom.use();
  if (!key) {
    t.resources.get(id).drop('no-form', `Scaling on ${String(metric ?? custom.get('MetricName').value)} has no form in the spec (CPU, memory, requests and response time targets), so it is not carried.`);
    return;
  }
  const value = c.get('TargetValue').num();
  auto[key] = key === 'responseTime' && value !== undefined ? duration(value) : value;
  const inCd = c.get('ScaleInCooldown').num();
  const outCd = c.get('ScaleOutCooldown').num();
  if (inCd !== undefined) auto.scaleInCooldown = duration(inCd);
  if (outCd !== undefined) auto.scaleOutCooldown = duration(outCd);
  for (const k of ['PolicyName', 'PolicyType', 'ScalingTargetId']) t.props(id).get(k).use();
}

/** The alarm whose action is this policy (`AlarmActions: [Ref policy]`). */
function alarmOf(t: Template, policy: string): string | undefined {
  return t.ofType('AWS::CloudWatch::Alarm').find((a) => t.props(a).get('AlarmActions').items().some((x) => t.isRef(x, policy)));
}

const STEP_NAME = /^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/;

/** `ServiceScaleOutPolicy` → `service-scale-out-policy`: a step name the spec takes (empty when nothing is left). */
export function stepLabel(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 32)
    .replace(/^-+|-+$/g, '');
}

function stepScaling(t: Template, id: string, name: string, auto: Json): void {
  const p = t.props(id);
  const alarmId = alarmOf(t, id);
  if (!alarmId) {
    t.resources.get(id).drop('no-form', 'A step scaling policy no alarm triggers has no form in the spec, so it is not carried.');
    return;
  }
  const alarm = t.props(alarmId);
  const threshold = alarm.get('Threshold').num() ?? 0;
  const step: Json = {};
  const policyName = p.get('PolicyName').str();
  const suffix = policyName?.startsWith(`${name}-`) ? policyName.slice(name.length + 1) : policyName;
  const index = ((auto.steps as Json[] | undefined) ?? []).length + 1;
  if (suffix !== undefined && !STEP_NAME.test(suffix)) {
    // A name of its own: kept as policyName. The step's name (a lowercase label of at most 32,
    // which names the logical IDs) comes from codegen's logical ID Step<Name>Policy, else from
    // the policy name.
    const fromId = /^Step([A-Za-z0-9]+)Policy$/.exec(id)?.[1];
    const label = (fromId && stepLabel(fromId)) || stepLabel(suffix) || `step-${index}`;
    if (label !== `step-${index}`) step.name = label;
    step.policyName = policyName!;
  } else if (suffix !== `step-${index}`) step.name = suffix;
  // IDs other than codegen's for this step name are the step's own (adopting the stack as it is).
  const ids = stepLogicalIds((step.name as string | undefined) ?? `step-${index}`);
  const own: Json = {};
  if (id !== ids.policy) own.policy = id;
  if (alarmId !== ids.alarm) own.alarm = alarmId;
  if (Object.keys(own).length) step.logicalIds = own;
  const ns = alarm.get('Namespace').str();
  const metricName = alarm.get('MetricName').str();
  const dims = alarm.get('Dimensions');
  const serviceDims = dims.items().length === 2 && dims.get(0, 'Name').value === 'ClusterName' && dims.get(1, 'Name').value === 'ServiceName';
  if (ns === 'AWS/ECS' && serviceDims && (metricName === 'CPUUtilization' || metricName === 'MemoryUtilization') && alarm.get('Statistic').value === 'Average') {
    step.metric = metricName === 'CPUUtilization' ? 'cpu' : 'memory';
    dims.use(), alarm.get('Statistic').use();
  } else {
    const metric: Json = { namespace: ns, name: metricName };
    if (!(ns === 'AWS/ECS' && serviceDims)) {
      const d: Json = {};
      for (const x of dims.items()) {
        const k = x.get('Name').str();
        const v = t.literal(x.get('Value'));
        if (k !== undefined && typeof v === 'string') d[k] = v;
      }
      if (Object.keys(d).length) metric.dimensions = d;
    } else dims.use();
    const stat = alarm.get('Statistic').str();
    if (stat !== 'Average') metric.statistic = stat;
    step.metric = metric;
  }
  step.comparison = COMPARISON[String(alarm.get('ComparisonOperator').str())];
  step.threshold = threshold;
  const period = alarm.get('Period').num();
  if (period !== undefined && period !== 60) step.period = duration(period);
  const evals = alarm.get('EvaluationPeriods').num();
  if (evals !== undefined && evals !== 1) step.evaluationPeriods = evals;
  // codegen's own description starts with `<service>: step scaling`; any other is the spec's.
  const description = alarm.get('AlarmDescription').str();
  if (description !== undefined && !description.startsWith(`${name}: step scaling `)) step.description = description;
  alarm.get('AlarmActions').use();
  const c = p.get('StepScalingPolicyConfiguration');
  const adj = c.get('AdjustmentType').str();
  if (adj !== undefined && adj !== 'ChangeInCapacity') step.adjustment = adj;
  const up = step.comparison === '>=' || step.comparison === '>';
  const items = c.get('StepAdjustments').items();
  step.steps = items.map((s, i) => {
    const lo = s.get('MetricIntervalLowerBound').num();
    const hi = s.get('MetricIntervalUpperBound').num();
    const out: Json = {};
    // The bound at the threshold is the default (first step of a rising alarm, last of a falling one).
    if (lo !== undefined && !(up && i === 0 && lo === 0)) out.from = threshold + lo;
    if (hi !== undefined && !(!up && i === items.length - 1 && hi === 0)) out.to = threshold + hi;
    out.change = s.get('ScalingAdjustment').num();
    return out;
  });
  const cd = c.get('Cooldown').num();
  if (cd !== undefined) step.cooldown = duration(cd);
  const agg = c.get('MetricAggregationType').str();
  if (agg !== undefined) step.aggregation = agg;
  const mag = c.get('MinAdjustmentMagnitude').num();
  if (mag !== undefined) step.minAdjustmentMagnitude = mag;
  for (const k of ['PolicyType', 'ScalingTargetId']) p.get(k).use();
  t.resources.get(alarmId).get('Type').use();
  ((auto.steps ??= []) as Json[]).push(step);
}

function schedule(f: Field): Json[] {
  return f.items().map((a) => {
    const out: Json = { name: a.get('ScheduledActionName').str(), schedule: a.get('Schedule').str() };
    const tz = a.get('Timezone').str();
    if (tz !== undefined) out.timezone = tz;
    const min = a.get('ScalableTargetAction', 'MinCapacity').num();
    if (min !== undefined) out.min = min;
    const max = a.get('ScalableTargetAction', 'MaxCapacity').num();
    if (max !== undefined) out.max = max;
    const start = a.get('StartTime').str();
    if (start !== undefined) out.start = start;
    const end = a.get('EndTime').str();
    if (end !== undefined) out.end = end;
    return out;
  });
}

export function readScaling(t: Template, spec: Json): void {
  const target = t.ofType('AWS::ApplicationAutoScaling::ScalableTarget')[0];
  if (!target) return;
  const p = t.props(target);
  const bound = (k: string) => paramValue(t, p.get(k), true) ?? p.get(k).num();
  const auto: Json = { min: bound('MinCapacity'), max: bound('MaxCapacity') };
  for (const k of ['ServiceNamespace', 'ScalableDimension', 'ResourceId']) p.get(k).use();
  const role = t.literal(p.get('RoleARN'));
  if (typeof role === 'string') {
    const ecs = ((spec.targets as Json | undefined)?.ecs ?? undefined) as Json | undefined;
    if (ecs) ((ecs.service ??= {}) as Json).autoscalingRoleArn = role;
  }
  for (const id of t.ofType('AWS::ApplicationAutoScaling::ScalingPolicy')) {
    const type = t.props(id).get('PolicyType').value;
    if (type === 'StepScaling') stepScaling(t, id, String(spec.name), auto);
    else targetTracking(t, id, auto);
  }
  const actions = schedule(p.get('ScheduledActions'));
  if (actions.length) auto.schedule = actions;
  spec.autoscaling = auto;
}
