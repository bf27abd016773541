/**
 * Reference integrity of a CloudFormation template: every Ref, Fn::GetAtt, Fn::Sub `${Name}`,
 * DependsOn, Condition, Fn::If and Fn::FindInMap names something the template (or CloudFormation,
 * for pseudo-parameters) defines. A GetAtt attribute must be a read-only or top-level property of
 * the type when its schema is bundled.
 */
import { PSEUDO_PARAMETERS, subVariables } from './cfn-intrinsics.js';
import { resourceSchema } from './cfn-schemas.js';
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

  const getAtt = (resource: string, attribute: string, path: Pointer) => {
    if (!resourceNames.has(resource)) {
      r.add(CODE, path, `Fn::GetAtt names the resource "${resource}", which the template does not define`);
      return;
    }
    const type = (resources[resource] as Record<string, unknown> | undefined)?.Type;
    const schema = typeof type === 'string' ? resourceSchema(type) : null;
    if (!schema || attribute === '') return;
    const readOnly = ((schema.readOnlyProperties as string[] | undefined) ?? []).map((p) => p.split('/').slice(2).join('.'));
    const top = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
    if (!readOnly.includes(attribute) && !top.includes(attribute.split('.')[0]!)) {
      r.add(CODE, path, `${type} has no attribute "${attribute}" for Fn::GetAtt`, 'error', readOnly.length ? `attributes: ${readOnly.join(', ')}` : undefined);
    }
  };

  const walk = (v: unknown, path: Pointer, inConditions: boolean): void => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], inConditions));
    if (!isObject(v)) return;
    const entries = Object.entries(v);
    if (entries.length === 1) {
      const [fn, arg] = entries[0]!;
      const here = [...path, fn];
      if (fn === 'Ref') {
        if (typeof arg !== 'string') r.add(CODE, here, `Ref takes a name, not ${show(arg)}`);
        else if (!refable(arg)) r.add(CODE, here, `Ref names "${arg}", which is not a parameter, resource or pseudo-parameter of the template`);
        else if (inConditions && resourceNames.has(arg)) r.add(CODE, here, `a condition cannot Ref the resource "${arg}"`);
        return;
      }
      if (fn === 'Fn::GetAtt') {
        if (typeof arg === 'string' && arg.includes('.')) {
          const dot = arg.indexOf('.');
          getAtt(arg.slice(0, dot), arg.slice(dot + 1), here);
        } else if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') {
          if (typeof arg[1] === 'string') getAtt(arg[0], arg[1], here);
          else if (!resourceNames.has(arg[0])) getAtt(arg[0], '', here);
          walk(arg[1], [...here, 1], inConditions);
        } else r.add(CODE, here, `Fn::GetAtt takes [resource, attribute], not ${show(arg)}`);
        return;
      }
      if (fn === 'Fn::Sub') {
        const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
        if (typeof text !== 'string') {
          r.add(CODE, here, `Fn::Sub takes a string or [string, variables], not ${show(arg)}`);
          return;
        }
        const local = keys(vars);
        for (const name of subVariables(text)) {
          const dot = name.indexOf('.');
          if (local.has(name) || refable(name)) continue;
          if (dot > 0 && !PSEUDO_PARAMETERS.has(name.slice(0, dot))) getAtt(name.slice(0, dot), name.slice(dot + 1), here);
          else r.add(CODE, here, `Fn::Sub uses \${${name}}, which is not a parameter, resource, pseudo-parameter or variable of the template`);
        }
        if (vars !== undefined) walk(vars, [...here, 1], inConditions);
        return;
      }
      if (fn === 'Fn::If' || (fn === 'Condition' && inConditions)) {
        const name = fn === 'Fn::If' ? (Array.isArray(arg) ? arg[0] : undefined) : arg;
        if (typeof name !== 'string' || !conditions.has(name)) r.add(CODE, here, `${fn} names the condition ${show(name)}, which the template does not define`);
        if (fn === 'Fn::If' && Array.isArray(arg)) arg.slice(1).forEach((x, i) => walk(x, [...here, i + 1], inConditions));
        return;
      }
      if (fn === 'Fn::FindInMap' && Array.isArray(arg) && typeof arg[0] === 'string' && !mappings.has(arg[0])) {
        r.add(CODE, here, `Fn::FindInMap names the mapping "${arg[0]}", which the template does not define`);
      }
    }
    for (const [k, x] of entries) walk(x, [...path, k], inConditions);
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
    for (const section of ['Properties', 'Metadata', 'UpdatePolicy', 'CreationPolicy']) if (section in res) walk(res[section], [...base, section], false);
  }
  if (isObject(doc.Outputs)) {
    for (const [name, out] of Object.entries(doc.Outputs)) {
      if (isObject(out) && out.Condition !== undefined && (typeof out.Condition !== 'string' || !conditions.has(out.Condition))) {
        r.add(CODE, ['Outputs', name, 'Condition'], `names the condition ${show(out.Condition)}, which the template does not define`);
      }
      walk(out, ['Outputs', name], false);
    }
  }
  if (isObject(doc.Conditions)) walk(doc.Conditions, ['Conditions'], true);
}
