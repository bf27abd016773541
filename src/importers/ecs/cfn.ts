/**
 * A CloudFormation template, indexed for the ECS importer: resources by type, Properties in either
 * casing, parameters read through their defaults, platform imports recorded.
 */
import { Field, type Tracker } from '../fields.js';
import { PLATFORM_EXPORTS } from '../../platform/exports.js';

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

export function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The template, indexed: resources by logical id, parameters with their defaults. */
export class Template {
  readonly root: Field;
  readonly resources: Field;
  readonly parameters: Field;
  constructor(readonly tracker: Tracker) {
    this.root = tracker.root();
    this.resources = this.root.get('Resources');
    this.parameters = this.root.get('Parameters');
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

  /** `{Ref: Param}` with a Default → the default; a literal → itself. Marks what it read. */
  literal(f: Field): unknown {
    const v = f.value;
    if (this.platformImport(v)) {
      f.use();
      return undefined;
    }
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return f.take();
    if (isObject(v) && typeof v.Ref === 'string') {
      const p = this.parameters.get(v.Ref);
      if (p.exists) {
        f.use();
        return p.get('Default').value;
      }
      if (this.resources.get(v.Ref).exists) return undefined;
      return undefined;
    }
    if (isObject(v)) return undefined;
    f.use();
    return v;
  }

  /** Whether `f` is `Ref` to a resource or parameter (marked when it is). */
  isRef(f: Field, id?: string): boolean {
    const v = f.value;
    const ok = isObject(v) && typeof v.Ref === 'string' && (id === undefined || v.Ref === id);
    if (ok) f.use();
    return ok;
  }

  /** Whether `f` is `Fn::GetAtt [id, attr]` of a resource codegen generates. */
  isGetAtt(f: Field, ids: string[]): boolean {
    const v = f.value;
    const ok = isObject(v) && Array.isArray(v['Fn::GetAtt']) && ids.includes(String(v['Fn::GetAtt'][0]));
    if (ok) f.use();
    return ok;
  }
}

