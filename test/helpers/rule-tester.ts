/** Table tests for rules (ESLint RuleTester style): each case compiles a spec with only that rule on. */
import { expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.js';
import type { AnyRuleModule, RuleLevel } from '../../src/rules/types.js';

export interface RuleCase {
  name?: string;
  yaml: string;
  env?: string;
  targets?: string[];
  options?: Record<string, unknown>;
}
export interface InvalidCase extends RuleCase {
  errors: { messageId: string; line: number; column?: number; path?: string }[];
}

/** A complete, schema-valid spec head; cases append fields to it. */
export const HEAD = `apiVersion: codegen/v1
name: demo
image: nginx:1.27.3
ports:
  - port: 8080
`;

/** Compile with only `rule` enabled; fails the test when anything but that rule errs. */
export function lint(rule: AnyRuleModule, c: RuleCase, level: RuleLevel = 'error'): Diagnostic[] {
  const r = compile(c.yaml, {
    builtinRules: [rule],
    builtinEmitters: [],
    ruleConfig: { [rule.id]: c.options ? [level, c.options] : level },
    ...(c.env ? { env: c.env } : {}),
    ...(c.targets ? { targets: c.targets } : {}),
  });
  const foreign = r.diagnostics.filter((d) => d.severity === 'error' && d.code !== rule.id);
  expect(foreign.map(formatDiagnostic), 'the case itself must be valid').toEqual([]);
  return r.diagnostics.filter((d) => d.code === rule.id);
}

export function ruleTester(rule: AnyRuleModule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  cases.valid.forEach((c, i) => {
    it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      expect(lint(rule, c).map(formatDiagnostic)).toEqual([]);
    });
  });
  cases.invalid.forEach((c, i) => {
    it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const got = lint(rule, c).map((d) => ({
        messageId: d.messageId,
        line: d.line,
        ...(c.errors.some((e) => e.column !== undefined) ? { column: d.column } : {}),
      }));
      expect(got).toEqual(c.errors.map((e) => ({ messageId: e.messageId, line: e.line, ...(e.column !== undefined ? { column: e.column } : {}) })));
    });
  });
}
