/**
 * Reading CloudFormation templates for the picture: resources by type, references between them
 * (`Ref`, `Fn::GetAtt`) and values from outside (a parameter, an export of another stack), said
 * the way a reader of the template would say them.
 */
import type { Json, JsonObject } from '../core/serialize.js';

export interface Resource {
  id: string;
  type: string;
  props: JsonObject;
}

export interface Template {
  resources: Resource[];
  parameters: Record<string, JsonObject>;
}

export const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);
export const asArray = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
export const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function isTemplate(doc: JsonObject): boolean {
  return isObject(doc.Resources);
}

export function readTemplate(doc: JsonObject): Template {
  const resources: Resource[] = [];
  const res = isObject(doc.Resources) ? doc.Resources : {};
  for (const [id, r] of Object.entries(res)) {
    if (!isObject(r) || typeof r.Type !== 'string') continue;
    resources.push({ id, type: r.Type, props: isObject(r.Properties) ? r.Properties : {} });
  }
  const parameters: Record<string, JsonObject> = {};
  if (isObject(doc.Parameters)) for (const [k, p] of Object.entries(doc.Parameters)) if (isObject(p)) parameters[k] = p;
  return { resources, parameters };
}

export const ofType = (t: Template, type: string): Resource[] => t.resources.filter((r) => r.type === type);

/** The resource a `Ref` or `Fn::GetAtt` points at, when it is one of the template's. */
export function refResource(t: Template, v: Json | undefined): Resource | undefined {
  if (!isObject(v)) return undefined;
  const name = typeof v.Ref === 'string' ? v.Ref : Array.isArray(v['Fn::GetAtt']) ? str(v['Fn::GetAtt'][0]) : typeof v['Fn::GetAtt'] === 'string' ? v['Fn::GetAtt'].split('.')[0] : undefined;
  return name === undefined ? undefined : t.resources.find((r) => r.id === name);
}

/** Where a value comes from, when not from this template: a parameter or another stack's export. */
export interface Outside {
  /** `parameter ALBListener`, `import shop-ProdListenerArn`. */
  how: string;
  /** The parameter's default, when it has one. */
  value?: string;
}

export function outside(t: Template, v: Json | undefined): Outside | undefined {
  if (!isObject(v)) return typeof v === 'string' ? { how: 'value', value: v } : undefined;
  if (typeof v.Ref === 'string' && t.parameters[v.Ref]) {
    const d = str(t.parameters[v.Ref]!.Default);
    return { how: `parameter ${v.Ref}`, ...(d !== undefined ? { value: d } : {}) };
  }
  if (v['Fn::ImportValue'] !== undefined) return { how: `import ${plain(t, v['Fn::ImportValue'])}` };
  return undefined;
}

/** The export name a value imports (`Fn::ImportValue`), when it is one; inside `Fn::Split` too. */
export function importName(t: Template, v: Json | undefined): string | undefined {
  if (!isObject(v)) return undefined;
  if (v['Fn::ImportValue'] !== undefined) return plain(t, v['Fn::ImportValue']);
  if (Array.isArray(v['Fn::Split'])) return importName(t, v['Fn::Split'][1]);
  return undefined;
}

/** A value as text: literals as they are, parameters by their default (or name), intrinsics shortly. */
export function plain(t: Template, v: Json | undefined): string {
  if (v === undefined || v === null) return '';
  if (!isObject(v)) return Array.isArray(v) ? v.map((x) => plain(t, x)).join(', ') : String(v);
  if (typeof v.Ref === 'string') {
    const p = t.parameters[v.Ref];
    if (p) return str(p.Default) ?? v.Ref;
    return v.Ref;
  }
  if (v['Fn::ImportValue'] !== undefined) return `import ${plain(t, v['Fn::ImportValue'])}`;
  if (v['Fn::Sub'] !== undefined) return typeof v['Fn::Sub'] === 'string' ? v['Fn::Sub'] : plain(t, asArray(v['Fn::Sub'])[0]);
  if (Array.isArray(v['Fn::GetAtt'])) {
    // A name attribute that the resource sets itself (`VirtualRouterName`, `MeshName`): its value.
    const [res, attr] = v['Fn::GetAtt'].map((x) => plain(t, x));
    const target = t.resources.find((r) => r.id === res);
    if (target && attr && target.props[attr] !== undefined && /Name$/.test(attr)) return plain(t, target.props[attr]);
    return `${res}.${attr}`;
  }
  if (Array.isArray(v['Fn::Join'])) {
    const [sep, parts] = v['Fn::Join'];
    return asArray(parts).map((x) => plain(t, x)).join(typeof sep === 'string' ? sep : '');
  }
  if (Array.isArray(v['Fn::Split'])) return plain(t, v['Fn::Split'][1]);
  const [key] = Object.keys(v);
  return key ?? '';
}

/** A value for a label: the literal or parameter default, else where it comes from (`parameter ECSCluster`). */
export function shown(t: Template, v: Json | undefined): string {
  const o = outside(t, v);
  if (o && o.how !== 'value' && o.value === undefined) return o.how;
  return plain(t, v);
}

/** The load balancer named in its ARN or a listener's (`…:listener/app/prod/50dc…/f2f7…` → `prod`). */
export function loadBalancerOfArn(arn: string | undefined): string | undefined {
  return arn ? /:(?:listener|loadbalancer)\/(?:app|net|gwy)\/([^/]+)\//.exec(arn)?.[1] : undefined;
}

/** A listener rule's conditions as `host a.example.com`, `path /api/*` and the like. */
export function conditionLines(t: Template, conditions: Json | undefined): string[] {
  const out: string[] = [];
  for (const c of asArray(conditions)) {
    if (!isObject(c)) continue;
    const field = str(c.Field) ?? 'condition';
    const configKey = Object.keys(c).find((k) => k.endsWith('Config'));
    const config = configKey ? c[configKey] : undefined;
    const values = isObject(config) && config.Values !== undefined ? config.Values : c.Values;
    const name = isObject(config) ? str(config.HttpHeaderName) : undefined;
    const text = plain(t, values ?? (isObject(config) ? asArray(config.Values) : []));
    const label = field === 'host-header' ? 'host' : field === 'path-pattern' ? 'path' : field === 'http-header' && name ? `header ${name}` : field;
    out.push(`${label} ${text}`.trim());
  }
  return out;
}
