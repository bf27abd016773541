/**
 * A CloudFormation template, indexed for the ECS importer: resources by type, Properties in either
 * casing, parameters read through their defaults, platform imports recorded.
 */
import { Field, type Tracker } from '../fields.js';
import { PLATFORM_EXPORTS } from '../../platform/exports.js';
import { findLogicalIds, type LogicalIds } from './logical-ids.js';

type Json = Record<string, unknown>;

/** Keys that hold user maps, whose keys keep their casing (src/emitters/ecs/task.ts). */
const OPAQUE = new Set(['Options', 'DockerLabels', 'DriverOpts', 'Labels']);
const RENAMES: Record<string, string> = { properties: 'ProxyConfigurationProperties', efsVolumeConfiguration: 'EFSVolumeConfiguration', iam: 'IAM' };

/** RegisterTaskDefinition names → CloudFormation names, so one reader serves both. */
export function cfnRename(key: string, parent: string | number | undefined): string {
  if (typeof parent === 'string' && OPAQUE.has(parent)) return key;
  if (key.startsWith('Fn::') || key === 'Ref') return key;
  // EFS says FilesystemId where FSx says FileSystemId (AWS::ECS::TaskDefinition schema).
  if (key === 'fileSystemId' && parent === 'EFSVolumeConfiguration') return 'FilesystemId';
  return RENAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** The Parameters codegen's ECS service template declares itself (src/emitters/ecs/service-*.ts). */
const CODEGEN_PARAMETERS = new Set(['ALBListener', 'ECSCluster', 'ListenerRulePriority', 'SecurityGroups', 'Subnets', 'TestListener', 'VpcId', 'LogGroup', 'LoadBalancerArn', 'ServiceDiscoveryNamespaceId']);
/** Further listener rules' priorities (`ListenerRulePriority2`, ...) are codegen's too. */
const isCodegenParameter = (name: string) => CODEGEN_PARAMETERS.has(name) || /^ListenerRulePriority[0-9]+$/.test(name);
export const PSEUDO = new Set(['AWS::AccountId', 'AWS::Partition', 'AWS::Region', 'AWS::StackName', 'AWS::URLSuffix']);

/**
 * A whole value that is `{Ref: P}`: the spec's `{ param: P }` (for counts and env values). A count
 * (`needsValue`) needs the parameter's value (its Default, or --parameter): without one it is reported.
 */
export function paramValue(t: Template, f: Field, needsValue = false): Json | undefined {
  const v = f.value;
  if (!isObject(v) || typeof v.Ref !== 'string' || Object.keys(v).length !== 1) return undefined;
  if (!PSEUDO.has(v.Ref) && !t.isSpecParameter(v.Ref)) return undefined;
  if (needsValue && !PSEUDO.has(v.Ref) && t.parameter(v.Ref) === undefined) {
    f.drop('no-form', `Parameter ${v.Ref} has no Default; a count in the spec needs one (codegen checks ranges against it, and targets without parameters take it), so it is not carried.`, `pass --parameter ${v.Ref}=N`);
    return undefined;
  }
  f.use();
  if (!PSEUDO.has(v.Ref)) t.specParameters.add(v.Ref);
  return { param: v.Ref };
}

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The template, indexed: resources by logical id, parameters with their defaults. */
export class Template {
  readonly root: Field;
  readonly resources: Field;
  readonly parameters: Field;
  /** Which resource plays which role (logical IDs may have been fixed by the spec). */
  readonly ids: LogicalIds;
  constructor(
    readonly tracker: Tracker,
    /** Parameter values given on the command line (the defaults of the spec's parameters). */
    readonly overrides: Record<string, string> = {},
  ) {
    this.root = tracker.root();
    this.resources = this.root.get('Resources');
    this.parameters = this.root.get('Parameters');
    this.ids = findLogicalIds(this.resources.value);
  }

  /** The template's logical ID of the resource codegen calls `defaultId`. */
  id(defaultId: string): string {
    return this.ids.byDefault.get(defaultId) ?? defaultId;
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

  /** A parameter's value: given on the command line, else its Default (undefined: neither, or no such parameter). */
  parameter(name: string): string | number | undefined {
    if (!this.parameters.get(name).exists) return undefined;
    if (Object.hasOwn(this.overrides, name)) return this.overrides[name];
    const d = this.parameters.get(name).get('Default').value;
    return typeof d === 'string' || typeof d === 'number' ? d : undefined;
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

  /** The literal a value gives (a parameter's value, a Fn::Sub over parameters), without marking anything. */
  literalValue(v: unknown): unknown {
    if (isObject(v) && typeof v.Ref === 'string') return this.parameter(v.Ref);
    const sub = isObject(v) ? v['Fn::Sub'] : undefined;
    if (typeof sub === 'string') {
      let ok = true;
      const text = sub.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
        const d = this.parameter(name);
        if (d === undefined) ok = false;
        return String(d);
      });
      return ok ? text : undefined;
    }
    return isObject(v) ? undefined : v;
  }

  /**
   * Parameters that are the spec's own (`parameters`): every one the template declares except those
   * codegen's ECS template writes itself for what it needs from outside.
   */
  isSpecParameter(name: string): boolean {
    return this.parameters.get(name).exists && !isCodegenParameter(name);
  }

  /**
   * Whether a field is `{Ref: P}` to one of the template's parameters for a network setting codegen's
   * template takes as its own parameter (VpcId, Subnets, SecurityGroups) when the spec names none:
   * marked, and the spec leaves the setting out.
   */
  byParameter(f: Field): boolean {
    const v = f.value;
    const ok = isObject(v) && typeof v.Ref === 'string' && this.isSpecParameter(v.Ref);
    if (ok) f.note(`${String(v.Ref)} is a template parameter: the spec leaves this setting out, and codegen's template takes it as its own parameter.`);
    if (ok) f.use();
    return ok;
  }

  /** Spec parameters the template uses, in the order read. */
  readonly specParameters = new Set<string>();

  /**
   * A value that uses spec parameters, in the spec's syntax: `{Ref: P}` → `${P}`, `Fn::Sub` text
   * whose variables are spec parameters or pseudo parameters → the text itself (the spec writes the
   * same `${Name}` and `${!literal}`). Undefined for anything else.
   */
  parameterized(f: Field): string | undefined {
    const v = f.value;
    if (isObject(v) && typeof v.Ref === 'string' && Object.keys(v).length === 1 && this.isSpecParameter(v.Ref)) {
      f.use();
      this.specParameters.add(v.Ref);
      return `\${${v.Ref}}`;
    }
    const text = isObject(v) && Object.keys(v).length === 1 ? v['Fn::Sub'] : undefined;
    if (typeof text !== 'string') return undefined;
    const names = [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((m) => m[1]!);
    if (!names.length || !names.every((n) => PSEUDO.has(n) || this.isSpecParameter(n))) return undefined;
    f.use();
    for (const n of names) if (!PSEUDO.has(n)) this.specParameters.add(n);
    return text;
  }

  /** `{Ref: Param}` with a Default → the default; a literal → itself. Marks what it read. */
  literal(f: Field): unknown {
    const v = f.value;
    if (this.platformImport(v)) {
      f.use();
      return undefined;
    }
    const param = this.parameterized(f);
    if (param !== undefined) return param;
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? f.take() : undefined;
    if (isObject(v) && typeof v.Ref === 'string') {
      const p = this.parameters.get(v.Ref);
      if (p.exists) {
        f.use();
        return Object.hasOwn(this.overrides, v.Ref) ? this.overrides[v.Ref] : p.get('Default').value;
      }
      if (this.resources.get(v.Ref).exists) return undefined;
      return undefined;
    }
    if (isObject(v) && typeof v['Fn::Sub'] === 'string') {
      // `Fn::Sub` whose every variable is a parameter with a value: the text it gives.
      const text = this.literalValue(v);
      if (text !== undefined) f.use();
      return text;
    }
    if (isObject(v)) return undefined;
    f.use();
    return v;
  }

  /** Whether `f` is `Ref` to a resource or parameter (marked when it is). */
  isRef(f: Field, id?: string): boolean {
    const v = f.value;
    const ok = isObject(v) && typeof v.Ref === 'string' && (id === undefined || v.Ref === this.id(id));
    if (ok) f.use();
    return ok;
  }

  /** Whether `f` is `Fn::GetAtt [id, attr]` of a resource codegen generates. */
  isGetAtt(f: Field, ids: string[]): boolean {
    const v = f.value;
    const ok = isObject(v) && Array.isArray(v['Fn::GetAtt']) && ids.map((d) => this.id(d)).includes(String(v['Fn::GetAtt'][0]));
    if (ok) f.use();
    return ok;
  }
}

