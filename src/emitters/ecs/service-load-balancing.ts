/**
 * Load balancing of an exposed service: target group(s) with the `health.traffic` check, listener
 * rule(s) on the given listener(s), and for ECS-native blue/green the alternate group and the role
 * ECS uses to move traffic.
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { platformImport } from '../../platform/imports.js';
import { assumeRolePolicy, awsManagedPolicy, getAtt, ref, type TemplateBuilder } from '../shared/cfn.js';
import { at, external, inRange, type Engine, type Report } from './service-common.js';

function healthCheck(m: ServiceModel, report: Report): JsonObject {
  const h = m.health.traffic;
  const out: JsonObject = {};
  if (!h) return out;
  const here = (k: string) => at(m, ['health', 'traffic', k]);
  // ALB ranges (ELBv2 CreateTargetGroup): interval 5–300 s, timeout 2–120 s, thresholds 2–10.
  inRange(h.intervalSeconds, 5, 300, 'The ALB health check interval (s)', here('interval'), report);
  inRange(h.timeoutSeconds, 2, 120, 'The ALB health check timeout (s)', here('timeout'), report);
  inRange(h.healthyThreshold, 2, 10, 'The ALB healthy threshold', here('healthyThreshold'), report);
  inRange(h.unhealthyThreshold, 2, 10, 'The ALB unhealthy threshold', here('unhealthyThreshold'), report);
  if (h.path !== undefined) out.HealthCheckPath = h.path;
  if (h.port !== undefined) out.HealthCheckPort = String(h.port);
  if (h.protocol === 'HTTP' || h.protocol === 'HTTPS') out.HealthCheckProtocol = h.protocol;
  if (h.protocol === 'TCP') {
    report({ code: 'ECS_ALB_TCP_HEALTH_CHECK', severity: 'warning', message: 'An Application Load Balancer target group checks health over HTTP(S) only; the health check uses HTTP.', path: here('protocol') });
  }
  if (h.intervalSeconds !== undefined) out.HealthCheckIntervalSeconds = h.intervalSeconds;
  if (h.timeoutSeconds !== undefined) out.HealthCheckTimeoutSeconds = h.timeoutSeconds;
  if (h.healthyThreshold !== undefined) out.HealthyThresholdCount = h.healthyThreshold;
  if (h.unhealthyThreshold !== undefined) out.UnhealthyThresholdCount = h.unhealthyThreshold;
  if (h.successCodes !== undefined) out.Matcher = isGrpc(m) ? { GrpcCode: h.successCodes } : { HttpCode: h.successCodes };
  return out;
}

const isGrpc = (m: ServiceModel) => m.health.traffic?.protocol === 'GRPC' || m.expose?.port.appProtocol === 'grpc';

function targetGroup(m: ServiceModel, health: JsonObject, vpc: Json, role: string): JsonObject {
  const awsvpc = (m.targets.ecs.networkMode ?? 'awsvpc') === 'awsvpc';
  const port = m.expose!.port;
  const tg: JsonObject = { Port: port.port, Protocol: 'HTTP' };
  if (isGrpc(m)) tg.ProtocolVersion = 'GRPC';
  else if (port.appProtocol === 'http2') tg.ProtocolVersion = 'HTTP2';
  // awsvpc tasks register by IP (AWS::ECS::Service LoadBalancer reference); bridge/host by instance.
  tg.TargetType = awsvpc ? 'ip' : 'instance';
  tg.VpcId = vpc;
  Object.assign(tg, health);
  tg.Tags = [{ Key: 'codegen:service', Value: m.name }, { Key: 'codegen:role', Value: role }];
  return tg;
}

function ruleConditions(m: ServiceModel): JsonObject[] {
  const e = m.expose!;
  const conditions: JsonObject[] = [];
  if (e.hosts.length) conditions.push({ Field: 'host-header', HostHeaderConfig: { Values: e.hosts } });
  const base = e.path.replace(/\/+$/, '');
  conditions.push({ Field: 'path-pattern', PathPatternConfig: { Values: base === '' ? ['/*'] : [base, `${base}/*`] } });
  return conditions;
}

export interface Balancing {
  loadBalancers: JsonObject[];
  primary: string;
  alternate?: string;
  prodRule: string;
  testRule?: string;
  /** The production and test listener ARNs as the template has them: a `Ref` to a parameter, or the platform's import. */
  listener: Json;
  testListener?: Json;
}

/**
 * `own`: listeners the template creates itself (the CloudFormation blue/green hook names them by
 * logical ID), instead of the listener parameters or the platform's.
 */
export function loadBalancing(t: TemplateBuilder, m: ServiceModel, engine: Engine, report: Report, own?: () => { listener: Json; testListener?: Json }): Balancing | undefined {
  if (!m.expose) return undefined;
  const svc = m.targets.ecs.service ?? {};
  const vpc = external(t, m, 'VpcId', svc.vpcId, platformImport(m, 'VpcId'), { type: 'AWS::EC2::VPC::Id', description: 'VPC of the target groups (the tasks\' VPC).' });
  const owned = own?.();
  const listener = owned ? owned.listener : external(t, m, 'ALBListener', svc.listenerArn, platformImport(m, 'ProdListenerArn'), { type: 'String', description: 'ARN of the Application Load Balancer listener that receives production traffic.' });
  const wantsTest = !owned && (engine.kind === 'codedeploy' || (engine.kind === 'ecs' && svc.testListenerArn !== undefined));
  const testListener = owned ? owned.testListener : wantsTest
    ? external(t, m, 'TestListener', svc.testListenerArn, platformImport(m, 'TestListenerArn'), { type: 'String', description: 'ARN of the listener that sends test traffic to the new tasks before production traffic moves.' })
    : undefined;
  const priority = t.param('ListenerRulePriority', { type: 'Number', description: 'Priority of this service\'s listener rule(s); unique on each listener.', minValue: 1, maxValue: 50000, ...(svc.listenerRulePriority ? { default: svc.listenerRulePriority } : {}) });
  const health = healthCheck(m, report);
  const twoGroups = engine.kind !== 'rolling';
  const primary = twoGroups ? 'BlueTargetGroup' : 'TargetGroup';
  t.resource(primary, 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroup(m, health, vpc, twoGroups ? 'blue' : 'primary'));
  const alternate = twoGroups ? 'GreenTargetGroup' : undefined;
  if (alternate) t.resource(alternate, 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroup(m, health, vpc, 'green'));
  // ECS-native: both groups in one weighted forward action, which ECS re-weights while it shifts;
  // CodeDeploy: forward to the blue group, which CodeDeploy swaps on the listener.
  const action: JsonObject =
    engine.kind === 'ecs'
      ? { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: ref(primary), Weight: 100 }, { TargetGroupArn: ref(alternate!), Weight: 0 }] } }
      : { Type: 'forward', TargetGroupArn: ref(primary) };
  const conditions = ruleConditions(m);
  t.resource('ListenerRule', 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: listener, Priority: priority, Conditions: conditions, Actions: [action] });
  if (testListener) t.resource('TestListenerRule', 'AWS::ElasticLoadBalancingV2::ListenerRule', { ListenerArn: testListener, Priority: priority, Conditions: conditions, Actions: [action] });
  const lb: JsonObject = { ContainerName: m.main.name, ContainerPort: m.expose.port.port, TargetGroupArn: ref(primary) };
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
  return { loadBalancers: [lb], primary, ...(alternate ? { alternate } : {}), prodRule: 'ListenerRule', listener, ...(testListener ? { testRule: 'TestListenerRule', testListener } : {}) };
}

function loadBalancerRole(t: TemplateBuilder, m: ServiceModel): Json {
  t.resource('LoadBalancerRole', 'AWS::IAM::Role', {
    Description: `Lets ECS move the traffic of ${m.name} between its target groups during deployments.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs.amazonaws.com'),
    ManagedPolicyArns: [awsManagedPolicy('AmazonECSInfrastructureRolePolicyForLoadBalancers')],
  });
  return getAtt('LoadBalancerRole', 'Arn');
}
