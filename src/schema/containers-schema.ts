/**
 * The container parts of spec v1 beyond image and ports: start/stop ordering, ulimits, volumes and
 * their mounts, task ephemeral storage. `core-schema.ts` adds them to the main container (core
 * properties) and to every sidecar.
 */
import { arr, bool, duration, enumOf, int, map, obj, oneOf, ref, str, type JsonSchema } from './dsl.js';
import { ULIMIT_NAMES } from './values.js';

/** Container names as ECS allows them (core-schema.ts CONTAINER_NAME_PATTERN). */
const CONTAINER_NAME = '^[A-Za-z0-9_-]{1,255}$';
const ABSOLUTE_PATH = '^/';
const RELATIVE_PATH = '^[^/]';

/** ECS ContainerDependency conditions (ECS API reference, ContainerDependency). */
export const DEPENDENCY_CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] as const;

export const dependsOnSchema = (who: string) =>
  map(
    `Start ordering of ${who}: container name → condition it waits for. \`START\`: the other container has started; \`HEALTHY\`: it passes its health check (it needs \`health.container\`); \`COMPLETE\`: it has exited; \`SUCCESS\`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS \`dependsOn\`, Copilot \`depends_on\`; Kubernetes: see docs/spec.md (native sidecars and init containers).`,
    enumOf('Condition.', DEPENDENCY_CONDITIONS),
    CONTAINER_NAME,
  );

export { ULIMIT_NAMES };

export const ulimitsSchema = (who: string) =>
  map(
    `Resource limits (ulimits) of ${who}: name → limit. ECS \`ulimits\`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only \`nofile\` by default (65535 soft and hard).`,
    oneOf('The limit: one number for both soft and hard, or both.', [
      { type: 'integer', minimum: -1, maximum: 2147483647, description: 'Soft and hard limit (the same value).' },
      obj('Soft and hard limit.', {
        soft: int('Soft limit.', { minimum: -1, maximum: 2147483647 }),
        hard: int('Hard limit (at least the soft limit).', { minimum: -1, maximum: 2147483647 }),
      }, ['soft', 'hard']),
    ]),
    `^(${ULIMIT_NAMES.join('|')})$`,
  );

const mount = obj('One volume mounted into the container.', {
  volume: str('Name of a volume under `volumes`.', { pattern: CONTAINER_NAME }),
  path: str('Absolute path in the container (ECS `containerPath`, Kubernetes `mountPath`, Copilot `path`).', { pattern: ABSOLUTE_PATH, maxLength: 4096 }),
  readOnly: bool('Mount read-only (default false).'),
  subPath: str('A path inside the volume mounted instead of its root (Kubernetes `subPath`; ECS and Copilot have none: a diagnostic — on EFS use `rootDirectory`).', { pattern: RELATIVE_PATH }),
}, ['volume', 'path']);

export const mountsSchema = (who: string) => arr(`Volumes mounted into ${who}.`, ref('mount', 'A mount.'));

const volume = obj(
  'A volume of the task or pod: exactly one of `emptyDir`, `efs`, `hostPath`, `configMap`, `persistentVolumeClaim` or `managedEfs`.',
  {
    emptyDir: obj('Scratch space that lives as long as the task or pod (Kubernetes `emptyDir`; ECS a task volume with no host path; Copilot a `storage.volumes` entry without `efs`).', {
      sizeLimit: str('Size limit, e.g. `1Gi` (Kubernetes `sizeLimit`; ECS and Copilot have no per-volume size: a diagnostic — see `ephemeralStorage`).', { pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$' }),
      medium: enumOf('`Memory` keeps the files in RAM (Kubernetes `medium: Memory`, a tmpfs counted against the memory limit); ECS and Copilot task volumes are on disk (a diagnostic).', ['Memory']),
    }),
    efs: obj('An Amazon EFS file system (ECS `efsVolumeConfiguration`; Copilot `efs`; Kubernetes through a PersistentVolumeClaim of the EFS CSI driver, `claimName`).', {
      fileSystemId: str('File system ID, e.g. `fs-0123456789abcdef0`.', { pattern: '^fs-[0-9a-f]{8,40}$' }),
      rootDirectory: str('Directory of the file system mounted as the root of the volume (default `/`; must be `/` with an access point).', { pattern: '^/[A-Za-z0-9._/-]*$', maxLength: 255 }),
      accessPointId: str('EFS access point ID (`fsap-...`); it needs transit encryption.', { pattern: '^fsap-[0-9a-f]{8,40}$' }),
      transitEncryption: bool('Encrypt data in transit (default true; ECS `transitEncryption`; Copilot always encrypts).'),
      iam: bool('Mount with the task\'s IAM role (ECS `authorizationConfig.iam`, Copilot `auth.iam`; default false). Needs transit encryption.'),
      claimName: str('Kubernetes: the PersistentVolumeClaim (EFS CSI driver, static provisioning) that holds this file system; required for the Kubernetes target.', { pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }),
    }, ['fileSystemId']),
    hostPath: obj('A directory of the host (ECS `host.sourcePath`, EC2 only — Fargate refuses it; Kubernetes `hostPath`, with a warning: it ties the pod to a node and exposes the node; Copilot has none).', {
      path: str('Absolute path on the host.', { pattern: ABSOLUTE_PATH, maxLength: 4096 }),
      type: enumOf('Kubernetes `hostPath.type` check (default: none).', ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice']),
    }, ['path']),
    configMap: obj('Files from a Kubernetes ConfigMap (Kubernetes `configMap`; ECS and Copilot have no form: a diagnostic — bake the files into the image or fill a volume from a sidecar).', {
      name: str('ConfigMap name.', { pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }),
      items: map('Keys to project: key → file path relative to the mount (default: every key, as a file named after it).', { type: 'string', pattern: RELATIVE_PATH, description: 'Relative file path.' }, '^[-._a-zA-Z0-9]+$'),
      defaultMode: int('File mode bits of the files, e.g. 420 (octal 0644).', { minimum: 0, maximum: 511 }),
    }, ['name']),
    persistentVolumeClaim: obj('A Kubernetes PersistentVolumeClaim the cluster already has (Kubernetes `persistentVolumeClaim`; ECS and Copilot have no form: an error, since the data would not persist — for an EFS file system use `efs` with `claimName`, which every target can mount).', {
      claimName: str('Name of the claim, in the pod\'s namespace.', { pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }),
      readOnly: bool('Mount the claim read-only in every container (Kubernetes `persistentVolumeClaim.readOnly`, default false); a mount can also be read-only on its own.'),
    }, ['claimName']),
    managedEfs: obj('An EFS file system that Copilot creates and manages for the service (Copilot `efs: true`, or `efs: {uid, gid}` with a POSIX user of one\'s own): it outlives the service\'s tasks. Copilot only, and one per service; ECS and Kubernetes have no form (an error: a template cannot mount a file system nobody created — use `efs` with its `fileSystemId`).', {
      uid: int('POSIX user ID the access point uses (Copilot `efs.uid`); needs `gid`.', { minimum: 0, maximum: 4294967295 }),
      gid: int('POSIX group ID the access point uses (Copilot `efs.gid`); needs `uid`.', { minimum: 0, maximum: 4294967295 }),
    }),
  },
  [],
  { oneOf: [{ required: ['emptyDir'] }, { required: ['efs'] }, { required: ['hostPath'] }, { required: ['configMap'] }, { required: ['persistentVolumeClaim'] }, { required: ['managedEfs'] }] },
);

export const volumesSchema = map(
  'Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).',
  ref('volume', 'A volume.'),
  CONTAINER_NAME,
);

export const containersDefs: Record<string, JsonSchema> = { volume, mount };

/** Core properties added by this file (the main container's and the task's). */
export const containersCoreProperties: Record<string, JsonSchema> = {
  terminationGracePeriod: duration('Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic).'),
  dependsOn: dependsOnSchema('the main container'),
  ulimits: ulimitsSchema('the main container'),
  volumes: volumesSchema,
  mounts: mountsSchema('the main container'),
  ephemeralStorage: int('Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.', { minimum: 21, maximum: 200 }),
};
