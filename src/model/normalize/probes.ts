/**
 * Health: the load balancer check (`health.traffic`), the Kubernetes probes (readiness, liveness,
 * startup; readiness defaults to the traffic path) and the ECS container health check.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Probe, Sidecar } from '../../schema/spec.generated.js';
import type { ContainerHealthModel, ContainerModel, HealthModel, PortModel, ProbeHandler, ProbeModel } from '../types.js';
import { optSeconds, type Report } from './common.js';
import { resolvePort } from './ports.js';

function normalizeProbe(kind: 'readiness' | 'liveness' | 'startup', p: Probe, ports: PortModel[], rep: Report, base: SpecPath = ['health']): ProbeModel | undefined {
  const path: SpecPath = [...base, kind];
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

export function normalizeHealth(spec: ServiceSpec, main: ContainerModel, rep: Report): HealthModel {
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
    const container = containerCheck(h.container, ports, out, ['health'], rep);
    if (container) out.container = container;
  }
  return out;
}

type ContainerHealthSpec = NonNullable<NonNullable<ServiceSpec['health']>['container']>;

/** A sidecar's health (`sidecars.<name>.health`): probes on its own ports and its container check. */
export function normalizeSidecarHealth(h: NonNullable<Sidecar['health']>, ports: PortModel[], base: SpecPath, rep: Report): HealthModel {
  const out: HealthModel = {};
  for (const kind of ['readiness', 'liveness', 'startup'] as const) {
    const p = h[kind];
    if (!p) continue;
    const probe = normalizeProbe(kind, p, ports, rep, base);
    if (probe) out[kind] = probe;
  }
  if (h.container) {
    const container = containerCheck(h.container, ports, out, base, rep);
    if (container) out.container = container;
  }
  return out;
}

/** The ECS container health check: a command, or a curl of an HTTP path (given, or the liveness or traffic path). */
function containerCheck(c: ContainerHealthSpec, ports: PortModel[], out: HealthModel, healthPath: SpecPath, rep: Report): ContainerHealthModel | undefined {
  const base = [...healthPath, 'container'];
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
      target = { path: out.liveness.handler.path, port: out.liveness.handler.port, at: [...healthPath, 'liveness', 'http', 'path'] };
    } else if (out.traffic?.path) {
      const port = resolvePort(out.traffic.port, ports, ['health', 'traffic', 'port'], rep);
      if (port) target = { path: out.traffic.path, port: port.port, at: ['health', 'traffic', 'path'] };
    } else {
      rep({ code: 'CONTAINER_HEALTH_NO_PATH', severity: 'error', message: healthPath.length > 1 ? 'curl: true needs an HTTP path: set health.liveness.http, or give curl.path.' : 'curl: true needs an HTTP path: set health.liveness.http or health.traffic.path, or give curl.path.', path: [...base, 'curl'] });
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
  if (!command) return undefined;
  const check: ContainerHealthModel = {
    command,
    ...optSeconds('intervalSeconds', c.interval),
    ...optSeconds('timeoutSeconds', c.timeout),
    ...(c.retries !== undefined ? { retries: c.retries } : {}),
    ...optSeconds('startPeriodSeconds', c.startPeriod),
  };
  checkRange(check.intervalSeconds, 5, 300, [...base, 'interval'], 'ECS health check interval', rep);
  checkRange(check.timeoutSeconds, 2, 60, [...base, 'timeout'], 'ECS health check timeout', rep);
  checkRange(check.startPeriodSeconds, 0, 300, [...base, 'startPeriod'], 'ECS health check start period', rep);
  return check;
}

function checkRange(v: number | undefined, min: number, max: number, path: SpecPath, what: string, rep: Report): void {
  if (v === undefined || (v >= min && v <= max && Number.isInteger(v))) return;
  rep({ code: 'OUT_OF_RANGE', severity: 'error', message: `${what} must be a whole number of seconds from ${min} to ${max}; got ${v}.`, path });
}
