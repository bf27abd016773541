/** `createRule` (built-ins: fills the docs URL from the id) and `defineRule` (plugins: identity, for typing). */
import type { RuleModule } from './types.js';

/** Where built-in rule docs are published; the page is `docs/rules/<id>.md` in the repository. */
export const RULE_DOCS_BASE = 'https://codegen.dev/rules/';

export function createRule<M extends string, O extends object = Record<string, never>>(rule: RuleModule<M, O>): RuleModule<M, O> {
  return { ...rule, meta: { ...rule.meta, docs: { ...rule.meta.docs, url: rule.meta.docs.url ?? `${RULE_DOCS_BASE}${rule.id}` } } };
}

/** Identity helper for custom rules: `compile(spec, { rules: [defineRule({...})] })`. */
export function defineRule<M extends string, O extends object = Record<string, never>>(rule: RuleModule<M, O>): RuleModule<M, O> {
  return rule;
}
