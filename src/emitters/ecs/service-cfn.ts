/**
 * `ecs:service` — `ecs/service.cfn.yaml` (or `.json` with `targets.ecs.templateFormat: json`): one
 * CloudFormation template per service that deploys as is. Everything it references is a resource
 * in it or a typed Parameter whose default is the spec's literal (cluster, subnets, security
 * groups, VPC, listeners, rule priority).
 *
 * Resources: LogGroup (retention from `logging.retentionDays`); ExecutionRole unless
 * `executionRoleArn` is given (logs on this group, ECR pulls on the images' repositories, reads of
 * exactly the referenced secrets/parameters); TaskRole when ECS Exec is on and no `taskRoleArn`
 * (ssmmessages); TaskDefinition = `buildTaskDefinition` + `toCloudFormationCasing`, the same mapping
 * as `ecs/task-definition.json`; with `expose`: target group(s) (`TargetType: ip` under awsvpc,
 * health check from `health.traffic`, only the fields set) and listener rule(s) on the given ALB
 * listener(s) — a service without `expose` gets no load balancing at all; ECSService; autoscaling.
 *
 * Deployment engine (`deployment.strategy` × `targets.ecs.controller`):
 * - `rolling` → ECS rolling update, min/max percent, circuit breaker with rollback.
 * - `blue-green` / `canary` / `linear` with controller `ECS` (the default) → ECS-native
 *   `DeploymentConfiguration.Strategy` BLUE_GREEN / CANARY / LINEAR, alternate target group and
 *   listener rule(s) in `LoadBalancers[].AdvancedConfiguration`. ECS-native is the default because
 *   the ECS developer guide now recommends it over CodeDeploy ("We recommend that you use the
 *   Amazon ECS blue/green deployment", deployment-type-bluegreen) and it needs no second service.
 * - the same with controller `CODE_DEPLOY` → the article's shape: CodeDeploy application and
 *   deployment group (BLUE_GREEN / WITH_TRAFFIC_CONTROL, auto-rollback), one of the five predefined
 *   ECS configs when the shape matches exactly (`src/emitters/ecs/codedeploy-configs.ts`), else a custom
 *   `AWS::CodeDeploy::DeploymentConfig`.
 *
 * Autoscaling owns the count: with `autoscaling`, `DesiredCount` is omitted (CloudFormation then
 * starts 1 task and leaves the count alone on updates; the scalable target raises it to `min`).
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import { predefinedEcsConfig, type TrafficShape } from './codedeploy-configs.js';
import type { ServiceModel } from '../../model/types.js';
import { platformImport, platformImportList } from '../../platform/imports.js';
import { allow, assumeRolePolicy, awsManagedPolicy, getAtt, inlinePolicy, ref, sub, TemplateBuilder, type ParameterSpec } from '../shared/cfn.js';
import { buildTaskDefinition, executionRoleStatements, toCloudFormationCasing } from './task.js';
import { defineEmitter } from '../types.js';

type Report = (d: DiagnosticInput) => void;
type Engine = { kind: 'rolling' } | { kind: 'ecs'; strategy: 'BLUE_GREEN' | 'CANARY' | 'LINEAR' } | { kind: 'codedeploy' };

type Path = (string | number)[];
const ECS = ['targets', 'ecs'] as const;
/** Where a resolved-model path was written in the spec (base, target override or environment). */
const at = (m: ServiceModel, path: Path): Path => m.origin(path) as Path;

function engineOf(m: ServiceModel, report: Report): Engine {
  const s = m.deployment.strategy;
  const controller = m.targets.ecs.controller ?? 'ECS';
  if (s === 'rolling') {
    if (controller === 'CODE_DEPLOY') {
      report({ code: 'ECS_ROLLING_IGNORES_CODE_DEPLOY', severity: 'warning', message: 'CodeDeploy runs only blue/green, canary and linear deployments; the rolling strategy uses the ECS controller.', path: [...ECS, 'controller'] });
    }
    return { kind: 'rolling' };
  }
  if (controller === 'CODE_DEPLOY') return { kind: 'codedeploy' };
  return { kind: 'ecs', strategy: s === 'blue-green' ? 'BLUE_GREEN' : s === 'canary' ? 'CANARY' : 'LINEAR' };
}

/** Whole minutes from seconds; a fraction is rounded up and reported. */
function minutes(seconds: number, path: Path, report: Report): number {
  const m = Math.ceil(seconds / 60);
  if (m * 60 !== seconds) report({ code: 'ECS_MINUTES_ROUNDED', severity: 'info', message: `${seconds} s was rounded up to ${m} min: CloudFormation takes whole minutes here.`, path: [...path] });
  return m;
}

function inRange(v: number | undefined, min: number, max: number, what: string, path: Path, report: Report): void {
  if (v !== undefined && (v < min || v > max)) report({ code: 'ECS_OUT_OF_RANGE', severity: 'error', message: `${what} must be from ${min} to ${max}; got ${v}.`, path });
}

// ---------- IAM ----------

function executionRole(t: TemplateBuilder, m: ServiceModel): void {
  const statements = executionRoleStatements(m, getAtt('LogGroup', 'Arn'));
  t.resource('ExecutionRole', 'AWS::IAM::Role', {
    Description: `Task execution role of ${m.name}: pulls its images, writes its logs, reads exactly its secrets.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    Policies: [inlinePolicy('execution', statements)],
  });
}

/** The task role codegen creates when the spec gives none: ECS Exec's SSM channels, X-Ray's segment upload. */
function taskRole(t: TemplateBuilder, m: ServiceModel, exec: boolean): void {
  const policies: Json[] = [];
  const why: string[] = [];
  if (exec) {
    why.push('the SSM channels that ECS Exec (aws ecs execute-command) opens');
    policies.push(inlinePolicy('ecs-exec', [allow(['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], ['*'], 'EcsExec')]));
  }
  if (m.tracing.xray) {
    why.push('the X-Ray daemon sending trace segments');
    policies.push(inlinePolicy('xray', [allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], ['*'], 'XRayDaemon')]));
  }
  t.resource('TaskRole', 'AWS::IAM::Role', {
    Description: `Task role of ${m.name}: ${why.join('; ')}.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs-tasks.amazonaws.com'),
    Policies: policies,
  });
}

/** The task definition properties with created roles substituted where the spec gives no ARN. */
function taskDefinition(m: ServiceModel, report: Report, roles: { execution?: Json; task?: Json }): JsonObject {
  const props = toCloudFormationCasing(buildTaskDefinition(m, report, { flavor: 'cloudformation' })) as JsonObject;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'ContainerDefinitions') {
      if (roles.execution && !('ExecutionRoleArn' in props)) out.ExecutionRoleArn = roles.execution;
      if (roles.task && !('TaskRoleArn' in props)) out.TaskRoleArn = roles.task;
    }
    out[k] = v;
  }
  return out;
}

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

interface Balancing {
  loadBalancers: JsonObject[];
  primary: string;
  alternate?: string;
  prodRule: string;
  testRule?: string;
}

/**
 * Something the service needs from outside the template: the spec's literal (a Parameter defaulting
 * to it, so it can still be overridden at deploy time), else the platform's export
 * (`Fn::ImportValue`, see docs/platform.md), else a Parameter the deployer must fill.
 */
function external(t: TemplateBuilder, m: ServiceModel, name: string, literal: Json | undefined, imported: Json | undefined, spec: Omit<ParameterSpec, 'default'>): Json {
  if (literal === undefined && imported !== undefined) return imported;
  return t.param(name, { ...spec, ...(literal !== undefined ? { default: literal } : {}) } as ParameterSpec);
}

function platformGroups(m: ServiceModel): Json | undefined {
  const sg = platformImport(m, 'ServiceSecurityGroup');
  return sg ? [sg] : undefined;
}

function loadBalancing(t: TemplateBuilder, m: ServiceModel, engine: Engine, report: Report): Balancing | undefined {
  if (!m.expose) return undefined;
  const svc = m.targets.ecs.service ?? {};
  const vpc = external(t, m, 'VpcId', svc.vpcId, platformImport(m, 'VpcId'), { type: 'AWS::EC2::VPC::Id', description: 'VPC of the target groups (the tasks\' VPC).' });
  const listener = external(t, m, 'ALBListener', svc.listenerArn, platformImport(m, 'ProdListenerArn'), { type: 'String', description: 'ARN of the Application Load Balancer listener that receives production traffic.' });
  const wantsTest = engine.kind === 'codedeploy' || (engine.kind === 'ecs' && svc.testListenerArn !== undefined);
  const testListener = wantsTest
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
  if (m.expose.tls || m.expose.public) {
    report({ code: 'ECS_LISTENER_OWNS_EXPOSURE', severity: 'info', message: 'The load balancer and its listeners are parameters of this template, so expose.public and expose.tls are settings of that listener, not of this service.', path: at(m, ['expose']) });
  }
  return { loadBalancers: [lb], primary, ...(alternate ? { alternate } : {}), prodRule: 'ListenerRule', ...(testListener ? { testRule: 'TestListenerRule' } : {}) };
}

function loadBalancerRole(t: TemplateBuilder, m: ServiceModel): Json {
  t.resource('LoadBalancerRole', 'AWS::IAM::Role', {
    Description: `Lets ECS move the traffic of ${m.name} between its target groups during deployments.`,
    AssumeRolePolicyDocument: assumeRolePolicy('ecs.amazonaws.com'),
    ManagedPolicyArns: [awsManagedPolicy('AmazonECSInfrastructureRolePolicyForLoadBalancers')],
  });
  return getAtt('LoadBalancerRole', 'Arn');
}

/** A rolling maxSurge/maxUnavailable as a percent of the desired count (ECS takes percents only). */
function percentOf(v: number | `${number}%`, m: ServiceModel, path: Path, report: Report): number | undefined {
  if (typeof v === 'string') return Number(v.slice(0, -1));
  if (v === 0) return 0; // zero is zero percent whatever the count
  if (m.replicas === undefined || m.replicas === 0) {
    report({ code: 'ECS_ROLLING_ABSOLUTE', severity: 'warning', message: `ECS takes rolling limits as percents; ${v} replicas cannot be converted without a fixed replicas count, so the ECS default is used.`, path });
    return undefined;
  }
  const pct = (v * 100) / m.replicas;
  report({ code: 'ECS_ROLLING_PERCENT', severity: 'info', message: `${v} of ${m.replicas} replicas was converted to ${Math.round(pct * 100) / 100}% for ECS.`, path });
  return pct;
}

function deploymentConfiguration(m: ServiceModel, engine: Engine, hasTraffic: boolean, report: Report): JsonObject | undefined {
  const ecs = m.targets.ecs;
  const d = m.deployment;
  if (engine.kind === 'codedeploy') return undefined;
  if (engine.kind === 'rolling') {
    const out: JsonObject = { Strategy: 'ROLLING' };
    const surge = ecs.maximumPercent === undefined && d.rolling.maxSurge !== undefined ? percentOf(d.rolling.maxSurge, m, at(m, ['deployment', 'rolling', 'maxSurge']), report) : undefined;
    const unavailable = ecs.minimumHealthyPercent === undefined && d.rolling.maxUnavailable !== undefined ? percentOf(d.rolling.maxUnavailable, m, at(m, ['deployment', 'rolling', 'maxUnavailable']), report) : undefined;
    // ECS rounds maximumPercent down and minimumHealthyPercent up, so these never exceed the spec's limits.
    const max = ecs.maximumPercent ?? (surge !== undefined ? 100 + Math.floor(surge) : undefined);
    const min = ecs.minimumHealthyPercent ?? (unavailable !== undefined ? Math.max(0, 100 - Math.floor(unavailable)) : undefined);
    if (max !== undefined) out.MaximumPercent = max;
    if (min !== undefined) out.MinimumHealthyPercent = min;
    const breaker = ecs.circuitBreaker ?? true;
    out.DeploymentCircuitBreaker = { Enable: breaker, Rollback: breaker && d.rollbackOnFailure };
    return out;
  }
  if (!hasTraffic && engine.strategy !== 'BLUE_GREEN') {
    report({ code: 'ECS_STRATEGY_NEEDS_TRAFFIC', severity: 'error', message: `ECS ${engine.strategy.toLowerCase()} deployments shift traffic, so they need expose (a load balancer) or targets.ecs.service.serviceConnect.`, path: at(m, ['deployment', 'strategy']) });
  }
  const out: JsonObject = { Strategy: engine.strategy };
  const bg = d.blueGreen;
  const bakeSeconds = bg.bakeTimeSeconds ?? bg.terminationWaitSeconds;
  const bakePath = at(m, ['deployment', 'blueGreen', bg.bakeTimeSeconds !== undefined ? 'bakeTime' : 'terminationWait']);
  let bake = bakeSeconds !== undefined ? minutes(bakeSeconds, bakePath, report) : undefined;
  if (bake === undefined && engine.strategy === 'BLUE_GREEN') {
    // BakeTimeInMinutes is required for BLUE_GREEN (ECS API DeploymentConfiguration).
    report({ code: 'ECS_BAKE_TIME_DEFAULT', severity: 'warning', message: 'ECS blue/green needs a bake time and the spec sets none, so the blue tasks stop as soon as traffic has moved (0 min); set deployment.blueGreen.bakeTime to keep a rollback window.', path: at(m, ['deployment']) });
    bake = 0;
  }
  if (bake !== undefined) {
    inRange(bake, 0, 1440, 'BakeTimeInMinutes', bakePath, report);
    out.BakeTimeInMinutes = bake;
  }
  if (engine.strategy === 'CANARY') {
    const c = d.canary!;
    const here = (k: string) => at(m, ['deployment', 'canary', k]);
    const step = minutes(c.intervalSeconds, here('interval'), report);
    checkPercent(c.percent, 0.1, here('percent'), report);
    inRange(step, 0, 1440, 'CanaryBakeTimeInMinutes', here('interval'), report);
    // CloudFormation rejects canary deployments whose computed time exceeds 33 h (AWS::ECS::Service CanaryConfiguration).
    if ((bake ?? 0) + step > 33 * 60) report({ code: 'ECS_CANARY_TOO_LONG', severity: 'error', message: `Bake time plus canary interval is ${(bake ?? 0) + step} min; CloudFormation rejects canary deployments longer than 33 h (1980 min).`, path: here('interval') });
    out.CanaryConfiguration = { CanaryPercent: c.percent, CanaryBakeTimeInMinutes: step };
  }
  if (engine.strategy === 'LINEAR') {
    const l = d.linear!;
    const here = (k: string) => at(m, ['deployment', 'linear', k]);
    const step = minutes(l.intervalSeconds, here('interval'), report);
    checkPercent(l.percent, 3, here('percent'), report);
    inRange(step, 0, 1440, 'StepBakeTimeInMinutes', here('interval'), report);
    out.LinearConfiguration = { StepPercent: l.percent, StepBakeTimeInMinutes: step };
  }
  return out;
}

/** ECS canary/linear percents: `min`–100 in steps of 0.1 (ECS API CanaryConfiguration / LinearConfiguration). */
function checkPercent(p: number, min: number, path: Path, report: Report): void {
  if (p < min || p > 100 || Math.abs(p * 10 - Math.round(p * 10)) > 1e-9) {
    report({ code: 'ECS_TRAFFIC_PERCENT', severity: 'error', message: `ECS takes a traffic step percent from ${min} to 100 in steps of 0.1; got ${p}.`, path });
  }
}

function codeDeploy(t: TemplateBuilder, m: ServiceModel, lb: Balancing | undefined, cluster: Json, report: Report): void {
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
  const pair: JsonObject = { ProdTrafficRoute: { ListenerArns: [ref('ALBListener')] } };
  if (lb.testRule) pair.TestTrafficRoute = { ListenerArns: [ref('TestListener')] };
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
    AutoRollbackConfiguration: d.rollbackOnFailure ? { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] } : { Enabled: false },
  });
}

function serviceConnect(m: ServiceModel): JsonObject | undefined {
  const sc = m.targets.ecs.service?.serviceConnect;
  if (!sc) return undefined;
  const port = m.expose?.port ?? m.main.ports[0];
  const discoveryName = sc.discoveryName ?? m.name;
  const out: JsonObject = { Enabled: true };
  const namespace = sc.namespace ?? platformImport(m, 'ServiceConnectNamespaceName');
  if (namespace !== undefined) out.Namespace = namespace;
  if (port) {
    out.Services = [{ PortName: port.name, DiscoveryName: discoveryName, ClientAliases: [{ Port: sc.port ?? port.servicePort, DnsName: sc.dnsName ?? discoveryName }] }];
  }
  out.LogConfiguration = {
    LogDriver: 'awslogs',
    Options: { 'awslogs-group': m.logging.group, 'awslogs-region': m.logging.region ?? ref('AWS::Region'), 'awslogs-stream-prefix': 'service-connect' },
  };
  return out;
}

function autoscaling(t: TemplateBuilder, m: ServiceModel): void {
  const a = m.autoscaling;
  if (!a) return;
  t.resource('ScalableTarget', 'AWS::ApplicationAutoScaling::ScalableTarget', {
    ServiceNamespace: 'ecs',
    ScalableDimension: 'ecs:service:DesiredCount',
    ResourceId: sub('service/${ECSCluster}/${ECSService.Name}'),
    MinCapacity: a.min,
    MaxCapacity: a.max,
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

function describe(m: ServiceModel, engine: Engine): string {
  const how = engine.kind === 'rolling' ? 'rolling update' : engine.kind === 'ecs' ? `ECS ${engine.strategy.toLowerCase().replace('_', '/')} deployment` : `CodeDeploy blue/green (${m.deployment.strategy})`;
  return `${m.name}: ECS service, ${how}. Generated by codegen from the service spec.`;
}

export function buildServiceTemplate(m: ServiceModel, report: Report): JsonObject {
  const ecs = m.targets.ecs;
  const svc = ecs.service ?? {};
  const engine = engineOf(m, report);
  const t = new TemplateBuilder(describe(m, engine));
  const launchType = ecs.launchType ?? 'FARGATE';
  const awsvpc = (ecs.networkMode ?? 'awsvpc') === 'awsvpc';
  const cluster = external(t, m, 'ECSCluster', svc.cluster, platformImport(m, 'ClusterName'), { type: 'String', description: 'Name of the ECS cluster that runs the service.' });
  const subnets = awsvpc
    ? external(t, m, 'Subnets', svc.subnets?.length ? svc.subnets : undefined, platformImportList(m, 'PrivateSubnets'), { type: 'List<AWS::EC2::Subnet::Id>', description: `Subnets of the tasks${svc.assignPublicIp ? '' : ' (private: tasks get no public IP)'}.` })
    : undefined;
  const groups = awsvpc
    ? external(t, m, 'SecurityGroups', svc.securityGroups?.length ? svc.securityGroups : undefined, platformGroups(m), { type: 'List<AWS::EC2::SecurityGroup::Id>', description: 'Security groups of the tasks.' })
    : undefined;

  t.resource('LogGroup', 'AWS::Logs::LogGroup', { LogGroupName: m.logging.group, ...(m.logging.retentionDays !== undefined ? { RetentionInDays: m.logging.retentionDays } : {}) });
  const roles: { execution?: Json; task?: Json } = {};
  if (!ecs.executionRoleArn) {
    executionRole(t, m);
    roles.execution = getAtt('ExecutionRole', 'Arn');
  }
  if (!ecs.taskRoleArn && (svc.enableExecuteCommand || m.tracing.xray)) {
    taskRole(t, m, svc.enableExecuteCommand === true);
    roles.task = getAtt('TaskRole', 'Arn');
  } else if (ecs.taskRoleArn && m.tracing.xray) {
    report({ code: 'ECS_XRAY_TASK_ROLE', severity: 'info', message: 'The X-Ray daemon needs xray:PutTraceSegments and xray:PutTelemetryRecords on the given task role.', path: [...ECS, 'taskRoleArn'] });
  }
  if (svc.enableExecuteCommand) {
    if (ecs.taskRoleArn) {
      report({ code: 'ECS_EXEC_TASK_ROLE', severity: 'info', message: 'ECS Exec needs the ssmmessages Create/Open Control/Data Channel permissions on the given task role.', path: [...ECS, 'taskRoleArn'] });
    }
  }
  t.resource('TaskDefinition', 'AWS::ECS::TaskDefinition', taskDefinition(m, report, roles));

  const lb = loadBalancing(t, m, engine, report);
  const connect = serviceConnect(m);
  const props: JsonObject = { ServiceName: svc.name ?? m.name, Cluster: cluster, TaskDefinition: ref('TaskDefinition') };
  if (!m.autoscaling && m.replicas !== undefined) props.DesiredCount = m.replicas;
  if (svc.capacityProviders?.length) {
    props.CapacityProviderStrategy = svc.capacityProviders.map((p) => ({ CapacityProvider: p.provider, ...(p.weight !== undefined ? { Weight: p.weight } : {}), ...(p.base !== undefined ? { Base: p.base } : {}) }));
  } else props.LaunchType = launchType;
  if (launchType === 'FARGATE' && ecs.platformVersion) props.PlatformVersion = ecs.platformVersion;
  if (subnets && groups) {
    props.NetworkConfiguration = { AwsvpcConfiguration: { AssignPublicIp: svc.assignPublicIp ? 'ENABLED' : 'DISABLED', SecurityGroups: groups, Subnets: subnets } };
  }
  if (lb) props.LoadBalancers = lb.loadBalancers;
  props.DeploymentController = { Type: engine.kind === 'codedeploy' ? 'CODE_DEPLOY' : 'ECS' };
  const dc = deploymentConfiguration(m, engine, lb !== undefined || connect !== undefined, report);
  if (dc) props.DeploymentConfiguration = dc;
  if (lb && m.health.traffic?.gracePeriodSeconds !== undefined) props.HealthCheckGracePeriodSeconds = m.health.traffic.gracePeriodSeconds;
  if (svc.enableExecuteCommand) props.EnableExecuteCommand = true;
  if (connect) props.ServiceConnectConfiguration = connect;
  if (svc.tags && Object.keys(svc.tags).length) {
    props.PropagateTags = 'SERVICE';
    props.Tags = Object.keys(svc.tags).sort().map((k) => ({ Key: k, Value: svc.tags![k]! }));
  }
  // The awslogs driver does not create the group; a target group must be on a listener before a service uses it.
  const dependsOn = ['LogGroup', ...(lb ? [lb.prodRule, ...(lb.testRule ? [lb.testRule] : [])] : [])];
  t.resource('ECSService', 'AWS::ECS::Service', props, { DependsOn: dependsOn });

  if (engine.kind === 'codedeploy') codeDeploy(t, m, lb, cluster, report);
  autoscaling(t, m);

  t.output('ServiceName', getAtt('ECSService', 'Name'), 'Name of the ECS service.');
  t.output('ServiceArn', ref('ECSService'), 'ARN of the ECS service.');
  t.output('TaskDefinitionArn', ref('TaskDefinition'), 'ARN of the task definition revision this stack registered.');
  t.output('LogGroupName', ref('LogGroup'), 'CloudWatch Logs group of the containers.');
  if (lb) {
    t.output(`${lb.primary}Arn`, ref(lb.primary), lb.alternate ? 'Target group that serves production traffic first (blue).' : 'Target group of the service.');
    if (lb.alternate) t.output(`${lb.alternate}Arn`, ref(lb.alternate), 'Alternate target group (green) for new deployments.');
  }
  if (t.has('CodeDeployApplication')) {
    t.output('CodeDeployApplicationName', ref('CodeDeployApplication'), 'CodeDeploy application (aws deploy create-deployment --application-name).');
    t.output('CodeDeployDeploymentGroupName', ref('CodeDeployDeploymentGroup'), 'CodeDeploy deployment group (--deployment-group-name).');
  }
  if (roles.execution) t.output('ExecutionRoleArn', roles.execution, 'Task execution role created by this stack.');
  if (roles.task) t.output('TaskRoleArn', roles.task, 'Task role created by this stack.');
  return t.build();
}

export default defineEmitter({
  name: 'ecs:service',
  target: 'ecs',
  description: 'CloudFormation for the ECS service: task definition, load balancing, deployment strategy, autoscaling.',
  emit(model, ctx) {
    const json = model.targets.ecs.templateFormat === 'json';
    const template = buildServiceTemplate(model, (d) => ctx.report(d));
    return [{ path: json ? 'ecs/service.cfn.json' : 'ecs/service.cfn.yaml', format: json ? 'json' : 'yaml', kind: 'cloudformation', emitter: 'ecs:service', documents: [template] }];
  },
});
