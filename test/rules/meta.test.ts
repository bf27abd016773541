/** Every rule file is registered, sorted, documented with tested examples, listed in the index and tested. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { docExamples } from '../helpers/rule-docs.js';

const INFRA = new Set(['create-rule.ts', 'engine.ts', 'index.ts', 'types.ts']);
const ruleFiles = readdirSync(join(ROOT, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && !INFRA.has(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

describe('rule meta', () => {
  it('registers every rule file, sorted, with id = file name', () => {
    const ids = builtinRules.map((r) => r.id);
    expect(ids).toEqual(ruleFiles);
    expect(ids).toEqual([...ids].sort());
  });

  for (const rule of builtinRules) {
    describe(rule.id, () => {
      it('has a docs page with ❌ and ✅ examples, listed in docs/rules/README.md', () => {
        const page = join(ROOT, 'docs/rules', `${rule.id}.md`);
        expect(existsSync(page), page).toBe(true);
        const md = readFileSync(page, 'utf8');
        expect(md.startsWith(`# ${rule.id}\n`)).toBe(true);
        for (const section of ['## Examples', '## Options', '## When not to use it']) expect(md).toContain(section);
        const kinds = new Set(docExamples(md).map((e) => e.kind));
        expect([...kinds].sort()).toEqual(['correct', 'incorrect']);
        expect(readFileSync(join(ROOT, 'docs/rules/README.md'), 'utf8')).toContain(`[\`${rule.id}\`](./${rule.id}.md)`);
      });

      it('has a test file', () => {
        expect(existsSync(join(ROOT, 'test/rules', `${rule.id}.test.ts`))).toBe(true);
      });

      it('has complete metadata, a docs URL and defaults that satisfy its option schema', () => {
        expect(rule.meta.docs.description.length).toBeGreaterThan(10);
        expect(rule.meta.docs.url).toBe(`https://codegen.dev/rules/${rule.id}`);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        for (const m of Object.values(rule.meta.messages)) expect(m).toMatch(/^[A-Z{].*\.$/);
        if (rule.meta.schema) {
          const validate = new Ajv({ strict: false }).compile(rule.meta.schema);
          expect(validate(rule.meta.defaultOptions ?? {}), JSON.stringify(validate.errors)).toBe(true);
        } else {
          expect(rule.meta.defaultOptions).toBeUndefined();
        }
      });
    });
  }
});
