/**
 * The main container and the sidecars, in the order the spec gives them (patch pointers such as
 * `/containerDefinitions/2` depend on it), with repeated names reported. A sidecar is essential
 * unless the spec says otherwise, as in ECS and Copilot, except a container another one waits for
 * with COMPLETE or SUCCESS, which ECS requires to be non-essential (see `lifecycle.ts`).
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Sidecar } from '../../schema/spec.generated.js';
import type { ContainerModel } from '../types.js';
import type { Report } from './common.js';
import { normalizeEnv, normalizeSecrets } from './env.js';
import { normalizeMounts, normalizeUlimits } from './lifecycle.js';
import { normalizePorts } from './ports.js';
import { normalizeSidecarHealth } from './probes.js';
import { normalizeResources } from './resources.js';
import { containerSecurity, mainReadOnlyRoot } from './security.js';

export function normalizeContainers(spec: ServiceSpec, rep: Report): { main: ContainerModel; containers: ContainerModel[] } {
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
    ...readOnly(mainReadOnlyRoot(spec, rep)),
    security: containerSecurity(spec.security, true),
    securityPath: ['security'],
    dependsOn: dependencies(spec.dependsOn),
    path: [],
    ulimits: normalizeUlimits(spec.ulimits, ['ulimits'], rep),
    mounts: normalizeMounts(spec.mounts, ['mounts']),
  };
  const sidecars = Object.entries(spec.sidecars ?? {}).map(([name, s]) => normalizeSidecar(name, s, ['sidecars', name], rep));
  const containers = [main, ...sidecars];
  const names = new Set<string>();
  for (const c of containers) {
    if (names.has(c.name)) rep({ code: 'DUPLICATE_CONTAINER_NAME', severity: 'error', message: `Two containers are named "${c.name}".`, path: c.path.length ? c.path : ['containerName'] });
    names.add(c.name);
  }
  return { main, containers };
}

function dependencies(d: ServiceSpec['dependsOn']): ContainerModel['dependsOn'] {
  return Object.entries(d ?? {}).map(([container, condition]) => ({ container, condition }));
}

function normalizeSidecar(name: string, s: Sidecar, path: SpecPath, rep: Report): ContainerModel {
  const ports = normalizePorts(s.ports ?? [], [...path, 'ports'], rep);
  const health = s.health ? normalizeSidecarHealth(s.health, ports, [...path, 'health'], rep) : undefined;
  return {
    name,
    image: s.image,
    essential: s.essential ?? true,
    ...(s.essential !== undefined ? { essentialGiven: true as const } : {}),
    main: false,
    ...(s.command ? { command: [...s.command] } : {}),
    ...(s.entrypoint ? { entrypoint: [...s.entrypoint] } : {}),
    ports,
    resources: normalizeResources(s.resources, [...path, 'resources'], rep),
    env: normalizeEnv(s.env, [...path, 'env']),
    secrets: normalizeSecrets(s.secrets, [...path, 'secrets'], rep),
    ...(s.user !== undefined ? { user: s.user } : {}),
    ...readOnly(s.security?.readOnlyRootFilesystem),
    security: containerSecurity(s.security, false),
    securityPath: [...path, 'security'],
    dependsOn: dependencies(s.dependsOn),
    path,
    ulimits: normalizeUlimits(s.ulimits, [...path, 'ulimits'], rep),
    mounts: normalizeMounts(s.mounts, [...path, 'mounts']),
    ...(health && Object.keys(health).length ? { health } : {}),
  };
}

const readOnly = (v: boolean | undefined) => (v !== undefined ? { readOnlyRootFilesystem: v } : {});
