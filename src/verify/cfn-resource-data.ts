/**
 * What the verifier and the emitters read from the CloudFormation schemas besides the checks
 * themselves, worked out the same way from the schema files (the evaluator's path) and at
 * generation time (cfn-checks.generated.ts, so a run reads no schema file): a resource schema's
 * read-only paths and attributes, and the template section schemas as the verifier checks them.
 */
type Schema = Record<string, unknown>;

/** cfn-lint's template section schemas, each `cloudformation/template/<name>_configuration.json` under vendor/schemas. */
export const CFN_SECTIONS = ['template', 'parameters', 'outputs', 'resources'] as const;
export type CfnSection = (typeof CFN_SECTIONS)[number];

export function sectionFile(name: CfnSection): string {
  return `cloudformation/template/${name}_configuration.json`;
}

/**
 * A section schema as the verifier checks it: the template section with AWSTemplateFormatVersion
 * a string (`date` is cfn-lint's type for an unquoted YAML date, and artifacts are JSON data); the
 * others as read. The data read is shared and never changed: only the one node adjusted is copied.
 */
export function sectionAsChecked(name: CfnSection, schema: Schema): Schema {
  if (name !== 'template') return schema;
  const properties = schema.properties as Record<string, Schema>;
  return { ...schema, properties: { ...properties, AWSTemplateFormatVersion: { ...properties.AWSTemplateFormatVersion, type: 'string' } } };
}

/** A resource schema's read-only properties (`/properties/A/B`) as paths below Properties; `*` paths are not checked. */
export function readOnlyPathsOf(schema: Schema): string[][] {
  return ((schema.readOnlyProperties as string[] | undefined) ?? []).map((ro) => ro.split('/').slice(2)).filter((segs) => segs.length > 0 && !segs.includes('*'));
}

/** What `Fn::GetAtt` may read from a resource: its read-only properties (`A.B`), and its top-level property names. */
export interface CfnAttributes {
  readOnly: readonly string[];
  top: readonly string[];
}

export function attributesOf(schema: Schema): CfnAttributes {
  return {
    readOnly: ((schema.readOnlyProperties as string[] | undefined) ?? []).map((p) => p.split('/').slice(2).join('.')),
    top: Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}),
  };
}
