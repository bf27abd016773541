/**
 * Copilot `storage` (`ephemeral`, `volumes`, `readonly_fs`), container mounts (`storage.volumes.<v>.path`
 * for the main container, `mount_points` for sidecars), start ordering (`depends_on`) and the
 * lifecycle fields Copilot has no form for. A Copilot volume is an empty task volume unless it has
 * `efs` (an existing file system's id, or `true` for one Copilot manages: `managedEfs`); `read_only`
 * defaults to true there, so it is always written.
 * @see https://aws.github.io/copilot-cli/docs/include/storage/ (manifest `storage`)
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { ContainerModel, ServiceModel, VolumeModel } from '../../model/types.js';

type Report = (d: DiagnosticInput) => void;

/** The volumes Copilot can hold: empty (emptyDir) and EFS volumes the main container mounts. */
function copilotVolumes(m: ServiceModel): Map<string, VolumeModel> {
  const mainMounts = new Set(m.main.mounts.map((x) => x.volume));
  return new Map(m.volumes.filter((v) => (v.kind === 'emptyDir' || v.kind === 'efs' || v.kind === 'managedEfs') && mainMounts.has(v.name)).map((v) => [v.name, v]));
}

function efs(v: Extract<VolumeModel, { kind: 'efs' }>, report: Report): JsonObject {
  const out: JsonObject = { id: v.fileSystemId };
  if (v.rootDirectory !== undefined) out.root_dir = v.rootDirectory;
  if (!v.transitEncryption) report({ code: 'COPILOT_EFS_TRANSIT_ENCRYPTION', severity: 'warning', message: `Copilot always encrypts EFS traffic; transitEncryption false of volume ${v.name} is not carried (target copilot).`, path: [...v.at, 'efs', 'transitEncryption'] });
  const iam = v.iam || v.accessPointId !== undefined;
  if (v.accessPointId !== undefined && !v.iam) report({ code: 'COPILOT_EFS_ACCESS_POINT_IAM', severity: 'warning', message: `Copilot mounts an EFS access point with IAM authorization only; volume ${v.name} is written with auth.iam true (Copilot grants the task role the mount permissions) (target copilot).`, path: [...v.at, 'efs', 'iam'] });
  out.auth = v.accessPointId !== undefined ? { iam, access_point_id: v.accessPointId } : { iam };
  return out;
}

/** `storage`, or undefined when there is nothing to write. */
export function storage(m: ServiceModel, report: Report): JsonObject | undefined {
  const out: JsonObject = {};
  if (m.ephemeralStorageGiB !== undefined) out.ephemeral = m.ephemeralStorageGiB;
  if (m.main.readOnlyRootFilesystem !== undefined) out.readonly_fs = m.main.readOnlyRootFilesystem;
  const carried = copilotVolumes(m);
  const volumes: JsonObject = {};
  for (const v of m.volumes) {
    if (v.kind === 'persistentVolumeClaim') {
      report({ code: 'COPILOT_PERSISTENT_VOLUME_CLAIM', severity: 'error', message: `Copilot has no PersistentVolumeClaim: volume ${v.name} (claim ${v.claimName}) has no form on target copilot, and without it what the containers write there would not persist.`, hint: `for an EFS file system declare volumes.${v.name}.efs with its fileSystemId and claimName ${v.claimName}; or leave copilot out of targets`, path: [...v.at, 'persistentVolumeClaim'] });
      continue;
    }
    if (v.kind === 'hostPath' || v.kind === 'configMap') {
      report({ code: 'COPILOT_VOLUME_KIND', severity: 'warning', message: `Copilot volumes are empty or EFS: volume ${v.name} (${v.kind}) and its mounts are not carried (target copilot).`, hint: 'add it with a taskdef_overrides rule, or deploy with the ECS target', path: [...v.at, v.kind] });
      continue;
    }
    if (!carried.has(v.name)) {
      if (m.containers.some((c) => c.mounts.some((x) => x.volume === v.name))) {
        report({ code: 'COPILOT_VOLUME_NOT_ON_MAIN', severity: 'warning', message: `A Copilot volume is always mounted in the main container (storage.volumes.<name>.path); volume ${v.name} is mounted only by sidecars, so it is not carried (target copilot).`, path: v.at });
      }
      continue;
    }
    if (v.kind === 'emptyDir' && (v.sizeLimit !== undefined || v.medium !== undefined)) {
      report({ code: 'COPILOT_VOLUME_SIZE', severity: 'warning', message: `Copilot empty volumes have no size limit or medium of their own; ${v.sizeLimit !== undefined ? `sizeLimit ${v.sizeLimit}` : 'medium Memory'} of volume ${v.name} is not carried (target copilot).`, hint: 'storage.ephemeral (ephemeralStorage) sets the task\'s disk', path: [...v.at, 'emptyDir'] });
    }
    const mounts = m.main.mounts.filter((x) => x.volume === v.name);
    const first = mounts[0]!;
    if (mounts.length > 1) report({ code: 'COPILOT_VOLUME_TWICE', severity: 'warning', message: `Copilot mounts a volume once in the main container; only ${first.path} of volume ${v.name} is written (target copilot).`, path: mounts[1]!.at });
    const vol: JsonObject = { path: first.path, read_only: first.readOnly };
    if (v.kind === 'efs') vol.efs = efs(v, report);
    if (v.kind === 'managedEfs') vol.efs = v.uid !== undefined && v.gid !== undefined ? { uid: v.uid, gid: v.gid } : true;
    volumes[v.name] = vol;
  }
  // Copilot creates one managed file system (access point) per service.
  const managed = m.volumes.filter((v) => v.kind === 'managedEfs');
  if (managed.length > 1) report({ code: 'COPILOT_MANAGED_EFS_ONE', severity: 'error', message: `Copilot manages one EFS file system per service; volumes ${managed.map((v) => v.name).join(', ')} each ask for one (target copilot).`, hint: 'mount one managed volume, or declare the others as efs with their fileSystemId', path: managed[1]!.at });
  if (Object.keys(volumes).length) out.volumes = volumes;
  return Object.keys(out).length ? out : undefined;
}

/** A sidecar's `mount_points`. */
export function mountPoints(m: ServiceModel, c: ContainerModel): JsonObject[] | undefined {
  const carried = copilotVolumes(m);
  const out = c.mounts.filter((x) => carried.has(x.volume)).map((x) => ({ source_volume: x.volume, path: x.path, read_only: x.readOnly }));
  return out.length ? out : undefined;
}

/** `depends_on` of a container (`image.depends_on` for the main one). */
export function dependsOn(c: ContainerModel): JsonObject | undefined {
  return c.dependsOn.length ? Object.fromEntries(c.dependsOn.map((d) => [d.container, d.condition.toLowerCase()])) : undefined;
}

/** Container fields Copilot has no form for: subPath, ulimits, the stop timeout. */
export function reportLifecycleNotCarried(m: ServiceModel, report: Report): void {
  for (const c of m.containers) {
    for (const x of c.mounts) {
      if (x.subPath !== undefined) report({ code: 'COPILOT_MOUNT_SUBPATH', severity: 'warning', message: `Copilot mounts whole volumes: subPath ${x.subPath} of container ${c.name} is not carried (target copilot).`, path: [...x.at, 'subPath'] });
    }
    if (c.ulimits.length) report({ code: 'COPILOT_ULIMITS', severity: 'warning', message: `Copilot has no ulimits field; the ulimits of container ${c.name} are not carried (target copilot).`, hint: 'add them with a taskdef_overrides rule (ContainerDefinitions[n].Ulimits)', path: [...c.path, 'ulimits'] });
  }
  if (m.terminationGracePeriodSeconds !== undefined) {
    report({ code: 'COPILOT_STOP_TIMEOUT', severity: 'warning', message: 'Copilot has no stop timeout field; terminationGracePeriod is not carried, ECS waits its default 30 s (target copilot).', hint: 'add it with a taskdef_overrides rule (ContainerDefinitions[0].StopTimeout)', path: ['terminationGracePeriod'] });
  }
}
