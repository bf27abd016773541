/** Handlebars template emitters: helpers, strict mode, output parsing, prototype safety. */
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import type { Emitter } from '../src/emitters/types.js';
import { createRunbookEmitter, createTemplateEmitter, loadHandlebars, type Handlebars } from '../src/templates/index.js';

const SPEC = `apiVersion: codegen/v1
name: demo
region: us-east-1
image: nginx:1.27.3
ports:
  - port: 8080
env:
  GREETING: "<b>hi</b> & bye"
targets:
  ecs:
    executionRoleArn: arn:aws:iam::123456789012:role/exec
`;

let hb: Handlebars;
beforeAll(async () => {
  hb = await loadHandlebars();
});

const tpl = (template: string, output = 'out.md'): Emitter => createTemplateEmitter(hb, { template, templateFile: 't.hbs', output });
// Template diagnostics are under test: best-practice rules are off so they do not mix in.
const render = (template: string, output = 'out.md') => compile(SPEC, { emitters: [tpl(template, output)], builtinRules: [] });
const textOf = (r: ReturnType<typeof compile>, path: string) => r.files.find((f) => f.path === `demo/${path}`)?.content;

describe('template emitters', () => {
  it('renders the model with the helpers and without HTML escaping', () => {
    const r = render(
      [
        '{{upper name}} {{lower "ABC"}} {{default description "n/a"}}',
        '{{main.env.[0].value.value}}',
        '{{json main.ports.[0].port}} {{json (default region "x")}}',
        '{{indent 2 (yaml main.ports.[0])}}',
      ].join('\n'),
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(textOf(r, 'out.md')).toBe(
      'DEMO abc n/a\n<b>hi</b> & bye\n8080 "us-east-1"\n  name: http\n  port: 8080\n  protocol: tcp\n  appProtocol: http\n  servicePort: 8080\n  derived: true\n',
    );
  });

  it('a missing field is an error at the template line and column', () => {
    const r = render('line one\n  {{main.nope.deeper}}\n');
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_MISSING_FIELD', file: 't.hbs', line: 2, column: 5, source: 'template', origin: 'templates:out.md' }),
    ]);
    expect(r.diagnostics[0]!.message).toContain('"main.nope.deeper"');
  });

  it('a syntax error is a diagnostic with the line', () => {
    const r = render('a\nb\n{{#if name}}never closed\n');
    expect(r.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_SYNTAX', file: 't.hbs', line: 4 });
  });

  it('YAML and JSON output must parse, and then becomes data (canonical order, patchable)', () => {
    const ok = render('kind: ConfigMap\napiVersion: v1\nmetadata: { name: {{name}} }\n', 'k8s/cm.yaml');
    expect(textOf(ok, 'k8s/cm.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n');
    const bad = render('a: [1, 2\n', 'x.yaml');
    expect(bad.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_OUTPUT_INVALID', file: 't.hbs' });
    const json = render('{"name": {{json name}}, }', 'x.json');
    expect(json.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_OUTPUT_INVALID' });
    const list = render('- 1\n', 'x.yml');
    expect(list.diagnostics[0]).toMatchObject({ code: 'TEMPLATE_OUTPUT_INVALID' });
  });

  it('a malicious template cannot reach prototypes, and Object.prototype stays clean', () => {
    const attacks = [
      '{{constructor.constructor}}',
      '{{#with "s" as |s|}}{{s.constructor.prototype.polluted}}{{/with}}',
      '{{lookup (lookup this "constructor") "prototype"}}',
      '{{#with __proto__}}{{polluted}}{{/with}}',
      '{{#each constructor}}{{@key}}{{/each}}',
    ];
    for (const a of attacks) {
      const r = render(a);
      // Either nothing is rendered or strict mode refuses; never a function body or prototype content.
      const out = textOf(r, 'out.md') ?? '';
      expect(out).not.toMatch(/function|native code|\[object/);
    }
    const yamlAttack = render('__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n', 'p.yaml');
    expect(yamlAttack.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('the runbook uses the article\'s ECS Exec command and kubectl rollout for this service', () => {
    const r = compile(`${SPEC}  kubernetes:\n    namespace: web\n`.replace('targets:\n  ecs:', 'targets:\n  ecs:\n    service: { cluster: c1 }'), { emitters: [createRunbookEmitter(hb)] });
    const md = textOf(r, 'runbook/README.md')!;
    expect(md).toContain('aws ecs execute-command \\\n  --cluster c1 \\\n  --task "$TASK" \\\n  --container app \\\n  --interactive \\\n  --command "/bin/sh"');
    expect(md).toContain('kubectl -n web rollout undo deployment/demo');
    expect(md).toContain('kubectl -n web logs deployment/demo -c app --follow');
    expect(md).not.toContain('aws deploy');
  });
});
