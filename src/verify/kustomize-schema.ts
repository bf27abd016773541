/**
 * kustomize's kustomization.json as the verifier checks it (kustomize.ts evaluates it, and
 * scripts/schema-checks.ts compiles it; this module imports neither, so the generator can load it
 * before the compiled checks exist).
 */
/**
 * The schema with the deprecated fields kustomize's Go struct still reads and SchemaStore's schema
 * lacks. `schema` is shared (readData's cache): copied only along the path changed here.
 */
export function withKustomizeFields(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = schema.definitions as Record<string, Record<string, unknown>>;
  const kustomization = defs.Kustomization!;
  const props = {
    ...(kustomization.properties as Record<string, unknown>),
    imageTags: { type: 'array', items: { type: 'object' } },
    helmChartInflationGenerator: { type: 'array', items: { type: 'object' } },
  };
  return { ...schema, definitions: { ...defs, Kustomization: { ...kustomization, properties: props } } };
}
