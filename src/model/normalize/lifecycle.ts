/**
 * Lifecycle and storage of the containers: start ordering (`dependsOn`), ulimits, volumes and the
 * mounts that use them. What every target would refuse is reported here, once (an unknown
 * container or volume, a dependency cycle, COMPLETE/SUCCESS on an essential container, HEALTHY on a
 * container without a health check, EFS options EFS itself refuses); what one target cannot express
 * is reported by its emitter.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import type { ContainerModel, HealthModel, MountModel, UlimitModel, VolumeModel } from '../types.js';
import type { Report } from './common.js';

export function normalizeUlimits(u: ServiceSpec['ulimits'], path: SpecPath, rep: Report): UlimitModel[] {
  const out: UlimitModel[] = [];
  for (const [name, v] of Object.entries(u ?? {})) {
    const limit = typeof v === 'number' ? { soft: v, hard: v } : { soft: v.soft, hard: v.hard };
    if (limit.hard !== -1 && (limit.soft === -1 || limit.soft > limit.hard)) {
      rep({ code: 'ULIMIT_SOFT_ABOVE_HARD', severity: 'error', message: `The soft ${name} limit (${limit.soft}) is above its hard limit (${limit.hard}).`, path: [...path, name, 'soft'] });
    }
    out.push({ name, ...limit });
  }
  return out;
}

export function normalizeMounts(m: ServiceSpec['mounts'], path: SpecPath): MountModel[] {
  return (m ?? []).map((x, i) => ({
    volume: x.volume,
    path: x.path,
    readOnly: x.readOnly ?? false,
    ...(x.subPath !== undefined ? { subPath: x.subPath } : {}),
    at: [...path, i],
  }));
}

export function normalizeVolumes(v: ServiceSpec['volumes'], rep: Report): VolumeModel[] {
  const out: VolumeModel[] = [];
  for (const [name, spec] of Object.entries(v ?? {})) {
    const at: SpecPath = ['volumes', name];
    if (spec.emptyDir) {
      out.push({ name, at, kind: 'emptyDir', ...(spec.emptyDir.sizeLimit !== undefined ? { sizeLimit: spec.emptyDir.sizeLimit } : {}), ...(spec.emptyDir.medium ? { medium: spec.emptyDir.medium } : {}) });
    } else if (spec.efs) {
      const e = spec.efs;
      const transitEncryption = e.transitEncryption ?? true;
      const iam = e.iam ?? false;
      if (e.accessPointId !== undefined && e.rootDirectory !== undefined && e.rootDirectory !== '/') {
        rep({ code: 'EFS_ACCESS_POINT_ROOT', severity: 'error', message: `With an access point the root directory must be / (the access point sets the directory); got ${e.rootDirectory}.`, hint: 'drop rootDirectory, or set the path on the access point', path: [...at, 'efs', 'rootDirectory'] });
      }
      if (!transitEncryption && (e.accessPointId !== undefined || iam)) {
        rep({ code: 'EFS_NEEDS_TRANSIT_ENCRYPTION', severity: 'error', message: `An EFS ${e.accessPointId !== undefined ? 'access point' : 'IAM authorization'} needs transit encryption; transitEncryption is false.`, path: [...at, 'efs', 'transitEncryption'] });
      }
      out.push({
        name,
        at,
        kind: 'efs',
        fileSystemId: e.fileSystemId,
        ...(e.rootDirectory !== undefined ? { rootDirectory: e.rootDirectory } : {}),
        ...(e.accessPointId !== undefined ? { accessPointId: e.accessPointId } : {}),
        transitEncryption,
        iam,
        ...(e.claimName !== undefined ? { claimName: e.claimName } : {}),
      });
    } else if (spec.hostPath) {
      out.push({ name, at, kind: 'hostPath', path: spec.hostPath.path, ...(spec.hostPath.type ? { type: spec.hostPath.type } : {}) });
    } else if (spec.configMap) {
      const c = spec.configMap;
      out.push({ name, at, kind: 'configMap', configMap: c.name, items: Object.entries(c.items ?? {}).map(([key, path]) => ({ key, path })), ...(c.defaultMode !== undefined ? { defaultMode: c.defaultMode } : {}) });
    } else if (spec.persistentVolumeClaim) {
      out.push({ name, at, kind: 'persistentVolumeClaim', claimName: spec.persistentVolumeClaim.claimName, readOnly: spec.persistentVolumeClaim.readOnly ?? false });
    } else if (spec.managedEfs) {
      const { uid, gid } = spec.managedEfs;
      if ((uid === undefined) !== (gid === undefined)) rep({ code: 'VOLUME_MANAGED_EFS_USER', severity: 'error', message: `Volume ${name}: a managed EFS file system's POSIX user takes both uid and gid (Copilot refuses one without the other).`, path: [...at, 'managedEfs'] });
      out.push({ name, at, kind: 'managedEfs', ...(uid !== undefined ? { uid } : {}), ...(gid !== undefined ? { gid } : {}) });
    }
  }
  return out;
}

/** Check dependsOn and mounts across containers; COMPLETE/SUCCESS targets without `essential` become non-essential. */
export function checkLifecycle(containers: ContainerModel[], volumes: VolumeModel[], mainHealth: HealthModel, rep: Report): void {
  const byName = new Map(containers.map((c) => [c.name, c]));
  for (const c of containers) {
    for (const dep of c.dependsOn) {
      const at: SpecPath = [...c.path, 'dependsOn', dep.container];
      const target = byName.get(dep.container);
      if (!target) {
        rep({ code: 'UNKNOWN_CONTAINER', severity: 'error', message: `dependsOn names "${dep.container}", which is not a container of this service.`, hint: `containers are ${[...byName.keys()].map((n) => `"${n}"`).join(', ')}`, path: at });
        continue;
      }
      if (target === c) {
        rep({ code: 'DEPENDS_ON_SELF', severity: 'error', message: `Container ${c.name} cannot wait for itself.`, path: at });
        continue;
      }
      if (dep.condition === 'COMPLETE' || dep.condition === 'SUCCESS') {
        if (target.main || target.essentialGiven) {
          if (target.essential) {
            rep({
              code: 'DEPENDS_ON_ESSENTIAL',
              severity: 'error',
              message: `Container ${c.name} waits for ${target.name} to ${dep.condition === 'SUCCESS' ? 'exit with status 0' : 'exit'} (${dep.condition}), but ${target.name} is essential: ECS refuses ${dep.condition} on an essential container, and the task would stop when it exits.`,
              hint: target.main ? 'wait for a sidecar instead' : `set sidecars.${target.name}.essential: false, or wait for START or HEALTHY`,
              path: at,
            });
          }
        } else target.essential = false;
      }
      if (dep.condition === 'HEALTHY' && !(target.main ? mainHealth.container : target.health?.container)) {
        rep({
          code: 'DEPENDS_ON_NO_HEALTH_CHECK',
          severity: 'error',
          message: `Container ${c.name} waits for ${target.name} to be HEALTHY, but ${target.name} has no container health check (ECS needs one for HEALTHY).`,
          hint: target.main ? 'add health.container' : `add sidecars.${target.name}.health.container, or wait for START`,
          path: at,
        });
      }
    }
  }
  const cycle = findCycle(containers);
  if (cycle) rep({ code: 'DEPENDS_ON_CYCLE', severity: 'error', message: `The containers wait for each other in a cycle (${cycle.join(' → ')}), so none of them can start.`, path: [...byName.get(cycle[0]!)!.path, 'dependsOn'] });
  const names = new Set(volumes.map((v) => v.name));
  for (const c of containers) {
    const paths = new Set<string>();
    for (const m of c.mounts) {
      if (!names.has(m.volume)) {
        rep({ code: 'UNKNOWN_VOLUME', severity: 'error', message: `Container ${c.name} mounts "${m.volume}", which is not a volume of this service.`, ...(names.size ? { hint: `volumes are ${[...names].map((n) => `"${n}"`).join(', ')}` } : { hint: 'declare it under volumes' }), path: [...m.at, 'volume'] });
      }
      if (paths.has(m.path)) rep({ code: 'DUPLICATE_MOUNT_PATH', severity: 'error', message: `Container ${c.name} mounts two volumes at ${m.path}.`, path: [...m.at, 'path'] });
      paths.add(m.path);
    }
  }
}

function findCycle(containers: ContainerModel[]): string[] | undefined {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'open') return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, 'open');
    stack.push(name);
    for (const d of byName.get(name)?.dependsOn ?? []) {
      if (d.container === name || !byName.has(d.container)) continue;
      const found = visit(d.container);
      if (found) return found;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const c of containers) {
    const found = visit(c.name);
    if (found) return found;
  }
  return undefined;
}
