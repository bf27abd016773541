/**
 * The AWS::ECS::Service and what codegen writes around it → the spec: replicas, networking,
 * load balancing (target groups, listener rules → expose and traffic health), the deployment
 * strategy (ECS-native or CodeDeploy), Service Connect, autoscaling.
 */
import type { Field } from '../fields.js';
import { duration, type SpecDraft } from '../write.js';
import { isObject, paramValue, type Template } from './cfn.js';
import { readHook, taskSetOf } from './hook.js';
import { readServiceRegistries } from './discovery.js';
import { readScaling } from './scaling.js';
import { targetGroupFromAttributes } from '../target-group.js';

type Json = Record<string, unknown>;

const sub = (o: Json, k: string): Json => (o[k] ??= {}) as Json;

function minutes(f: Field): string | number | undefined {
  const v = f.num();
  return v === undefined ? undefined : v === 0 ? 0 : duration(v * 60);
}

function targetGroup(t: Template, id: string, spec: Json, ecs: Json, exposePort: Json | undefined, awsvpc: boolean): void {
  const p = t.props(id);
  t.resources.get(id).get('Type').use();
  const health: Json = {};
  const hc = (k: string, key: string, conv?: (v: number) => unknown) => {
    const f = p.get(k);
    const v = typeof f.value === 'number' ? f.num() : f.str();
    if (v !== undefined) health[key] = conv && typeof v === 'number' ? conv(v) : v;
  };
  hc('HealthCheckPath', 'path');
  const port = p.get('HealthCheckPort').num();
  if (port !== undefined) health.port = port;
  hc('HealthCheckProtocol', 'protocol');
  hc('HealthCheckIntervalSeconds', 'interval', duration);
  hc('HealthCheckTimeoutSeconds', 'timeout', duration);
  hc('HealthyThresholdCount', 'healthyThreshold');
  hc('UnhealthyThresholdCount', 'unhealthyThreshold');
  const codes = p.get('Matcher', 'HttpCode').str() ?? p.get('Matcher', 'GrpcCode').str();
  if (codes !== undefined) health.successCodes = codes;
  const version = p.get('ProtocolVersion').str();
  if (exposePort && (version === 'GRPC' || version === 'HTTP2')) exposePort.appProtocol = version.toLowerCase();
  // A listener of the template's own is a Network Load Balancer's, unless the blue/green hook owns it.
  const nlb = t.ofType('AWS::ElasticLoadBalancingV2::Listener').length > 0 && !t.root.get('Hooks').exists;
  const protocol = p.get('Protocol').str();
  const expose = sub(spec, 'expose');
  if (protocol !== undefined && protocol !== (nlb ? (exposePort?.protocol === 'udp' ? 'UDP' : 'TCP') : 'HTTP')) sub(expose, 'targetGroup').protocol = protocol;
  if (nlb && health.protocol === 'HTTP' && health.path !== undefined) delete health.protocol;
  const pairs: [string, string][] = [];
  for (const attr of p.get('TargetGroupAttributes').items()) {
    const k = attr.get('Key').str();
    const v = attr.get('Value').str();
    if (k !== undefined && v !== undefined) pairs.push([k, v]);
  }
  const { targetGroup, unknown } = targetGroupFromAttributes(pairs, nlb);
  if (Object.keys(targetGroup).length) Object.assign(sub(expose, 'targetGroup'), targetGroup);
  if (unknown.length) p.get('TargetGroupAttributes').note(`Target group attributes ${unknown.join(', ')} have no form in the spec, so they are not carried.`, 'IMPORT_NOT_CARRIED');
  p.get('TargetType').expect(awsvpc ? 'ip' : 'instance', 'The target type');
  const vpc = t.byParameter(p.get('VpcId')) ? undefined : t.literal(p.get('VpcId'));
  if (typeof vpc === 'string') sub(ecs, 'service').vpcId = vpc;
  p.get('Port').use();
  p.get('Tags').use();
  if (Object.keys(health).length) Object.assign(sub(sub(spec, 'health'), 'traffic'), health);
}

/** Conditions of every listener rule, merged: the rules codegen writes share headers and differ in hosts, paths and source IPs. */
interface RuleValues {
  hosts: string[];
  paths: string[];
  /** Every path-pattern value as written, and whether one is not codegen's shape (then they are targets.ecs.service.pathPatterns). */
  patterns: string[];
  asWritten: boolean;
  sources: string[];
  headers: Json;
}

function listenerRule(t: Template, id: string, ecs: Json, test: boolean, first: boolean, values: RuleValues): void {
  const p = t.props(id);
  const listener = t.literal(p.get('ListenerArn'));
  if (typeof listener === 'string' && first) sub(ecs, 'service')[test ? 'testListenerArn' : 'listenerArn'] = listener;
  else p.get('ListenerArn').use();
  const raw = t.literal(p.get('Priority'));
  const priority = typeof raw === 'string' && /^[0-9]+$/.test(raw) ? Number(raw) : raw;
  if (typeof priority === 'number' && first) sub(ecs, 'service').listenerRulePriority = priority;
  const add = (list: string[], v: unknown) => {
    if (typeof v === 'string' && !list.includes(v)) list.push(v);
  };
  for (const c of p.get('Conditions').items()) {
    const field = c.get('Field').str();
    // A condition names its values in its own config (HostHeaderConfig, PathPatternConfig, ...) or,
    // in the older form, directly under Values.
    const valuesOf = (config: string): Field => (c.get(config, 'Values').exists ? c.get(config, 'Values') : c.get('Values'));
    const literals = (f: Field): string[] | undefined => (Array.isArray(f.value) && f.value.every((v) => typeof v === 'string') ? (f.take() as string[]) : undefined);
    if (field === 'host-header' || field === 'source-ip') {
      const v = literals(valuesOf(field === 'host-header' ? 'HostHeaderConfig' : 'SourceIpConfig'));
      if (!v) c.drop('no-form', `This ${field} condition names no literal values, so it is not carried.`);
      else for (const h of v) add(field === 'host-header' ? values.hosts : values.sources, h);
    } else if (field === 'http-header') {
      const name = c.get('HttpHeaderConfig', 'HttpHeaderName').str();
      const v = literals(c.get('HttpHeaderConfig', 'Values'));
      if (name !== undefined && v) values.headers[name] = v.length === 1 ? v[0] : v;
      else c.drop('no-form', 'This http-header condition names no literal header and values, so it is not carried.');
    } else if (field === 'path-pattern') {
      // Literal patterns or one stack parameter each (`${Name}`).
      const pv = valuesOf('PathPatternConfig').items().map((x) => t.literal(x));
      if (!pv.length || !pv.every((v): v is string => typeof v === 'string')) c.drop('no-form', 'This path condition names neither literal path patterns nor stack parameters, so it is not carried.');
      else {
        for (const v of pv) add(values.patterns, v);
        for (let i = 0; i < pv.length; i++) {
          if (pv[i] === '/*') add(values.paths, '/');
          else if (pv[i + 1] === `${pv[i]}/*`) add(values.paths, pv[i]), i++;
          // Not the shape codegen derives from expose.paths (PATH and PATH/*): the patterns as written.
          else values.asWritten = true;
        }
      }
    } else c.drop('no-form', `A ${String(field)} condition has no form in the spec, so it is not carried.`);
  }
  p.get('Actions').use();
}

function listenerRules(t: Template, spec: Json, ecs: Json): void {
  const values: RuleValues = { hosts: [], paths: [], patterns: [], asWritten: false, sources: [], headers: {} };
  // The first rule may carry the user's logical ID (targets.ecs.logicalIds); further ones are codegen's.
  const rules = t.ofType('AWS::ElasticLoadBalancingV2::ListenerRule');
  const prod = [t.id('ListenerRule'), ...rules.filter((id) => /^ListenerRule[0-9]+$/.test(id))].filter((id) => rules.includes(id));
  const test = [t.id('TestListenerRule'), ...rules.filter((id) => /^TestListenerRule[0-9]+$/.test(id))].filter((id) => rules.includes(id));
  prod.forEach((id, i) => listenerRule(t, id, ecs, false, i === 0, values));
  test.forEach((id, i) => listenerRule(t, id, ecs, true, i === 0, { hosts: [], paths: [], patterns: [], asWritten: false, sources: [], headers: {} }));
  for (let i = 2; i <= prod.length; i++) t.parameters.get(`ListenerRulePriority${i}`).use();
  const expose = sub(spec, 'expose');
  if (values.hosts.length) expose.hosts = values.hosts;
  if (values.asWritten) sub(ecs, 'service').pathPatterns = values.patterns;
  else if (values.paths.length > 1) expose.paths = values.paths;
  else if (values.paths[0] !== undefined && values.paths[0] !== '/') expose.path = values.paths[0];
  if (Object.keys(values.headers).length) expose.headers = values.headers;
  if (values.sources.length) expose.allowedSourceIps = values.sources;
}

/** A Network Load Balancer listener of the service's own → `expose.loadBalancer: network`, TLS and the load balancer ARN. */
function networkListener(t: Template, spec: Json, ecs: Json, exposed: Json | undefined): void {
  const id = t.ofType('AWS::ElasticLoadBalancingV2::Listener')[0];
  if (!id) return;
  const p = t.props(id);
  t.resources.get(id).get('Type').use();
  const expose = sub(spec, 'expose');
  expose.loadBalancer = 'network';
  const arn = t.literal(p.get('LoadBalancerArn'));
  if (typeof arn === 'string') sub(ecs, 'service').loadBalancerArn = arn;
  const listenerPort = p.get('Port').num();
  if (exposed && listenerPort !== undefined && listenerPort !== exposed.port) exposed.servicePort = listenerPort;
  p.get('Protocol').use(), p.get('DefaultActions').use();
  const cert = p.get('Certificates', 0, 'CertificateArn').str();
  const policy = p.get('SslPolicy').str();
  if (p.get('Protocol').value === 'TLS') expose.tls = { ...(cert !== undefined ? { certificateArn: cert } : {}), ...(policy !== undefined ? { policy } : {}) };
  p.get('Certificates').use();
}

/** CodeDeploy's deployment config → the strategy (predefined names or the template's own config). */
function codeDeployShape(t: Template, f: Field, dep: Json, ecs: Json): void {
  const name = f.value;
  let m: RegExpExecArray | null;
  if (t.isRef(f, 'DeploymentConfig')) {
    const r = t.props(t.id('DeploymentConfig')).get('TrafficRoutingConfig');
    t.resources.get(t.id('DeploymentConfig')).use();
    const type = r.get('Type').str();
    if (type === 'TimeBasedLinear') (dep.strategy = 'linear'), (dep.linear = { percent: r.get('TimeBasedLinear', 'LinearPercentage').num(), interval: duration(60 * (r.get('TimeBasedLinear', 'LinearInterval').num() ?? 1)) });
    else if (type === 'TimeBasedCanary') (dep.strategy = 'canary'), (dep.canary = { percent: r.get('TimeBasedCanary', 'CanaryPercentage').num(), interval: duration(60 * (r.get('TimeBasedCanary', 'CanaryInterval').num() ?? 1)) });
    else dep.strategy = 'blue-green';
    return;
  }
  if (typeof name !== 'string') return;
  f.use();
  if ((m = /^CodeDeployDefault\.ECSLinear(\d+)PercentEvery(\d+)Minutes$/.exec(name))) (dep.strategy = 'linear'), (dep.linear = { percent: Number(m[1]), interval: duration(60 * Number(m[2])) });
  else if ((m = /^CodeDeployDefault\.ECSCanary(\d+)Percent(\d+)Minutes$/.exec(name))) (dep.strategy = 'canary'), (dep.canary = { percent: Number(m[1]), interval: duration(60 * Number(m[2])) });
  else if (name === 'CodeDeployDefault.ECSAllAtOnce') dep.strategy = 'blue-green';
  else {
    dep.strategy = 'blue-green';
    sub(ecs, 'codeDeploy').deploymentConfigName = name;
  }
}

function codeDeploy(t: Template, spec: Json, ecs: Json, dep: Json, type: Field): void {
  ecs.controller = 'CODE_DEPLOY';
  const name = String(spec.name);
  const app = t.ofType('AWS::CodeDeploy::Application')[0];
  if (app) {
    const n = t.literal(t.props(app).get('ApplicationName'));
    if (n !== name) sub(ecs, 'codeDeploy').applicationName = n;
    t.props(app).get('ComputePlatform').use();
  }
  const groupId = t.ofType('AWS::CodeDeploy::DeploymentGroup')[0];
  if (!groupId) {
    // Only CodeDeploy deploys this service, and its deployment group lives elsewhere (another
    // stack, a pipeline): the shape of its deployments is not in the input.
    dep.strategy = 'blue-green';
    type.note('The service is deployed by CodeDeploy, whose deployment group is not in the input: the spec says deployment.strategy: blue-green (all traffic at once, CodeDeployDefault.ECSAllAtOnce); change it to canary or linear, with the deployment settings, if the group shifts traffic in steps. Generating it also writes the deployment group.');
    return;
  }
  const g = t.props(groupId);
  const gn = t.literal(g.get('DeploymentGroupName'));
  if (gn !== `${name}-dg`) sub(ecs, 'codeDeploy').deploymentGroupName = gn;
  const role = g.get('ServiceRoleArn');
  if (!t.isGetAtt(role, ['CodeDeployRole'])) sub(ecs, 'codeDeploy').serviceRoleArn = t.literal(role);
  codeDeployShape(t, g.get('DeploymentConfigName'), dep, ecs);
  const bg = g.get('BlueGreenDeploymentConfiguration');
  const ready = bg.get('DeploymentReadyOption');
  const wait = ready.get('WaitTimeInMinutes').num();
  ready.get('ActionOnTimeout').use();
  const blueGreen: Json = {};
  if (wait) blueGreen.readyWait = duration(wait * 60);
  bg.get('TerminateBlueInstancesOnDeploymentSuccess', 'Action').use();
  const term = minutes(bg.get('TerminateBlueInstancesOnDeploymentSuccess', 'TerminationWaitTimeInMinutes'));
  if (term !== undefined) blueGreen.terminationWait = term;
  if (Object.keys(blueGreen).length) dep.blueGreen = blueGreen;
  if (g.get('AutoRollbackConfiguration', 'Enabled').value === false) dep.rollbackOnFailure = false;
  const alarms = g.get('AlarmConfiguration');
  if (alarms.get('Enabled').value === true) {
    const names = alarms.get('Alarms').items().map((a) => a.get('Name').str()).filter((n): n is string => n !== undefined);
    if (names.length) dep.rollbackAlarms = names;
    alarms.get('Enabled').use();
  }
  for (const k of ['ApplicationName', 'DeploymentStyle', 'ECSServices', 'LoadBalancerInfo', 'AutoRollbackConfiguration']) g.get(k).use();
}

export function readService(t: Template, id: string, draft: SpecDraft): void {
  const spec = draft.spec;
  const ecs = (spec.targets as Json).ecs as Json;
  const s = t.props(id);
  t.resources.get(id).get('DependsOn').use();
  // With the CloudFormation blue/green hook the task set holds the task-set-level properties.
  const ts = s.get('DeploymentController', 'Type').value === 'EXTERNAL' ? taskSetOf(t, id) : undefined;
  const lvl = ts ?? s;
  const serviceName = s.get('ServiceName');
  // A literal, or text over spec parameters (`${App}-service`, which targets.ecs.service.name takes).
  const name = t.literal(serviceName);
  if (typeof name === 'string') {
    if (name !== spec.name) sub(ecs, 'service').name = name;
  } else serviceName.drop('no-form', `The service name is ${JSON.stringify(serviceName.value)}, which targets.ecs.service.name cannot say, so it is not carried (the service is named after the spec).`);
  const cluster = t.literal(s.get('Cluster'));
  if (typeof cluster === 'string') sub(ecs, 'service').cluster = cluster;
  lvl.get('TaskDefinition').use();
  const replicas = paramValue(t, s.get('DesiredCount'), true) ?? s.get('DesiredCount').num();
  if (replicas !== undefined) spec.replicas = replicas;
  // The service's launch type decides where the task runs, whatever the task definition names.
  const launchType = lvl.get('LaunchType').str();
  if (launchType === 'EC2') ecs.launchType = 'EC2';
  else if (launchType === 'FARGATE') delete ecs.launchType;
  const providers = lvl.get('CapacityProviderStrategy').items().map((p) => ({ provider: p.get('CapacityProvider').str(), weight: p.get('Weight').num(), base: p.get('Base').num() }));
  if (providers.length) sub(ecs, 'service').capacityProviders = providers;
  const pv = lvl.get('PlatformVersion').str();
  if (pv !== undefined) ecs.platformVersion = pv;
  const net = ts ? ts.get('NetworkConfiguration', 'AwsVpcConfiguration') : s.get('NetworkConfiguration', 'AwsvpcConfiguration');
  if (net.get('AssignPublicIp').str() === 'ENABLED') sub(ecs, 'service').assignPublicIp = true;
  for (const [k, key] of [['Subnets', 'subnets'], ['SecurityGroups', 'securityGroups']] as const) {
    const list = net.get(k);
    // A list of parameters (`[{Ref: SubnetA}, ...]`) is read item by item (`${SubnetA}`).
    const v = t.byParameter(list) ? undefined : Array.isArray(list.value) && list.value.some((x) => isObject(x) && typeof x.Ref === 'string') ? list.items().map((x) => t.literal(x)) : t.literal(list);
    // An item that is neither a literal nor a parameter (a resource of the template) has no form: the list is reported, not carried in part.
    if (Array.isArray(v) && v.some((x) => typeof x !== 'string')) list.drop('no-form', `The ${k} are ${JSON.stringify(list.value)}: an item that is neither a literal nor a template parameter (such as a resource of the template) has no form in targets.ecs.service.${key}, so the list is not carried.`);
    else if (Array.isArray(v) && v.length) sub(ecs, 'service')[key] = v;
    else if (typeof v === 'string' && v) sub(ecs, 'service')[key] = v.split(',');
  }
  const awsvpc = ecs.networkMode === undefined;
  const lb = lvl.get('LoadBalancers', 0);
  const dep: Json = {};
  if (lb.exists) {
    lb.get('ContainerName').use();
    const port = lb.get('ContainerPort').num();
    if (port !== undefined && spec.ports === undefined) {
      // The container's port mappings name no literal port (a parameter): the load balancer's is the port.
      spec.ports = [{ port }];
      lb.get('ContainerPort').note(`The container names no literal port; port ${port} is taken from the load balancer's ContainerPort.`);
    }
    const ports = (spec.ports as Json[] | undefined) ?? [];
    const exposed = ports.find((p) => p.port === port);
    const expose = sub(spec, 'expose');
    if (exposed && exposed !== ports[0]) expose.port = port;
    lb.get('TargetGroupArn').use();
    const adv = lb.get('AdvancedConfiguration');
    if (adv.exists) {
      for (const k of ['AlternateTargetGroupArn', 'ProductionListenerRule', 'TestListenerRule']) adv.get(k).use();
      const role = adv.get('RoleArn');
      if (!t.isGetAtt(role, ['LoadBalancerRole'])) sub(ecs, 'service').loadBalancerRoleArn = t.literal(role);
    }
    const named = lb.get('ContainerName');
    const container = typeof named.value === 'string' ? named.value : t.literal(named);
    const mainName = (spec.containerName as string | undefined) ?? 'app';
    if (typeof container === 'string' && container !== mainName) {
      // The traffic goes to a sidecar: its port is the exposed one.
      expose.container = container;
      const sidecar = ((spec.sidecars as Json | undefined)?.[container] ?? {}) as Json;
      const sp = ((sidecar.ports as Json[] | undefined) ?? []).find((p) => p.port === port);
      if (sp && sp !== (sidecar.ports as Json[])[0]) expose.port = sp.name ?? port;
    }
    // With the blue/green hook the listeners are the hook's (read by readHook), not a Network Load Balancer's.
    if (!ts) networkListener(t, spec, ecs, exposed);
    for (const tg of ['TargetGroup', 'BlueTargetGroup', 'GreenTargetGroup'].map((d) => t.id(d))) if (t.resources.get(tg).exists) targetGroup(t, tg, spec, ecs, exposed, awsvpc);
    listenerRules(t, spec, ecs);
  }
  for (const extra of lvl.get('LoadBalancers').items().slice(1)) extra.drop('no-form', 'The spec sends load balancer traffic to one container port; only the first load balancer is carried.');
  const controller = s.get('DeploymentController', 'Type').str();
  const dc = s.get('DeploymentConfiguration');
  if (controller === 'CODE_DEPLOY') codeDeploy(t, spec, ecs, dep, s.get('DeploymentController', 'Type'));
  else if (controller === 'EXTERNAL') readHook(t, ts, spec, ecs, dep);
  else {
    const strategy = dc.get('Strategy').str() ?? 'ROLLING';
    if (strategy === 'ROLLING') {
      const max = dc.get('MaximumPercent').num();
      const min = dc.get('MinimumHealthyPercent').num();
      if (max !== undefined) ecs.maximumPercent = max;
      if (min !== undefined) ecs.minimumHealthyPercent = min;
      const cb = dc.get('DeploymentCircuitBreaker');
      if (cb.get('Enable').value === false) ecs.circuitBreaker = false;
      else if (cb.get('Rollback').value === false) dep.rollbackOnFailure = false;
      cb.get('Enable').use(), cb.get('Rollback').use();
      if (!cb.exists) ecs.circuitBreaker = false;
    } else {
      dep.strategy = strategy === 'BLUE_GREEN' ? 'blue-green' : strategy === 'CANARY' ? 'canary' : 'linear';
      const bake = minutes(dc.get('BakeTimeInMinutes'));
      if (bake !== undefined) dep.blueGreen = { bakeTime: bake };
      if (strategy === 'CANARY') dep.canary = { percent: dc.get('CanaryConfiguration', 'CanaryPercent').num(), interval: minutes(dc.get('CanaryConfiguration', 'CanaryBakeTimeInMinutes')) };
      if (strategy === 'LINEAR') dep.linear = { percent: dc.get('LinearConfiguration', 'StepPercent').num(), interval: minutes(dc.get('LinearConfiguration', 'StepBakeTimeInMinutes')) };
    }
  }
  const alarms = dc.get('Alarms');
  if (alarms.exists) {
    const names = alarms.get('AlarmNames').take();
    if (Array.isArray(names) && names.length && alarms.get('Enable').value === true) dep.rollbackAlarms = names;
    alarms.get('Enable').use(), alarms.get('Rollback').use();
  }
  if (Object.keys(dep).length) spec.deployment = { ...dep };
  const grace = s.get('HealthCheckGracePeriodSeconds').num();
  if (grace !== undefined) sub(sub(spec, 'health'), 'traffic').gracePeriod = duration(grace);
  if (s.get('EnableExecuteCommand').bool()) sub(ecs, 'service').enableExecuteCommand = true;
  readServiceRegistries(t, lvl.get('ServiceRegistries'), spec, ecs);
  const sc = s.get('ServiceConnectConfiguration');
  if (sc.exists) {
    const out: Json = {};
    sc.get('Enabled').use();
    const ns = t.literal(sc.get('Namespace'));
    if (typeof ns === 'string') out.namespace = ns;
    const svc = sc.get('Services', 0);
    const discovery = svc.get('DiscoveryName').str();
    if (discovery !== undefined && discovery !== spec.name) out.discoveryName = discovery;
    const alias = svc.get('ClientAliases', 0);
    const dns = alias.get('DnsName').str();
    if (dns !== undefined && dns !== (discovery ?? spec.name)) out.dnsName = dns;
    const aliasPort = alias.get('Port').num();
    const ports = (spec.ports as Json[] | undefined) ?? [];
    const main = ports[0];
    if (aliasPort !== undefined && main && aliasPort !== (main.servicePort ?? main.port)) out.port = aliasPort;
    svc.get('PortName').use();
    sc.get('LogConfiguration').use();
    sub(ecs, 'service').serviceConnect = out;
    // The template says how Service Connect is set up: the hint written for a bare task definition goes.
    const i = draft.comments.findIndex((c) => c.path.join('.') === 'targets.ecs.service');
    if (i >= 0) draft.comments.splice(i, 1);
  }
  // The service's tags are the labels (read from the task definition) and, beyond them, its own.
  const labels = (spec.labels ?? {}) as Json;
  const tags: Json = {};
  let any = false;
  for (const tag of s.get('Tags').items()) {
    const k = tag.get('Key').str();
    any = true;
    if (k !== undefined && labels[k] !== tag.get('Value').value) tags[k] = tag.get('Value').str();
    else tag.get('Value').use();
  }
  if (Object.keys(tags).length) sub(ecs, 'service').tags = tags;
  if (any) s.get('PropagateTags').expect('SERVICE', 'PropagateTags');
  readScaling(t, spec);
  for (const id2 of t.ofType('AWS::ApplicationAutoScaling::ScalableTarget').concat(t.ofType('AWS::ApplicationAutoScaling::ScalingPolicy'), t.ofType('AWS::CodeDeploy::Application'), t.ofType('AWS::CodeDeploy::DeploymentGroup'))) {
    t.resources.get(id2).get('Type').use();
  }
}
