/* Generated from schema/service.schema.json by `npm run gen:schema`. Do not edit. */

/**
 * Kubernetes readiness probe. Defaults to an HTTP probe on `traffic.path` when that is set.
 */
export type Probe = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * Kubernetes liveness probe (process health).
 */
export type Probe1 = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * Kubernetes startup probe, for slow starters.
 */
export type Probe2 = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * Kubernetes readiness probe.
 */
export type Probe3 = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * Kubernetes liveness probe.
 */
export type Probe4 = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * Kubernetes startup probe; a native sidecar (see `dependsOn`) counts as started once it passes.
 */
export type Probe5 = {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path: string;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: number | string;
    /**
     * Scheme.
     */
    scheme?: 'HTTP' | 'HTTPS';
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string;
    };
  };
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number;
    /**
     * gRPC health service name.
     */
    service?: string;
  };
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: number | string;
  };
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     *
     * @minItems 1
     *
     * Items: Argument.
     */
    command: string[];
  };
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: number | string;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: number | string;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: number | string;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
} & {
  [k: string]: unknown;
};
/**
 * A volume.
 */
export type Volume = {
  /**
   * Scratch space that lives as long as the task or pod (Kubernetes `emptyDir`; ECS a task volume with no host path; Copilot a `storage.volumes` entry without `efs`).
   */
  emptyDir?: {
    /**
     * Size limit, e.g. `1Gi` (Kubernetes `sizeLimit`; ECS and Copilot have no per-volume size: a diagnostic — see `ephemeralStorage`).
     */
    sizeLimit?: string;
    /**
     * `Memory` keeps the files in RAM (Kubernetes `medium: Memory`, a tmpfs counted against the memory limit); ECS and Copilot task volumes are on disk (a diagnostic).
     */
    medium?: 'Memory';
  };
  /**
   * An Amazon EFS file system (ECS `efsVolumeConfiguration`; Copilot `efs`; Kubernetes through a PersistentVolumeClaim of the EFS CSI driver, `claimName`).
   */
  efs?: {
    /**
     * File system ID, e.g. `fs-0123456789abcdef0`.
     */
    fileSystemId: string;
    /**
     * Directory of the file system mounted as the root of the volume (default `/`; must be `/` with an access point).
     */
    rootDirectory?: string;
    /**
     * EFS access point ID (`fsap-...`); it needs transit encryption.
     */
    accessPointId?: string;
    /**
     * Encrypt data in transit (default true; ECS `transitEncryption`; Copilot always encrypts).
     */
    transitEncryption?: boolean;
    /**
     * Mount with the task's IAM role (ECS `authorizationConfig.iam`, Copilot `auth.iam`; default false). Needs transit encryption.
     */
    iam?: boolean;
    /**
     * Kubernetes: the PersistentVolumeClaim (EFS CSI driver, static provisioning) that holds this file system; required for the Kubernetes target.
     */
    claimName?: string;
  };
  /**
   * A directory of the host (ECS `host.sourcePath`, EC2 only — Fargate refuses it; Kubernetes `hostPath`, with a warning: it ties the pod to a node and exposes the node; Copilot has none).
   */
  hostPath?: {
    /**
     * Absolute path on the host.
     */
    path: string;
    /**
     * Kubernetes `hostPath.type` check (default: none).
     */
    type?: 'DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice';
  };
  /**
   * Files from a Kubernetes ConfigMap (Kubernetes `configMap`; ECS and Copilot have no form: a diagnostic — bake the files into the image or fill a volume from a sidecar).
   */
  configMap?: {
    /**
     * ConfigMap name.
     */
    name: string;
    /**
     * Keys to project: key → file path relative to the mount (default: every key, as a file named after it).
     */
    items?: {
      /**
       * Relative file path.
       */
      [k: string]: string;
    };
    /**
     * File mode bits of the files, e.g. 420 (octal 0644).
     */
    defaultMode?: number;
  };
  /**
   * A Kubernetes PersistentVolumeClaim the cluster already has (Kubernetes `persistentVolumeClaim`; ECS and Copilot have no form: an error, since the data would not persist — for an EFS file system use `efs` with `claimName`, which every target can mount).
   */
  persistentVolumeClaim?: {
    /**
     * Name of the claim, in the pod's namespace.
     */
    claimName: string;
    /**
     * Mount the claim read-only in every container (Kubernetes `persistentVolumeClaim.readOnly`, default false); a mount can also be read-only on its own.
     */
    readOnly?: boolean;
  };
  /**
   * An EFS file system that Copilot creates and manages for the service (Copilot `efs: true`, or `efs: {uid, gid}` with a POSIX user of one's own): it outlives the service's tasks. Copilot only, and one per service; ECS and Kubernetes have no form (an error: a template cannot mount a file system nobody created — use `efs` with its `fileSystemId`).
   */
  managedEfs?: {
    /**
     * POSIX user ID the access point uses (Copilot `efs.uid`); needs `gid`.
     */
    uid?: number;
    /**
     * POSIX group ID the access point uses (Copilot `efs.gid`); needs `uid`.
     */
    gid?: number;
  };
} & {
  [k: string]: unknown;
};
/**
 * A plain value, or a reference resolved by the deployment system.
 */
export type EnvValueOverlay =
  | string
  | number
  | boolean
  | {
      /**
       * References per target; a target without one reports a diagnostic.
       */
      ref?: {
        /**
         * A CloudFormation `Fn::Sub` string for the ECS service template, e.g. `${AWS::StackName}-db` or `${LogGroup.Arn}`: it may name the template's parameters, resources (with their attributes) and pseudo parameters, checked at compile time (docs/spec.md, "CloudFormation references").
         */
        cloudformation?: string | null;
        /**
         * A Kubernetes field or ConfigMap reference.
         */
        kubernetes?: {
          /**
           * A ConfigMap key.
           */
          configMap?: {
            /**
             * ConfigMap name.
             */
            name?: string | null;
            /**
             * Key in the ConfigMap.
             */
            key?: string | null;
          } | null;
          /**
           * A downward-API field path, e.g. `status.podIP`.
           */
          field?: string | null;
        } | null;
        /**
         * A Copilot `from_cfn` export name.
         */
        copilot?: string | null;
      } | null;
    }
  | {
      /**
       * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
       */
      param?: string | null;
    };
/**
 * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
 */
export type OverrideName = string | null;
/**
 * One line about the service.
 */
export type OverrideDescription = string | null;
/**
 * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
 */
export type OverrideRegion = string | null;
/**
 * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
 */
export type OverrideImage = string | null;
/**
 * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
 */
export type OverrideContainerName = string | null;
/**
 * Command override (Docker CMD).
 */
export type OverrideCommand = string[] | null;
/**
 * Entrypoint override.
 */
export type OverrideEntrypoint = string[] | null;
/**
 * Ports the main container listens on; the first is the main port.
 */
export type OverridePorts = Port2[] | null;
/**
 * Resources of the main container.
 */
export type OverrideResources = ResourcesOverlay | null;
/**
 * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
 */
export type OverrideReplicas =
  | (
      | number
      | {
          /**
           * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
           */
          param?: string | null;
        }
    )
  | null;
/**
 * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
 */
export type OverrideAutoscaling = AutoscalingOverlay | null;
/**
 * Plain environment variables (name → value). Never put secrets here: use `secrets`.
 */
export type OverrideEnv = {
  /**
   * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
   */
  [k: string]: EnvValueOverlay | null;
} | null;
/**
 * Secrets by reference (name → where it lives).
 */
export type OverrideSecrets = {
  /**
   * Secret reference.
   */
  [k: string]: SecretOverlay | null;
} | null;
/**
 * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
 */
export type OverrideHealth = HealthOverlay | null;
/**
 * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
 */
export type OverrideExpose = ExposeOverlay | null;
/**
 * Deployment strategy and its traffic shape.
 */
export type OverrideDeployment = DeploymentOverlay | null;
/**
 * Container logs.
 */
export type OverrideLogging = LoggingOverlay | null;
/**
 * Distributed tracing.
 */
export type OverrideTracing = TracingOverlay | null;
/**
 * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
 */
export type OverrideSidecars = {
  /**
   * A sidecar container.
   */
  [k: string]: SidecarOverlay | null;
} | null;
/**
 * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
 */
export type OverrideUser = string | null;
/**
 * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
 */
export type OverrideReadOnlyRootFilesystem = boolean | null;
/**
 * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
 */
export type OverrideSecurity = SecurityOverlay | null;
/**
 * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
 */
export type OverrideLabels = {
  /**
   * Value.
   */
  [k: string]: string | null;
} | null;
/**
 * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
 */
export type OverrideTerminationGracePeriod = (number | string) | null;
/**
 * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
 */
export type OverrideDependsOn = {
  /**
   * Condition.
   */
  [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
} | null;
/**
 * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
 */
export type OverrideUlimits = {
  /**
   * The limit: one number for both soft and hard, or both.
   */
  [k: string]:
    | number
    | {
        /**
         * Soft limit.
         */
        soft?: number | null;
        /**
         * Hard limit (at least the soft limit).
         */
        hard?: number | null;
      }
    | null;
} | null;
/**
 * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
 */
export type OverrideVolumes = {
  /**
   * A volume.
   */
  [k: string]: VolumeOverlay | null;
} | null;
/**
 * Volumes mounted into the main container.
 */
export type OverrideMounts = Mount3[] | null;
/**
 * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
 */
export type OverrideEphemeralStorage = number | null;
/**
 * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
 */
export type OverridePlatform = {
  /**
   * Platform name (the `name` of the platform spec); the export prefix.
   */
  name?: string | null;
  /**
   * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
   */
  file?: string | null;
} | null;

/**
 * One service, compiled by codegen into ECS, CloudFormation, Kubernetes, App Mesh and Copilot artifacts.
 */
export interface CodegenServiceSpecV1 {
  /**
   * JSON Schema reference for editors; ignored by codegen.
   */
  $schema?: string;
  /**
   * Spec version; must be `codegen/v1`.
   */
  apiVersion: 'codegen/v1';
  /**
   * Spec kind; `Service` (the default).
   */
  kind?: 'Service';
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name: string;
  /**
   * One line about the service.
   */
  description?: string;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image: string;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: string;
  /**
   * Command override (Docker CMD).
   *
   * Items: Argument.
   */
  command?: string[];
  /**
   * Entrypoint override.
   *
   * Items: Argument.
   */
  entrypoint?: string[];
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: Port[];
  resources?: Resources;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?:
    | number
    | {
        /**
         * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
         */
        param: string;
      };
  autoscaling?: Autoscaling;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]:
      | string
      | number
      | boolean
      | {
          /**
           * References per target; a target without one reports a diagnostic.
           */
          ref: {
            /**
             * A CloudFormation `Fn::Sub` string for the ECS service template, e.g. `${AWS::StackName}-db` or `${LogGroup.Arn}`: it may name the template's parameters, resources (with their attributes) and pseudo parameters, checked at compile time (docs/spec.md, "CloudFormation references").
             */
            cloudformation?: string;
            /**
             * A Kubernetes field or ConfigMap reference.
             */
            kubernetes?: {
              /**
               * A ConfigMap key.
               */
              configMap?: {
                /**
                 * ConfigMap name.
                 */
                name: string;
                /**
                 * Key in the ConfigMap.
                 */
                key: string;
              };
              /**
               * A downward-API field path, e.g. `status.podIP`.
               */
              field?: string;
            };
            /**
             * A Copilot `from_cfn` export name.
             */
            copilot?: string;
          };
        }
      | {
          /**
           * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
           */
          param: string;
        };
  };
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: {
    [k: string]: Secret;
  };
  health?: Health;
  expose?: Expose;
  deployment?: Deployment;
  logging?: Logging;
  tracing?: Tracing;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: {
    [k: string]: Sidecar;
  };
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: string;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: boolean;
  security?: Security;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: {
    /**
     * Value.
     */
    [k: string]: string;
  };
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: number | string;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
  };
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft: number;
          /**
           * Hard limit (at least the soft limit).
           */
          hard: number;
        };
  };
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: {
    [k: string]: Volume;
  };
  /**
   * Volumes mounted into the main container.
   */
  mounts?: Mount1[];
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: number;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: {
    /**
     * Platform name (the `name` of the platform spec); the export prefix.
     */
    name: string;
    /**
     * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
     */
    file?: string;
  };
  /**
   * Per-target settings. A target is generated when its section is present (and selected with `--target`). With no `targets`, the ECS and Kubernetes targets are generated.
   */
  targets?: {
    ecs?: EcsTarget;
    kubernetes?: KubernetesTarget;
    appmesh?: AppmeshTarget;
    copilot?: CopilotTarget;
  };
  /**
   * CloudFormation parameters (name → type, default, constraints) the spec uses as `${Name}` in the string fields that take them (image, region, logging, the ECS ARNs) or as `{ param: Name }` (replicas, autoscaling bounds, env values). The CloudFormation templates declare the ones they use; the other targets take the default. Names are alphanumeric; pseudo parameters (`AWS::Region`, `AWS::AccountId`, `AWS::StackName`, `AWS::Partition`, `AWS::URLSuffix`) need no declaration.
   */
  parameters?: {
    [k: string]: Parameter;
  };
  /**
   * Rules switched off for this spec, each with a written reason (`codegen validate` reports entries that suppress nothing). Core errors cannot be suppressed.
   *
   * Items: One suppression.
   */
  suppress?: {
    /**
     * Rule id, e.g. `no-mutable-image-tag`.
     */
    rule: string;
    /**
     * Only diagnostics at or under this spec path (dotted, as printed in diagnostics, e.g. `health.liveness`). Default: the whole spec.
     */
    path?: string;
    /**
     * Why the rule does not apply here (kept in SARIF output as the justification).
     */
    reason: string;
  }[];
  /**
   * Named overlays merged over the base spec with `--env NAME`: maps merge, lists replace, `null` removes a value (RFC 7386).
   */
  environments?: {
    /**
     * Overrides for one environment.
     */
    [k: string]: {
      /**
       * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
       */
      name?: string | null;
      /**
       * One line about the service.
       */
      description?: string | null;
      /**
       * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
       */
      region?: string | null;
      /**
       * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
       */
      image?: string | null;
      /**
       * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
       */
      containerName?: string | null;
      /**
       * Command override (Docker CMD).
       */
      command?: string[] | null;
      /**
       * Entrypoint override.
       */
      entrypoint?: string[] | null;
      /**
       * Ports the main container listens on; the first is the main port.
       */
      ports?: Port2[] | null;
      /**
       * Resources of the main container.
       */
      resources?: ResourcesOverlay | null;
      /**
       * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
       */
      replicas?:
        | (
            | number
            | {
                /**
                 * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
                 */
                param?: string | null;
              }
          )
        | null;
      /**
       * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
       */
      autoscaling?: AutoscalingOverlay | null;
      /**
       * Plain environment variables (name → value). Never put secrets here: use `secrets`.
       */
      env?: {
        /**
         * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
         */
        [k: string]: EnvValueOverlay | null;
      } | null;
      /**
       * Secrets by reference (name → where it lives).
       */
      secrets?: {
        /**
         * Secret reference.
         */
        [k: string]: SecretOverlay | null;
      } | null;
      /**
       * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
       */
      health?: HealthOverlay | null;
      /**
       * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
       */
      expose?: ExposeOverlay | null;
      /**
       * Deployment strategy and its traffic shape.
       */
      deployment?: DeploymentOverlay | null;
      /**
       * Container logs.
       */
      logging?: LoggingOverlay | null;
      /**
       * Distributed tracing.
       */
      tracing?: TracingOverlay | null;
      /**
       * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
       */
      sidecars?: {
        /**
         * A sidecar container.
         */
        [k: string]: SidecarOverlay | null;
      } | null;
      /**
       * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
       */
      user?: string | null;
      /**
       * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
       */
      readOnlyRootFilesystem?: boolean | null;
      /**
       * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
       */
      security?: SecurityOverlay | null;
      /**
       * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
       */
      labels?: {
        /**
         * Value.
         */
        [k: string]: string | null;
      } | null;
      /**
       * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      terminationGracePeriod?: (number | string) | null;
      /**
       * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
       */
      dependsOn?: {
        /**
         * Condition.
         */
        [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
      } | null;
      /**
       * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
       */
      ulimits?: {
        /**
         * The limit: one number for both soft and hard, or both.
         */
        [k: string]:
          | number
          | {
              /**
               * Soft limit.
               */
              soft?: number | null;
              /**
               * Hard limit (at least the soft limit).
               */
              hard?: number | null;
            }
          | null;
      } | null;
      /**
       * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
       */
      volumes?: {
        /**
         * A volume.
         */
        [k: string]: VolumeOverlay | null;
      } | null;
      /**
       * Volumes mounted into the main container.
       */
      mounts?: Mount3[] | null;
      /**
       * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
       */
      ephemeralStorage?: number | null;
      /**
       * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
       */
      platform?: {
        /**
         * Platform name (the `name` of the platform spec); the export prefix.
         */
        name?: string | null;
        /**
         * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
         */
        file?: string | null;
      } | null;
      /**
       * Per-target settings. A target is generated when its section is present (and selected with `--target`). With no `targets`, the ECS and Kubernetes targets are generated.
       */
      targets?: {
        /**
         * Amazon ECS: task definition JSON and the ECS service CloudFormation template.
         */
        ecs?: EcsTargetOverlay | null;
        /**
         * Kubernetes manifests (EKS).
         */
        kubernetes?: KubernetesTargetOverlay | null;
        /**
         * AWS App Mesh CloudFormation (legacy).
         */
        appmesh?: AppmeshTargetOverlay | null;
        /**
         * AWS Copilot manifest (legacy).
         */
        copilot?: CopilotTargetOverlay | null;
      };
      /**
       * CloudFormation parameters (name → type, default, constraints) the spec uses as `${Name}` in the string fields that take them (image, region, logging, the ECS ARNs) or as `{ param: Name }` (replicas, autoscaling bounds, env values). The CloudFormation templates declare the ones they use; the other targets take the default. Names are alphanumeric; pseudo parameters (`AWS::Region`, `AWS::AccountId`, `AWS::StackName`, `AWS::Partition`, `AWS::URLSuffix`) need no declaration.
       */
      parameters?: {
        /**
         * A parameter.
         */
        [k: string]: ParameterOverlay | null;
      };
    };
  };
  /**
   * JSON Patch overrides (RFC 6902) for generated output that the spec cannot express; applied after the emitters, in order.
   *
   * Items: A JSON Patch aimed at exactly one generated document: select it by `target`, `file` (the artifact path under the service folder, e.g. `ecs/task-definition.json`), `kind` (artifact kind or Kubernetes kind) and `name` (Kubernetes `metadata.name`).
   */
  patches?: {
    /**
     * A label used in diagnostics (default: the patch index).
     */
    id?: string;
    /**
     * Target of the emitter that wrote the artifact (`ecs`, `kubernetes`, ... or a plugin target).
     */
    target?: string;
    /**
     * Artifact path under the service folder, e.g. `ecs/task-definition.json`.
     */
    file?: string;
    /**
     * Artifact kind (`ecs-task-definition`, `cloudformation`, ...) or Kubernetes document kind (`Deployment`).
     */
    kind?: string;
    /**
     * Kubernetes `metadata.name` of the document.
     */
    name?: string;
    /**
     * The operations, applied in order; the patch fails as a whole when one fails.
     *
     * @minItems 1
     *
     * Items: One RFC 6902 operation.
     */
    ops: {
      /**
       * Operation.
       */
      op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
      /**
       * Where the operation applies. A JSON Pointer (RFC 6901) such as `/containerDefinitions/0/cpu`; `~1` escapes `/`.
       */
      path: string;
      /**
       * Source of `move` and `copy`. A JSON Pointer (RFC 6901) such as `/containerDefinitions/0/cpu`; `~1` escapes `/`.
       */
      from?: string;
      /**
       * Value for `add`, `replace` and `test` (any JSON value).
       */
      value?: {
        [k: string]: unknown;
      };
    }[];
  }[];
}
/**
 * A port.
 */
export interface Port {
  /**
   * Port name (IANA service name style: lowercase letters, digits, hyphens; at most 15 characters). Defaults to the protocol, e.g. `http`.
   */
  name?: string;
  /**
   * Container port.
   */
  port: number;
  /**
   * Transport protocol.
   */
  protocol?: 'tcp' | 'udp';
  /**
   * Application protocol, used for load balancer, Service Connect and mesh listeners.
   */
  appProtocol?: 'http' | 'http2' | 'grpc' | 'tcp';
  /**
   * Port clients use (Kubernetes Service port, listener port). Defaults to `port`.
   */
  servicePort?: number;
  /**
   * Host port for EC2 `bridge` networking (0 = dynamic). Ignored under awsvpc.
   */
  hostPort?: number;
}
/**
 * Resources of the main container.
 */
export interface Resources {
  /**
   * What the scheduler reserves (Kubernetes requests; ECS memoryReservation when container-level sizes are enabled).
   */
  requests?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: string | number;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string;
  };
  /**
   * Upper bounds (Kubernetes limits; the ECS task size is derived from these).
   */
  limits?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: string | number;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string;
  };
}
/**
 * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
 */
export interface Autoscaling {
  /**
   * Minimum replicas, or `{ param: Name }` (a Number parameter).
   */
  min:
    | number
    | {
        /**
         * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
         */
        param: string;
      };
  /**
   * Maximum replicas, or `{ param: Name }` (a Number parameter).
   */
  max:
    | number
    | {
        /**
         * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
         */
        param: string;
      };
  /**
   * Target average CPU utilization, percent.
   */
  cpu?: number;
  /**
   * Target average memory utilization, percent.
   */
  memory?: number;
  /**
   * Target requests per task per minute at the load balancer (ECS ALBRequestCountPerTarget on the service's target group; Copilot `count.requests`). Needs `expose` on an Application Load Balancer.
   */
  requests?: number;
  /**
   * Target average response time at the load balancer (ECS: the AWS/ApplicationELB TargetResponseTime of the target group; Copilot `count.response_time`). Needs `expose` on an Application Load Balancer. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  responseTime?: number | string;
  /**
   * Cooldown after scaling in. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  scaleInCooldown?: number | string;
  /**
   * Cooldown after scaling out. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  scaleOutCooldown?: number | string;
  /**
   * Step scaling policies on CloudWatch alarms (ECS only).
   *
   * Items: Step scaling on a CloudWatch alarm (ECS: an AWS::CloudWatch::Alarm whose action is a StepScaling policy). The alarm fires when the metric crosses `threshold`; each step says how much to change while the metric lies in its range. Ranges are metric values (not offsets): contiguous, on the alarm's side of the threshold; the first step of a scale-out policy starts at the threshold, the last is open-ended.
   */
  steps?: {
    /**
     * Policy name suffix (default `step-<n>`); unique in the service.
     */
    name?: string;
    /**
     * The scaling policy's own name (`PolicyName`, 1-256 printable characters; default `<service>-<name>`), e.g. the name a running stack already gives it. Unique among the service's policies.
     */
    policyName?: string;
    /**
     * The alarm's description (`AlarmDescription`, at most 1024 characters; default: the service, the step name and the alarm's condition).
     */
    description?: string;
    /**
     * The CloudWatch metric the alarm watches: `cpu` or `memory` (the service's AWS/ECS CPUUtilization or MemoryUtilization), or any metric.
     */
    metric:
      | ('cpu' | 'memory')
      | {
          /**
           * Namespace, e.g. `AWS/SQS` or `MyApp`.
           */
          namespace: string;
          /**
           * Metric name, e.g. `ApproximateNumberOfMessagesVisible`.
           */
          name: string;
          /**
           * Dimensions (name → value); default for the AWS/ECS namespace: ClusterName and ServiceName of this service.
           */
          dimensions?: {
            /**
             * Dimension value.
             */
            [k: string]: string;
          };
          /**
           * Statistic (default `Average`).
           */
          statistic?: 'Average' | 'Minimum' | 'Maximum' | 'Sum' | 'SampleCount';
        };
    /**
     * How the metric is compared with the threshold: `>=`, `>` (scale out as it rises), `<=` or `<` (scale in as it falls).
     */
    comparison: '>=' | '>' | '<=' | '<';
    /**
     * Alarm threshold, in the metric's unit.
     */
    threshold: number;
    /**
     * Length of one evaluation period (default 60s; CloudWatch takes 10, 30 or a multiple of 60 seconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    period?: number | string;
    /**
     * Periods the metric must breach before the alarm fires (default 1).
     */
    evaluationPeriods?: number;
    /**
     * What `change` means: tasks added or removed (`ChangeInCapacity`, default), a percent of the current count (`PercentChangeInCapacity`), or the new count (`ExactCapacity`).
     */
    adjustment?: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
    /**
     * The steps, lowest metric range first.
     *
     * @minItems 1
     *
     * Items: One step.
     */
    steps: {
      /**
       * Lower bound of the metric range (inclusive); omit for no lower bound.
       */
      from?: number;
      /**
       * Upper bound of the metric range (exclusive); omit for no upper bound.
       */
      to?: number;
      /**
       * Capacity change in this range (negative scales in).
       */
      change: number;
    }[];
    /**
     * Time after a scaling activity before another may start. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    cooldown?: number | string;
    /**
     * How the policy aggregates the metric data points (`MetricAggregationType`, default Average).
     */
    aggregation?: 'Average' | 'Minimum' | 'Maximum';
    /**
     * With PercentChangeInCapacity: change at least this many tasks.
     */
    minAdjustmentMagnitude?: number;
    /**
     * Logical IDs of this step's resources in the ECS service template, for adopting an existing stack without replacing them (default `Step<Name>Policy` and `Step<Name>Alarm`, e.g. `StepCpuBurstPolicy`). Letters and digits only; unique in the template.
     */
    logicalIds?: {
      /**
       * Logical ID of the scaling policy (AWS::ApplicationAutoScaling::ScalingPolicy).
       */
      policy?: string;
      /**
       * Logical ID of the alarm (AWS::CloudWatch::Alarm).
       */
      alarm?: string;
    };
  }[];
  /**
   * Scheduled capacity changes (ECS only).
   *
   * Items: Scheduled scaling: set new minimum and/or maximum capacity at a time (ECS ScalableTarget ScheduledActions).
   */
  schedule?: {
    /**
     * Action name (unique in the service).
     */
    name: string;
    /**
     * When: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, `rate(value unit)` or `at(yyyy-mm-ddThh:mm:ss)`.
     */
    schedule: string;
    /**
     * Time zone of the schedule (IANA name such as `Europe/Berlin`; default UTC).
     */
    timezone?: string;
    /**
     * New minimum replicas.
     */
    min?: number;
    /**
     * New maximum replicas.
     */
    max?: number;
    /**
     * First time the action may run (ISO 8601, e.g. `2026-12-01T00:00:00Z`).
     */
    start?: string;
    /**
     * Last time the action may run (ISO 8601).
     */
    end?: string;
  }[];
}
/**
 * Secret reference.
 */
export interface Secret {
  /**
   * Where the secret lives in AWS. Exactly one of `secretsManager` or `ssm`.
   */
  aws?: {
    [k: string]: unknown;
  } & {
    /**
     * Secrets Manager secret ARN (or name).
     */
    secretsManager?: string;
    /**
     * A JSON key inside the Secrets Manager secret (ECS `arn:...:jsonKey::`).
     */
    jsonKey?: string;
    /**
     * Secrets Manager version stage (default AWSCURRENT).
     */
    versionStage?: string;
    /**
     * SSM Parameter Store parameter name (`/path/name`) or ARN.
     */
    ssm?: string;
  };
  /**
   * A Kubernetes Secret key (`secretKeyRef`).
   */
  kubernetes?: {
    /**
     * Secret name.
     */
    name: string;
    /**
     * Key in the Secret.
     */
    key: string;
  };
}
/**
 * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
 */
export interface Health {
  /**
   * Traffic health: the load balancer target group health check (ALB, Copilot `http.healthcheck`, App Mesh listener, ALB Ingress annotations).
   */
  traffic?: {
    /**
     * HTTP path checked by the load balancer.
     */
    path?: string;
    /**
     * Port checked; defaults to the traffic port.
     */
    port?: number;
    /**
     * Health check protocol.
     */
    protocol?: 'HTTP' | 'HTTPS' | 'GRPC' | 'TCP';
    /**
     * Time between checks (ALB: 5–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: number | string;
    /**
     * Time a check may take (ALB: 2–120 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    timeout?: number | string;
    /**
     * Consecutive successes before a target is healthy (2–10).
     */
    healthyThreshold?: number;
    /**
     * Consecutive failures before a target is unhealthy (2–10).
     */
    unhealthyThreshold?: number;
    /**
     * HTTP codes that mean healthy, e.g. `200` or `200-299` (ALB matcher, 200–499).
     */
    successCodes?: string;
    /**
     * Time after a task starts during which failed checks are ignored (ECS HealthCheckGracePeriodSeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    gracePeriod?: number | string;
  };
  readiness?: Probe;
  liveness?: Probe1;
  startup?: Probe2;
  /**
   * Process health as ECS and Docker see it: a command run inside the container. ECS has no HTTP check, so either give a command, or opt in to `curl` (the image must contain curl).
   */
  container?: {
    /**
     * `["CMD", ...]` or `["CMD-SHELL", "..."]`.
     *
     * @minItems 2
     *
     * Items: Argument.
     */
    command?: string[];
    /**
     * Generate `curl -f http://localhost:PORT/PATH || exit 1`. `true` uses the liveness (or traffic) HTTP path and port.
     */
    curl?:
      | boolean
      | {
          /**
           * Path (validated so it cannot inject shell).
           */
          path: string;
          /**
           * Port (defaults to the main port).
           */
          port?: number;
        };
    /**
     * Time between checks (ECS: 5–300 s, default 30). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: number | string;
    /**
     * Time a check may take (ECS: 2–60 s, default 5). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    timeout?: number | string;
    /**
     * Failures before unhealthy (ECS: 1–10, default 3).
     */
    retries?: number;
    /**
     * Grace period after start (ECS: 0–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    startPeriod?: number | string;
  };
}
/**
 * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
 */
export interface Expose {
  /**
   * Internet-facing (true) or internal (false, default).
   */
  public?: boolean;
  /**
   * Host names routed to the service.
   *
   * Items: Host name.
   */
  hosts?: string[];
  /**
   * Path prefix routed to the service (default `/`).
   */
  path?: string;
  /**
   * Which container port receives the traffic (name or number); defaults to the first port.
   */
  port?: number | string;
  /**
   * HTTPS at the load balancer.
   */
  tls?: {
    /**
     * ACM certificate ARN.
     */
    certificateArn?: string;
    /**
     * Redirect HTTP to HTTPS (default true). Without certificateArn the ALB controller discovers a certificate by host.
     */
    redirect?: boolean;
    /**
     * SSL policy name.
     */
    policy?: string;
  };
  /**
   * Several path prefixes routed to the service (instead of `path`): one ALB path-pattern condition (split into more listener rules when the values exceed a rule's limits), one Ingress path or HTTPRoute match each.
   *
   * @minItems 1
   *
   * Items: Path prefix.
   */
  paths?: string[];
  /**
   * HTTP header conditions (header name → accepted values; any value matches, every header must match): ALB `http-header` conditions, the Ingress `conditions.<service>` annotation, HTTPRoute header matches. `*` and `?` are wildcards on the ALB.
   */
  headers?: {
    /**
     * One value or a list of values.
     */
    [k: string]: string | string[];
  };
  /**
   * Only requests from these CIDR ranges are routed to the service: an ALB `source-ip` condition (Copilot `http.allowed_source_ips`, the Ingress `conditions.<service>` annotation).
   *
   * @minItems 1
   *
   * Items: CIDR block, e.g. `10.0.0.0/8`.
   */
  allowedSourceIps?: string[];
  /**
   * `application` (default: ALB listener rules, Ingress, HTTPRoute) or `network` (NLB: a TCP, UDP or TLS listener of its own on `targets.ecs.service.loadBalancerArn`; Copilot `nlb`). A network load balancer has no rules: hosts, paths and headers do not apply.
   */
  loadBalancer?: 'application' | 'network';
  /**
   * The container that receives the traffic (default: the main container); `port` is one of its ports. A proxy sidecar in front of the application, for instance (ECS LoadBalancers ContainerName; Copilot `target_container`; Kubernetes Service targetPort).
   */
  container?: string;
  /**
   * Target group settings (ECS TargetGroupAttributes; the Ingress `target-group-attributes` annotation; Copilot `deregistration_delay`/`stickiness`).
   */
  targetGroup?: {
    /**
     * Target group protocol: `HTTP`/`HTTPS` on an ALB (default HTTP), `TCP`/`TLS`/`UDP`/`TCP_UDP` on an NLB (default TCP, UDP for a UDP port).
     */
    protocol?: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';
    /**
     * Time a deregistering target keeps its in-flight requests (`deregistration_delay.timeout_seconds`, 0–3600 s; default 300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    deregistrationDelay?: number | string;
    /**
     * Warm-up time of a new target before it gets its full share (`slow_start.duration_seconds`, 30–900 s; ALB only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    slowStart?: number | string;
    /**
     * Routing algorithm (`load_balancing.algorithm.type`; ALB only, default round_robin).
     */
    algorithm?: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
    /**
     * Sticky sessions: `true` (a load balancer cookie on an ALB, the source IP on an NLB), or the cookie settings.
     */
    stickiness?:
      | boolean
      | {
          /**
           * How long the cookie pins a client (`stickiness.lb_cookie.duration_seconds` or `app_cookie.duration_seconds`, 1 s–7 days; default 1 day). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
           */
          duration?: number | string;
          /**
           * The application's own cookie (`app_cookie`); without it the load balancer issues its own (`lb_cookie`).
           */
          cookieName?: string;
        };
  };
}
/**
 * Deployment strategy and its traffic shape.
 */
export interface Deployment {
  /**
   * Deployment strategy.
   */
  strategy?: 'rolling' | 'blue-green' | 'canary' | 'linear';
  /**
   * Rolling update shape.
   */
  rolling?: {
    /**
     * Extra replicas allowed during the update (default 25%).
     */
    maxSurge?: number | string;
    /**
     * Replicas that may be unavailable during the update (default 25%; use 0 in production).
     */
    maxUnavailable?: number | string;
  };
  /**
   * Canary: shift `percent` of traffic, wait `interval`, then shift the rest.
   */
  canary?: {
    /**
     * Percent of traffic per step (default 10).
     */
    percent?: number;
    /**
     * Wait between steps (default 5m). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: number | string;
  };
  /**
   * Linear: shift `percent` of traffic every `interval`.
   */
  linear?: {
    /**
     * Percent of traffic per step (default 10).
     */
    percent?: number;
    /**
     * Wait between steps (default 1m). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: number | string;
  };
  /**
   * Blue/green timing.
   */
  blueGreen?: {
    /**
     * Time both versions stay up after the shift, before the old one is removed (ECS BakeTimeInMinutes). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    bakeTime?: number | string;
    /**
     * Wait before the old (blue) tasks are terminated (CodeDeploy). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    terminationWait?: number | string;
    /**
     * Wait for a manual go-ahead before rerouting traffic (CodeDeploy; 0 = continue at once). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    readyWait?: number | string;
  };
  /**
   * Roll back automatically when the deployment fails (default true).
   */
  rollbackOnFailure?: boolean;
  /**
   * Names of existing CloudWatch alarms that fail a deployment when they go into ALARM (and roll it back with `rollbackOnFailure`): ECS `DeploymentConfiguration.Alarms`, the CodeDeploy deployment group's alarm configuration, Copilot `deployment.rollback_alarms`. Kubernetes has no such check (a diagnostic says so).
   *
   * @minItems 1
   *
   * Items: CloudWatch alarm name.
   */
  rollbackAlarms?: string[];
}
/**
 * Container logs.
 */
export interface Logging {
  /**
   * `awslogs` (default: CloudWatch Logs), `firelens` (the `awsfirelens` driver and a log router sidecar) or `none` (no log configuration, no log group).
   */
  driver?: 'awslogs' | 'firelens' | 'none';
  /**
   * CloudWatch Logs group (default `/ecs/<name>`); may use `${Name}` parameters and pseudo parameters, e.g. `/ecs/${AWS::StackName}`.
   */
  group?: string;
  /**
   * Create the log group in the ECS template (default true). `false` uses an existing group: the template takes its name as the Parameter `LogGroup`, whose default is `group`.
   */
  createGroup?: boolean;
  /**
   * Region of the log group (defaults to `region`; the ECS template uses the stack's region when neither is set), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string;
  /**
   * Log stream prefix of the main container (default `ecs`); sidecars get `<streamPrefix>-<container>` unless `containers` names their own. May use `${Name}` parameters, e.g. `/${App}/ecs`.
   */
  streamPrefix?: string;
  /**
   * Retention in days (ECS log group `RetentionInDays`; Copilot `logging.retention`).
   */
  retentionDays?:
    | 1
    | 3
    | 5
    | 7
    | 14
    | 30
    | 60
    | 90
    | 120
    | 150
    | 180
    | 365
    | 400
    | 545
    | 731
    | 1096
    | 1827
    | 2192
    | 2557
    | 2922
    | 3288
    | 3653;
  /**
   * Extra awslogs driver options, e.g. `mode: non-blocking`, `max-buffer-size: 25m` (the group, region and stream prefix come from the fields above).
   */
  options?: {
    /**
     * Option value (a string).
     */
    [k: string]: string;
  };
  /**
   * Per container (the main container, a sidecar, or one codegen adds: `xray-daemon`, `envoy`, `log_router`), by name: its own awslogs group and/or stream prefix. A group other than `group` is created too unless `createGroup` is false.
   */
  containers?: {
    /**
     * Log settings of one container.
     */
    [k: string]: {
      /**
       * CloudWatch Logs group of this container.
       */
      group?: string;
      /**
       * Log stream prefix of this container.
       */
      streamPrefix?: string;
    };
  };
  /**
   * FireLens (driver `firelens`): every container of the task logs with the `awsfirelens` driver to a log router sidecar (`log_router`, essential, with `firelensConfiguration`), which itself logs with awslogs to `group`. ECS and Copilot (`logging`); FireLens sends with the task role, which needs the destination's permissions.
   */
  firelens?: {
    /**
     * Log router (`firelensConfiguration.type`, default `fluentbit`).
     */
    type?: 'fluentbit' | 'fluentd';
    /**
     * Log router image (default: a pinned public.ecr.aws/aws-observability/aws-for-fluent-bit release; Copilot `logging.image`).
     */
    image?: string;
    /**
     * Output plugin options of the `awsfirelens` log driver (Copilot `logging.destination`), e.g. `Name: firehose`, `region`, `delivery_stream`. Default: the Fluent Bit `cloudwatch_logs` output into `group` and `streamPrefix`.
     */
    options?: {
      /**
       * Option value (a string).
       */
      [k: string]: string;
    };
    /**
     * Secret options of the log driver (name → SSM parameter or Secrets Manager ARN), e.g. an API key of the destination (ECS `secretOptions`; Copilot `logging.secretOptions`).
     */
    secretOptions?: {
      /**
       * SSM parameter name or ARN, or Secrets Manager secret ARN.
       */
      [k: string]: string;
    };
    /**
     * Add the ECS metadata (cluster, task ARN, task definition) to each log event (`enable-ecs-log-metadata`, default true; Copilot `logging.enableMetadata`).
     */
    enableMetadata?: boolean;
    /**
     * Memory reserved for the log router container (ECS `memoryReservation`, a soft limit: the router may use more when the task has it), Kubernetes notation such as `50Mi` (whole MiB on ECS, rounded up); default none. Copilot sizes its own router: reported there.
     */
    memoryReservation?: string;
    /**
     * A custom Fluent Bit or Fluentd configuration: a file path inside the router image, or an S3 ARN (EC2 only) (`config-file-type`/`config-file-value`; Copilot `logging.configFilePath`, a file path only).
     */
    configFile?: string;
  };
}
/**
 * Distributed tracing.
 */
export interface Tracing {
  /**
   * Send traces to AWS X-Ray (ECS: X-Ray daemon sidecar; Copilot: `observability.tracing: awsxray`).
   */
  xray?: boolean;
}
/**
 * A sidecar container.
 */
export interface Sidecar {
  /**
   * Image reference; may use `${Name}` parameters.
   */
  image: string;
  /**
   * ECS and Copilot: the task stops when this container stops. Default true, as in ECS and Copilot, except for a container another one waits for with `COMPLETE` or `SUCCESS`, which ECS requires to be non-essential (default false there).
   */
  essential?: boolean;
  /**
   * Ports.
   */
  ports?: Port1[];
  /**
   * Environment variables.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]:
      | string
      | number
      | boolean
      | {
          /**
           * References per target; a target without one reports a diagnostic.
           */
          ref: {
            /**
             * A CloudFormation `Fn::Sub` string for the ECS service template, e.g. `${AWS::StackName}-db` or `${LogGroup.Arn}`: it may name the template's parameters, resources (with their attributes) and pseudo parameters, checked at compile time (docs/spec.md, "CloudFormation references").
             */
            cloudformation?: string;
            /**
             * A Kubernetes field or ConfigMap reference.
             */
            kubernetes?: {
              /**
               * A ConfigMap key.
               */
              configMap?: {
                /**
                 * ConfigMap name.
                 */
                name: string;
                /**
                 * Key in the ConfigMap.
                 */
                key: string;
              };
              /**
               * A downward-API field path, e.g. `status.podIP`.
               */
              field?: string;
            };
            /**
             * A Copilot `from_cfn` export name.
             */
            copilot?: string;
          };
        }
      | {
          /**
           * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
           */
          param: string;
        };
  };
  /**
   * Secrets by reference.
   */
  secrets?: {
    [k: string]: Secret1;
  };
  resources?: Resources1;
  /**
   * Command override.
   *
   * Items: Argument.
   */
  command?: string[];
  /**
   * Entrypoint override (Kubernetes `command`, ECS `entryPoint`, Copilot `entrypoint`).
   *
   * Items: Argument.
   */
  entrypoint?: string[];
  /**
   * User (uid or uid:gid).
   */
  user?: string;
  /**
   * Security context of this container (Kubernetes container `securityContext`; ECS container definition). Pod-level values of the top-level `security` apply unless set here.
   */
  security?: {
    /**
     * uid the container runs as (Kubernetes `runAsUser`; ECS `user`). Overrides the pod-level value.
     */
    runAsUser?: number;
    /**
     * gid the container runs as (Kubernetes `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).
     */
    runAsGroup?: number;
    /**
     * Refuse to start as uid 0 (Kubernetes `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).
     */
    runAsNonRoot?: boolean;
    /**
     * Whether a process may gain more privileges than its parent (Kubernetes `allowPrivilegeEscalation`; ECS on EC2: `false` is `dockerSecurityOptions: [no-new-privileges]`; Fargate has no form).
     */
    allowPrivilegeEscalation?: boolean;
    /**
     * Run privileged (Kubernetes `privileged`; ECS `privileged`, EC2 only: Fargate refuses privileged containers).
     */
    privileged?: boolean;
    /**
     * Mount the root file system read-only (Kubernetes `readOnlyRootFilesystem`; ECS `readonlyRootFilesystem`; Copilot `storage.readonly_fs`).
     */
    readOnlyRootFilesystem?: boolean;
    /**
     * Linux capabilities added to or dropped from the runtime default (Kubernetes `capabilities`; ECS `linuxParameters.capabilities`). Fargate can add only `SYS_PTRACE`.
     */
    capabilities?: {
      /**
       * Capabilities to add.
       *
       * Items: A Linux capability without the `CAP_` prefix, e.g. `NET_BIND_SERVICE`, or `ALL`.
       */
      add?: (
        | 'ALL'
        | 'AUDIT_CONTROL'
        | 'AUDIT_WRITE'
        | 'BLOCK_SUSPEND'
        | 'CHOWN'
        | 'DAC_OVERRIDE'
        | 'DAC_READ_SEARCH'
        | 'FOWNER'
        | 'FSETID'
        | 'IPC_LOCK'
        | 'IPC_OWNER'
        | 'KILL'
        | 'LEASE'
        | 'LINUX_IMMUTABLE'
        | 'MAC_ADMIN'
        | 'MAC_OVERRIDE'
        | 'MKNOD'
        | 'NET_ADMIN'
        | 'NET_BIND_SERVICE'
        | 'NET_BROADCAST'
        | 'NET_RAW'
        | 'SETFCAP'
        | 'SETGID'
        | 'SETPCAP'
        | 'SETUID'
        | 'SYS_ADMIN'
        | 'SYS_BOOT'
        | 'SYS_CHROOT'
        | 'SYS_MODULE'
        | 'SYS_NICE'
        | 'SYS_PACCT'
        | 'SYS_PTRACE'
        | 'SYS_RAWIO'
        | 'SYS_RESOURCE'
        | 'SYS_TIME'
        | 'SYS_TTY_CONFIG'
        | 'SYSLOG'
        | 'WAKE_ALARM'
      )[];
      /**
       * Capabilities to drop (`ALL` drops every default one; `add` then names what is kept).
       *
       * Items: A Linux capability without the `CAP_` prefix, e.g. `NET_BIND_SERVICE`, or `ALL`.
       */
      drop?: (
        | 'ALL'
        | 'AUDIT_CONTROL'
        | 'AUDIT_WRITE'
        | 'BLOCK_SUSPEND'
        | 'CHOWN'
        | 'DAC_OVERRIDE'
        | 'DAC_READ_SEARCH'
        | 'FOWNER'
        | 'FSETID'
        | 'IPC_LOCK'
        | 'IPC_OWNER'
        | 'KILL'
        | 'LEASE'
        | 'LINUX_IMMUTABLE'
        | 'MAC_ADMIN'
        | 'MAC_OVERRIDE'
        | 'MKNOD'
        | 'NET_ADMIN'
        | 'NET_BIND_SERVICE'
        | 'NET_BROADCAST'
        | 'NET_RAW'
        | 'SETFCAP'
        | 'SETGID'
        | 'SETPCAP'
        | 'SETUID'
        | 'SYS_ADMIN'
        | 'SYS_BOOT'
        | 'SYS_CHROOT'
        | 'SYS_MODULE'
        | 'SYS_NICE'
        | 'SYS_PACCT'
        | 'SYS_PTRACE'
        | 'SYS_RAWIO'
        | 'SYS_RESOURCE'
        | 'SYS_TIME'
        | 'SYS_TTY_CONFIG'
        | 'SYSLOG'
        | 'WAKE_ALARM'
      )[];
    };
  };
  /**
   * Start ordering of this container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
  };
  /**
   * Health of this sidecar: its Kubernetes probes and its ECS/Copilot container health check (the same forms as the main container's `health`, without `traffic`).
   */
  health?: {
    readiness?: Probe3;
    liveness?: Probe4;
    startup?: Probe5;
    /**
     * Process health as ECS and Docker see it: a command run inside the container. ECS has no HTTP check, so either give a command, or opt in to `curl` (the image must contain curl).
     */
    container?: {
      /**
       * `["CMD", ...]` or `["CMD-SHELL", "..."]`.
       *
       * @minItems 2
       *
       * Items: Argument.
       */
      command?: string[];
      /**
       * Generate `curl -f http://localhost:PORT/PATH || exit 1`. `true` uses the liveness (or traffic) HTTP path and port.
       */
      curl?:
        | boolean
        | {
            /**
             * Path (validated so it cannot inject shell).
             */
            path: string;
            /**
             * Port (defaults to the main port).
             */
            port?: number;
          };
      /**
       * Time between checks (ECS: 5–300 s, default 30). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      interval?: number | string;
      /**
       * Time a check may take (ECS: 2–60 s, default 5). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      timeout?: number | string;
      /**
       * Failures before unhealthy (ECS: 1–10, default 3).
       */
      retries?: number;
      /**
       * Grace period after start (ECS: 0–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      startPeriod?: number | string;
    };
  };
  /**
   * Resource limits (ulimits) of this container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft: number;
          /**
           * Hard limit (at least the soft limit).
           */
          hard: number;
        };
  };
  /**
   * Volumes mounted into this container.
   */
  mounts?: Mount[];
}
/**
 * A port.
 */
export interface Port1 {
  /**
   * Port name (IANA service name style: lowercase letters, digits, hyphens; at most 15 characters). Defaults to the protocol, e.g. `http`.
   */
  name?: string;
  /**
   * Container port.
   */
  port: number;
  /**
   * Transport protocol.
   */
  protocol?: 'tcp' | 'udp';
  /**
   * Application protocol, used for load balancer, Service Connect and mesh listeners.
   */
  appProtocol?: 'http' | 'http2' | 'grpc' | 'tcp';
  /**
   * Port clients use (Kubernetes Service port, listener port). Defaults to `port`.
   */
  servicePort?: number;
  /**
   * Host port for EC2 `bridge` networking (0 = dynamic). Ignored under awsvpc.
   */
  hostPort?: number;
}
/**
 * Secret reference.
 */
export interface Secret1 {
  /**
   * Where the secret lives in AWS. Exactly one of `secretsManager` or `ssm`.
   */
  aws?: {
    [k: string]: unknown;
  } & {
    /**
     * Secrets Manager secret ARN (or name).
     */
    secretsManager?: string;
    /**
     * A JSON key inside the Secrets Manager secret (ECS `arn:...:jsonKey::`).
     */
    jsonKey?: string;
    /**
     * Secrets Manager version stage (default AWSCURRENT).
     */
    versionStage?: string;
    /**
     * SSM Parameter Store parameter name (`/path/name`) or ARN.
     */
    ssm?: string;
  };
  /**
   * A Kubernetes Secret key (`secretKeyRef`).
   */
  kubernetes?: {
    /**
     * Secret name.
     */
    name: string;
    /**
     * Key in the Secret.
     */
    key: string;
  };
}
/**
 * Resources of this container.
 */
export interface Resources1 {
  /**
   * What the scheduler reserves (Kubernetes requests; ECS memoryReservation when container-level sizes are enabled).
   */
  requests?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: string | number;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string;
  };
  /**
   * Upper bounds (Kubernetes limits; the ECS task size is derived from these).
   */
  limits?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: string | number;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string;
  };
}
/**
 * A mount.
 */
export interface Mount {
  /**
   * Name of a volume under `volumes`.
   */
  volume: string;
  /**
   * Absolute path in the container (ECS `containerPath`, Kubernetes `mountPath`, Copilot `path`).
   */
  path: string;
  /**
   * Mount read-only (default false).
   */
  readOnly?: boolean;
  /**
   * A path inside the volume mounted instead of its root (Kubernetes `subPath`; ECS and Copilot have none: a diagnostic — on EFS use `rootDirectory`).
   */
  subPath?: string;
}
/**
 * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
 */
export interface Security {
  /**
   * uid every container runs as unless it sets its own (Kubernetes pod `runAsUser`; ECS `user` on each container).
   */
  runAsUser?: number;
  /**
   * gid every container runs as (Kubernetes pod `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).
   */
  runAsGroup?: number;
  /**
   * Every container must run as a non-zero uid (Kubernetes pod `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).
   */
  runAsNonRoot?: boolean;
  /**
   * Whether a process may gain more privileges than its parent (Kubernetes `allowPrivilegeEscalation`; ECS on EC2: `false` is `dockerSecurityOptions: [no-new-privileges]`; Fargate has no form).
   */
  allowPrivilegeEscalation?: boolean;
  /**
   * Run privileged (Kubernetes `privileged`; ECS `privileged`, EC2 only: Fargate refuses privileged containers).
   */
  privileged?: boolean;
  /**
   * Mount the root file system read-only (Kubernetes `readOnlyRootFilesystem`; ECS `readonlyRootFilesystem`; Copilot `storage.readonly_fs`).
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Linux capabilities added to or dropped from the runtime default (Kubernetes `capabilities`; ECS `linuxParameters.capabilities`). Fargate can add only `SYS_PTRACE`.
   */
  capabilities?: {
    /**
     * Capabilities to add.
     *
     * Items: A Linux capability without the `CAP_` prefix, e.g. `NET_BIND_SERVICE`, or `ALL`.
     */
    add?: (
      | 'ALL'
      | 'AUDIT_CONTROL'
      | 'AUDIT_WRITE'
      | 'BLOCK_SUSPEND'
      | 'CHOWN'
      | 'DAC_OVERRIDE'
      | 'DAC_READ_SEARCH'
      | 'FOWNER'
      | 'FSETID'
      | 'IPC_LOCK'
      | 'IPC_OWNER'
      | 'KILL'
      | 'LEASE'
      | 'LINUX_IMMUTABLE'
      | 'MAC_ADMIN'
      | 'MAC_OVERRIDE'
      | 'MKNOD'
      | 'NET_ADMIN'
      | 'NET_BIND_SERVICE'
      | 'NET_BROADCAST'
      | 'NET_RAW'
      | 'SETFCAP'
      | 'SETGID'
      | 'SETPCAP'
      | 'SETUID'
      | 'SYS_ADMIN'
      | 'SYS_BOOT'
      | 'SYS_CHROOT'
      | 'SYS_MODULE'
      | 'SYS_NICE'
      | 'SYS_PACCT'
      | 'SYS_PTRACE'
      | 'SYS_RAWIO'
      | 'SYS_RESOURCE'
      | 'SYS_TIME'
      | 'SYS_TTY_CONFIG'
      | 'SYSLOG'
      | 'WAKE_ALARM'
    )[];
    /**
     * Capabilities to drop (`ALL` drops every default one; `add` then names what is kept).
     *
     * Items: A Linux capability without the `CAP_` prefix, e.g. `NET_BIND_SERVICE`, or `ALL`.
     */
    drop?: (
      | 'ALL'
      | 'AUDIT_CONTROL'
      | 'AUDIT_WRITE'
      | 'BLOCK_SUSPEND'
      | 'CHOWN'
      | 'DAC_OVERRIDE'
      | 'DAC_READ_SEARCH'
      | 'FOWNER'
      | 'FSETID'
      | 'IPC_LOCK'
      | 'IPC_OWNER'
      | 'KILL'
      | 'LEASE'
      | 'LINUX_IMMUTABLE'
      | 'MAC_ADMIN'
      | 'MAC_OVERRIDE'
      | 'MKNOD'
      | 'NET_ADMIN'
      | 'NET_BIND_SERVICE'
      | 'NET_BROADCAST'
      | 'NET_RAW'
      | 'SETFCAP'
      | 'SETGID'
      | 'SETPCAP'
      | 'SETUID'
      | 'SYS_ADMIN'
      | 'SYS_BOOT'
      | 'SYS_CHROOT'
      | 'SYS_MODULE'
      | 'SYS_NICE'
      | 'SYS_PACCT'
      | 'SYS_PTRACE'
      | 'SYS_RAWIO'
      | 'SYS_RESOURCE'
      | 'SYS_TIME'
      | 'SYS_TTY_CONFIG'
      | 'SYSLOG'
      | 'WAKE_ALARM'
    )[];
  };
  /**
   * gid that owns the pod's volumes (Kubernetes pod `fsGroup`; ECS and Copilot have no form: a diagnostic).
   */
  fsGroup?: number;
  /**
   * Seccomp profile (Kubernetes pod `seccompProfile`). ECS has no seccomp setting: its containers run under the runtime's default profile.
   */
  seccompProfile?: {
    /**
     * Profile type.
     */
    type: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
    /**
     * Path of the profile on the node, relative to the kubelet's seccomp directory (type `Localhost` only).
     */
    localhostProfile?: string;
  };
}
/**
 * A mount.
 */
export interface Mount1 {
  /**
   * Name of a volume under `volumes`.
   */
  volume: string;
  /**
   * Absolute path in the container (ECS `containerPath`, Kubernetes `mountPath`, Copilot `path`).
   */
  path: string;
  /**
   * Mount read-only (default false).
   */
  readOnly?: boolean;
  /**
   * A path inside the volume mounted instead of its root (Kubernetes `subPath`; ECS and Copilot have none: a diagnostic — on EFS use `rootDirectory`).
   */
  subPath?: string;
}
/**
 * Amazon ECS: task definition JSON and the ECS service CloudFormation template.
 */
export interface EcsTarget {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: string | null;
  /**
   * One line about the service.
   */
  description?: string | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: string | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: string | null;
  /**
   * Command override (Docker CMD).
   */
  command?: string[] | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: string[] | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: Port2[] | null;
  /**
   * Resources of the main container.
   */
  resources?: ResourcesOverlay | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: AutoscalingOverlay | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]: EnvValueOverlay | null;
  } | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: {
    /**
     * Secret reference.
     */
    [k: string]: SecretOverlay | null;
  } | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: HealthOverlay | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: ExposeOverlay | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: DeploymentOverlay | null;
  /**
   * Container logs.
   */
  logging?: LoggingOverlay | null;
  /**
   * Distributed tracing.
   */
  tracing?: TracingOverlay | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: {
    /**
     * A sidecar container.
     */
    [k: string]: SidecarOverlay | null;
  } | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: string | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: boolean | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: SecurityOverlay | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: {
    /**
     * Value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: (number | string) | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
  } | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft?: number | null;
          /**
           * Hard limit (at least the soft limit).
           */
          hard?: number | null;
        }
      | null;
  } | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: {
    /**
     * A volume.
     */
    [k: string]: VolumeOverlay | null;
  } | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: Mount3[] | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: number | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: {
    /**
     * Platform name (the `name` of the platform spec); the export prefix.
     */
    name?: string | null;
    /**
     * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
     */
    file?: string | null;
  } | null;
  /**
   * Task definition family (default: the service name); may use `${Name}` parameters, e.g. `${App}-TaskDef` (the task definition JSON takes their defaults).
   */
  family?: string;
  /**
   * Launch type.
   */
  launchType?: 'FARGATE' | 'EC2';
  /**
   * Task network mode (Fargate requires awsvpc).
   */
  networkMode?: 'awsvpc' | 'bridge' | 'host';
  /**
   * Fargate platform version (default LATEST).
   */
  platformVersion?: string;
  /**
   * Runtime platform operating system family.
   */
  operatingSystem?:
    | 'LINUX'
    | 'WINDOWS_SERVER_2019_CORE'
    | 'WINDOWS_SERVER_2019_FULL'
    | 'WINDOWS_SERVER_2022_CORE'
    | 'WINDOWS_SERVER_2022_FULL';
  /**
   * Runtime platform CPU architecture.
   */
  cpuArchitecture?: 'X86_64' | 'ARM64';
  /**
   * Task CPU override: CPU units (`512`) or a vCPU string (`0.5 vCPU`). Default: derived from resources.
   */
  cpu?: number | string;
  /**
   * Task memory override: MiB (`1024`) or a GB string (`1 GB`). Default: derived from resources. Fargate takes only the memory sizes paired with its CPU sizes (512 MiB and up); on EC2 ECS accepts any value, and codegen asks for at least 6 MiB, the least memory Docker 20.10 and later gives a container.
   */
  memory?: number | string;
  /**
   * Also write container-level cpu/memory/memoryReservation (default false: task-level only).
   */
  containerResources?: boolean;
  /**
   * Task execution role ARN. When omitted, the CloudFormation target creates one scoped to the referenced secrets. May use `${Name}` parameters and pseudo parameters.
   */
  executionRoleArn?: string;
  /**
   * Task role ARN (what the application may call). May use `${Name}` parameters and pseudo parameters.
   */
  taskRoleArn?: string;
  /**
   * The task execution role the CloudFormation target creates when `executionRoleArn` is not given. By default its inline policy allows exactly what the task needs: log writes to its group, pulls from the ECR repositories of its images, reads of exactly the secrets it references.
   */
  executionRole?: {
    /**
     * Attach the AWS managed policy `AmazonECSTaskExecutionRolePolicy` (ECR pulls and CloudWatch Logs writes on every resource) instead of the scoped log and ECR statements; secret reads stay scoped (the managed policy has none). Default false.
     */
    awsManagedPolicy?: boolean;
    /**
     * More managed policies to attach (e.g. one granting `kms:Decrypt` on the key of your secrets).
     *
     * Items: IAM managed policy ARN.
     */
    managedPolicyArns?: string[];
  };
  /**
   * A task role for the CloudFormation target to create when `taskRoleArn` is not given: what the application may call. codegen adds what ECS Exec and the X-Ray daemon need.
   */
  taskRole?: {
    /**
     * Managed policies to attach, e.g. `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.
     *
     * @minItems 1
     *
     * Items: IAM managed policy ARN.
     */
    managedPolicyArns?: string[];
  };
  /**
   * Launch types the task definition is validated against (RegisterTaskDefinition `requiresCompatibilities`). Default: `[launchType]`. An empty list leaves the field out, so the task definition names no launch type (ECS then validates it for EC2 and reports what else it is compatible with).
   *
   * Items: A launch type.
   */
  requiresCompatibilities?: ('EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES')[];
  /**
   * X-Ray daemon image added as a sidecar when `tracing.xray` is on (default: a pinned public.ecr.aws/xray/aws-xray-daemon release).
   */
  xrayDaemonImage?: string;
  /**
   * Seconds to wait before the container is killed on stop (2–120).
   */
  stopTimeout?: number;
  /**
   * The ECS service (CloudFormation target).
   */
  service?: {
    /**
     * Service name (default: the service name); may use `${Name}` parameters, e.g. `${App}-service`.
     */
    name?: string;
    /**
     * ECS cluster name (CodeDeploy and Application Auto Scaling address the cluster by name). A literal value; when omitted the template takes a typed Parameter (or imports it from the platform).
     */
    cluster?: string;
    /**
     * Subnet IDs for awsvpc tasks; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::Subnet::Id`).
     *
     * Items: Subnet ID, or `${Name}`.
     */
    subnets?: string[];
    /**
     * Security group IDs; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::SecurityGroup::Id`).
     *
     * Items: Security group ID, or `${Name}`.
     */
    securityGroups?: string[];
    /**
     * Give tasks public IPs (default false).
     */
    assignPublicIp?: boolean;
    /**
     * VPC ID for the target groups.
     */
    vpcId?: string;
    /**
     * Production listener ARN. May use `${Name}` parameters and pseudo parameters.
     */
    listenerArn?: string;
    /**
     * Load balancer ARN for a listener of the template's own: the Network Load Balancer of `expose.loadBalancer: network`, or the Application Load Balancer of `codeDeploy.via: hook` (the CloudFormation blue/green hook names its listeners by logical ID, so they must be resources of the template). When omitted the template takes a Parameter. May use `${Name}` parameters and pseudo parameters.
     */
    loadBalancerArn?: string;
    /**
     * Test listener ARN (blue/green): test traffic reaches the new tasks before production does. CodeDeploy deployments always get a test listener (a Parameter when omitted); ECS-native ones only when this is set. May use `${Name}` parameters and pseudo parameters.
     */
    testListenerArn?: string;
    /**
     * Role ECS assumes to move traffic between the target groups in ECS-native blue/green, linear and canary deployments (managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers). When omitted the template creates one. May use `${Name}` parameters and pseudo parameters.
     */
    loadBalancerRoleArn?: string;
    /**
     * Role Application Auto Scaling uses to change the desired count (the scalable target's `RoleARN`); when omitted it uses its service-linked role for ECS, which AWS recommends. May use `${Name}` parameters and pseudo parameters.
     */
    autoscalingRoleArn?: string;
    /**
     * Priority of the listener rule that routes to this service (1–50000).
     */
    listenerRulePriority?: number;
    /**
     * The listener rule's path-pattern values as written, instead of the prefixes codegen derives from `expose.path`/`paths` (`<p>` and `<p>/*`): ALB path patterns, case-sensitive, with `*` and `?` wildcards (`/` alone is the exact root, `hello*` needs no leading slash), or one `${Name}` parameter. At most three per rule; more become further rules. The other targets keep `expose.path`/`paths`.
     *
     * @minItems 1
     *
     * Items: An ALB path pattern (at most 128 characters), or `${Name}`.
     */
    pathPatterns?: string[];
    /**
     * Port of the production listener the template creates with `codeDeploy.via: hook` (default 443 with `expose.tls.certificateArn`, else 80).
     */
    listenerPort?: number;
    /**
     * Port of a test listener the template creates with `codeDeploy.via: hook` (its TestTrafficRoute): test traffic reaches the new tasks before production traffic moves. Default: no test listener.
     */
    testListenerPort?: number;
    /**
     * Enable ECS Exec (`aws ecs execute-command`).
     */
    enableExecuteCommand?: boolean;
    /**
     * Capacity provider strategy.
     *
     * Items: One provider.
     */
    capacityProviders?: {
      /**
       * Capacity provider name (e.g. FARGATE, FARGATE_SPOT).
       */
      provider: string;
      /**
       * Weight.
       */
      weight?: number;
      /**
       * Base.
       */
      base?: number;
    }[];
    /**
     * AWS Cloud Map service discovery (`ServiceRegistries`): ECS registers every task in a Cloud Map service, created in `namespaceId` or given by `registryArn`.
     */
    serviceDiscovery?: {
      /**
       * Cloud Map namespace ID (`ns-...`) the service is created in; a template Parameter defaulting to it (the deployer fills it when omitted).
       */
      namespaceId?: string;
      /**
       * An existing Cloud Map service to register in (no service is created; the DNS settings are that service's). May use `${Name}` parameters and pseudo parameters.
       */
      registryArn?: string;
      /**
       * Cloud Map service name, the DNS label clients resolve (default: the service name).
       */
      name?: string;
      /**
       * DNS record type: `A` (the task IP; awsvpc only) or `SRV` (IP and port; required for bridge and host networking). Default: A under awsvpc, SRV otherwise.
       */
      dnsRecordType?: 'A' | 'SRV';
      /**
       * DNS record TTL in seconds (default 60).
       */
      ttl?: number;
      /**
       * Container port of an SRV record (default: the exposed or first port of the main container).
       */
      port?: number;
      /**
       * Custom attributes of the Cloud Map service (`ServiceAttributes`).
       */
      attributes?: {
        /**
         * Attribute value.
         */
        [k: string]: string;
      };
    };
    /**
     * ECS Service Connect (successor of App Mesh on ECS).
     */
    serviceConnect?: {
      /**
       * Cloud Map namespace name or ARN.
       */
      namespace?: string;
      /**
       * Discovery name (default: the service name).
       */
      discoveryName?: string;
      /**
       * Client alias DNS name (default: the discovery name).
       */
      dnsName?: string;
      /**
       * Client alias port (default: the main service port).
       */
      port?: number;
    };
    /**
     * Tags on the ECS service alone, besides the labels (which tag every resource); a key here overrides the label of the same key. CloudFormation rules apply: key 1–128 and value up to 256 characters, no `aws:` prefix, at most 50 tags.
     */
    tags?: {
      /**
       * Value.
       */
      [k: string]: string;
    };
  };
  /**
   * Write `ecs/task-definition.json` (default true). Set false when the service is deployed only through the CloudFormation template, e.g. when a value is a pseudo parameter or a parameter without a default, which the JSON cannot hold.
   */
  taskDefinitionJson?: boolean;
  /**
   * Fixed logical IDs for adopting an existing stack: resource role → the logical ID the deployed stack already has, so CloudFormation updates those resources instead of replacing them. Every Ref, Fn::GetAtt, Fn::Sub and DependsOn of the ECS service template follows. Letters and digits only; unique; not an ID another resource or parameter of the template has.
   */
  logicalIds?: {
    /**
     * Logical ID of the ECS service (default `ECSService`).
     */
    service?: string;
    /**
     * Logical ID of the task definition (default `TaskDefinition`).
     */
    taskDefinition?: string;
    /**
     * Logical ID of the log group (default `LogGroup`).
     */
    logGroup?: string;
    /**
     * Logical ID of the created task execution role (default `ExecutionRole`).
     */
    executionRole?: string;
    /**
     * Logical ID of the created task role (default `TaskRole`).
     */
    taskRole?: string;
    /**
     * Logical ID of the target group, or the blue one of two (default `TargetGroup`, `BlueTargetGroup`).
     */
    targetGroup?: string;
    /**
     * Logical ID of the green target group of a blue/green, canary or linear deployment (default `GreenTargetGroup`).
     */
    alternateTargetGroup?: string;
    /**
     * Logical ID of the production listener rule (default `ListenerRule`).
     */
    listenerRule?: string;
    /**
     * Logical ID of the test listener rule (default `TestListenerRule`).
     */
    testListenerRule?: string;
    /**
     * Logical ID of the production listener the template creates (CloudFormation blue/green hook) (default `ProdListener`).
     */
    prodListener?: string;
    /**
     * Logical ID of the test listener the template creates (CloudFormation blue/green hook) (default `TestListener`).
     */
    testListener?: string;
    /**
     * Logical ID of the created role ECS uses to shift traffic (default `LoadBalancerRole`).
     */
    loadBalancerRole?: string;
    /**
     * Logical ID of the autoscaling scalable target (default `ScalableTarget`).
     */
    scalableTarget?: string;
    /**
     * Logical ID of the CPU target-tracking policy (default `CpuScalingPolicy`).
     */
    cpuScalingPolicy?: string;
    /**
     * Logical ID of the memory target-tracking policy (default `MemoryScalingPolicy`).
     */
    memoryScalingPolicy?: string;
    /**
     * Logical ID of the CodeDeploy application (default `CodeDeployApplication`).
     */
    codeDeployApplication?: string;
    /**
     * Logical ID of the CodeDeploy deployment group (default `CodeDeployDeploymentGroup`).
     */
    codeDeployDeploymentGroup?: string;
    /**
     * Logical ID of the created CodeDeploy service role (default `CodeDeployRole`).
     */
    codeDeployRole?: string;
    /**
     * Logical ID of the custom CodeDeploy deployment configuration (default `DeploymentConfig`).
     */
    codeDeployConfig?: string;
  };
  /**
   * Format of the service CloudFormation template: `yaml` (default, `ecs/service.cfn.yaml`) or `json` (`ecs/service.cfn.json`).
   */
  templateFormat?: 'yaml' | 'json';
  /**
   * Who runs blue/green, canary and linear deployments: ECS itself (recommended by AWS) or CodeDeploy. Default: ECS.
   */
  controller?: 'ECS' | 'CODE_DEPLOY';
  /**
   * Rolling: minimum healthy percent of the desired count during a deployment.
   */
  minimumHealthyPercent?: number;
  /**
   * Rolling: maximum percent of the desired count during a deployment.
   */
  maximumPercent?: number;
  /**
   * Rolling deployments: the deployment circuit breaker (default true); it rolls back when `deployment.rollbackOnFailure` is true.
   */
  circuitBreaker?: boolean;
  /**
   * CodeDeploy names and configuration (controller CODE_DEPLOY).
   */
  codeDeploy?: {
    /**
     * CodeDeploy application name (default `<name>`).
     */
    applicationName?: string;
    /**
     * Deployment group name (default `<name>-dg`).
     */
    deploymentGroupName?: string;
    /**
     * A predefined config such as `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`; default: derived from the strategy.
     */
    deploymentConfigName?: string;
    /**
     * CodeDeploy service role ARN; when omitted the template creates one. With `via: hook` the hook's ServiceRole is the name in this ARN. May use `${Name}` parameters and pseudo parameters.
     */
    serviceRoleArn?: string;
    /**
     * How CodeDeploy runs the deployment: `deploymentGroup` (default) writes a CodeDeploy application and deployment group that a pipeline deploys with `aws deploy create-deployment`; `hook` writes the CloudFormation blue/green hook (`Transform: AWS::CodeDeployBlueGreen`, `Hooks`, an EXTERNAL-controller service with `AWS::ECS::TaskSet` and `AWS::ECS::PrimaryTaskSet`), so a stack update that replaces the task definition runs the blue/green deployment. The hook's limits apply: no Outputs, no imports (so no `platform`), the listeners are resources of the template (`service.loadBalancerArn`), traffic steps of at least 14%.
     */
    via?: 'deploymentGroup' | 'hook';
    /**
     * With `via: hook`: the name of the existing IAM role the hook's ServiceRole names (default: the name in `serviceRoleArn`).
     */
    serviceRoleName?: string;
  };
}
/**
 * A port.
 */
export interface Port2 {
  /**
   * Port name (IANA service name style: lowercase letters, digits, hyphens; at most 15 characters). Defaults to the protocol, e.g. `http`.
   */
  name?: string;
  /**
   * Container port.
   */
  port: number;
  /**
   * Transport protocol.
   */
  protocol?: 'tcp' | 'udp';
  /**
   * Application protocol, used for load balancer, Service Connect and mesh listeners.
   */
  appProtocol?: 'http' | 'http2' | 'grpc' | 'tcp';
  /**
   * Port clients use (Kubernetes Service port, listener port). Defaults to `port`.
   */
  servicePort?: number;
  /**
   * Host port for EC2 `bridge` networking (0 = dynamic). Ignored under awsvpc.
   */
  hostPort?: number;
}
/**
 * Compute resources, normalized once for every target: ECS CPU units and MiB are derived, and the Fargate task size is the smallest valid pair that holds the limits.
 */
export interface ResourcesOverlay {
  /**
   * What the scheduler reserves (Kubernetes requests; ECS memoryReservation when container-level sizes are enabled).
   */
  requests?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: (string | number) | null;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string | null;
  } | null;
  /**
   * Upper bounds (Kubernetes limits; the ECS task size is derived from these).
   */
  limits?: {
    /**
     * CPU. Kubernetes notation: `500m` (millicores) or `0.5` (cores); or ECS CPU units: `10 units` (1024 units = 1 core). ECS takes whole units: millicores become `ceil(millicores × 1024 / 1000)` units (`250m` = 256, `100m` = 103, reported when not exact); units become `ceil(units × 1000 / 1024)` millicores on Kubernetes (`10 units` = `10m`, reported when not exact).
     */
    cpu?: (string | number) | null;
    /**
     * Memory. Kubernetes notation: `512Mi`, `1Gi` (binary). Decimal units such as `512M` are accepted with a warning.
     */
    memory?: string | null;
  } | null;
}
/**
 * Autoscaling: target tracking (cpu, memory, requests, responseTime), step scaling on CloudWatch alarms and scheduled capacity changes. When set, replicas are owned by the autoscaler (Kubernetes `replicas` is omitted).
 */
export interface AutoscalingOverlay {
  /**
   * Minimum replicas, or `{ param: Name }` (a Number parameter).
   */
  min?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Maximum replicas, or `{ param: Name }` (a Number parameter).
   */
  max?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Target average CPU utilization, percent.
   */
  cpu?: number | null;
  /**
   * Target average memory utilization, percent.
   */
  memory?: number | null;
  /**
   * Target requests per task per minute at the load balancer (ECS ALBRequestCountPerTarget on the service's target group; Copilot `count.requests`). Needs `expose` on an Application Load Balancer.
   */
  requests?: number | null;
  /**
   * Target average response time at the load balancer (ECS: the AWS/ApplicationELB TargetResponseTime of the target group; Copilot `count.response_time`). Needs `expose` on an Application Load Balancer. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  responseTime?: (number | string) | null;
  /**
   * Cooldown after scaling in. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  scaleInCooldown?: (number | string) | null;
  /**
   * Cooldown after scaling out. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  scaleOutCooldown?: (number | string) | null;
  /**
   * Step scaling policies on CloudWatch alarms (ECS only).
   */
  steps?:
    | {
        /**
         * Policy name suffix (default `step-<n>`); unique in the service.
         */
        name?: string;
        /**
         * The scaling policy's own name (`PolicyName`, 1-256 printable characters; default `<service>-<name>`), e.g. the name a running stack already gives it. Unique among the service's policies.
         */
        policyName?: string;
        /**
         * The alarm's description (`AlarmDescription`, at most 1024 characters; default: the service, the step name and the alarm's condition).
         */
        description?: string;
        /**
         * The CloudWatch metric the alarm watches: `cpu` or `memory` (the service's AWS/ECS CPUUtilization or MemoryUtilization), or any metric.
         */
        metric:
          | ('cpu' | 'memory')
          | {
              /**
               * Namespace, e.g. `AWS/SQS` or `MyApp`.
               */
              namespace: string;
              /**
               * Metric name, e.g. `ApproximateNumberOfMessagesVisible`.
               */
              name: string;
              /**
               * Dimensions (name → value); default for the AWS/ECS namespace: ClusterName and ServiceName of this service.
               */
              dimensions?: {
                /**
                 * Dimension value.
                 */
                [k: string]: string;
              };
              /**
               * Statistic (default `Average`).
               */
              statistic?: 'Average' | 'Minimum' | 'Maximum' | 'Sum' | 'SampleCount';
            };
        /**
         * How the metric is compared with the threshold: `>=`, `>` (scale out as it rises), `<=` or `<` (scale in as it falls).
         */
        comparison: '>=' | '>' | '<=' | '<';
        /**
         * Alarm threshold, in the metric's unit.
         */
        threshold: number;
        /**
         * Length of one evaluation period (default 60s; CloudWatch takes 10, 30 or a multiple of 60 seconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
         */
        period?: number | string;
        /**
         * Periods the metric must breach before the alarm fires (default 1).
         */
        evaluationPeriods?: number;
        /**
         * What `change` means: tasks added or removed (`ChangeInCapacity`, default), a percent of the current count (`PercentChangeInCapacity`), or the new count (`ExactCapacity`).
         */
        adjustment?: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
        /**
         * The steps, lowest metric range first.
         *
         * @minItems 1
         *
         * Items: One step.
         */
        steps: {
          /**
           * Lower bound of the metric range (inclusive); omit for no lower bound.
           */
          from?: number;
          /**
           * Upper bound of the metric range (exclusive); omit for no upper bound.
           */
          to?: number;
          /**
           * Capacity change in this range (negative scales in).
           */
          change: number;
        }[];
        /**
         * Time after a scaling activity before another may start. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
         */
        cooldown?: number | string;
        /**
         * How the policy aggregates the metric data points (`MetricAggregationType`, default Average).
         */
        aggregation?: 'Average' | 'Minimum' | 'Maximum';
        /**
         * With PercentChangeInCapacity: change at least this many tasks.
         */
        minAdjustmentMagnitude?: number;
        /**
         * Logical IDs of this step's resources in the ECS service template, for adopting an existing stack without replacing them (default `Step<Name>Policy` and `Step<Name>Alarm`, e.g. `StepCpuBurstPolicy`). Letters and digits only; unique in the template.
         */
        logicalIds?: {
          /**
           * Logical ID of the scaling policy (AWS::ApplicationAutoScaling::ScalingPolicy).
           */
          policy?: string;
          /**
           * Logical ID of the alarm (AWS::CloudWatch::Alarm).
           */
          alarm?: string;
        };
      }[]
    | null;
  /**
   * Scheduled capacity changes (ECS only).
   */
  schedule?:
    | {
        /**
         * Action name (unique in the service).
         */
        name: string;
        /**
         * When: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, `rate(value unit)` or `at(yyyy-mm-ddThh:mm:ss)`.
         */
        schedule: string;
        /**
         * Time zone of the schedule (IANA name such as `Europe/Berlin`; default UTC).
         */
        timezone?: string;
        /**
         * New minimum replicas.
         */
        min?: number;
        /**
         * New maximum replicas.
         */
        max?: number;
        /**
         * First time the action may run (ISO 8601, e.g. `2026-12-01T00:00:00Z`).
         */
        start?: string;
        /**
         * Last time the action may run (ISO 8601).
         */
        end?: string;
      }[]
    | null;
}
/**
 * A secret injected as an environment variable, by reference only: codegen never sees or writes a secret value.
 */
export interface SecretOverlay {
  /**
   * Where the secret lives in AWS. Exactly one of `secretsManager` or `ssm`.
   */
  aws?: {
    /**
     * Secrets Manager secret ARN (or name).
     */
    secretsManager?: string | null;
    /**
     * A JSON key inside the Secrets Manager secret (ECS `arn:...:jsonKey::`).
     */
    jsonKey?: string | null;
    /**
     * Secrets Manager version stage (default AWSCURRENT).
     */
    versionStage?: string | null;
    /**
     * SSM Parameter Store parameter name (`/path/name`) or ARN.
     */
    ssm?: string | null;
  } | null;
  /**
   * A Kubernetes Secret key (`secretKeyRef`).
   */
  kubernetes?: {
    /**
     * Secret name.
     */
    name?: string | null;
    /**
     * Key in the Secret.
     */
    key?: string | null;
  } | null;
}
/**
 * Health, split the way the targets split it.
 */
export interface HealthOverlay {
  /**
   * Traffic health: the load balancer target group health check (ALB, Copilot `http.healthcheck`, App Mesh listener, ALB Ingress annotations).
   */
  traffic?: {
    /**
     * HTTP path checked by the load balancer.
     */
    path?: string | null;
    /**
     * Port checked; defaults to the traffic port.
     */
    port?: number | null;
    /**
     * Health check protocol.
     */
    protocol?: ('HTTP' | 'HTTPS' | 'GRPC' | 'TCP') | null;
    /**
     * Time between checks (ALB: 5–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: (number | string) | null;
    /**
     * Time a check may take (ALB: 2–120 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    timeout?: (number | string) | null;
    /**
     * Consecutive successes before a target is healthy (2–10).
     */
    healthyThreshold?: number | null;
    /**
     * Consecutive failures before a target is unhealthy (2–10).
     */
    unhealthyThreshold?: number | null;
    /**
     * HTTP codes that mean healthy, e.g. `200` or `200-299` (ALB matcher, 200–499).
     */
    successCodes?: string | null;
    /**
     * Time after a task starts during which failed checks are ignored (ECS HealthCheckGracePeriodSeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    gracePeriod?: (number | string) | null;
  } | null;
  /**
   * Kubernetes readiness probe. Defaults to an HTTP probe on `traffic.path` when that is set.
   */
  readiness?: ProbeOverlay | null;
  /**
   * Kubernetes liveness probe (process health).
   */
  liveness?: ProbeOverlay | null;
  /**
   * Kubernetes startup probe, for slow starters.
   */
  startup?: ProbeOverlay | null;
  /**
   * Process health as ECS and Docker see it: a command run inside the container. ECS has no HTTP check, so either give a command, or opt in to `curl` (the image must contain curl).
   */
  container?: {
    /**
     * `["CMD", ...]` or `["CMD-SHELL", "..."]`.
     */
    command?: string[] | null;
    /**
     * Generate `curl -f http://localhost:PORT/PATH || exit 1`. `true` uses the liveness (or traffic) HTTP path and port.
     */
    curl?:
      | (
          | boolean
          | {
              /**
               * Path (validated so it cannot inject shell).
               */
              path?: string | null;
              /**
               * Port (defaults to the main port).
               */
              port?: number | null;
            }
        )
      | null;
    /**
     * Time between checks (ECS: 5–300 s, default 30). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: (number | string) | null;
    /**
     * Time a check may take (ECS: 2–60 s, default 5). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    timeout?: (number | string) | null;
    /**
     * Failures before unhealthy (ECS: 1–10, default 3).
     */
    retries?: number | null;
    /**
     * Grace period after start (ECS: 0–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    startPeriod?: (number | string) | null;
  } | null;
}
/**
 * A probe: exactly one handler (`http`, `grpc`, `tcp` or `exec`) plus optional timings. Unset timings mean the platform default.
 */
export interface ProbeOverlay {
  /**
   * HTTP GET check.
   */
  http?: {
    /**
     * Request path. Must start with `/`.
     */
    path?: string | null;
    /**
     * Port number or port name. Defaults to the main port.
     */
    port?: (number | string) | null;
    /**
     * Scheme.
     */
    scheme?: ('HTTP' | 'HTTPS') | null;
    /**
     * Request headers (Kubernetes only).
     */
    headers?: {
      /**
       * Header value.
       */
      [k: string]: string | null;
    } | null;
  } | null;
  /**
   * gRPC health check.
   */
  grpc?: {
    /**
     * Port (defaults to the main port).
     */
    port?: number | null;
    /**
     * gRPC health service name.
     */
    service?: string | null;
  } | null;
  /**
   * TCP connect check.
   */
  tcp?: {
    /**
     * Port number or name (defaults to the main port).
     */
    port?: (number | string) | null;
  } | null;
  /**
   * A command run in the container.
   */
  exec?: {
    /**
     * Command and arguments (no shell unless you call one).
     */
    command?: string[] | null;
  } | null;
  /**
   * Delay before the first check (Kubernetes initialDelaySeconds). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  initialDelay?: (number | string) | null;
  /**
   * Time between checks (Kubernetes periodSeconds, default 10s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  period?: (number | string) | null;
  /**
   * Time a check may take (Kubernetes timeoutSeconds, default 1s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  timeout?: (number | string) | null;
  /**
   * Consecutive successes to count as healthy (must be 1 for liveness and startup).
   */
  successThreshold?: number | null;
  /**
   * Consecutive failures to count as unhealthy (default 3).
   */
  failureThreshold?: number | null;
  /**
   * Probe-level terminationGracePeriodSeconds (liveness and startup only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: (number | string) | null;
}
/**
 * How traffic reaches the service.
 */
export interface ExposeOverlay {
  /**
   * Internet-facing (true) or internal (false, default).
   */
  public?: boolean | null;
  /**
   * Host names routed to the service.
   */
  hosts?: string[] | null;
  /**
   * Path prefix routed to the service (default `/`).
   */
  path?: string | null;
  /**
   * Which container port receives the traffic (name or number); defaults to the first port.
   */
  port?: (number | string) | null;
  /**
   * HTTPS at the load balancer.
   */
  tls?: {
    /**
     * ACM certificate ARN.
     */
    certificateArn?: string | null;
    /**
     * Redirect HTTP to HTTPS (default true). Without certificateArn the ALB controller discovers a certificate by host.
     */
    redirect?: boolean | null;
    /**
     * SSL policy name.
     */
    policy?: string | null;
  } | null;
  /**
   * Several path prefixes routed to the service (instead of `path`): one ALB path-pattern condition (split into more listener rules when the values exceed a rule's limits), one Ingress path or HTTPRoute match each.
   */
  paths?: string[] | null;
  /**
   * HTTP header conditions (header name → accepted values; any value matches, every header must match): ALB `http-header` conditions, the Ingress `conditions.<service>` annotation, HTTPRoute header matches. `*` and `?` are wildcards on the ALB.
   */
  headers?: {
    /**
     * One value or a list of values.
     */
    [k: string]: string | string[] | null;
  } | null;
  /**
   * Only requests from these CIDR ranges are routed to the service: an ALB `source-ip` condition (Copilot `http.allowed_source_ips`, the Ingress `conditions.<service>` annotation).
   */
  allowedSourceIps?: string[] | null;
  /**
   * `application` (default: ALB listener rules, Ingress, HTTPRoute) or `network` (NLB: a TCP, UDP or TLS listener of its own on `targets.ecs.service.loadBalancerArn`; Copilot `nlb`). A network load balancer has no rules: hosts, paths and headers do not apply.
   */
  loadBalancer?: ('application' | 'network') | null;
  /**
   * The container that receives the traffic (default: the main container); `port` is one of its ports. A proxy sidecar in front of the application, for instance (ECS LoadBalancers ContainerName; Copilot `target_container`; Kubernetes Service targetPort).
   */
  container?: string | null;
  /**
   * Target group settings (ECS TargetGroupAttributes; the Ingress `target-group-attributes` annotation; Copilot `deregistration_delay`/`stickiness`).
   */
  targetGroup?: {
    /**
     * Target group protocol: `HTTP`/`HTTPS` on an ALB (default HTTP), `TCP`/`TLS`/`UDP`/`TCP_UDP` on an NLB (default TCP, UDP for a UDP port).
     */
    protocol?: ('HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP') | null;
    /**
     * Time a deregistering target keeps its in-flight requests (`deregistration_delay.timeout_seconds`, 0–3600 s; default 300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    deregistrationDelay?: (number | string) | null;
    /**
     * Warm-up time of a new target before it gets its full share (`slow_start.duration_seconds`, 30–900 s; ALB only). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    slowStart?: (number | string) | null;
    /**
     * Routing algorithm (`load_balancing.algorithm.type`; ALB only, default round_robin).
     */
    algorithm?: ('round_robin' | 'least_outstanding_requests' | 'weighted_random') | null;
    /**
     * Sticky sessions: `true` (a load balancer cookie on an ALB, the source IP on an NLB), or the cookie settings.
     */
    stickiness?:
      | (
          | boolean
          | {
              /**
               * How long the cookie pins a client (`stickiness.lb_cookie.duration_seconds` or `app_cookie.duration_seconds`, 1 s–7 days; default 1 day). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
               */
              duration?: (number | string) | null;
              /**
               * The application's own cookie (`app_cookie`); without it the load balancer issues its own (`lb_cookie`).
               */
              cookieName?: string | null;
            }
        )
      | null;
  } | null;
}
/**
 * How a new version replaces the old one.
 */
export interface DeploymentOverlay {
  /**
   * Deployment strategy.
   */
  strategy?: ('rolling' | 'blue-green' | 'canary' | 'linear') | null;
  /**
   * Rolling update shape.
   */
  rolling?: {
    /**
     * Extra replicas allowed during the update (default 25%).
     */
    maxSurge?: (number | string) | null;
    /**
     * Replicas that may be unavailable during the update (default 25%; use 0 in production).
     */
    maxUnavailable?: (number | string) | null;
  } | null;
  /**
   * Canary: shift `percent` of traffic, wait `interval`, then shift the rest.
   */
  canary?: {
    /**
     * Percent of traffic per step (default 10).
     */
    percent?: number | null;
    /**
     * Wait between steps (default 5m). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: (number | string) | null;
  } | null;
  /**
   * Linear: shift `percent` of traffic every `interval`.
   */
  linear?: {
    /**
     * Percent of traffic per step (default 10).
     */
    percent?: number | null;
    /**
     * Wait between steps (default 1m). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    interval?: (number | string) | null;
  } | null;
  /**
   * Blue/green timing.
   */
  blueGreen?: {
    /**
     * Time both versions stay up after the shift, before the old one is removed (ECS BakeTimeInMinutes). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    bakeTime?: (number | string) | null;
    /**
     * Wait before the old (blue) tasks are terminated (CodeDeploy). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    terminationWait?: (number | string) | null;
    /**
     * Wait for a manual go-ahead before rerouting traffic (CodeDeploy; 0 = continue at once). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
     */
    readyWait?: (number | string) | null;
  } | null;
  /**
   * Roll back automatically when the deployment fails (default true).
   */
  rollbackOnFailure?: boolean | null;
  /**
   * Names of existing CloudWatch alarms that fail a deployment when they go into ALARM (and roll it back with `rollbackOnFailure`): ECS `DeploymentConfiguration.Alarms`, the CodeDeploy deployment group's alarm configuration, Copilot `deployment.rollback_alarms`. Kubernetes has no such check (a diagnostic says so).
   */
  rollbackAlarms?: string[] | null;
}
/**
 * Container logs on ECS and Copilot: awslogs to CloudWatch Logs (default), FireLens, or off. Kubernetes has no per-pod log configuration (the node's log agent collects stdout and stderr), so only `driver: firelens` or `none` is reported there.
 */
export interface LoggingOverlay {
  /**
   * `awslogs` (default: CloudWatch Logs), `firelens` (the `awsfirelens` driver and a log router sidecar) or `none` (no log configuration, no log group).
   */
  driver?: ('awslogs' | 'firelens' | 'none') | null;
  /**
   * CloudWatch Logs group (default `/ecs/<name>`); may use `${Name}` parameters and pseudo parameters, e.g. `/ecs/${AWS::StackName}`.
   */
  group?: string | null;
  /**
   * Create the log group in the ECS template (default true). `false` uses an existing group: the template takes its name as the Parameter `LogGroup`, whose default is `group`.
   */
  createGroup?: boolean | null;
  /**
   * Region of the log group (defaults to `region`; the ECS template uses the stack's region when neither is set), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string | null;
  /**
   * Log stream prefix of the main container (default `ecs`); sidecars get `<streamPrefix>-<container>` unless `containers` names their own. May use `${Name}` parameters, e.g. `/${App}/ecs`.
   */
  streamPrefix?: string | null;
  /**
   * Retention in days (ECS log group `RetentionInDays`; Copilot `logging.retention`).
   */
  retentionDays?:
    | (
        | 1
        | 3
        | 5
        | 7
        | 14
        | 30
        | 60
        | 90
        | 120
        | 150
        | 180
        | 365
        | 400
        | 545
        | 731
        | 1096
        | 1827
        | 2192
        | 2557
        | 2922
        | 3288
        | 3653
      )
    | null;
  /**
   * Extra awslogs driver options, e.g. `mode: non-blocking`, `max-buffer-size: 25m` (the group, region and stream prefix come from the fields above).
   */
  options?: {
    /**
     * Option value (a string).
     */
    [k: string]: string | null;
  } | null;
  /**
   * Per container (the main container, a sidecar, or one codegen adds: `xray-daemon`, `envoy`, `log_router`), by name: its own awslogs group and/or stream prefix. A group other than `group` is created too unless `createGroup` is false.
   */
  containers?: {
    /**
     * Log settings of one container.
     */
    [k: string]: {
      /**
       * CloudWatch Logs group of this container.
       */
      group?: string | null;
      /**
       * Log stream prefix of this container.
       */
      streamPrefix?: string | null;
    } | null;
  } | null;
  /**
   * FireLens (driver `firelens`): every container of the task logs with the `awsfirelens` driver to a log router sidecar (`log_router`, essential, with `firelensConfiguration`), which itself logs with awslogs to `group`. ECS and Copilot (`logging`); FireLens sends with the task role, which needs the destination's permissions.
   */
  firelens?: {
    /**
     * Log router (`firelensConfiguration.type`, default `fluentbit`).
     */
    type?: ('fluentbit' | 'fluentd') | null;
    /**
     * Log router image (default: a pinned public.ecr.aws/aws-observability/aws-for-fluent-bit release; Copilot `logging.image`).
     */
    image?: string | null;
    /**
     * Output plugin options of the `awsfirelens` log driver (Copilot `logging.destination`), e.g. `Name: firehose`, `region`, `delivery_stream`. Default: the Fluent Bit `cloudwatch_logs` output into `group` and `streamPrefix`.
     */
    options?: {
      /**
       * Option value (a string).
       */
      [k: string]: string | null;
    } | null;
    /**
     * Secret options of the log driver (name → SSM parameter or Secrets Manager ARN), e.g. an API key of the destination (ECS `secretOptions`; Copilot `logging.secretOptions`).
     */
    secretOptions?: {
      /**
       * SSM parameter name or ARN, or Secrets Manager secret ARN.
       */
      [k: string]: string | null;
    } | null;
    /**
     * Add the ECS metadata (cluster, task ARN, task definition) to each log event (`enable-ecs-log-metadata`, default true; Copilot `logging.enableMetadata`).
     */
    enableMetadata?: boolean | null;
    /**
     * Memory reserved for the log router container (ECS `memoryReservation`, a soft limit: the router may use more when the task has it), Kubernetes notation such as `50Mi` (whole MiB on ECS, rounded up); default none. Copilot sizes its own router: reported there.
     */
    memoryReservation?: string | null;
    /**
     * A custom Fluent Bit or Fluentd configuration: a file path inside the router image, or an S3 ARN (EC2 only) (`config-file-type`/`config-file-value`; Copilot `logging.configFilePath`, a file path only).
     */
    configFile?: string | null;
  } | null;
}
/**
 * Distributed tracing.
 */
export interface TracingOverlay {
  /**
   * Send traces to AWS X-Ray (ECS: X-Ray daemon sidecar; Copilot: `observability.tracing: awsxray`).
   */
  xray?: boolean | null;
}
/**
 * An extra container in the task or pod (Envoy, X-Ray daemon, log router, ...). Sidecars keep the order the spec gives them.
 */
export interface SidecarOverlay {
  /**
   * Image reference; may use `${Name}` parameters.
   */
  image?: string | null;
  /**
   * ECS and Copilot: the task stops when this container stops. Default true, as in ECS and Copilot, except for a container another one waits for with `COMPLETE` or `SUCCESS`, which ECS requires to be non-essential (default false there).
   */
  essential?: boolean | null;
  /**
   * Ports.
   */
  ports?: Port3[] | null;
  /**
   * Environment variables.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]: EnvValueOverlay | null;
  } | null;
  /**
   * Secrets by reference.
   */
  secrets?: {
    /**
     * Secret reference.
     */
    [k: string]: SecretOverlay | null;
  } | null;
  /**
   * Resources of this container.
   */
  resources?: ResourcesOverlay | null;
  /**
   * Command override.
   */
  command?: string[] | null;
  /**
   * Entrypoint override (Kubernetes `command`, ECS `entryPoint`, Copilot `entrypoint`).
   */
  entrypoint?: string[] | null;
  /**
   * User (uid or uid:gid).
   */
  user?: string | null;
  /**
   * Security context of this container (Kubernetes container `securityContext`; ECS container definition). Pod-level values of the top-level `security` apply unless set here.
   */
  security?: {
    /**
     * uid the container runs as (Kubernetes `runAsUser`; ECS `user`). Overrides the pod-level value.
     */
    runAsUser?: number | null;
    /**
     * gid the container runs as (Kubernetes `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).
     */
    runAsGroup?: number | null;
    /**
     * Refuse to start as uid 0 (Kubernetes `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).
     */
    runAsNonRoot?: boolean | null;
    /**
     * Whether a process may gain more privileges than its parent (Kubernetes `allowPrivilegeEscalation`; ECS on EC2: `false` is `dockerSecurityOptions: [no-new-privileges]`; Fargate has no form).
     */
    allowPrivilegeEscalation?: boolean | null;
    /**
     * Run privileged (Kubernetes `privileged`; ECS `privileged`, EC2 only: Fargate refuses privileged containers).
     */
    privileged?: boolean | null;
    /**
     * Mount the root file system read-only (Kubernetes `readOnlyRootFilesystem`; ECS `readonlyRootFilesystem`; Copilot `storage.readonly_fs`).
     */
    readOnlyRootFilesystem?: boolean | null;
    /**
     * Linux capabilities added to or dropped from the runtime default (Kubernetes `capabilities`; ECS `linuxParameters.capabilities`). Fargate can add only `SYS_PTRACE`.
     */
    capabilities?: {
      /**
       * Capabilities to add.
       */
      add?:
        | (
            | 'ALL'
            | 'AUDIT_CONTROL'
            | 'AUDIT_WRITE'
            | 'BLOCK_SUSPEND'
            | 'CHOWN'
            | 'DAC_OVERRIDE'
            | 'DAC_READ_SEARCH'
            | 'FOWNER'
            | 'FSETID'
            | 'IPC_LOCK'
            | 'IPC_OWNER'
            | 'KILL'
            | 'LEASE'
            | 'LINUX_IMMUTABLE'
            | 'MAC_ADMIN'
            | 'MAC_OVERRIDE'
            | 'MKNOD'
            | 'NET_ADMIN'
            | 'NET_BIND_SERVICE'
            | 'NET_BROADCAST'
            | 'NET_RAW'
            | 'SETFCAP'
            | 'SETGID'
            | 'SETPCAP'
            | 'SETUID'
            | 'SYS_ADMIN'
            | 'SYS_BOOT'
            | 'SYS_CHROOT'
            | 'SYS_MODULE'
            | 'SYS_NICE'
            | 'SYS_PACCT'
            | 'SYS_PTRACE'
            | 'SYS_RAWIO'
            | 'SYS_RESOURCE'
            | 'SYS_TIME'
            | 'SYS_TTY_CONFIG'
            | 'SYSLOG'
            | 'WAKE_ALARM'
          )[]
        | null;
      /**
       * Capabilities to drop (`ALL` drops every default one; `add` then names what is kept).
       */
      drop?:
        | (
            | 'ALL'
            | 'AUDIT_CONTROL'
            | 'AUDIT_WRITE'
            | 'BLOCK_SUSPEND'
            | 'CHOWN'
            | 'DAC_OVERRIDE'
            | 'DAC_READ_SEARCH'
            | 'FOWNER'
            | 'FSETID'
            | 'IPC_LOCK'
            | 'IPC_OWNER'
            | 'KILL'
            | 'LEASE'
            | 'LINUX_IMMUTABLE'
            | 'MAC_ADMIN'
            | 'MAC_OVERRIDE'
            | 'MKNOD'
            | 'NET_ADMIN'
            | 'NET_BIND_SERVICE'
            | 'NET_BROADCAST'
            | 'NET_RAW'
            | 'SETFCAP'
            | 'SETGID'
            | 'SETPCAP'
            | 'SETUID'
            | 'SYS_ADMIN'
            | 'SYS_BOOT'
            | 'SYS_CHROOT'
            | 'SYS_MODULE'
            | 'SYS_NICE'
            | 'SYS_PACCT'
            | 'SYS_PTRACE'
            | 'SYS_RAWIO'
            | 'SYS_RESOURCE'
            | 'SYS_TIME'
            | 'SYS_TTY_CONFIG'
            | 'SYSLOG'
            | 'WAKE_ALARM'
          )[]
        | null;
    } | null;
  } | null;
  /**
   * Start ordering of this container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
  } | null;
  /**
   * Health of this sidecar: its Kubernetes probes and its ECS/Copilot container health check (the same forms as the main container's `health`, without `traffic`).
   */
  health?: {
    /**
     * Kubernetes readiness probe.
     */
    readiness?: ProbeOverlay | null;
    /**
     * Kubernetes liveness probe.
     */
    liveness?: ProbeOverlay | null;
    /**
     * Kubernetes startup probe; a native sidecar (see `dependsOn`) counts as started once it passes.
     */
    startup?: ProbeOverlay | null;
    /**
     * Process health as ECS and Docker see it: a command run inside the container. ECS has no HTTP check, so either give a command, or opt in to `curl` (the image must contain curl).
     */
    container?: {
      /**
       * `["CMD", ...]` or `["CMD-SHELL", "..."]`.
       */
      command?: string[] | null;
      /**
       * Generate `curl -f http://localhost:PORT/PATH || exit 1`. `true` uses the liveness (or traffic) HTTP path and port.
       */
      curl?:
        | (
            | boolean
            | {
                /**
                 * Path (validated so it cannot inject shell).
                 */
                path?: string | null;
                /**
                 * Port (defaults to the main port).
                 */
                port?: number | null;
              }
          )
        | null;
      /**
       * Time between checks (ECS: 5–300 s, default 30). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      interval?: (number | string) | null;
      /**
       * Time a check may take (ECS: 2–60 s, default 5). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      timeout?: (number | string) | null;
      /**
       * Failures before unhealthy (ECS: 1–10, default 3).
       */
      retries?: number | null;
      /**
       * Grace period after start (ECS: 0–300 s). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      startPeriod?: (number | string) | null;
    } | null;
  } | null;
  /**
   * Resource limits (ulimits) of this container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft?: number | null;
          /**
           * Hard limit (at least the soft limit).
           */
          hard?: number | null;
        }
      | null;
  } | null;
  /**
   * Volumes mounted into this container.
   */
  mounts?: Mount2[] | null;
}
/**
 * A port.
 */
export interface Port3 {
  /**
   * Port name (IANA service name style: lowercase letters, digits, hyphens; at most 15 characters). Defaults to the protocol, e.g. `http`.
   */
  name?: string;
  /**
   * Container port.
   */
  port: number;
  /**
   * Transport protocol.
   */
  protocol?: 'tcp' | 'udp';
  /**
   * Application protocol, used for load balancer, Service Connect and mesh listeners.
   */
  appProtocol?: 'http' | 'http2' | 'grpc' | 'tcp';
  /**
   * Port clients use (Kubernetes Service port, listener port). Defaults to `port`.
   */
  servicePort?: number;
  /**
   * Host port for EC2 `bridge` networking (0 = dynamic). Ignored under awsvpc.
   */
  hostPort?: number;
}
/**
 * A mount.
 */
export interface Mount2 {
  /**
   * Name of a volume under `volumes`.
   */
  volume: string;
  /**
   * Absolute path in the container (ECS `containerPath`, Kubernetes `mountPath`, Copilot `path`).
   */
  path: string;
  /**
   * Mount read-only (default false).
   */
  readOnly?: boolean;
  /**
   * A path inside the volume mounted instead of its root (Kubernetes `subPath`; ECS and Copilot have none: a diagnostic — on EFS use `rootDirectory`).
   */
  subPath?: string;
}
/**
 * Security context. `runAsUser`, `runAsGroup`, `fsGroup`, `runAsNonRoot` and `seccompProfile` are pod-level: they apply to every container the spec defines (Kubernetes pod `securityContext`; on ECS, which has no pod, each container gets them). The others apply to the main container (Kubernetes container `securityContext`); sidecars set their own under `sidecars.<name>.security`.
 */
export interface SecurityOverlay {
  /**
   * uid every container runs as unless it sets its own (Kubernetes pod `runAsUser`; ECS `user` on each container).
   */
  runAsUser?: number | null;
  /**
   * gid every container runs as (Kubernetes pod `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).
   */
  runAsGroup?: number | null;
  /**
   * Every container must run as a non-zero uid (Kubernetes pod `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).
   */
  runAsNonRoot?: boolean | null;
  /**
   * Whether a process may gain more privileges than its parent (Kubernetes `allowPrivilegeEscalation`; ECS on EC2: `false` is `dockerSecurityOptions: [no-new-privileges]`; Fargate has no form).
   */
  allowPrivilegeEscalation?: boolean | null;
  /**
   * Run privileged (Kubernetes `privileged`; ECS `privileged`, EC2 only: Fargate refuses privileged containers).
   */
  privileged?: boolean | null;
  /**
   * Mount the root file system read-only (Kubernetes `readOnlyRootFilesystem`; ECS `readonlyRootFilesystem`; Copilot `storage.readonly_fs`).
   */
  readOnlyRootFilesystem?: boolean | null;
  /**
   * Linux capabilities added to or dropped from the runtime default (Kubernetes `capabilities`; ECS `linuxParameters.capabilities`). Fargate can add only `SYS_PTRACE`.
   */
  capabilities?: {
    /**
     * Capabilities to add.
     */
    add?:
      | (
          | 'ALL'
          | 'AUDIT_CONTROL'
          | 'AUDIT_WRITE'
          | 'BLOCK_SUSPEND'
          | 'CHOWN'
          | 'DAC_OVERRIDE'
          | 'DAC_READ_SEARCH'
          | 'FOWNER'
          | 'FSETID'
          | 'IPC_LOCK'
          | 'IPC_OWNER'
          | 'KILL'
          | 'LEASE'
          | 'LINUX_IMMUTABLE'
          | 'MAC_ADMIN'
          | 'MAC_OVERRIDE'
          | 'MKNOD'
          | 'NET_ADMIN'
          | 'NET_BIND_SERVICE'
          | 'NET_BROADCAST'
          | 'NET_RAW'
          | 'SETFCAP'
          | 'SETGID'
          | 'SETPCAP'
          | 'SETUID'
          | 'SYS_ADMIN'
          | 'SYS_BOOT'
          | 'SYS_CHROOT'
          | 'SYS_MODULE'
          | 'SYS_NICE'
          | 'SYS_PACCT'
          | 'SYS_PTRACE'
          | 'SYS_RAWIO'
          | 'SYS_RESOURCE'
          | 'SYS_TIME'
          | 'SYS_TTY_CONFIG'
          | 'SYSLOG'
          | 'WAKE_ALARM'
        )[]
      | null;
    /**
     * Capabilities to drop (`ALL` drops every default one; `add` then names what is kept).
     */
    drop?:
      | (
          | 'ALL'
          | 'AUDIT_CONTROL'
          | 'AUDIT_WRITE'
          | 'BLOCK_SUSPEND'
          | 'CHOWN'
          | 'DAC_OVERRIDE'
          | 'DAC_READ_SEARCH'
          | 'FOWNER'
          | 'FSETID'
          | 'IPC_LOCK'
          | 'IPC_OWNER'
          | 'KILL'
          | 'LEASE'
          | 'LINUX_IMMUTABLE'
          | 'MAC_ADMIN'
          | 'MAC_OVERRIDE'
          | 'MKNOD'
          | 'NET_ADMIN'
          | 'NET_BIND_SERVICE'
          | 'NET_BROADCAST'
          | 'NET_RAW'
          | 'SETFCAP'
          | 'SETGID'
          | 'SETPCAP'
          | 'SETUID'
          | 'SYS_ADMIN'
          | 'SYS_BOOT'
          | 'SYS_CHROOT'
          | 'SYS_MODULE'
          | 'SYS_NICE'
          | 'SYS_PACCT'
          | 'SYS_PTRACE'
          | 'SYS_RAWIO'
          | 'SYS_RESOURCE'
          | 'SYS_TIME'
          | 'SYS_TTY_CONFIG'
          | 'SYSLOG'
          | 'WAKE_ALARM'
        )[]
      | null;
  } | null;
  /**
   * gid that owns the pod's volumes (Kubernetes pod `fsGroup`; ECS and Copilot have no form: a diagnostic).
   */
  fsGroup?: number | null;
  /**
   * Seccomp profile (Kubernetes pod `seccompProfile`). ECS has no seccomp setting: its containers run under the runtime's default profile.
   */
  seccompProfile?: {
    /**
     * Profile type.
     */
    type?: ('RuntimeDefault' | 'Localhost' | 'Unconfined') | null;
    /**
     * Path of the profile on the node, relative to the kubelet's seccomp directory (type `Localhost` only).
     */
    localhostProfile?: string | null;
  } | null;
}
/**
 * A volume of the task or pod: exactly one of `emptyDir`, `efs`, `hostPath`, `configMap`, `persistentVolumeClaim` or `managedEfs`.
 */
export interface VolumeOverlay {
  /**
   * Scratch space that lives as long as the task or pod (Kubernetes `emptyDir`; ECS a task volume with no host path; Copilot a `storage.volumes` entry without `efs`).
   */
  emptyDir?: {
    /**
     * Size limit, e.g. `1Gi` (Kubernetes `sizeLimit`; ECS and Copilot have no per-volume size: a diagnostic — see `ephemeralStorage`).
     */
    sizeLimit?: string | null;
    /**
     * `Memory` keeps the files in RAM (Kubernetes `medium: Memory`, a tmpfs counted against the memory limit); ECS and Copilot task volumes are on disk (a diagnostic).
     */
    medium?: 'Memory' | null;
  } | null;
  /**
   * An Amazon EFS file system (ECS `efsVolumeConfiguration`; Copilot `efs`; Kubernetes through a PersistentVolumeClaim of the EFS CSI driver, `claimName`).
   */
  efs?: {
    /**
     * File system ID, e.g. `fs-0123456789abcdef0`.
     */
    fileSystemId?: string | null;
    /**
     * Directory of the file system mounted as the root of the volume (default `/`; must be `/` with an access point).
     */
    rootDirectory?: string | null;
    /**
     * EFS access point ID (`fsap-...`); it needs transit encryption.
     */
    accessPointId?: string | null;
    /**
     * Encrypt data in transit (default true; ECS `transitEncryption`; Copilot always encrypts).
     */
    transitEncryption?: boolean | null;
    /**
     * Mount with the task's IAM role (ECS `authorizationConfig.iam`, Copilot `auth.iam`; default false). Needs transit encryption.
     */
    iam?: boolean | null;
    /**
     * Kubernetes: the PersistentVolumeClaim (EFS CSI driver, static provisioning) that holds this file system; required for the Kubernetes target.
     */
    claimName?: string | null;
  } | null;
  /**
   * A directory of the host (ECS `host.sourcePath`, EC2 only — Fargate refuses it; Kubernetes `hostPath`, with a warning: it ties the pod to a node and exposes the node; Copilot has none).
   */
  hostPath?: {
    /**
     * Absolute path on the host.
     */
    path?: string | null;
    /**
     * Kubernetes `hostPath.type` check (default: none).
     */
    type?:
      ('DirectoryOrCreate' | 'Directory' | 'FileOrCreate' | 'File' | 'Socket' | 'CharDevice' | 'BlockDevice') | null;
  } | null;
  /**
   * Files from a Kubernetes ConfigMap (Kubernetes `configMap`; ECS and Copilot have no form: a diagnostic — bake the files into the image or fill a volume from a sidecar).
   */
  configMap?: {
    /**
     * ConfigMap name.
     */
    name?: string | null;
    /**
     * Keys to project: key → file path relative to the mount (default: every key, as a file named after it).
     */
    items?: {
      /**
       * Relative file path.
       */
      [k: string]: string | null;
    } | null;
    /**
     * File mode bits of the files, e.g. 420 (octal 0644).
     */
    defaultMode?: number | null;
  } | null;
  /**
   * A Kubernetes PersistentVolumeClaim the cluster already has (Kubernetes `persistentVolumeClaim`; ECS and Copilot have no form: an error, since the data would not persist — for an EFS file system use `efs` with `claimName`, which every target can mount).
   */
  persistentVolumeClaim?: {
    /**
     * Name of the claim, in the pod's namespace.
     */
    claimName?: string | null;
    /**
     * Mount the claim read-only in every container (Kubernetes `persistentVolumeClaim.readOnly`, default false); a mount can also be read-only on its own.
     */
    readOnly?: boolean | null;
  } | null;
  /**
   * An EFS file system that Copilot creates and manages for the service (Copilot `efs: true`, or `efs: {uid, gid}` with a POSIX user of one's own): it outlives the service's tasks. Copilot only, and one per service; ECS and Kubernetes have no form (an error: a template cannot mount a file system nobody created — use `efs` with its `fileSystemId`).
   */
  managedEfs?: {
    /**
     * POSIX user ID the access point uses (Copilot `efs.uid`); needs `gid`.
     */
    uid?: number | null;
    /**
     * POSIX group ID the access point uses (Copilot `efs.gid`); needs `uid`.
     */
    gid?: number | null;
  } | null;
}
/**
 * A mount.
 */
export interface Mount3 {
  /**
   * Name of a volume under `volumes`.
   */
  volume: string;
  /**
   * Absolute path in the container (ECS `containerPath`, Kubernetes `mountPath`, Copilot `path`).
   */
  path: string;
  /**
   * Mount read-only (default false).
   */
  readOnly?: boolean;
  /**
   * A path inside the volume mounted instead of its root (Kubernetes `subPath`; ECS and Copilot have none: a diagnostic — on EFS use `rootDirectory`).
   */
  subPath?: string;
}
/**
 * Kubernetes manifests (EKS).
 */
export interface KubernetesTarget {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: string | null;
  /**
   * One line about the service.
   */
  description?: string | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: string | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: string | null;
  /**
   * Command override (Docker CMD).
   */
  command?: string[] | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: string[] | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: Port2[] | null;
  /**
   * Resources of the main container.
   */
  resources?: ResourcesOverlay | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: AutoscalingOverlay | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]: EnvValueOverlay | null;
  } | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: {
    /**
     * Secret reference.
     */
    [k: string]: SecretOverlay | null;
  } | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: HealthOverlay | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: ExposeOverlay | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: DeploymentOverlay | null;
  /**
   * Container logs.
   */
  logging?: LoggingOverlay | null;
  /**
   * Distributed tracing.
   */
  tracing?: TracingOverlay | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: {
    /**
     * A sidecar container.
     */
    [k: string]: SidecarOverlay | null;
  } | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: string | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: boolean | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: SecurityOverlay | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: {
    /**
     * Value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: (number | string) | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
  } | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft?: number | null;
          /**
           * Hard limit (at least the soft limit).
           */
          hard?: number | null;
        }
      | null;
  } | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: {
    /**
     * A volume.
     */
    [k: string]: VolumeOverlay | null;
  } | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: Mount3[] | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: number | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: {
    /**
     * Platform name (the `name` of the platform spec); the export prefix.
     */
    name?: string | null;
    /**
     * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
     */
    file?: string | null;
  } | null;
  /**
   * Workload kind: a Deployment (default; blue-green, canary and linear become a rolling update with a warning) or an Argo Rollouts Rollout (argoproj.io/v1alpha1), which runs them natively.
   */
  workload?: 'Deployment' | 'Rollout';
  /**
   * Namespace of every object (omitted when unset).
   */
  namespace?: string;
  /**
   * Also write the Namespace object.
   */
  createNamespace?: boolean;
  /**
   * ServiceAccount of the pods.
   */
  serviceAccount?: {
    /**
     * ServiceAccount name (default `<name>`).
     */
    name?: string;
    /**
     * Write the ServiceAccount object (default true).
     */
    create?: boolean;
    /**
     * IAM role for service accounts (IRSA): `eks.amazonaws.com/role-arn` annotation.
     */
    roleArn?: string;
  };
  /**
   * The Service in front of the pods.
   */
  service?: {
    /**
     * Service name (default `<name>`).
     */
    name?: string;
    /**
     * Service type.
     */
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  };
  /**
   * Services in front of the pods, written instead of the one default Service (e.g. an internal ClusterIP plus an external LoadBalancer). An Ingress or HTTPRoute routes to the first listed Service with a port that targets the exposed container port. Not together with `service`.
   *
   * Items: One Service.
   */
  services?: {
    /**
     * Service name.
     */
    name: string;
    /**
     * Service type.
     */
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    /**
     * Annotations of the Service (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme`).
     */
    annotations?: {
      /**
       * Value.
       */
      [k: string]: string;
    };
    /**
     * Service ports.
     *
     * @minItems 1
     *
     * Items: One Service port.
     */
    ports: {
      /**
       * Service port name (IANA service name: at most 15 lowercase letters, digits and hyphens, at least one letter; required when the Service has several ports).
       */
      name?: string;
      /**
       * Port the Service listens on.
       */
      port: number;
      /**
       * Container port the traffic goes to: a number, or the name of a container port (default: `port`).
       */
      targetPort?: number | string;
      /**
       * Transport protocol (default tcp).
       */
      protocol?: 'tcp' | 'udp';
      /**
       * Node port (NodePort and LoadBalancer Services; default: allocated by the cluster).
       */
      nodePort?: number;
    }[];
  }[];
  /**
   * Labels that select the pods, instead of the default `app: <name>` (e.g. `{ app: guestbook, tier: frontend }`): the Deployment's or Rollout's `selector.matchLabels`, the pod labels, every Service's `selector` and the PodDisruptionBudget's; every object carries them in place of `app: <name>`. A Deployment's selector cannot change once it exists: changing it means replacing the Deployment.
   */
  selector?: {
    /**
     * Label value.
     */
    [k: string]: string;
  };
  /**
   * Name the container ports and Service ports that the spec leaves unnamed with their derived names (`http`, `grpc`, `udp`, `http-8080`; default true). With false such container ports are written without a name, as many manifests do, and Services target them by number.
   */
  derivedPortNames?: boolean;
  /**
   * ALB Ingress for the AWS Load Balancer Controller (written when `expose` is set and route is `ingress`).
   */
  ingress?: {
    /**
     * Ingress name (default `<name>`).
     */
    name?: string;
    /**
     * IngressClass (default `alb`).
     */
    className?: string;
    /**
     * Use the deprecated `kubernetes.io/ingress.class` annotation instead of `spec.ingressClassName`.
     */
    legacyClassAnnotation?: boolean;
    /**
     * ALB target type (`ip` for Fargate/awsvpc pods).
     */
    targetType?: 'ip' | 'instance';
    /**
     * IngressGroup name.
     */
    groupName?: string;
    /**
     * IngressGroup order.
     */
    groupOrder?: number;
    /**
     * Extra annotations (string values).
     */
    annotations?: {
      /**
       * Value.
       */
      [k: string]: string;
    };
  };
  /**
   * How `expose.path` matches: `Prefix` (default; HTTPRoute `PathPrefix`) or `Exact`.
   */
  pathType?: 'Prefix' | 'Exact';
  /**
   * How traffic is routed in: an ALB Ingress or a Gateway API HTTPRoute.
   */
  route?: 'ingress' | 'gateway';
  /**
   * Gateway API parent for the HTTPRoute.
   */
  gateway?: {
    /**
     * Gateway name.
     */
    name?: string;
    /**
     * Gateway namespace.
     */
    namespace?: string;
    /**
     * Listener name on the Gateway.
     */
    sectionName?: string;
  };
  /**
   * PodDisruptionBudget (written when more than one replica is guaranteed).
   */
  podDisruptionBudget?: {
    /**
     * Write it (default true when replicas or autoscaling min ≥ 2).
     */
    enabled?: boolean;
    /**
     * Pods that may be unavailable (default 1).
     */
    maxUnavailable?: number;
  };
  /**
   * Write a kustomization.yaml listing the files (default true).
   */
  kustomization?: boolean;
  /**
   * Annotations on the pod template.
   */
  podAnnotations?: {
    /**
     * Value.
     */
    [k: string]: string;
  };
  /**
   * Image pull policy.
   */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /**
   * What the containers get from `$(NAME)` and `$$` in env values, `command` and `entrypoint` (Kubernetes `args` and `command`): `expand` (default) leaves them to Kubernetes, which replaces `$(NAME)` with the variable's value and `$$` with `$`; `literal` writes `$$` where Kubernetes would read a `$`, so the containers get the text as written, as on ECS and Copilot. See the rule consistent-variable-references.
   */
  variableReferences?: 'expand' | 'literal';
}
/**
 * AWS App Mesh CloudFormation (legacy).
 */
export interface AppmeshTarget {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: string | null;
  /**
   * One line about the service.
   */
  description?: string | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: string | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: string | null;
  /**
   * Command override (Docker CMD).
   */
  command?: string[] | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: string[] | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: Port2[] | null;
  /**
   * Resources of the main container.
   */
  resources?: ResourcesOverlay | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: AutoscalingOverlay | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]: EnvValueOverlay | null;
  } | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: {
    /**
     * Secret reference.
     */
    [k: string]: SecretOverlay | null;
  } | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: HealthOverlay | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: ExposeOverlay | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: DeploymentOverlay | null;
  /**
   * Container logs.
   */
  logging?: LoggingOverlay | null;
  /**
   * Distributed tracing.
   */
  tracing?: TracingOverlay | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: {
    /**
     * A sidecar container.
     */
    [k: string]: SidecarOverlay | null;
  } | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: string | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: boolean | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: SecurityOverlay | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: {
    /**
     * Value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: (number | string) | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
  } | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft?: number | null;
          /**
           * Hard limit (at least the soft limit).
           */
          hard?: number | null;
        }
      | null;
  } | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: {
    /**
     * A volume.
     */
    [k: string]: VolumeOverlay | null;
  } | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: Mount3[] | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: number | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: {
    /**
     * Platform name (the `name` of the platform spec); the export prefix.
     */
    name?: string | null;
    /**
     * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
     */
    file?: string | null;
  } | null;
  /**
   * Silence the deprecation diagnostic for this legacy target.
   */
  acknowledgeDeprecation?: boolean;
  /**
   * Mesh name (default `<name>-mesh`).
   */
  meshName?: string;
  /**
   * Define the Mesh resource in the template (default true); false references an existing mesh by name.
   */
  createMesh?: boolean;
  /**
   * Mesh egress filter.
   */
  egressFilter?: 'DROP_ALL' | 'ALLOW_ALL';
  /**
   * Virtual node name (default `<name>-node`). The ECS task of this spec registers its Envoy as this node.
   */
  virtualNodeName?: string;
  /**
   * Virtual service name (default `<name>.<Cloud Map namespace>`, or the DNS host name).
   */
  virtualServiceName?: string;
  /**
   * Virtual router name (default `<name>-router`).
   */
  virtualRouterName?: string;
  /**
   * Route name (default `<name>-route`).
   */
  routeName?: string;
  /**
   * How Envoy finds the tasks of the virtual node.
   */
  serviceDiscovery?: {
    /**
     * AWS Cloud Map.
     */
    cloudMap?: {
      /**
       * Namespace name.
       */
      namespace: string;
      /**
       * Service name (default `<name>`).
       */
      service?: string;
      /**
       * Instance attributes Envoy filters the Cloud Map instances by (`AWSCloudMap.Attributes`), e.g. `ECS_TASK_DEFINITION_FAMILY: <family>` to pick one version among the tasks registered under one service.
       */
      attributes?: {
        /**
         * Attribute value.
         */
        [k: string]: string;
      };
    };
    /**
     * DNS.
     */
    dns?: {
      /**
       * Host name.
       */
      hostname: string;
    };
  };
  /**
   * Virtual services this service calls.
   *
   * Items: Virtual service name.
   */
  backends?: string[];
  /**
   * Service versions for weighted routing (1–10). Weights are relative and total ≤ 100. A version other than `virtualNodeName` gets its own virtual node with the same listener, health check and backends.
   *
   * @minItems 1
   * @maxItems 10
   *
   * Items: A version.
   */
  versions?: {
    /**
     * Virtual node name of this version.
     */
    name: string;
    /**
     * Relative weight (0–100).
     */
    weight: number;
    /**
     * Service discovery of this version (default: Cloud Map service `<version name>` in the node's namespace, or the DNS host name with its first label replaced by the version name).
     */
    serviceDiscovery?: {
      /**
       * AWS Cloud Map.
       */
      cloudMap?: {
        /**
         * Namespace name.
         */
        namespace: string;
        /**
         * Service name (default `<name>`).
         */
        service?: string;
        /**
         * Instance attributes Envoy filters the Cloud Map instances by (`AWSCloudMap.Attributes`), e.g. `ECS_TASK_DEFINITION_FAMILY: <family>` to pick one version among the tasks registered under one service.
         */
        attributes?: {
          /**
           * Attribute value.
           */
          [k: string]: string;
        };
      };
      /**
       * DNS.
       */
      dns?: {
        /**
         * Host name.
         */
        hostname: string;
      };
    };
    /**
     * Logical ID of this version's virtual node in the App Mesh template, for adopting an existing stack (default `VirtualNode<Name>`, e.g. `VirtualNodePaymentsV2`; the node of `virtualNodeName` takes `logicalIds.virtualNode`). Letters and digits only; unique in the template.
     */
    logicalId?: string;
  }[];
  /**
   * Expose the service through the mesh: a VirtualGateway and a GatewayRoute to the virtual service.
   */
  gateway?: {
    /**
     * Virtual gateway name (default `<name>-gateway`).
     */
    name?: string;
    /**
     * Gateway listener port (default: the main container port).
     */
    port?: number;
    /**
     * Gateway route name (default `<name>-gateway-route`).
     */
    routeName?: string;
  };
  /**
   * Also write the App Mesh controller's custom resources (`appmesh.k8s.aws/v1beta2` Mesh, VirtualNode, VirtualRouter, VirtualService) to `appmesh/kubernetes/mesh.yaml` when the kubernetes target is enabled, and label a created namespace for sidecar injection (default false; legacy output).
   */
  kubernetesController?: boolean;
  /**
   * Fixed logical IDs for adopting an existing stack: resource role → the logical ID the deployed stack already has, so CloudFormation updates those resources instead of replacing them. Every Ref, Fn::GetAtt, Fn::Sub and DependsOn of the App Mesh template follows. Letters and digits only; unique; not an ID another resource or parameter of the template has.
   */
  logicalIds?: {
    /**
     * Logical ID of the mesh (default `Mesh`).
     */
    mesh?: string;
    /**
     * Logical ID of the virtual node of this spec's tasks (default `VirtualNode`).
     */
    virtualNode?: string;
    /**
     * Logical ID of the virtual router (default `VirtualRouter`).
     */
    virtualRouter?: string;
    /**
     * Logical ID of the route (default `Route`).
     */
    route?: string;
    /**
     * Logical ID of the virtual service (default `VirtualService`).
     */
    virtualService?: string;
    /**
     * Logical ID of the virtual gateway (default `VirtualGateway`).
     */
    virtualGateway?: string;
    /**
     * Logical ID of the gateway route (default `GatewayRoute`).
     */
    gatewayRoute?: string;
  };
  /**
   * Envoy image for the ECS task of a meshed service (default: the pinned App Mesh Envoy image in public ECR).
   */
  envoyImage?: string;
  /**
   * The Envoy container of the meshed ECS task (`envoy`): its size, extra environment and user. The image is `envoyImage`.
   */
  envoy?: {
    /**
     * Container-level CPU units (`cpu`).
     */
    cpu?: number;
    /**
     * Hard memory limit in MiB (`memory`).
     */
    memory?: number;
    /**
     * Soft memory limit in MiB (`memoryReservation`).
     */
    memoryReservation?: number;
    /**
     * Extra environment variables of Envoy (e.g. `ENVOY_LOG_LEVEL: debug`); `APPMESH_RESOURCE_ARN`/`APPMESH_VIRTUAL_NODE_NAME` and `ENABLE_ENVOY_XRAY_TRACING` are set by codegen.
     */
    env?: {
      /**
       * Value.
       */
      [k: string]: string;
    };
    /**
     * User Envoy runs as (default 1337); the proxy configuration ignores this uid's traffic.
     */
    user?: string;
  };
  /**
   * The App Mesh route of this service: what it matches besides the path prefix (`expose.path`), how Envoy retries a failed request and the route's timeouts. Written to the Route (CloudFormation) and to the route of the VirtualRouter (App Mesh controller); the gateway route keeps matching the prefix only.
   */
  route?: {
    /**
     * Request conditions, all of which must hold. HTTP and HTTP/2 routes: `path`, `method`, `headers`; gRPC routes: `serviceName`, `methodName`, `metadata`. A condition the listener protocol has no form for is an error.
     */
    match?: {
      /**
       * HTTP/HTTP2: match the whole path instead of the prefix `expose.path` (one of `exact`, `regex`).
       */
      path?: {
        /**
         * The path equals this.
         */
        exact?: string;
        /**
         * The path matches this regular expression.
         */
        regex?: string;
      };
      /**
       * HTTP/HTTP2: the request method.
       */
      method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
      /**
       * HTTP/HTTP2: header conditions (1–10).
       *
       * @minItems 1
       * @maxItems 10
       *
       * Items: A header condition: its name and at most one of `exact`, `prefix`, `suffix`, `regex`, `range` (none: the header is present).
       */
      headers?: {
        /**
         * Header name.
         */
        name: string;
        /**
         * The value equals this.
         */
        exact?: string;
        /**
         * The value starts with this.
         */
        prefix?: string;
        /**
         * The value ends with this.
         */
        suffix?: string;
        /**
         * The value matches this regular expression.
         */
        regex?: string;
        /**
         * The value is a number in this range (start inclusive, end exclusive).
         */
        range?: {
          /**
           * Start of the range.
           */
          start: number;
          /**
           * End of the range.
           */
          end: number;
        };
        /**
         * Match every request whose header does not meet the condition (default false).
         */
        invert?: boolean;
      }[];
      /**
       * gRPC: the fully qualified gRPC service, e.g. `color.ColorService`.
       */
      serviceName?: string;
      /**
       * gRPC: the method of `serviceName`, e.g. `GetColor` (needs `serviceName`).
       */
      methodName?: string;
      /**
       * gRPC: metadata conditions (1–10).
       *
       * @minItems 1
       * @maxItems 10
       *
       * Items: A metadata condition: its name and at most one of `exact`, `prefix`, `suffix`, `regex`, `range` (none: the metadata is present).
       */
      metadata?: {
        /**
         * Metadata key.
         */
        name: string;
        /**
         * The value equals this.
         */
        exact?: string;
        /**
         * The value starts with this.
         */
        prefix?: string;
        /**
         * The value ends with this.
         */
        suffix?: string;
        /**
         * The value matches this regular expression.
         */
        regex?: string;
        /**
         * The value is a number in this range (start inclusive, end exclusive).
         */
        range?: {
          /**
           * Start of the range.
           */
          start: number;
          /**
           * End of the range.
           */
          end: number;
        };
        /**
         * Match every request whose metadata does not meet the condition (default false).
         */
        invert?: boolean;
      }[];
    };
    /**
     * Retry a failed request (HTTP, HTTP/2 and gRPC routes; TCP routes have no retries). Needs at least one retry event.
     */
    retryPolicy?: {
      /**
       * Retries after the first attempt.
       */
      maxRetries: number;
      /**
       * Timeout of each attempt. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      perRetryTimeout: number | string;
      /**
       * HTTP events that trigger a retry: `server-error` (500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511), `gateway-error` (502, 503, 504), `client-error` (409), `stream-error` (a refused stream).
       *
       * @minItems 1
       *
       * Items: An HTTP retry event.
       */
      httpRetryEvents?: ('server-error' | 'gateway-error' | 'client-error' | 'stream-error')[];
      /**
       * gRPC status codes that trigger a retry (gRPC routes only).
       *
       * @minItems 1
       *
       * Items: A gRPC retry event.
       */
      grpcRetryEvents?: ('cancelled' | 'deadline-exceeded' | 'internal' | 'resource-exhausted' | 'unavailable')[];
      /**
       * `connection-error`: the connection failed before the request was processed.
       *
       * @minItems 1
       *
       * Items: A TCP retry event.
       */
      tcpRetryEvents?: 'connection-error'[];
    };
    /**
     * Route timeouts (App Mesh defaults: 15s per request, no idle limit). A TCP route has only `idle`.
     */
    timeout?: {
      /**
       * Time a request may take (HTTP, HTTP/2, gRPC). A longer one than 15s must be set on every App Mesh resource the request passes through. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      perRequest?: number | string;
      /**
       * Time a connection may stay idle. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      idle?: number | string;
    };
  };
  /**
   * What provides the virtual service: a `virtualRouter` with a weighted route (default, required for several versions), or the `virtualNode` directly (one version: no router, no route).
   */
  provider?: 'virtualRouter' | 'virtualNode';
}
/**
 * AWS Copilot manifest (legacy).
 */
export interface CopilotTarget {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: string | null;
  /**
   * One line about the service.
   */
  description?: string | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: string | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: string | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: string | null;
  /**
   * Command override (Docker CMD).
   */
  command?: string[] | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: string[] | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: Port2[] | null;
  /**
   * Resources of the main container.
   */
  resources?: ResourcesOverlay | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?:
    | (
        | number
        | {
            /**
             * Name of a parameter declared under `parameters` (or, where a string is wanted, a pseudo parameter such as `AWS::Region`).
             */
            param?: string | null;
          }
      )
    | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: AutoscalingOverlay | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: {
    /**
     * A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.
     */
    [k: string]: EnvValueOverlay | null;
  } | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: {
    /**
     * Secret reference.
     */
    [k: string]: SecretOverlay | null;
  } | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: HealthOverlay | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: ExposeOverlay | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: DeploymentOverlay | null;
  /**
   * Container logs.
   */
  logging?: LoggingOverlay | null;
  /**
   * Distributed tracing.
   */
  tracing?: TracingOverlay | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: {
    /**
     * A sidecar container.
     */
    [k: string]: SidecarOverlay | null;
  } | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: string | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: boolean | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: SecurityOverlay | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: {
    /**
     * Value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: (number | string) | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: {
    /**
     * Condition.
     */
    [k: string]: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY' | null;
  } | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: {
    /**
     * The limit: one number for both soft and hard, or both.
     */
    [k: string]:
      | number
      | {
          /**
           * Soft limit.
           */
          soft?: number | null;
          /**
           * Hard limit (at least the soft limit).
           */
          hard?: number | null;
        }
      | null;
  } | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: {
    /**
     * A volume.
     */
    [k: string]: VolumeOverlay | null;
  } | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: Mount3[] | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: number | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: {
    /**
     * Platform name (the `name` of the platform spec); the export prefix.
     */
    name?: string | null;
    /**
     * Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).
     */
    file?: string | null;
  } | null;
  /**
   * Silence the deprecation diagnostic for this legacy target.
   */
  acknowledgeDeprecation?: boolean;
  /**
   * Copilot workload type (default: Load Balanced Web Service when `expose.public`, else Backend Service).
   */
  type?: 'Load Balanced Web Service' | 'Backend Service' | 'Worker Service';
  /**
   * How Copilot builds the image (`image.build`, instead of `image.location`): a Dockerfile path (its folder is the build context), or the build settings. Paths are relative to the workspace root.
   */
  build?:
    | string
    | {
        /**
         * Dockerfile path (default: `Dockerfile` in the context).
         */
        dockerfile?: string;
        /**
         * Build context folder (default: the folder of the Dockerfile).
         */
        context?: string;
        /**
         * Stage of a multi-stage Dockerfile to build.
         */
        target?: string;
        /**
         * Images to use as build cache (`cache_from`).
         *
         * @minItems 1
         *
         * Items: Image reference.
         */
        cacheFrom?: string[];
        /**
         * Build arguments (`--build-arg`).
         */
        args?: {
          /**
           * Value.
           */
          [k: string]: string;
        };
      };
  /**
   * Enable ECS Exec (`copilot svc exec`).
   */
  exec?: boolean;
  /**
   * Subnets the tasks run in (`network.vpc.placement`).
   */
  placement?: 'public' | 'private';
  /**
   * Join Service Connect in the Copilot environment (`network.connect`).
   */
  connect?: boolean;
  /**
   * A `.env` file (path from the workspace root) whose variables the main container gets (`env_file`; Copilot uploads it to S3).
   */
  envFile?: string;
  /**
   * Run tasks on Fargate Spot from this task count on: with `autoscaling`, `count.range.spot_from` (the first `spotFrom - 1` tasks stay on Fargate); without, only `1` can be written (`count.spot`: every task on Spot). On ECS the same is `targets.ecs.service.capacityProviders: [{provider: FARGATE, base: <spotFrom - 1>, weight: 0}, {provider: FARGATE_SPOT, weight: 1}]`.
   */
  spotFrom?: number;
  /**
   * SNS topics the service publishes to (`publish.topics`); Copilot injects their ARNs as `COPILOT_SNS_TOPIC_ARNS`.
   *
   * @minItems 1
   *
   * Items: A topic.
   */
  publish?: {
    /**
     * Topic name: letters, digits, hyphens and underscores.
     */
    name: string;
    /**
     * A FIFO topic (`true`), optionally with content-based deduplication.
     */
    fifo?:
      | boolean
      | {
          /**
           * Deduplicate messages by their body (`content_based_deduplication`).
           */
          contentBasedDeduplication?: boolean;
        };
  }[];
  /**
   * More security groups for the tasks (`network.vpc.security_groups`).
   *
   * @minItems 1
   *
   * Items: Security group ID.
   */
  securityGroups?: string[];
  /**
   * Leave out the environment's default security group, which lets every service of the environment reach the tasks (`network.vpc.security_groups.deny_default`).
   */
  denyDefaultSecurityGroup?: boolean;
  /**
   * Subnets the tasks run in (`network.vpc.placement.subnets`), instead of the public or private subnets of `placement`.
   *
   * @minItems 1
   *
   * Items: Subnet ID.
   */
  subnets?: string[];
  /**
   * A Network Load Balancer next to the HTTP one of a Load Balanced Web Service (`nlb` with `http`), e.g. for a UDP or TCP port besides the web traffic. `expose` says the HTTP side; an NLB-only service is `expose.loadBalancer: network`.
   */
  nlb?: {
    /**
     * Port the NLB listens on (`nlb.port`).
     */
    port: number;
    /**
     * Listener protocol (default `tcp`; `tls` terminates TLS with the environment's certificate).
     */
    protocol?: 'tcp' | 'udp' | 'tls';
    /**
     * Container port the NLB sends to (`nlb.target_port`; default: `port`).
     */
    targetPort?: number;
    /**
     * Port the NLB's TCP health check connects to (`nlb.healthcheck.port`; default: the target port).
     */
    healthCheckPort?: number;
  };
  /**
   * An existing Application Load Balancer the service goes behind instead of the environment's, by name or ARN (`http.alb`): Copilot adds the listener rules to it. A public one for a Load Balanced Web Service, an internal one for a Backend Service.
   */
  alb?: string;
  /**
   * Route 53 hosted zone ID in which Copilot writes the A records of the aliases (`expose.hosts` → `http.alias`; `http.hosted_zone`), for an environment whose domain Copilot does not manage (for example, with imported certificates).
   */
  hostedZone?: string;
  /**
   * Copilot rolling deployment mode (`deployment.rolling`): `default` keeps 100% healthy and doubles during the deploy, `recreate` stops old tasks first.
   */
  rolling?: 'default' | 'recreate';
}
/**
 * A parameter.
 */
export interface Parameter {
  /**
   * CloudFormation parameter type (default `String`).
   */
  type?:
    | 'String'
    | 'Number'
    | 'CommaDelimitedList'
    | 'List<Number>'
    | 'AWS::EC2::VPC::Id'
    | 'AWS::EC2::Subnet::Id'
    | 'AWS::EC2::SecurityGroup::Id'
    | 'List<AWS::EC2::Subnet::Id>'
    | 'List<AWS::EC2::SecurityGroup::Id>'
    | 'AWS::SSM::Parameter::Value<String>';
  /**
   * What the parameter is for (the template's `Description`).
   */
  description?: string;
  /**
   * Value used when the stack is deployed without one; also the literal that targets without parameters (Kubernetes, Copilot, the ECS task definition JSON) take.
   */
  default?: string | number;
  /**
   * The only values CloudFormation accepts (`AllowedValues`).
   *
   * @minItems 1
   *
   * Items: An allowed value.
   */
  allowedValues?: (string | number)[];
  /**
   * Regular expression a String value must match (`AllowedPattern`).
   */
  allowedPattern?: string;
  /**
   * Shortest String value (`MinLength`).
   */
  minLength?: number;
  /**
   * Longest String value (`MaxLength`).
   */
  maxLength?: number;
  /**
   * Smallest Number value (`MinValue`).
   */
  minValue?: number;
  /**
   * Largest Number value (`MaxValue`).
   */
  maxValue?: number;
  /**
   * Message CloudFormation shows when a value breaks a constraint (`ConstraintDescription`).
   */
  constraintDescription?: string;
}
/**
 * Amazon ECS: task definition JSON and the ECS service CloudFormation template. Any core field (image, health, replicas, ...) may be repeated here to override it for this target only.
 */
export interface EcsTargetOverlay {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: OverrideName | null;
  /**
   * One line about the service.
   */
  description?: OverrideDescription | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: OverrideRegion | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: OverrideImage | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: OverrideContainerName | null;
  /**
   * Command override (Docker CMD).
   */
  command?: OverrideCommand | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: OverrideEntrypoint | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: OverridePorts | null;
  /**
   * Resources of the main container.
   */
  resources?: OverrideResources | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?: OverrideReplicas | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: OverrideAutoscaling | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: OverrideEnv | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: OverrideSecrets | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: OverrideHealth | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: OverrideExpose | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: OverrideDeployment | null;
  /**
   * Container logs.
   */
  logging?: OverrideLogging | null;
  /**
   * Distributed tracing.
   */
  tracing?: OverrideTracing | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: OverrideSidecars | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: OverrideUser | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: OverrideReadOnlyRootFilesystem | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: OverrideSecurity | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: OverrideLabels | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: OverrideTerminationGracePeriod | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: OverrideDependsOn | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: OverrideUlimits | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: OverrideVolumes | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: OverrideMounts | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: OverrideEphemeralStorage | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: OverridePlatform | null;
  /**
   * Task definition family (default: the service name); may use `${Name}` parameters, e.g. `${App}-TaskDef` (the task definition JSON takes their defaults).
   */
  family?: string | null;
  /**
   * Launch type.
   */
  launchType?: ('FARGATE' | 'EC2') | null;
  /**
   * Task network mode (Fargate requires awsvpc).
   */
  networkMode?: ('awsvpc' | 'bridge' | 'host') | null;
  /**
   * Fargate platform version (default LATEST).
   */
  platformVersion?: string | null;
  /**
   * Runtime platform operating system family.
   */
  operatingSystem?:
    | (
        | 'LINUX'
        | 'WINDOWS_SERVER_2019_CORE'
        | 'WINDOWS_SERVER_2019_FULL'
        | 'WINDOWS_SERVER_2022_CORE'
        | 'WINDOWS_SERVER_2022_FULL'
      )
    | null;
  /**
   * Runtime platform CPU architecture.
   */
  cpuArchitecture?: ('X86_64' | 'ARM64') | null;
  /**
   * Task CPU override: CPU units (`512`) or a vCPU string (`0.5 vCPU`). Default: derived from resources.
   */
  cpu?: (number | string) | null;
  /**
   * Task memory override: MiB (`1024`) or a GB string (`1 GB`). Default: derived from resources. Fargate takes only the memory sizes paired with its CPU sizes (512 MiB and up); on EC2 ECS accepts any value, and codegen asks for at least 6 MiB, the least memory Docker 20.10 and later gives a container.
   */
  memory?: (number | string) | null;
  /**
   * Also write container-level cpu/memory/memoryReservation (default false: task-level only).
   */
  containerResources?: boolean | null;
  /**
   * Task execution role ARN. When omitted, the CloudFormation target creates one scoped to the referenced secrets. May use `${Name}` parameters and pseudo parameters.
   */
  executionRoleArn?: string | null;
  /**
   * Task role ARN (what the application may call). May use `${Name}` parameters and pseudo parameters.
   */
  taskRoleArn?: string | null;
  /**
   * The task execution role the CloudFormation target creates when `executionRoleArn` is not given. By default its inline policy allows exactly what the task needs: log writes to its group, pulls from the ECR repositories of its images, reads of exactly the secrets it references.
   */
  executionRole?: {
    /**
     * Attach the AWS managed policy `AmazonECSTaskExecutionRolePolicy` (ECR pulls and CloudWatch Logs writes on every resource) instead of the scoped log and ECR statements; secret reads stay scoped (the managed policy has none). Default false.
     */
    awsManagedPolicy?: boolean | null;
    /**
     * More managed policies to attach (e.g. one granting `kms:Decrypt` on the key of your secrets).
     */
    managedPolicyArns?: string[] | null;
  } | null;
  /**
   * A task role for the CloudFormation target to create when `taskRoleArn` is not given: what the application may call. codegen adds what ECS Exec and the X-Ray daemon need.
   */
  taskRole?: {
    /**
     * Managed policies to attach, e.g. `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.
     */
    managedPolicyArns?: string[] | null;
  } | null;
  /**
   * Launch types the task definition is validated against (RegisterTaskDefinition `requiresCompatibilities`). Default: `[launchType]`. An empty list leaves the field out, so the task definition names no launch type (ECS then validates it for EC2 and reports what else it is compatible with).
   */
  requiresCompatibilities?: ('EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES')[] | null;
  /**
   * X-Ray daemon image added as a sidecar when `tracing.xray` is on (default: a pinned public.ecr.aws/xray/aws-xray-daemon release).
   */
  xrayDaemonImage?: string | null;
  /**
   * Seconds to wait before the container is killed on stop (2–120).
   */
  stopTimeout?: number | null;
  /**
   * The ECS service (CloudFormation target).
   */
  service?: {
    /**
     * Service name (default: the service name); may use `${Name}` parameters, e.g. `${App}-service`.
     */
    name?: string | null;
    /**
     * ECS cluster name (CodeDeploy and Application Auto Scaling address the cluster by name). A literal value; when omitted the template takes a typed Parameter (or imports it from the platform).
     */
    cluster?: string | null;
    /**
     * Subnet IDs for awsvpc tasks; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::Subnet::Id`).
     */
    subnets?: string[] | null;
    /**
     * Security group IDs; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::SecurityGroup::Id`).
     */
    securityGroups?: string[] | null;
    /**
     * Give tasks public IPs (default false).
     */
    assignPublicIp?: boolean | null;
    /**
     * VPC ID for the target groups.
     */
    vpcId?: string | null;
    /**
     * Production listener ARN. May use `${Name}` parameters and pseudo parameters.
     */
    listenerArn?: string | null;
    /**
     * Load balancer ARN for a listener of the template's own: the Network Load Balancer of `expose.loadBalancer: network`, or the Application Load Balancer of `codeDeploy.via: hook` (the CloudFormation blue/green hook names its listeners by logical ID, so they must be resources of the template). When omitted the template takes a Parameter. May use `${Name}` parameters and pseudo parameters.
     */
    loadBalancerArn?: string | null;
    /**
     * Test listener ARN (blue/green): test traffic reaches the new tasks before production does. CodeDeploy deployments always get a test listener (a Parameter when omitted); ECS-native ones only when this is set. May use `${Name}` parameters and pseudo parameters.
     */
    testListenerArn?: string | null;
    /**
     * Role ECS assumes to move traffic between the target groups in ECS-native blue/green, linear and canary deployments (managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers). When omitted the template creates one. May use `${Name}` parameters and pseudo parameters.
     */
    loadBalancerRoleArn?: string | null;
    /**
     * Role Application Auto Scaling uses to change the desired count (the scalable target's `RoleARN`); when omitted it uses its service-linked role for ECS, which AWS recommends. May use `${Name}` parameters and pseudo parameters.
     */
    autoscalingRoleArn?: string | null;
    /**
     * Priority of the listener rule that routes to this service (1–50000).
     */
    listenerRulePriority?: number | null;
    /**
     * The listener rule's path-pattern values as written, instead of the prefixes codegen derives from `expose.path`/`paths` (`<p>` and `<p>/*`): ALB path patterns, case-sensitive, with `*` and `?` wildcards (`/` alone is the exact root, `hello*` needs no leading slash), or one `${Name}` parameter. At most three per rule; more become further rules. The other targets keep `expose.path`/`paths`.
     */
    pathPatterns?: string[] | null;
    /**
     * Port of the production listener the template creates with `codeDeploy.via: hook` (default 443 with `expose.tls.certificateArn`, else 80).
     */
    listenerPort?: number | null;
    /**
     * Port of a test listener the template creates with `codeDeploy.via: hook` (its TestTrafficRoute): test traffic reaches the new tasks before production traffic moves. Default: no test listener.
     */
    testListenerPort?: number | null;
    /**
     * Enable ECS Exec (`aws ecs execute-command`).
     */
    enableExecuteCommand?: boolean | null;
    /**
     * Capacity provider strategy.
     */
    capacityProviders?:
      | {
          /**
           * Capacity provider name (e.g. FARGATE, FARGATE_SPOT).
           */
          provider: string;
          /**
           * Weight.
           */
          weight?: number;
          /**
           * Base.
           */
          base?: number;
        }[]
      | null;
    /**
     * AWS Cloud Map service discovery (`ServiceRegistries`): ECS registers every task in a Cloud Map service, created in `namespaceId` or given by `registryArn`.
     */
    serviceDiscovery?: {
      /**
       * Cloud Map namespace ID (`ns-...`) the service is created in; a template Parameter defaulting to it (the deployer fills it when omitted).
       */
      namespaceId?: string | null;
      /**
       * An existing Cloud Map service to register in (no service is created; the DNS settings are that service's). May use `${Name}` parameters and pseudo parameters.
       */
      registryArn?: string | null;
      /**
       * Cloud Map service name, the DNS label clients resolve (default: the service name).
       */
      name?: string | null;
      /**
       * DNS record type: `A` (the task IP; awsvpc only) or `SRV` (IP and port; required for bridge and host networking). Default: A under awsvpc, SRV otherwise.
       */
      dnsRecordType?: ('A' | 'SRV') | null;
      /**
       * DNS record TTL in seconds (default 60).
       */
      ttl?: number | null;
      /**
       * Container port of an SRV record (default: the exposed or first port of the main container).
       */
      port?: number | null;
      /**
       * Custom attributes of the Cloud Map service (`ServiceAttributes`).
       */
      attributes?: {
        /**
         * Attribute value.
         */
        [k: string]: string | null;
      } | null;
    } | null;
    /**
     * ECS Service Connect (successor of App Mesh on ECS).
     */
    serviceConnect?: {
      /**
       * Cloud Map namespace name or ARN.
       */
      namespace?: string | null;
      /**
       * Discovery name (default: the service name).
       */
      discoveryName?: string | null;
      /**
       * Client alias DNS name (default: the discovery name).
       */
      dnsName?: string | null;
      /**
       * Client alias port (default: the main service port).
       */
      port?: number | null;
    } | null;
    /**
     * Tags on the ECS service alone, besides the labels (which tag every resource); a key here overrides the label of the same key. CloudFormation rules apply: key 1–128 and value up to 256 characters, no `aws:` prefix, at most 50 tags.
     */
    tags?: {
      /**
       * Value.
       */
      [k: string]: string | null;
    } | null;
  } | null;
  /**
   * Write `ecs/task-definition.json` (default true). Set false when the service is deployed only through the CloudFormation template, e.g. when a value is a pseudo parameter or a parameter without a default, which the JSON cannot hold.
   */
  taskDefinitionJson?: boolean | null;
  /**
   * Fixed logical IDs for adopting an existing stack: resource role → the logical ID the deployed stack already has, so CloudFormation updates those resources instead of replacing them. Every Ref, Fn::GetAtt, Fn::Sub and DependsOn of the ECS service template follows. Letters and digits only; unique; not an ID another resource or parameter of the template has.
   */
  logicalIds?: {
    /**
     * Logical ID of the ECS service (default `ECSService`).
     */
    service?: string | null;
    /**
     * Logical ID of the task definition (default `TaskDefinition`).
     */
    taskDefinition?: string | null;
    /**
     * Logical ID of the log group (default `LogGroup`).
     */
    logGroup?: string | null;
    /**
     * Logical ID of the created task execution role (default `ExecutionRole`).
     */
    executionRole?: string | null;
    /**
     * Logical ID of the created task role (default `TaskRole`).
     */
    taskRole?: string | null;
    /**
     * Logical ID of the target group, or the blue one of two (default `TargetGroup`, `BlueTargetGroup`).
     */
    targetGroup?: string | null;
    /**
     * Logical ID of the green target group of a blue/green, canary or linear deployment (default `GreenTargetGroup`).
     */
    alternateTargetGroup?: string | null;
    /**
     * Logical ID of the production listener rule (default `ListenerRule`).
     */
    listenerRule?: string | null;
    /**
     * Logical ID of the test listener rule (default `TestListenerRule`).
     */
    testListenerRule?: string | null;
    /**
     * Logical ID of the production listener the template creates (CloudFormation blue/green hook) (default `ProdListener`).
     */
    prodListener?: string | null;
    /**
     * Logical ID of the test listener the template creates (CloudFormation blue/green hook) (default `TestListener`).
     */
    testListener?: string | null;
    /**
     * Logical ID of the created role ECS uses to shift traffic (default `LoadBalancerRole`).
     */
    loadBalancerRole?: string | null;
    /**
     * Logical ID of the autoscaling scalable target (default `ScalableTarget`).
     */
    scalableTarget?: string | null;
    /**
     * Logical ID of the CPU target-tracking policy (default `CpuScalingPolicy`).
     */
    cpuScalingPolicy?: string | null;
    /**
     * Logical ID of the memory target-tracking policy (default `MemoryScalingPolicy`).
     */
    memoryScalingPolicy?: string | null;
    /**
     * Logical ID of the CodeDeploy application (default `CodeDeployApplication`).
     */
    codeDeployApplication?: string | null;
    /**
     * Logical ID of the CodeDeploy deployment group (default `CodeDeployDeploymentGroup`).
     */
    codeDeployDeploymentGroup?: string | null;
    /**
     * Logical ID of the created CodeDeploy service role (default `CodeDeployRole`).
     */
    codeDeployRole?: string | null;
    /**
     * Logical ID of the custom CodeDeploy deployment configuration (default `DeploymentConfig`).
     */
    codeDeployConfig?: string | null;
  } | null;
  /**
   * Format of the service CloudFormation template: `yaml` (default, `ecs/service.cfn.yaml`) or `json` (`ecs/service.cfn.json`).
   */
  templateFormat?: ('yaml' | 'json') | null;
  /**
   * Who runs blue/green, canary and linear deployments: ECS itself (recommended by AWS) or CodeDeploy. Default: ECS.
   */
  controller?: ('ECS' | 'CODE_DEPLOY') | null;
  /**
   * Rolling: minimum healthy percent of the desired count during a deployment.
   */
  minimumHealthyPercent?: number | null;
  /**
   * Rolling: maximum percent of the desired count during a deployment.
   */
  maximumPercent?: number | null;
  /**
   * Rolling deployments: the deployment circuit breaker (default true); it rolls back when `deployment.rollbackOnFailure` is true.
   */
  circuitBreaker?: boolean | null;
  /**
   * CodeDeploy names and configuration (controller CODE_DEPLOY).
   */
  codeDeploy?: {
    /**
     * CodeDeploy application name (default `<name>`).
     */
    applicationName?: string | null;
    /**
     * Deployment group name (default `<name>-dg`).
     */
    deploymentGroupName?: string | null;
    /**
     * A predefined config such as `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`; default: derived from the strategy.
     */
    deploymentConfigName?: string | null;
    /**
     * CodeDeploy service role ARN; when omitted the template creates one. With `via: hook` the hook's ServiceRole is the name in this ARN. May use `${Name}` parameters and pseudo parameters.
     */
    serviceRoleArn?: string | null;
    /**
     * How CodeDeploy runs the deployment: `deploymentGroup` (default) writes a CodeDeploy application and deployment group that a pipeline deploys with `aws deploy create-deployment`; `hook` writes the CloudFormation blue/green hook (`Transform: AWS::CodeDeployBlueGreen`, `Hooks`, an EXTERNAL-controller service with `AWS::ECS::TaskSet` and `AWS::ECS::PrimaryTaskSet`), so a stack update that replaces the task definition runs the blue/green deployment. The hook's limits apply: no Outputs, no imports (so no `platform`), the listeners are resources of the template (`service.loadBalancerArn`), traffic steps of at least 14%.
     */
    via?: ('deploymentGroup' | 'hook') | null;
    /**
     * With `via: hook`: the name of the existing IAM role the hook's ServiceRole names (default: the name in `serviceRoleArn`).
     */
    serviceRoleName?: string | null;
  } | null;
}
/**
 * Kubernetes manifests (EKS): Deployment, Service, Ingress or HTTPRoute, HPA, PDB, ServiceAccount. Any core field (image, health, replicas, ...) may be repeated here to override it for this target only.
 */
export interface KubernetesTargetOverlay {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: OverrideName | null;
  /**
   * One line about the service.
   */
  description?: OverrideDescription | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: OverrideRegion | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: OverrideImage | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: OverrideContainerName | null;
  /**
   * Command override (Docker CMD).
   */
  command?: OverrideCommand | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: OverrideEntrypoint | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: OverridePorts | null;
  /**
   * Resources of the main container.
   */
  resources?: OverrideResources | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?: OverrideReplicas | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: OverrideAutoscaling | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: OverrideEnv | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: OverrideSecrets | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: OverrideHealth | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: OverrideExpose | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: OverrideDeployment | null;
  /**
   * Container logs.
   */
  logging?: OverrideLogging | null;
  /**
   * Distributed tracing.
   */
  tracing?: OverrideTracing | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: OverrideSidecars | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: OverrideUser | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: OverrideReadOnlyRootFilesystem | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: OverrideSecurity | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: OverrideLabels | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: OverrideTerminationGracePeriod | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: OverrideDependsOn | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: OverrideUlimits | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: OverrideVolumes | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: OverrideMounts | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: OverrideEphemeralStorage | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: OverridePlatform | null;
  /**
   * Workload kind: a Deployment (default; blue-green, canary and linear become a rolling update with a warning) or an Argo Rollouts Rollout (argoproj.io/v1alpha1), which runs them natively.
   */
  workload?: ('Deployment' | 'Rollout') | null;
  /**
   * Namespace of every object (omitted when unset).
   */
  namespace?: string | null;
  /**
   * Also write the Namespace object.
   */
  createNamespace?: boolean | null;
  /**
   * ServiceAccount of the pods.
   */
  serviceAccount?: {
    /**
     * ServiceAccount name (default `<name>`).
     */
    name?: string | null;
    /**
     * Write the ServiceAccount object (default true).
     */
    create?: boolean | null;
    /**
     * IAM role for service accounts (IRSA): `eks.amazonaws.com/role-arn` annotation.
     */
    roleArn?: string | null;
  } | null;
  /**
   * The Service in front of the pods.
   */
  service?: {
    /**
     * Service name (default `<name>`).
     */
    name?: string | null;
    /**
     * Service type.
     */
    type?: ('ClusterIP' | 'NodePort' | 'LoadBalancer') | null;
  } | null;
  /**
   * Services in front of the pods, written instead of the one default Service (e.g. an internal ClusterIP plus an external LoadBalancer). An Ingress or HTTPRoute routes to the first listed Service with a port that targets the exposed container port. Not together with `service`.
   */
  services?:
    | {
        /**
         * Service name.
         */
        name: string;
        /**
         * Service type.
         */
        type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
        /**
         * Annotations of the Service (e.g. `service.beta.kubernetes.io/aws-load-balancer-scheme`).
         */
        annotations?: {
          /**
           * Value.
           */
          [k: string]: string;
        };
        /**
         * Service ports.
         *
         * @minItems 1
         *
         * Items: One Service port.
         */
        ports: {
          /**
           * Service port name (IANA service name: at most 15 lowercase letters, digits and hyphens, at least one letter; required when the Service has several ports).
           */
          name?: string;
          /**
           * Port the Service listens on.
           */
          port: number;
          /**
           * Container port the traffic goes to: a number, or the name of a container port (default: `port`).
           */
          targetPort?: number | string;
          /**
           * Transport protocol (default tcp).
           */
          protocol?: 'tcp' | 'udp';
          /**
           * Node port (NodePort and LoadBalancer Services; default: allocated by the cluster).
           */
          nodePort?: number;
        }[];
      }[]
    | null;
  /**
   * Labels that select the pods, instead of the default `app: <name>` (e.g. `{ app: guestbook, tier: frontend }`): the Deployment's or Rollout's `selector.matchLabels`, the pod labels, every Service's `selector` and the PodDisruptionBudget's; every object carries them in place of `app: <name>`. A Deployment's selector cannot change once it exists: changing it means replacing the Deployment.
   */
  selector?: {
    /**
     * Label value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Name the container ports and Service ports that the spec leaves unnamed with their derived names (`http`, `grpc`, `udp`, `http-8080`; default true). With false such container ports are written without a name, as many manifests do, and Services target them by number.
   */
  derivedPortNames?: boolean | null;
  /**
   * ALB Ingress for the AWS Load Balancer Controller (written when `expose` is set and route is `ingress`).
   */
  ingress?: {
    /**
     * Ingress name (default `<name>`).
     */
    name?: string | null;
    /**
     * IngressClass (default `alb`).
     */
    className?: string | null;
    /**
     * Use the deprecated `kubernetes.io/ingress.class` annotation instead of `spec.ingressClassName`.
     */
    legacyClassAnnotation?: boolean | null;
    /**
     * ALB target type (`ip` for Fargate/awsvpc pods).
     */
    targetType?: ('ip' | 'instance') | null;
    /**
     * IngressGroup name.
     */
    groupName?: string | null;
    /**
     * IngressGroup order.
     */
    groupOrder?: number | null;
    /**
     * Extra annotations (string values).
     */
    annotations?: {
      /**
       * Value.
       */
      [k: string]: string | null;
    } | null;
  } | null;
  /**
   * How `expose.path` matches: `Prefix` (default; HTTPRoute `PathPrefix`) or `Exact`.
   */
  pathType?: ('Prefix' | 'Exact') | null;
  /**
   * How traffic is routed in: an ALB Ingress or a Gateway API HTTPRoute.
   */
  route?: ('ingress' | 'gateway') | null;
  /**
   * Gateway API parent for the HTTPRoute.
   */
  gateway?: {
    /**
     * Gateway name.
     */
    name?: string | null;
    /**
     * Gateway namespace.
     */
    namespace?: string | null;
    /**
     * Listener name on the Gateway.
     */
    sectionName?: string | null;
  } | null;
  /**
   * PodDisruptionBudget (written when more than one replica is guaranteed).
   */
  podDisruptionBudget?: {
    /**
     * Write it (default true when replicas or autoscaling min ≥ 2).
     */
    enabled?: boolean | null;
    /**
     * Pods that may be unavailable (default 1).
     */
    maxUnavailable?: number | null;
  } | null;
  /**
   * Write a kustomization.yaml listing the files (default true).
   */
  kustomization?: boolean | null;
  /**
   * Annotations on the pod template.
   */
  podAnnotations?: {
    /**
     * Value.
     */
    [k: string]: string | null;
  } | null;
  /**
   * Image pull policy.
   */
  imagePullPolicy?: ('Always' | 'IfNotPresent' | 'Never') | null;
  /**
   * What the containers get from `$(NAME)` and `$$` in env values, `command` and `entrypoint` (Kubernetes `args` and `command`): `expand` (default) leaves them to Kubernetes, which replaces `$(NAME)` with the variable's value and `$$` with `$`; `literal` writes `$$` where Kubernetes would read a `$`, so the containers get the text as written, as on ECS and Copilot. See the rule consistent-variable-references.
   */
  variableReferences?: ('expand' | 'literal') | null;
}
/**
 * AWS App Mesh CloudFormation (legacy, discontinued 2026-09-30; successor: ECS Service Connect). Any core field (image, health, replicas, ...) may be repeated here to override it for this target only.
 */
export interface AppmeshTargetOverlay {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: OverrideName | null;
  /**
   * One line about the service.
   */
  description?: OverrideDescription | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: OverrideRegion | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: OverrideImage | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: OverrideContainerName | null;
  /**
   * Command override (Docker CMD).
   */
  command?: OverrideCommand | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: OverrideEntrypoint | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: OverridePorts | null;
  /**
   * Resources of the main container.
   */
  resources?: OverrideResources | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?: OverrideReplicas | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: OverrideAutoscaling | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: OverrideEnv | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: OverrideSecrets | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: OverrideHealth | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: OverrideExpose | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: OverrideDeployment | null;
  /**
   * Container logs.
   */
  logging?: OverrideLogging | null;
  /**
   * Distributed tracing.
   */
  tracing?: OverrideTracing | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: OverrideSidecars | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: OverrideUser | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: OverrideReadOnlyRootFilesystem | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: OverrideSecurity | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: OverrideLabels | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: OverrideTerminationGracePeriod | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: OverrideDependsOn | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: OverrideUlimits | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: OverrideVolumes | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: OverrideMounts | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: OverrideEphemeralStorage | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: OverridePlatform | null;
  /**
   * Silence the deprecation diagnostic for this legacy target.
   */
  acknowledgeDeprecation?: boolean | null;
  /**
   * Mesh name (default `<name>-mesh`).
   */
  meshName?: string | null;
  /**
   * Define the Mesh resource in the template (default true); false references an existing mesh by name.
   */
  createMesh?: boolean | null;
  /**
   * Mesh egress filter.
   */
  egressFilter?: ('DROP_ALL' | 'ALLOW_ALL') | null;
  /**
   * Virtual node name (default `<name>-node`). The ECS task of this spec registers its Envoy as this node.
   */
  virtualNodeName?: string | null;
  /**
   * Virtual service name (default `<name>.<Cloud Map namespace>`, or the DNS host name).
   */
  virtualServiceName?: string | null;
  /**
   * Virtual router name (default `<name>-router`).
   */
  virtualRouterName?: string | null;
  /**
   * Route name (default `<name>-route`).
   */
  routeName?: string | null;
  /**
   * How Envoy finds the tasks of the virtual node.
   */
  serviceDiscovery?: {
    /**
     * AWS Cloud Map.
     */
    cloudMap?: {
      /**
       * Namespace name.
       */
      namespace?: string | null;
      /**
       * Service name (default `<name>`).
       */
      service?: string | null;
      /**
       * Instance attributes Envoy filters the Cloud Map instances by (`AWSCloudMap.Attributes`), e.g. `ECS_TASK_DEFINITION_FAMILY: <family>` to pick one version among the tasks registered under one service.
       */
      attributes?: {
        /**
         * Attribute value.
         */
        [k: string]: string | null;
      } | null;
    } | null;
    /**
     * DNS.
     */
    dns?: {
      /**
       * Host name.
       */
      hostname?: string | null;
    } | null;
  } | null;
  /**
   * Virtual services this service calls.
   */
  backends?: string[] | null;
  /**
   * Service versions for weighted routing (1–10). Weights are relative and total ≤ 100. A version other than `virtualNodeName` gets its own virtual node with the same listener, health check and backends.
   */
  versions?:
    | {
        /**
         * Virtual node name of this version.
         */
        name: string;
        /**
         * Relative weight (0–100).
         */
        weight: number;
        /**
         * Service discovery of this version (default: Cloud Map service `<version name>` in the node's namespace, or the DNS host name with its first label replaced by the version name).
         */
        serviceDiscovery?: {
          /**
           * AWS Cloud Map.
           */
          cloudMap?: {
            /**
             * Namespace name.
             */
            namespace: string;
            /**
             * Service name (default `<name>`).
             */
            service?: string;
            /**
             * Instance attributes Envoy filters the Cloud Map instances by (`AWSCloudMap.Attributes`), e.g. `ECS_TASK_DEFINITION_FAMILY: <family>` to pick one version among the tasks registered under one service.
             */
            attributes?: {
              /**
               * Attribute value.
               */
              [k: string]: string;
            };
          };
          /**
           * DNS.
           */
          dns?: {
            /**
             * Host name.
             */
            hostname: string;
          };
        };
        /**
         * Logical ID of this version's virtual node in the App Mesh template, for adopting an existing stack (default `VirtualNode<Name>`, e.g. `VirtualNodePaymentsV2`; the node of `virtualNodeName` takes `logicalIds.virtualNode`). Letters and digits only; unique in the template.
         */
        logicalId?: string;
      }[]
    | null;
  /**
   * Expose the service through the mesh: a VirtualGateway and a GatewayRoute to the virtual service.
   */
  gateway?: {
    /**
     * Virtual gateway name (default `<name>-gateway`).
     */
    name?: string | null;
    /**
     * Gateway listener port (default: the main container port).
     */
    port?: number | null;
    /**
     * Gateway route name (default `<name>-gateway-route`).
     */
    routeName?: string | null;
  } | null;
  /**
   * Also write the App Mesh controller's custom resources (`appmesh.k8s.aws/v1beta2` Mesh, VirtualNode, VirtualRouter, VirtualService) to `appmesh/kubernetes/mesh.yaml` when the kubernetes target is enabled, and label a created namespace for sidecar injection (default false; legacy output).
   */
  kubernetesController?: boolean | null;
  /**
   * Fixed logical IDs for adopting an existing stack: resource role → the logical ID the deployed stack already has, so CloudFormation updates those resources instead of replacing them. Every Ref, Fn::GetAtt, Fn::Sub and DependsOn of the App Mesh template follows. Letters and digits only; unique; not an ID another resource or parameter of the template has.
   */
  logicalIds?: {
    /**
     * Logical ID of the mesh (default `Mesh`).
     */
    mesh?: string | null;
    /**
     * Logical ID of the virtual node of this spec's tasks (default `VirtualNode`).
     */
    virtualNode?: string | null;
    /**
     * Logical ID of the virtual router (default `VirtualRouter`).
     */
    virtualRouter?: string | null;
    /**
     * Logical ID of the route (default `Route`).
     */
    route?: string | null;
    /**
     * Logical ID of the virtual service (default `VirtualService`).
     */
    virtualService?: string | null;
    /**
     * Logical ID of the virtual gateway (default `VirtualGateway`).
     */
    virtualGateway?: string | null;
    /**
     * Logical ID of the gateway route (default `GatewayRoute`).
     */
    gatewayRoute?: string | null;
  } | null;
  /**
   * Envoy image for the ECS task of a meshed service (default: the pinned App Mesh Envoy image in public ECR).
   */
  envoyImage?: string | null;
  /**
   * The Envoy container of the meshed ECS task (`envoy`): its size, extra environment and user. The image is `envoyImage`.
   */
  envoy?: {
    /**
     * Container-level CPU units (`cpu`).
     */
    cpu?: number | null;
    /**
     * Hard memory limit in MiB (`memory`).
     */
    memory?: number | null;
    /**
     * Soft memory limit in MiB (`memoryReservation`).
     */
    memoryReservation?: number | null;
    /**
     * Extra environment variables of Envoy (e.g. `ENVOY_LOG_LEVEL: debug`); `APPMESH_RESOURCE_ARN`/`APPMESH_VIRTUAL_NODE_NAME` and `ENABLE_ENVOY_XRAY_TRACING` are set by codegen.
     */
    env?: {
      /**
       * Value.
       */
      [k: string]: string | null;
    } | null;
    /**
     * User Envoy runs as (default 1337); the proxy configuration ignores this uid's traffic.
     */
    user?: string | null;
  } | null;
  /**
   * The App Mesh route of this service: what it matches besides the path prefix (`expose.path`), how Envoy retries a failed request and the route's timeouts. Written to the Route (CloudFormation) and to the route of the VirtualRouter (App Mesh controller); the gateway route keeps matching the prefix only.
   */
  route?: {
    /**
     * Request conditions, all of which must hold. HTTP and HTTP/2 routes: `path`, `method`, `headers`; gRPC routes: `serviceName`, `methodName`, `metadata`. A condition the listener protocol has no form for is an error.
     */
    match?: {
      /**
       * HTTP/HTTP2: match the whole path instead of the prefix `expose.path` (one of `exact`, `regex`).
       */
      path?: {
        /**
         * The path equals this.
         */
        exact?: string | null;
        /**
         * The path matches this regular expression.
         */
        regex?: string | null;
      } | null;
      /**
       * HTTP/HTTP2: the request method.
       */
      method?: ('GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH') | null;
      /**
       * HTTP/HTTP2: header conditions (1–10).
       */
      headers?:
        | {
            /**
             * Header name.
             */
            name: string;
            /**
             * The value equals this.
             */
            exact?: string;
            /**
             * The value starts with this.
             */
            prefix?: string;
            /**
             * The value ends with this.
             */
            suffix?: string;
            /**
             * The value matches this regular expression.
             */
            regex?: string;
            /**
             * The value is a number in this range (start inclusive, end exclusive).
             */
            range?: {
              /**
               * Start of the range.
               */
              start: number;
              /**
               * End of the range.
               */
              end: number;
            };
            /**
             * Match every request whose header does not meet the condition (default false).
             */
            invert?: boolean;
          }[]
        | null;
      /**
       * gRPC: the fully qualified gRPC service, e.g. `color.ColorService`.
       */
      serviceName?: string | null;
      /**
       * gRPC: the method of `serviceName`, e.g. `GetColor` (needs `serviceName`).
       */
      methodName?: string | null;
      /**
       * gRPC: metadata conditions (1–10).
       */
      metadata?:
        | {
            /**
             * Metadata key.
             */
            name: string;
            /**
             * The value equals this.
             */
            exact?: string;
            /**
             * The value starts with this.
             */
            prefix?: string;
            /**
             * The value ends with this.
             */
            suffix?: string;
            /**
             * The value matches this regular expression.
             */
            regex?: string;
            /**
             * The value is a number in this range (start inclusive, end exclusive).
             */
            range?: {
              /**
               * Start of the range.
               */
              start: number;
              /**
               * End of the range.
               */
              end: number;
            };
            /**
             * Match every request whose metadata does not meet the condition (default false).
             */
            invert?: boolean;
          }[]
        | null;
    } | null;
    /**
     * Retry a failed request (HTTP, HTTP/2 and gRPC routes; TCP routes have no retries). Needs at least one retry event.
     */
    retryPolicy?: {
      /**
       * Retries after the first attempt.
       */
      maxRetries?: number | null;
      /**
       * Timeout of each attempt. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      perRetryTimeout?: (number | string) | null;
      /**
       * HTTP events that trigger a retry: `server-error` (500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511), `gateway-error` (502, 503, 504), `client-error` (409), `stream-error` (a refused stream).
       */
      httpRetryEvents?: ('server-error' | 'gateway-error' | 'client-error' | 'stream-error')[] | null;
      /**
       * gRPC status codes that trigger a retry (gRPC routes only).
       */
      grpcRetryEvents?:
        ('cancelled' | 'deadline-exceeded' | 'internal' | 'resource-exhausted' | 'unavailable')[] | null;
      /**
       * `connection-error`: the connection failed before the request was processed.
       */
      tcpRetryEvents?: 'connection-error'[] | null;
    } | null;
    /**
     * Route timeouts (App Mesh defaults: 15s per request, no idle limit). A TCP route has only `idle`.
     */
    timeout?: {
      /**
       * Time a request may take (HTTP, HTTP/2, gRPC). A longer one than 15s must be set on every App Mesh resource the request passes through. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      perRequest?: (number | string) | null;
      /**
       * Time a connection may stay idle. Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
       */
      idle?: (number | string) | null;
    } | null;
  } | null;
  /**
   * What provides the virtual service: a `virtualRouter` with a weighted route (default, required for several versions), or the `virtualNode` directly (one version: no router, no route).
   */
  provider?: ('virtualRouter' | 'virtualNode') | null;
}
/**
 * AWS Copilot manifest (legacy, end of support 2026-06-12; successor: the ECS CloudFormation target). Any core field (image, health, replicas, ...) may be repeated here to override it for this target only.
 */
export interface CopilotTargetOverlay {
  /**
   * Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).
   */
  name?: OverrideName | null;
  /**
   * One line about the service.
   */
  description?: OverrideDescription | null;
  /**
   * AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.
   */
  region?: OverrideRegion | null;
  /**
   * Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.
   */
  image?: OverrideImage | null;
  /**
   * Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter's default (none: an error naming the target).
   */
  containerName?: OverrideContainerName | null;
  /**
   * Command override (Docker CMD).
   */
  command?: OverrideCommand | null;
  /**
   * Entrypoint override.
   */
  entrypoint?: OverrideEntrypoint | null;
  /**
   * Ports the main container listens on; the first is the main port.
   */
  ports?: OverridePorts | null;
  /**
   * Resources of the main container.
   */
  resources?: OverrideResources | null;
  /**
   * Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template's `DesiredCount` takes it). Ignored when `autoscaling` is set.
   */
  replicas?: OverrideReplicas | null;
  /**
   * Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.
   */
  autoscaling?: OverrideAutoscaling | null;
  /**
   * Plain environment variables (name → value). Never put secrets here: use `secrets`.
   */
  env?: OverrideEnv | null;
  /**
   * Secrets by reference (name → where it lives).
   */
  secrets?: OverrideSecrets | null;
  /**
   * Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).
   */
  health?: OverrideHealth | null;
  /**
   * How traffic reaches the service (load balancer, Ingress, HTTPRoute).
   */
  expose?: OverrideExpose | null;
  /**
   * Deployment strategy and its traffic shape.
   */
  deployment?: OverrideDeployment | null;
  /**
   * Container logs.
   */
  logging?: OverrideLogging | null;
  /**
   * Distributed tracing.
   */
  tracing?: OverrideTracing | null;
  /**
   * Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.
   */
  sidecars?: OverrideSidecars | null;
  /**
   * User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.
   */
  user?: OverrideUser | null;
  /**
   * Mount the main container's root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).
   */
  readOnlyRootFilesystem?: OverrideReadOnlyRootFilesystem | null;
  /**
   * Security context: pod-level ids, non-root, seccomp; the main container's privilege, capabilities and read-only root file system.
   */
  security?: OverrideSecurity | null;
  /**
   * Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.
   */
  labels?: OverrideLabels | null;
  /**
   * Time the containers get after SIGTERM before they are killed (Kubernetes pod `terminationGracePeriodSeconds`, default 30 s; ECS `stopTimeout` on each container of the spec, at most 120 s on Fargate; Copilot has no field: a diagnostic). Seconds as a number, or a string such as `500ms`, `30s`, `5m`, `2m30s`.
   */
  terminationGracePeriod?: OverrideTerminationGracePeriod | null;
  /**
   * Start ordering of the main container: container name → condition it waits for. `START`: the other container has started; `HEALTHY`: it passes its health check (it needs `health.container`); `COMPLETE`: it has exited; `SUCCESS`: it has exited with status 0 (a container waited for with COMPLETE or SUCCESS is not essential). ECS `dependsOn`, Copilot `depends_on`; Kubernetes: see docs/spec.md (native sidecars and init containers).
   */
  dependsOn?: OverrideDependsOn | null;
  /**
   * Resource limits (ulimits) of the main container: name → limit. ECS `ulimits`; Kubernetes and Copilot have no field (a diagnostic). Fargate overrides only `nofile` by default (65535 soft and hard).
   */
  ulimits?: OverrideUlimits | null;
  /**
   * Volumes of the task or pod (name → volume); containers mount them with `mounts`. Names as ECS and Copilot take them: up to 255 letters, digits, `_` and `-`; the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63; `K8S_INVALID_NAME` otherwise).
   */
  volumes?: OverrideVolumes | null;
  /**
   * Volumes mounted into the main container.
   */
  mounts?: OverrideMounts | null;
  /**
   * Task ephemeral storage in GiB (ECS Fargate `ephemeralStorage.sizeInGiB`, 21–200, default 20; Copilot `storage.ephemeral`). EC2 and Kubernetes have no task-level size: a diagnostic.
   */
  ephemeralStorage?: OverrideEphemeralStorage | null;
  /**
   * The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform's exports (`<name>-<Output>`) instead of taking parameters.
   */
  platform?: OverridePlatform | null;
  /**
   * Silence the deprecation diagnostic for this legacy target.
   */
  acknowledgeDeprecation?: boolean | null;
  /**
   * Copilot workload type (default: Load Balanced Web Service when `expose.public`, else Backend Service).
   */
  type?: ('Load Balanced Web Service' | 'Backend Service' | 'Worker Service') | null;
  /**
   * How Copilot builds the image (`image.build`, instead of `image.location`): a Dockerfile path (its folder is the build context), or the build settings. Paths are relative to the workspace root.
   */
  build?:
    | (
        | string
        | {
            /**
             * Dockerfile path (default: `Dockerfile` in the context).
             */
            dockerfile?: string | null;
            /**
             * Build context folder (default: the folder of the Dockerfile).
             */
            context?: string | null;
            /**
             * Stage of a multi-stage Dockerfile to build.
             */
            target?: string | null;
            /**
             * Images to use as build cache (`cache_from`).
             */
            cacheFrom?: string[] | null;
            /**
             * Build arguments (`--build-arg`).
             */
            args?: {
              /**
               * Value.
               */
              [k: string]: string | null;
            } | null;
          }
      )
    | null;
  /**
   * Enable ECS Exec (`copilot svc exec`).
   */
  exec?: boolean | null;
  /**
   * Subnets the tasks run in (`network.vpc.placement`).
   */
  placement?: ('public' | 'private') | null;
  /**
   * Join Service Connect in the Copilot environment (`network.connect`).
   */
  connect?: boolean | null;
  /**
   * A `.env` file (path from the workspace root) whose variables the main container gets (`env_file`; Copilot uploads it to S3).
   */
  envFile?: string | null;
  /**
   * Run tasks on Fargate Spot from this task count on: with `autoscaling`, `count.range.spot_from` (the first `spotFrom - 1` tasks stay on Fargate); without, only `1` can be written (`count.spot`: every task on Spot). On ECS the same is `targets.ecs.service.capacityProviders: [{provider: FARGATE, base: <spotFrom - 1>, weight: 0}, {provider: FARGATE_SPOT, weight: 1}]`.
   */
  spotFrom?: number | null;
  /**
   * SNS topics the service publishes to (`publish.topics`); Copilot injects their ARNs as `COPILOT_SNS_TOPIC_ARNS`.
   */
  publish?:
    | {
        /**
         * Topic name: letters, digits, hyphens and underscores.
         */
        name: string;
        /**
         * A FIFO topic (`true`), optionally with content-based deduplication.
         */
        fifo?:
          | boolean
          | {
              /**
               * Deduplicate messages by their body (`content_based_deduplication`).
               */
              contentBasedDeduplication?: boolean;
            };
      }[]
    | null;
  /**
   * More security groups for the tasks (`network.vpc.security_groups`).
   */
  securityGroups?: string[] | null;
  /**
   * Leave out the environment's default security group, which lets every service of the environment reach the tasks (`network.vpc.security_groups.deny_default`).
   */
  denyDefaultSecurityGroup?: boolean | null;
  /**
   * Subnets the tasks run in (`network.vpc.placement.subnets`), instead of the public or private subnets of `placement`.
   */
  subnets?: string[] | null;
  /**
   * A Network Load Balancer next to the HTTP one of a Load Balanced Web Service (`nlb` with `http`), e.g. for a UDP or TCP port besides the web traffic. `expose` says the HTTP side; an NLB-only service is `expose.loadBalancer: network`.
   */
  nlb?: {
    /**
     * Port the NLB listens on (`nlb.port`).
     */
    port?: number | null;
    /**
     * Listener protocol (default `tcp`; `tls` terminates TLS with the environment's certificate).
     */
    protocol?: ('tcp' | 'udp' | 'tls') | null;
    /**
     * Container port the NLB sends to (`nlb.target_port`; default: `port`).
     */
    targetPort?: number | null;
    /**
     * Port the NLB's TCP health check connects to (`nlb.healthcheck.port`; default: the target port).
     */
    healthCheckPort?: number | null;
  } | null;
  /**
   * An existing Application Load Balancer the service goes behind instead of the environment's, by name or ARN (`http.alb`): Copilot adds the listener rules to it. A public one for a Load Balanced Web Service, an internal one for a Backend Service.
   */
  alb?: string | null;
  /**
   * Route 53 hosted zone ID in which Copilot writes the A records of the aliases (`expose.hosts` → `http.alias`; `http.hosted_zone`), for an environment whose domain Copilot does not manage (for example, with imported certificates).
   */
  hostedZone?: string | null;
  /**
   * Copilot rolling deployment mode (`deployment.rolling`): `default` keeps 100% healthy and doubles during the deploy, `recreate` stops old tasks first.
   */
  rolling?: ('default' | 'recreate') | null;
}
/**
 * A CloudFormation parameter (template `Parameters` entry). Use it as `${Name}` in the string fields that take parameters, or as `{ param: Name }` for replicas, autoscaling bounds and env values; only the templates that use it declare it.
 */
export interface ParameterOverlay {
  /**
   * CloudFormation parameter type (default `String`).
   */
  type?:
    | (
        | 'String'
        | 'Number'
        | 'CommaDelimitedList'
        | 'List<Number>'
        | 'AWS::EC2::VPC::Id'
        | 'AWS::EC2::Subnet::Id'
        | 'AWS::EC2::SecurityGroup::Id'
        | 'List<AWS::EC2::Subnet::Id>'
        | 'List<AWS::EC2::SecurityGroup::Id>'
        | 'AWS::SSM::Parameter::Value<String>'
      )
    | null;
  /**
   * What the parameter is for (the template's `Description`).
   */
  description?: string | null;
  /**
   * Value used when the stack is deployed without one; also the literal that targets without parameters (Kubernetes, Copilot, the ECS task definition JSON) take.
   */
  default?: (string | number) | null;
  /**
   * The only values CloudFormation accepts (`AllowedValues`).
   */
  allowedValues?: (string | number)[] | null;
  /**
   * Regular expression a String value must match (`AllowedPattern`).
   */
  allowedPattern?: string | null;
  /**
   * Shortest String value (`MinLength`).
   */
  minLength?: number | null;
  /**
   * Longest String value (`MaxLength`).
   */
  maxLength?: number | null;
  /**
   * Smallest Number value (`MinValue`).
   */
  minValue?: number | null;
  /**
   * Largest Number value (`MaxValue`).
   */
  maxValue?: number | null;
  /**
   * Message CloudFormation shows when a value breaks a constraint (`ConstraintDescription`).
   */
  constraintDescription?: string | null;
}
