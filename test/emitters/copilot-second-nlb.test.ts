/**
 * `targets.copilot.nlb`: a Network Load Balancer next to the HTTP one of a Load Balanced Web
 * Service (Copilot `nlb` with `http`), read back by the Copilot importer; reported where it cannot
 * be written (no HTTP load balancer, a Backend Service, an NLB-only expose).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const spec = (expose: string, extra = '') => `apiVersion: codegen/v1
name: web
image: nginx:1.27.3
ports: [{ port: 80 }]
${expose}
targets:
  copilot:
    acknowledgeDeprecation: true
${extra}    nlb: { port: 8080, protocol: udp, targetPort: 9090, healthCheckPort: 80 }
`;
const manifest = (text: string) => {
  const r = compile(text, { file: 'service.yaml' });
  const file = r.files.find((f) => f.path.endsWith('manifest.yml'));
  return { r, text: file?.content ?? '', doc: parse(file?.content ?? '{}') as Record<string, unknown> };
};

describe('Copilot: an NLB next to the HTTP load balancer', () => {
  it('writes nlb next to http and imports it back', () => {
    const { r, text, doc } = manifest(spec('expose: { public: true }'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc.http).toEqual({ path: '/' });
    expect(doc.nlb).toEqual({ port: '8080/udp', target_port: 9090, healthcheck: { port: 80 } });
    const back = importSpec('copilot', [{ file: 'manifest.yml', content: text }]);
    const obj = back.specs[0]!.object as { expose?: { loadBalancer?: string }; targets: { copilot: { nlb?: unknown } } };
    expect(obj.targets.copilot.nlb).toEqual({ port: 8080, protocol: 'udp', targetPort: 9090, healthCheckPort: 80 });
    expect(obj.expose?.loadBalancer).toBeUndefined();
  });

  it('reports it where there is no HTTP load balancer to stand next to', () => {
    for (const [expose, extra] of [['', ''], ['expose: {}', '    type: Backend Service\n'], ['expose: { public: true, loadBalancer: network }', '']] as const) {
      const { r, doc } = manifest(spec(expose, extra));
      expect(r.diagnostics.find((d) => d.code === 'COPILOT_NLB_NOT_WRITTEN')?.path).toEqual(['targets', 'copilot', 'nlb']);
      expect((doc.nlb as { port?: string } | undefined)?.port).not.toBe('8080/udp');
    }
  });
});
