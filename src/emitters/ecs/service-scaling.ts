/** Autoscaling: the scalable target on the desired count and one target-tracking policy per metric. */
import type { ServiceModel } from '../../model/types.js';
import { ref, type TemplateBuilder } from '../shared/cfn.js';
import { serviceResourceId } from './service-common.js';

export function autoscaling(t: TemplateBuilder, m: ServiceModel): void {
  const a = m.autoscaling;
  if (!a) return;
  t.resource('ScalableTarget', 'AWS::ApplicationAutoScaling::ScalableTarget', {
    ServiceNamespace: 'ecs',
    ScalableDimension: 'ecs:service:DesiredCount',
    ResourceId: serviceResourceId(t, m),
    // `{ param: Name }` bounds are parameters of the template (the model holds their defaults).
    MinCapacity: m.parameters.numbers.autoscalingMin ? ref(m.parameters.numbers.autoscalingMin) : a.min,
    MaxCapacity: m.parameters.numbers.autoscalingMax ? ref(m.parameters.numbers.autoscalingMax) : a.max,
  });
  const policy = (id: string, metric: string, target: number, suffix: string) =>
    t.resource(id, 'AWS::ApplicationAutoScaling::ScalingPolicy', {
      PolicyName: `${m.name}-${suffix}`,
      PolicyType: 'TargetTrackingScaling',
      ScalingTargetId: ref('ScalableTarget'),
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: metric },
        TargetValue: target,
        ...(a.scaleInCooldownSeconds !== undefined ? { ScaleInCooldown: a.scaleInCooldownSeconds } : {}),
        ...(a.scaleOutCooldownSeconds !== undefined ? { ScaleOutCooldown: a.scaleOutCooldownSeconds } : {}),
      },
    });
  if (a.cpuPercent !== undefined) policy('CpuScalingPolicy', 'ECSServiceAverageCPUUtilization', a.cpuPercent, 'cpu');
  if (a.memoryPercent !== undefined) policy('MemoryScalingPolicy', 'ECSServiceAverageMemoryUtilization', a.memoryPercent, 'memory');
}
