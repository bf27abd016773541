/**
 * CloudFormation building blocks shared by every CloudFormation emitter: long-form intrinsics (so
 * JSON and YAML share one object and patches can address it), typed Parameters that carry a spec
 * literal as their default, IAM role documents, and a small template builder that keeps sections
 * in insertion order. Pure data helpers: no text is produced here.
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import { PSEUDO_PARAMETERS } from '../../verify/cfn-intrinsics.js';

/** `{Ref: name}` — a parameter, a resource or a pseudo parameter such as `AWS::Region`. */
export const ref = (name: string): JsonObject => ({ Ref: name });

/** `{'Fn::GetAtt': [resource, attribute]}`. */
export const getAtt = (resource: string, attribute: string): JsonObject => ({ 'Fn::GetAtt': [resource, attribute] });

/** `{'Fn::Sub': text}` or `{'Fn::Sub': [text, vars]}`. */
export function sub(text: string, vars?: Record<string, Json>): JsonObject {
  return vars && Object.keys(vars).length ? { 'Fn::Sub': [text, vars] } : { 'Fn::Sub': text };
}

/** `{'Fn::Join': [sep, parts]}`. */
export const join = (separator: string, parts: Json[]): JsonObject => ({ 'Fn::Join': [separator, parts] });

/** Escapes a literal for use inside `Fn::Sub` (`${x}` → `${!x}`, which Sub writes back as `${x}`). */
export const subLiteral = (literal: string): string => literal.replace(/\$\{/g, '${!');

/** `arn:${AWS::Partition}:iam::aws:policy/<name>` for an AWS managed policy. */
export const awsManagedPolicy = (name: string): JsonObject => sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`);

export { logicalId } from '../../schema/logical-ids.js';

export type ParameterType =
  | 'String'
  | 'Number'
  | 'CommaDelimitedList'
  | 'AWS::EC2::VPC::Id'
  | 'List<AWS::EC2::Subnet::Id>'
  | 'List<AWS::EC2::SecurityGroup::Id>';

export interface ParameterSpec {
  type: ParameterType;
  description: string;
  /** A value from the spec; list types take an array and are written comma-joined. */
  default?: string | number | readonly string[];
  allowedPattern?: string;
  minValue?: number;
  maxValue?: number;
}

/** A `Parameters` entry. */
export function parameter(p: ParameterSpec): JsonObject {
  const out: JsonObject = { Type: p.type, Description: p.description };
  // Parameter values are strings in CloudFormation (the section schema says so), numbers included.
  if (p.default !== undefined) out.Default = Array.isArray(p.default) ? p.default.join(',') : String(p.default);
  if (p.allowedPattern !== undefined) out.AllowedPattern = p.allowedPattern;
  if (p.minValue !== undefined) out.MinValue = p.minValue;
  if (p.maxValue !== undefined) out.MaxValue = p.maxValue;
  return out;
}

/** An `AssumeRolePolicyDocument` trusting one AWS service principal. */
export function assumeRolePolicy(service: string): JsonObject {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

/** One IAM policy statement (Allow). */
export function allow(actions: readonly string[], resources: readonly Json[], sid?: string): JsonObject {
  return {
    ...(sid ? { Sid: sid } : {}),
    Effect: 'Allow',
    Action: actions.length === 1 ? actions[0]! : [...actions],
    Resource: resources.length === 1 ? resources[0]! : [...resources],
  };
}

/** An inline policy (`Policies[]` item of `AWS::IAM::Role`). */
export function inlinePolicy(name: string, statements: readonly JsonObject[]): JsonObject {
  return { PolicyName: name, PolicyDocument: { Version: '2012-10-17', Statement: [...statements] } };
}

/**
 * Collects one template. Sections keep insertion order (emitters add things in reading order);
 * the serializer puts the sections themselves in canonical order. Adding the same logical ID
 * twice is a programming error and throws.
 */
export class TemplateBuilder {
  private readonly parameters: JsonObject = {};
  private readonly conditions: JsonObject = {};
  private readonly resources: JsonObject = {};
  private readonly outputs: JsonObject = {};

  constructor(private readonly description: string) {}

  /** Adds a typed parameter and returns a `Ref` to it. */
  param(name: string, spec: ParameterSpec): JsonObject {
    this.claim(name, this.parameters);
    this.parameters[name] = parameter(spec);
    return ref(name);
  }

  condition(name: string, expression: JsonObject): void {
    this.claim(name, this.conditions);
    this.conditions[name] = expression;
  }

  /** Adds a resource and returns a `Ref` to it. `extra` holds DependsOn, Condition, policies. */
  resource(name: string, type: string, properties: JsonObject, extra: JsonObject = {}): JsonObject {
    this.claim(name, this.resources);
    this.resources[name] = { Type: type, ...extra, Properties: properties };
    return ref(name);
  }

  output(name: string, value: Json, description: string): void {
    this.claim(name, this.outputs);
    this.outputs[name] = { Description: description, Value: value };
  }

  has(name: string): boolean {
    return name in this.parameters || name in this.resources;
  }

  build(): JsonObject {
    const t: JsonObject = { AWSTemplateFormatVersion: '2010-09-09', Description: this.description };
    if (Object.keys(this.parameters).length) t.Parameters = this.parameters;
    if (Object.keys(this.conditions).length) t.Conditions = this.conditions;
    t.Resources = this.resources;
    if (Object.keys(this.outputs).length) t.Outputs = this.outputs;
    return t;
  }

  private claim(name: string, section: JsonObject): void {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw new Error(`${name}: a logical ID is alphanumeric`);
    if (name in section || (section !== this.outputs && section !== this.conditions && this.has(name))) {
      throw new Error(`${name}: logical ID used twice`);
    }
  }
}

/** A name a `Ref` or an `Fn::Sub` `${Name}` may use in a template. */
export interface TemplateName {
  name: string;
  kind: 'parameter' | 'resource' | 'pseudo parameter';
  /** The resource type (resources only). */
  type?: string;
}

/**
 * Every name a reference in `template` may use: its Parameters, its Resources and the pseudo
 * parameters, in that order. The one list a spec's references are checked against: whatever adds
 * a Parameter or a Resource to the template (spec-declared parameters included) extends it.
 */
export function referenceableNames(template: JsonObject): TemplateName[] {
  const section = (k: string): JsonObject => {
    const v = template[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  };
  const out: TemplateName[] = Object.keys(section('Parameters')).map((name) => ({ name, kind: 'parameter' as const }));
  for (const [name, r] of Object.entries(section('Resources'))) {
    const type = r !== null && typeof r === 'object' && !Array.isArray(r) && typeof r.Type === 'string' ? r.Type : undefined;
    out.push({ name, kind: 'resource', ...(type ? { type } : {}) });
  }
  for (const name of PSEUDO_PARAMETERS) out.push({ name, kind: 'pseudo parameter' });
  return out;
}

/**
 * Fixed logical IDs for adopting an existing stack: `given` maps a resource role (`service`,
 * `taskDefinition`, ...) to the logical ID the user's stack already has; `roles` maps each role to
 * the ID codegen gives it. Checked (one ID per role, no ID another resource or parameter of the
 * template already has, a role the template has), then applied to the whole template: the resource
 * keys and every Ref, Fn::GetAtt, Fn::Sub `${Id}` / `${Id.Attr}` and DependsOn follow.
 */
export function applyLogicalIds(
  template: JsonObject,
  roles: Readonly<Record<string, string>>,
  given: Readonly<Record<string, string>> | undefined,
  path: readonly (string | number)[],
  report: (d: { code: string; severity: 'error' | 'warning'; message: string; path: (string | number)[]; hint?: string }) => void,
  /** Where a role's ID is given in the spec (default: `path` + role). */
  pathOf: (role: string) => (string | number)[] = (role) => [...path, role],
): JsonObject {
  if (!given) return template;
  const resources = (template.Resources ?? {}) as JsonObject;
  const parameters = (template.Parameters ?? {}) as JsonObject;
  const renames = new Map<string, string>();
  const claimed = new Map<string, string>();
  for (const [role, id] of Object.entries(given)) {
    const at = pathOf(role);
    const from = Object.hasOwn(roles, role) ? roles[role]! : undefined;
    if (from === undefined || !Object.hasOwn(resources, from)) {
      report({ code: 'CFN_LOGICAL_ID_UNUSED', severity: 'warning', message: `This template has no ${role} resource, so its logical ID ${id} is not used.`, path: at });
      continue;
    }
    if (claimed.has(id)) {
      report({ code: 'CFN_LOGICAL_ID_TWICE', severity: 'error', message: `${id} is given to both ${claimed.get(id)} and ${role}; a logical ID names one resource.`, path: at });
      continue;
    }
    const owner = id === from ? undefined : Object.hasOwn(resources, id) ? `the resource ${id}` : Object.hasOwn(parameters, id) ? `the parameter ${id}` : undefined;
    if (owner) {
      const role2 = Object.entries(roles).find(([, d]) => d === id)?.[0];
      report({ code: 'CFN_LOGICAL_ID_TAKEN', severity: 'error', message: `${id} is already the logical ID of ${owner}${role2 ? ` (${role2})` : ''} in this template.`, hint: 'choose an ID no other resource or parameter of the template has', path: at });
      continue;
    }
    claimed.set(id, role);
    if (id !== from) renames.set(from, id);
  }
  return renames.size ? renameLogicalIds(template, renames) : template;
}

/** The template with resources renamed (`from` → `to`) everywhere they are named. */
export function renameLogicalIds(template: JsonObject, renames: ReadonlyMap<string, string>): JsonObject {
  const rn = (id: string) => renames.get(id) ?? id;
  const out: JsonObject = {};
  for (const [section, body] of Object.entries(template)) {
    if (section !== 'Resources' || body === null || typeof body !== 'object' || Array.isArray(body)) {
      out[section] = renameIn(body, renames);
      continue;
    }
    const resources: JsonObject = {};
    for (const [id, r] of Object.entries(body)) {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) {
        resources[rn(id)] = r;
        continue;
      }
      const res: JsonObject = {};
      for (const [k, x] of Object.entries(r)) {
        res[k] = k === 'DependsOn' ? (typeof x === 'string' ? rn(x) : Array.isArray(x) ? x.map((d) => (typeof d === 'string' ? rn(d) : d)) : x) : renameIn(x, renames);
      }
      resources[rn(id)] = res;
    }
    out[section] = resources;
  }
  return out;
}

/** Ref, Fn::GetAtt and Fn::Sub names inside a value, renamed. */
function renameIn(v: Json, renames: ReadonlyMap<string, string>): Json {
  const rn = (id: string) => renames.get(id) ?? id;
  if (Array.isArray(v)) return v.map((x) => renameIn(x, renames));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1) {
    const fn = keys[0]!;
    const arg = v[fn]!;
    if (fn === 'Ref' && typeof arg === 'string') return { Ref: rn(arg) };
    if (fn === 'Fn::GetAtt') {
      if (typeof arg === 'string') {
        const dot = arg.indexOf('.');
        return { 'Fn::GetAtt': dot > 0 ? `${rn(arg.slice(0, dot))}${arg.slice(dot)}` : rn(arg) };
      }
      if (Array.isArray(arg) && typeof arg[0] === 'string') return { 'Fn::GetAtt': [rn(arg[0]), ...arg.slice(1).map((x) => renameIn(x, renames))] };
    }
    if (fn === 'Fn::Sub') {
      const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      if (typeof text === 'string') {
        const local = vars !== null && typeof vars === 'object' && !Array.isArray(vars) ? new Set(Object.keys(vars)) : new Set<string>();
        const out = text.replace(/\$\{([^!}][^}]*)\}/g, (whole, name: string) => {
          const dot = name.indexOf('.');
          const base = dot > 0 ? name.slice(0, dot) : name;
          return local.has(name) || local.has(base) || !renames.has(base) ? whole : `\${${rn(base)}${dot > 0 ? name.slice(dot) : ''}}`;
        });
        return Array.isArray(arg) ? { 'Fn::Sub': [out, renameIn(vars ?? null, renames)] } : { 'Fn::Sub': out };
      }
    }
  }
  const out: JsonObject = {};
  for (const k of keys) out[k] = renameIn(v[k]!, renames);
  return out;
}
