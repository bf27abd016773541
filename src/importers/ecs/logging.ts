/**
 * The log configuration of an ECS task → `logging`: awslogs (the main container's group, region,
 * stream prefix and extra options; other containers' own groups and prefixes), FireLens (the
 * `awsfirelens` driver and the log router container with `firelensConfiguration`), or none.
 */
import type { Field } from '../fields.js';

type Json = Record<string, unknown>;
/** How values are read (the task importer's reader: literal JSON, or through template intrinsics). */
interface TaskReader {
  literal(f: Field): string | undefined;
  generated(f: Field): boolean;
}

/** The FireLens router image and container name codegen writes (src/model/normalize/logging.ts). */
const FLUENT_BIT_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3';
export const LOG_ROUTER = 'log_router';
const AWSLOGS_KEYS = ['awslogs-group', 'awslogs-region', 'awslogs-stream-prefix'];
const CLOUDWATCH_KEYS = ['Name', 'region', 'log_group_name', 'log_stream_prefix'];

export interface LogState {
  driver?: 'awslogs' | 'firelens';
  group?: string;
  region?: string;
  prefix?: string;
  /** awslogs options beyond group, region and prefix (from the main container). */
  options?: Json;
  /** FireLens output options when they are not the default CloudWatch Logs output. */
  firelensOptions?: Json;
  secretOptions?: Json;
  containers: Record<string, Json>;
  /** Whether any container had a log configuration. */
  any: boolean;
  firelens?: Json;
}

export const newLogState = (): LogState => ({ containers: {}, any: false });

/** Values as a plain string map (marking them), or undefined when one is not a literal string. */
function literalMap(f: Field, r: TaskReader, skip: string[] = []): Json | undefined {
  const out: Json = {};
  for (const [k, v] of f.entries()) {
    if (skip.includes(k)) continue;
    const s = r.literal(v);
    if (s === undefined) return undefined;
    out[k] = s;
  }
  return out;
}

function isDefaultCloudWatch(o: Field): boolean {
  const keys = o.entries().map(([k]) => k).sort();
  const prefix = o.get('log_stream_prefix').value;
  return JSON.stringify(keys) === JSON.stringify([...CLOUDWATCH_KEYS].sort()) && o.get('Name').value === 'cloudwatch_logs' && typeof prefix === 'string' && prefix.endsWith('/');
}

/** Read one container's `logConfiguration` (the main container first: it sets the defaults). */
export function readLog(c: Field, name: string, main: boolean, r: TaskReader, log: LogState): void {
  const lc = c.get('logConfiguration');
  if (!lc.exists) return;
  log.any = true;
  const driver = lc.get('logDriver').str();
  const o = lc.get('options');
  const own = (key: 'group' | 'streamPrefix', value: string | undefined, fallback: string | undefined) => {
    if (value !== undefined && value !== fallback) (log.containers[name] ??= {})[key] = value;
  };
  if (driver === 'awslogs') {
    const group = o.get('awslogs-group');
    const region = o.get('awslogs-region');
    const prefix = r.literal(o.get('awslogs-stream-prefix'));
    if (main) {
      log.driver ??= 'awslogs';
      log.group = r.generated(group) ? undefined : r.literal(group);
      log.region = r.generated(region) ? undefined : r.literal(region);
      log.prefix = prefix;
      const extra = literalMap(o, r, AWSLOGS_KEYS);
      if (extra && Object.keys(extra).length) log.options = extra;
      return;
    }
    if (name === LOG_ROUTER && log.driver === 'firelens' && log.firelensOptions && log.group === undefined && log.region === undefined) {
      // FireLens with an output of its own: the log router's awslogs configuration is where the
      // spec's group, region and awslogs options show (codegen writes them there only).
      log.group = r.generated(group) ? undefined : r.literal(group);
      log.region = r.generated(region) ? undefined : r.literal(region);
      const extra = literalMap(o, r, AWSLOGS_KEYS);
      if (extra && Object.keys(extra).length) log.options = extra;
      own('streamPrefix', prefix, `${log.prefix ?? 'ecs'}-${name}`);
      return;
    }
    if (!r.generated(group)) own('group', r.literal(group), log.group);
    if (!r.generated(region)) region.expect(log.region, 'awslogs-region');
    own('streamPrefix', prefix, `${log.prefix ?? 'ecs'}-${name}`);
    for (const [k, v] of o.entries()) if (!AWSLOGS_KEYS.includes(k)) v.expect(log.options?.[k], `Option ${k}`);
    return;
  }
  if (driver === 'awsfirelens') {
    if (isDefaultCloudWatch(o)) {
      o.get('Name').use();
      const region = o.get('region');
      const group = o.get('log_group_name');
      const prefix = String(r.literal(o.get('log_stream_prefix')) ?? '').replace(/\/$/, '');
      if (main) {
        log.driver = 'firelens';
        log.region = r.generated(region) ? undefined : r.literal(region);
        log.group = r.generated(group) ? undefined : r.literal(group);
        log.prefix = prefix;
      } else {
        if (!r.generated(region)) region.expect(log.region, 'region');
        if (!r.generated(group)) own('group', r.literal(group), log.group);
        own('streamPrefix', prefix, `${log.prefix ?? 'ecs'}-${name}`);
      }
    } else if (main) {
      log.driver = 'firelens';
      const options = literalMap(o, r);
      if (options) log.firelensOptions = options;
      else o.drop('no-form', 'FireLens options that are not literal strings have no form in the spec, so they are not carried.');
    } else o.expect(log.firelensOptions, 'The FireLens options');
    const secrets: Json = {};
    for (const s of lc.get('secretOptions').items()) {
      const n = s.get('name').str();
      const v = r.literal(s.get('valueFrom'));
      if (n !== undefined && v !== undefined) secrets[n] = v;
    }
    if (main && Object.keys(secrets).length) log.secretOptions = secrets;
    return;
  }
  lc.drop('no-form', `Log driver ${String(driver)} has no form in the spec (codegen writes awslogs or awsfirelens), so it is not carried.`);
}

/** The FireLens log router container (one with `firelensConfiguration`). */
export function readLogRouter(c: Field, r: TaskReader, log: LogState): void {
  c.get('name').use();
  c.get('essential').expect(true, 'essential');
  const fc = c.get('firelensConfiguration');
  const firelens: Json = {};
  const type = fc.get('type').str();
  if (type && type !== 'fluentbit') firelens.type = type;
  const image = r.literal(c.get('image'));
  if (image !== FLUENT_BIT_IMAGE) firelens.image = image;
  const o = fc.get('options');
  const meta = o.get('enable-ecs-log-metadata').bool();
  if (meta !== undefined) firelens.enableMetadata = meta;
  o.get('config-file-type').use();
  const file = o.get('config-file-value').str();
  if (file !== undefined) firelens.configFile = file;
  const reservation = c.get('memoryReservation').num();
  if (reservation !== undefined) firelens.memoryReservation = `${reservation}Mi`;
  log.firelens = firelens;
  readLog(c, LOG_ROUTER, false, r, log);
}

/** The `logging` section from what was read. */
export function loggingSpec(log: LogState, name: string): Json {
  const logging: Json = {};
  if (!log.any) logging.driver = 'none';
  else if (log.driver === 'firelens') logging.driver = 'firelens';
  if (log.group !== undefined && log.group !== `/ecs/${name}`) logging.group = log.group;
  if (log.prefix !== undefined && log.prefix !== 'ecs') logging.streamPrefix = log.prefix;
  if (log.options) logging.options = log.options;
  if (Object.keys(log.containers).length) logging.containers = log.containers;
  if (log.driver === 'firelens') {
    const f: Json = { ...(log.firelens ?? {}) };
    if (log.firelensOptions) f.options = log.firelensOptions;
    if (log.secretOptions) f.secretOptions = log.secretOptions;
    if (Object.keys(f).length) logging.firelens = f;
  }
  return logging;
}
