/** Runs the ❌/✅ examples of every docs/rules/<id>.md: ❌ must trigger the rule, ✅ must not. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { ROOT } from '../helpers/fixtures.js';
import { docExamples } from '../helpers/rule-docs.js';
import { lint } from '../helpers/rule-tester.js';

describe('rule docs examples', () => {
  for (const rule of builtinRules) {
    it(rule.id, () => {
      const examples = docExamples(readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8'));
      expect(examples.filter((e) => e.kind === 'incorrect').length, 'at least one ❌ example').toBeGreaterThan(0);
      expect(examples.filter((e) => e.kind === 'correct').length, 'at least one ✅ example').toBeGreaterThan(0);
      for (const e of examples) {
        const found = lint(rule, { yaml: e.yaml, ...e.meta });
        if (e.kind === 'incorrect') expect(found.length, `❌ example reports:\n${e.yaml}`).toBeGreaterThan(0);
        else expect(found.map((d) => d.message), `✅ example is clean:\n${e.yaml}`).toEqual([]);
      }
    });
  }
});
