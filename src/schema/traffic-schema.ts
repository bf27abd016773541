/**
 * Core spec parts about traffic that grew beyond one line each: logging (awslogs, FireLens, off)
 * and the scaling policies beyond target tracking (steps on CloudWatch alarms, schedules).
 * `core-schema.ts` wires them into the core fields.
 */
import { arr, bool, duration, enumOf, int, map, num, obj, oneOf, str } from './dsl.js';
import { LOGICAL_ID_PATTERN } from './logical-ids.js';

const stepMetric = oneOf('The CloudWatch metric the alarm watches: `cpu` or `memory` (the service\'s AWS/ECS CPUUtilization or MemoryUtilization), or any metric.', [
  { type: 'string', enum: ['cpu', 'memory'], description: 'The service\'s average CPU or memory utilization (AWS/ECS, dimensions ClusterName and ServiceName).' },
  obj('A CloudWatch metric.', {
    namespace: str('Namespace, e.g. `AWS/SQS` or `MyApp`.', { minLength: 1, maxLength: 255 }),
    name: str('Metric name, e.g. `ApproximateNumberOfMessagesVisible`.', { minLength: 1, maxLength: 255 }),
    dimensions: map('Dimensions (name → value); default for the AWS/ECS namespace: ClusterName and ServiceName of this service.', { type: 'string', minLength: 1, description: 'Dimension value.' }),
    statistic: enumOf('Statistic (default `Average`).', ['Average', 'Minimum', 'Maximum', 'Sum', 'SampleCount']),
  }, ['namespace', 'name']),
]);

export const stepScaling = obj(
  'Step scaling on a CloudWatch alarm (ECS: an AWS::CloudWatch::Alarm whose action is a StepScaling policy). The alarm fires when the metric crosses `threshold`; each step says how much to change while the metric lies in its range. Ranges are metric values (not offsets): contiguous, on the alarm\'s side of the threshold; the first step of a scale-out policy starts at the threshold, the last is open-ended.',
  {
    name: str('Policy name suffix (default `step-<n>`); unique in the service.', { pattern: '^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$' }),
    policyName: str('The scaling policy\'s own name (`PolicyName`, 1-256 printable characters; default `<service>-<name>`), e.g. the name a running stack already gives it. Unique among the service\'s policies.', { pattern: '^[^\\u0000-\\u001f\\u007f]{1,256}$' }),
    description: str('The alarm\'s description (`AlarmDescription`, at most 1024 characters; default: the service, the step name and the alarm\'s condition).', { minLength: 1, maxLength: 1024 }),
    metric: stepMetric,
    comparison: enumOf('How the metric is compared with the threshold: `>=`, `>` (scale out as it rises), `<=` or `<` (scale in as it falls).', ['>=', '>', '<=', '<']),
    threshold: num('Alarm threshold, in the metric\'s unit.'),
    period: duration('Length of one evaluation period (default 60s; CloudWatch takes 10, 30 or a multiple of 60 seconds).'),
    evaluationPeriods: int('Periods the metric must breach before the alarm fires (default 1).', { minimum: 1, maximum: 1440 }),
    adjustment: enumOf('What `change` means: tasks added or removed (`ChangeInCapacity`, default), a percent of the current count (`PercentChangeInCapacity`), or the new count (`ExactCapacity`).', ['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity']),
    steps: arr('The steps, lowest metric range first.', obj('One step.', {
      from: num('Lower bound of the metric range (inclusive); omit for no lower bound.'),
      to: num('Upper bound of the metric range (exclusive); omit for no upper bound.'),
      change: int('Capacity change in this range (negative scales in).'),
    }, ['change']), { minItems: 1 }),
    cooldown: duration('Time after a scaling activity before another may start.'),
    aggregation: enumOf('How the policy aggregates the metric data points (`MetricAggregationType`, default Average).', ['Average', 'Minimum', 'Maximum']),
    minAdjustmentMagnitude: int('With PercentChangeInCapacity: change at least this many tasks.', { minimum: 1 }),
    logicalIds: obj('Logical IDs of this step\'s resources in the ECS service template, for adopting an existing stack without replacing them (default `Step<Name>Policy` and `Step<Name>Alarm`, e.g. `StepCpuBurstPolicy`). Letters and digits only; unique in the template.', {
      policy: str('Logical ID of the scaling policy (AWS::ApplicationAutoScaling::ScalingPolicy).', { pattern: LOGICAL_ID_PATTERN }),
      alarm: str('Logical ID of the alarm (AWS::CloudWatch::Alarm).', { pattern: LOGICAL_ID_PATTERN }),
    }),
  },
  ['metric', 'comparison', 'threshold', 'steps'],
);

export const scheduledScaling = obj('Scheduled scaling: set new minimum and/or maximum capacity at a time (ECS ScalableTarget ScheduledActions).', {
  name: str('Action name (unique in the service).', { pattern: '^[A-Za-z0-9][-A-Za-z0-9_.]{0,127}$' }),
  schedule: str('When: `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, `rate(value unit)` or `at(yyyy-mm-ddThh:mm:ss)`.', { pattern: '^(cron\\([^()]+\\)|rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)|at\\([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\))$' }),
  timezone: str('Time zone of the schedule (IANA name such as `Europe/Berlin`; default UTC).', { pattern: '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$' }),
  min: int('New minimum replicas.', { minimum: 0, maximum: 100000 }),
  max: int('New maximum replicas.', { minimum: 0, maximum: 100000 }),
  start: str('First time the action may run (ISO 8601, e.g. `2026-12-01T00:00:00Z`).', { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?$' }),
  end: str('Last time the action may run (ISO 8601).', { pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?$' }),
}, ['name', 'schedule']);

const logOptions = (d: string) => map(d, { type: 'string', description: 'Option value (a string).' }, '^[A-Za-z0-9_.-]+$');

const firelens = obj(
  'FireLens (driver `firelens`): every container of the task logs with the `awsfirelens` driver to a log router sidecar (`log_router`, essential, with `firelensConfiguration`), which itself logs with awslogs to `group`. ECS and Copilot (`logging`); FireLens sends with the task role, which needs the destination\'s permissions.',
  {
    type: enumOf('Log router (`firelensConfiguration.type`, default `fluentbit`).', ['fluentbit', 'fluentd']),
    image: str('Log router image (default: a pinned public.ecr.aws/aws-observability/aws-for-fluent-bit release; Copilot `logging.image`).', { minLength: 1 }),
    options: logOptions('Output plugin options of the `awsfirelens` log driver (Copilot `logging.destination`), e.g. `Name: firehose`, `region`, `delivery_stream`. Default: the Fluent Bit `cloudwatch_logs` output into `group` and `streamPrefix`.'),
    secretOptions: map('Secret options of the log driver (name → SSM parameter or Secrets Manager ARN), e.g. an API key of the destination (ECS `secretOptions`; Copilot `logging.secretOptions`).', { type: 'string', minLength: 1, description: 'SSM parameter name or ARN, or Secrets Manager secret ARN.' }, '^[A-Za-z0-9_.-]+$'),
    enableMetadata: bool('Add the ECS metadata (cluster, task ARN, task definition) to each log event (`enable-ecs-log-metadata`, default true; Copilot `logging.enableMetadata`).'),
    memoryReservation: str('Memory reserved for the log router container (ECS `memoryReservation`, a soft limit: the router may use more when the task has it), Kubernetes notation such as `50Mi` (whole MiB on ECS, rounded up); default none. Copilot sizes its own router: reported there.', { pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)$' }),
    configFile: str('A custom Fluent Bit or Fluentd configuration: a file path inside the router image, or an S3 ARN (EC2 only) (`config-file-type`/`config-file-value`; Copilot `logging.configFilePath`, a file path only).', { minLength: 1 }),
  },
);

/** `logging`; `regionPattern` is the core's (a region or a whole `${...}` substitution). */
export const loggingSchema = (regionPattern: string) => obj('Container logs on ECS and Copilot: awslogs to CloudWatch Logs (default), FireLens, or off. Kubernetes has no per-pod log configuration (the node\'s log agent collects stdout and stderr), so only `driver: firelens` or `none` is reported there.', {
  driver: enumOf('`awslogs` (default: CloudWatch Logs), `firelens` (the `awsfirelens` driver and a log router sidecar) or `none` (no log configuration, no log group).', ['awslogs', 'firelens', 'none']),
  group: str('CloudWatch Logs group (default `/ecs/<name>`); may use `${Name}` parameters and pseudo parameters, e.g. `/ecs/${AWS::StackName}`.'),
  createGroup: bool('Create the log group in the ECS template (default true). `false` uses an existing group: the template takes its name as the Parameter `LogGroup`, whose default is `group`.'),
  region: str('Region of the log group (defaults to `region`; the ECS template uses the stack\'s region when neither is set), or `${AWS::Region}` / `${Name}` of a parameter.', { pattern: regionPattern }),
  streamPrefix: str('Log stream prefix of the main container (default `ecs`); sidecars get `<streamPrefix>-<container>` unless `containers` names their own. May use `${Name}` parameters, e.g. `/${App}/ecs`.'),
  retentionDays: enumOf('Retention in days (ECS log group `RetentionInDays`; Copilot `logging.retention`).', [], {
    type: 'integer',
    enum: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
  }),
  options: logOptions('Extra awslogs driver options, e.g. `mode: non-blocking`, `max-buffer-size: 25m` (the group, region and stream prefix come from the fields above).'),
  containers: map('Per container (the main container, a sidecar, or one codegen adds: `xray-daemon`, `envoy`, `log_router`), by name: its own awslogs group and/or stream prefix. A group other than `group` is created too unless `createGroup` is false.', obj('Log settings of one container.', {
    group: str('CloudWatch Logs group of this container.', { minLength: 1 }),
    streamPrefix: str('Log stream prefix of this container.', { minLength: 1 }),
  }), '^[A-Za-z0-9_-]+$'),
  firelens,
});


const PATH = '^/[A-Za-z0-9._~!$&\'()*+,;=:@%/-]*$';
const CIDR = '^([0-9]{1,3}\\.){3}[0-9]{1,3}/[0-9]{1,2}$|^[0-9A-Fa-f:]+/[0-9]{1,3}$';

/** `expose` fields about load balancer rules and target groups (spread into the core `expose`). */
export const exposeTrafficProperties = {
  paths: arr('Several path prefixes routed to the service (instead of `path`): one ALB path-pattern condition (split into more listener rules when the values exceed a rule\'s limits), one Ingress path or HTTPRoute match each.', str('Path prefix.', { pattern: PATH }), { minItems: 1, uniqueItems: true }),
  headers: map('HTTP header conditions (header name → accepted values; any value matches, every header must match): ALB `http-header` conditions, the Ingress `conditions.<service>` annotation, HTTPRoute header matches. `*` and `?` are wildcards on the ALB.', oneOf('One value or a list of values.', [
    { type: 'string', minLength: 1, maxLength: 128, description: 'One value.' },
    { type: 'array', minItems: 1, maxItems: 3, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 128, description: 'A value.' }, description: 'Up to three values (an ALB condition takes three).' },
  ]), '^[A-Za-z0-9!#$%&\'*+.^_`|~-]{1,40}$'),
  allowedSourceIps: arr('Only requests from these CIDR ranges are routed to the service: an ALB `source-ip` condition (Copilot `http.allowed_source_ips`, the Ingress `conditions.<service>` annotation).', str('CIDR block, e.g. `10.0.0.0/8`.', { pattern: CIDR }), { minItems: 1, uniqueItems: true }),
  loadBalancer: enumOf('`application` (default: ALB listener rules, Ingress, HTTPRoute) or `network` (NLB: a TCP, UDP or TLS listener of its own on `targets.ecs.service.loadBalancerArn`; Copilot `nlb`). A network load balancer has no rules: hosts, paths and headers do not apply.', ['application', 'network']),
  container: str('The container that receives the traffic (default: the main container); `port` is one of its ports. A proxy sidecar in front of the application, for instance (ECS LoadBalancers ContainerName; Copilot `target_container`; Kubernetes Service targetPort).', { pattern: '^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$' }),
  targetGroup: obj('Target group settings (ECS TargetGroupAttributes; the Ingress `target-group-attributes` annotation; Copilot `deregistration_delay`/`stickiness`).', {
    protocol: enumOf('Target group protocol: `HTTP`/`HTTPS` on an ALB (default HTTP), `TCP`/`TLS`/`UDP`/`TCP_UDP` on an NLB (default TCP, UDP for a UDP port).', ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP']),
    deregistrationDelay: duration('Time a deregistering target keeps its in-flight requests (`deregistration_delay.timeout_seconds`, 0–3600 s; default 300 s).'),
    slowStart: duration('Warm-up time of a new target before it gets its full share (`slow_start.duration_seconds`, 30–900 s; ALB only).'),
    algorithm: enumOf('Routing algorithm (`load_balancing.algorithm.type`; ALB only, default round_robin).', ['round_robin', 'least_outstanding_requests', 'weighted_random']),
    stickiness: oneOf('Sticky sessions: `true` (a load balancer cookie on an ALB, the source IP on an NLB), or the cookie settings.', [
      { type: 'boolean', description: 'On (true) or off (false).' },
      obj('Cookie settings (ALB).', {
        duration: duration('How long the cookie pins a client (`stickiness.lb_cookie.duration_seconds` or `app_cookie.duration_seconds`, 1 s–7 days; default 1 day).'),
        cookieName: str('The application\'s own cookie (`app_cookie`); without it the load balancer issues its own (`lb_cookie`).', { pattern: '^[A-Za-z0-9!#$%&\'*+.^_`|~-]+$' }),
      }),
    ]),
  }),
};
