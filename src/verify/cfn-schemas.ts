/** The bundled CloudFormation registry resource schemas, by type name (read on first use). */
import { TASK_SET_SCHEMAS } from './cfn-hook.js';
import { listData, readData } from './vendor.js';

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
