/**
 * What the verifier and the emitters read from a CloudFormation registry resource schema besides
 * its property checks, worked out the same way from the schema file (the evaluator's path) and at
 * generation time (cfn-checks.generated.ts, so a run reads no schema file).
 */
type Schema = Record<string, unknown>;

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
