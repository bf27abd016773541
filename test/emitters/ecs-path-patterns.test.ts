/**
 * `targets.ecs.service.pathPatterns`: the ECS listener rule's path patterns as written (an exact
 * `/`, a pattern without a leading slash, a stack parameter) instead of the prefixes derived from
 * `expose.path`/`paths`; more than three become further rules; `codegen import ecs` reads patterns
 * that are not codegen's `<p>`, `<p>/*` shape back into the field.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const spec = (patterns: string, expose = 'expose: { public: true }') => `apiVersion: codegen/v1
name: web
image: nginx:1.27.3
region: eu-west-1
ports: [{ port: 8080 }]
parameters:
  Path: { type: String, default: /api/* }
${expose}
targets:
  ecs:
    service:
      listenerRulePriority: 5
      pathPatterns: ${patterns}
`;

type Template = { Resources: Record<string, { Type: string; Properties: { Conditions?: { Field: string; PathPatternConfig?: { Values: unknown[] } }[] } }> };
const template = (patterns: string, expose?: string) => {
  const r = compile(spec(patterns, expose), { file: 'service.yaml', targets: ['ecs'] });
  const file = r.files.find((f) => f.path.endsWith('service.cfn.yaml'));
  return { r, text: file?.content ?? '', t: parse(file?.content ?? '{}') as Template };
};
const pathValues = (t: Template, id: string) => t.Resources[id]?.Properties.Conditions?.find((c) => c.Field === 'path-pattern')?.PathPatternConfig?.Values;

describe('ECS listener rule path patterns as written', () => {
  it('writes the patterns as given, a parameter as a Ref, and imports them back', () => {
    const { r, text, t } = template('["/", "hello*", "${Path}"]');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pathValues(t, 'ListenerRule')).toEqual(['/', 'hello*', { Ref: 'Path' }]);
    const imported = importSpec('ecs', [{ file: 'service.cfn.yaml', content: text }]);
    const svc = (imported.specs[0]!.object as { targets: { ecs: { service: { pathPatterns?: string[] } } } }).targets.ecs.service;
    expect(svc.pathPatterns).toEqual(['/', 'hello*', '${Path}']);
  });

  it('splits more than three patterns into further rules', () => {
    const { t } = template('["/a", "/b", "/c", "/d"]');
    expect(pathValues(t, 'ListenerRule')).toEqual(['/a', '/b', '/c']);
    expect(pathValues(t, 'ListenerRule2')).toEqual(['/d']);
  });

  it('warns that expose.path is not used on ECS when both are given', () => {
    const { r } = template('["/"]', 'expose: { public: true, path: /shop }');
    expect(r.diagnostics.find((d) => d.code === 'ECS_PATH_PATTERNS')?.message).toMatch(/expose\.path \(\/shop\) is not used/);
  });

  it('refuses a pattern with characters an ALB path pattern cannot have', () => {
    const { r } = template('["/a b"]');
    expect(r.diagnostics.some((d) => d.severity === 'error' && d.path?.join('.') === 'targets.ecs.service.pathPatterns.0')).toBe(true);
  });
});
