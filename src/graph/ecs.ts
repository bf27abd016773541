/**
 * The ECS target's panel, read from `ecs/service.cfn.*` and `ecs/task-definition.json`: clients →
 * load balancer → listeners → listener rules → target groups (blue and green) → the containers of
 * the service's task; the service, its auto scaling, CodeDeploy and Service Connect around it.
 */
import type { Json, JsonObject } from '../core/serialize.js';
import { asArray, importName, isObject, ofType, outside, plain, readTemplate, refResource, shown, str, type Resource, type Template } from './cfn.js';
import { drawTask, readTask, type TaskShape } from './ecs-task.js';
import { drawListeners } from './ecs-listeners.js';
import { SCALING_TYPES, scalingAlarms, scalingLines } from './ecs-scaling.js';
import { count as plural, PanelBuilder, short, type ServiceGraph } from './types.js';

const key = (v: Json | undefined): string => JSON.stringify(v ?? null);

interface LoadBalancerEntry {
  container?: string;
  port?: number;
  targetGroup?: Json;
  alternate?: Json;
  prodRule?: Json;
  testRule?: Json;
}

function loadBalancers(service: Resource | undefined): LoadBalancerEntry[] {
  return asArray(service?.props.LoadBalancers)
    .filter(isObject)
    .map((lb) => {
      const adv = isObject(lb.AdvancedConfiguration) ? lb.AdvancedConfiguration : {};
      const e: LoadBalancerEntry = {};
      const container = str(lb.ContainerName);
      if (container) e.container = container;
      if (typeof lb.ContainerPort === 'number') e.port = lb.ContainerPort;
      if (lb.TargetGroupArn !== undefined) e.targetGroup = lb.TargetGroupArn;
      if (adv.AlternateTargetGroupArn !== undefined) e.alternate = adv.AlternateTargetGroupArn;
      if (adv.ProductionListenerRule !== undefined) e.prodRule = adv.ProductionListenerRule;
      if (adv.TestListenerRule !== undefined) e.testRule = adv.TestListenerRule;
      return e;
    });
}

function deploymentLine(s: JsonObject): string | undefined {
  const controller = isObject(s.DeploymentController) ? str(s.DeploymentController.Type) : undefined;
  if (controller === 'CODE_DEPLOY') return 'deployed by CodeDeploy (blue/green)';
  if (controller === 'EXTERNAL') return 'deployed by an external controller';
  const config = isObject(s.DeploymentConfiguration) ? s.DeploymentConfiguration : {};
  const strategy = str(config.Strategy) ?? 'ROLLING';
  const bake = typeof config.BakeTimeInMinutes === 'number' ? `, bake ${config.BakeTimeInMinutes} min` : '';
  const names: Record<string, string> = { ROLLING: 'rolling update', BLUE_GREEN: 'blue/green by ECS', LINEAR: 'linear shift by ECS', CANARY: 'canary by ECS' };
  return `${names[strategy] ?? strategy.toLowerCase()}${bake}`;
}

/**
 * CodeDeploy's predefined ECS configurations by what they do: `ECSLinear10PercentEvery1Minutes`
 * shifts 10 % every minute, `ECSCanary10Percent5Minutes` shifts 10 % and the rest five minutes
 * later, `ECSAllAtOnce` everything at once (CodeDeploy user guide, deployment configurations).
 */
function predefinedConfig(name: string): string {
  const m = /^CodeDeployDefault\.ECS(Linear|Canary)(\d+)Percent(?:Every)?(\d+)Minutes?$/.exec(name);
  if (m) return m[1] === 'Linear' ? `${m[2]}% every ${m[3]} min` : `canary ${m[2]}%, the rest after ${m[3]} min`;
  return name === 'CodeDeployDefault.ECSAllAtOnce' ? 'all at once' : name;
}

function codeDeployLines(t: Template, group: Resource): string[] {
  const p = group.props;
  const lines: string[] = [];
  const configRes = refResource(t, p.DeploymentConfigName);
  const routing = configRes && isObject(configRes.props.TrafficRoutingConfig) ? configRes.props.TrafficRoutingConfig : undefined;
  if (routing) {
    const kind = str(routing.Type) ?? '';
    const detail = routing[kind];
    const pct = isObject(detail) ? plain(t, detail.CanaryPercentage ?? detail.LinearPercentage) : '';
    const every = isObject(detail) ? plain(t, detail.CanaryInterval ?? detail.LinearInterval) : '';
    lines.push(kind === 'TimeBasedCanary' ? `canary ${pct}%, the rest after ${every} min` : kind === 'TimeBasedLinear' ? `${pct}% every ${every} min` : 'all at once');
  } else if (p.DeploymentConfigName !== undefined) lines.push(predefinedConfig(plain(t, p.DeploymentConfigName)));
  const bg = isObject(p.BlueGreenDeploymentConfiguration) ? p.BlueGreenDeploymentConfiguration : {};
  const term = isObject(bg.TerminateBlueInstancesOnDeploymentSuccess) ? bg.TerminateBlueInstancesOnDeploymentSuccess.TerminationWaitTimeInMinutes : undefined;
  if (term !== undefined) lines.push(`blue kept ${plain(t, term)} min`);
  return lines;
}

/** Resource types drawn as boxes; every other resource is named in the panel's notes. */
const DRAWN = new Set([
  'AWS::ECS::Service',
  'AWS::ECS::TaskDefinition',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  ...SCALING_TYPES,
  'AWS::CodeDeploy::DeploymentGroup',
  'AWS::CodeDeploy::DeploymentConfig',
  'AWS::ServiceDiscovery::Service',
]);

/** `AWS::IAM::Role ExecutionRole, LoadBalancerRole` for what is created but not drawn. */
export function otherResources(b: PanelBuilder, t: Template, drawn: ReadonlySet<string>, describe: (r: Resource) => string = (r) => r.id, shownAlready: ReadonlySet<Resource> = new Set()): void {
  const byType = new Map<string, string[]>();
  for (const r of t.resources) if (!drawn.has(r.type) && !shownAlready.has(r)) byType.set(r.type, [...(byType.get(r.type) ?? []), describe(r)]);
  for (const [type, ids] of byType) b.note(`${type.replace(/^AWS::/, '')}: ${ids.join(', ')}`);
}

export function ecsPanel(service: string, docs: { template?: JsonObject; task?: JsonObject }): ServiceGraph {
  const b = new PanelBuilder(service, 'ecs', `${service} · ECS`);
  const t = docs.template ? readTemplate(docs.template) : { resources: [], parameters: {} };
  const svc = ofType(t, 'AWS::ECS::Service')[0];
  const taskRes = svc ? refResource(t, svc.props.TaskDefinition) : ofType(t, 'AWS::ECS::TaskDefinition')[0];
  const task: TaskShape | undefined = taskRes ? readTask(taskRes.props) : docs.task ? readTask(docs.task) : undefined;
  const lbs = loadBalancers(svc);
  const sc = svc && isObject(svc.props.ServiceConnectConfiguration) ? svc.props.ServiceConnectConfiguration : undefined;
  const scServices = asArray(sc?.Services).filter(isObject);
  const portNames = new Map<string, string>();
  for (const c of task?.containers ?? []) for (const p of c.ports) if (p.name) portNames.set(p.name, c.name);
  const traffic = new Set([...lbs.map((l) => l.container ?? ''), ...scServices.map((s) => portNames.get(str(s.PortName) ?? '') ?? '')].filter(Boolean));

  const drawnTask = task ? drawTask(b, task, traffic) : undefined;
  let serviceId: string | undefined;
  if (svc) {
    const s = svc.props;
    const count = s.DesiredCount !== undefined ? plural(plain(t, s.DesiredCount), 'task') : undefined;
    const launch = s.LaunchType !== undefined ? plain(t, s.LaunchType) : asArray(s.CapacityProviderStrategy).filter(isObject).map((c) => plain(t, c.CapacityProvider)).join(', ');
    const cluster = importName(t, s.Cluster);
    serviceId = b.node('service', `ECS service ${plain(t, s.ServiceName) || service}`, [[count, launch].filter(Boolean).join(' · '), `cluster ${short(shown(t, s.Cluster), 40)}`, deploymentLine(s), sc && scServices.length ? 'Service Connect proxy added by ECS' : undefined], {
      id: 'ecs_service',
      ...(cluster ? { imports: [cluster] } : {}),
    });
    if (drawnTask) b.edge(serviceId, drawnTask.group, 'control', 'runs');
  }

  // Target groups, blue and green: the tag codegen:role, else the service's own pairing.
  const tgNodes = new Map<string, string>();
  const codeDeploy = ofType(t, 'AWS::CodeDeploy::DeploymentGroup')[0];
  const pair = codeDeploy
    ? asArray(isObject(codeDeploy.props.LoadBalancerInfo) ? codeDeploy.props.LoadBalancerInfo.TargetGroupPairInfoList : undefined)
        .filter(isObject)
        .flatMap((p) => asArray(p.TargetGroups).filter(isObject).map((g) => refResource(t, g.Name)?.id))
    : [];
  const roleOf = (r: Resource): string | undefined => {
    const tag = asArray(r.props.Tags).filter(isObject).find((x) => x.Key === 'codegen:role');
    if (tag) return str(tag.Value);
    if (lbs.some((l) => refResource(t, l.alternate) === r)) return 'green';
    if (lbs.some((l) => l.alternate !== undefined && refResource(t, l.targetGroup) === r)) return 'blue';
    const i = pair.indexOf(r.id);
    return i === 0 ? 'blue' : i === 1 ? 'green' : undefined;
  };
  for (const r of ofType(t, 'AWS::ElasticLoadBalancingV2::TargetGroup')) {
    const p = r.props;
    const role = roleOf(r);
    const id = b.node('targetGroup', `Target group${role ? ` (${role})` : ''}`, [`${plain(t, p.Protocol) || 'HTTP'} ${plain(t, p.Port)} · ${plain(t, p.TargetType) || 'instance'}`, p.HealthCheckPath !== undefined && `health ${plain(t, p.HealthCheckPath)}`], {
      id: `tg_${role ?? r.id}`,
    });
    tgNodes.set(r.id, id);
  }
  const tgNode = (v: Json | undefined): string | undefined => {
    const r = refResource(t, v);
    if (r) return tgNodes.get(r.id);
    const o = outside(t, v);
    if (!o) return undefined;
    const k = `outside:${key(v)}`;
    if (!tgNodes.has(k)) tgNodes.set(k, b.node('targetGroup', 'Target group', [o.how, o.value && short(o.value)], { external: true, id: 'tg_existing' }));
    return tgNodes.get(k);
  };
  // Requests reach the container the service registers in each target group.
  for (const l of lbs) {
    const to = l.container ? drawnTask?.containers.get(l.container) : undefined;
    if (!to) continue;
    for (const tg of [l.targetGroup, l.alternate]) {
      const from = tgNode(tg);
      if (from) b.edge(from, to, 'traffic', l.port !== undefined ? String(l.port) : undefined);
    }
    if (codeDeploy) for (const id of pair) if (id && tgNodes.has(id)) b.edge(tgNodes.get(id)!, to, 'traffic', l.port !== undefined ? String(l.port) : undefined);
  }

  // Test traffic: the listener rule ECS-native blue/green tests with, or CodeDeploy's test route.
  const testListeners: Json[] = [];
  if (codeDeploy && isObject(codeDeploy.props.LoadBalancerInfo)) {
    for (const p of asArray(codeDeploy.props.LoadBalancerInfo.TargetGroupPairInfoList).filter(isObject)) {
      if (isObject(p.TestTrafficRoute)) testListeners.push(...asArray(p.TestTrafficRoute.ListenerArns));
    }
  }
  drawListeners(b, t, (rule) => lbs.some((l) => refResource(t, l.testRule) === rule) || testListeners.some((x) => key(x) === key(rule.props.ListenerArn)), tgNode);

  if (svc && serviceId) {
    for (const target of ofType(t, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
      b.edge(b.node('autoscaling', 'Auto scaling', scalingLines(t, target), { id: 'autoscaling' }), serviceId, 'control', 'desired count');
    }
    if (codeDeploy) {
      const id = b.node('deployment', `CodeDeploy ${plain(t, codeDeploy.props.DeploymentGroupName) || codeDeploy.id}`, codeDeployLines(t, codeDeploy), { id: 'codedeploy' });
      b.edge(id, serviceId, 'control', 'deploys');
    }
    if (sc) drawServiceConnect(b, t, sc, scServices, serviceId, portNames, drawnTask?.containers);
    for (const reg of asArray(svc.props.ServiceRegistries).filter(isObject)) {
      const created = refResource(t, reg.RegistryArn);
      const o = outside(t, reg.RegistryArn);
      const id = created
        ? b.node('discovery', `Cloud Map service ${plain(t, created.props.Name)}`, [`namespace ${short(shown(t, created.props.NamespaceId), 40)}`, ...asArray(isObject(created.props.DnsConfig) ? created.props.DnsConfig.DnsRecords : undefined).filter(isObject).map((r) => `DNS ${plain(t, r.Type)} records`)], { id: 'cloud_map_service' })
        : b.node('discovery', 'Cloud Map service', [o?.how ?? plain(t, reg.RegistryArn), o?.value && short(o.value)], { external: true, id: 'cloud_map_service' });
      b.edge(serviceId, id, 'control', 'registers tasks');
    }
  }
  otherResources(b, t, DRAWN, (r) => (r.type === 'AWS::Logs::LogGroup' && r.props.LogGroupName !== undefined ? `${r.id} (${plain(t, r.props.LogGroupName)})` : r.id), scalingAlarms(t));
  if (docs.task && taskRes) b.note('ecs/task-definition.json: the same task, for aws ecs register-task-definition');
  return b.build();
}

function drawServiceConnect(b: PanelBuilder, t: Template, sc: JsonObject, services: JsonObject[], serviceId: string, portNames: Map<string, string>, containers: Map<string, string> | undefined): void {
  const ns = plain(t, sc.Namespace) || 'the cluster default';
  const nsImport = importName(t, sc.Namespace);
  const nsId = b.node('discovery', 'Cloud Map namespace', [short(ns, 40), 'Service Connect'], { external: true, id: 'service_connect_namespace', ...(nsImport ? { imports: [nsImport] } : {}) });
  if (!services.length) {
    b.edge(serviceId, nsId, 'control', 'client of');
    return;
  }
  const clients = b.node('clients', 'Service Connect clients', [nsImport ? 'services in the same namespace' : `services in ${short(ns, 32)}`], { id: 'service_connect_clients' });
  for (const s of services) {
    const portName = str(s.PortName) ?? '';
    b.edge(serviceId, nsId, 'control', `registers ${plain(t, s.DiscoveryName) || portName}`);
    const to = containers?.get(portNames.get(portName) ?? '');
    const aliases = asArray(s.ClientAliases).filter(isObject).map((a) => `${plain(t, a.DnsName) || plain(t, s.DiscoveryName) || portName}:${plain(t, a.Port)}`);
    if (to) b.edge(clients, to, 'traffic', aliases.join(', ') || portName);
  }
}

/** The ECS target's documents, from its artifacts. */
export function ecsDocs(artifacts: readonly { path: string; kind: string; documents?: JsonObject[] }[]): { template?: JsonObject; task?: JsonObject } {
  const out: { template?: JsonObject; task?: JsonObject } = {};
  for (const a of artifacts) {
    const doc = a.documents?.[0];
    if (!doc) continue;
    if (a.kind === 'cloudformation' && !out.template) out.template = doc;
    else if (a.kind === 'ecs-task-definition' && !out.task) out.task = doc;
  }
  return out;
}

