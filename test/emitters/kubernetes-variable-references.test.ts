/**
 * `targets.kubernetes.variableReferences: literal` (issue 15, item 14): the Kubernetes manifests
 * carry env values, `command` and `args` escaped so that Kubernetes' expansion gives back the text
 * as written — the text the ECS task definition carries. `expand` (the default) writes the text
 * unchanged. The expansion below follows the Kubernetes API reference for EnvVar.value and
 * Container.command/args (the vendored v1.34 schema): `$(NAME)` is replaced when NAME is defined,
 * kept otherwise; `$$` becomes `$`; any other `$` is kept.
 */
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';

/** Kubernetes' expansion of one string, as documented. */
function expand(text: string, vars: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '$' || i === text.length - 1) {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close < 0) {
        out += '$(';
        i++;
      } else {
        const name = text.slice(i + 2, close);
        out += Object.hasOwn(vars, name) ? vars[name] : `$(${name})`;
        i = close;
      }
    } else out += c;
  }
  return out;
}

const TEXTS = ['postgres://$(DB_HOST)/app', 'price: 5$$', '$$(ESCAPED)', '$HOME', 'end $', '$(unclosed', 'a$$$b', '$($(X))', '$()'];

function build(mode: 'expand' | 'literal' | undefined, texts: readonly string[]) {
  const spec = {
    apiVersion: 'codegen/v1',
    name: 'web',
    region: 'us-east-1',
    image: 'nginx:1.27.3',
    ports: [{ port: 8080 }],
    entrypoint: ['/bin/run', texts[0] ?? ''],
    command: texts,
    env: { DB_HOST: 'db.internal', ...Object.fromEntries(texts.map((t, i) => [`V${i}`, t])) },
    targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' }, kubernetes: mode ? { variableReferences: mode } : {} },
  };
  const r = compile(spec, { ruleConfig: { 'consistent-variable-references': 'off' } });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const dep = parse(r.files.find((f) => f.path === 'web/kubernetes/deployment.yaml')!.content) as { spec: { template: { spec: { containers: Array<{ command: string[]; args: string[]; env: Array<{ name: string; value: string }> }> } } } };
  const td = JSON.parse(r.files.find((f) => f.path === 'web/ecs/task-definition.json')!.content) as { containerDefinitions: Array<{ command: string[]; entryPoint: string[]; environment: Array<{ name: string; value: string }> }> };
  return { k8s: dep.spec.template.spec.containers[0]!, ecs: td.containerDefinitions[0]! };
}

describe('targets.kubernetes.variableReferences', () => {
  it('literal: what Kubernetes passes to the container is the text as written, as on ECS', () => {
    const { k8s, ecs } = build('literal', TEXTS);
    const vars = Object.fromEntries(k8s.env.map((e) => [e.name, e.value]));
    expect(k8s.args.map((a) => expand(a, vars))).toEqual(TEXTS);
    expect(k8s.command.map((a) => expand(a, vars))).toEqual(['/bin/run', TEXTS[0]]);
    for (const [i, t] of TEXTS.entries()) expect(expand(vars[`V${i}`]!, vars)).toBe(t);
    expect(ecs.command).toEqual(TEXTS);
    expect(k8s.args).toEqual(['postgres://$$(DB_HOST)/app', 'price: 5$$$', '$$$$(ESCAPED)', '$HOME', 'end $', '$$(unclosed', 'a$$$$$b', '$$($$(X))', '$$()']);
  });

  it('expand (the default): the text is written as it is, and Kubernetes changes it', () => {
    for (const mode of [undefined, 'expand'] as const) {
      const { k8s } = build(mode, TEXTS);
      expect(k8s.args).toEqual(TEXTS);
      expect(expand(k8s.args[0]!, { DB_HOST: 'db.internal' })).toBe('postgres://db.internal/app');
    }
  });

  it('literal round-trips any text made of $, (, ) and letters', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[$()AB ]{0,12}$/), { minLength: 1, maxLength: 4 }), (texts) => {
        const { k8s } = build('literal', texts);
        expect(k8s.args.map((a) => expand(a, { A: 'x', B: 'y' }))).toEqual(texts);
      }),
      { numRuns: 60, seed: 15 },
    );
  });
});
