/**
 * Kubernetes expands `$(NAME)` in a container's env values, `command` and `args` from the
 * container's environment, and reads `$$` as an escaped `$`; ECS and Copilot pass the same text
 * to the container as written. A spec that generates both would run different values. Reported
 * on the Kubernetes view when another of those targets is generated too, unless
 * `targets.kubernetes.variableReferences: literal` makes codegen escape the text for Kubernetes.
 */
import { formatPath, type SpecPath } from '../core/diagnostics.js';
import type { TargetName } from '../model/types.js';
import { createRule } from './create-rule.js';

export type MessageIds = 'expands' | 'collapses';

/** Targets that hand the container the text as written. */
const LITERAL_TARGETS: readonly TargetName[] = ['ecs', 'copilot'];

/** The first thing Kubernetes would change in `text`: a complete `$(NAME)` reference or a `$$`. */
export function kubernetesExpansion(text: string): { kind: 'reference'; name: string } | { kind: 'escape' } | undefined {
  for (let i = text.indexOf('$'); i >= 0 && i < text.length - 1; i = text.indexOf('$', i + 1)) {
    const next = text[i + 1];
    if (next === '$') return { kind: 'escape' };
    if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close > 0) return { kind: 'reference', name: text.slice(i + 2, close) };
    }
  }
  return undefined;
}

export default createRule<MessageIds>({
  id: 'consistent-variable-references',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow `$(NAME)` and `$$` in env values and commands when Kubernetes and ECS or Copilot are generated: only Kubernetes expands them.', recommended: true },
    defaultSeverity: 'warning',
    messages: {
      expands: 'Kubernetes replaces $({{name}}) in {{field}} with the value of {{name}} from the container environment, while {{others}} pass the text as written, so the targets run different values.',
      collapses: 'Kubernetes reads $$ in {{field}} as an escaped $ and passes a single $, while {{others}} pass $$ as written, so the targets run different values.',
    },
  },
  check(ctx) {
    if (!ctx.targets.includes('kubernetes')) return;
    const others = LITERAL_TARGETS.filter((t) => ctx.targets.includes(t));
    if (!others.length) return;
    const model = ctx.model('kubernetes');
    if (model.targets.kubernetes.variableReferences === 'literal') return;
    const hint = 'set targets.kubernetes.variableReferences: literal so Kubernetes gets the text as written too, or keep $( and $$ out of the value';
    const check = (text: string, path: SpecPath): void => {
      const found = kubernetesExpansion(text);
      if (!found) return;
      const data = { field: formatPath(path), others: others.join(' and ') };
      if (found.kind === 'reference') ctx.report({ messageId: 'expands', path, target: 'kubernetes', data: { ...data, name: found.name }, hint });
      else ctx.report({ messageId: 'collapses', path, target: 'kubernetes', data, hint });
    };
    for (const c of model.containers) {
      for (const e of c.env) if (e.value.kind === 'value') check(e.value.value, e.path);
      c.command?.forEach((arg, i) => check(arg, [...c.path, 'command', i]));
      c.entrypoint?.forEach((arg, i) => check(arg, [...c.path, 'entrypoint', i]));
    }
  },
});
