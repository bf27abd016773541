/** The shipped schemas (service and platform), their TypeScript types and standalone validators are generated from one source each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedArtifacts } from '../scripts/schema-artifacts.js';
import { ROOT } from './helpers/fixtures.js';

describe('schema', () => {
  it('generated files are up to date (run npm run gen:schema)', async () => {
    const files = await generatedArtifacts();
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(join(ROOT, path), 'utf8') === text, `${path} is stale`).toBe(true);
    }
    expect(Object.keys(files)).toContain('schema/platform.schema.json');
    expect(Object.keys(files)).toContain('src/platform/validate.generated.js');
  });

  it.each(['schema/service.schema.json', 'schema/platform.schema.json'])('%s closes every object and describes every property', (file) => {
    const schema = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    const problems: string[] = [];
    const walk = (s: Record<string, unknown>, at: string): void => {
      if (s.type === 'object' && s.properties && s.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
      for (const [k, v] of Object.entries((s.properties as Record<string, Record<string, unknown>>) ?? {})) {
        if (typeof v.description !== 'string' || v.description.length < 3) problems.push(`${at}.${k}: no description`);
        walk(v, `${at}.${k}`);
      }
      for (const key of ['items', 'additionalProperties'] as const) {
        const sub = s[key];
        if (sub && typeof sub === 'object') walk(sub as Record<string, unknown>, `${at}.${key}`);
      }
      for (const key of ['oneOf', 'anyOf'] as const) {
        for (const [i, sub] of ((s[key] as Record<string, unknown>[]) ?? []).entries()) walk(sub, `${at}.${key}[${i}]`);
      }
      for (const [k, v] of Object.entries((s.$defs as Record<string, Record<string, unknown>>) ?? {})) walk(v, `$defs.${k}`);
    };
    walk(schema, '');
    expect(problems).toEqual([]);
  });
});
