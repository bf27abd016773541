/**
 * The one mapping from the model to an ECS task definition, in the RegisterTaskDefinition (API)
 * shape. The CloudFormation target converts it with `toCloudFormationCasing` instead of building
 * its own, so the JSON and the template cannot drift.
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import { containerCpu, ecsCpuUnits } from '../../model/normalize/resources.js';
import type { ContainerModel, SecretModel, ServiceModel } from '../../model/types.js';
import { appmeshProxyConfiguration, ENVOY_CONTAINER, envoyContainer, isMeshed } from '../common/appmesh-envoy.js';
import { secretValueFrom } from '../common/aws-secrets.js';
import { allow, sub, subLiteral } from '../common/cfn.js';
import { labelTags, tagList } from '../common/tags.js';
import { LOG_ROUTER_CONTAINER } from '../../model/normalize/logging.js';
import { addContainerSecurity, reportPodSecurity } from './task-security.js';
import { logConfiguration, logRouter } from './task-logging.js';
import { addContainerStorage, addTaskStorage, ecsHealthCheck, stopTimeout } from './task-storage.js';

export interface TaskDefinitionOptions {
  /** Values the JSON cannot hold but CloudFormation can (refs, Fn::Sub). Default: JSON (literal only). */
  flavor: 'json' | 'cloudformation';
}

function containerDefinition(m: ServiceModel, c: ContainerModel, report: (d: DiagnosticInput) => void, opts: TaskDefinitionOptions): JsonObject {
  const ecs = m.targets.ecs;
  const awsvpc = (ecs.networkMode ?? 'awsvpc') === 'awsvpc';
  const def: JsonObject = { name: c.name, image: c.image, essential: c.essential };
  if (ecs.containerResources) {
    const cpu = containerCpu(c);
    if (cpu) def.cpu = ecsCpuUnits(cpu.amounts)!;
    if (c.resources.limits.memoryMiB !== undefined) def.memory = c.resources.limits.memoryMiB;
    if (c.resources.requests.memoryMiB !== undefined) def.memoryReservation = c.resources.requests.memoryMiB;
  }
  if (c.entrypoint) def.entryPoint = c.entrypoint;
  if (c.command) def.command = c.command;
  if (c.ports.length) {
    const serviceConnect = c.main && ecs.service?.serviceConnect !== undefined;
    def.portMappings = c.ports.map((p) => {
      const pm: JsonObject = { containerPort: p.port };
      if (!awsvpc && p.hostPort !== undefined) pm.hostPort = p.hostPort;
      pm.protocol = p.protocol;
      if (serviceConnect) {
        pm.name = p.name;
        if (p.protocol === 'tcp') pm.appProtocol = p.appProtocol === 'tcp' ? 'http' : p.appProtocol;
      }
      return pm;
    });
  }
  const env: JsonObject[] = [];
  for (const e of c.env) {
    if (e.value.kind === 'value') env.push({ name: e.name, value: e.value.value });
    else if (opts.flavor === 'cloudformation' && e.value.cloudformation !== undefined) env.push({ name: e.name, value: { 'Fn::Sub': e.value.cloudformation } });
    else if (opts.flavor === 'json') {
      report({
        code: 'ENV_REF_NOT_IN_JSON',
        severity: 'warning',
        message: `${e.name} is a reference, which a task definition JSON cannot resolve; it is left out of task-definition.json${e.value.cloudformation !== undefined ? ' (the CloudFormation template has it)' : ''}.`,
        path: e.path,
      });
    } else {
      report({ code: 'ENV_REF_MISSING_TARGET', severity: 'error', message: `${e.name} has no cloudformation reference, so ECS cannot receive it.`, path: [...e.path, 'ref'] });
    }
  }
  if (env.length) def.environment = env;
  const secrets: JsonObject[] = [];
  for (const s of c.secrets) {
    if (!s.aws) {
      report({ code: 'SECRET_NO_AWS_SOURCE', severity: 'error', message: `Secret ${s.name} has no aws reference, so ECS cannot receive it.`, path: s.path });
      continue;
    }
    const valueFrom = secretValueFrom(s, report);
    if (valueFrom !== undefined) secrets.push({ name: s.name, valueFrom });
  }
  if (secrets.length) def.secrets = secrets;
  addContainerStorage(m, c, def, report);
  addContainerSecurity(m, c, def, report);
  if (c.dependsOn.length) def.dependsOn = c.dependsOn.map((d) => ({ containerName: d.container, condition: d.condition }));
  const log = logConfiguration(m, c.name, c.main, opts.flavor, report);
  if (log) def.logConfiguration = log;
  const h = c.main ? m.health.container : c.health?.container;
  if (h) def.healthCheck = ecsHealthCheck(h);
  const stop = stopTimeout(m, c);
  if (stop !== undefined) def.stopTimeout = stop;
  return def;
}

/** The task definition in RegisterTaskDefinition shape. */
export function buildTaskDefinition(m: ServiceModel, report: (d: DiagnosticInput) => void, opts: TaskDefinitionOptions = { flavor: 'json' }): JsonObject {
  const ecs = m.targets.ecs;
  const launchType = ecs.launchType ?? 'FARGATE';
  const networkMode = ecs.networkMode ?? 'awsvpc';
  if (launchType === 'FARGATE' && networkMode !== 'awsvpc') {
    report({ code: 'FARGATE_NETWORK_MODE', severity: 'error', message: 'Fargate tasks must use the awsvpc network mode.', path: ['targets', 'ecs', 'networkMode'] });
  }
  const td: JsonObject = { family: ecs.family ?? m.name, networkMode };
  const compat = ecs.requiresCompatibilities ?? [launchType];
  // An empty list asks for no launch type at all: the field is left out.
  if (compat.length) td.requiresCompatibilities = [...compat];
  if (compat.length && !compat.includes(launchType)) {
    report({ code: 'ECS_LAUNCH_TYPE_NOT_COMPATIBLE', severity: 'error', message: `The service runs the task with launch type ${launchType}, which requiresCompatibilities (${compat.join(', ')}) does not include, so ECS would refuse to start it.`, hint: `add ${launchType}, or give an empty list to name no launch type`, path: ['targets', 'ecs', 'requiresCompatibilities'] });
  }
  if (launchType === 'FARGATE' || m.taskSize.source !== 'default') {
    if (!m.taskSize.omit?.cpu) td.cpu = String(m.taskSize.cpu);
    if (!m.taskSize.omit?.memory) td.memory = String(m.taskSize.memory);
  }
  if (ecs.operatingSystem || ecs.cpuArchitecture) {
    const rp: JsonObject = {};
    if (ecs.cpuArchitecture) rp.cpuArchitecture = ecs.cpuArchitecture;
    if (ecs.operatingSystem) rp.operatingSystemFamily = ecs.operatingSystem;
    td.runtimePlatform = rp;
  }
  if (ecs.executionRoleArn) td.executionRoleArn = ecs.executionRoleArn;
  if (ecs.taskRoleArn) td.taskRoleArn = ecs.taskRoleArn;
  td.containerDefinitions = m.containers.map((c) => containerDefinition(m, c, report, opts));
  addTaskStorage(m, td, report);
  reportPodSecurity(m, report);
  if (isMeshed(m)) addAppmeshProxy(m, td, opts.flavor, report);
  if (m.tracing.xray) addXrayDaemon(m, td, opts.flavor);
  if (m.logging.driver === 'firelens') addLogRouter(m, td, opts.flavor, report);
  const tags = labelTags(m, report);
  if (tags.length) td.tags = tagList(tags, 'api');
  return td;
}

/**
 * The X-Ray daemon that `tracing.xray` needs on ECS: a sidecar listening on UDP 2000, where the
 * X-Ray SDKs send segments by default (localhost:2000 under awsvpc). Pinned, overridable with
 * `targets.ecs.xrayDaemonImage`; a spec that brings its own `xray-daemon` sidecar keeps it.
 */
export const XRAY_DAEMON_CONTAINER = 'xray-daemon';
export const XRAY_DAEMON_IMAGE = 'public.ecr.aws/xray/aws-xray-daemon:3.3.12';

function addXrayDaemon(m: ServiceModel, td: JsonObject, flavor: TaskDefinitionOptions['flavor']): void {
  const containers = td.containerDefinitions as JsonObject[];
  if (containers.some((c) => c.name === XRAY_DAEMON_CONTAINER)) return;
  const daemon: JsonObject = {
    name: XRAY_DAEMON_CONTAINER,
    image: m.targets.ecs.xrayDaemonImage ?? XRAY_DAEMON_IMAGE,
    essential: false,
    portMappings: [{ containerPort: 2000, protocol: 'udp' }],
  };
  const log = logConfiguration(m, XRAY_DAEMON_CONTAINER, false, flavor, () => undefined);
  if (log) daemon.logConfiguration = log;
  containers.push(daemon);
}

/** App Mesh (legacy): the Envoy sidecar, the APPMESH proxy configuration, and the app waits for Envoy. */
function addAppmeshProxy(m: ServiceModel, td: JsonObject, flavor: TaskDefinitionOptions['flavor'], report: (d: DiagnosticInput) => void): void {
  const containers = td.containerDefinitions as JsonObject[];
  if (containers.some((c) => c.name === ENVOY_CONTAINER)) return; // the spec brings its own Envoy sidecar
  const e = m.targets.appmesh.envoy ?? {};
  for (const k of Object.keys(e.env ?? {})) {
    if (k === 'APPMESH_VIRTUAL_NODE_NAME' || k === 'APPMESH_RESOURCE_ARN' || k === 'ENABLE_ENVOY_XRAY_TRACING') {
      report({ code: 'APPMESH_ENVOY_ENV_RESERVED', severity: 'warning', message: `${k} is set by codegen from the mesh layout and tracing; the value in envoy.env is not used.`, path: ['targets', 'appmesh', 'envoy', 'env', k] });
    }
  }
  // Container limits must fit in the task's: Envoy's own must leave room for the application.
  for (const [k, task] of [['cpu', td.cpu], ['memory', td.memory]] as const) {
    const v = e[k];
    if (v !== undefined && typeof task === 'string' && v >= Number(task)) {
      report({ code: 'APPMESH_ENVOY_SIZE', severity: 'error', message: `Envoy's ${k} (${v}) leaves nothing of the task's ${task} for the other containers.`, path: ['targets', 'appmesh', 'envoy', k] });
    }
  }
  const main = containers[0]!;
  main.dependsOn = [...((main.dependsOn as JsonObject[] | undefined) ?? []), { containerName: ENVOY_CONTAINER, condition: 'HEALTHY' }];
  const envoy = envoyContainer(m);
  const log = logConfiguration(m, ENVOY_CONTAINER, false, flavor, () => undefined);
  if (log) envoy.logConfiguration = log;
  containers.push(envoy);
  td.proxyConfiguration = appmeshProxyConfiguration(m);
}

/** FireLens: the log router sidecar, unless the spec brings a container of that name. */
function addLogRouter(m: ServiceModel, td: JsonObject, flavor: TaskDefinitionOptions['flavor'], report: (d: DiagnosticInput) => void): void {
  const containers = td.containerDefinitions as JsonObject[];
  if (containers.some((c) => c.name === LOG_ROUTER_CONTAINER)) return;
  // The router's reservation must fit in the task's memory and leave room for the application.
  const reserved = m.logging.firelens?.memoryReservationMiB;
  if (reserved !== undefined && typeof td.memory === 'string' && reserved >= Number(td.memory)) {
    report({ code: 'ECS_FIRELENS_SIZE', severity: 'error', message: `The log router's memoryReservation (${reserved} MiB) leaves nothing of the task's ${td.memory} MiB for the other containers.`, path: ['logging', 'firelens', 'memoryReservation'] });
  }
  containers.push(logRouter(m, flavor, report));
}

/**
 * Keys whose values are user maps (not properties) and keep their casing. Lists of objects such
 * as `secretOptions` and `systemControls` are not maps: their items are properties.
 */
const OPAQUE_MAPS = new Set(['options', 'dockerLabels', 'driverOpts', 'labels']);
/** API name → CloudFormation name where it is not just the capitalized API name (AWS::ECS::TaskDefinition schema). */
const RENAMES: Record<string, string> = {
  properties: 'ProxyConfigurationProperties',
  efsVolumeConfiguration: 'EFSVolumeConfiguration',
  fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
  iam: 'IAM',
};
/** Renames that depend on the parent: EFS says `FilesystemId`, FSx says `FileSystemId`. */
const SCOPED_RENAMES: Record<string, string> = { 'efsVolumeConfiguration.fileSystemId': 'FilesystemId' };

/** RegisterTaskDefinition shape → `AWS::ECS::TaskDefinition` Properties. */
export function toCloudFormationCasing(v: Json, parentKey?: string): Json {
  if (Array.isArray(v)) return v.map((x) => toCloudFormationCasing(x, parentKey));
  if (v === null || typeof v !== 'object') return v;
  // Intrinsic functions pass through untouched.
  const keys = Object.keys(v);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return v;
  if (parentKey && OPAQUE_MAPS.has(parentKey)) return v;
  const out: JsonObject = {};
  const scoped = parentKey !== undefined && SCOPED_PARENTS.has(parentKey);
  for (const k of keys) {
    const name = (scoped ? SCOPED_RENAMES[`${parentKey}.${k}`] : undefined) ?? cfnName(k);
    out[name] = toCloudFormationCasing(v[k]!, k);
  }
  return out;
}

const SCOPED_PARENTS = new Set(Object.keys(SCOPED_RENAMES).map((k) => k.slice(0, k.indexOf('.'))));
/** API field name → CloudFormation property name; the names are few, so each is worked out once. */
const CFN_NAMES = new Map<string, string>();
function cfnName(k: string): string {
  let name = CFN_NAMES.get(k);
  if (name === undefined) {
    name = Object.hasOwn(RENAMES, k) ? RENAMES[k]! : k.charAt(0).toUpperCase() + k.slice(1);
    if (CFN_NAMES.size < 2048) CFN_NAMES.set(k, name);
  }
  return name;
}

/** An ECR image; the account and region may be parameter tokens (`${AWS::AccountId}`), which stay tokens inside the Fn::Sub. */
export const ECR_IMAGE = /^(\d{12}|\uE000[A-Za-z0-9:]+\uE001)\.dkr\.ecr\.([a-z0-9-]+|\uE000[A-Za-z0-9:]+\uE001)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/** The IAM resource for one secret: the ARN itself, or an ARN built with Fn::Sub from a name. */
function secretResource(s: SecretModel): { action: string; resource: Json } | undefined {
  const a = s.aws;
  if (!a) return undefined;
  if (a.store === 'ssm') {
    return { action: 'ssm:GetParameters', resource: a.isArn ? a.ref : sub(`arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${subLiteral(a.ref.replace(/^\//, ''))}`) };
  }
  // Secrets Manager appends "-" and six characters to a secret's name; an ARN without them needs the wildcard.
  if (a.isArn) return { action: 'secretsmanager:GetSecretValue', resource: /-[A-Za-z0-9]{6}$/.test(a.ref) ? a.ref : `${a.ref}-??????` };
  return { action: 'secretsmanager:GetSecretValue', resource: sub(`arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${subLiteral(a.ref)}-??????`) };
}

/**
 * CloudFormation policy statements of a task execution role that can do exactly what this task
 * needs: write to its log group, pull its images from ECR (when they are in ECR), read exactly the
 * secrets and parameters it references. For every CloudFormation emitter that creates the role.
 * `secretsOnly`: just the secret reads (the rest comes from AmazonECSTaskExecutionRolePolicy).
 */
export function executionRoleStatements(m: ServiceModel, logGroupArns: readonly Json[], secretsOnly = false): JsonObject[] {
  const statements: JsonObject[] = secretsOnly || !logGroupArns.length ? [] : [allow(['logs:CreateLogStream', 'logs:PutLogEvents'], logGroupArns, 'WriteLogs')];
  const repos = new Map<string, Json>();
  for (const c of m.containers) {
    const r = ECR_IMAGE.exec(c.image);
    if (r) repos.set(r[0], sub(`arn:\${AWS::Partition}:ecr:${r[2]}:${r[1]}:repository/${subLiteral(r[3]!)}`));
  }
  if (repos.size && !secretsOnly) {
    statements.push(allow(['ecr:GetAuthorizationToken'], ['*'], 'EcrLogin'));
    statements.push(allow(['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], [...repos.values()], 'PullImages'));
  }
  const byAction = new Map<string, Map<string, Json>>();
  for (const c of m.containers) {
    for (const s of c.secrets) {
      const r = secretResource(s);
      if (!r) continue;
      const set = byAction.get(r.action) ?? new Map<string, Json>();
      set.set(JSON.stringify(r.resource), r.resource);
      byAction.set(r.action, set);
    }
  }
  for (const [action, resources] of [...byAction].sort(([a], [b]) => (a < b ? -1 : 1))) {
    statements.push(allow([action], [...resources.values()], action.startsWith('ssm') ? 'ReadParameters' : 'ReadSecrets'));
  }
  return statements;
}
