/**
 * `targets.copilot.alb` and `hostedZone` → `http.alb` and `http.hosted_zone` (Copilot manifest
 * reference, Load Balanced Web Service / Backend Service `http`), read back by the importer; an
 * error where the manifest has no http section or no alias for the zone to hold.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const ALB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/internal/50dc6c495c0c9188';
const spec = (expose: string, copilot: string) => `apiVersion: codegen/v1
name: api
image: nginx:1.27.3
ports: [{ port: 80 }]
${expose}
targets:
  copilot:
    acknowledgeDeprecation: true
${copilot}
`;
const run = (text: string) => {
  const r = compile(text, { file: 'service.yaml' });
  const file = r.files.find((f) => f.path.endsWith('manifest.yml'));
  return { r, text: file?.content ?? '', doc: parse(file?.content ?? '{}') as { http?: Record<string, unknown>; type?: string } };
};
const codes = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`);

describe('Copilot: an existing load balancer and hosted zone', () => {
  it('an internal ALB for a Backend Service, imported back', () => {
    const { r, text, doc } = run(spec('expose: { path: /api }', `    alb: ${ALB}`));
    expect(codes(r)).toEqual([]);
    expect(doc.type).toBe('Backend Service');
    expect(doc.http).toMatchObject({ path: '/api', alb: ALB });
    const back = importSpec('copilot', [{ file: 'manifest.yml', content: text }]);
    expect(back.specs[0]!.object).toMatchObject({ targets: { copilot: { alb: ALB } } });
    expect(back.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED')).toEqual([]);
  });

  it('a hosted zone goes with the aliases; without one it is an error', () => {
    const ok = run(spec('expose: { public: true, hosts: [api.example.com] }', '    hostedZone: Z08230872XQRWHG2XF6I'));
    expect(codes(ok.r)).toEqual([]);
    expect(ok.doc.http).toMatchObject({ alias: 'api.example.com', hosted_zone: 'Z08230872XQRWHG2XF6I' });
    const none = run(spec('expose: { public: true }', '    hostedZone: Z08230872XQRWHG2XF6I'));
    expect(codes(none.r)).toEqual(['COPILOT_HTTP_FIELD_UNUSED targets.copilot.hostedZone']);
  });

  it('a service with no http section (a Worker Service, an NLB-only service) cannot take them', () => {
    const worker = run(spec('', `    type: Worker Service\n    alb: ${ALB}`));
    expect(codes(worker.r)).toEqual(['COPILOT_HTTP_FIELD_UNUSED targets.copilot.alb']);
    const nlbOnly = run(spec('expose: { public: true, loadBalancer: network }', `    alb: ${ALB}\n    hostedZone: Z08230872XQRWHG2XF6I`));
    expect(codes(nlbOnly.r)).toEqual(['COPILOT_HTTP_FIELD_UNUSED targets.copilot.alb', 'COPILOT_HTTP_FIELD_UNUSED targets.copilot.hostedZone']);
  });

  it('a hosted zone ID is checked against Route 53\'s form', () => {
    const bad = run(spec('expose: { public: true, hosts: [api.example.com] }', '    hostedZone: example.com'));
    expect(codes(bad.r)).toEqual(['SCHEMA_PATTERN targets.copilot.hostedZone']);
  });
});
