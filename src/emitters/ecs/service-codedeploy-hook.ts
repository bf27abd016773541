/**
 * CodeDeploy blue/green through the CloudFormation hook (`targets.ecs.codeDeploy.via: hook`), as
 * the CloudFormation user guide describes it ("Perform ECS blue/green deployments through
 * CodeDeploy using CloudFormation", blue-green.html):
 * - `Transform: [AWS::CodeDeployBlueGreen]` and a `Hooks` entry of type `AWS::CodeDeploy::BlueGreen`
 *   naming, by logical ID, the service, the blue and green task definitions and task sets, the
 *   production (and test) listener and the two target groups;
 * - the service with `DeploymentController: EXTERNAL`: the task definition, launch type, platform
 *   version, network configuration and load balancers move to an `AWS::ECS::TaskSet` at 100%
 *   scale, made primary by `AWS::ECS::PrimaryTaskSet` (ECS "external deployment" guide: those are
 *   task set parameters);
 * - the listeners are resources of the template (the hook names them by logical ID), on the load
 *   balancer `service.loadBalancerArn`.
 * The hook's limits are diagnostics: no Outputs and no Fn::ImportValue (so no `platform`), no
 * dynamic references, traffic steps of at least 14% in whole percents, an existing service role.
 * CodeDeploy creates its own application and deployment group: none is written.
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { ref, type TemplateBuilder } from '../common/cfn.js';
import { at, ECS, external, inRange, minutes, type Engine, type Report } from './service-common.js';

const CD = [...ECS, 'codeDeploy'];
/** The least traffic step the hook takes (blue-green.html: "The step percentage must be 14% or greater"). */
export const HOOK_MIN_STEP_PERCENT = 14;
export const HOOK_ID = 'CodeDeployBlueGreenHook';

export const viaHook = (m: ServiceModel, engine: Engine): boolean => engine.kind === 'codedeploy' && m.targets.ecs.codeDeploy?.via === 'hook';

/** The production (and test) listener the hook routes traffic on, created on the given load balancer. */
export function hookListeners(t: TemplateBuilder, m: ServiceModel): { listener: Json; testListener?: Json } {
  const svc = m.targets.ecs.service ?? {};
  const lbArn = external(t, m, 'LoadBalancerArn', svc.loadBalancerArn, undefined, { type: 'String', description: 'ARN of the Application Load Balancer that receives the service\'s traffic; the template adds its listener(s).' });
  const tls = m.expose?.tls;
  const https = tls?.certificateArn !== undefined;
  const listener = (id: string, port: number) =>
    t.resource(id, 'AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: lbArn,
      Port: port,
      Protocol: https ? 'HTTPS' : 'HTTP',
      ...(https ? { Certificates: [{ CertificateArn: tls!.certificateArn! }], ...(tls!.policy ? { SslPolicy: tls!.policy } : {}) } : {}),
      // CodeDeploy moves this default action from the blue to the green target group.
      DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('BlueTargetGroup') }],
    });
  const prod = listener('ProdListener', svc.listenerPort ?? (https ? 443 : 80));
  return { listener: prod, ...(svc.testListenerPort !== undefined ? { testListener: listener('TestListener', svc.testListenerPort) } : {}) };
}

/** Task-set-level service properties (ECS external deployments) and the TaskSet name of each. */
const TASK_SET_KEYS = ['TaskDefinition', 'LaunchType', 'CapacityProviderStrategy', 'PlatformVersion', 'NetworkConfiguration', 'LoadBalancers', 'ServiceRegistries'] as const;

/**
 * Turns the service properties into an EXTERNAL-controller service and its blue task set at 100%,
 * made primary. `dependsOn` orders the task set after the log group and the listener rules.
 */
export function hookTaskSet(t: TemplateBuilder, m: ServiceModel, props: JsonObject, cluster: Json, dependsOn: string[], report: Report): void {
  if (props.ServiceConnectConfiguration !== undefined) {
    report({ code: 'ECS_CODE_DEPLOY_HOOK_SERVICE_CONNECT', severity: 'error', message: 'ECS Service Connect is a setting of services that ECS deploys; a service that the CloudFormation blue/green hook deploys (EXTERNAL controller) cannot have it.', path: [...ECS, 'service', 'serviceConnect'] });
    delete props.ServiceConnectConfiguration;
  }
  const ts: JsonObject = { Cluster: cluster, Service: ref('ECSService') };
  for (const k of TASK_SET_KEYS) {
    if (props[k] === undefined) continue;
    // The task set spells it AwsVpcConfiguration (AWS::ECS::TaskSet NetworkConfiguration); the service AwsvpcConfiguration.
    ts[k] = k === 'NetworkConfiguration' ? { AwsVpcConfiguration: (props[k] as JsonObject).AwsvpcConfiguration! } : props[k]!;
    delete props[k];
  }
  ts.Scale = { Unit: 'PERCENT', Value: 100 };
  delete props.DeploymentConfiguration;
  props.DeploymentController = { Type: 'EXTERNAL' };
  t.resource('BlueTaskSet', 'AWS::ECS::TaskSet', ts, { DependsOn: dependsOn });
  t.resource('PrimaryTaskSet', 'AWS::ECS::PrimaryTaskSet', { Cluster: cluster, Service: ref('ECSService'), TaskSetId: { 'Fn::GetAtt': ['BlueTaskSet', 'Id'] } });
}

/** The hook's traffic routing from the deployment strategy (whole percents of at least 14, whole minutes). */
function trafficRouting(m: ServiceModel, report: Report): JsonObject {
  const d = m.deployment;
  if (d.strategy !== 'canary' && d.strategy !== 'linear') return { Type: 'AllAtOnce' };
  const shape = d.strategy === 'canary' ? d.canary! : d.linear!;
  const path = at(m, ['deployment', d.strategy]);
  if (!Number.isInteger(shape.percent) || shape.percent < HOOK_MIN_STEP_PERCENT) {
    report({ code: 'ECS_CODE_DEPLOY_HOOK_STEP', severity: 'error', message: `The CloudFormation blue/green hook shifts traffic in whole steps of at least ${HOOK_MIN_STEP_PERCENT}%; got ${shape.percent}%.`, hint: `use percent ${HOOK_MIN_STEP_PERCENT} or more, or codeDeploy.via: deploymentGroup`, path: [...path, 'percent'] });
  }
  const type = d.strategy === 'canary' ? 'TimeBasedCanary' : 'TimeBasedLinear';
  return { Type: type, [type]: { StepPercentage: shape.percent, BakeTimeMins: minutes(shape.intervalSeconds, [...path, 'interval'], report) } };
}

/** The role name the hook's ServiceRole takes: `serviceRoleName`, or the name in `serviceRoleArn`. */
function serviceRole(m: ServiceModel, report: Report): string | undefined {
  const cd = m.targets.ecs.codeDeploy ?? {};
  if (cd.serviceRoleName) return cd.serviceRoleName;
  const name = cd.serviceRoleArn ? /:role\/(?:[^${}]*\/)?([A-Za-z0-9+=,.@_-]+)$/.exec(cd.serviceRoleArn)?.[1] : undefined;
  if (name) return name;
  report({
    code: 'ECS_CODE_DEPLOY_HOOK_SERVICE_ROLE',
    severity: 'error',
    message: 'The CloudFormation blue/green hook needs the name of an existing role to run the deployment as (its ServiceRole); the template cannot create one for it.',
    hint: 'set targets.ecs.codeDeploy.serviceRoleName, or serviceRoleArn with a literal role name',
    path: CD,
  });
  return undefined;
}

/** Settings of the deployment-group form that the hook has no field for: each a warning. */
function reportHookGaps(m: ServiceModel, report: Report): void {
  const d = m.deployment;
  const cd = m.targets.ecs.codeDeploy ?? {};
  const gap = (what: string, path: (string | number)[]) => report({ code: 'ECS_CODE_DEPLOY_HOOK_NOT_CARRIED', severity: 'warning', message: `The CloudFormation blue/green hook has no field for ${what}; it is not written (target ecs).`, hint: 'use codeDeploy.via: deploymentGroup to carry it', path });
  if (d.rollbackAlarms.length) gap('rollback alarms (CloudFormation rolls the stack back when the deployment fails)', at(m, ['deployment', 'rollbackAlarms']));
  if (d.blueGreen.readyWaitSeconds) gap('a wait before traffic moves (readyWait)', at(m, ['deployment', 'blueGreen', 'readyWait']));
  if (!d.rollbackOnFailure) gap('rollbackOnFailure: false (a failed deployment always rolls the stack update back)', at(m, ['deployment', 'rollbackOnFailure']));
  for (const k of ['deploymentConfigName', 'applicationName', 'deploymentGroupName'] as const) if (cd[k] !== undefined) gap(`${k} (CodeDeploy names what the hook creates)`, [...CD, k]);
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
const idsOfType = (resources: JsonObject, type: string) => Object.keys(resources).filter((id) => isObject(resources[id]) && (resources[id] as JsonObject).Type === type);
/** `Blue<X>` → `Green<X>`, else `Green<X>`; a name the template does not use yet. */
function greenOf(id: string, resources: JsonObject): string {
  let g = id.startsWith('Blue') ? `Green${id.slice(4)}` : `Green${id}`;
  while (Object.hasOwn(resources, g)) g = `${g}2`;
  return g;
}

function contains(v: unknown, test: (x: unknown) => boolean): boolean {
  if (test(v)) return true;
  if (Array.isArray(v)) return v.some((x) => contains(x, test));
  return isObject(v) && Object.values(v).some((x) => contains(x, test));
}

/**
 * Adds the Transform and the hook to the finished template (after logical IDs are fixed, so the
 * hook names the final ones), drops its Outputs, and reports what the transform refuses.
 */
export function addHook(template: JsonObject, m: ServiceModel, report: Report): JsonObject {
  const resources = template.Resources as JsonObject;
  const [service] = idsOfType(resources, 'AWS::ECS::Service');
  const [taskDefinition] = idsOfType(resources, 'AWS::ECS::TaskDefinition');
  const [taskSet] = idsOfType(resources, 'AWS::ECS::TaskSet');
  if (!service || !taskDefinition || !taskSet) return template;
  const tsProps = (resources[taskSet] as JsonObject).Properties as JsonObject;
  const blue = ((tsProps.LoadBalancers as JsonObject[] | undefined)?.[0]?.TargetGroupArn as JsonObject | undefined)?.Ref as string | undefined;
  const green = idsOfType(resources, 'AWS::ElasticLoadBalancingV2::TargetGroup').find((id) => id !== blue);
  const listeners = idsOfType(resources, 'AWS::ElasticLoadBalancingV2::Listener');
  // The listeners under their logical IDs (targets.ecs.logicalIds prodListener / testListener).
  const given = m.targets.ecs.logicalIds ?? {};
  const listenerId = (role: 'prodListener' | 'testListener', own: string): string | undefined => [given[role], own].find((id) => id !== undefined && listeners.includes(id));
  const prodListener = listenerId('prodListener', 'ProdListener') ?? 'ProdListener';
  const testListener = listenerId('testListener', 'TestListener');
  const routing: JsonObject = { ProdTrafficRoute: { Type: 'AWS::ElasticLoadBalancingV2::Listener', LogicalID: prodListener } };
  if (testListener) routing.TestTrafficRoute = { Type: 'AWS::ElasticLoadBalancingV2::Listener', LogicalID: testListener };
  routing.TargetGroups = [blue ?? 'BlueTargetGroup', green ?? 'GreenTargetGroup'];
  const props: JsonObject = { TrafficRoutingConfig: trafficRouting(m, report) };
  const wait = m.deployment.blueGreen.terminationWaitSeconds;
  if (wait !== undefined) {
    const path = at(m, ['deployment', 'blueGreen', 'terminationWait']);
    const mins = minutes(wait, path, report);
    inRange(mins, 0, 2880, 'TerminationWaitTimeInMinutes', path, report);
    props.AdditionalOptions = { TerminationWaitTimeInMinutes: mins };
  }
  const role = serviceRole(m, report);
  if (role) props.ServiceRole = role;
  props.Applications = [
    {
      Target: { Type: 'AWS::ECS::Service', LogicalID: service },
      ECSAttributes: {
        TaskDefinitions: [taskDefinition, greenOf(taskDefinition, resources)],
        TaskSets: [taskSet, greenOf(taskSet, resources)],
        TrafficRouting: routing,
      },
    },
  ];
  reportHookGaps(m, report);
  if (contains(template, (x) => isObject(x) && 'Fn::ImportValue' in x)) {
    report({ code: 'ECS_CODE_DEPLOY_HOOK_IMPORTS', severity: 'error', message: `A template with the CloudFormation blue/green hook cannot import values from other stacks (Fn::ImportValue)${m.platform ? `, and a service in the platform ${m.platform.name} imports its cluster, network and listeners` : ''}.`, hint: 'give the values as targets.ecs.service settings instead of a platform, or use codeDeploy.via: deploymentGroup', path: m.platform ? at(m, ['platform']) : [...CD, 'via'] });
  }
  if (contains(template, (x) => typeof x === 'string' && x.includes('{{resolve:'))) {
    report({ code: 'ECS_CODE_DEPLOY_HOOK_DYNAMIC_REFERENCE', severity: 'error', message: 'A template with the CloudFormation blue/green hook cannot use dynamic references ({{resolve:...}}): CodeDeploy cannot update values CloudFormation hides.', path: [...CD, 'via'] });
  }
  const { Outputs: outputs, ...rest } = template;
  if (outputs !== undefined) {
    report({ code: 'ECS_CODE_DEPLOY_HOOK_NO_OUTPUTS', severity: 'info', message: 'The template has no Outputs: CloudFormation does not support output values in a template with the blue/green hook.', path: [...CD, 'via'] });
  }
  return { ...rest, Transform: ['AWS::CodeDeployBlueGreen'], Hooks: { [HOOK_ID]: { Type: 'AWS::CodeDeploy::BlueGreen', Properties: props } } };
}
