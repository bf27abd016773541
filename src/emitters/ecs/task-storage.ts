/**
 * The lifecycle and storage parts of an ECS task definition: task `volumes` (a name only for
 * scratch space, `host.sourcePath` on EC2, `efsVolumeConfiguration`), `ephemeralStorage`
 * (Fargate), and per container `mountPoints`, `ulimits`, `stopTimeout` and a sidecar's
 * `healthCheck`. What ECS cannot express is a diagnostic naming the target.
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { JsonObject } from '../../core/serialize.js';
import type { ContainerHealthModel, ContainerModel, ServiceModel, VolumeModel } from '../../model/types.js';
import { efsNeedsText } from './task-efs-policy.js';

type Report = (d: DiagnosticInput) => void;

/** Fargate's longest stop timeout (ECS API reference, ContainerDefinition.stopTimeout). */
export const FARGATE_MAX_STOP_TIMEOUT = 120;

const isFargate = (m: ServiceModel) => (m.targets.ecs.launchType ?? 'FARGATE') === 'FARGATE';

/** The volumes ECS can carry, by name (a ConfigMap and a Kubernetes claim have no ECS form). */
export function ecsVolumes(m: ServiceModel): Map<string, VolumeModel> {
  return new Map(m.volumes.filter((v) => v.kind !== 'configMap' && v.kind !== 'persistentVolumeClaim' && v.kind !== 'managedEfs' && !(v.kind === 'hostPath' && isFargate(m))).map((v) => [v.name, v]));
}

/** `mountPoints`, `ulimits` of one container (in that order). */
export function addContainerStorage(m: ServiceModel, c: ContainerModel, def: JsonObject, report: Report): void {
  const volumes = ecsVolumes(m);
  const mounts: JsonObject[] = [];
  for (const mt of c.mounts) {
    if (!volumes.has(mt.volume)) continue; // unknown, or reported with the volume
    if (mt.subPath !== undefined) {
      report({
        code: 'ECS_MOUNT_SUBPATH',
        severity: 'warning',
        message: `ECS mounts whole volumes: subPath ${mt.subPath} of container ${c.name} is not carried, the volume's root is mounted at ${mt.path} (target ecs).`,
        hint: 'for EFS, declare the directory as its own volume with rootDirectory',
        path: [...mt.at, 'subPath'],
      });
    }
    mounts.push({ sourceVolume: mt.volume, containerPath: mt.path, readOnly: mt.readOnly });
  }
  if (mounts.length) def.mountPoints = mounts;
  if (c.ulimits.length) def.ulimits = c.ulimits.map((u) => ({ name: u.name, softLimit: u.soft, hardLimit: u.hard }));
}

/** A sidecar's own container health check (the main container's is written from `health.container`). */
export function ecsHealthCheck(h: ContainerHealthModel): JsonObject {
  const hc: JsonObject = { command: h.command };
  if (h.intervalSeconds !== undefined) hc.interval = h.intervalSeconds;
  if (h.timeoutSeconds !== undefined) hc.timeout = h.timeoutSeconds;
  if (h.retries !== undefined) hc.retries = h.retries;
  if (h.startPeriodSeconds !== undefined) hc.startPeriod = h.startPeriodSeconds;
  return hc;
}

/** `stopTimeout`: `targets.ecs.stopTimeout` on the main container, else `terminationGracePeriod` on every container of the spec. */
export function stopTimeout(m: ServiceModel, c: ContainerModel): number | undefined {
  const ecs = m.targets.ecs;
  if (c.main && ecs.stopTimeout !== undefined) return ecs.stopTimeout;
  return m.terminationGracePeriodSeconds;
}

/** Task-level `volumes` and `ephemeralStorage`, and what ECS cannot carry. Reported once per task. */
export function addTaskStorage(m: ServiceModel, td: JsonObject, report: Report): void {
  const fargate = isFargate(m);
  const grace = m.terminationGracePeriodSeconds;
  if (grace !== undefined && fargate && grace > FARGATE_MAX_STOP_TIMEOUT) {
    report({ code: 'ECS_STOP_TIMEOUT_TOO_LONG', severity: 'error', message: `Fargate waits at most ${FARGATE_MAX_STOP_TIMEOUT} s before it kills a container; terminationGracePeriod is ${grace} s (target ecs).`, hint: 'set terminationGracePeriod: 120s for ECS (targets.ecs.terminationGracePeriod), or use the EC2 launch type', path: ['terminationGracePeriod'] });
  }
  const volumes: JsonObject[] = [];
  for (const v of m.volumes) {
    const at = v.at;
    if (v.kind === 'emptyDir') {
      if (v.sizeLimit !== undefined) report({ code: 'ECS_VOLUME_SIZE', severity: 'warning', message: `ECS task volumes have no size limit of their own; sizeLimit ${v.sizeLimit} of volume ${v.name} is not carried (target ecs).`, hint: fargate ? 'ephemeralStorage sets the task\'s whole disk (21–200 GiB)' : 'the container instance\'s disk holds it', path: [...at, 'emptyDir', 'sizeLimit'] });
      if (v.medium === 'Memory') report({ code: 'ECS_VOLUME_MEDIUM', severity: 'warning', message: `ECS task volumes are on disk; medium Memory of volume ${v.name} is not carried (target ecs).`, path: [...at, 'emptyDir', 'medium'] });
      volumes.push({ name: v.name });
    } else if (v.kind === 'hostPath') {
      if (fargate) {
        report({ code: 'ECS_FARGATE_HOST_PATH', severity: 'error', message: `Fargate tasks cannot mount a host directory: volume ${v.name} (hostPath ${v.path}) has no form on target ecs.`, hint: 'use an emptyDir or EFS volume, or targets.ecs.launchType: EC2', path: [...at, 'hostPath'] });
        continue;
      }
      if (v.type !== undefined) report({ code: 'ECS_HOST_PATH_TYPE', severity: 'warning', message: `ECS has no hostPath type check; type ${v.type} of volume ${v.name} is not carried (target ecs).`, path: [...at, 'hostPath', 'type'] });
      volumes.push({ name: v.name, host: { sourcePath: v.path } });
    } else if (v.kind === 'efs') {
      const efs: JsonObject = { fileSystemId: v.fileSystemId };
      if (v.rootDirectory !== undefined) efs.rootDirectory = v.rootDirectory;
      efs.transitEncryption = v.transitEncryption ? 'ENABLED' : 'DISABLED';
      if (v.accessPointId !== undefined || v.iam) {
        const auth: JsonObject = {};
        if (v.accessPointId !== undefined) auth.accessPointId = v.accessPointId;
        if (v.iam) auth.iam = 'ENABLED';
        efs.authorizationConfig = auth;
      }
      if (v.iam && m.targets.ecs.taskRoleArn) {
        // A role given by ARN is outside the template: codegen cannot see or extend its policy.
        report({ code: 'ECS_EFS_IAM_TASK_ROLE_UNCHECKED', severity: 'warning', message: `Volume ${v.name} mounts EFS with IAM authorization as the task role given by ARN, which codegen cannot check: it needs ${efsNeedsText(m, v)} (target ecs).`, hint: 'grant them in the role\'s policy or in the file system policy, or leave out taskRoleArn so the service template creates a role that has them', path: [...at, 'efs', 'iam'] });
      }
      volumes.push({ name: v.name, efsVolumeConfiguration: efs });
    } else if (v.kind === 'persistentVolumeClaim') {
      report({ code: 'ECS_PERSISTENT_VOLUME_CLAIM', severity: 'error', message: `ECS has no PersistentVolumeClaim: volume ${v.name} (claim ${v.claimName}) has no form on target ecs, and without it what the containers write there would not persist.`, hint: `for an EFS file system declare volumes.${v.name}.efs with its fileSystemId and claimName ${v.claimName}, which ECS and Kubernetes both mount; or leave ecs out of targets`, path: [...at, 'persistentVolumeClaim'] });
    } else if (v.kind === 'managedEfs') {
      report({ code: 'ECS_MANAGED_EFS', severity: 'error', message: `ECS mounts an EFS file system by its ID: volume ${v.name} is one Copilot creates (managedEfs), which has no form on target ecs, and without it what the containers write there would not persist.`, hint: `create the file system (or take Copilot's) and declare volumes.${v.name}.efs with its fileSystemId; or leave ecs out of targets`, path: [...at, 'managedEfs'] });
    } else {
      report({ code: 'ECS_CONFIG_MAP', severity: 'warning', message: `ECS has no ConfigMap: volume ${v.name} (ConfigMap ${v.configMap}) and its mounts are not carried, so the containers start without these files (target ecs).`, hint: 'bake the files into the image, or fill an emptyDir volume from a sidecar that waits with SUCCESS', path: [...at, 'configMap'] });
    }
  }
  if (volumes.length) td.volumes = volumes;
  if (m.ephemeralStorageGiB !== undefined) {
    if (fargate) td.ephemeralStorage = { sizeInGiB: m.ephemeralStorageGiB };
    else report({ code: 'ECS_EPHEMERAL_STORAGE_EC2', severity: 'warning', message: 'ephemeralStorage is a Fargate setting; on EC2 the containers use the instance\'s disk, so it is not carried (target ecs).', path: ['ephemeralStorage'] });
  }
}
