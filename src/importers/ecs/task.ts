/**
 * An ECS task definition (RegisterTaskDefinition shape, or CloudFormation casing through the
 * field renamer) → the spec: containers, ports, env, secrets, logging, health, task size, roles.
 */
import type { Field } from '../fields.js';
import type { SpecDraft } from '../write.js';
import { capabilityList } from '../kubernetes/pod.js';
import { fitName, fitsEcsPattern } from '../names.js';
import { findEnvoy, readMeshedTask } from './appmesh.js';
import { healthCheckOf, readContainerStorage, readStopTimeouts, readTaskStorage, settleEssential, strings } from './task-storage.js';
import { LOG_ROUTER, loggingSpec, newLogState, readLog, readLogRouter, type LogState } from './logging.js';

type Json = Record<string, unknown>;

/** The X-Ray daemon image codegen pins (src/emitters/ecs/task.ts). */
const XRAY_IMAGE = 'public.ecr.aws/xray/aws-xray-daemon:3.3.12';

/** How values are read: literally (JSON) or through CloudFormation intrinsics (the template). */
export interface TaskReader {
  /** A literal string, or undefined (an intrinsic the reader does not resolve is left unread). */
  literal(f: Field): string | undefined;
  /** An intrinsic codegen writes itself (e.g. `Ref: AWS::Region`): marked, and the spec leaves the field out. */
  generated(f: Field): boolean;
  /** A whole value that is a parameter (`{Ref: P}` → `{ param: P }`); templates only. */
  param?(f: Field): Json | undefined;
}

export const JSON_READER: TaskReader = { literal: (f) => (typeof f.value === 'string' ? f.str() : undefined), generated: () => false };


/** `valueFrom` of an ECS secret → the spec's `aws` reference. */
export function secretRef(valueFrom: string): Json {
  const sm = /^(arn:aws[a-z-]*:secretsmanager:[^:]+:[^:]*:secret:[^:]+)(?::([^:]*):([^:]*):([^:]*))?$/.exec(valueFrom);
  if (sm) {
    return { secretsManager: sm[1], ...(sm[2] ? { jsonKey: sm[2] } : {}), ...(sm[3] ? { versionStage: sm[3] } : {}) };
  }
  if (/^arn:aws[a-z-]*:ssm:/.test(valueFrom) || valueFrom.startsWith('/')) return { ssm: valueFrom };
  return { ssm: valueFrom };
}

/** The main container: the first essential one with port mappings, else the first essential, else the first. */
function pickMain(containers: Field[]): { index: number; rule: string } {
  const essential = (c: Field) => c.get('essential').value !== false;
  let i = containers.findIndex((c) => essential(c) && Array.isArray(c.get('portMappings').value) && (c.get('portMappings').value as unknown[]).length > 0);
  if (i >= 0) return { index: i, rule: 'it is the first essential container with port mappings' };
  i = containers.findIndex(essential);
  if (i >= 0) return { index: i, rule: 'it is the first essential container (none has port mappings)' };
  return { index: 0, rule: 'it is the first container (none is essential)' };
}

/** A container's CPU units in the spec: millicores when they are exactly that many units (`256` → `250m`), else `N units`. */
function cpuMillis(units: number): string {
  return (units * 1000) % 1024 === 0 ? `${(units * 1000) / 1024}m` : `${units} units`;
}

/** privileged, linuxParameters.capabilities, no-new-privileges (and a sidecar's read-only root) → `security`. */
function containerSecurity(c: Field, main: boolean): Json | undefined {
  const out: Json = {};
  if (!main) {
    const ro = c.get('readonlyRootFilesystem').bool();
    if (ro !== undefined) out.readOnlyRootFilesystem = ro;
  }
  const privileged = c.get('privileged').bool();
  if (privileged !== undefined) out.privileged = privileged;
  const caps = c.get('linuxParameters', 'capabilities');
  const add = capabilityList(caps.get('add'));
  const drop = capabilityList(caps.get('drop'));
  if (add || drop) out.capabilities = { ...(add ? { add } : {}), ...(drop ? { drop } : {}) };
  const options = c.get('dockerSecurityOptions');
  if (Array.isArray(options.value) && options.value.length === 1 && options.value[0] === 'no-new-privileges') {
    options.use();
    out.allowPrivilegeEscalation = false;
  }
  return Object.keys(out).length ? out : undefined;
}

function readContainer(c: Field, main: boolean, r: TaskReader, out: Json, log: LogState, awsvpc: boolean, envoyWait = false): void {
  c.get('name').use();
  out.image = r.literal(c.get('image'));
  const essential = c.get('essential');
  if (main) essential.expect(true, 'essential');
  else {
    // Settled in readTaskDefinition: the default depends on which containers wait for this one.
    out.essential = essential.value !== false;
    essential.use();
  }
  out.entrypoint = strings(c.get('entryPoint'));
  out.command = strings(c.get('command'));
  const ports: Json[] = [];
  for (const pm of c.get('portMappings').items()) {
    const port = pm.get('containerPort').num();
    if (port === undefined) continue;
    const p: Json = { port };
    const name = pm.get('name').str();
    if (name !== undefined) p.name = name;
    const proto = pm.get('protocol').str();
    if (proto === 'udp') p.protocol = 'udp';
    const app = pm.get('appProtocol').str();
    if (app && app !== 'http') p.appProtocol = app;
    const host = pm.get('hostPort');
    if (!awsvpc && host.num() !== undefined) p.hostPort = host.value;
    else if (awsvpc) host.expect(port, 'hostPort');
    // The name codegen gives a port by default is left out.
    if (p.name === (p.protocol === 'udp' ? 'udp' : (p.appProtocol ?? 'http'))) delete p.name;
    if (name !== undefined) out.__serviceConnect = true;
    ports.push(p);
  }
  if (ports.length) out.ports = ports;
  const env: Json = {};
  for (const e of c.get('environment').items()) {
    const name = e.get('name').str();
    const value = e.get('value');
    if (name === undefined) continue;
    if (typeof value.value === 'string' || typeof value.value === 'number' || typeof value.value === 'boolean') env[name] = value.str();
    else if (value.isMap() && typeof (value.value as Json)['Fn::Sub'] === 'string') {
      r.literal(value); // declares the spec parameters the text uses (templates)
      env[name] = { ref: { cloudformation: value.get('Fn::Sub').str() } };
    }
    else if (r.param?.(value) !== undefined) env[name] = r.param(value);
  }
  if (Object.keys(env).length) out.env = env;
  const secrets: Json = {};
  for (const s of c.get('secrets').items()) {
    const name = s.get('name').str();
    const from = r.literal(s.get('valueFrom'));
    if (name !== undefined && from !== undefined) secrets[name] = { aws: secretRef(from) };
  }
  if (Object.keys(secrets).length) out.secrets = secrets;
  out.user = c.get('user').str();
  if (main) out.readOnlyRootFilesystem = c.get('readonlyRootFilesystem').bool();
  const security = containerSecurity(c, main);
  if (security) out.security = security;
  const deps: Json = {};
  const waits = c.get('dependsOn').items();
  waits.forEach((d, i) => {
    // The wait for Envoy the appmesh target adds last is decided with the rest of the mesh (readTaskDefinition).
    if (main && envoyWait && i === waits.length - 1 && isEnvoyWait(d)) return;
    const n = d.get('containerName').str();
    const cond = d.get('condition').str();
    if (n !== undefined && cond !== undefined) deps[n] = cond;
  });
  if (Object.keys(deps).length) out.dependsOn = deps;
  readContainerStorage(c, out);
  if (!main) {
    const hc = healthCheckOf(c.get('healthCheck'));
    if (hc) out.health = { container: hc };
  }
  const cpu = c.get('cpu').num();
  const memory = c.get('memory').num();
  const reservation = c.get('memoryReservation').num();
  if (cpu !== undefined || memory !== undefined || reservation !== undefined) {
    const limits: Json = {};
    if (cpu !== undefined) limits.cpu = cpuMillis(cpu);
    if (memory !== undefined) limits.memory = `${memory}Mi`;
    out.resources = { ...(reservation !== undefined ? { requests: { memory: `${reservation}Mi` } } : {}), ...(Object.keys(limits).length ? { limits } : {}) };
  }
  readLog(c, containerName(c, r), main, r, log);
}

/** A container's name; one from a stack parameter (`Ref`, `Fn::Sub`) in the spec's `${Name}` syntax. */
function containerName(c: Field, r: TaskReader): string {
  const v = c.get('name').value;
  if (typeof v === 'string') return v;
  const p = r.literal(c.get('name'));
  return typeof p === 'string' ? p : String(v);
}

/** `{containerName: envoy, condition: HEALTHY}`: the wait the appmesh target adds to the main container. */
function isEnvoyWait(d: Field): boolean {
  return d.get('containerName').value === 'envoy' && d.get('condition').value === 'HEALTHY';
}

/**
 * EC2: whether the task-level cpu and memory are what codegen derives from the containers (the
 * sums where a container sets them, cpu at least 128 units, and left out where none does), so the
 * spec leaves them out (src/model/normalize/resources.ts).
 */
function derivedEc2Size(td: Field, cpu: number | undefined, memory: number | undefined): boolean {
  let cpuSum = 0;
  let memSum = 0;
  let anyCpu = false;
  let anyMem = false;
  for (const c of td.get('containerDefinitions').items()) {
    const cu = c.get('cpu').value;
    const mm = c.get('memory').value ?? c.get('memoryReservation').value;
    if (typeof cu === 'number' && cu > 0) (cpuSum += cu), (anyCpu = true);
    if (typeof mm === 'number') (memSum += mm), (anyMem = true);
  }
  if (!anyCpu && !anyMem) return false;
  const wantCpu = anyCpu ? Math.max(cpuSum, 128) : undefined;
  const wantMem = anyMem ? memSum : undefined;
  return cpu === wantCpu && memory === wantMem;
}

const REGION = '[a-z]{2}(?:-[a-z]+)+-[0-9]';

/**
 * No awslogs region: the region of an ECR image host, else of a regional ARN in the task
 * definition (codegen writes awslogs logging, which needs one). Reported either way.
 */
function regionFromInput(td: Field, imageRefs: unknown[], spec: Json, needed: boolean): void {
  const images = imageRefs.filter((v): v is string => typeof v === 'string');
  const ecr = images.map((i) => new RegExp(`^[0-9]{12}\\.dkr\\.ecr\\.(${REGION})\\.amazonaws\\.com/`).exec(i)?.[1]).find(Boolean);
  const arn = new RegExp(`arn:aws[a-z-]*:[a-z0-9-]+:(${REGION}):`).exec(JSON.stringify(td.value))?.[1];
  const region = ecr ?? arn;
  if (region) {
    spec.region = region;
    td.note(`The task definition names no literal awslogs region; region ${region} is taken from ${ecr ? 'the ECR image host' : 'an ARN in it'} (codegen writes awslogs logging with a literal region in the task definition JSON).`);
  } else if (needed) {
    td.tracker.report(td.path, 'IMPORT_NO_REGION', 'warning', 'The task definition names no region (no awslogs region, no ECR image host, no regional ARN); codegen writes awslogs logging, which needs one.', 'set region in the imported spec');
  }
}

export interface TaskImport {
  name: string;
  /** Containers codegen adds itself that were found (the X-Ray daemon). */
  xray: boolean;
}

/** Read a task definition into `draft`; `root` is the RegisterTaskDefinition object (or the CloudFormation Properties). */
/** The task definition's tags are the spec's labels: codegen tags every ECS resource it writes with them. */
function readLabels(td: Field, spec: Json): void {
  const labels: Json = {};
  for (const t of td.get('tags').items()) {
    const k = t.get('key').str();
    const v = t.get('value').str();
    if (k !== undefined && v !== undefined) labels[k] = v;
  }
  if (Object.keys(labels).length) spec.labels = labels;
}

export function readTaskDefinition(td: Field, draft: SpecDraft, r: TaskReader): void {
  const spec = draft.spec;
  const ecs = ((spec.targets as Json).ecs ??= {}) as Json;
  // A literal, or text over spec parameters (`${App}-TaskDef`) in a template.
  const family = r.literal(td.get('family'));
  if (family !== undefined && family !== spec.name) ecs.family = family;
  const networkMode = td.get('networkMode').str() ?? 'bridge';
  if (networkMode !== 'awsvpc') ecs.networkMode = networkMode;
  if (!td.get('networkMode').exists) td.note('No networkMode: ECS defaults to bridge, and so does the spec written here.');
  const compat = td.get('requiresCompatibilities');
  const launch = Array.isArray(compat.value) ? (compat.value as unknown[]) : [];
  if (launch.length === 1 && launch[0] === 'EC2') (ecs.launchType = 'EC2'), compat.use();
  else if (launch.length === 1 && launch[0] === 'FARGATE') compat.use();
  else if (launch.length && launch.every((l) => typeof l === 'string') && (launch.includes('FARGATE') || launch.includes('EC2'))) {
    // Several launch types: the list is carried; the service runs it on Fargate when it may.
    ecs.requiresCompatibilities = compat.take();
    if (!launch.includes('FARGATE')) ecs.launchType = 'EC2';
  } else if (launch.length) compat.drop('no-form', `requiresCompatibilities ${JSON.stringify(launch)}: the service runs a task on FARGATE or EC2, and this list names neither; FARGATE is written.`);
  else {
    // No launch type named: ECS validates the task definition for EC2, and so does the spec written here.
    ecs.launchType = 'EC2';
    ecs.requiresCompatibilities = [];
  }
  const cpu = td.get('cpu');
  const memory = td.get('memory');
  const fargate = ecs.launchType !== 'EC2';
  const cpuValue = cpu.num();
  const memValue = memory.num();
  if (!(fargate && cpuValue === 256 && memValue === 512) && !(!fargate && derivedEc2Size(td, cpuValue, memValue))) {
    if (cpuValue !== undefined) ecs.cpu = cpuValue;
    if (memValue !== undefined) ecs.memory = memValue;
  }
  const rp = td.get('runtimePlatform');
  ecs.cpuArchitecture = rp.get('cpuArchitecture').str();
  ecs.operatingSystem = rp.get('operatingSystemFamily').str();
  for (const k of ['executionRoleArn', 'taskRoleArn']) {
    const f = td.get(k);
    if (r.generated(f)) continue;
    const arn = r.literal(f);
    // A placeholder account (`arn:aws:iam::XXXXXXXXXXXX:role/...`) is no ARN the spec takes.
    if (arn !== undefined && !fitsEcsPattern(k, arn)) f.drop('changed', `${k} ${JSON.stringify(arn)} is not an IAM role ARN (a 12-digit account ID, or parameters); it is not carried, so codegen's template creates the role.`, 'write the real ARN in targets.ecs');
    else ecs[k] = arn;
  }
  const containers = td.get('containerDefinitions').items();
  const xrayIndex = containers.findIndex((c) => c.get('name').value === 'xray-daemon');
  const routerIndex = containers.findIndex((c) => c.get('firelensConfiguration').exists && c.get('name').value === LOG_ROUTER);
  const meshed = findEnvoy(td, containers);
  const candidates = containers.filter((c, i) => i !== xrayIndex && i !== routerIndex && c !== meshed?.envoy);
  const { index, rule } = pickMain(candidates);
  const main = candidates[index];
  if (!main) return;
  const awsvpc = networkMode === 'awsvpc';
  const log = newLogState();
  const mainOut: Json = {};
  readContainer(main, true, r, mainOut, log, awsvpc, meshed !== undefined);
  const mainName = containerName(main, r);
  const specMain = fitName(mainName, 'containerName', main.get('name'));
  if (specMain !== 'app') spec.containerName = specMain;
  const renamed = new Map([[mainName, specMain]]);
  if (mainOut.__serviceConnect) {
    // Port names and appProtocol in a task definition are what ECS Service Connect reads.
    delete mainOut.__serviceConnect;
    const service = (ecs.service ??= {}) as Json;
    service.serviceConnect ??= {};
    draft.comments.push({ path: ['targets', 'ecs', 'service'], text: 'The ports are named for ECS Service Connect; set serviceConnect.namespace unless the cluster has a default namespace.' });
  }
  Object.assign(spec, mainOut);
  // codegen tags the task definition (and every resource of its template) with the spec's labels.
  const labels: Json = {};
  for (const tag of td.get('tags').items()) {
    const k = tag.get('key').str();
    const v = tag.get('value').str();
    if (k !== undefined && v !== undefined) labels[k] = v;
  }
  if (Object.keys(labels).length) spec.labels = labels;
  if (spec.image === undefined) {
    // The image comes from somewhere the spec cannot say (a parameter without a Default): a stated placeholder.
    spec.image = `${String(spec.name)}:latest`;
    main.get('image').tracker.report(main.get('image').path, 'IMPORT_PLACEHOLDER', 'warning', `The image is ${JSON.stringify(main.get('image').value)}, not a literal; the spec needs one, so image is written as ${String(spec.image)} — replace it.`);
    draft.comments.push({ path: ['image'], text: 'Placeholder: the source gives the image at deploy time; write the image reference here.' });
  }
  if (candidates.length > 1) {
    main.get('name').note(`${candidates.length} containers: ${mainName} is the main one because ${rule}; the others become sidecars.`, 'IMPORT_MAIN_CONTAINER');
    draft.comments.push({ path: ['image'], text: `${mainName} is the main container because ${rule}; the others are sidecars.` });
  }
  const sidecars: Json = {};
  candidates.forEach((c, i) => {
    if (i === index) return;
    const out: Json = {};
    readContainer(c, false, r, out, log, awsvpc);
    delete out.__serviceConnect;
    const n = String(c.get('name').value);
    renamed.set(n, fitName(n, 'sidecars', c.get('name')));
    sidecars[renamed.get(n)!] = out;
  });
  for (const sc of Object.values(sidecars) as Json[]) {
    if (sc.dependsOn) sc.dependsOn = Object.fromEntries(Object.entries(sc.dependsOn as Json).map(([k, v]) => [renamed.get(k) ?? k, v]));
  }
  if (Object.keys(sidecars).length) spec.sidecars = sidecars;
  if (xrayIndex >= 0) {
    const x = containers[xrayIndex]!;
    spec.tracing = { xray: true };
    x.get('name').use();
    const image = r.literal(x.get('image'));
    if (image !== XRAY_IMAGE) ecs.xrayDaemonImage = image;
    x.get('essential').expect(false, 'essential');
    const xp = x.get('portMappings');
    if (xp.items().length === 1) xp.get(0, 'containerPort').expect(2000, 'The X-Ray daemon port'), xp.get(0, 'protocol').expect('udp', 'The X-Ray daemon protocol');
    readLog(x, 'xray-daemon', false, r, log);
    x.get('name').note('The xray-daemon container is read as tracing.xray: true (codegen adds it back).');
  }
  if (routerIndex >= 0) readLogRouter(containers[routerIndex]!, r, log);
  if (meshed && !readMeshedTask(meshed, td, main, spec, log, r)) {
    // Not exactly what the appmesh target writes: Envoy stays a sidecar (and the main container's wait for it).
    const out: Json = {};
    readContainer(meshed.envoy, false, r, out, log, awsvpc);
    delete out.__serviceConnect;
    sidecars.envoy = out;
    spec.sidecars = sidecars;
    const wait = main.get('dependsOn').items().at(-1);
    if (wait && isEnvoyWait(wait)) (wait.use(), (spec.dependsOn = { ...((spec.dependsOn as Json | undefined) ?? {}), envoy: 'HEALTHY' }));
  }
  if (spec.dependsOn) spec.dependsOn = Object.fromEntries(Object.entries(spec.dependsOn as Json).map(([k, v]) => [renamed.get(k) ?? k, v]));
  if (log.region) spec.region = log.region;
  else if (r.param && log.any) {
    // A template without a literal region deploys wherever its stack does (awslogs-region Ref
    // AWS::Region): the task definition JSON, which needs a literal, is not written. Without any
    // log configuration nothing in the task definition needs a region.
    ecs.taskDefinitionJson = false;
    td.note('No literal awslogs region: the template takes the stack\'s region (Ref AWS::Region), so the imported spec writes no task definition JSON (targets.ecs.taskDefinitionJson: false), which would need a literal one.');
  } else regionFromInput(td, [spec.image, ...Object.values((spec.sidecars as Record<string, Json> | undefined) ?? {}).map((c) => c.image)], spec, log.any);
  spec.logging = loggingSpec(log, String(spec.name));
  const hc = healthCheckOf(main.get('healthCheck'));
  if (hc) ((spec.health ??= {}) as Json).container = hc;
  settleEssential(spec, sidecars);
  readStopTimeouts(main, candidates.filter((c) => c !== main), spec, ecs);
  readTaskStorage(td, spec);
  readLabels(td, spec);
  if (containers.some((c) => ['cpu', 'memory', 'memoryReservation'].some((k) => c.get(k).exists))) ecs.containerResources = true;
}
