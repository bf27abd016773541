/** The bundled CloudFormation registry resource schemas, by type name (read on first use). */
import { cfnChecks } from './cfn-checks.generated.js';
import { TASK_SET_SCHEMAS } from './cfn-hook.js';
import { attributesOf, type CfnAttributes } from './cfn-resource-data.js';
import { listData, readData, schemasOverridden } from './vendor.js';

export { readOnlyPathsOf, type CfnAttributes } from './cfn-resource-data.js';

type Schema = Record<string, unknown>;

const resources = new Map<string, Schema | null>();
let available: Set<string> | undefined;

/** The registry schema of a resource type, or null when none is bundled. */
export function resourceSchema(type: string): Schema | null {
  let schema = resources.get(type);
  if (schema === undefined) {
    available ??= new Set(listData('cloudformation/resources'));
    const file = `${type.split('::').join('_')}.json`;
    schema = /^[A-Za-z0-9:]+$/.test(type) && available.has(file) ? readData<Schema>(`cloudformation/resources/${file}`) : (TASK_SET_SCHEMAS[type] ?? null);
    resources.set(type, schema);
  }
  return schema;
}

/** Type names with a bundled schema. */
export function cloudFormationTypes(): string[] {
  return listData('cloudformation/resources')
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, '').replace(/_/g, '::'));
}

const attributes = new WeakMap<object, CfnAttributes>();

/**
 * What `Fn::GetAtt` may read from a resource type (see CfnAttributes), or undefined when no schema
 * is bundled for it: from cfn-checks.generated.ts for a bundled schema (no file read), from the
 * schema itself once setSchemasRoot() has named another folder or for a type generated from none.
 */
export function resourceAttributes(type: string): CfnAttributes | undefined {
  if (!schemasOverridden()) {
    const checks = cfnChecks().resources;
    if (Object.hasOwn(checks, type)) return checks[type]![3];
  }
  const schema = resourceSchema(type);
  if (!schema) return undefined;
  let a = attributes.get(schema);
  if (!a) attributes.set(schema, (a = attributesOf(schema)));
  return a;
}
