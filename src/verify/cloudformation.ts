/**
 * CloudFormation templates: the template sections against cfn-lint's section schemas, each
 * resource's Properties against its registry resource schema (with cfn-lint's extra keywords),
 * read-only properties refused, and reference integrity (see cfn-references.ts). A value given by
 * an intrinsic function is not type-checked; numbers and booleans written as strings are
 * accepted, as CloudFormation does. A resource type without a bundled schema is reported as info.
 */
import { checkHooks, hasBlueGreenTransform } from './cfn-hook.js';
import { checkReferences } from './cfn-references.js';
import { isIntrinsic, maybeNoValue } from './cfn-intrinsics.js';
import { cfnChecks } from './cfn-checks.generated.js';
import { sectionAsChecked, sectionFile, type CfnSection } from './cfn-resource-data.js';
import { readOnlyPathsOf, resourceSchema } from './cfn-schemas.js';
import { runCheck, useCompiled } from './compiled-check.js';
import { evaluate, type EvalOptions, type Schema as JsonSchema, type Violation } from './json-schema.js';
import { isObject, type Pointer, type Reporter } from './report.js';
import { readData, schemasOverridden } from './vendor.js';

type Schema = Record<string, unknown>;

const sections = new Map<CfnSection, JsonSchema>();

function sectionSchema(name: CfnSection): JsonSchema {
  let s = sections.get(name);
  if (!s) sections.set(name, (s = sectionAsChecked(name, readData<Schema>(sectionFile(name)))));
  return s;
}

/**
 * The violations of a template section: from its compiled check (cfn-checks.generated.ts; no file
 * read) for a process's first COMPILED_USES templates, then from evaluating the schema (that of
 * another folder once setSchemasRoot() named one).
 */
function sectionViolations(name: CfnSection, data: unknown): Violation[] {
  if (!schemasOverridden() && useCompiled(`cfn section ${name}`)) return runCheck(cfnChecks().sections[name], data);
  return evaluate(sectionSchema(name), data);
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let cur = value;
  for (const seg of path) cur = isObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[seg as string] : undefined;
  return cur;
}

/** Whether the value at `path` in `data`, or a value on the way to it, is an intrinsic function call. */
function underIntrinsic(data: unknown, path: readonly (string | number)[]): boolean {
  let cur = data;
  for (let i = 0; ; i++) {
    if (isIntrinsic(cur)) return true;
    if (i === path.length || !(isObject(cur) || Array.isArray(cur))) return false;
    cur = (cur as Record<string, unknown>)[path[i] as string];
  }
}

/** Whether an intrinsic function call sits anywhere below `value` (not at it). */
function intrinsicBelow(value: unknown): boolean {
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  return items.some((x) => isIntrinsic(x) || intrinsicBelow(x));
}

/** CloudFormation converts scalars: "8080" is a fine integer, 80 a fine string. */
function coercible(v: Violation, value: unknown): boolean {
  if (v.keyword === 'type') {
    const want = String(v.params.type).split(',');
    if (typeof value === 'string') {
      if ((want.includes('integer') && /^-?[0-9]+$/.test(value)) || (want.includes('number') && value.trim() !== '' && Number.isFinite(Number(value)))) return true;
      if (want.includes('boolean') && /^(true|false)$/i.test(value)) return true;
    }
    if ((typeof value === 'number' || typeof value === 'boolean') && want.includes('string')) return true;
  }
  if (v.keyword === 'enum' && (typeof value === 'number' || typeof value === 'boolean')) {
    return (v.params.allowedValues as unknown[]).some((a) => a === String(value));
  }
  return false;
}

/**
 * How resource properties are evaluated: a property that Fn::If may leave out counts as absent for
 * the exclusive-field keywords, and an intrinsic function call is not walked at all (judged() drops
 * whatever would be found at or below one, so nothing is made for it).
 */
export const PROPERTIES: EvalOptions = { maybeUnset: maybeNoValue, opaque: isIntrinsic };

/**
 * Whether a violation found in a resource's properties stands: a value an intrinsic function gives,
 * or a choice of forms with one somewhere below, is not judged, and scalars CloudFormation converts
 * are accepted.
 */
export function judged(data: unknown, v: Violation): boolean {
  if (underIntrinsic(data, v.path)) return false;
  const value = at(data, v.path);
  return !(((v.keyword === 'oneOf' || v.keyword === 'anyOf') && intrinsicBelow(value)) || coercible(v, value));
}

/**
 * The violations of a resource's properties and the schema's read-only property paths: from the
 * compiled check of the bundled schema (cfn-checks.generated.ts; no file read) for a process's
 * first COMPILED_USES resources of the type, then from evaluating the schema; once
 * setSchemasRoot() has named another folder, from evaluating that folder's schema. Undefined when
 * no schema is bundled for the type.
 */
function propertyViolations(type: string, data: unknown): { found: Violation[]; readOnly: readonly (readonly string[])[] } | undefined {
  if (!schemasOverridden()) {
    const checks = cfnChecks().resources;
    const compiled = Object.hasOwn(checks, type) ? checks[type] : undefined;
    if (compiled && useCompiled(`cfn ${type}`)) return { found: runCheck(compiled[1], data, PROPERTIES), readOnly: compiled[2] };
  }
  const schema = resourceSchema(type);
  return schema ? { found: evaluate(schema, data, PROPERTIES), readOnly: readOnlyPaths(schema) } : undefined;
}

function checkProperties(type: string, name: string, props: unknown, r: Reporter): void {
  const data = props ?? {};
  const result = propertyViolations(type, data);
  if (!result) {
    if (!/^(Custom::|AWS::CloudFormation::CustomResource$)/.test(type)) {
      r.add('VERIFY_CFN_UNKNOWN_TYPE', ['Resources', name, 'Type'], `no schema is bundled for ${type}, so its properties were not checked`, 'info');
    }
    return;
  }
  const base: Pointer = ['Resources', name, 'Properties'];
  for (const v of result.found) {
    if (judged(data, v)) r.add('VERIFY_CFN_SCHEMA', [...base, ...v.path], `${v.message} (${type})`);
  }
  for (const segs of result.readOnly) {
    if (at(data, segs) !== undefined) r.add('VERIFY_CFN_SCHEMA', [...base, ...segs], `${segs.join('.')} is read-only in ${type} and cannot be set`);
  }
}

const readOnly = new WeakMap<object, string[][]>();

/** readOnlyPathsOf(schema), worked out once per schema. */
function readOnlyPaths(schema: Schema): string[][] {
  let paths = readOnly.get(schema);
  if (paths === undefined) readOnly.set(schema, (paths = readOnlyPathsOf(schema)));
  return paths;
}

export function verifyCloudFormation(doc: Record<string, unknown>, r: Reporter): void {
  // The sections convert scalars as resource properties do (cfn-lint agrees): `Default: 8080` on
  // a String or Number parameter, `AllowedValues: [80, 443]`, `MinValue: "1"`.
  const report = (code: string, prefix: Pointer, vs: Violation[], data: unknown = doc) => {
    for (const v of vs) if (!coercible(v, at(data, v.path))) r.add(code, [...prefix, ...v.path], v.message);
  };
  // cfn-lint's template section has no Hooks; the blue/green hook is checked on its own (cfn-hook.ts).
  const { Hooks: hooks, ...sectioned } = doc;
  report('VERIFY_CFN_SCHEMA', [], sectionViolations('template', hooks !== undefined && hasBlueGreenTransform(doc) ? sectioned : doc));
  checkHooks(doc, r);
  if (isObject(doc.Parameters)) report('VERIFY_CFN_SCHEMA', ['Parameters'], sectionViolations('parameters', doc.Parameters), doc.Parameters);
  if (isObject(doc.Outputs)) report('VERIFY_CFN_SCHEMA', ['Outputs'], sectionViolations('outputs', doc.Outputs), doc.Outputs);
  if (!isObject(doc.Resources)) return;
  report('VERIFY_CFN_SCHEMA', ['Resources'], sectionViolations('resources', doc.Resources), doc.Resources);
  for (const [name, res] of Object.entries(doc.Resources)) {
    if (isObject(res) && typeof res.Type === 'string') checkProperties(res.Type, name, res.Properties, r);
  }
  checkReferences(doc, r);
}
