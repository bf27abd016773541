/**
 * Overlay and view: `environments.<env>` merged over the base spec, then the core fields written
 * under `targets.<t>` over that. Each step keeps `origin`, which maps a path of the result back to
 * where the value was written.
 */
import { didYouMean, type SpecPath } from '../../core/diagnostics.js';
import { hasPath, mergePatch } from '../../core/merge.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import { DEFAULT_TARGETS, TARGETS, type TargetName } from '../types.js';
import type { Report } from './common.js';

/** Core keys that may be overridden under `targets.<t>` (everything else there is target-specific). */
const CORE_KEYS = new Set([
  'name', 'description', 'region', 'image', 'containerName', 'command', 'entrypoint', 'ports', 'resources', 'replicas',
  'autoscaling', 'env', 'secrets', 'health', 'expose', 'deployment', 'logging', 'tracing', 'sidecars', 'user',
  'readOnlyRootFilesystem', 'labels', 'platform',
]);

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
  // A name from Object.prototype (`__proto__`, `toString`) is an unknown name like any other.
  const overlay = environments && Object.hasOwn(environments, env) ? environments[env] : undefined;
  if (overlay === undefined) {
    const names = Object.keys(environments ?? {});
    const close = didYouMean(env, names);
    report({
      code: 'UNKNOWN_ENVIRONMENT',
      severity: 'error',
      message: `No environment "${env}" in the spec; ${names.length ? `it defines ${names.map((n) => `"${n}"`).join(', ')}` : 'it defines no environments'}.`,
      ...(close !== undefined ? { hint: `did you mean --env ${close}?` } : {}),
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
