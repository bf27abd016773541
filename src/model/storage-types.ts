/**
 * The model of a service's storage: volumes of the task or pod, the mounts and ulimits of a
 * container (re-exported by types.ts).
 */
import type { SpecPath } from '../core/diagnostics.js';

/** One ulimit (ECS `ulimits`). */
export interface UlimitModel {
  name: string;
  soft: number;
  hard: number;
}

/** A volume mounted into one container. */
export interface MountModel {
  volume: string;
  path: string;
  readOnly: boolean;
  subPath?: string;
  /** Spec path of the mount (for diagnostics). */
  at: SpecPath;
}

/** A volume of the task or pod. */
export type VolumeModel = { name: string; at: SpecPath } & (
  | { kind: 'emptyDir'; sizeLimit?: string; medium?: 'Memory' }
  | { kind: 'efs'; fileSystemId: string; rootDirectory?: string; accessPointId?: string; transitEncryption: boolean; iam: boolean; claimName?: string }
  | { kind: 'hostPath'; path: string; type?: string }
  | { kind: 'configMap'; configMap: string; items: { key: string; path: string }[]; defaultMode?: number }
  | { kind: 'persistentVolumeClaim'; claimName: string; readOnly: boolean }
  | { kind: 'managedEfs'; uid?: number; gid?: number }
);
