/** The main container and the sidecars (sorted by name), with repeated names and unknown `dependsOn` reported. */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec, Sidecar } from '../../schema/spec.generated.js';
import type { ContainerModel } from '../types.js';
import type { Report } from './common.js';
import { normalizeEnv, normalizeSecrets } from './env.js';
import { normalizePorts } from './ports.js';
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
  return { main, containers };
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
    ...readOnly(s.security?.readOnlyRootFilesystem),
    security: containerSecurity(s.security, false),
    securityPath: [...path, 'security'],
    dependsOn: Object.entries(s.dependsOn ?? {}).map(([container, condition]) => ({ container, condition })),
    path,
  };
}

const readOnly = (v: boolean | undefined) => (v !== undefined ? { readOnlyRootFilesystem: v } : {});
