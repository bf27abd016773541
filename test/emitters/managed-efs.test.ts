/**
 * `volumes.<v>.managedEfs`: an EFS file system Copilot creates and manages (`efs: true`, or
 * `efs: {uid, gid}`). ECS and Kubernetes have no form: an error naming the target. Copilot manages
 * one per service. Volume names take ECS's and Copilot's rule; Kubernetes checks its own.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const spec = (volumes: string, targets = 'copilot: { acknowledgeDeprecation: true, type: Load Balanced Web Service }') => `apiVersion: codegen/v1
name: web
image: nginx:1.27.3
region: eu-west-1
ports: [{ port: 80 }]
expose: { public: true }
volumes:
${volumes}
mounts:
  - { volume: webData, path: /var/www }
targets:
  ${targets}
`;
const run = (volumes: string, targets?: string, only?: string[]) => compile(spec(volumes, targets), { file: 'service.yaml', ...(only ? { targets: only } : {}) });
const codes = (r: ReturnType<typeof compile>) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);

describe('Copilot-managed EFS volumes', () => {
  it('writes efs: true, or the POSIX user, and imports both back', () => {
    for (const [given, efs] of [['{}', true], ['{ uid: 1000, gid: 1000 }', { uid: 1000, gid: 1000 }]] as const) {
      const r = run(`  webData: { managedEfs: ${given} }`);
      expect(codes(r)).toEqual([]);
      const text = r.files.find((f) => f.path.endsWith('manifest.yml'))!.content;
      expect((parse(text) as { storage: { volumes: Record<string, unknown> } }).storage.volumes.webData).toEqual({ path: '/var/www', read_only: false, efs });
      const back = importSpec('copilot', [{ file: 'manifest.yml', content: text }]);
      expect((back.specs[0]!.object as { volumes: Record<string, unknown> }).volumes.webData).toEqual({ managedEfs: typeof efs === 'object' ? efs : {} });
    }
  });

  it('refuses it on ECS and Kubernetes, naming the target', () => {
    const fixed = compile(spec('  webdata: { managedEfs: {} }', 'ecs: {}\n  kubernetes: {}').replace('volume: webData', 'volume: webdata'), { file: 'service.yaml' });
    const errors = fixed.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code).sort()).toEqual(['ECS_MANAGED_EFS', 'K8S_MANAGED_EFS']);
    expect(errors.find((d) => d.code === 'ECS_MANAGED_EFS')?.message).toMatch(/target ecs/);
    expect(errors.find((d) => d.code === 'K8S_MANAGED_EFS')?.message).toMatch(/target kubernetes/);
    expect(fixed.files).toEqual([]);
  });

  it('refuses two managed volumes on Copilot and a uid without a gid', () => {
    expect(codes(run('  webData: { managedEfs: {} }\n  other: { managedEfs: {} }'))).toContain('COPILOT_MANAGED_EFS_ONE');
    expect(codes(run('  webData: { managedEfs: { uid: 1000 } }'))).toContain('VOLUME_MANAGED_EFS_USER');
  });

  it('checks a volume name that is no DNS label on Kubernetes only', () => {
    const k8s = run('  webData: { emptyDir: {} }', 'kubernetes: {}');
    expect(k8s.diagnostics.find((d) => d.code === 'K8S_INVALID_NAME')?.message).toMatch(/Volume name \(target kubernetes\) "webData"/);
    expect(codes(run('  webData: { emptyDir: {} }', 'ecs: {}'))).toEqual([]);
  });
});
