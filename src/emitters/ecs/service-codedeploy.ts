/** CodeDeploy blue/green (controller `CODE_DEPLOY`): application, deployment group, a predefined or custom config, its role. */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { assumeRolePolicy, awsManagedPolicy, getAtt, ref, type TemplateBuilder } from '../common/cfn.js';
import { predefinedEcsConfig, type TrafficShape } from './codedeploy-configs.js';
import { at, ECS, inRange, minutes, type Report } from './service-common.js';
import type { Balancing } from './service-load-balancing.js';

export function codeDeploy(t: TemplateBuilder, m: ServiceModel, lb: Balancing | undefined, cluster: Json, report: Report): void {
  const cd = m.targets.ecs.codeDeploy ?? {};
  if (!lb) {
    report({ code: 'ECS_CODE_DEPLOY_NEEDS_LOAD_BALANCER', severity: 'error', message: 'CodeDeploy blue/green for ECS moves traffic on a load balancer; set expose or use the ECS controller.', path: [...ECS, 'controller'] });
    return;
  }
  const d = m.deployment;
  const shape: TrafficShape =
    d.strategy === 'linear' ? { type: 'TimeBasedLinear', percent: d.linear!.percent, intervalMinutes: minutes(d.linear!.intervalSeconds, at(m, ['deployment', 'linear', 'interval']), report) }
    : d.strategy === 'canary' ? { type: 'TimeBasedCanary', percent: d.canary!.percent, intervalMinutes: minutes(d.canary!.intervalSeconds, at(m, ['deployment', 'canary', 'interval']), report) }
    : { type: 'AllAtOnce' };
  let configName: Json;
  if (cd.deploymentConfigName) configName = cd.deploymentConfigName;
  else {
    const predefined = predefinedEcsConfig(shape);
    if (predefined) configName = predefined.name;
    else {
      // Not one of the five predefined shapes: a custom config (CodeDeploy takes whole percents).
      if (shape.type !== 'AllAtOnce' && !Number.isInteger(shape.percent)) {
        report({ code: 'CODE_DEPLOY_PERCENT', severity: 'error', message: `CodeDeploy takes whole traffic percents; got ${shape.percent}.`, path: at(m, ['deployment', d.strategy, 'percent']) });
      }
      const routing: JsonObject =
        shape.type === 'TimeBasedLinear' ? { Type: 'TimeBasedLinear', TimeBasedLinear: { LinearPercentage: shape.percent, LinearInterval: shape.intervalMinutes } }
        : shape.type === 'TimeBasedCanary' ? { Type: 'TimeBasedCanary', TimeBasedCanary: { CanaryPercentage: shape.percent, CanaryInterval: shape.intervalMinutes } }
        : { Type: 'AllAtOnce' };
      configName = t.resource('DeploymentConfig', 'AWS::CodeDeploy::DeploymentConfig', { ComputePlatform: 'ECS', TrafficRoutingConfig: routing });
    }
  }
  let roleArn: Json | undefined = cd.serviceRoleArn;
  if (!roleArn) {
    t.resource('CodeDeployRole', 'AWS::IAM::Role', {
      Description: `Lets CodeDeploy run the blue/green deployments of ${m.name}.`,
      AssumeRolePolicyDocument: assumeRolePolicy('codedeploy.amazonaws.com'),
      ManagedPolicyArns: [awsManagedPolicy('AWSCodeDeployRoleForECS')],
    });
    roleArn = getAtt('CodeDeployRole', 'Arn');
  }
  t.resource('CodeDeployApplication', 'AWS::CodeDeploy::Application', { ApplicationName: cd.applicationName ?? m.name, ComputePlatform: 'ECS' });
  const bg = d.blueGreen;
  const readyWait = bg.readyWaitSeconds ? minutes(bg.readyWaitSeconds, at(m, ['deployment', 'blueGreen', 'readyWait']), report) : 0;
  const terminationWait = bg.terminationWaitSeconds !== undefined ? minutes(bg.terminationWaitSeconds, at(m, ['deployment', 'blueGreen', 'terminationWait']), report) : undefined;
  inRange(terminationWait, 0, 2880, 'TerminationWaitTimeInMinutes', at(m, ['deployment', 'blueGreen', 'terminationWait']), report);
  // The same listeners the rules use: parameters, or the platform's exports for a service in a platform.
  const pair: JsonObject = { ProdTrafficRoute: { ListenerArns: [lb.listener] } };
  if (lb.testListener !== undefined) pair.TestTrafficRoute = { ListenerArns: [lb.testListener] };
  pair.TargetGroups = [{ Name: getAtt(lb.primary, 'TargetGroupName') }, { Name: getAtt(lb.alternate!, 'TargetGroupName') }];
  t.resource('CodeDeployDeploymentGroup', 'AWS::CodeDeploy::DeploymentGroup', {
    ApplicationName: ref('CodeDeployApplication'),
    DeploymentGroupName: cd.deploymentGroupName ?? `${m.name}-dg`,
    ServiceRoleArn: roleArn,
    DeploymentConfigName: configName,
    DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
    ECSServices: [{ ClusterName: cluster, ServiceName: getAtt('ECSService', 'Name') }],
    BlueGreenDeploymentConfiguration: {
      // CONTINUE_DEPLOYMENT reroutes at once; STOP_DEPLOYMENT waits up to readyWait for a manual go-ahead.
      DeploymentReadyOption: readyWait > 0 ? { ActionOnTimeout: 'STOP_DEPLOYMENT', WaitTimeInMinutes: readyWait } : { ActionOnTimeout: 'CONTINUE_DEPLOYMENT', WaitTimeInMinutes: 0 },
      TerminateBlueInstancesOnDeploymentSuccess: { Action: 'TERMINATE', ...(terminationWait !== undefined ? { TerminationWaitTimeInMinutes: terminationWait } : {}) },
    },
    LoadBalancerInfo: { TargetGroupPairInfoList: [pair] },
    ...(d.rollbackAlarms.length ? { AlarmConfiguration: { Enabled: true, Alarms: d.rollbackAlarms.map((name) => ({ Name: name })) } } : {}),
    AutoRollbackConfiguration: d.rollbackOnFailure ? { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST', ...(d.rollbackAlarms.length ? ['DEPLOYMENT_STOP_ON_ALARM'] : [])] } : { Enabled: false },
  });
}
