/**
 * Spec → model, once: overlays merged (environment, then target), defaults filled, units
 * converted, names derived, references resolved. Every problem becomes a diagnostic with the
 * spec path where the offending value was written.
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import { getPath } from '../../core/merge.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { ServiceModel, TargetName } from '../types.js';
import { checkDurations, optSeconds, type Report } from './common.js';
import { normalizeContainers } from './containers.js';
import { normalizeAutoscaling, normalizeDeployment } from './deployment.js';
import { normalizeExpose } from './expose.js';
import { checkLifecycle, normalizeVolumes } from './lifecycle.js';
import { normalizeLogging } from './logging.js';
import { normalizeHealth } from './probes.js';
import { reportKubernetesCpu, taskSize } from './resources.js';
import { resolveParameters } from './parameters.js';
import { checkSecurity, normalizePodSecurity } from './security.js';
import { enabledTargets, type ResolvedSpec } from './view.js';

export { applyEnvironment, enabledTargets, resolveTarget, type ResolvedSpec } from './view.js';
export type { ServiceSpec };

/** Build the model for one target from a resolved spec. */
export function normalize(resolved: ResolvedSpec, target: TargetName, report: Report): ServiceModel {
  const at = (p: SpecPath) => resolved.origin(p);
  const rep = (d: DiagnosticInput & { path: SpecPath }) => report({ ...d, path: at(d.path) });
  // Parameter uses become tokens (strings) and defaults (numbers) before anything reads the values.
  const { spec, parameters } = resolveParameters(resolved.spec, target, rep);
  parameters.uses = parameters.uses.map((u) => ({ name: u.name, path: at(u.path) }));

  for (const key of ['health', 'deployment', 'autoscaling', 'terminationGracePeriod'] as const) checkDurations(spec[key], [key], rep);
  for (const [name, s] of Object.entries(spec.sidecars ?? {})) checkDurations(s.health, ['sidecars', name, 'health'], rep);
  const { main, containers } = normalizeContainers(spec, rep);
  if (target === 'kubernetes') reportKubernetesCpu(containers, rep);
  const mainPorts = main.ports;

  const podSecurity = normalizePodSecurity(spec, rep);
  checkSecurity(containers, podSecurity, rep);
  const health = normalizeHealth(spec, main, rep);
  const volumes = normalizeVolumes(spec.volumes, rep);
  checkLifecycle(containers, volumes, health, rep);
  const autoscaling = normalizeAutoscaling(spec, at, rep);

  const model: ServiceModel = {
    apiVersion: 'codegen/v1',
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.region !== undefined ? { region: spec.region } : {}),
    ...(resolved.environment ? { environment: resolved.environment } : {}),
    target,
    containers,
    main,
    ...(typeof spec.replicas === 'number' && !autoscaling ? { replicas: spec.replicas } : {}),
    ...(autoscaling ? { autoscaling } : {}),
    health,
    podSecurity,
    ...(spec.expose ? { expose: normalizeExpose(spec, containers, rep) } : {}),
    deployment: normalizeDeployment(spec.deployment),
    logging: normalizeLogging(spec, containers, rep),
    tracing: { xray: spec.tracing?.xray ?? false },
    labels: { ...(spec.labels ?? {}) },
    ...(spec.platform ? { platform: { name: spec.platform.name, ...(spec.platform.file !== undefined ? { file: spec.platform.file } : {}) } } : {}),
    volumes,
    ...optSeconds('terminationGracePeriodSeconds', spec.terminationGracePeriod),
    ...(spec.ephemeralStorage !== undefined ? { ephemeralStorageGiB: spec.ephemeralStorage } : {}),
    taskSize: { cpu: 256, memory: 512, source: 'default' },
    parameters,
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

function expectsMainPort(m: ServiceModel): boolean {
  return m.expose !== undefined;
}

export { getPath };
