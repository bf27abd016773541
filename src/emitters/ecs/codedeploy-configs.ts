/**
 * The predefined CodeDeploy deployment configurations for the ECS compute platform, as data.
 * There are exactly five. Source: AWS CodeDeploy User Guide, "Deployment configurations on an
 * Amazon ECS compute platform", and aws-cdk `aws-codedeploy/lib/ecs/deployment-config.ts`.
 * Note the plural `Every1Minutes` (Lambda's config is `LambdaLinear10PercentEvery1Minute`).
 */
export const CODEDEPLOY_ECS_TABLE_VERSION = '2025-06';

export type TrafficShape =
  | { type: 'AllAtOnce' }
  | { type: 'TimeBasedLinear'; percent: number; intervalMinutes: number }
  | { type: 'TimeBasedCanary'; percent: number; intervalMinutes: number };

export interface PredefinedConfig {
  name: string;
  shape: TrafficShape;
}

export const CODEDEPLOY_ECS_CONFIGS: readonly PredefinedConfig[] = [
  { name: 'CodeDeployDefault.ECSAllAtOnce', shape: { type: 'AllAtOnce' } },
  { name: 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes', shape: { type: 'TimeBasedLinear', percent: 10, intervalMinutes: 1 } },
  { name: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes', shape: { type: 'TimeBasedLinear', percent: 10, intervalMinutes: 3 } },
  { name: 'CodeDeployDefault.ECSCanary10Percent5Minutes', shape: { type: 'TimeBasedCanary', percent: 10, intervalMinutes: 5 } },
  { name: 'CodeDeployDefault.ECSCanary10Percent15Minutes', shape: { type: 'TimeBasedCanary', percent: 10, intervalMinutes: 15 } },
];

/** The predefined config with exactly this shape, if any. */
export function predefinedEcsConfig(shape: TrafficShape): PredefinedConfig | undefined {
  return CODEDEPLOY_ECS_CONFIGS.find(
    (c) =>
      c.shape.type === shape.type &&
      (c.shape.type === 'AllAtOnce' ||
        (shape.type !== 'AllAtOnce' && c.shape.percent === shape.percent && c.shape.intervalMinutes === shape.intervalMinutes)),
  );
}
