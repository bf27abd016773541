/**
 * Autoscaling: the scalable target on the desired count (with its scheduled actions), one
 * target-tracking policy per target (CPU, memory, ALB requests per target, ALB response time), and
 * per step policy a StepScaling policy with the CloudWatch alarm that triggers it.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-applicationautoscaling-scalingpolicy.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-applicationautoscaling-scalabletarget-scheduledaction.html
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { StepScalingModel, ServiceModel } from '../../model/types.js';
import { stepLogicalIds } from '../../schema/logical-ids.js';
import { getAtt, join, ref, sub, type TemplateBuilder } from '../common/cfn.js';
import { at, serviceResourceId, type Report } from './service-common.js';
import type { Balancing } from './service-load-balancing.js';

const COMPARISON: Record<StepScalingModel['comparison'], string> = {
  '>=': 'GreaterThanOrEqualToThreshold',
  '>': 'GreaterThanThreshold',
  '<=': 'LessThanOrEqualToThreshold',
  '<': 'LessThanThreshold',
};

/**
 * `app/<lb-name>/<lb-id>`, the load balancer part of a listener ARN
 * (`arn:…:listener/app/<lb-name>/<lb-id>/<listener-id>`), as CloudWatch names the load balancer.
 */
function loadBalancerParts(listener: Json): Json[] {
  const parts = { 'Fn::Split': ['/', listener] };
  return [1, 2, 3].map((i) => ({ 'Fn::Select': [i, parts] }));
}

function scheduledActions(m: ServiceModel): JsonObject[] {
  return m.autoscaling!.schedule.map((s) => {
    const action: JsonObject = {};
    if (s.min !== undefined) action.MinCapacity = s.min;
    if (s.max !== undefined) action.MaxCapacity = s.max;
    return {
      ScheduledActionName: s.name,
      Schedule: s.schedule,
      ...(s.timezone !== undefined ? { Timezone: s.timezone } : {}),
      ...(s.start !== undefined ? { StartTime: s.start } : {}),
      ...(s.end !== undefined ? { EndTime: s.end } : {}),
      ScalableTargetAction: action,
    };
  });
}

export function autoscaling(t: TemplateBuilder, m: ServiceModel, lb: Balancing | undefined, cluster: Json, report: Report): void {
  const a = m.autoscaling;
  if (!a) {
    if (m.targets.ecs.service?.autoscalingRoleArn !== undefined) {
      report({ code: 'ECS_AUTOSCALING_ROLE_UNUSED', severity: 'warning', message: 'targets.ecs.service.autoscalingRoleArn applies to autoscaling, and the spec has none, so it is not written.', path: ['targets', 'ecs', 'service', 'autoscalingRoleArn'] });
    }
    return;
  }
  const target: JsonObject = {
    ServiceNamespace: 'ecs',
    ScalableDimension: 'ecs:service:DesiredCount',
    ResourceId: serviceResourceId(t, m),
    // `{ param: Name }` bounds are parameters of the template (the model holds their defaults).
    MinCapacity: m.parameters.numbers.autoscalingMin ? ref(m.parameters.numbers.autoscalingMin) : a.min,
    MaxCapacity: m.parameters.numbers.autoscalingMax ? ref(m.parameters.numbers.autoscalingMax) : a.max,
  };
  // Without a role Application Auto Scaling uses its service-linked role for ECS.
  const role = m.targets.ecs.service?.autoscalingRoleArn;
  if (role !== undefined) target.RoleARN = role;
  if (a.schedule.length) target.ScheduledActions = scheduledActions(m);
  t.resource('ScalableTarget', 'AWS::ApplicationAutoScaling::ScalableTarget', target);
  const cooldowns: JsonObject = {
    ...(a.scaleInCooldownSeconds !== undefined ? { ScaleInCooldown: Math.ceil(a.scaleInCooldownSeconds) } : {}),
    ...(a.scaleOutCooldownSeconds !== undefined ? { ScaleOutCooldown: Math.ceil(a.scaleOutCooldownSeconds) } : {}),
  };
  const policy = (id: string, metric: JsonObject, value: number, suffix: string) =>
    t.resource(id, 'AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: `${m.name}-${suffix}`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref('ScalableTarget'),
      TargetTrackingScalingPolicyConfiguration: { ...metric, TargetValue: value, ...cooldowns },
    });
  const predefined = (type: string, label?: Json): JsonObject => ({ PredefinedMetricSpecification: { PredefinedMetricType: type, ...(label !== undefined ? { ResourceLabel: label } : {}) } });
  if (a.cpuPercent !== undefined) policy('CpuScalingPolicy', predefined('ECSServiceAverageCPUUtilization'), a.cpuPercent, 'cpu');
  if (a.memoryPercent !== undefined) policy('MemoryScalingPolicy', predefined('ECSServiceAverageMemoryUtilization'), a.memoryPercent, 'memory');
  const albMetrics = a.requestsPerTarget !== undefined || a.responseTimeSeconds !== undefined;
  if (albMetrics && (!lb || lb.kind !== 'application')) {
    const key = a.requestsPerTarget !== undefined ? 'requests' : 'responseTime';
    report({ code: 'ECS_SCALING_NEEDS_ALB', severity: 'error', message: `autoscaling.${key} is an Application Load Balancer metric of the service's target group, and this service has ${lb ? 'a Network Load Balancer' : 'no target group'}.`, path: at(m, ['autoscaling', key]) });
  } else if (albMetrics && lb) {
    if (lb.alternate) {
      report({ code: 'ECS_SCALING_BLUE_TARGET_GROUP', severity: 'warning', message: `The load balancer metrics are those of ${lb.primary}; after a blue/green deployment moves production traffic to ${lb.alternate}, they measure the idle group.`, path: at(m, ['autoscaling']) });
    }
    // The policies come after the scalable target, which waits for the service, which waits for the
    // listener rule: the target group is on the load balancer before its metrics are used.
    const lbParts = loadBalancerParts(lb.listener);
    const lbName = join('/', lbParts);
    const tgName = getAtt(lb.primary, 'TargetGroupFullName');
    if (a.requestsPerTarget !== undefined) {
      // ResourceLabel: app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>.
      policy('RequestCountScalingPolicy', predefined('ALBRequestCountPerTarget', join('/', [...lbParts, tgName])), a.requestsPerTarget, 'requests');
    }
    if (a.responseTimeSeconds !== undefined) {
      const metric: JsonObject = {
        CustomizedMetricSpecification: {
          Namespace: 'AWS/ApplicationELB',
          MetricName: 'TargetResponseTime',
          Dimensions: [
            { Name: 'LoadBalancer', Value: lbName },
            { Name: 'TargetGroup', Value: tgName },
          ],
          Statistic: 'Average',
          Unit: 'Seconds',
        },
      };
      policy('ResponseTimeScalingPolicy', metric, a.responseTimeSeconds, 'response-time');
    }
  }
  for (const s of a.steps) stepPolicy(t, m, s, cluster);
}

/** A StepScaling policy and the alarm whose action it is; step bounds are offsets from the threshold. */
function stepPolicy(t: TemplateBuilder, m: ServiceModel, s: StepScalingModel, cluster: Json): void {
  const ids = stepLogicalIds(s.name);
  const config: JsonObject = { AdjustmentType: s.adjustment };
  if (s.cooldownSeconds !== undefined) config.Cooldown = Math.ceil(s.cooldownSeconds);
  if (s.aggregation !== undefined) config.MetricAggregationType = s.aggregation;
  if (s.minAdjustmentMagnitude !== undefined) config.MinAdjustmentMagnitude = s.minAdjustmentMagnitude;
  config.StepAdjustments = s.steps.map((x) => ({
    ...(x.from !== undefined ? { MetricIntervalLowerBound: x.from - s.threshold } : {}),
    ...(x.to !== undefined ? { MetricIntervalUpperBound: x.to - s.threshold } : {}),
    ScalingAdjustment: x.change,
  }));
  t.resource(ids.policy, 'AWS::ApplicationAutoScaling::ScalingPolicy', {
    PolicyName: s.policyName ?? `${m.name}-${s.name}`,
    PolicyType: 'StepScaling',
    ScalingTargetId: ref('ScalableTarget'),
    StepScalingPolicyConfiguration: config,
  });
  const service: JsonObject[] = [
    { Name: 'ClusterName', Value: cluster },
    { Name: 'ServiceName', Value: getAtt('ECSService', 'Name') },
  ];
  const metric: JsonObject =
    'builtin' in s.metric
      ? { Namespace: 'AWS/ECS', MetricName: s.metric.builtin === 'cpu' ? 'CPUUtilization' : 'MemoryUtilization', Dimensions: service, Statistic: 'Average' }
      : {
          Namespace: s.metric.namespace,
          MetricName: s.metric.name,
          ...(s.metric.dimensions
            ? { Dimensions: Object.keys(s.metric.dimensions).sort().map((k) => ({ Name: k, Value: (s.metric as { dimensions: Record<string, string> }).dimensions[k]! })) }
            : s.metric.namespace === 'AWS/ECS'
              ? { Dimensions: service }
              : {}),
          Statistic: s.metric.statistic,
        };
  t.resource(ids.alarm, 'AWS::CloudWatch::Alarm', {
    AlarmDescription: s.description ?? `${m.name}: step scaling ${s.name} when ${metricLabel(s)} ${s.comparison} ${s.threshold}.`,
    ...metric,
    Period: s.periodSeconds,
    EvaluationPeriods: s.evaluationPeriods,
    Threshold: s.threshold,
    ComparisonOperator: COMPARISON[s.comparison],
    AlarmActions: [ref(ids.policy)],
  });
}

function metricLabel(s: StepScalingModel): string {
  return 'builtin' in s.metric ? `${s.metric.builtin === 'cpu' ? 'CPU' : 'memory'} utilization` : `${s.metric.namespace} ${s.metric.name}`;
}
