/**
 * The portable core of spec v1: everything every target can derive from. Target sections
 * (`targets.*`) live in `./targets/*.ts`; they may repeat any core field to override it for that
 * target only (see `service-schema.ts`).
 */
import { containersCoreProperties, containersDefs, dependsOnSchema, mountsSchema, ulimitsSchema } from './containers-schema.js';
import { arr, bool, duration, enumOf, int, map, obj, oneOf, ref, str, type JsonSchema } from './dsl.js';
import { paramRef } from './parameters-schema.js';
import { CAPABILITIES, ENV_NAME_PATTERN, NAME_PATTERN } from './values.js';
import { exposeTrafficProperties, loggingSchema, scheduledScaling, stepScaling } from './traffic-schema.js';

/** A region, or a whole `${...}` substitution (a parameter or `AWS::Region`). */
export const REGION_PATTERN = '^([a-z]{2}(-[a-z]+)+-[0-9]|\\$\\{[A-Za-z0-9:]+\\})$';
/** An ARN of `service` whose partition, region and account may be `${...}` substitutions, or one whole substitution. */
export const arnPattern = (service: string): string => `^(arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):${service}:|\\$\\{[A-Za-z0-9]+\\}$)`;
export { NAME_PATTERN };
/**
 * A container name as ECS allows it: up to 255 letters, digits, underscores and hyphens
 * (RegisterTaskDefinition `name`). Kubernetes needs a DNS-1123 label: the valid-names rule checks
 * the names a kubernetes target gets.
 */
export const CONTAINER_NAME_PATTERN = '^[A-Za-z0-9_-]{1,255}$';
export { ENV_NAME_PATTERN };
/** Millicores (`500m`), cores (`0.5`), or ECS CPU units written as such (`10 units`, exact on ECS: 1024 units are one core). */
export const CPU_PATTERN = '^([0-9]+m|[0-9]+(\\.[0-9]+)?|[1-9][0-9]* units)$';
export const MEMORY_PATTERN = '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$';

const cpu = (d: string) =>
  oneOf(`${d} Kubernetes notation: \`500m\` (millicores) or \`0.5\` (cores); or ECS CPU units: \`10 units\` (1024 units = 1 core). ECS takes whole units: millicores become \`ceil(millicores × 1024 / 1000)\` units (\`250m\` = 256, \`100m\` = 103, reported when not exact); units become \`ceil(units × 1000 / 1024)\` millicores on Kubernetes (\`10 units\` = \`10m\`, reported when not exact).`, [
    { type: 'string', pattern: CPU_PATTERN, description: 'Millicores (`500m`), cores (`0.5`), or ECS CPU units (`10 units`, exact on ECS).' },
    { type: 'number', exclusiveMinimum: 0, description: 'Cores.' },
  ]);
const memory = (d: string) =>
  str(`${d} Kubernetes notation: \`512Mi\`, \`1Gi\` (binary). Decimal units such as \`512M\` are accepted with a warning.`, {
    pattern: MEMORY_PATTERN,
  });

const resourceAmounts = (d: string) =>
  obj(d, { cpu: cpu('CPU.'), memory: memory('Memory.') });

const resources = obj('Compute resources, normalized once for every target: ECS CPU units and MiB are derived, and the Fargate task size is the smallest valid pair that holds the limits.', {
  requests: resourceAmounts('What the scheduler reserves (Kubernetes requests; ECS memoryReservation when container-level sizes are enabled).'),
  limits: resourceAmounts('Upper bounds (Kubernetes limits; the ECS task size is derived from these).'),
});

const port = obj(
  'A port the container listens on.',
  {
    name: str('Port name (IANA service name style: lowercase letters, digits, hyphens; at most 15 characters). Defaults to the protocol, e.g. `http`.', {
      pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$',
    }),
    port: int('Container port.', { minimum: 1, maximum: 65535 }),
    protocol: enumOf('Transport protocol.', ['tcp', 'udp'], { default: 'tcp' }),
    appProtocol: enumOf('Application protocol, used for load balancer, Service Connect and mesh listeners.', ['http', 'http2', 'grpc', 'tcp'], {
      default: 'http',
    }),
    servicePort: int('Port clients use (Kubernetes Service port, listener port). Defaults to `port`.', { minimum: 1, maximum: 65535 }),
    hostPort: int('Host port for EC2 `bridge` networking (0 = dynamic). Ignored under awsvpc.', { minimum: 0, maximum: 65535 }),
  },
  ['port'],
);

const envValue = oneOf('A plain value, or a reference resolved by the deployment system.', [
  { type: 'string', description: 'A plain value (never a secret: use `secrets`).' },
  { type: 'number', description: 'A number, written as a string in every target.' },
  { type: 'boolean', description: 'A boolean, written as the string `true`/`false` in every target.' },
  obj('A value the deployment system supplies, per target.', {
    ref: obj('References per target; a target without one reports a diagnostic.', {
      cloudformation: str('A CloudFormation `Fn::Sub` string for the ECS service template, e.g. `${AWS::StackName}-db` or `${LogGroup.Arn}`: it may name the template\'s parameters, resources (with their attributes) and pseudo parameters, checked at compile time (docs/spec.md, "CloudFormation references").'),
      kubernetes: obj('A Kubernetes field or ConfigMap reference.', {
        configMap: obj('A ConfigMap key.', { name: str('ConfigMap name.'), key: str('Key in the ConfigMap.') }, ['name', 'key']),
        field: str('A downward-API field path, e.g. `status.podIP`.'),
      }),
      copilot: str('A Copilot `from_cfn` export name.'),
    }),
  }, ['ref']),
  paramRef('A deploy-time value: a declared parameter (or a pseudo parameter such as `AWS::Region`).'),
]);

const awsSecret = obj(
  'Where the secret lives in AWS. Exactly one of `secretsManager` or `ssm`.',
  {
    secretsManager: str('Secrets Manager secret ARN (or name).', { minLength: 1 }),
    jsonKey: str('A JSON key inside the Secrets Manager secret (ECS `arn:...:jsonKey::`).'),
    versionStage: str('Secrets Manager version stage (default AWSCURRENT).'),
    ssm: str('SSM Parameter Store parameter name (`/path/name`) or ARN.', { minLength: 1 }),
  },
  [],
  { oneOf: [{ required: ['secretsManager'] }, { required: ['ssm'] }] },
);

const secret = obj(
  'A secret injected as an environment variable, by reference only: codegen never sees or writes a secret value.',
  {
    aws: awsSecret,
    kubernetes: obj('A Kubernetes Secret key (`secretKeyRef`).', {
      name: str('Secret name.', { pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' }),
      key: str('Key in the Secret.', { minLength: 1 }),
    }, ['name', 'key']),
  },
);

const httpHandler = obj('HTTP GET check.', {
  path: str('Request path. Must start with `/`.', { pattern: '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$' }),
  port: oneOf('Port number or port name. Defaults to the main port.', [
    { type: 'integer', minimum: 1, maximum: 65535, description: 'Port number.' },
    { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$', description: 'Port name.' },
  ]),
  scheme: enumOf('Scheme.', ['HTTP', 'HTTPS']),
  headers: map('Request headers (Kubernetes only).', { type: 'string', description: 'Header value.' }, '^[A-Za-z0-9-]+$'),
}, ['path']);

const probeTimings = {
  initialDelay: duration('Delay before the first check (Kubernetes initialDelaySeconds).'),
  period: duration('Time between checks (Kubernetes periodSeconds, default 10s).'),
  timeout: duration('Time a check may take (Kubernetes timeoutSeconds, default 1s).'),
  successThreshold: int('Consecutive successes to count as healthy (must be 1 for liveness and startup).', { minimum: 1 }),
  failureThreshold: int('Consecutive failures to count as unhealthy (default 3).', { minimum: 1 }),
  terminationGracePeriod: duration('Probe-level terminationGracePeriodSeconds (liveness and startup only).'),
};

export const probeSchema = obj(
  'A probe: exactly one handler (`http`, `grpc`, `tcp` or `exec`) plus optional timings. Unset timings mean the platform default.',
  {
    http: httpHandler,
    grpc: obj('gRPC health check.', {
      port: int('Port (defaults to the main port).', { minimum: 1, maximum: 65535 }),
      service: str('gRPC health service name.'),
    }),
    tcp: obj('TCP connect check.', {
      port: oneOf('Port number or name (defaults to the main port).', [
        { type: 'integer', minimum: 1, maximum: 65535, description: 'Port number.' },
        { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$', description: 'Port name.' },
      ]),
    }),
    exec: obj('A command run in the container.', {
      command: arr('Command and arguments (no shell unless you call one).', { type: 'string', description: 'Argument.' }, { minItems: 1 }),
    }, ['command']),
    ...probeTimings,
  },
  [],
  { oneOf: [{ required: ['http'] }, { required: ['grpc'] }, { required: ['tcp'] }, { required: ['exec'] }] },
);

const trafficHealth = obj(
  'Traffic health: the load balancer target group health check (ALB, Copilot `http.healthcheck`, App Mesh listener, ALB Ingress annotations).',
  {
    path: str('HTTP path checked by the load balancer.', { pattern: '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$' }),
    port: int('Port checked; defaults to the traffic port.', { minimum: 1, maximum: 65535 }),
    protocol: enumOf('Health check protocol.', ['HTTP', 'HTTPS', 'GRPC', 'TCP']),
    interval: duration('Time between checks (ALB: 5–300 s).'),
    timeout: duration('Time a check may take (ALB: 2–120 s).'),
    healthyThreshold: int('Consecutive successes before a target is healthy (2–10).', { minimum: 2, maximum: 10 }),
    unhealthyThreshold: int('Consecutive failures before a target is unhealthy (2–10).', { minimum: 2, maximum: 10 }),
    successCodes: str('HTTP codes that mean healthy, e.g. `200` or `200-299` (ALB matcher, 200–499).', { pattern: '^[0-9]{3}([-,][0-9]{3})*$' }),
    gracePeriod: duration('Time after a task starts during which failed checks are ignored (ECS HealthCheckGracePeriodSeconds).'),
  },
);

const containerHealth = obj(
  'Process health as ECS and Docker see it: a command run inside the container. ECS has no HTTP check, so either give a command, or opt in to `curl` (the image must contain curl).',
  {
    command: arr('`["CMD", ...]` or `["CMD-SHELL", "..."]`.', { type: 'string', description: 'Argument.' }, { minItems: 2 }),
    curl: oneOf('Generate `curl -f http://localhost:PORT/PATH || exit 1`. `true` uses the liveness (or traffic) HTTP path and port.', [
      { type: 'boolean', description: 'Use the liveness or traffic HTTP path.' },
      obj('Explicit path and port.', {
        path: str('Path (validated so it cannot inject shell).', { pattern: '^/[A-Za-z0-9._~/-]*$' }),
        port: int('Port (defaults to the main port).', { minimum: 1, maximum: 65535 }),
      }, ['path']),
    ]),
    interval: duration('Time between checks (ECS: 5–300 s, default 30).'),
    timeout: duration('Time a check may take (ECS: 2–60 s, default 5).'),
    retries: int('Failures before unhealthy (ECS: 1–10, default 3).', { minimum: 1, maximum: 10 }),
    startPeriod: duration('Grace period after start (ECS: 0–300 s).'),
  },
);

const health = obj('Health, split the way the targets split it.', {
  traffic: trafficHealth,
  readiness: ref('probe', 'Kubernetes readiness probe. Defaults to an HTTP probe on `traffic.path` when that is set.'),
  liveness: ref('probe', 'Kubernetes liveness probe (process health).'),
  startup: ref('probe', 'Kubernetes startup probe, for slow starters.'),
  container: containerHealth,
});

const percent = (d: string) => int(d, { minimum: 1, maximum: 100 });

const autoscaling = obj('Autoscaling: target tracking (cpu, memory, requests, responseTime), step scaling on CloudWatch alarms and scheduled capacity changes. When set, replicas are owned by the autoscaler (Kubernetes `replicas` is omitted).', {
  min: oneOf('Minimum replicas, or `{ param: Name }` (a Number parameter).', [int('Minimum replicas.', { minimum: 0, maximum: 100000 }), paramRef('A Number parameter.')]),
  max: oneOf('Maximum replicas, or `{ param: Name }` (a Number parameter).', [int('Maximum replicas.', { minimum: 1, maximum: 100000 }), paramRef('A Number parameter.')]),
  cpu: percent('Target average CPU utilization, percent.'),
  memory: percent('Target average memory utilization, percent.'),
  requests: int('Target requests per task per minute at the load balancer (ECS ALBRequestCountPerTarget on the service\'s target group; Copilot `count.requests`). Needs `expose` on an Application Load Balancer.', { minimum: 1 }),
  responseTime: duration('Target average response time at the load balancer (ECS: the AWS/ApplicationELB TargetResponseTime of the target group; Copilot `count.response_time`). Needs `expose` on an Application Load Balancer.'),
  scaleInCooldown: duration('Cooldown after scaling in.'),
  scaleOutCooldown: duration('Cooldown after scaling out.'),
  steps: arr('Step scaling policies on CloudWatch alarms (ECS only).', stepScaling),
  schedule: arr('Scheduled capacity changes (ECS only).', scheduledScaling),
}, ['min', 'max']);

const intOrPercent = (d: string) =>
  oneOf(d, [
    { type: 'integer', minimum: 0, description: 'Absolute number of replicas.' },
    { type: 'string', pattern: '^[0-9]{1,3}%$', description: 'Percentage of replicas, e.g. `25%`.' },
  ]);

const trafficStep = (d: string, def: { percent: number; interval: string }) =>
  obj(d, {
    percent: { type: 'number', exclusiveMinimum: 0, maximum: 100, description: `Percent of traffic per step (default ${def.percent}).` },
    interval: duration(`Wait between steps (default ${def.interval}).`),
  });

const deployment = obj('How a new version replaces the old one.', {
  strategy: enumOf('Deployment strategy.', ['rolling', 'blue-green', 'canary', 'linear'], { default: 'rolling' }),
  rolling: obj('Rolling update shape.', {
    maxSurge: intOrPercent('Extra replicas allowed during the update (default 25%).'),
    maxUnavailable: intOrPercent('Replicas that may be unavailable during the update (default 25%; use 0 in production).'),
  }),
  canary: trafficStep('Canary: shift `percent` of traffic, wait `interval`, then shift the rest.', { percent: 10, interval: '5m' }),
  linear: trafficStep('Linear: shift `percent` of traffic every `interval`.', { percent: 10, interval: '1m' }),
  blueGreen: obj('Blue/green timing.', {
    bakeTime: duration('Time both versions stay up after the shift, before the old one is removed (ECS BakeTimeInMinutes).'),
    terminationWait: duration('Wait before the old (blue) tasks are terminated (CodeDeploy).'),
    readyWait: duration('Wait for a manual go-ahead before rerouting traffic (CodeDeploy; 0 = continue at once).'),
  }),
  rollbackOnFailure: bool('Roll back automatically when the deployment fails (default true).'),
  rollbackAlarms: arr('Names of existing CloudWatch alarms that fail a deployment when they go into ALARM (and roll it back with `rollbackOnFailure`): ECS `DeploymentConfiguration.Alarms`, the CodeDeploy deployment group\'s alarm configuration, Copilot `deployment.rollback_alarms`. Kubernetes has no such check (a diagnostic says so).', str('CloudWatch alarm name.', { minLength: 1, maxLength: 255 }), { minItems: 1, uniqueItems: true }),
});

const exposure = obj('How traffic reaches the service.', {
  public: bool('Internet-facing (true) or internal (false, default).'),
  hosts: arr('Host names routed to the service.', { type: 'string', pattern: '^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$', description: 'Host name.' }),
  path: str('Path prefix routed to the service (default `/`).', { pattern: '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$' }),
  port: oneOf('Which container port receives the traffic (name or number); defaults to the first port.', [
    { type: 'integer', minimum: 1, maximum: 65535, description: 'Container port.' },
    { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$', description: 'Port name.' },
  ]),
  tls: obj('HTTPS at the load balancer.', {
    certificateArn: str('ACM certificate ARN.', { pattern: '^arn:aws[a-z-]*:acm:' }),
    redirect: bool('Redirect HTTP to HTTPS (default true). Without certificateArn the ALB controller discovers a certificate by host.'),
    policy: str('SSL policy name.'),
  }),
  ...exposeTrafficProperties,
});

const tracing = obj('Distributed tracing.', {
  xray: bool('Send traces to AWS X-Ray (ECS: X-Ray daemon sidecar; Copilot: `observability.tracing: awsxray`).'),
});

/** Linux capability names as ECS takes them (KernelCapabilities); Kubernetes takes the same names. */
export { CAPABILITIES };

const capabilityList = (d: string) =>
  arr(d, enumOf('A Linux capability without the `CAP_` prefix, e.g. `NET_BIND_SERVICE`, or `ALL`.', CAPABILITIES), { uniqueItems: true });

const id = (d: string) => int(d, { minimum: 0, maximum: 2147483647 });

/** Container-level settings: what Kubernetes puts in a container's securityContext and ECS in a container definition. */
const containerSecurityProperties = {
  runAsUser: id('uid the container runs as (Kubernetes `runAsUser`; ECS `user`). Overrides the pod-level value.'),
  runAsGroup: id('gid the container runs as (Kubernetes `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).'),
  runAsNonRoot: bool('Refuse to start as uid 0 (Kubernetes `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).'),
  allowPrivilegeEscalation: bool('Whether a process may gain more privileges than its parent (Kubernetes `allowPrivilegeEscalation`; ECS on EC2: `false` is `dockerSecurityOptions: [no-new-privileges]`; Fargate has no form).'),
  privileged: bool('Run privileged (Kubernetes `privileged`; ECS `privileged`, EC2 only: Fargate refuses privileged containers).'),
  readOnlyRootFilesystem: bool('Mount the root file system read-only (Kubernetes `readOnlyRootFilesystem`; ECS `readonlyRootFilesystem`; Copilot `storage.readonly_fs`).'),
  capabilities: obj('Linux capabilities added to or dropped from the runtime default (Kubernetes `capabilities`; ECS `linuxParameters.capabilities`). Fargate can add only `SYS_PTRACE`.', {
    add: capabilityList('Capabilities to add.'),
    drop: capabilityList('Capabilities to drop (`ALL` drops every default one; `add` then names what is kept).'),
  }),
};

const security = obj(
  'Security context. `runAsUser`, `runAsGroup`, `fsGroup`, `runAsNonRoot` and `seccompProfile` are pod-level: they apply to every container the spec defines (Kubernetes pod `securityContext`; on ECS, which has no pod, each container gets them). The others apply to the main container (Kubernetes container `securityContext`); sidecars set their own under `sidecars.<name>.security`.',
  {
    ...containerSecurityProperties,
    runAsUser: id('uid every container runs as unless it sets its own (Kubernetes pod `runAsUser`; ECS `user` on each container).'),
    runAsGroup: id('gid every container runs as (Kubernetes pod `runAsGroup`; ECS `user` `uid:gid`, which needs `runAsUser`).'),
    runAsNonRoot: bool('Every container must run as a non-zero uid (Kubernetes pod `runAsNonRoot`; ECS has no such check: a diagnostic unless a non-zero uid is given).'),
    fsGroup: id('gid that owns the pod\'s volumes (Kubernetes pod `fsGroup`; ECS and Copilot have no form: a diagnostic).'),
    seccompProfile: obj('Seccomp profile (Kubernetes pod `seccompProfile`). ECS has no seccomp setting: its containers run under the runtime\'s default profile.', {
      type: enumOf('Profile type.', ['RuntimeDefault', 'Localhost', 'Unconfined']),
      localhostProfile: str('Path of the profile on the node, relative to the kubelet\'s seccomp directory (type `Localhost` only).', { minLength: 1 }),
    }, ['type']),
  },
);

const sidecarSecurity = obj('Security context of this container (Kubernetes container `securityContext`; ECS container definition). Pod-level values of the top-level `security` apply unless set here.', containerSecurityProperties);

const sidecarHealth = obj('Health of this sidecar: its Kubernetes probes and its ECS/Copilot container health check (the same forms as the main container\'s `health`, without `traffic`).', {
  readiness: ref('probe', 'Kubernetes readiness probe.'),
  liveness: ref('probe', 'Kubernetes liveness probe.'),
  startup: ref('probe', 'Kubernetes startup probe; a native sidecar (see `dependsOn`) counts as started once it passes.'),
  container: containerHealth,
});

const sidecar = obj('An extra container in the task or pod (Envoy, X-Ray daemon, log router, ...). Sidecars keep the order the spec gives them.', {
  image: str('Image reference; may use `${Name}` parameters.', { minLength: 1 }),
  essential: bool('ECS and Copilot: the task stops when this container stops. Default true, as in ECS and Copilot, except for a container another one waits for with `COMPLETE` or `SUCCESS`, which ECS requires to be non-essential (default false there).'),
  ports: arr('Ports.', ref('port', 'A port.')),
  env: map('Environment variables.', ref('envValue', 'A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.'), ENV_NAME_PATTERN),
  secrets: map('Secrets by reference.', ref('secret', 'Secret reference.'), ENV_NAME_PATTERN),
  resources: ref('resources', 'Resources of this container.'),
  command: arr('Command override.', { type: 'string', description: 'Argument.' }),
  entrypoint: arr('Entrypoint override (Kubernetes `command`, ECS `entryPoint`, Copilot `entrypoint`).', { type: 'string', description: 'Argument.' }),
  user: str('User (uid or uid:gid).'),
  security: sidecarSecurity,
  dependsOn: dependsOnSchema('this container'),
  health: sidecarHealth,
  ulimits: ulimitsSchema('this container'),
  mounts: mountsSchema('this container'),
}, ['image']);

/** Core properties; each may also appear under `targets.<t>` and `environments.<env>` as an override. */
export const coreProperties: Record<string, JsonSchema> = {
  name: str('Service name (DNS-1123 label: lowercase letters, digits and hyphens, at most 63 characters).', { pattern: NAME_PATTERN }),
  description: str('One line about the service.'),
  region: str('AWS region, e.g. `ap-northeast-1` (used where a target needs a literal region), or `${AWS::Region}` / `${Name}` of a parameter.', { pattern: REGION_PATTERN }),
  image: str('Container image reference (`repo:tag` or `repo@sha256:...`); may use `${Name}` parameters, e.g. `repo:${ImageTag}`.', { minLength: 1 }),
  containerName: str('Name of the main container (default `app`): up to 255 letters, digits, `_` and `-` (ECS); the kubernetes target needs a DNS-1123 label (lowercase letters, digits, `-`, at most 63). Or one `${Name}` stack parameter: the ECS template names the container (and its load balancer entry) with `Ref`, every other output takes the parameter\'s default (none: an error naming the target).', { pattern: `^(${CONTAINER_NAME_PATTERN.slice(1, -1)}|\\$\\{[A-Za-z0-9]+\\})$` }),
  command: arr('Command override (Docker CMD).', { type: 'string', description: 'Argument.' }),
  entrypoint: arr('Entrypoint override.', { type: 'string', description: 'Argument.' }),
  ports: arr('Ports the main container listens on; the first is the main port.', ref('port', 'A port.')),
  resources: ref('resources', 'Resources of the main container.'),
  replicas: oneOf('Fixed number of replicas (platform default 1), or `{ param: Name }` (a Number parameter: the ECS template\'s `DesiredCount` takes it). Ignored when `autoscaling` is set.', [
    int('Number of replicas.', { minimum: 0, maximum: 100000 }),
    paramRef('A Number parameter.'),
  ]),
  autoscaling: ref('autoscaling', 'Autoscaling (target tracking, step scaling on alarms, scheduled capacity); when set, the autoscaler owns the replica count.'),
  env: map('Plain environment variables (name → value). Never put secrets here: use `secrets`.', ref('envValue', 'A string, number or boolean, or `{ref: {...}}` for a value the deployment system supplies.'), ENV_NAME_PATTERN),
  secrets: map('Secrets by reference (name → where it lives).', ref('secret', 'Secret reference.'), ENV_NAME_PATTERN),
  health: ref('health', 'Health checks: traffic (load balancer), readiness, liveness, startup, container (ECS).'),
  expose: ref('expose', 'How traffic reaches the service (load balancer, Ingress, HTTPRoute).'),
  deployment: ref('deployment', 'Deployment strategy and its traffic shape.'),
  logging: ref('logging', 'Container logs.'),
  tracing: ref('tracing', 'Distributed tracing.'),
  sidecars: map('Extra containers (name → container), in the order given (that order is kept in every output). Names as for `containerName`.', ref('sidecar', 'A sidecar container.'), CONTAINER_NAME_PATTERN),
  user: str('User the main container runs as (uid, uid:gid, or a user name; ECS `user`, Kubernetes container `runAsUser`/`runAsGroup`). Container-level: it wins over `security.runAsUser`.'),
  readOnlyRootFilesystem: bool('Mount the main container\'s root file system read-only. The same as `security.readOnlyRootFilesystem` (kept for existing specs; giving both with different values is an error).'),
  security: ref('security', 'Security context: pod-level ids, non-root, seccomp; the main container\'s privilege, capabilities and read-only root file system.'),
  labels: map('Extra labels on every generated Kubernetes object, and tags on every taggable AWS resource the ECS and App Mesh targets write (task definition, service with PropagateTags SERVICE, target groups, log group, roles, CodeDeploy). A label that cannot be an AWS tag (key over 128 or value over 256 characters, characters other than letters, digits, spaces and `_ . : / = + - @`) is left off the AWS resources with a warning. Copilot service manifests have no tags: a warning gives the `--resource-tags` flag.', { type: 'string', description: 'Value.' }, '^[A-Za-z0-9./_-]+$'),
  ...containersCoreProperties,
  platform: obj('The platform (a `kind: Platform` spec) this service deploys into: its templates import the platform\'s exports (`<name>-<Output>`) instead of taking parameters.', {
    name: str('Platform name (the `name` of the platform spec); the export prefix.', { pattern: NAME_PATTERN }),
    file: str('Path of the platform spec, relative to this spec (documentation for readers and tools; the export names come from `name`).'),
  }, ['name']),
};

export const coreDefs: Record<string, JsonSchema> = {
  autoscaling,
  deployment,
  expose: exposure,
  health,
  logging: loggingSchema(REGION_PATTERN),
  tracing,
  sidecar,
  security,
  port,
  probe: probeSchema,
  resources,
  envValue,
  secret,
  ...containersDefs,
};
