/**
 * Load balancing of an exposed service. On an Application Load Balancer: target group(s) with the
 * `health.traffic` check and attributes, listener rule(s) on the given listener(s) (more than one
 * when the conditions exceed a rule's limits), and for ECS-native blue/green the alternate group and
 * the role ECS uses to move traffic. On a Network Load Balancer: the target group and a listener of
 * its own (TCP, UDP or TLS) on the given load balancer.
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { platformImport } from '../../platform/imports.js';
import { assumeRolePolicy, awsManagedPolicy, getAtt, ref, type TemplateBuilder } from '../common/cfn.js';
import { at, external, type Balancing, type Engine, type Report } from './service-common.js';

export type { Balancing } from './service-common.js';
import { ruleConditions } from './service-listener-rules.js';
import { networkBalancing } from './service-nlb.js';
import { healthCheck, targetGroup } from './service-target-group.js';


/**
 * `own`: listeners the template creates itself (the CloudFormation blue/green hook names them by
 * logical ID), instead of the listener parameters or the platform's.
 */
export function loadBalancing(t: TemplateBuilder, m: ServiceModel, engine: Engine, report: Report, own?: () => { listener: Json; testListener?: Json }): Balancing | undefined {
  if (!m.expose) return undefined;
  const svc = m.targets.ecs.service ?? {};
  const vpc = external(t, m, 'VpcId', svc.vpcId, platformImport(m, 'VpcId'), { type: 'AWS::EC2::VPC::Id', description: 'VPC of the target groups (the tasks\' VPC).' });
  if (m.expose.loadBalancer === 'network') return networkBalancing(t, m, engine, vpc as JsonObject, report);
  const owned = own?.();
  const listener = owned ? owned.listener : external(t, m, 'ALBListener', svc.listenerArn, platformImport(m, 'ProdListenerArn'), { type: 'String', description: 'ARN of the Application Load Balancer listener that receives production traffic.' });
  const wantsTest = !owned && (engine.kind === 'codedeploy' || (engine.kind === 'ecs' && svc.testListenerArn !== undefined));
  const testListener = owned ? owned.testListener : wantsTest
    ? external(t, m, 'TestListener', svc.testListenerArn, platformImport(m, 'TestListenerArn'), { type: 'String', description: 'ARN of the listener that sends test traffic to the new tasks before production traffic moves.' })
    : undefined;
  const rules = ruleConditions(m, report);
  if (rules.length > 1 && engine.kind === 'ecs') {
    report({ code: 'ECS_BLUE_GREEN_ONE_RULE', severity: 'error', message: `ECS-native ${m.deployment.strategy} deployments move the traffic of one listener rule, and the hosts, paths and source IPs need ${rules.length}.`, hint: 'use targets.ecs.controller: CODE_DEPLOY, or fewer hosts, paths and source IPs', path: at(m, ['expose']) });
  }
  const priorities = rules.map((_, i) =>
    t.param(i === 0 ? 'ListenerRulePriority' : `ListenerRulePriority${i + 1}`, {
      type: 'Number',
      description: i === 0 ? 'Priority of this service\'s listener rule(s); unique on each listener.' : `Priority of this service's listener rule ${i + 1}; unique on each listener.`,
      minValue: 1,
      maxValue: 50000,
      ...(svc.listenerRulePriority ? { default: svc.listenerRulePriority + i } : {}),
    }),
  );
  const health = healthCheck(m, report);
  const twoGroups = engine.kind !== 'rolling';
  const primary = twoGroups ? 'BlueTargetGroup' : 'TargetGroup';
  t.resource(primary, 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroup(m, health, vpc, twoGroups ? 'blue' : 'primary'));
  const alternate = twoGroups ? 'GreenTargetGroup' : undefined;
  if (alternate) t.resource(alternate, 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroup(m, health, vpc, 'green'));
  // ECS-native: both groups in one weighted forward action, which ECS re-weights while it shifts;
  // CodeDeploy: forward to the blue group, which CodeDeploy swaps on the listener. Through the
  // CloudFormation hook, the weighted form with the blue group alone (weight 1), as the
  // CloudFormation guide's hook template writes it: the same forward.
  const action: JsonObject =
    engine.kind === 'ecs'
      ? { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ref(primary), Weight: 100 }, { TargetGroupArn: ref(alternate!), Weight: 0 }] } }
      : owned
        ? { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ref(primary), Weight: 1 }] } }
        : { Type: 'forward', TargetGroupArn: ref(primary) };
  const ruleIds: string[] = [];
  rules.forEach((conditions, i) => {
    const n = i === 0 ? '' : String(i + 1);
    t.resource(`ListenerRule${n}`, 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: listener, Priority: priorities[i]!, Conditions: conditions, Actions: [action] });
    ruleIds.push(`ListenerRule${n}`);
    if (testListener) {
      t.resource(`TestListenerRule${n}`, 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: testListener, Priority: priorities[i]!, Conditions: conditions, Actions: [action] });
      ruleIds.push(`TestListenerRule${n}`);
    }
  });
  const lb: JsonObject = { ContainerName: m.expose.container, ContainerPort: m.expose.port.port, TargetGroupArn: ref(primary) };
  if (engine.kind === 'ecs') {
    const roleArn = svc.loadBalancerRoleArn ?? loadBalancerRole(t, m);
    lb.AdvancedConfiguration = {
      AlternateTargetGroupArn: ref(alternate!),
      ProductionListenerRule: ref('ListenerRule'),
      ...(testListener ? { TestListenerRule: ref('TestListenerRule') } : {}),
      RoleArn: roleArn,
    };
  }
  if (!owned && (m.expose.tls || m.expose.public)) {
    const owner = m.platform ? `belong to the platform ${m.platform.name}` : 'are parameters of this template';
    report({ code: 'ECS_LISTENER_OWNS_EXPOSURE', severity: 'info', message: `The load balancer and its listeners ${owner}, so expose.public and expose.tls are settings of that listener, not of this service.`, path: at(m, ['expose']) });
  }
  return { kind: 'application', loadBalancers: [lb], primary, ...(alternate ? { alternate } : {}), prodRule: 'ListenerRule', rules: ruleIds, listener, ...(testListener ? { testRule: 'TestListenerRule', testListener } : {}) };
}

function loadBalancerRole(t: TemplateBuilder, m: ServiceModel): Json {
  t.resource('LoadBalancerRole', 'AWS::IAM::Role', {
    Description: `Lets ECS move the traffic of ${m.name} between its target groups during deployments.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs.amazonaws.com'),
    ManagedPolicyArns: [awsManagedPolicy('AmazonECSInfrastructureRolePolicyForLoadBalancers')],
  });
  return getAtt('LoadBalancerRole', 'Arn');
}
