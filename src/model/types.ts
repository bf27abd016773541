/**
 * The normalized service model: what every emitter reads. Defaults are filled, units converted,
 * names derived, target overrides already applied (an emitter receives the model resolved for its
 * own target). Emitters never re-parse or re-default. Target-neutral except for `targets`, which
 * carries each target's own validated settings.
 */
import type { SpecPath } from '../core/diagnostics.js';
import type { AppmeshTarget, CopilotTarget, EcsTarget, KubernetesTarget } from '../schema/spec.generated.js';
import type { MountModel, UlimitModel, VolumeModel } from './storage-types.js';

export type TargetName = 'ecs' | 'kubernetes' | 'appmesh' | 'copilot';
export const TARGETS: readonly TargetName[] = ['ecs', 'kubernetes', 'appmesh', 'copilot'];
export const LEGACY_TARGETS: ReadonlySet<TargetName> = new Set(['appmesh', 'copilot']);
export const DEFAULT_TARGETS: readonly TargetName[] = ['ecs', 'kubernetes'];

export interface PortModel {
  name: string;
  /** Container port. */
  port: number;
  protocol: 'tcp' | 'udp';
  appProtocol: 'http' | 'http2' | 'grpc' | 'tcp';
  /** Port clients use (Kubernetes Service port, listener port); defaults to `port`. */
  servicePort: number;
  hostPort?: number;
  /** The spec gave no name: `name` was derived (`http`, `udp`, `http-8080`, ...). */
  derived?: true;
}

export type DependencyCondition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';

export type { MountModel, UlimitModel, VolumeModel };

export interface Amounts {
  /** Millicores, as given (`N units` rounded up to whole millicores). */ cpuMillis?: number;
  /** The original Kubernetes notation, kept for Kubernetes output (`N units` as millicores). */
  cpu?: string;
  /** ECS CPU units when the spec wrote `N units` (exact on ECS). */ cpuUnits?: number;
  /** MiB, rounded up. */
  memoryMiB?: number;
  memory?: string;
}

export interface ResourcesModel {
  requests: Amounts;
  limits: Amounts;
}

/** Plain value or per-target reference. */
export type EnvValueModel =
  | { kind: 'value'; value: string }
  | {
      kind: 'ref';
      cloudformation?: string;
      kubernetes?: { configMap?: { name: string; key: string }; field?: string };
      copilot?: string;
    };

export interface EnvVarModel {
  name: string;
  value: EnvValueModel;
  path: SpecPath;
}

export interface SecretModel {
  name: string;
  aws?:
    | { store: 'secretsManager'; ref: string; jsonKey?: string; versionStage?: string; isArn: boolean }
    | { store: 'ssm'; ref: string; isArn: boolean };
  kubernetes?: { name: string; key: string };
  path: SpecPath;
}

export type ProbeHandler =
  | { kind: 'http'; path: string; port: number; portName?: string; scheme?: 'HTTP' | 'HTTPS'; headers: { name: string; value: string }[] }
  | { kind: 'grpc'; port: number; service?: string }
  | { kind: 'tcp'; port: number; portName?: string }
  | { kind: 'exec'; command: string[] };

/** A probe. Timings left undefined mean "platform default": emitters must not invent values. */
export interface ProbeModel {
  handler: ProbeHandler;
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
  path: SpecPath;
}

export interface TrafficHealthModel {
  path?: string;
  port?: number;
  protocol?: 'HTTP' | 'HTTPS' | 'GRPC' | 'TCP';
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  successCodes?: string;
  gracePeriodSeconds?: number;
}

export interface ContainerHealthModel {
  /** Always a full ECS command (`CMD` or `CMD-SHELL` first). */
  command: string[];
  intervalSeconds?: number;
  timeoutSeconds?: number;
  retries?: number;
  startPeriodSeconds?: number;
}

export interface HealthModel {
  traffic?: TrafficHealthModel;
  readiness?: ProbeModel;
  liveness?: ProbeModel;
  startup?: ProbeModel;
  container?: ContainerHealthModel;
}

/** Container-level security settings (Kubernetes container `securityContext`, ECS container definition). */
export interface ContainerSecurityModel {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { add: string[]; drop: string[] };
}

/** Pod-level security settings: apply to every container the spec defines. */
export interface PodSecurityModel {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  seccompProfile?: { type: 'RuntimeDefault' | 'Localhost' | 'Unconfined'; localhostProfile?: string };
  /** Spec path of the `security` block. */
  path: SpecPath;
}

export interface ContainerModel {
  name: string;
  image: string;
  essential: boolean;
  /** The main container is first in `ServiceModel.containers`. */
  main: boolean;
  command?: string[];
  entrypoint?: string[];
  ports: PortModel[];
  resources: ResourcesModel;
  env: EnvVarModel[];
  secrets: SecretModel[];
  user?: string;
  readOnlyRootFilesystem?: boolean;
  /** Container-level security; `readOnlyRootFilesystem` and `user` are the fields above. */
  security: ContainerSecurityModel;
  /** Spec path of the container's security settings (for diagnostics). */
  securityPath: SpecPath;
  dependsOn: { container: string; condition: DependencyCondition }[];
  /** Spec path of this container's definition (for diagnostics). */
  path: SpecPath;
  /** Whether the spec set `essential` (false: the default applied). */
  essentialGiven?: true;
  ulimits: UlimitModel[];
  mounts: MountModel[];
  /** A sidecar's own health (probes, container check); the main container's is `ServiceModel.health`. */
  health?: HealthModel;
}

export interface AutoscalingModel {
  min: number;
  max: number;
  cpuPercent?: number;
  memoryPercent?: number;
  /** Target requests per task per minute at the load balancer (ALBRequestCountPerTarget). */
  requestsPerTarget?: number;
  /** Target average response time at the load balancer, seconds. */
  responseTimeSeconds?: number;
  scaleInCooldownSeconds?: number;
  scaleOutCooldownSeconds?: number;
  /** Step scaling policies on CloudWatch alarms, in spec order. */
  steps: StepScalingModel[];
  /** Scheduled capacity changes, in spec order. */
  schedule: ScheduledScalingModel[];
}

export interface StepScalingModel {
  /** Policy name suffix, unique in the service. */
  name: string;
  /** The policy's own PolicyName (default `<service>-<name>`). */
  policyName?: string;
  /** Logical IDs of its own for the policy and the alarm (adopting a stack). */
  logicalIds?: { policy?: string; alarm?: string };
  /** The alarm's description, when the spec gives one. */
  description?: string;
  /** `cpu` / `memory`: the service's AWS/ECS utilization; otherwise a CloudWatch metric. */
  metric: { builtin: 'cpu' | 'memory' } | { namespace: string; name: string; dimensions?: Record<string, string>; statistic: string };
  comparison: '>=' | '>' | '<=' | '<';
  threshold: number;
  periodSeconds: number;
  evaluationPeriods: number;
  adjustment: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
  /** Metric ranges (absolute values; undefined = unbounded) and the change in each, lowest first. */
  steps: { from?: number; to?: number; change: number }[];
  cooldownSeconds?: number;
  aggregation?: 'Average' | 'Minimum' | 'Maximum';
  minAdjustmentMagnitude?: number;
  path: SpecPath;
}

export interface ScheduledScalingModel {
  name: string;
  schedule: string;
  timezone?: string;
  min?: number;
  max?: number;
  start?: string;
  end?: string;
  path: SpecPath;
}

export type IntOrPercent = number | `${number}%`;

export interface DeploymentModel {
  strategy: 'rolling' | 'blue-green' | 'canary' | 'linear';
  rolling: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent };
  /** Canary: percent shifted first, then the rest after intervalSeconds. */
  canary?: { percent: number; intervalSeconds: number };
  /** Linear: percent shifted every intervalSeconds. */
  linear?: { percent: number; intervalSeconds: number };
  blueGreen: { bakeTimeSeconds?: number; terminationWaitSeconds?: number; readyWaitSeconds?: number };
  rollbackOnFailure: boolean;
  /** CloudWatch alarm names that fail (and roll back) a deployment; empty when none. */
  rollbackAlarms: string[];
}

export interface ExposeModel {
  public: boolean;
  hosts: string[];
  /** Path prefix, default `/`. */
  path: string;
  /** The container port that receives traffic. */
  port: PortModel;
  /** HTTPS at the load balancer; without a certificate ARN the ALB controller discovers one by host. */
  tls?: { certificateArn?: string; redirect: boolean; policy?: string };
  /** Every path prefix routed to the service (`path` is the first). */
  paths: string[];
  /** HTTP header conditions: every header must match one of its values. */
  headers: { name: string; values: string[] }[];
  /** CIDR ranges requests must come from (empty: any). */
  allowedSourceIps: string[];
  /** `application` (ALB, Ingress, HTTPRoute) or `network` (NLB: a listener of its own, no rules). */
  loadBalancer: 'application' | 'network';
  /** The container that receives the traffic (`port` is one of its ports). */
  container: string;
  targetGroup: TargetGroupModel;
}

export interface TargetGroupModel {
  protocol?: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';
  deregistrationDelaySeconds?: number;
  slowStartSeconds?: number;
  algorithm?: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
  /** Sticky sessions: `lb_cookie`/`app_cookie` on an ALB, `source_ip` on an NLB. */
  stickiness?: { enabled: boolean; durationSeconds?: number; cookieName?: string };
}

export interface LoggingModel {
  /** `awslogs` (default), `firelens` (awsfirelens driver + log router sidecar) or `none` (no log configuration). */
  driver: 'awslogs' | 'firelens' | 'none';
  group: string;
  region?: string;
  streamPrefix: string;
  retentionDays?: number;
  /** False: the group exists already (the ECS template takes its name as a Parameter defaulting to `group`). */
  createGroup: boolean;
  /** Extra awslogs options (sorted by name). */
  options: Record<string, string>;
  /** Per-container group and stream prefix, by container name. */
  containers: Record<string, { group?: string; streamPrefix?: string }>;
  firelens?: FirelensModel;
}

export interface FirelensModel {
  type: 'fluentbit' | 'fluentd';
  image: string;
  /** Output plugin options; undefined: CloudWatch Logs into the log group. */
  options?: Record<string, string>;
  secretOptions: { name: string; valueFrom: string }[];
  enableMetadata?: boolean;
  configFile?: string;
  /** The router's memory reservation, MiB. */
  memoryReservationMiB?: number;
}

/** Fargate task size derived from the limits (or given explicitly for ECS). */
export interface TaskSizeModel {
  cpu: number;
  memory: number;
  /** How it was chosen. */
  source: 'derived' | 'explicit' | 'default';
  /**
   * EC2 only: the task-level field is left out (no container sets it, so ECS takes the
   * containers' own values). Fargate always has both.
   */
  omit?: { cpu?: true; memory?: true };
}

/** A CloudFormation parameter the spec declares (`parameters.<name>`, after the environment overlay). */
export interface ParameterModel {
  name: string;
  type: string;
  description?: string;
  default?: string | number;
  allowedValues?: (string | number)[];
  allowedPattern?: string;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  constraintDescription?: string;
  /** Where it is declared (for diagnostics). */
  path: SpecPath;
}

/** Deploy-time values: the declared parameters and where the spec uses them. */
export interface ParametersModel {
  /** Declared parameters, sorted by name. */
  declared: ParameterModel[];
  /**
   * Parameter and pseudo-parameter names the spec uses, each with the spec path of its first use.
   * String values that use one carry a token (see `model/parameter-token.ts`) that the
   * CloudFormation targets turn into `Ref`/`Fn::Sub` and the others into the default.
   */
  uses: { name: string; path: SpecPath }[];
  /** Number fields given as `{ param: Name }`: the model holds the default, CloudFormation takes `Ref`. */
  numbers: { replicas?: string; autoscalingMin?: string; autoscalingMax?: string };
}

export interface ServiceModel {
  apiVersion: 'codegen/v1';
  name: string;
  description?: string;
  region?: string;
  /** The environment overlay applied, if any. */
  environment?: string;
  /** The target this model is resolved for. */
  target: TargetName;
  /** Main container first, then the sidecars in the order the spec gives. */
  containers: ContainerModel[];
  /** Shortcut to containers[0]. */
  main: ContainerModel;
  replicas?: number;
  autoscaling?: AutoscalingModel;
  health: HealthModel;
  /** Pod-level security (every field optional; empty when the spec sets none). */
  podSecurity: PodSecurityModel;
  expose?: ExposeModel;
  deployment: DeploymentModel;
  logging: LoggingModel;
  tracing: { xray: boolean };
  labels: Record<string, string>;
  /** The platform this service deploys into (its exports are imported as `<name>-<Output>`). */
  platform?: { name: string; file?: string };
  /** Volumes of the task or pod, in spec order. */
  volumes: VolumeModel[];
  /** Seconds the containers get after SIGTERM (`terminationGracePeriod`). */
  terminationGracePeriodSeconds?: number;
  /** Task ephemeral storage in GiB (`ephemeralStorage`). */
  ephemeralStorageGiB?: number;
  /** ECS task size (computed for every target: Copilot needs it too). */
  taskSize: TaskSizeModel;
  /** Deploy-time values (CloudFormation parameters) the spec declares and uses. */
  parameters: ParametersModel;
  /** Target-specific settings, as validated (defaults are documented in the schema; emitters apply them). */
  targets: {
    ecs: EcsTarget;
    kubernetes: KubernetesTarget;
    appmesh: AppmeshTarget;
    copilot: CopilotTarget;
  };
  /** Targets enabled in the spec (sections present), in canonical order. */
  enabledTargets: TargetName[];
  /** Maps a path in the resolved spec to where the value was written (base, target override or environment). */
  origin(path: SpecPath): SpecPath;
}
