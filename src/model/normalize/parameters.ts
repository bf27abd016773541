/**
 * Deploy-time values: the `parameters` a spec declares (CloudFormation parameters) and where it
 * uses them. A string field listed in PARAMETER_FIELDS may contain `${Name}` (a declared
 * parameter or a pseudo parameter such as `${AWS::Region}`; `${!Name}` is a literal `${Name}`, as
 * in `Fn::Sub`); replicas, autoscaling bounds and env values may be `{ param: Name }`. Each use is
 * checked here (unknown names are errors that list the valid ones) and replaced in a copy of the
 * spec: strings get a token (model/parameter-token.ts), numbers the parameter's default.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../../schema/spec.generated.js';
import { hasToken, isPseudoParameter, PSEUDO_PARAMETERS, token } from '../parameter-token.js';
import type { ParameterModel, ParametersModel, TargetName } from '../types.js';
import type { Report } from './common.js';

/** Spec paths (of the resolved view) of the string fields that take `${Name}`; `*` is any map key or list index. */
export const PARAMETER_FIELDS: readonly (readonly string[])[] = [
  ['image'],
  ['containerName'],
  ['sidecars', '*', 'image'],
  ['region'],
  ['logging', 'group'],
  ['logging', 'region'],
  ['logging', 'streamPrefix'],
  ['secrets', '*', 'aws', 'secretsManager'],
  ['secrets', '*', 'aws', 'ssm'],
  ['sidecars', '*', 'secrets', '*', 'aws', 'secretsManager'],
  ['sidecars', '*', 'secrets', '*', 'aws', 'ssm'],
  ['targets', 'ecs', 'executionRoleArn'],
  ['targets', 'ecs', 'taskRoleArn'],
  ['targets', 'ecs', 'family'],
  ['targets', 'ecs', 'service', 'name'],
  ['targets', 'ecs', 'service', 'listenerArn'],
  ['targets', 'ecs', 'service', 'testListenerArn'],
  ['targets', 'ecs', 'service', 'loadBalancerRoleArn'],
  ['targets', 'ecs', 'service', 'autoscalingRoleArn'],
  ['targets', 'ecs', 'service', 'subnets', '*'],
  ['targets', 'ecs', 'service', 'securityGroups', '*'],
  ['targets', 'ecs', 'service', 'pathPatterns', '*'],
  ['targets', 'ecs', 'codeDeploy', 'serviceRoleArn'],
  ['targets', 'appmesh', 'meshName'],
  ['targets', 'appmesh', 'envoyImage'],
  ['targets', 'appmesh', 'serviceDiscovery', 'cloudMap', 'namespace'],
  ['targets', 'appmesh', 'serviceDiscovery', 'dns', 'hostname'],
  ['targets', 'appmesh', 'virtualServiceName'],
  ['targets', 'appmesh', 'versions', '*', 'serviceDiscovery', 'cloudMap', 'namespace'],
  ['targets', 'appmesh', 'versions', '*', 'serviceDiscovery', 'dns', 'hostname'],
];

/** Number fields that take `{ param: Name }` (a Number parameter with a default). */
const NUMBER_FIELDS = [
  { path: ['replicas'], key: 'replicas' },
  { path: ['autoscaling', 'min'], key: 'autoscalingMin' },
  { path: ['autoscaling', 'max'], key: 'autoscalingMax' },
] as const;

/** Types whose value is a list: `Fn::Sub` cannot put them in a string. */
const LIST_TYPES = /^(CommaDelimitedList|List<.*>)$/;

type Declared = NonNullable<ServiceSpec['parameters']>[string];
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** `{ param: Name }` as written (the schema allows no other key). */
export function paramOf(v: unknown): string | undefined {
  return isObject(v) && typeof v.param === 'string' ? v.param : undefined;
}

/** A number field's value: the number, or the default of the Number parameter it names (for rules). */
export function numberValue(spec: Pick<ServiceSpec, 'parameters'>, v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const name = paramOf(v);
  const d = name !== undefined && spec.parameters && Object.hasOwn(spec.parameters, name) ? spec.parameters[name]!.default : undefined;
  return typeof d === 'number' ? d : typeof d === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(d) ? Number(d) : undefined;
}

/**
 * A string field as it deploys by default: each `${Name}` of a declared parameter replaced by its
 * default (for rules that judge the value, such as the image tag). Others stay as written.
 */
export function withDefaults(spec: Pick<ServiceSpec, 'parameters'>, text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{([A-Za-z0-9]+)\}/g, (whole, name: string) => {
    const d = spec.parameters && Object.hasOwn(spec.parameters, name) ? spec.parameters[name]!.default : undefined;
    return d === undefined ? whole : String(d);
  });
}

/** What is wrong with `value` for parameter `p` (type and constraints), or undefined. */
export function parameterValueProblem(p: Pick<ParameterModel, 'type' | 'allowedValues' | 'allowedPattern' | 'minLength' | 'maxLength' | 'minValue' | 'maxValue'>, value: string | number): string | undefined {
  const text = String(value);
  if (p.type === 'Number' && !/^-?[0-9]+(\.[0-9]+)?$/.test(text)) return `${JSON.stringify(text)} is not a number`;
  if (p.type === 'List<Number>' && !text.split(',').every((x) => /^-?[0-9]+(\.[0-9]+)?$/.test(x.trim()))) return `${JSON.stringify(text)} is not a comma-separated list of numbers`;
  if (p.allowedValues && !p.allowedValues.some((a) => String(a) === text)) return `${JSON.stringify(text)} is not one of the allowed values ${p.allowedValues.map((a) => JSON.stringify(String(a))).join(', ')}`;
  if (p.allowedPattern !== undefined) {
    let re: RegExp | undefined;
    try {
      // CloudFormation matches the whole value (Java regular expressions; the common subset is checked here).
      re = new RegExp(`^(?:${p.allowedPattern})$`, 'u');
    } catch {
      re = undefined;
    }
    if (re && !re.test(text)) return `${JSON.stringify(text)} does not match the allowed pattern ${p.allowedPattern}`;
  }
  if (p.minLength !== undefined && text.length < p.minLength) return `${JSON.stringify(text)} is shorter than ${p.minLength} characters`;
  if (p.maxLength !== undefined && text.length > p.maxLength) return `${JSON.stringify(text)} is longer than ${p.maxLength} characters`;
  if (p.type === 'Number' && p.minValue !== undefined && Number(text) < p.minValue) return `${text} is less than ${p.minValue}`;
  if (p.type === 'Number' && p.maxValue !== undefined && Number(text) > p.maxValue) return `${text} is greater than ${p.maxValue}`;
  return undefined;
}

/** Declared parameters, checked: constraints that fit the type, a default that meets them. */
export function declaredParameters(spec: ServiceSpec, rep: Report): ParameterModel[] {
  const out: ParameterModel[] = [];
  for (const name of Object.keys(spec.parameters ?? {}).sort()) {
    const d: Declared = spec.parameters![name]!;
    const path = ['parameters', name];
    const p: ParameterModel = { name, type: d.type ?? 'String', path };
    if (d.description !== undefined) p.description = d.description;
    if (d.default !== undefined) p.default = d.default;
    if (d.allowedValues !== undefined) p.allowedValues = [...d.allowedValues];
    if (d.allowedPattern !== undefined) p.allowedPattern = d.allowedPattern;
    if (d.minLength !== undefined) p.minLength = d.minLength;
    if (d.maxLength !== undefined) p.maxLength = d.maxLength;
    if (d.minValue !== undefined) p.minValue = d.minValue;
    if (d.maxValue !== undefined) p.maxValue = d.maxValue;
    if (d.constraintDescription !== undefined) p.constraintDescription = d.constraintDescription;
    const stringOnly = (['allowedPattern', 'minLength', 'maxLength'] as const).filter((k) => d[k] !== undefined);
    if (stringOnly.length && p.type !== 'String') {
      rep({ code: 'PARAMETER_CONSTRAINT_TYPE', severity: 'error', message: `${stringOnly[0]} applies to String parameters only; ${name} is ${p.type}.`, path: [...path, stringOnly[0]!] });
    }
    const numberOnly = (['minValue', 'maxValue'] as const).filter((k) => d[k] !== undefined);
    if (numberOnly.length && p.type !== 'Number') {
      rep({ code: 'PARAMETER_CONSTRAINT_TYPE', severity: 'error', message: `${numberOnly[0]} applies to Number parameters only; ${name} is ${p.type}.`, path: [...path, numberOnly[0]!] });
    }
    if (p.allowedPattern !== undefined && !compiles(p.allowedPattern)) {
      rep({ code: 'PARAMETER_PATTERN_INVALID', severity: 'error', message: `allowedPattern of ${name} is not a regular expression.`, path: [...path, 'allowedPattern'] });
    }
    for (const [i, a] of (p.allowedValues ?? []).entries()) {
      const problem = parameterValueProblem({ ...p, allowedValues: undefined }, a);
      if (problem) rep({ code: 'PARAMETER_DEFAULT_INVALID', severity: 'error', message: `Allowed value of ${name}: ${problem}.`, path: [...path, 'allowedValues', i] });
    }
    if (p.default !== undefined) {
      const problem = parameterValueProblem(p, p.default);
      if (problem) rep({ code: 'PARAMETER_DEFAULT_INVALID', severity: 'error', message: `Default of ${name}: ${problem}.`, path: [...path, 'default'] });
    }
    out.push(p);
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function validNames(declared: readonly ParameterModel[]): string {
  const names = [...declared.map((p) => p.name), ...PSEUDO_PARAMETERS];
  return names.join(', ');
}

/**
 * The spec with every parameter use replaced (strings → tokens, numbers → defaults), and what it
 * uses. Targets without parameters (`target` other than the CloudFormation ones) are told which
 * number fields take a default; string tokens are resolved after emission, per artifact.
 */
export function resolveParameters(spec: ServiceSpec, target: TargetName, rep: Report): { spec: ServiceSpec; parameters: ParametersModel } {
  const declared = declaredParameters(spec, rep);
  const byName = new Map(declared.map((p) => [p.name, p]));
  const parameters: ParametersModel = { declared, uses: [], numbers: {} };
  const used = new Set<string>();
  const use = (name: string, path: SpecPath) => {
    if (used.has(name)) return;
    used.add(name);
    parameters.uses.push({ name, path });
  };
  const known = (name: string, path: SpecPath): boolean => {
    if (byName.has(name) || isPseudoParameter(name)) return true;
    rep({ code: 'PARAMETER_UNKNOWN', severity: 'error', message: `No parameter "${name}": declare it under parameters, or use one of ${validNames(declared)}.`, path });
    return false;
  };
  const notList = (name: string, path: SpecPath): boolean => {
    const p = byName.get(name);
    if (!p || !LIST_TYPES.test(p.type)) return true;
    rep({ code: 'PARAMETER_TYPE_MISMATCH', severity: 'error', message: `${name} is a ${p.type} parameter, which cannot stand in a string value.`, path });
    return false;
  };

  let copy: Record<string, unknown> = spec as unknown as Record<string, unknown>;
  /** Copy-on-write set at `path` (the containers on the way are copied once). */
  const set = (path: readonly (string | number)[], value: unknown) => {
    copy = { ...copy };
    let node: Record<string, unknown> = copy;
    for (const k of path.slice(0, -1)) {
      const at = node[k];
      const next = (Array.isArray(at) ? [...at] : { ...(at as Record<string, unknown>) }) as Record<string, unknown>;
      node[k] = next;
      node = next;
    }
    node[path[path.length - 1]!] = value;
  };

  for (const pattern of PARAMETER_FIELDS) {
    eachMatch(spec, pattern, (at, value) => {
      if (typeof value !== 'string') return;
      if (hasToken(value)) {
        rep({ code: 'PARAMETER_RESERVED_CHARACTER', severity: 'error', message: 'This value contains a private-use character (U+E000 or U+E001) that codegen reserves.', path: [...at] });
        return;
      }
      if (!value.includes('${')) return;
      const path = [...at];
      const text = value.replace(/\$\{(!?)([^}]*)\}/g, (whole, bang: string, name: string) => {
        if (bang) return `\${${name}}`;
        // Copilot substitutes shell variables and its own (`${COPILOT_ENVIRONMENT_NAME}`) in its
        // manifest at deploy time: a name that is no parameter stays for Copilot to resolve.
        if (target === 'copilot' && !byName.has(name) && !isPseudoParameter(name)) return whole;
        if (!known(name, path) || !notList(name, path)) return whole;
        use(name, path);
        return token(name);
      });
      set(path, text);
    });
  }

  for (const f of NUMBER_FIELDS) {
    const v = get(spec, f.path);
    const name = paramOf(v);
    if (name === undefined) continue;
    const path = [...f.path];
    if (!known(name, path)) continue;
    const p = byName.get(name);
    if (!p) {
      rep({ code: 'PARAMETER_TYPE_MISMATCH', severity: 'error', message: `${path.join('.')} takes a Number parameter, not the pseudo parameter ${name}.`, path: [...path, 'param'] });
      continue;
    }
    if (p.type !== 'Number') {
      rep({ code: 'PARAMETER_TYPE_MISMATCH', severity: 'error', message: `${path.join('.')} takes a Number parameter; ${name} is ${p.type}.`, path: [...path, 'param'] });
      continue;
    }
    if (p.default === undefined) {
      rep({ code: 'PARAMETER_DEFAULT_REQUIRED', severity: 'error', message: `${name} needs a default to stand for ${path.join('.')}: codegen checks ranges against it, and targets without parameters take it.`, path: [...p.path] });
      continue;
    }
    use(name, path);
    parameters.numbers[f.key] = name;
    set(path, Number(p.default));
    if (target === 'kubernetes' || target === 'copilot') {
      rep({ code: 'PARAMETER_DEFAULT_USED', severity: 'info', message: `${target === 'kubernetes' ? 'Kubernetes' : 'Copilot'} has no deploy-time parameters: ${path.join('.')} takes the default ${p.default} of ${name}.`, path: [...path, 'param'] });
    }
  }

  const envParam = (at: readonly (string | number)[], value: Json) => {
    const name = paramOf(value);
    if (name === undefined) return;
    const path = [...at, 'param'];
    if (!known(name, path) || !notList(name, path)) return;
    use(name, path);
    set(at, token(name));
  };
  eachMatch(spec, ['env', '*'], envParam);
  eachMatch(spec, ['sidecars', '*', 'env', '*'], envParam);
  return { spec: copy as unknown as ServiceSpec, parameters };
}

function get(v: unknown, path: readonly (string | number)[]): unknown {
  let node = v;
  for (const k of path) {
    if (!isObject(node) || !Object.hasOwn(node, k)) return undefined;
    node = node[k];
  }
  return node;
}

/**
 * Calls `visit` with every (path, value) of `spec` that a pattern matches (`*`: any list index, or
 * any map key in sorted order), depth first, leaving out null and undefined values. `path` is one
 * stack for the whole walk (a path is made only where a caller keeps one): copy it to keep it.
 */
function eachMatch(v: unknown, pattern: readonly string[], visit: (path: readonly (string | number)[], value: Json) => void, at = 0, path: (string | number)[] = []): void {
  if (at === pattern.length) {
    if (v !== undefined && v !== null) visit(path, v as Json);
    return;
  }
  const k = pattern[at]!;
  if (k === '*' && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      eachMatch(v[i], pattern, visit, at + 1, path);
      path.pop();
    }
    return;
  }
  if (!isObject(v)) return;
  if (k === '*') {
    for (const key of Object.keys(v).sort()) {
      path.push(key);
      eachMatch(v[key], pattern, visit, at + 1, path);
      path.pop();
    }
  } else if (Object.hasOwn(v, k)) {
    path.push(k);
    eachMatch(v[k], pattern, visit, at + 1, path);
    path.pop();
  }
}
