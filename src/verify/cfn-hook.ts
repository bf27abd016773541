/**
 * The `Hooks` section of a template with the `AWS::CodeDeployBlueGreen` transform, checked against
 * the CloudFormation user guide ("Perform ECS blue/green deployments through CodeDeploy using
 * CloudFormation", blue-green.html): its template reference (properties, types, required ones) and
 * its considerations (one ECS service, no Outputs, no Fn::ImportValue, no NoEcho parameters or
 * dynamic references, no nested stacks). cfn-lint's section schema, which the template is checked
 * against otherwise, has no `Hooks` section, so this check stands in for it. Also the two task set
 * resource types, whose registry schemas are not bundled: their properties from the
 * AWS::ECS::TaskSet and AWS::ECS::PrimaryTaskSet references.
 */
import { isObject, type Pointer, type Reporter } from './report.js';

export const BLUE_GREEN_TRANSFORM = 'AWS::CodeDeployBlueGreen';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

/** Whether the template declares the blue/green transform. */
export function hasBlueGreenTransform(doc: Record<string, unknown>): boolean {
  const t = doc.Transform;
  return t === BLUE_GREEN_TRANSFORM || (Array.isArray(t) && t.includes(BLUE_GREEN_TRANSFORM));
}

function contains(v: unknown, test: (x: unknown) => boolean): boolean {
  if (test(v)) return true;
  if (Array.isArray(v)) return v.some((x) => contains(x, test));
  return isObject(v) && Object.values(v).some((x) => contains(x, test));
}

/** Checks `Hooks` and the template-wide limits the hook puts on a template. */
export function checkHooks(doc: Record<string, unknown>, r: Reporter): void {
  const hooks = doc.Hooks;
  if (hooks === undefined) return;
  if (!hasBlueGreenTransform(doc)) {
    r.add('VERIFY_CFN_SCHEMA', ['Hooks'], `a Hooks section needs the ${BLUE_GREEN_TRANSFORM} transform (Transform)`);
    return;
  }
  if (!isObject(hooks)) return r.add('VERIFY_CFN_SCHEMA', ['Hooks'], 'Hooks must be an object of hooks by logical ID');
  const resources = isObject(doc.Resources) ? doc.Resources : {};
  const typeOf = (id: unknown) => (typeof id === 'string' && isObject(resources[id]) ? (resources[id] as Record<string, unknown>).Type : undefined);
  const ids = Object.keys(hooks);
  if (ids.length !== 1) r.add('VERIFY_CFN_HOOK', ['Hooks'], `the blue/green transform takes one AWS::CodeDeploy::BlueGreen hook; found ${ids.length}`);
  for (const id of ids) {
    const at: Pointer = ['Hooks', id];
    const hook = hooks[id];
    if (!/^[A-Za-z0-9]+$/.test(id)) r.add('VERIFY_CFN_HOOK', at, 'a hook logical ID is alphanumeric');
    if (!isObject(hook) || hook.Type !== 'AWS::CodeDeploy::BlueGreen') {
      r.add('VERIFY_CFN_HOOK', [...at, 'Type'], 'the hook Type must be AWS::CodeDeploy::BlueGreen');
      continue;
    }
    const p = isObject(hook.Properties) ? hook.Properties : {};
    const need = (ok: boolean, path: Pointer, message: string) => ok || r.add('VERIFY_CFN_HOOK', [...at, 'Properties', ...path], message);
    need(typeof p.ServiceRole === 'string' && p.ServiceRole !== '', ['ServiceRole'], 'ServiceRole (the name of the role the deployment runs as) is required');
    const trc = p.TrafficRoutingConfig;
    if (trc !== undefined) {
      const type = isObject(trc) ? trc.Type : undefined;
      need(type === 'AllAtOnce' || type === 'TimeBasedCanary' || type === 'TimeBasedLinear', ['TrafficRoutingConfig', 'Type'], 'TrafficRoutingConfig.Type is AllAtOnce, TimeBasedCanary or TimeBasedLinear');
      if (isObject(trc) && (type === 'TimeBasedCanary' || type === 'TimeBasedLinear')) {
        const step = isObject(trc[type]) ? (trc[type] as Record<string, unknown>) : undefined;
        need(step !== undefined, ['TrafficRoutingConfig', type], `${type} is required with Type ${type}`);
        if (step?.StepPercentage !== undefined) need(Number.isInteger(step.StepPercentage) && (step.StepPercentage as number) >= 14, ['TrafficRoutingConfig', type, 'StepPercentage'], 'StepPercentage is a whole number of at least 14');
        if (step?.BakeTimeMins !== undefined) need(Number.isInteger(step.BakeTimeMins) && (step.BakeTimeMins as number) >= 0, ['TrafficRoutingConfig', type, 'BakeTimeMins'], 'BakeTimeMins is a whole number of minutes');
      }
    }
    const apps = Array.isArray(p.Applications) ? p.Applications : [];
    need(apps.length === 1, ['Applications'], 'Applications names exactly one ECS service (the hook deploys a single service)');
    apps.forEach((app, i) => {
      const a = isObject(app) ? app : {};
      const target = isObject(a.Target) ? a.Target : {};
      need(target.Type === 'AWS::ECS::Service' && typeOf(target.LogicalID) === 'AWS::ECS::Service', ['Applications', i, 'Target'], 'Target names an AWS::ECS::Service of the template by LogicalID');
      const e = isObject(a.ECSAttributes) ? a.ECSAttributes : {};
      for (const [key, type] of [['TaskDefinitions', 'AWS::ECS::TaskDefinition'], ['TaskSets', 'AWS::ECS::TaskSet']] as const) {
        const pair = Array.isArray(e[key]) ? (e[key] as unknown[]) : [];
        need(pair.length === 2 && typeOf(pair[0]) === type && typeof pair[1] === 'string' && typeOf(pair[1]) === undefined, ['Applications', i, 'ECSAttributes', key], `${key} is [the blue ${type} of the template, a new logical ID for the green one]`);
      }
      const tr = isObject(e.TrafficRouting) ? e.TrafficRouting : {};
      for (const route of ['ProdTrafficRoute', 'TestTrafficRoute']) {
        const l = tr[route];
        if (l === undefined && route === 'TestTrafficRoute') continue;
        need(isObject(l) && l.Type === LISTENER && typeOf(l.LogicalID) === LISTENER, ['Applications', i, 'ECSAttributes', 'TrafficRouting', route], `${route} names an ${LISTENER} of the template by LogicalID`);
      }
      const groups = Array.isArray(tr.TargetGroups) ? tr.TargetGroups : [];
      need(groups.length === 2 && groups.every((g) => typeOf(g) === 'AWS::ElasticLoadBalancingV2::TargetGroup'), ['Applications', i, 'ECSAttributes', 'TrafficRouting', 'TargetGroups'], 'TargetGroups names the two target groups of the template (blue, green)');
    });
  }
  // The transform's considerations (blue-green.html, "Considerations when managing ECS blue/green deployments").
  if (doc.Outputs !== undefined) r.add('VERIFY_CFN_HOOK', ['Outputs'], 'a template with the blue/green hook cannot declare Outputs');
  if (contains(doc, (x) => isObject(x) && 'Fn::ImportValue' in x)) r.add('VERIFY_CFN_HOOK', [], 'a template with the blue/green hook cannot import values (Fn::ImportValue)');
  if (contains(doc, (x) => typeof x === 'string' && x.includes('{{resolve:'))) r.add('VERIFY_CFN_HOOK', [], 'a template with the blue/green hook cannot use dynamic references ({{resolve:...}})');
  for (const [name, param] of Object.entries(isObject(doc.Parameters) ? doc.Parameters : {})) {
    if (isObject(param) && (param.NoEcho === true || param.NoEcho === 'true')) r.add('VERIFY_CFN_HOOK', ['Parameters', name, 'NoEcho'], 'a template with the blue/green hook cannot have NoEcho parameters');
  }
  for (const [id, res] of Object.entries(resources)) {
    if (isObject(res) && res.Type === 'AWS::CloudFormation::Stack') r.add('VERIFY_CFN_HOOK', ['Resources', id], 'a template with the blue/green hook cannot include nested stacks');
  }
}

const str = { type: 'string' };
const tags = { type: 'array', items: { type: 'object', properties: { Key: str, Value: str }, required: ['Key', 'Value'], additionalProperties: false } };

/**
 * AWS::ECS::TaskSet and AWS::ECS::PrimaryTaskSet, written from their CloudFormation references
 * (property names, types, required properties, enums, Scale 0–100 PERCENT; Id read-only).
 */
export const TASK_SET_SCHEMAS: Readonly<Record<string, Record<string, unknown>>> = {
  'AWS::ECS::TaskSet': {
    type: 'object',
    additionalProperties: false,
    required: ['Cluster', 'Service', 'TaskDefinition'],
    readOnlyProperties: ['/properties/Id'],
    properties: {
      Cluster: str,
      Service: str,
      TaskDefinition: str,
      ExternalId: str,
      Id: str,
      LaunchType: { type: 'string', enum: ['EC2', 'FARGATE'] },
      PlatformVersion: str,
      CapacityProviderStrategy: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { CapacityProvider: str, Weight: { type: 'integer' }, Base: { type: 'integer' } } } },
      NetworkConfiguration: {
        type: 'object',
        additionalProperties: false,
        properties: {
          AwsVpcConfiguration: {
            type: 'object',
            additionalProperties: false,
            required: ['Subnets'],
            properties: { AssignPublicIp: { type: 'string', enum: ['DISABLED', 'ENABLED'] }, SecurityGroups: { type: 'array', items: str }, Subnets: { type: 'array', items: str } },
          },
        },
      },
      LoadBalancers: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ContainerName: str, ContainerPort: { type: 'integer' }, TargetGroupArn: str } } },
      ServiceRegistries: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { ContainerName: str, ContainerPort: { type: 'integer' }, Port: { type: 'integer' }, RegistryArn: str } } },
      Scale: { type: 'object', additionalProperties: false, properties: { Unit: { type: 'string', enum: ['PERCENT'] }, Value: { type: 'number', minimum: 0, maximum: 100 } } },
      Tags: tags,
    },
  },
  'AWS::ECS::PrimaryTaskSet': {
    type: 'object',
    additionalProperties: false,
    required: ['Cluster', 'Service', 'TaskSetId'],
    properties: { Cluster: str, Service: str, TaskSetId: str },
  },
};
