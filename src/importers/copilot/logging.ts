/**
 * Copilot `logging` → the spec's `logging`: the retention of Copilot's log group, and FireLens (a
 * Fluent Bit router Copilot adds when any FireLens field is set).
 */
import type { Field } from '../fields.js';

type Json = Record<string, unknown>;

/** The router image codegen writes by default (src/model/normalize/logging.ts). */
const FLUENT_BIT_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3';
const DEFAULT_KEYS = ['Name', 'auto_create_group', 'log_group_name', 'log_stream_prefix', 'region'];

function strings(f: Field): Json | undefined {
  const out: Json = {};
  for (const [k, v] of f.entries()) {
    const s = v.str();
    if (s === undefined) return undefined;
    out[k] = s;
  }
  return out;
}

/** Read `logging` of a manifest body into `spec.logging`. */
export function readCopilotLogging(m: Field, spec: Json): void {
  const l = m.get('logging');
  if (!l.isMap()) return;
  const out: Json = {};
  const retention = l.get('retention').num();
  if (retention !== undefined) out.retentionDays = retention;
  const firelens: Json = {};
  const image = l.get('image').str();
  const d = l.get('destination');
  if (image !== undefined || d.exists || ['enableMetadata', 'configFilePath', 'secretOptions'].some((k) => l.get(k).exists)) out.driver = 'firelens';
  if (image !== undefined && image !== FLUENT_BIT_IMAGE) firelens.image = image;
  const keys = d.entries().map(([k]) => k).sort();
  const prefix = d.get('log_stream_prefix').value;
  if (JSON.stringify(keys) === JSON.stringify(DEFAULT_KEYS.filter((k) => k !== 'region' || keys.includes('region'))) && d.get('Name').value === 'cloudwatch_logs' && d.get('auto_create_group').value === 'true' && typeof prefix === 'string' && prefix.endsWith('/')) {
    d.get('Name').use(), d.get('auto_create_group').use();
    const group = d.get('log_group_name').str();
    if (group !== undefined && group !== `/ecs/${String(spec.name)}`) out.group = group;
    const p = d.get('log_stream_prefix').str()!.replace(/\/$/, '');
    if (p !== 'ecs') out.streamPrefix = p;
    const region = d.get('region').str();
    if (region !== undefined) out.region = region;
  } else if (d.exists) {
    const options = strings(d);
    if (options) firelens.options = options;
    else d.drop('no-form', 'Destination options that are not strings have no form in the spec, so they are not carried.');
  }
  const meta = l.get('enableMetadata').bool();
  if (meta !== undefined) firelens.enableMetadata = meta;
  const file = l.get('configFilePath').str();
  if (file !== undefined) firelens.configFile = file;
  const so = strings(l.get('secretOptions'));
  if (so && Object.keys(so).length) firelens.secretOptions = so;
  if (Object.keys(firelens).length) out.firelens = firelens;
  if (Object.keys(out).length) spec.logging = out;
}
