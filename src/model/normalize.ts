/**
 * Spec → model, once: overlays merged (environment, then target), defaults filled, units
 * converted, names derived, references resolved. Every problem becomes a diagnostic with the
 * spec path where the offending value was written.
 */
import type { Diagnostic, DiagnosticInput, SpecPath } from '../core/diagnostics.js';
import { getPath, hasPath, mergePatch } from '../core/merge.js';
import { millisToCpuUnits, parseCpuMillis, parseDurationSeconds, parseGb, parseMemory, parseVcpu } from '../core/units.js';
import { isFargateSize, nearestFargateSizes, smallestFargateSize } from '../data/fargate.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Probe, Resources, Secret, Sidecar } from '../schema/spec.generated.js';
import {
  DEFAULT_TARGETS,
  TARGETS,
  type Amounts,
  type ContainerModel,
  type DeploymentModel,
  type EnvVarModel,
  type HealthModel,
  type IntOrPercent,
  type PortModel,
  type ProbeHandler,
  type ProbeModel,
  type ResourcesModel,
  type SecretModel,
  type ServiceModel,
  type TargetName,
  type TaskSizeModel,
} from './types.js';

export type { ServiceSpec };

/** Core keys that may be overridden under `targets.<t>` (everything else there is target-specific). */
const CORE_KEYS = new Set([
  'name', 'description', 'region', 'image', 'containerName', 'command', 'entrypoint', 'ports', 'resources', 'replicas',
  'autoscaling', 'env', 'secrets', 'health', 'expose', 'deployment', 'logging', 'tracing', 'sidecars', 'user',
  'readOnlyRootFilesystem', 'labels', 'platform',
]);

type Report = (d: DiagnosticInput & { path: SpecPath }) => void;

export interface ResolvedSpec {
  /** The spec with the environment overlay applied (targets sections kept). */
  spec: ServiceSpec;
  environment?: string;
  origin: (path: SpecPath) => SpecPath;
}

/** Apply `environments.<env>` over the base spec. */
export function applyEnvironment(raw: ServiceSpec, env: string | undefined, report: Report): ResolvedSpec | undefined {
  const { environments, ...base } = raw;
  if (!env) return { spec: base as ServiceSpec, origin: (p) => p };
  const overlay = environments?.[env];
  if (overlay === undefined) {
    const names = Object.keys(environments ?? {});
    report({
      code: 'UNKNOWN_ENVIRONMENT',
      severity: 'error',
      message: `No environment "${env}" in the spec${names.length ? `; it defines ${names.map((n) => `"${n}"`).join(', ')}` : ''}.`,
      path: environments ? ['environments'] : [],
    });
    return undefined;
  }
  const spec = mergePatch(base, overlay) as ServiceSpec;
  return {
    spec,
    environment: env,
    origin: (p) => (hasPath(overlay, p) ? ['environments', env, ...p] : p),
  };
}

/** Resolve the view of a spec for one target: core fields under `targets.<t>` override the base. */
export function resolveTarget(resolved: ResolvedSpec, target: TargetName): ResolvedSpec {
  const section = (resolved.spec.targets as Record<string, Record<string, unknown> | undefined> | undefined)?.[target];
  if (!section) return resolved;
  const coreOverride: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(section)) if (CORE_KEYS.has(k)) coreOverride[k] = v;
  if (Object.keys(coreOverride).length === 0) return resolved;
  const spec = mergePatch(resolved.spec, coreOverride) as ServiceSpec;
  return {
    spec,
    ...(resolved.environment ? { environment: resolved.environment } : {}),
    origin: (p) => (p.length > 0 && CORE_KEYS.has(String(p[0])) && hasPath(coreOverride, p) ? resolved.origin(['targets', target, ...p]) : resolved.origin(p)),
  };
}

/** Which targets a spec enables (sections present), in canonical order. */
export function enabledTargets(spec: ServiceSpec): TargetName[] {
  if (!spec.targets) return [...DEFAULT_TARGETS];
  return TARGETS.filter((t) => (spec.targets as Record<string, unknown>)[t] !== undefined);
}

/** Build the model for one target from a resolved spec. */
export function normalize(resolved: ResolvedSpec, target: TargetName, report: Report): ServiceModel {
  const spec = resolved.spec;
  const at = (p: SpecPath) => resolved.origin(p);
  const rep = (d: DiagnosticInput & { path: SpecPath }) => report({ ...d, path: at(d.path) });

  for (const key of ['health', 'deployment', 'autoscaling'] as const) checkDurations(spec[key], [key], rep);
  const mainPorts = normalizePorts(spec.ports ?? [], ['ports'], rep);
  const mainName = spec.containerName ?? 'app';
  const main: ContainerModel = {
    name: mainName,
    image: spec.image,
    essential: true,
    main: true,
    ...(spec.command ? { command: [...spec.command] } : {}),
    ...(spec.entrypoint ? { entrypoint: [...spec.entrypoint] } : {}),
    ports: mainPorts,
    resources: normalizeResources(spec.resources, ['resources'], rep),
    env: normalizeEnv(spec.env, ['env']),
    secrets: normalizeSecrets(spec.secrets, ['secrets'], rep),
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    ...(spec.readOnlyRootFilesystem !== undefined ? { readOnlyRootFilesystem: spec.readOnlyRootFilesystem } : {}),
    dependsOn: [],
    path: [],
  };
  const sidecars = Object.entries(spec.sidecars ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, s]) => normalizeSidecar(name, s, ['sidecars', name], rep));
  const containers = [main, ...sidecars];
  const names = new Set<string>();
  for (const c of containers) {
    if (names.has(c.name)) rep({ code: 'DUPLICATE_CONTAINER_NAME', severity: 'error', message: `Two containers are named "${c.name}".`, path: c.path.length ? c.path : ['containerName'] });
    names.add(c.name);
  }
  for (const c of sidecars) {
    for (const dep of c.dependsOn) {
      if (!names.has(dep.container)) {
        rep({ code: 'UNKNOWN_CONTAINER', severity: 'error', message: `dependsOn names "${dep.container}", which is not a container of this service.`, path: [...c.path, 'dependsOn', dep.container] });
      }
    }
  }

  const health = normalizeHealth(spec, main, rep);
  const autoscaling = spec.autoscaling
    ? {
        min: spec.autoscaling.min,
        max: spec.autoscaling.max,
        ...(spec.autoscaling.cpu !== undefined ? { cpuPercent: spec.autoscaling.cpu } : {}),
        ...(spec.autoscaling.memory !== undefined ? { memoryPercent: spec.autoscaling.memory } : {}),
        ...optSeconds('scaleInCooldownSeconds', spec.autoscaling.scaleInCooldown),
        ...optSeconds('scaleOutCooldownSeconds', spec.autoscaling.scaleOutCooldown),
      }
    : undefined;
  if (autoscaling) {
    if (autoscaling.min > autoscaling.max) {
      rep({ code: 'AUTOSCALING_RANGE', severity: 'error', message: `autoscaling.min (${autoscaling.min}) is greater than autoscaling.max (${autoscaling.max}).`, path: ['autoscaling', 'min'] });
    }
    if (autoscaling.cpuPercent === undefined && autoscaling.memoryPercent === undefined) {
      rep({ code: 'AUTOSCALING_NO_METRIC', severity: 'error', message: 'Autoscaling needs a target: set autoscaling.cpu and/or autoscaling.memory (percent).', path: ['autoscaling'] });
    }
    // Warn only when both were written at the same level (a target may switch to autoscaling).
    if (spec.replicas !== undefined && scope(at(['replicas'])) === scope(at(['autoscaling']))) {
      rep({ code: 'REPLICAS_IGNORED', severity: 'warning', message: 'replicas is ignored because autoscaling owns the replica count.', path: ['replicas'] });
    }
  }

  const model: ServiceModel = {
    apiVersion: 'codegen/v1',
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.region !== undefined ? { region: spec.region } : {}),
    ...(resolved.environment ? { environment: resolved.environment } : {}),
    target,
    containers,
    main,
    ...(spec.replicas !== undefined && !autoscaling ? { replicas: spec.replicas } : {}),
    ...(autoscaling ? { autoscaling } : {}),
    health,
    ...(spec.expose ? { expose: normalizeExpose(spec, mainPorts, rep) } : {}),
    deployment: normalizeDeployment(spec.deployment),
    logging: {
      group: spec.logging?.group ?? `/ecs/${spec.name}`,
      ...((spec.logging?.region ?? spec.region) !== undefined ? { region: (spec.logging?.region ?? spec.region)! } : {}),
      streamPrefix: spec.logging?.streamPrefix ?? 'ecs',
      ...(spec.logging?.retentionDays !== undefined ? { retentionDays: spec.logging.retentionDays } : {}),
    },
    tracing: { xray: spec.tracing?.xray ?? false },
    labels: { ...(spec.labels ?? {}) },
    ...(spec.platform ? { platform: { name: spec.platform.name, ...(spec.platform.file !== undefined ? { file: spec.platform.file } : {}) } } : {}),
    taskSize: { cpu: 256, memory: 512, source: 'default' },
    targets: {
      ecs: { ...((spec.targets?.ecs ?? {}) as object) },
      kubernetes: { ...((spec.targets?.kubernetes ?? {}) as object) },
      appmesh: { ...((spec.targets?.appmesh ?? {}) as object) },
      copilot: { ...((spec.targets?.copilot ?? {}) as object) },
    },
    enabledTargets: enabledTargets(spec),
    origin: resolved.origin,
  };
  if (expectsMainPort(model) && mainPorts.length === 0) {
    rep({ code: 'NO_PORTS', severity: 'error', message: 'expose needs at least one port in ports.', path: ['expose'] });
  }
  model.taskSize = taskSize(model, target, rep);
  return model;
}

/** `base`, `targets.<t>` or `environments.<e>`: the level a value was written at. */
function scope(p: SpecPath): string {
  if (p[0] === 'targets' || p[0] === 'environments') return `${String(p[0])}.${String(p[1])}${p[2] === 'targets' ? `.${String(p[3])}` : ''}`;
  return 'base';
}

function expectsMainPort(m: ServiceModel): boolean {
  return m.expose !== undefined;
}

/** Longest duration any target accepts (CodeDeploy waits up to 2880 minutes; one day is plenty for the rest). */
const MAX_DURATION_SECONDS = 86400;

function optSeconds<K extends string>(key: K, v: number | string | undefined): { [P in K]?: number } {
  if (v === undefined) return {};
  const s = parseDurationSeconds(v);
  // Out-of-range strings (`99999999h`) are reported by checkDurations; drop them here.
  return s === undefined || s > MAX_DURATION_SECONDS ? {} : ({ [key]: s } as { [P in K]?: number });
}

/** Report duration strings longer than a day, which the schema pattern cannot bound. */
function checkDurations(v: unknown, path: (string | number)[], rep: Report): void {
  if (typeof v === 'string' && /^[0-9]+(ms|s|m|h)$/.test(v)) {
    const s = parseDurationSeconds(v);
    if (s !== undefined && s > MAX_DURATION_SECONDS) {
      rep({ code: 'DURATION_TOO_LONG', severity: 'error', message: `The duration ${v} is longer than one day (${MAX_DURATION_SECONDS} s).`, path });
    }
    return;
  }
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) checkDurations(x, [...path, Array.isArray(v) ? Number(k) : k], rep);
}

function normalizePorts(ports: NonNullable<ServiceSpec['ports']>, path: SpecPath, rep: Report): PortModel[] {
  const out: PortModel[] = [];
  const byName = new Map<string, number>();
  const byPort = new Set<string>();
  ports.forEach((p, i) => {
    const appProtocol = p.appProtocol ?? (p.protocol === 'udp' ? 'tcp' : 'http');
    const base = p.protocol === 'udp' ? 'udp' : appProtocol;
    let name = p.name ?? base;
    if (!p.name && (byName.has(name) || ports.some((o, j) => j !== i && !o.name && (o.appProtocol ?? (o.protocol === 'udp' ? 'tcp' : 'http')) === appProtocol && (o.protocol ?? 'tcp') === (p.protocol ?? 'tcp'))) ) {
      name = `${base}-${p.port}`.slice(0, 15);
    }
    if (byName.has(name)) {
      rep({ code: 'DUPLICATE_PORT_NAME', severity: 'error', message: `Port name "${name}" is used twice.`, path: [...path, i, 'name'] });
    }
    const key = `${p.port}/${p.protocol ?? 'tcp'}`;
    if (byPort.has(key)) {
      rep({ code: 'DUPLICATE_PORT', severity: 'error', message: `Port ${key} is listed twice.`, path: [...path, i, 'port'] });
    }
    byName.set(name, p.port);
    byPort.add(key);
    out.push({
      name,
      port: p.port,
      protocol: p.protocol ?? 'tcp',
      appProtocol,
      servicePort: p.servicePort ?? p.port,
      ...(p.hostPort !== undefined ? { hostPort: p.hostPort } : {}),
    });
  });
  return out;
}

function normalizeAmounts(a: { cpu?: string | number; memory?: string } | undefined, path: SpecPath, rep: Report): Amounts {
  const out: Amounts = {};
  if (!a) return out;
  if (a.cpu !== undefined) {
    const m = parseCpuMillis(a.cpu);
    if (m === undefined || m <= 0) rep({ code: 'INVALID_CPU', severity: 'error', message: `CPU ${JSON.stringify(a.cpu)} is not a positive amount.`, path: [...path, 'cpu'] });
    else {
      out.cpuMillis = m;
      out.cpu = typeof a.cpu === 'number' ? String(a.cpu) : a.cpu;
    }
  }
  if (a.memory !== undefined) {
    const m = parseMemory(a.memory);
    if (!m || m.mib <= 0) rep({ code: 'INVALID_MEMORY', severity: 'error', message: `Memory ${JSON.stringify(a.memory)} is not a positive amount.`, path: [...path, 'memory'] });
    else {
      if (m.decimal) {
        rep({
          code: 'MEMORY_DECIMAL_UNIT',
          severity: 'warning',
          message: `Memory "${a.memory}" uses a decimal unit (${m.mib} MiB after rounding up).`,
          hint: `write "${a.memory.replace(/([KMGT])$/, '$1i')}" if binary units were meant`,
          path: [...path, 'memory'],
        });
      } else if (m.bytes) {
        rep({ code: 'MEMORY_BYTES', severity: 'warning', message: `Memory "${a.memory}" has no unit, so it is read as bytes (${m.mib} MiB).`, hint: 'add a unit such as Mi or Gi', path: [...path, 'memory'] });
      }
      out.memoryMiB = m.mib;
      out.memory = a.memory;
    }
  }
  return out;
}

function normalizeResources(r: Resources | undefined, path: SpecPath, rep: Report): ResourcesModel {
  const requests = normalizeAmounts(r?.requests, [...path, 'requests'], rep);
  const limits = normalizeAmounts(r?.limits, [...path, 'limits'], rep);
  if (requests.cpuMillis !== undefined && limits.cpuMillis !== undefined && requests.cpuMillis > limits.cpuMillis) {
    rep({ code: 'REQUEST_EXCEEDS_LIMIT', severity: 'error', message: `CPU request ${requests.cpu} is greater than the limit ${limits.cpu}.`, path: [...path, 'requests', 'cpu'] });
  }
  if (requests.memoryMiB !== undefined && limits.memoryMiB !== undefined && requests.memoryMiB > limits.memoryMiB) {
    rep({ code: 'REQUEST_EXCEEDS_LIMIT', severity: 'error', message: `Memory request ${requests.memory} is greater than the limit ${limits.memory}.`, path: [...path, 'requests', 'memory'] });
  }
  return { requests, limits };
}

function normalizeEnv(env: ServiceSpec['env'], path: SpecPath): EnvVarModel[] {
  return Object.entries(env ?? {}).map(([name, v]) => {
    const p = [...path, name];
    if (v !== null && typeof v === 'object') {
      const r = v.ref;
      return {
        name,
        value: {
          kind: 'ref',
          ...(r.cloudformation !== undefined ? { cloudformation: r.cloudformation } : {}),
          ...(r.kubernetes !== undefined ? { kubernetes: r.kubernetes } : {}),
          ...(r.copilot !== undefined ? { copilot: r.copilot } : {}),
        },
        path: p,
      };
    }
    return { name, value: { kind: 'value', value: String(v) }, path: p };
  });
}

function normalizeSecrets(secrets: Record<string, Secret> | undefined, path: SpecPath, rep: Report): SecretModel[] {
  return Object.entries(secrets ?? {}).map(([name, s]) => {
    const p = [...path, name];
    const out: SecretModel = { name, path: p };
    if (s.aws) {
      if (s.aws.secretsManager !== undefined) {
        out.aws = {
          store: 'secretsManager',
          ref: s.aws.secretsManager,
          isArn: s.aws.secretsManager.startsWith('arn:'),
          ...(s.aws.jsonKey !== undefined ? { jsonKey: s.aws.jsonKey } : {}),
          ...(s.aws.versionStage !== undefined ? { versionStage: s.aws.versionStage } : {}),
        };
        if (out.aws.isArn && !/^arn:aws[a-z-]*:secretsmanager:/.test(s.aws.secretsManager)) {
          rep({ code: 'SECRET_WRONG_ARN', severity: 'error', message: `secretsManager takes a Secrets Manager ARN or name; this ARN is for another service.`, path: [...p, 'aws', 'secretsManager'] });
        }
      } else if (s.aws.ssm !== undefined) {
        if (s.aws.jsonKey !== undefined || s.aws.versionStage !== undefined) {
          rep({ code: 'SECRET_JSON_KEY_SSM', severity: 'error', message: 'jsonKey and versionStage apply to Secrets Manager secrets only.', path: [...p, 'aws', s.aws.jsonKey !== undefined ? 'jsonKey' : 'versionStage'] });
        }
        out.aws = { store: 'ssm', ref: s.aws.ssm, isArn: s.aws.ssm.startsWith('arn:') };
        if (out.aws.isArn && !/^arn:aws[a-z-]*:ssm:/.test(s.aws.ssm)) {
          rep({ code: 'SECRET_WRONG_ARN', severity: 'error', message: 'ssm takes an SSM parameter name or ARN; this ARN is for another service.', path: [...p, 'aws', 'ssm'] });
        }
      }
    }
    if (s.kubernetes) out.kubernetes = { name: s.kubernetes.name, key: s.kubernetes.key };
    if (!s.aws && !s.kubernetes) {
      rep({ code: 'SECRET_NO_SOURCE', severity: 'error', message: `Secret ${name} names no store: give aws (secretsManager or ssm) and/or kubernetes (name, key).`, path: p });
    }
    return out;
  });
}

function normalizeSidecar(name: string, s: Sidecar, path: SpecPath, rep: Report): ContainerModel {
  return {
    name,
    image: s.image,
    essential: s.essential ?? false,
    main: false,
    ...(s.command ? { command: [...s.command] } : {}),
    ports: normalizePorts(s.ports ?? [], [...path, 'ports'], rep),
    resources: normalizeResources(s.resources, [...path, 'resources'], rep),
    env: normalizeEnv(s.env, [...path, 'env']),
    secrets: normalizeSecrets(s.secrets, [...path, 'secrets'], rep),
    ...(s.user !== undefined ? { user: s.user } : {}),
    dependsOn: Object.entries(s.dependsOn ?? {}).map(([container, condition]) => ({ container, condition })),
    path,
  };
}

function resolvePort(port: number | string | undefined, ports: PortModel[], path: SpecPath, rep: Report): { port: number; portName?: string } | undefined {
  if (port === undefined) {
    const first = ports[0];
    if (!first) {
      rep({ code: 'NO_PORTS', severity: 'error', message: 'This check needs a port: set one here or list ports.', path });
      return undefined;
    }
    return { port: first.port, portName: first.name };
  }
  if (typeof port === 'number') {
    const named = ports.find((p) => p.port === port);
    return named ? { port, portName: named.name } : { port };
  }
  const named = ports.find((p) => p.name === port);
  if (!named) {
    rep({ code: 'UNKNOWN_PORT', severity: 'error', message: `No port is named "${port}".`, path, ...(ports.length ? { hint: `ports are ${ports.map((p) => `"${p.name}"`).join(', ')}` } : {}) });
    return undefined;
  }
  return { port: named.port, portName: named.name };
}

function normalizeProbe(kind: 'readiness' | 'liveness' | 'startup', p: Probe, ports: PortModel[], rep: Report): ProbeModel | undefined {
  const path: SpecPath = ['health', kind];
  let handler: ProbeHandler | undefined;
  if (p.http) {
    const port = resolvePort(p.http.port, ports, [...path, 'http', 'port'], rep);
    if (!port) return undefined;
    handler = {
      kind: 'http',
      path: p.http.path,
      port: port.port,
      ...(port.portName ? { portName: port.portName } : {}),
      ...(p.http.scheme ? { scheme: p.http.scheme } : {}),
      headers: Object.entries(p.http.headers ?? {}).map(([name, value]) => ({ name, value })),
    };
  } else if (p.grpc) {
    const port = resolvePort(p.grpc.port, ports, [...path, 'grpc', 'port'], rep);
    if (!port) return undefined;
    handler = { kind: 'grpc', port: port.port, ...(p.grpc.service !== undefined ? { service: p.grpc.service } : {}) };
  } else if (p.tcp) {
    const port = resolvePort(p.tcp.port, ports, [...path, 'tcp', 'port'], rep);
    if (!port) return undefined;
    handler = { kind: 'tcp', port: port.port, ...(port.portName ? { portName: port.portName } : {}) };
  } else if (p.exec) {
    handler = { kind: 'exec', command: [...p.exec.command] };
  }
  if (!handler) return undefined;
  if (kind !== 'readiness' && p.successThreshold !== undefined && p.successThreshold !== 1) {
    rep({ code: 'PROBE_SUCCESS_THRESHOLD', severity: 'error', message: `successThreshold must be 1 for a ${kind} probe (Kubernetes rejects anything else).`, path: [...path, 'successThreshold'] });
  }
  if (kind === 'readiness' && p.terminationGracePeriod !== undefined) {
    rep({ code: 'PROBE_TERMINATION_GRACE', severity: 'error', message: 'terminationGracePeriod applies to liveness and startup probes only.', path: [...path, 'terminationGracePeriod'] });
  }
  return {
    handler,
    ...optSeconds('initialDelaySeconds', p.initialDelay),
    ...optSeconds('periodSeconds', p.period),
    ...optSeconds('timeoutSeconds', p.timeout),
    ...(p.successThreshold !== undefined ? { successThreshold: p.successThreshold } : {}),
    ...(p.failureThreshold !== undefined ? { failureThreshold: p.failureThreshold } : {}),
    ...optSeconds('terminationGracePeriodSeconds', p.terminationGracePeriod),
    path,
  };
}

const SHELL_SAFE_PATH = /^\/[A-Za-z0-9._~/-]*$/;

function normalizeHealth(spec: ServiceSpec, main: ContainerModel, rep: Report): HealthModel {
  const h = spec.health ?? {};
  const out: HealthModel = {};
  const ports = main.ports;
  if (h.traffic) {
    const t = h.traffic;
    out.traffic = {
      ...(t.path !== undefined ? { path: t.path } : {}),
      ...(t.port !== undefined ? { port: t.port } : {}),
      ...(t.protocol !== undefined ? { protocol: t.protocol } : {}),
      ...optSeconds('intervalSeconds', t.interval),
      ...optSeconds('timeoutSeconds', t.timeout),
      ...(t.healthyThreshold !== undefined ? { healthyThreshold: t.healthyThreshold } : {}),
      ...(t.unhealthyThreshold !== undefined ? { unhealthyThreshold: t.unhealthyThreshold } : {}),
      ...(t.successCodes !== undefined ? { successCodes: t.successCodes } : {}),
      ...optSeconds('gracePeriodSeconds', t.gracePeriod),
    };
    if (out.traffic.intervalSeconds !== undefined && out.traffic.timeoutSeconds !== undefined && out.traffic.timeoutSeconds >= out.traffic.intervalSeconds) {
      rep({ code: 'HEALTH_TIMEOUT_NOT_LESS_THAN_INTERVAL', severity: 'error', message: 'The load balancer health check timeout must be less than its interval.', path: ['health', 'traffic', 'timeout'] });
    }
  }
  for (const kind of ['readiness', 'liveness', 'startup'] as const) {
    const p = h[kind];
    if (!p) continue;
    const probe = normalizeProbe(kind, p, ports, rep);
    if (probe) out[kind] = probe;
  }
  if (!out.readiness && out.traffic?.path && (out.traffic.protocol ?? 'HTTP').startsWith('HTTP')) {
    const port = resolvePort(out.traffic.port, ports, ['health', 'traffic'], rep);
    if (port) {
      out.readiness = {
        handler: { kind: 'http', path: out.traffic.path, port: port.port, ...(port.portName ? { portName: port.portName } : {}), headers: [] },
        path: ['health', 'traffic'],
      };
    }
  }
  if (h.container) {
    const c = h.container;
    const base = ['health', 'container'];
    let command: string[] | undefined;
    if (c.command && c.curl !== undefined && c.curl !== false) {
      rep({ code: 'CONTAINER_HEALTH_BOTH', severity: 'error', message: 'Give either command or curl, not both.', path: [...base, 'curl'] });
    } else if (c.command) {
      if (c.command[0] !== 'CMD' && c.command[0] !== 'CMD-SHELL') {
        rep({ code: 'CONTAINER_HEALTH_COMMAND', severity: 'error', message: 'An ECS health check command starts with "CMD" or "CMD-SHELL".', hint: `write ["CMD-SHELL", ${JSON.stringify(c.command.join(' '))}]`, path: [...base, 'command', 0] });
      } else command = [...c.command];
    } else if (c.curl !== undefined && c.curl !== false) {
      let target: { path: string; port: number; at: SpecPath } | undefined;
      if (typeof c.curl === 'object') {
        const port = resolvePort(c.curl.port, ports, [...base, 'curl', 'port'], rep);
        if (port) target = { path: c.curl.path, port: port.port, at: [...base, 'curl', 'path'] };
      } else if (out.liveness?.handler.kind === 'http') {
        target = { path: out.liveness.handler.path, port: out.liveness.handler.port, at: ['health', 'liveness', 'http', 'path'] };
      } else if (out.traffic?.path) {
        const port = resolvePort(out.traffic.port, ports, ['health', 'traffic', 'port'], rep);
        if (port) target = { path: out.traffic.path, port: port.port, at: ['health', 'traffic', 'path'] };
      } else {
        rep({ code: 'CONTAINER_HEALTH_NO_PATH', severity: 'error', message: 'curl: true needs an HTTP path: set health.liveness.http or health.traffic.path, or give curl.path.', path: [...base, 'curl'] });
      }
      if (target) {
        if (!SHELL_SAFE_PATH.test(target.path)) {
          rep({ code: 'CONTAINER_HEALTH_UNSAFE_PATH', severity: 'error', message: `The path ${JSON.stringify(target.path)} cannot go into a shell command: only letters, digits and . _ ~ / - are allowed.`, path: target.at });
        } else {
          command = ['CMD-SHELL', `curl -f http://localhost:${target.port}${target.path} || exit 1`];
        }
      }
    } else {
      rep({ code: 'CONTAINER_HEALTH_NO_COMMAND', severity: 'error', message: 'health.container needs command or curl.', path: base });
    }
    if (command) {
      out.container = {
        command,
        ...optSeconds('intervalSeconds', c.interval),
        ...optSeconds('timeoutSeconds', c.timeout),
        ...(c.retries !== undefined ? { retries: c.retries } : {}),
        ...optSeconds('startPeriodSeconds', c.startPeriod),
      };
      checkRange(out.container.intervalSeconds, 5, 300, [...base, 'interval'], 'ECS health check interval', rep);
      checkRange(out.container.timeoutSeconds, 2, 60, [...base, 'timeout'], 'ECS health check timeout', rep);
      checkRange(out.container.startPeriodSeconds, 0, 300, [...base, 'startPeriod'], 'ECS health check start period', rep);
    }
  }
  return out;
}

function checkRange(v: number | undefined, min: number, max: number, path: SpecPath, what: string, rep: Report): void {
  if (v === undefined || (v >= min && v <= max && Number.isInteger(v))) return;
  rep({ code: 'OUT_OF_RANGE', severity: 'error', message: `${what} must be a whole number of seconds from ${min} to ${max}; got ${v}.`, path });
}

function normalizeDeployment(d: ServiceSpec['deployment']): DeploymentModel {
  const strategy = d?.strategy ?? 'rolling';
  const io = (v: number | string | undefined): IntOrPercent | undefined => (v === undefined ? undefined : (v as IntOrPercent));
  const maxSurge = io(d?.rolling?.maxSurge);
  const maxUnavailable = io(d?.rolling?.maxUnavailable);
  const out: DeploymentModel = {
    strategy,
    rolling: { ...(maxSurge !== undefined ? { maxSurge } : {}), ...(maxUnavailable !== undefined ? { maxUnavailable } : {}) },
    blueGreen: {
      ...optSeconds('bakeTimeSeconds', d?.blueGreen?.bakeTime),
      ...optSeconds('terminationWaitSeconds', d?.blueGreen?.terminationWait),
      ...optSeconds('readyWaitSeconds', d?.blueGreen?.readyWait),
    },
    rollbackOnFailure: d?.rollbackOnFailure ?? true,
  };
  if (strategy === 'canary' || d?.canary) {
    out.canary = { percent: d?.canary?.percent ?? 10, intervalSeconds: parseDurationSeconds(d?.canary?.interval ?? '5m') ?? 300 };
  }
  if (strategy === 'linear' || d?.linear) {
    out.linear = { percent: d?.linear?.percent ?? 10, intervalSeconds: parseDurationSeconds(d?.linear?.interval ?? '1m') ?? 60 };
  }
  return out;
}

function normalizeExpose(spec: ServiceSpec, ports: PortModel[], rep: Report): ServiceModel['expose'] {
  const e = spec.expose!;
  const resolved = resolvePort(e.port, ports, ['expose', 'port'], rep);
  const port = ports.find((p) => p.port === resolved?.port) ?? ports[0] ?? { name: 'http', port: 80, protocol: 'tcp', appProtocol: 'http', servicePort: 80 };
  if (resolved && !ports.some((p) => p.port === resolved.port)) {
    rep({ code: 'UNKNOWN_PORT', severity: 'error', message: `expose.port ${resolved.port} is not one of the listed ports.`, path: ['expose', 'port'] });
  }
  // A repeated host is a slip (an ALB host-header condition refuses repeated values).
  (e.hosts ?? []).forEach((h, i, all) => {
    if (all.indexOf(h) !== i) rep({ code: 'DUPLICATE_HOST', severity: 'error', message: `Host ${h} is listed twice.`, path: ['expose', 'hosts', i] });
  });
  return {
    public: e.public ?? false,
    hosts: [...(e.hosts ?? [])],
    path: e.path ?? '/',
    port,
    ...(e.tls
      ? {
          tls: {
            ...(e.tls.certificateArn ? { certificateArn: e.tls.certificateArn } : {}),
            redirect: e.tls.redirect ?? true,
            ...(e.tls.policy ? { policy: e.tls.policy } : {}),
          },
        }
      : {}),
  };
}

/** ECS task size: explicit `targets.ecs.cpu/memory`, else the smallest Fargate size that holds the limits. */
function taskSize(m: ServiceModel, target: TargetName, rep: Report): TaskSizeModel {
  const ecs = m.targets.ecs;
  const fargate = (ecs.launchType ?? 'FARGATE') === 'FARGATE';
  const report = target === 'ecs' ? rep : () => undefined;
  let cpu = 0;
  let mem = 0;
  let any = false;
  for (const c of m.containers) {
    const cm = c.resources.limits.cpuMillis ?? c.resources.requests.cpuMillis;
    const mm = c.resources.limits.memoryMiB ?? c.resources.requests.memoryMiB;
    if (cm !== undefined) (cpu += millisToCpuUnits(cm)), (any = true);
    if (mm !== undefined) (mem += mm), (any = true);
  }
  if (ecs.cpu !== undefined || ecs.memory !== undefined) {
    const ecpu = ecs.cpu !== undefined ? parseVcpu(ecs.cpu) : undefined;
    const emem = ecs.memory !== undefined ? parseGb(ecs.memory) : undefined;
    const size = { cpu: ecpu ?? smallestFargateSize(cpu, mem)?.cpu ?? 256, memory: emem ?? 0 };
    if (emem === undefined) size.memory = smallestFargateSize(size.cpu, mem)?.memory ?? 512;
    if (fargate && !isFargateSize(size.cpu, size.memory)) {
      const near = nearestFargateSizes(size.cpu, size.memory);
      report({
        code: 'FARGATE_INVALID_SIZE',
        severity: 'error',
        message: `${size.cpu} CPU units with ${size.memory} MiB is not a Fargate task size.`,
        hint: `nearest valid sizes: ${near.map((s) => `${s.cpu}/${s.memory}`).join(', ')}`,
        path: ['targets', 'ecs', ecs.cpu !== undefined ? 'cpu' : 'memory'],
      });
    }
    return { ...size, source: 'explicit' };
  }
  if (!any) return { cpu: 256, memory: 512, source: 'default' };
  if (!fargate) return { cpu, memory: mem, source: 'derived' };
  const size = smallestFargateSize(cpu, mem);
  if (!size) {
    report({ code: 'FARGATE_TOO_LARGE', severity: 'error', message: `No Fargate task size holds ${cpu} CPU units and ${mem} MiB.`, hint: 'the largest is 16384 CPU units with 122880 MiB', path: ['resources', 'limits'] });
    return { cpu: 16384, memory: 122880, source: 'derived' };
  }
  if (size.cpu !== cpu || size.memory !== mem) {
    report({
      code: 'FARGATE_SIZE_ROUNDED',
      severity: 'info',
      message: `The limits (${cpu} CPU units, ${mem} MiB) were rounded up to the Fargate task size ${size.cpu}/${size.memory}.`,
      path: ['resources', 'limits'],
    });
  }
  return { ...size, source: 'derived' };
}

export { getPath };
