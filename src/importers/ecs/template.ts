/**
 * A CloudFormation template holding an ECS task definition and, around it, the service, log group,
 * target groups, listener rules, autoscaling and CodeDeploy → one spec. Parameters with a Default
 * are read as the literal; the roles, outputs and descriptions codegen derives are recognized and
 * not reported; every other resource and property that is not carried is reported at its position.
 */
import { Field, type Tracker } from '../fields.js';
import type { ImportContext } from '../types.js';
import { newDraft, type SpecDraft } from '../write.js';
import { readService } from './service.js';
import { readTaskDefinition, type TaskReader } from './task.js';
import { serviceName } from './names.js';
import { PLATFORM_EXPORTS } from '../../platform/exports.js';

type Json = Record<string, unknown>;

/** Keys that hold user maps, whose keys keep their casing (src/emitters/ecs/task.ts). */
const OPAQUE = new Set(['Options', 'DockerLabels', 'DriverOpts', 'Labels']);
const RENAMES: Record<string, string> = { properties: 'ProxyConfigurationProperties', efsVolumeConfiguration: 'EFSVolumeConfiguration', iam: 'IAM' };

/** RegisterTaskDefinition names → CloudFormation names, so one reader serves both. */
export function cfnRename(key: string, parent: string | number | undefined): string {
  if (typeof parent === 'string' && OPAQUE.has(parent)) return key;
  if (key.startsWith('Fn::') || key === 'Ref') return key;
  return RENAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** Roles codegen creates when the spec names none (src/emitters/ecs/service-cfn.ts). */
const GENERATED_ROLES = ['ExecutionRole', 'TaskRole', 'LoadBalancerRole', 'CodeDeployRole'];

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The template, indexed: resources by logical id, parameters with their defaults. */
export class Template {
  readonly root: Field;
  readonly resources: Field;
  readonly parameters: Field;
  constructor(readonly tracker: Tracker) {
    this.root = tracker.root();
    this.resources = this.root.get('Resources');
    this.parameters = this.root.get('Parameters');
  }

  /** Logical ids of the resources of a type, in template order. */
  ofType(type: string): string[] {
    return this.resources.entries().filter(([, r]) => r.get('Type').value === type).map(([id]) => id);
  }

  /** The Properties of a resource (renamed to API casing when `api`), marking its Type. */
  props(id: string, api = false): Field {
    const r = this.resources.get(id);
    r.get('Type').use();
    const p = r.get('Properties');
    return api ? new Field(p.tracker, p.path, p.value, cfnRename) : p;
  }

  /** The platform whose exports the template imports (`Fn::ImportValue: <platform>-<Output>`). */
  platform?: string;

  /** An import of a platform export, recorded (the spec names the platform instead of a value). */
  private platformImport(v: unknown): boolean {
    if (isObject(v) && Array.isArray(v['Fn::Split']) && v['Fn::Split'][0] === ',') v = v['Fn::Split'][1];
    if (Array.isArray(v) && v.length === 1) v = v[0];
    const name = isObject(v) ? v['Fn::ImportValue'] : undefined;
    const m = typeof name === 'string' ? /^(.+)-([A-Za-z]+)$/.exec(name) : null;
    if (!m || !(PLATFORM_EXPORTS as readonly string[]).includes(m[2]!)) return false;
    this.platform = m[1];
    return true;
  }

  /** `{Ref: Param}` with a Default → the default; a literal → itself. Marks what it read. */
  literal(f: Field): unknown {
    const v = f.value;
    if (this.platformImport(v)) {
      f.use();
      return undefined;
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return f.take();
    if (isObject(v) && typeof v.Ref === 'string') {
      const p = this.parameters.get(v.Ref);
      if (p.exists) {
        f.use();
        return p.get('Default').value;
      }
      if (this.resources.get(v.Ref).exists) return undefined;
      return undefined;
    }
    if (isObject(v)) return undefined;
    f.use();
    return v;
  }

  /** Whether `f` is `Ref` to a resource or parameter (marked when it is). */
  isRef(f: Field, id?: string): boolean {
    const v = f.value;
    const ok = isObject(v) && typeof v.Ref === 'string' && (id === undefined || v.Ref === id);
    if (ok) f.use();
    return ok;
  }

  /** Whether `f` is `Fn::GetAtt [id, attr]` of a resource codegen generates. */
  isGetAtt(f: Field, ids: string[]): boolean {
    const v = f.value;
    const ok = isObject(v) && Array.isArray(v['Fn::GetAtt']) && ids.includes(String(v['Fn::GetAtt'][0]));
    if (ok) f.use();
    return ok;
  }
}

function reader(t: Template, logGroup: string | undefined): TaskReader {
  return {
    literal(f) {
      if (t.isRef(f, 'LogGroup')) return logGroup;
      const v = t.literal(f);
      return typeof v === 'string' ? v : undefined;
    },
    generated(f) {
      return t.isRef(f, 'AWS::Region') || t.isGetAtt(f, GENERATED_ROLES);
    },
  };
}

/**
 * A secret given by name is an SSM parameter for ECS, unless the execution role codegen wrote reads
 * it from Secrets Manager (`secret:<name>-??????`): then it is a Secrets Manager name.
 */
function secretStores(t: Template, spec: Json): void {
  const text = JSON.stringify(t.resources.get('ExecutionRole').value ?? {});
  const fix = (secrets: unknown) => {
    if (!isObject(secrets)) return;
    for (const s of Object.values(secrets)) {
      const aws = isObject(s) && isObject(s.aws) ? s.aws : undefined;
      const name = aws && typeof aws.ssm === 'string' && !aws.ssm.startsWith('arn:') && !aws.ssm.startsWith('/') ? aws.ssm : undefined;
      if (name && text.includes(`:secret:${name}-??????`)) {
        delete aws!.ssm;
        aws!.secretsManager = name;
      }
    }
  };
  fix(spec.secrets);
  if (isObject(spec.sidecars)) for (const c of Object.values(spec.sidecars)) if (isObject(c)) fix(c.secrets);
}

export function importTemplate(tracker: Tracker, ctx: ImportContext): SpecDraft[] {
  const t = new Template(tracker);
  const file = tracker.doc.source.file;
  const tds = t.ofType('AWS::ECS::TaskDefinition');
  if (tds.length !== 1) {
    tracker.report(['Resources'], tds.length ? 'IMPORT_AMBIGUOUS' : 'IMPORT_NO_TASK_DEFINITION', 'error', tds.length ? `The template defines ${tds.length} task definitions (${tds.join(', ')}); import one service's template at a time.` : 'The template defines no AWS::ECS::TaskDefinition.');
    return [];
  }
  const td = t.props(tds[0]!, true);
  const services = t.ofType('AWS::ECS::Service');
  const svcName = services.length ? t.literal(t.props(services[0]!).get('ServiceName')) : undefined;
  const family = td.get('family').value;
  const name = ctx.options.name ?? serviceName(typeof svcName === 'string' ? svcName : typeof family === 'string' ? family : '');
  if (!name) {
    tracker.report(['Resources', tds[0]!], 'IMPORT_NO_NAME', 'error', 'Neither the service nor the task definition has a literal name to name the spec after.', 'pass --name NAME');
    return [];
  }
  const draft = newDraft(name, [`Imported by \`codegen import ecs\` from ${file}.`]);
  const spec = draft.spec;
  const ecs: Json = {};
  spec.targets = { ecs };
  if (/\.json$/i.test(file)) ecs.templateFormat = 'json';
  for (const k of ['AWSTemplateFormatVersion', 'Description', 'Outputs']) t.root.get(k).use();
  // The log group: its name is the awslogs group; retention is the spec's.
  let logGroup: string | undefined;
  for (const id of t.ofType('AWS::Logs::LogGroup')) {
    if (id !== 'LogGroup') continue;
    const p = t.props(id);
    const g = t.literal(p.get('LogGroupName'));
    if (typeof g === 'string') logGroup = g;
    const days = p.get('RetentionInDays').num();
    if (days !== undefined) spec.logging = { retentionDays: days };
  }
  const retention = spec.logging;
  readTaskDefinition(td, draft, reader(t, logGroup));
  if (retention) Object.assign(spec.logging as Json, retention);
  for (const role of GENERATED_ROLES) {
    const r = t.resources.get(role);
    if (r.exists && r.get('Type').value === 'AWS::IAM::Role') {
      r.use();
      r.get('Type').note(`${role} is the role codegen creates when the spec names none; its policies are derived again from the spec.`);
    }
  }
  if (services.length > 1) for (const id of services.slice(1)) t.resources.get(id).drop('ambiguous', `A second ECS service (${id}) in the template: the spec describes one; only ${services[0]} is carried.`);
  if (services[0]) readService(t, services[0], draft);
  if (t.platform) {
    spec.platform = { name: t.platform };
    draft.comments.push({ path: ['platform'], text: `The template imports the exports of the ${t.platform} platform (Fn::ImportValue ${t.platform}-...).` });
  }
  secretStores(t, spec);
  t.parameters.use();
  tracker.leftovers(`Template ${file}`);
  return [draft];
}
