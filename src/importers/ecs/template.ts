/**
 * A CloudFormation template holding an ECS task definition and, around it, the service, log group,
 * target groups, listener rules, autoscaling and CodeDeploy → one spec. Parameters with a Default
 * are read as the literal; the roles, outputs and descriptions codegen derives are recognized and
 * not reported; every other resource and property that is not carried is reported at its position.
 */
import type { Tracker } from '../fields.js';
import { isObject, paramValue, PSEUDO, Template } from './cfn.js';
import type { ImportContext } from '../types.js';
import { newDraft, type SpecDraft } from '../write.js';
import { readService } from './service.js';
import { readTaskDefinition, type TaskReader } from './task.js';
import { serviceName } from './names.js';

type Json = Record<string, unknown>;

/** Roles codegen creates when the spec names none (src/emitters/ecs/service-cfn.ts). */
const GENERATED_ROLES = ['ExecutionRole', 'TaskRole', 'LoadBalancerRole', 'CodeDeployRole'];

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
    param: (f) => paramValue(t, f),
  };
}

/**
 * A secret given by name is an SSM parameter for ECS, unless the execution role codegen wrote reads
 * it from Secrets Manager (`secret:<name>-??????`): then it is a Secrets Manager name.
 */
function secretStores(t: Template, spec: Json): void {
  const text = JSON.stringify(t.resources.get(t.id('ExecutionRole')).value ?? {});
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

/**
 * The spec name: of the service name, the family, the log group's `/ecs/<name>` and the CodeDeploy
 * application name, the one most of the names codegen derives from the spec name agree with (the
 * service name, the family, `/ecs/<name>`, the CodeDeploy application `<name>` and group
 * `<name>-dg`); on a tie the service name, then the family.
 */
function agreedName(t: Template, svcName: unknown, family: unknown): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const prop = (type: string, key: string) => {
    const id = t.ofType(type)[0];
    return id === undefined ? undefined : str(t.literalValue(t.resources.get(id).get('Properties', key).value));
  };
  const logGroup = str(t.literalValue(t.resources.get(t.id('LogGroup')).get('Properties', 'LogGroupName').value));
  const app = prop('AWS::CodeDeploy::Application', 'ApplicationName');
  const group = prop('AWS::CodeDeploy::DeploymentGroup', 'DeploymentGroupName');
  // Names chosen at deploy time (`${Param}`) name nothing here.
  const raw = [str(svcName), str(family), logGroup?.startsWith('/ecs/') ? logGroup.slice(5) : undefined, app].filter((n) => !n?.includes('${'));
  const candidates = [...new Set(raw.map((n) => (n === undefined ? undefined : serviceName(n))).filter((n): n is string => n !== undefined))];
  const score = (n: string) => [str(svcName) === n, str(family) === n, logGroup === `/ecs/${n}`, app === n, group === `${n}-dg`].filter(Boolean).length;
  let best: string | undefined;
  for (const n of candidates) if (best === undefined || score(n) > score(best)) best = n;
  return best;
}

/** The spec parameters the template uses → `parameters` (values as the spec types them). */
export function specParameters(t: Template, spec: Json): void {
  if (!t.specParameters.size) return;
  const out: Json = {};
  for (const name of [...t.specParameters].sort()) {
    const p = t.parameters.get(name).value;
    if (!isObject(p)) continue;
    const type = typeof p.Type === 'string' ? p.Type : 'String';
    const value = (v: unknown) => (type === 'Number' && typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? Number(v) : v);
    const d: Json = {};
    if (type !== 'String') d.type = type;
    if (p.Description !== undefined) d.description = p.Description;
    // A value given on the command line (--parameter) is the default the spec writes.
    if (Object.hasOwn(t.overrides, name)) d.default = value(t.overrides[name]);
    else if (p.Default !== undefined) d.default = value(p.Default);
    if (Array.isArray(p.AllowedValues)) d.allowedValues = p.AllowedValues.map(value);
    for (const [from, to] of [['AllowedPattern', 'allowedPattern'], ['MinLength', 'minLength'], ['MaxLength', 'maxLength'], ['MinValue', 'minValue'], ['MaxValue', 'maxValue'], ['ConstraintDescription', 'constraintDescription']] as const) {
      if (p[from] !== undefined) d[to] = p[from];
    }
    out[name] = d;
  }
  spec.parameters = out;
}

/** The managed policies of a role codegen created → `targets.ecs.executionRole` / `taskRole`. */
function createdRolePolicies(value: unknown, role: 'ExecutionRole' | 'TaskRole', ecs: Json): void {
  if (!Array.isArray(value)) return;
  const isManagedExecution = (v: unknown) => isObject(v) && typeof v['Fn::Sub'] === 'string' && v['Fn::Sub'].endsWith(':iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
  const arns = value.filter((v): v is string => typeof v === 'string');
  if (role === 'ExecutionRole') {
    const out: Json = {};
    if (value.some(isManagedExecution)) out.awsManagedPolicy = true;
    if (arns.length) out.managedPolicyArns = arns;
    if (Object.keys(out).length) ecs.executionRole = out;
  } else if (arns.length) ecs.taskRole = { managedPolicyArns: arns };
}

/**
 * Whether the task definition uses a pseudo parameter or a spec parameter without a default: then
 * `ecs/task-definition.json`, which needs literals, cannot have been written
 * (`targets.ecs.taskDefinitionJson: false`, or a spec without a region).
 */
function needsTemplate(t: Template, value: unknown): boolean {
  const deployTime = (name: string): boolean => {
    if (PSEUDO.has(name)) return true;
    const p = t.parameters.get(name).value;
    return t.isSpecParameter(name) && isObject(p) && p.Default === undefined;
  };
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) return v.some(walk);
    if (!isObject(v)) return false;
    if (typeof v.Ref === 'string' && deployTime(v.Ref)) return true;
    const text = Array.isArray(v['Fn::Sub']) ? v['Fn::Sub'][0] : v['Fn::Sub'];
    if (typeof text === 'string' && [...text.matchAll(/\$\{([^!}.][^}.]*)\}/g)].some((m) => deployTime(m[1]!))) return true;
    return Object.values(v).some(walk);
  };
  return walk(value);
}

/** Tags equal to the labels (read from the task definition) are codegen's: it writes them on every taggable resource. */
function labelTags(t: Template, spec: Json): void {
  const labels = (spec.labels ?? {}) as Json;
  for (const [id] of Object.entries((t.resources.value ?? {}) as Json)) {
    for (const tag of t.props(id).get('Tags').items()) {
      const k = tag.get('Key').str();
      if (k !== undefined && labels[k] === tag.get('Value').value) tag.use();
    }
  }
}

export function importTemplate(tracker: Tracker, ctx: ImportContext): SpecDraft[] {
  const t = new Template(tracker, ctx.options.parameters);
  const file = tracker.doc.source.file;
  const tds = t.ofType('AWS::ECS::TaskDefinition');
  if (tds.length !== 1) {
    tracker.report(['Resources'], tds.length ? 'IMPORT_AMBIGUOUS' : 'IMPORT_NO_TASK_DEFINITION', 'error', tds.length ? `The template defines ${tds.length} task definitions (${tds.join(', ')}); import one service's template at a time.` : 'The template defines no AWS::ECS::TaskDefinition.');
    return [];
  }
  const td = t.props(tds[0]!, true);
  const services = t.ofType('AWS::ECS::Service');
  const svcName = services.length ? t.literalValue(t.props(services[0]!).get('ServiceName').value) : undefined;
  const family = td.get('family').value;
  let name = ctx.options.name ?? agreedName(t, svcName, family);
  if (!name) {
    // Every name comes from a parameter without a Default: the logical ID names the spec (stated).
    const id = services[0] ?? tds[0]!;
    name = serviceName(id.replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
    if (name) tracker.report(['Resources', id], 'IMPORT_CHOICE', 'info', `Neither the service nor the task definition has a literal name; the spec is named ${name} after the logical ID ${id} (pass --name to choose).`);
  }
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
    // Further groups (LogGroup<Container>) are derived from logging.containers.
    if (id !== t.id('LogGroup')) {
      if (/^LogGroup[A-Za-z0-9]+$/.test(id)) t.props(id).use();
      continue;
    }
    const p = t.props(id);
    const g = t.literal(p.get('LogGroupName'));
    if (typeof g === 'string') logGroup = g;
    const days = p.get('RetentionInDays').num();
    if (days !== undefined) spec.logging = { retentionDays: days };
  }
  // An existing group: the template takes its name as the Parameter LogGroup.
  const groupParam = t.parameters.get('LogGroup');
  const existingGroup = !t.resources.get('LogGroup').exists && groupParam.exists;
  if (existingGroup) logGroup = typeof groupParam.get('Default').value === 'string' ? (groupParam.get('Default').value as string) : undefined;
  const retention = spec.logging;
  readTaskDefinition(td, draft, reader(t, logGroup));
  if (retention) Object.assign(spec.logging as Json, retention);
  if (existingGroup) (spec.logging as Json).createGroup = false;
  for (const role of GENERATED_ROLES) {
    const r = t.resources.get(t.id(role));
    if (r.exists && r.get('Type').value === 'AWS::IAM::Role') {
      r.use();
      r.get('Type').note(`${role} is the role codegen creates when the spec names none; its policies are derived again from the spec.`);
      if (role === 'ExecutionRole' || role === 'TaskRole') createdRolePolicies(r.get('Properties', 'ManagedPolicyArns').value, role, ecs);
    }
  }
  if (services.length > 1) for (const id of services.slice(1)) t.resources.get(id).drop('ambiguous', `A second ECS service (${id}) in the template: the spec describes one; only ${services[0]} is carried.`);
  if (services[0]) readService(t, services[0], draft);
  if (t.platform) {
    spec.platform = { name: t.platform };
    draft.comments.push({ path: ['platform'], text: `The template imports the exports of the ${t.platform} platform (Fn::ImportValue ${t.platform}-...).` });
  }
  labelTags(t, spec);
  secretStores(t, spec);
  specParameters(t, spec);
  if (needsTemplate(t, t.resources.get(tds[0]!).get('Properties').value)) ecs.taskDefinitionJson = false;
  if (Object.keys(t.ids.fixed).length) ecs.logicalIds = t.ids.fixed;
  t.parameters.use();
  tracker.leftovers(`Template ${file}`);
  return [draft];
}
