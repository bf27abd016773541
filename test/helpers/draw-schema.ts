/** Documents drawn at random from a JSON Schema, for the tests that hold a compiled check to the evaluator. */
import type { Schema } from '../../src/verify/json-schema.js';

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const WRONG: unknown[] = [null, 'text', 7, 2.5, true, [], {}, '0', 'ÿ'.repeat(70), '😀'];

/**
 * A document drawn from `schema`: each declared property is present at random, values mostly of a
 * type the schema allows (enum members, strings near the length bounds), sometimes of the wrong
 * type, sometimes an unknown key, sometimes a required field left out.
 */
export function draw(schema: Schema, rnd: () => number, depth = 0, root: Schema = schema): unknown {
  if (typeof schema === 'boolean' || rnd() < 0.04) return pick(rnd, WRONG);
  let s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') s = { ...(s.$ref.split('/').slice(1).reduce((x: Record<string, unknown>, k) => x[k] as Record<string, unknown>, root as Record<string, unknown>)), ...s, $ref: undefined };
  if ('const' in s && rnd() < 0.8) return s.const;
  if (Array.isArray(s.enum) && rnd() < 0.9) return pick(rnd, s.enum);
  const branches = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  // A branch that is more than a type: draw from one branch (it may still fit several, or none).
  if (branches?.some((b) => typeof b === 'object' && Object.keys(b).some((k) => k !== 'type')) && rnd() < 0.8) return draw({ ...s, oneOf: undefined, anyOf: undefined, ...(pick(rnd, branches) as object) }, rnd, depth, root);
  const types = (Array.isArray(s.type) ? s.type : s.type !== undefined ? [s.type] : branches ? branches.map((b) => (b as Record<string, unknown>).type) : [pick(rnd, ['string', 'integer', 'object'])]) as string[];
  const type = pick(rnd, types.filter((t) => t !== 'null').length ? types.filter((t) => t !== 'null' || rnd() < 0.1) : types);
  switch (type) {
    case 'string': {
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      const max = typeof s.maxLength === 'number' ? s.maxLength : 12;
      const len = rnd() < 0.2 ? pick(rnd, [Math.max(0, min - 1), max + 1]) : min + Math.floor(rnd() * (Math.min(max, min + 12) - min + 1));
      return pick(rnd, ['a', 'b-1', 'Z', '/', '.', '😀']).repeat(len).slice(0, len + 1);
    }
    case 'integer':
    case 'number': {
      const lo = typeof s.minimum === 'number' ? s.minimum : -5;
      const hi = typeof s.maximum === 'number' ? s.maximum : 100;
      return rnd() < 0.2 ? pick(rnd, [lo - 1, hi + 1, 0.5]) : lo + Math.floor(rnd() * (Math.min(hi, lo + 50) - lo + 1));
    }
    case 'boolean':
      return rnd() < 0.5;
    case 'null':
      return null;
    case 'array': {
      const n = depth > 6 ? 0 : typeof s.maxItems === 'number' && rnd() < 0.1 ? s.maxItems + 1 : Math.floor(rnd() * 3);
      return Array.from({ length: n }, () => draw((s.items as Schema) ?? true, rnd, depth + 1, root));
    }
    default: {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      for (const [name, sub] of Object.entries(props)) {
        const chance = required.has(name) ? 0.95 : depth > 6 ? 0.02 : 0.3;
        if (rnd() < chance) out[name] = draw(sub, rnd, depth + 1, root);
      }
      if (typeof s.additionalProperties === 'object' && rnd() < 0.5) out[pick(rnd, ['app', 'a/b', 'x'])] = draw(s.additionalProperties as Schema, rnd, depth + 1, root);
      for (const sub of Object.values((s.patternProperties ?? {}) as Record<string, Schema>)) if (rnd() < 0.5) out[pick(rnd, ['app', 'a/b', 'x'])] = draw(sub, rnd, depth + 1, root);
      if (rnd() < 0.05) out[pick(rnd, ['unknownField', 'extra'])] = pick(rnd, WRONG);
      return out;
    }
  }
}
