import { describe, expect, it } from 'vitest';
import rule, { kubernetesExpansion } from '../../src/rules/consistent-variable-references.js';
import { compile } from '../../src/compile/compile.js';
import { HEAD, ruleTester } from '../helpers/rule-tester.js';

const ECS = '  ecs:\n    executionRoleArn: arn:aws:iam::123456789012:role/exec\n';

describe('consistent-variable-references', () => {
  ruleTester(rule, {
    valid: [
      { name: 'no reference', yaml: `${HEAD}env:\n  A: plain\ntargets:\n${ECS}  kubernetes: {}\n` },
      { name: 'Kubernetes only: expansion is what the author wants', yaml: `${HEAD}env:\n  A: x\n  B: $(A)/y\ntargets:\n  kubernetes: {}\n` },
      { name: 'ECS only: nothing expands anywhere', yaml: `${HEAD}env:\n  B: $(A)/y\ntargets:\n${ECS}` },
      { name: 'literal: codegen escapes for Kubernetes', yaml: `${HEAD}env:\n  B: $(A)/y\ntargets:\n${ECS}  kubernetes:\n    variableReferences: literal\n` },
      { name: 'a $ Kubernetes leaves alone', yaml: `${HEAD}env:\n  A: $HOME and $1 and trailing $\n  B: $(unclosed\ntargets:\n${ECS}  kubernetes: {}\n` },
      { name: 'a reference supplied by the platform is not text', yaml: `${HEAD}env:\n  POD:\n    ref:\n      kubernetes: { field: metadata.name }\n      cloudformation: x\n      copilot: x\ntargets:\n${ECS}  kubernetes: {}\n` },
      { name: 'only the targets selected count', targets: ['kubernetes'], yaml: `${HEAD}env:\n  B: $(A)\ntargets:\n${ECS}  kubernetes: {}\n` },
    ],
    invalid: [
      { name: 'an env value with a reference', yaml: `${HEAD}env:\n  A: x\n  B: $(A)/y\ntargets:\n${ECS}  kubernetes: {}\n`, errors: [{ messageId: 'expands', line: 8, column: 6 }] },
      { name: 'an escaped $ in a command (Kubernetes args)', yaml: `${HEAD}command: [sh, -c, 'echo 5$$']\ntargets:\n${ECS}  kubernetes: {}\n`, errors: [{ messageId: 'collapses', line: 6, column: 19 }] },
      { name: 'an entrypoint with Copilot', yaml: `${HEAD}entrypoint: ['/bin/run', '--user=$(USER)']\ntargets:\n  copilot: {}\n  kubernetes: {}\n`, errors: [{ messageId: 'expands', line: 6, column: 26 }] },
      { name: 'a sidecar', yaml: `${HEAD}sidecars:\n  log:\n    image: fluent/fluent-bit:3.0\n    env:\n      OUT: $(HOST)\ntargets:\n${ECS}  kubernetes: {}\n`, errors: [{ messageId: 'expands', line: 10, column: 12 }] },
      { name: 'a value set in targets.kubernetes is reported there', yaml: `${HEAD}env:\n  B: plain\ntargets:\n${ECS}  kubernetes:\n    env:\n      B: $(A)\n`, errors: [{ messageId: 'expands', line: 13, column: 10 }] },
    ],
  });

  it('finds the first complete reference or escape, as Kubernetes reads them', () => {
    expect(kubernetesExpansion('postgres://$(DB_HOST)/x')).toEqual({ kind: 'reference', name: 'DB_HOST' });
    expect(kubernetesExpansion('a$$(B)')).toEqual({ kind: 'escape' });
    expect(kubernetesExpansion('$HOME $1 $(open')).toBeUndefined();
    expect(kubernetesExpansion('end $')).toBeUndefined();
  });

  it('says which targets differ and how to make them agree, without the value', () => {
    const r = compile(`${HEAD}env:\n  URL: https://u:$(PASS)@h/\ntargets:\n${ECS}  kubernetes: {}\n`, { builtinRules: [rule], builtinEmitters: [], ruleConfig: { [rule.id]: 'warn' } });
    const d = r.diagnostics.find((x) => x.code === rule.id)!;
    expect(d.message).toBe('Kubernetes replaces $(PASS) in env.URL with the value of PASS from the container environment, while ecs pass the text as written, so the targets run different values.');
    expect(d.hint).toContain('targets.kubernetes.variableReferences: literal');
    expect(d.severity).toBe('warning');
  });
});
