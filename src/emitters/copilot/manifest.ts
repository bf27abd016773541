/**
 * `copilot:manifest` — `copilot/<service>/manifest.yml` for the AWS Copilot CLI (legacy: end of
 * support 2026-06-12; the schema is frozen at v1.34). Load Balanced Web Service, Backend Service or
 * Worker Service; the spec's environments become `environments:` overrides holding only the fields
 * that differ from the base. What Copilot cannot express is reported, never silently dropped.
 * @see https://aws.github.io/copilot-cli/docs/manifest/lb-web-service/ (ANCHORS §4.7)
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import { formatDuration } from '../../core/units.js';
import type { ContainerModel, SecretModel, ServiceModel } from '../../model/types.js';
import { secretValueFrom } from '../common/aws-secrets.js';
import { reportDeprecation } from '../common/legacy.js';
import { defineEmitter } from '../types.js';
import { copilotLogging } from './logging.js';
import { extraNlb, httpExtras, httpPlacement, nlb } from './traffic.js';
import { reportSecurityNotCarried } from './security.js';
import { dependsOn, mountPoints, reportLifecycleNotCarried, storage } from './storage.js';

type Report = (d: DiagnosticInput) => void;
export type CopilotType = 'Load Balanced Web Service' | 'Backend Service' | 'Worker Service';

const LBWS: CopilotType = 'Load Balanced Web Service';
/** ECS API defaults; Copilot's own container health defaults differ (10s, 2 retries), so we write them. */
const ECS_HEALTH_DEFAULTS = { intervalSeconds: 30, timeoutSeconds: 5, retries: 3 };

export function copilotType(m: ServiceModel): CopilotType {
  return m.targets.copilot.type ?? (m.expose?.public ? LBWS : 'Backend Service');
}

function containerHealth(h: ServiceModel['health']['container']): JsonObject | undefined {
  if (!h) return undefined;
  const out: JsonObject = {
    command: h.command,
    interval: formatDuration(h.intervalSeconds ?? ECS_HEALTH_DEFAULTS.intervalSeconds),
    retries: h.retries ?? ECS_HEALTH_DEFAULTS.retries,
    timeout: formatDuration(h.timeoutSeconds ?? ECS_HEALTH_DEFAULTS.timeoutSeconds),
  };
  if (h.startPeriodSeconds !== undefined) out.start_period = formatDuration(h.startPeriodSeconds);
  return out;
}

function trafficHealth(m: ServiceModel): JsonObject | undefined {
  const t = m.health.traffic;
  if (!t) return undefined;
  const hc: JsonObject = {};
  if (t.path !== undefined) hc.path = t.path;
  if (t.port !== undefined) hc.port = t.port;
  if (t.successCodes !== undefined) hc.success_codes = t.successCodes;
  if (t.healthyThreshold !== undefined) hc.healthy_threshold = t.healthyThreshold;
  if (t.unhealthyThreshold !== undefined) hc.unhealthy_threshold = t.unhealthyThreshold;
  if (t.intervalSeconds !== undefined) hc.interval = formatDuration(t.intervalSeconds);
  if (t.timeoutSeconds !== undefined) hc.timeout = formatDuration(t.timeoutSeconds);
  if (t.gracePeriodSeconds !== undefined) hc.grace_period = formatDuration(t.gracePeriodSeconds);
  return Object.keys(hc).length ? hc : undefined;
}

function http(m: ServiceModel, type: CopilotType, report: Report): JsonObject | undefined {
  const e = m.expose;
  if (type === 'Worker Service') {
    if (e) report({ code: 'COPILOT_WORKER_EXPOSE', severity: 'warning', message: 'A Copilot Worker Service takes no inbound traffic; expose was not written.', path: ['expose'] });
    return undefined;
  }
  if (!e && type === 'Backend Service') return undefined;
  if (e && type === LBWS && !e.public) {
    report({ code: 'COPILOT_LBWS_INTERNAL', severity: 'warning', message: 'A Load Balanced Web Service is internet-facing; expose.public: false cannot be written (use type Backend Service for an internal load balancer).', path: ['expose', 'public'] });
  }
  if (e?.public && type === 'Backend Service') {
    report({ code: 'COPILOT_BACKEND_PUBLIC', severity: 'warning', message: 'A Backend Service is reachable only inside the environment (internal load balancer); expose.public: true cannot be written.', path: ['expose', 'public'] });
  }
  const out: JsonObject = { path: e?.path ?? '/' };
  // The target group's protocol version, as the ECS target sets it (ProtocolVersion GRPC / HTTP2).
  const version = e?.port.appProtocol === 'grpc' || m.health.traffic?.protocol === 'GRPC' ? 'grpc' : e?.port.appProtocol === 'http2' ? 'http2' : undefined;
  if (version) out.version = version;
  const hc = trafficHealth(m);
  if (hc) out.healthcheck = hc;
  if (e && e.hosts.length) out.alias = e.hosts.length === 1 ? e.hosts[0]! : e.hosts;
  if (e?.tls) {
    if (e.tls.certificateArn !== undefined || e.tls.policy !== undefined) {
      report({ code: 'COPILOT_TLS_IN_ENVIRONMENT', severity: 'warning', message: 'Copilot sets certificates and SSL policies in the environment manifest; expose.tls.certificateArn/policy were not written.', path: ['expose', 'tls'] });
    }
    if (!e.tls.redirect) out.redirect_to_https = false;
  }
  return out;
}

/** A Copilot `secrets` value: SSM name or ARN string, `{secretsmanager: 'name[:jsonKey:stage:]'}`, or a Secrets Manager ARN. */
function secretValue(s: SecretModel, report: Report): Json | undefined {
  const a = s.aws;
  if (!a) {
    report({ code: 'COPILOT_SECRET_NO_AWS', severity: 'warning', message: `Secret ${s.name} has no aws reference; Copilot cannot inject it and it was not written.`, path: s.path });
    return undefined;
  }
  if (a.store === 'ssm' || a.isArn) return secretValueFrom(s, report);
  const suffix = a.jsonKey !== undefined || a.versionStage !== undefined ? `:${a.jsonKey ?? ''}:${a.versionStage ?? ''}:` : '';
  return { secretsmanager: `${a.ref}${suffix}` };
}

function variables(c: ContainerModel, report: Report): JsonObject | undefined {
  const out: JsonObject = {};
  for (const e of c.env) {
    if (e.value.kind === 'value') out[e.name] = e.value.value;
    else if (e.value.copilot !== undefined) out[e.name] = { from_cfn: e.value.copilot };
    else report({ code: 'COPILOT_ENV_REF_MISSING', severity: 'warning', message: `${e.name} is a reference without a copilot export name (from_cfn); it was not written.`, path: [...e.path, 'ref'] });
  }
  return Object.keys(out).length ? out : undefined;
}

function secrets(c: ContainerModel, report: Report): JsonObject | undefined {
  const out: JsonObject = {};
  for (const s of c.secrets) {
    const v = secretValue(s, report);
    if (v !== undefined) out[s.name] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function count(m: ServiceModel, report: Report): Json | undefined {
  const a = m.autoscaling;
  const spotFrom = m.targets.copilot.spotFrom;
  if (!a) {
    if (spotFrom === undefined) return m.replicas;
    // count.spot runs every task on Fargate Spot; a later start has no form without autoscaling.
    if (spotFrom === 1) return { spot: m.replicas ?? 1 };
    report({ code: 'COPILOT_SPOT_FROM_FIXED_COUNT', severity: 'warning', message: `Without autoscaling Copilot runs every task on Fargate Spot (count.spot) or none; spotFrom ${spotFrom} cannot be written, so the tasks run on Fargate.`, hint: 'use spotFrom: 1, or autoscaling (count.range.spot_from)', path: ['targets', 'copilot', 'spotFrom'] });
    return m.replicas;
  }
  const out: JsonObject = { range: spotFrom !== undefined ? { min: a.min, max: a.max, spot_from: spotFrom } : `${a.min}-${a.max}` };
  if (a.cpuPercent !== undefined) out.cpu_percentage = a.cpuPercent;
  if (a.memoryPercent !== undefined) out.memory_percentage = a.memoryPercent;
  if (a.requestsPerTarget !== undefined) out.requests = a.requestsPerTarget;
  if (a.responseTimeSeconds !== undefined) out.response_time = formatDuration(a.responseTimeSeconds);
  for (const key of ['steps', 'schedule'] as const) {
    if (a[key].length) {
      report({ code: 'COPILOT_SCALING_NOT_CARRIED', severity: 'warning', message: `Copilot scales on target tracking only (cpu, memory, requests, response time); autoscaling.${key} ${key === 'steps' ? '(step scaling on alarms)' : '(scheduled capacity)'} was not written (the ECS target writes it).`, path: ['autoscaling', key] });
    }
  }
  if (a.scaleInCooldownSeconds !== undefined || a.scaleOutCooldownSeconds !== undefined) {
    const cd: JsonObject = {};
    if (a.scaleInCooldownSeconds !== undefined) cd.in = formatDuration(a.scaleInCooldownSeconds);
    if (a.scaleOutCooldownSeconds !== undefined) cd.out = formatDuration(a.scaleOutCooldownSeconds);
    out.cooldown = cd;
  }
  return out;
}

function deployment(m: ServiceModel, report: Report): JsonObject | undefined {
  const d = m.deployment;
  if (d.strategy !== 'rolling') {
    report({ code: 'COPILOT_DEPLOYMENT_STRATEGY', severity: 'warning', message: `Copilot deploys with ECS rolling updates only; the ${d.strategy} strategy was not written (the ECS target supports it).`, path: ['deployment', 'strategy'] });
  } else if (d.rolling.maxSurge !== undefined || d.rolling.maxUnavailable !== undefined) {
    report({ code: 'COPILOT_ROLLING_SHAPE', severity: 'warning', message: 'Copilot offers rolling: default (100% healthy, up to 200%) or recreate; maxSurge/maxUnavailable were not written.', hint: 'choose targets.copilot.rolling', path: ['deployment', 'rolling'] });
  }
  if (!d.rollbackOnFailure) {
    report({ code: 'COPILOT_ROLLBACK_ALWAYS', severity: 'warning', message: 'Copilot always rolls back a failed deployment (circuit breaker); rollbackOnFailure: false was not written.', path: ['deployment', 'rollbackOnFailure'] });
  }
  const rolling = m.targets.copilot.rolling;
  const out: JsonObject = {};
  if (rolling) out.rolling = rolling;
  if (d.rollbackAlarms.length) out.rollback_alarms = [...d.rollbackAlarms];
  return Object.keys(out).length ? out : undefined;
}

/** `network`: Service Connect, and where the tasks run (`vpc.placement`, `vpc.security_groups`). */
function network(m: ServiceModel, report: Report): JsonObject | undefined {
  const t = m.targets.copilot;
  const out: JsonObject = {};
  if (t.connect !== undefined) out.connect = t.connect;
  const vpc: JsonObject = {};
  if (t.placement !== undefined && t.subnets !== undefined) {
    report({ code: 'COPILOT_PLACEMENT_TWICE', severity: 'error', message: 'placement (public or private subnets) and subnets both say where the tasks run; give one.', path: ['targets', 'copilot', 'subnets'] });
  }
  if (t.subnets !== undefined) vpc.placement = { subnets: [...t.subnets] };
  else if (t.placement !== undefined) vpc.placement = t.placement;
  if (t.denyDefaultSecurityGroup) vpc.security_groups = { deny_default: true, ...(t.securityGroups ? { groups: [...t.securityGroups] } : {}) };
  else if (t.securityGroups !== undefined) vpc.security_groups = [...t.securityGroups];
  if (Object.keys(vpc).length) out.vpc = vpc;
  return Object.keys(out).length ? out : undefined;
}

function sidecars(m: ServiceModel, report: Report): JsonObject | undefined {
  const out: JsonObject = {};
  for (const c of m.containers.filter((x) => !x.main)) {
    const s: JsonObject = { image: c.image, essential: c.essential };
    const port = c.ports[0];
    if (port) s.port = port.protocol === 'udp' ? `${port.port}/udp` : String(port.port);
    if (c.ports.length > 1) report({ code: 'COPILOT_SIDECAR_PORTS', severity: 'warning', message: `A Copilot sidecar exposes one port; only ${c.ports[0]!.port} of sidecar ${c.name} was written.`, path: [...c.path, 'ports'] });
    if (c.entrypoint) s.entrypoint = c.entrypoint;
    if (c.command) s.command = c.command;
    const v = variables(c, report);
    if (v) s.variables = v;
    const sec = secrets(c, report);
    if (sec) s.secrets = sec;
    const mp = mountPoints(m, c);
    if (mp) s.mount_points = mp;
    const deps = dependsOn(c);
    if (deps) s.depends_on = deps;
    const hc = containerHealth(c.health?.container);
    if (hc) s.healthcheck = hc;
    out[c.name] = s;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * `image.build`: the Dockerfile path, or the map in Copilot's order and names.
 * @see https://aws.github.io/copilot-cli/docs/include/image-config/ (image.build String or Map)
 */
function buildOf(b: NonNullable<ServiceModel['targets']['copilot']['build']>): Json {
  if (typeof b === 'string') return b;
  const out: JsonObject = {};
  if (b.dockerfile !== undefined) out.dockerfile = b.dockerfile;
  if (b.context !== undefined) out.context = b.context;
  if (b.target !== undefined) out.target = b.target;
  if (b.cacheFrom !== undefined) out.cache_from = [...b.cacheFrom];
  if (b.args !== undefined) out.args = { ...b.args };
  return out;
}

/** Every field an `environments.<env>` block may override, in manifest order. */
export function manifestBody(m: ServiceModel, type: CopilotType, report: Report): JsonObject {
  const t = m.targets.copilot;
  const body: JsonObject = {};
  const image: JsonObject = t.build !== undefined ? { build: buildOf(t.build) } : { location: m.main.image };
  const port = m.expose?.port ?? m.main.ports[0];
  if (port && type !== 'Worker Service') image.port = port.port;
  const hc = containerHealth(m.health.container);
  if (hc) image.healthcheck = hc;
  const deps = dependsOn(m.main);
  if (deps) image.depends_on = deps;
  body.image = image;
  if (m.main.entrypoint) body.entrypoint = m.main.entrypoint;
  if (m.main.command) body.command = m.main.command;
  if (m.expose?.loadBalancer === 'network' && type !== 'Worker Service') {
    if (type === LBWS) {
      // An NLB-only Load Balanced Web Service switches the ALB off.
      body.http = false;
      body.nlb = nlb(m, report);
      if (m.targets.copilot.nlb) report({ code: 'COPILOT_NLB_NOT_WRITTEN', severity: 'warning', message: 'expose.loadBalancer: network already makes the service\'s nlb; targets.copilot.nlb (a second load balancer next to an HTTP one) was not written.', path: ['targets', 'copilot', 'nlb'] });
    } else report({ code: 'COPILOT_BACKEND_NLB', severity: 'warning', message: 'A Copilot Backend Service has no network load balancer (nlb is a Load Balanced Web Service field); expose was not written.', path: ['expose', 'loadBalancer'] });
  } else {
    const h = http(m, type, report);
    if (h) {
      httpExtras(m, h, report);
      body.http = h;
    }
    const second = extraNlb(m);
    if (second && type === LBWS && h) body.nlb = second;
    else if (second) report({ code: 'COPILOT_NLB_NOT_WRITTEN', severity: 'warning', message: `targets.copilot.nlb is a Network Load Balancer next to the HTTP one of a Load Balanced Web Service; this ${type}${type === LBWS ? ' has no HTTP load balancer (expose)' : ''} has none, so it was not written.`, path: ['targets', 'copilot', 'nlb'] });
  }
  httpPlacement(m, body.http && typeof body.http === 'object' && !Array.isArray(body.http) ? body.http : undefined, report);
  body.cpu = m.taskSize.cpu;
  body.memory = m.taskSize.memory;
  const c = count(m, report);
  if (c !== undefined) body.count = c;
  if (t.exec !== undefined) body.exec = t.exec;
  const n = network(m, report);
  if (n) body.network = n;
  const v = variables(m.main, report);
  if (v) body.variables = v;
  if (t.envFile !== undefined) body.env_file = t.envFile;
  const s = secrets(m.main, report);
  if (s) body.secrets = s;
  const st = storage(m, report);
  if (st) body.storage = st;
  const logging = copilotLogging(m, report);
  if (logging) body.logging = logging;
  const sc = sidecars(m, report);
  if (sc) body.sidecars = sc;
  const d = deployment(m, report);
  if (d) body.deployment = d;
  if (t.publish) {
    body.publish = {
      topics: t.publish.map((p) => ({ name: p.name, ...(p.fifo !== undefined ? { fifo: typeof p.fifo === 'boolean' ? p.fifo : p.fifo.contentBasedDeduplication !== undefined ? { content_based_deduplication: p.fifo.contentBasedDeduplication } : true } : {}) })),
    };
  }
  if (m.tracing.xray) body.observability = { tracing: 'awsxray' };
  reportSecurityNotCarried(m, report);
  reportLifecycleNotCarried(m, report);
  const labels = Object.keys(m.labels).sort();
  if (labels.length) {
    // Only the Request-Driven Web Service manifest has `tags`; the others take resource tags at deploy time.
    report({ code: 'COPILOT_LABELS', severity: 'warning', message: `A ${copilotType(m)} manifest has no tags; the labels (${labels.join(', ')}) were not written (target copilot).`, hint: `deploy with copilot svc deploy --resource-tags ${labels.map((k) => `${k}=${m.labels[k]}`).join(',')}`, path: m.origin(['labels']) });
  }
  if (m.main.user !== undefined) report({ code: 'COPILOT_USER', severity: 'warning', message: 'Copilot has no field for the container user; user was not written (set USER in the Dockerfile).', path: ['user'] });
  return body;
}

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** What `env` changes relative to `base`, as a Copilot override (maps recurse, everything else replaces). */
export function overrideDiff(base: JsonObject, env: JsonObject, removed: string[], at = ''): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(env)) {
    const b = Object.hasOwn(base, k) ? base[k] : undefined;
    if (isObject(v) && isObject(b)) {
      const d = overrideDiff(b, v, removed, `${at}${k}.`);
      if (Object.keys(d).length) out[k] = d;
    } else if (JSON.stringify(v) !== JSON.stringify(b)) out[k] = v;
  }
  for (const k of Object.keys(base)) if (!Object.hasOwn(env, k)) removed.push(`${at}${k}`);
  return out;
}

export default defineEmitter({
  name: 'copilot:manifest',
  target: 'copilot',
  description: 'AWS Copilot service manifest: Load Balanced Web, Backend or Worker Service, with environment overrides (legacy).',
  emit(model, ctx) {
    reportDeprecation(model, ctx, {
      target: 'copilot',
      code: 'COPILOT_DEPRECATED',
      message: 'The AWS Copilot CLI reached end of support on 2026-06-12; this target is legacy output for migration.',
      hint: 'deploy with the ECS target, task definition and ECS CloudFormation, or with ECS Express Mode, see docs/targets/copilot.md',
    });
    const report: Report = (d) => ctx.report(d);
    const type = copilotType(model);
    const body = manifestBody(model, type, report);
    const manifest: JsonObject = { name: model.name, type, ...body };
    const environments: JsonObject = {};
    for (const [name, envModel] of ctx.environments()) {
      const removed: string[] = [];
      const diff = overrideDiff(body, manifestBody(envModel, type, () => undefined), removed);
      if (envModel.name !== model.name || copilotType(envModel) !== type) {
        ctx.report({ code: 'COPILOT_ENV_IDENTITY', severity: 'warning', message: `Environment ${name} changes the service name or workload type, which a Copilot environment override cannot; the change was not written.`, path: ['environments', name] });
      }
      if (removed.length) {
        ctx.report({ code: 'COPILOT_ENV_REMOVAL', severity: 'warning', message: `Environment ${name} removes ${removed.join(', ')}, which a Copilot override cannot express; the base value applies there.`, path: ['environments', name] });
      }
      if (Object.keys(diff).length) environments[name] = diff;
    }
    if (Object.keys(environments).length) manifest.environments = environments;
    return [{ path: `copilot/${model.name}/manifest.yml`, format: 'yaml', kind: 'copilot-manifest', emitter: 'copilot:manifest', documents: [manifest] }];
  },
});
