/**
 * Long-form CloudFormation intrinsics for the legacy emitters, so JSON and YAML share one object.
 * (To be merged with the ECS CloudFormation target's helpers.)
 */
import type { Json, JsonObject } from '../../core/serialize.js';

export const ref = (logicalId: string): JsonObject => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string): JsonObject => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (template: string): JsonObject => ({ 'Fn::Sub': template });

/** A resource entry: `{Type, DependsOn?, Properties}`. */
export function resource(type: string, properties: JsonObject, dependsOn: readonly string[] = []): JsonObject {
  const r: JsonObject = { Type: type };
  if (dependsOn.length) r.DependsOn = [...dependsOn] as Json[];
  r.Properties = properties;
  return r;
}

/** `my-app-v1` → `MyAppV1`, for logical IDs (alphanumeric only). */
export { logicalId as pascal } from '../../schema/logical-ids.js';
