/**
 * Where the containers of an ECS task log (`logging`): awslogs into CloudWatch Logs (a group and a
 * stream prefix per container), FireLens (the `awsfirelens` driver on every container and a log
 * router sidecar with `firelensConfiguration`), or nothing at all (`driver: none`).
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html
 */
import type { DiagnosticInput } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import { LOG_ROUTER_CONTAINER } from '../../model/normalize/logging.js';
import type { ServiceModel } from '../../model/types.js';

type Report = (d: DiagnosticInput) => void;
type Flavor = 'json' | 'cloudformation';

/** The template parameter that names an existing log group (`logging.createGroup: false`); `Ref` gives the name either way, as the created group's `Ref` does. */
export const LOG_GROUP_PARAMETER = 'LogGroup';

/** The awslogs group of a container (the main group unless `logging.containers` names another). */
export function containerGroup(m: ServiceModel, container: string): string {
  return m.logging.containers[container]?.group ?? m.logging.group;
}

/** The stream prefix of a container: the main prefix, `<prefix>-<name>` for the others, or its own. */
export function containerPrefix(m: ServiceModel, container: string, main: boolean): string {
  return m.logging.containers[container]?.streamPrefix ?? (main ? m.logging.streamPrefix : `${m.logging.streamPrefix}-${container}`);
}

/** Every awslogs group the task writes to, the main group first (what the template creates or reads). */
export function logGroups(m: ServiceModel): string[] {
  if (m.logging.driver === 'none') return [];
  const groups = [m.logging.group];
  for (const c of Object.values(m.logging.containers)) if (c.group !== undefined && !groups.includes(c.group)) groups.push(c.group);
  return groups;
}

/** The group as the template writes it: the main group of an existing-group spec is the Parameter. */
function groupValue(m: ServiceModel, group: string, flavor: Flavor): Json {
  return flavor === 'cloudformation' && !m.logging.createGroup && group === m.logging.group ? { Ref: LOG_GROUP_PARAMETER } : group;
}

function regionValue(m: ServiceModel, flavor: Flavor): Json | undefined {
  return flavor === 'cloudformation' ? (m.logging.region ?? { Ref: 'AWS::Region' }) : m.logging.region;
}

/** An awslogs configuration for one container. */
export function awslogs(m: ServiceModel, container: string, main: boolean, flavor: Flavor): JsonObject | undefined {
  const region = regionValue(m, flavor);
  if (region === undefined) return undefined;
  return {
    logDriver: 'awslogs',
    options: {
      'awslogs-group': groupValue(m, containerGroup(m, container), flavor),
      'awslogs-region': region,
      'awslogs-stream-prefix': containerPrefix(m, container, main),
      ...m.logging.options,
    },
  };
}

/** The Fluent Bit `cloudwatch_logs` output into the log group, the default FireLens destination. */
function firelensOptions(m: ServiceModel, container: string, main: boolean, flavor: Flavor): JsonObject | undefined {
  const f = m.logging.firelens!;
  if (f.options) return { ...f.options };
  const region = regionValue(m, flavor);
  if (region === undefined) return undefined;
  return {
    Name: 'cloudwatch_logs',
    region,
    log_group_name: groupValue(m, containerGroup(m, container), flavor),
    log_stream_prefix: `${containerPrefix(m, container, main)}/`,
  };
}

/**
 * The `logConfiguration` of one container, or undefined when the task has none (`driver: none`,
 * or a JSON task definition without a region, which is reported once for the main container).
 */
export function logConfiguration(m: ServiceModel, container: string, main: boolean, flavor: Flavor, report: Report): JsonObject | undefined {
  const l = m.logging;
  if (l.driver === 'none') return undefined;
  const out = l.driver === 'firelens' ? firelensConfiguration(m, container, main, flavor) : awslogs(m, container, main, flavor);
  if (out === undefined && main) {
    report({
      code: 'ECS_REGION_REQUIRED',
      severity: 'error',
      message: `The ${l.driver === 'firelens' ? 'FireLens CloudWatch Logs output' : 'awslogs log configuration'} needs a region: set region (or logging.region).`,
      path: [],
    });
  }
  return out;
}

function firelensConfiguration(m: ServiceModel, container: string, main: boolean, flavor: Flavor): JsonObject | undefined {
  const options = firelensOptions(m, container, main, flavor);
  if (options === undefined) return undefined;
  const out: JsonObject = { logDriver: 'awsfirelens', options };
  const secrets = m.logging.firelens!.secretOptions;
  if (secrets.length) out.secretOptions = secrets.map((s) => ({ name: s.name, valueFrom: s.valueFrom }));
  return out;
}

/** The FireLens log router (RegisterTaskDefinition shape); it logs itself with awslogs. */
export function logRouter(m: ServiceModel, flavor: Flavor, report: Report): JsonObject {
  const f = m.logging.firelens!;
  const options: JsonObject = {};
  if (f.enableMetadata !== undefined) options['enable-ecs-log-metadata'] = String(f.enableMetadata);
  if (f.configFile !== undefined) {
    const s3 = f.configFile.startsWith('arn:');
    if (s3 && (m.targets.ecs.launchType ?? 'FARGATE') === 'FARGATE') {
      report({ code: 'ECS_FIRELENS_S3_CONFIG', severity: 'error', message: 'Fargate reads a FireLens configuration file from the image only (config-file-type file), not from S3.', hint: 'put the file in the router image and give its path', path: ['logging', 'firelens', 'configFile'] });
    }
    options['config-file-type'] = s3 ? 's3' : 'file';
    options['config-file-value'] = f.configFile;
  }
  const router: JsonObject = {
    name: LOG_ROUTER_CONTAINER,
    image: f.image,
    // The ECS developer guide recommends an essential log router: without it no container logs.
    essential: true,
    ...(f.memoryReservationMiB !== undefined ? { memoryReservation: f.memoryReservationMiB } : {}),
    firelensConfiguration: { type: f.type, ...(Object.keys(options).length ? { options } : {}) },
  };
  const log = awslogs(m, LOG_ROUTER_CONTAINER, false, flavor);
  if (log) router.logConfiguration = log;
  return router;
}
