/**
 * What a task role needs to mount EFS volumes with IAM authorization (`efs.iam: true`): the EFS
 * client actions on the file system, and nothing wider. From the EFS user guide ("Using IAM to
 * control access to file systems") and the Service Authorization Reference:
 * - `elasticfilesystem:ClientMount` — read-only access; every IAM-authorized mount needs it.
 * - `elasticfilesystem:ClientWrite` — write access; only when a container mounts the volume writable.
 * - `elasticfilesystem:ClientRootAccess` — root access; without it EFS squashes a root client to
 *   the anonymous user under IAM authorization. Granted only when a container that runs as root
 *   (no non-zero uid) mounts the volume writable without an access point: an access point
 *   replaces the client's identity with its own POSIX user, so root access has no effect there.
 * The resource is the file system's ARN; with an access point the statement holds only for mounts
 * through it (condition key `elasticfilesystem:AccessPointArn`, StringEquals).
 */
import type { JsonObject } from '../../core/serialize.js';
import { effectiveIds } from '../../model/normalize/security.js';
import type { ContainerModel, ServiceModel, VolumeModel } from '../../model/types.js';
import { allow, sub } from '../common/cfn.js';

export type EfsIamVolume = Extract<VolumeModel, { kind: 'efs' }>;

/** EFS volumes mounted with IAM authorization, in spec order. */
export function efsIamVolumes(m: ServiceModel): EfsIamVolume[] {
  return m.volumes.filter((v): v is EfsIamVolume => v.kind === 'efs' && v.iam);
}

/** Whether a container runs as root: no uid, or uid 0 / `root` (a `user` string is `uid[:gid]` or a name). */
function runsAsRoot(m: ServiceModel, c: ContainerModel): boolean {
  const ids = effectiveIds(c, m.podSecurity);
  if (ids.user !== undefined) return /^(0|root)(:|$)/.test(ids.user);
  return ids.uid === undefined || ids.uid === 0;
}

/** The EFS client actions one volume needs, from how the containers mount it. */
export function efsActions(m: ServiceModel, v: EfsIamVolume): string[] {
  const writers = m.containers.filter((c) => c.mounts.some((mt) => mt.volume === v.name && !mt.readOnly));
  const actions = ['elasticfilesystem:ClientMount'];
  if (writers.length) actions.push('elasticfilesystem:ClientWrite');
  if (v.accessPointId === undefined && writers.some((c) => runsAsRoot(m, c))) actions.push('elasticfilesystem:ClientRootAccess');
  return actions;
}

const efsArn = (kind: 'file-system' | 'access-point', id: string): JsonObject => sub(`arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:${kind}/${id}`);

/** One Allow statement per IAM-authorized EFS volume, scoped to its file system (and access point). */
export function efsClientStatements(m: ServiceModel): JsonObject[] {
  return efsIamVolumes(m).map((v, i) => {
    const statement = allow(efsActions(m, v), [efsArn('file-system', v.fileSystemId)], `Efs${i + 1}`);
    if (v.accessPointId !== undefined) statement.Condition = { StringEquals: { 'elasticfilesystem:AccessPointArn': efsArn('access-point', v.accessPointId) } };
    return statement;
  });
}

/** The permissions an EFS volume needs, in words (for diagnostics about a role codegen cannot see). */
export function efsNeedsText(m: ServiceModel, v: EfsIamVolume): string {
  const names = efsActions(m, v).map((a) => a.replace('elasticfilesystem:', ''));
  return `elasticfilesystem:${names.join('/')} on file system ${v.fileSystemId}${v.accessPointId !== undefined ? ` through access point ${v.accessPointId}` : ''}`;
}
