/**
 * Deploy-time values after emission. Model strings that use a parameter carry tokens
 * (model/parameter-token.ts); emitters copy them like any string. Here, per artifact:
 * - CloudFormation templates: a value that is one token becomes `{Ref: Name}`, a string with
 *   tokens becomes `Fn::Sub` (its other `${` escaped as `${!`), a token inside an `Fn::Sub` text
 *   becomes `${Name}`; the template then declares every spec parameter it references, with the
 *   constraints the spec gives. A spec parameter whose name the template already uses is an error.
 * - Every other artifact (ECS task definition JSON, Kubernetes, Copilot, plugins) holds literals:
 *   a token becomes the parameter's default (an info diagnostic names the target), and a pseudo
 *   parameter or a parameter without a default is an error naming the target.
 * Returns new documents; the emitters' objects are not changed.
 */
import type { DiagnosticInput, SpecPath } from '../../core/diagnostics.js';
import type { Artifact, Json, JsonObject } from '../../core/serialize.js';
import { hasToken, isPseudoParameter, replaceTokens, soleToken, tokenNames } from '../../model/parameter-token.js';
import type { ParameterModel, ParametersModel } from '../../model/types.js';

type Report = (d: DiagnosticInput & { path: SpecPath }) => void;

/** The `Parameters` entry of a declared parameter (values as strings, as CloudFormation reads them). */
export function parameterEntry(p: ParameterModel): JsonObject {
  const out: JsonObject = { Type: p.type };
  if (p.description !== undefined) out.Description = p.description;
  if (p.default !== undefined) out.Default = String(p.default);
  if (p.allowedValues) out.AllowedValues = p.allowedValues.map(String);
  if (p.allowedPattern !== undefined) out.AllowedPattern = p.allowedPattern;
  if (p.minLength !== undefined) out.MinLength = p.minLength;
  if (p.maxLength !== undefined) out.MaxLength = p.maxLength;
  if (p.minValue !== undefined) out.MinValue = p.minValue;
  if (p.maxValue !== undefined) out.MaxValue = p.maxValue;
  if (p.constraintDescription !== undefined) out.ConstraintDescription = p.constraintDescription;
  return out;
}

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** CloudFormation form of a value: tokens → Ref / Fn::Sub. */
function toIntrinsics(v: Json): Json {
  if (typeof v === 'string') {
    if (!hasToken(v)) return v;
    const sole = soleToken(v);
    if (sole !== undefined) return { Ref: sole };
    return { 'Fn::Sub': replaceTokens(v.replace(/\$\{/g, '${!'), (n) => `\${${n}}`) };
  }
  if (Array.isArray(v)) return v.map(toIntrinsics);
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const arg = v['Fn::Sub']!;
    const text = (t: Json): Json => (typeof t === 'string' ? replaceTokens(t, (n) => `\${${n}}`) : t);
    return { 'Fn::Sub': Array.isArray(arg) ? [text(arg[0]!), ...arg.slice(1).map(toIntrinsics)] : text(arg) };
  }
  const out: JsonObject = {};
  for (const k of keys) out[k] = toIntrinsics(v[k]!);
  return out;
}

/** Names a template references: `Ref` targets and `Fn::Sub` variables. */
function referencedNames(v: Json, into: Set<string>): void {
  if (Array.isArray(v)) return v.forEach((x) => referencedNames(x, into));
  if (!isObject(v)) return;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'Ref' && typeof v.Ref === 'string') into.add(v.Ref);
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const arg = v['Fn::Sub']!;
    const text = Array.isArray(arg) ? arg[0] : arg;
    const local = Array.isArray(arg) && isObject(arg[1]) ? new Set(Object.keys(arg[1])) : new Set<string>();
    if (typeof text === 'string') for (const m of text.matchAll(/\$\{([^!}][^}]*)\}/g)) if (!local.has(m[1]!)) into.add(m[1]!);
  }
  for (const k of keys) referencedNames(v[k]!, into);
}

/** Token names anywhere in a value (keys included). */
function usedTokens(v: Json, into: Set<string>): void {
  if (typeof v === 'string') {
    if (hasToken(v)) for (const n of tokenNames(v)) into.add(n);
  } else if (Array.isArray(v)) v.forEach((x) => usedTokens(x, into));
  else if (isObject(v)) for (const k of Object.keys(v)) usedTokens(v[k]!, into);
}

function cloudformation(a: Artifact, params: ParametersModel, where: (name: string) => SpecPath, report: Report): Artifact {
  const declared = new Map(params.declared.map((p) => [p.name, p]));
  const documents = (a.documents ?? []).map((doc) => {
    const tokens = new Set<string>();
    usedTokens(doc, tokens);
    const out = toIntrinsics(doc) as JsonObject;
    const own = new Set([...Object.keys(isObject(doc.Parameters) ? doc.Parameters : {}), ...Object.keys(isObject(doc.Resources) ? doc.Resources : {})]);
    for (const name of tokens) {
      if (own.has(name)) {
        report({ code: 'PARAMETER_NAME_TAKEN', severity: 'error', message: `${a.path} already declares ${name} itself; give the spec parameter another name.`, path: where(name) });
      }
    }
    // Spec parameters the template references (through a token or an env `ref.cloudformation`).
    const referenced = new Set<string>();
    referencedNames(out, referenced);
    const add = [...referenced].filter((n) => declared.has(n) && !own.has(n)).sort();
    if (add.length) {
      const parameters: JsonObject = { ...(isObject(out.Parameters) ? out.Parameters : {}) };
      for (const n of add) parameters[n] = parameterEntry(declared.get(n)!);
      out.Parameters = parameters;
    }
    return out;
  });
  return { ...a, documents };
}

/** What a target without parameters is called in a diagnostic. */
function targetLabel(a: Artifact): string {
  // Artifact paths start with the service folder; the message names the file as the target writes it.
  if (a.kind === 'ecs-task-definition') return a.path.slice(a.path.indexOf('/') + 1);
  if (a.kind === 'kubernetes' || a.kind === 'kustomization') return 'Kubernetes';
  if (a.kind === 'copilot-manifest') return 'Copilot';
  return `${a.emitter} (${a.path})`;
}

function hintFor(a: Artifact): string {
  if (a.kind === 'ecs-task-definition') return 'give the parameter a default, or set targets.ecs.taskDefinitionJson: false to deploy through the CloudFormation template only';
  const t = a.kind === 'copilot-manifest' ? 'copilot' : a.kind === 'kubernetes' || a.kind === 'kustomization' ? 'kubernetes' : undefined;
  return t ? `override the field under targets.${t} with a literal, or use a parameter with a default` : 'use a parameter with a default';
}

export function resolveParameterTokens(artifacts: Artifact[], params: ParametersModel | undefined, report: Report): Artifact[] {
  // Parameters referenced only from `ref.cloudformation` strings still need their declarations.
  if (!params || (params.uses.length === 0 && params.declared.length === 0)) return artifacts;
  const uses = new Map(params.uses.map((u) => [u.name, u.path]));
  const declared = new Map(params.declared.map((p) => [p.name, p]));
  const where = (name: string): SpecPath => uses.get(name) ?? declared.get(name)?.path ?? [];
  const told = new Set<string>();
  return artifacts.map((a) => {
    if (a.kind === 'cloudformation') return cloudformation(a, params, where, report);
    const label = targetLabel(a);
    const literal = (name: string): string => {
      const p = declared.get(name);
      const key = `${label}\u0000${name}`;
      // The default of an SSM-typed parameter is the SSM parameter's name; its value exists only at deploy time.
      const ssm = p?.type.startsWith('AWS::SSM::Parameter::Value<') === true;
      if (p?.default !== undefined && !ssm) {
        if (!told.has(key)) {
          told.add(key);
          const how = a.kind === 'ecs-task-definition' ? 'holds literals' : 'has no deploy-time parameters';
          report({ code: 'PARAMETER_DEFAULT_USED', severity: 'info', message: `${label} ${how}: \${${name}} takes its default ${JSON.stringify(String(p.default))} there.`, path: where(name) });
        }
        return String(p.default);
      }
      if (!told.has(key)) {
        told.add(key);
        const why = isPseudoParameter(name)
          ? `only CloudFormation knows \${${name}} at deploy time`
          : ssm
            ? `parameter ${name} (${p!.type}) names an SSM parameter, whose value only CloudFormation reads at deploy time`
            : `parameter ${name} has no default`;
        report({ code: 'PARAMETER_NO_VALUE', severity: 'error', message: `${label} needs a literal value here: ${why}.`, hint: hintFor(a), path: where(name) });
      }
      return `\${${name}}`;
    };
    if (a.text !== undefined && hasToken(a.text)) {
      // Text (runbooks): the default where there is one, else the `${Name}` a reader recognises.
      return { ...a, text: replaceTokens(a.text, (n) => (declared.get(n)?.default !== undefined ? String(declared.get(n)!.default) : `\${${n}}`)) };
    }
    if (!a.documents) return a;
    const tokens = new Set<string>();
    for (const d of a.documents) usedTokens(d, tokens);
    if (tokens.size === 0) return a;
    const swap = (v: Json): Json => {
      if (typeof v === 'string') return hasToken(v) ? replaceTokens(v, literal) : v;
      if (Array.isArray(v)) return v.map(swap);
      if (!isObject(v)) return v;
      const out: JsonObject = {};
      for (const k of Object.keys(v)) out[k] = swap(v[k]!);
      return out;
    };
    return { ...a, documents: a.documents.map((d) => swap(d) as JsonObject) };
  });
}
