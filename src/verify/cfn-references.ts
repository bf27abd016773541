/**
 * Reference integrity of a CloudFormation template: every Ref, Fn::GetAtt, Fn::Sub `${Name}`,
 * DependsOn, Condition, Fn::If and Fn::FindInMap names something the template (or CloudFormation,
 * for pseudo-parameters) defines. A GetAtt attribute must be a read-only or top-level property of
 * the type when its schema is bundled.
 */
import { PSEUDO_PARAMETERS, subVariables } from './cfn-intrinsics.js';
import { resourceAttributes } from './cfn-schemas.js';
import { isObject, show, type Pointer, type Reporter } from './report.js';

const CODE = 'VERIFY_CFN_REFERENCE';

function keys(v: unknown): Set<string> {
  return new Set(isObject(v) ? Object.keys(v) : []);
}

export function checkReferences(doc: Record<string, unknown>, r: Reporter): void {
  const parameters = keys(doc.Parameters);
  const resources = isObject(doc.Resources) ? (doc.Resources as Record<string, unknown>) : {};
  const resourceNames = new Set(Object.keys(resources));
  const conditions = keys(doc.Conditions);
  const mappings = keys(doc.Mappings);
  const refable = (n: string) => parameters.has(n) || resourceNames.has(n) || PSEUDO_PARAMETERS.has(n);

  // The walk keeps one path stack and copies it only for a report.
  const stack: (string | number)[] = [];
  const here = (): Pointer => stack.slice();

  const getAtt = (resource: string, attribute: string) => {
    if (!resourceNames.has(resource)) {
      r.add(CODE, here(), `Fn::GetAtt names the resource "${resource}", which the template does not define`);
      return;
    }
    const type = (resources[resource] as Record<string, unknown> | undefined)?.Type;
    const attributes = typeof type === 'string' ? resourceAttributes(type) : undefined;
    if (!attributes || attribute === '') return;
    const { readOnly, top } = attributes;
    if (!readOnly.includes(attribute) && !top.includes(attribute.split('.')[0]!)) {
      r.add(CODE, here(), `${type} has no attribute "${attribute}" for Fn::GetAtt`, 'error', readOnly.length ? `attributes: ${readOnly.join(', ')}` : undefined);
    }
  };
  const child = (v: unknown, key: string | number, inConditions: boolean): void => {
    stack.push(key);
    walk(v, inConditions);
    stack.pop();
  };

  const walk = (v: unknown, inConditions: boolean): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) child(v[i], i, inConditions);
      return;
    }
    if (!isObject(v)) return;
    const keysOf = Object.keys(v);
    if (keysOf.length === 1) {
      const fn = keysOf[0]!;
      const arg = v[fn];
      stack.push(fn);
      const done = intrinsic(fn, arg, inConditions);
      stack.pop();
      if (done) return;
    }
    for (const k of keysOf) child(v[k], k, inConditions);
  };

  /** Check the one-key object `{fn: arg}` at the path on the stack; true when its value needs no further walk. */
  const intrinsic = (fn: string, arg: unknown, inConditions: boolean): boolean => {
    if (fn === 'Ref') {
      if (typeof arg !== 'string') r.add(CODE, here(), `Ref takes a name, not ${show(arg)}`);
      else if (!refable(arg)) r.add(CODE, here(), `Ref names "${arg}", which is not a parameter, resource or pseudo-parameter of the template`);
      else if (inConditions && resourceNames.has(arg)) r.add(CODE, here(), `a condition cannot Ref the resource "${arg}"`);
      return true;
    }
    if (fn === 'Fn::GetAtt') {
      if (typeof arg === 'string' && arg.includes('.')) {
        const dot = arg.indexOf('.');
        getAtt(arg.slice(0, dot), arg.slice(dot + 1));
      } else if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') {
        if (typeof arg[1] === 'string') getAtt(arg[0], arg[1]);
        else if (!resourceNames.has(arg[0])) getAtt(arg[0], '');
        child(arg[1], 1, inConditions);
      } else r.add(CODE, here(), `Fn::GetAtt takes [resource, attribute], not ${show(arg)}`);
      return true;
    }
    if (fn === 'Fn::Sub') {
      const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      if (typeof text !== 'string') {
        r.add(CODE, here(), `Fn::Sub takes a string or [string, variables], not ${show(arg)}`);
        return true;
      }
      const local = keys(vars);
      for (const name of subVariables(text)) {
        const dot = name.indexOf('.');
        if (local.has(name) || refable(name)) continue;
        if (dot > 0 && !PSEUDO_PARAMETERS.has(name.slice(0, dot))) getAtt(name.slice(0, dot), name.slice(dot + 1));
        else r.add(CODE, here(), `Fn::Sub uses \${${name}}, which is not a parameter, resource, pseudo-parameter or variable of the template`);
      }
      if (vars !== undefined) child(vars, 1, inConditions);
      return true;
    }
    if (fn === 'Fn::If' || (fn === 'Condition' && inConditions)) {
      const name = fn === 'Fn::If' ? (Array.isArray(arg) ? arg[0] : undefined) : arg;
      if (typeof name !== 'string' || !conditions.has(name)) r.add(CODE, here(), `${fn} names the condition ${show(name)}, which the template does not define`);
      if (fn === 'Fn::If' && Array.isArray(arg)) for (let i = 1; i < arg.length; i++) child(arg[i], i, inConditions);
      return true;
    }
    if (fn === 'Fn::FindInMap' && Array.isArray(arg) && typeof arg[0] === 'string' && !mappings.has(arg[0])) {
      r.add(CODE, here(), `Fn::FindInMap names the mapping "${arg[0]}", which the template does not define`);
    }
    return false;
  };
  /** Walk `v` at the path `at`. */
  const walkAt = (v: unknown, at: (string | number)[], inConditions: boolean): void => {
    stack.length = 0;
    stack.push(...at);
    walk(v, inConditions);
  };

  for (const [name, res] of Object.entries(resources)) {
    if (!isObject(res)) continue;
    const base = ['Resources', name];
    const deps = typeof res.DependsOn === 'string' ? [res.DependsOn] : Array.isArray(res.DependsOn) ? res.DependsOn : [];
    deps.forEach((d, i) => {
      const p = Array.isArray(res.DependsOn) ? [...base, 'DependsOn', i] : [...base, 'DependsOn'];
      if (typeof d !== 'string' || !resourceNames.has(d)) r.add(CODE, p, `DependsOn names ${show(d)}, which is not a resource of the template`);
      else if (d === name) r.add(CODE, p, 'a resource cannot depend on itself');
    });
    if (res.Condition !== undefined && (typeof res.Condition !== 'string' || !conditions.has(res.Condition))) {
      r.add(CODE, [...base, 'Condition'], `names the condition ${show(res.Condition)}, which the template does not define`);
    }
    for (const section of ['Properties', 'Metadata', 'UpdatePolicy', 'CreationPolicy']) if (section in res) walkAt(res[section], [...base, section], false);
  }
  if (isObject(doc.Outputs)) {
    for (const [name, out] of Object.entries(doc.Outputs)) {
      if (isObject(out) && out.Condition !== undefined && (typeof out.Condition !== 'string' || !conditions.has(out.Condition))) {
        r.add(CODE, ['Outputs', name, 'Condition'], `names the condition ${show(out.Condition)}, which the template does not define`);
      }
      walkAt(out, ['Outputs', name], false);
    }
  }
  if (isObject(doc.Conditions)) walkAt(doc.Conditions, ['Conditions'], true);
}
