/**
 * A tiny DSL for writing the JSON Schema in TypeScript. The schema is data; these helpers only
 * keep every object closed (`additionalProperties: false`) and every property described, which
 * `test/schema.test.ts` checks over the generated file.
 */
export type JsonSchema = { [k: string]: unknown };

export function obj(
  description: string,
  properties: Record<string, JsonSchema>,
  required: readonly string[] = [],
  extra: JsonSchema = {},
): JsonSchema {
  const s: JsonSchema = { type: 'object', description, additionalProperties: false, properties };
  if (required.length) s.required = [...required];
  return { ...s, ...extra };
}

/** A map whose keys follow `keyPattern` and whose values follow `value`. */
export function map(description: string, value: JsonSchema, keyPattern?: string, extra: JsonSchema = {}): JsonSchema {
  const s: JsonSchema = { type: 'object', description, additionalProperties: value };
  if (keyPattern) s.propertyNames = { pattern: keyPattern };
  return { ...s, ...extra };
}

export const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
export const int = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', description, ...extra });
export const num = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'number', description, ...extra });
export const bool = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'boolean', description, ...extra });
export const enumOf = (description: string, values: readonly string[], extra: JsonSchema = {}): JsonSchema => ({
  type: 'string',
  description,
  enum: [...values],
  ...extra,
});
export const arr = (description: string, items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({
  type: 'array',
  description,
  items,
  ...extra,
});
export const ref = (name: string, description: string): JsonSchema => ({ $ref: `#/$defs/${name}`, description });
export const oneOf = (description: string, options: JsonSchema[], extra: JsonSchema = {}): JsonSchema => ({
  description,
  oneOf: options,
  ...extra,
});
export const anyOf = (description: string, options: JsonSchema[], extra: JsonSchema = {}): JsonSchema => ({
  description,
  anyOf: options,
  ...extra,
});

/**
 * A duration string: whole numbers with units h, m, s, ms, largest first, each at most once (`30s`,
 * `5m`, `2m30s`, `1h30m`). The same language as `parseDurationSeconds` in `src/core/units.ts`;
 * written without look-ahead so every JSON Schema engine reads it.
 */
export const DURATION_PATTERN = '^([0-9]{1,8}h([0-9]{1,8}m)?([0-9]{1,8}s)?([0-9]{1,8}ms)?|[0-9]{1,8}m([0-9]{1,8}s)?([0-9]{1,8}ms)?|[0-9]{1,8}s([0-9]{1,8}ms)?|[0-9]{1,8}ms)$';

/** Durations: a number of seconds, or a string such as `500ms`, `30s`, `5m`, `2m30s`, `1h`. */
export const duration = (description: string): JsonSchema =>
  anyOf(`${description} Seconds as a number, or a string such as \`500ms\`, \`30s\`, \`5m\`, \`2m30s\`.`, [
    { type: 'integer', minimum: 0, maximum: 86400, description: 'Seconds (at most one day).' },
    { type: 'string', pattern: DURATION_PATTERN, description: 'A duration: whole numbers with units h, m, s, ms, largest first (`2m30s`; at most one day).' },
  ]);

/**
 * Derive the overlay form of a schema: every property optional, and `null` allowed for every
 * property (RFC 7386 merge patch: `null` deletes the key from the base). Used for
 * `environments.<name>` and for the portable part of `targets.<target>`.
 */
export function overlay(schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === 'string') {
    return /(Overlay|#\/\$defs\/override_.*)$/.test(schema.$ref) ? schema : { ...schema, $ref: `${schema.$ref}Overlay` };
  }
  const out: JsonSchema = { ...schema };
  delete out.required;
  if (schema.properties && typeof schema.properties === 'object') {
    const props: Record<string, JsonSchema> = {};
    for (const [k, v] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
      props[k] = nullable(overlay(v));
    }
    out.properties = props;
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = nullable(overlay(schema.additionalProperties as JsonSchema));
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    // Branches that only say "one of these keys is required" cannot hold in a partial overlay;
    // the merged result is validated against the full schema, which still enforces them.
    if ((branches as JsonSchema[]).every((b) => !('type' in b) && !('$ref' in b))) delete out[key];
    else out[key] = (branches as JsonSchema[]).map((s) => overlay(s));
  }
  return out;
}

function nullable(s: JsonSchema): JsonSchema {
  if (Array.isArray(s.anyOf) && (s.anyOf as JsonSchema[]).some((b) => b.type === 'null')) return s;
  const description = s.description;
  const { description: _d, ...rest } = s;
  return { description, anyOf: [rest, { type: 'null', description: 'null removes the value set by the base spec.' }] };
}
