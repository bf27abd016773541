/** `logging`: the log driver, the awslogs group and prefixes (per container), and FireLens. */
import { parseMemory } from '../../core/units.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { ContainerModel, FirelensModel, LoggingModel } from '../types.js';
import type { Report } from './common.js';

/**
 * The log router image FireLens uses unless `logging.firelens.image` names another: a pinned AWS
 * for Fluent Bit release (public ECR, every region), not the moving `stable` tag.
 */
export const FLUENT_BIT_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3';
/** The container name of the log router FireLens adds (the name the ECS developer guide uses). */
export const LOG_ROUTER_CONTAINER = 'log_router';

const sorted = (o: Record<string, string> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function normalizeLogging(spec: ServiceSpec, containers: ContainerModel[], rep: Report): LoggingModel {
  const l = spec.logging ?? {};
  const driver = l.driver ?? 'awslogs';
  const region = l.region ?? spec.region;
  const out: LoggingModel = {
    driver,
    group: l.group ?? `/ecs/${spec.name}`,
    ...(region !== undefined ? { region } : {}),
    streamPrefix: l.streamPrefix ?? 'ecs',
    ...(l.retentionDays !== undefined ? { retentionDays: l.retentionDays } : {}),
    createGroup: l.createGroup ?? true,
    options: sorted(l.options),
    containers: {},
  };
  // The containers codegen adds (X-Ray daemon, App Mesh Envoy, FireLens router) may be named too.
  const names = new Set(containers.map((c) => c.name));
  if (spec.tracing?.xray) names.add('xray-daemon');
  if (spec.targets?.appmesh) names.add('envoy');
  if (driver === 'firelens') names.add(LOG_ROUTER_CONTAINER);
  for (const [name, c] of Object.entries(l.containers ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!names.has(name)) {
      rep({ code: 'UNKNOWN_CONTAINER', severity: 'error', message: `logging.containers names "${name}", which is not a container of this service (${[...names].join(', ')}).`, path: ['logging', 'containers', name] });
      continue;
    }
    out.containers[name] = { ...(c.group !== undefined ? { group: c.group } : {}), ...(c.streamPrefix !== undefined ? { streamPrefix: c.streamPrefix } : {}) };
  }
  // The awslogs settings that set where the driver writes; reserved so `options` cannot contradict them.
  for (const k of Object.keys(out.options)) {
    if (k === 'awslogs-group' || k === 'awslogs-region' || k === 'awslogs-stream-prefix') {
      rep({ code: 'LOGGING_OPTION_RESERVED', severity: 'error', message: `logging.options cannot set ${k}: it comes from logging.${k === 'awslogs-group' ? 'group' : k === 'awslogs-region' ? 'region' : 'streamPrefix'}.`, path: ['logging', 'options', k] });
    }
  }
  if (driver === 'firelens') out.firelens = firelens(spec, rep);
  else if (l.firelens !== undefined) {
    rep({ code: 'LOGGING_FIRELENS_UNUSED', severity: 'warning', message: `logging.firelens applies to driver firelens only; the driver is ${driver}, so it is not used.`, path: ['logging', 'firelens'] });
  }
  if (driver === 'none') {
    const set = (['group', 'createGroup', 'region', 'streamPrefix', 'retentionDays', 'options', 'containers'] as const).filter((k) => l[k] !== undefined);
    if (set.length) {
      rep({ code: 'LOGGING_OFF_SETTINGS', severity: 'warning', message: `logging.driver is none, so ${set.map((k) => `logging.${k}`).join(', ')} ${set.length > 1 ? 'are' : 'is'} not used.`, path: ['logging'] });
    }
  }
  return out;
}

function firelens(spec: ServiceSpec, rep: Report): FirelensModel {
  const f = spec.logging?.firelens ?? {};
  const out: FirelensModel = {
    type: f.type ?? 'fluentbit',
    image: f.image ?? FLUENT_BIT_IMAGE,
    ...(f.options !== undefined ? { options: sorted(f.options) } : {}),
    secretOptions: Object.entries(f.secretOptions ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, valueFrom]) => ({ name, valueFrom })),
    ...(f.enableMetadata !== undefined ? { enableMetadata: f.enableMetadata } : {}),
    ...(f.configFile !== undefined ? { configFile: f.configFile } : {}),
  };
  if (f.memoryReservation !== undefined) {
    const mem = parseMemory(f.memoryReservation);
    if (!mem || mem.mib <= 0) rep({ code: 'INVALID_MEMORY', severity: 'error', message: `Memory ${JSON.stringify(f.memoryReservation)} is not a positive amount.`, path: ['logging', 'firelens', 'memoryReservation'] });
    else out.memoryReservationMiB = mem.mib;
  }
  // The defaults (the Fluent Bit image and its cloudwatch_logs output) are Fluent Bit's.
  if (out.type === 'fluentd' && (f.options === undefined || f.image === undefined)) {
    rep({ code: 'LOGGING_FLUENTD_DEFAULTS', severity: 'error', message: 'A Fluentd log router needs its own image and output: the defaults (the AWS for Fluent Bit image and its cloudwatch_logs output) are Fluent Bit\'s.', hint: 'set logging.firelens.image and logging.firelens.options, or use type fluentbit', path: ['logging', 'firelens', 'type'] });
  }
  return out;
}
