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

/** A CloudFormation logical ID (alphanumeric) from free text: `my-app.api` → `MyAppApi`. */
export function logicalId(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

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
