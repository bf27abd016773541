import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { importSpec } from '../../src/importers/index.js';
import { runCli } from '../helpers/cli.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('codegen import kubernetes', () => {
  it('reports every field it does not carry at its own line and column', () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }', 'spec:', '  selector: { matchLabels: { app: api } }', '  template:', '    metadata: { labels: { app: api } }', '    spec:', '      hostNetwork: true', '      containers:', '        - name: app', '          image: api:1', '          stdin: true', ''].join('\n');
    const r = importSpec('kubernetes', [{ file: 'api.yaml', content: text }]);
    const lines = r.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED').map((d) => `${d.line}:${d.column} ${d.path.join('.')}`);
    expect(lines).toEqual(['9:7 spec.template.spec.hostNetwork', '13:11 spec.template.spec.containers.0.stdin']);
    expect(r.specs).toHaveLength(1);
    expect(r.specs[0]!.object).toMatchObject({ name: 'api', image: 'api:1' });
  });

  it('reads a PersistentVolumeClaim volume as one, and says how to make it an EFS volume every target mounts', () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: db }', 'spec:', '  selector: { matchLabels: { app: db } }', '  template:', '    metadata: { labels: { app: db } }', '    spec:', '      volumes:', '        - name: data', '          persistentVolumeClaim: { claimName: db-data, readOnly: true }', '      containers:', '        - name: app', '          image: db:1', '          volumeMounts: [{ name: data, mountPath: /var/lib/db }]', ''].join('\n');
    const r = importSpec('kubernetes', [{ file: 'db.yaml', content: text }]);
    expect(r.specs[0]!.object).toMatchObject({ volumes: { data: { persistentVolumeClaim: { claimName: 'db-data', readOnly: true } } }, mounts: [{ volume: 'data', path: '/var/lib/db' }] });
    expect(r.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED')).toEqual([]);
    expect(r.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^db\.yaml:11:36 info IMPORT_CHOICE .*declare it as efs with its fileSystemId and claimName db-data/));
  });

  it('groups a stream into one spec per workload, by selector and backend', () => {
    const doc = (name: string, port: number) =>
      [
        `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers: [{ name: app, image: "${name}:1", ports: [{ name: http, containerPort: ${port} }] }]`,
        `apiVersion: v1\nkind: Service\nmetadata: { name: ${name}-svc }\nspec:\n  selector: { app: ${name} }\n  ports: [{ name: http, port: 80, targetPort: http }]`,
      ].join('\n---\n');
    const r = importSpec('kubernetes', [{ file: 'all.yaml', content: `${doc('a', 8080)}\n---\n${doc('b', 9090)}\n` }]);
    expect(r.specs.map((s) => s.name)).toEqual(['a', 'b']);
    expect(r.specs[1]!.object).toMatchObject({ ports: [{ port: 9090, servicePort: 80 }], targets: { kubernetes: { service: { name: 'b-svc' } } } });
  });

  it('reads the items of a kind: List (kubectl get -o yaml) as documents, with their own positions', () => {
    const item = (name: string) => [`- apiVersion: apps/v1`, `  kind: Deployment`, `  metadata: { name: ${name} }`, `  spec:`, `    selector: { matchLabels: { app: ${name} } }`, `    template:`, `      metadata: { labels: { app: ${name} } }`, `      spec:`, `        hostNetwork: true`, `        containers: [{ name: app, image: "${name}:1" }]`];
    const text = ['apiVersion: v1', 'kind: List', 'items:', ...item('a'), ...item('b'), ''].join('\n');
    const r = importSpec('kubernetes', [{ file: 'list.yaml', content: text }]);
    expect(r.specs.map((s) => s.name)).toEqual(['a', 'b']);
    expect(r.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED').map((d) => `${d.line}:${d.column} ${d.path.join('.')}`)).toEqual(['12:9 spec.template.spec.hostNetwork', '22:9 spec.template.spec.hostNetwork']);
  });

  it('leaves out what the API server writes and fields at their Kubernetes default, and still reports any other value', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: api, uid: 1234, resourceVersion: "9", annotations: { deployment.kubernetes.io/revision: "2", team: shop } }',
      'spec:',
      '  progressDeadlineSeconds: 600',
      '  revisionHistoryLimit: 5',
      '  selector: { matchLabels: { app: api } }',
      '  template:',
      '    metadata: { labels: { app: api }, creationTimestamp: null }',
      '    spec:',
      '      dnsPolicy: None',
      '      restartPolicy: Always',
      '      securityContext: {}',
      '      containers: [{ name: app, image: "api:1", terminationMessagePolicy: File, terminationMessagePath: /tmp/log }]',
      'status: { replicas: 1 }',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: api }',
      'spec: { clusterIP: None, sessionAffinity: ClientIP, internalTrafficPolicy: Cluster, selector: { app: api }, ports: [{ port: 80 }] }',
      '',
    ].join('\n');
    const r = importSpec('kubernetes', [{ file: 'api.yaml', content: text }]);
    // Values other than the default, a headless Service's clusterIP and an annotation of one's own are still reported.
    expect(r.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED').map((d) => d.path.join('.')).sort()).toEqual(
      ['metadata.annotations.team', 'spec.clusterIP', 'spec.revisionHistoryLimit', 'spec.sessionAffinity', 'spec.template.spec.containers.0.terminationMessagePath', 'spec.template.spec.dnsPolicy'].sort(),
    );
    const info = r.diagnostics.filter((d) => d.code === 'IMPORT_API_FIELDS').map((d) => d.message);
    expect(info).toHaveLength(2);
    expect(info[0]).toMatch(/^Deployment api: status, metadata\.uid, metadata\.resourceVersion, metadata\.annotations\.deployment\.kubernetes\.io\/revision, spec\.progressDeadlineSeconds, spec\.template\.metadata\.creationTimestamp and 3 more are left out/);
    expect(info[1]).toMatch(/^Service api: spec\.internalTrafficPolicy is left out/);
    const lb = text.replace('spec: { clusterIP: None, sessionAffinity: ClientIP, internalTrafficPolicy: Cluster,', 'spec: { type: LoadBalancer, externalTrafficPolicy: Cluster, allocateLoadBalancerNodePorts: true,');
    const r2 = importSpec('kubernetes', [{ file: 'api.yaml', content: lb }]);
    expect(r2.diagnostics.find((d) => d.code === 'IMPORT_API_FIELDS' && d.message.startsWith('Service'))?.message).toMatch(/^Service api: spec\.externalTrafficPolicy, spec\.allocateLoadBalancerNodePorts are left out/);
    // A nodePort is carried; from an object the API server returned (a uid), with a word that the cluster may have chosen it.
    const node = (t: string) => importSpec('kubernetes', [{ file: 'api.yaml', content: lb.replace('ports: [{ port: 80 }]', 'ports: [{ port: 80, nodePort: 31234 }]').replace('metadata: { name: api }\nspec: { type', t) }]);
    const fromServer = node('metadata: { name: api, uid: 42 }\nspec: { type');
    expect(fromServer.specs[0]!.text).toContain('nodePort: 31234');
    expect(fromServer.diagnostics.filter((d) => d.code === 'IMPORT_CHOICE' && /nodePort 31234/.test(d.message)).map((d) => d.path.join('.'))).toEqual(['spec.ports.0.nodePort']);
    expect(node('metadata: { name: api }\nspec: { type').diagnostics.filter((d) => /nodePort 31234/.test(d.message))).toEqual([]);
  });

  it('codegen import kubernetes - reads standard input, named <stdin>, within the import limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-import-stdin-'));
    const manifest = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: "web:1", stdin: true }]\n';
    const ok = await runCli(['import', 'kubernetes', '-'], dir, { stdin: manifest });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/# Imported by `codegen import kubernetes` from <stdin>\./);
    expect(ok.stderr).toMatch(/^<stdin>:9:49 warning IMPORT_NOT_CARRIED /m);
    const big = await runCli(['import', 'kubernetes', '-'], dir, { stdin: new Uint8Array(11 * 1024 * 1024).fill(97) });
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(/<stdin> error IMPORT_TOO_LARGE/);
    const twice = await runCli(['import', 'kubernetes', '-', '-'], dir, { stdin: manifest });
    expect(twice.code).toBe(2);
  });

  it('refuses a Helm template, with the position of the first {{', () => {
    const r = importSpec('kubernetes', [{ file: 'deployment.yaml', content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' }]);
    expect(r.specs).toEqual([]);
    expect(r.diagnostics.map(formatDiagnostic)[0]).toMatch(/^deployment\.yaml:4:9 error IMPORT_TEMPLATE /);
  });

  it('refuses input that is not a manifest and names the kind it looks like', () => {
    const r = importSpec('kubernetes', [{ file: 'compose.yaml', content: 'services:\n  web:\n    image: nginx\n' }]);
    expect(r.specs).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'IMPORT_NOT_MANIFEST', severity: 'error', line: 1, column: 1, hint: 'it looks like compose input: codegen import compose' });
  });

  it('refuses a stream of more than 4 MiB before parsing it', () => {
    const big = `${'# padding\n'.repeat(1024 * 1024)}`;
    const r = importSpec('kubernetes', [{ file: 'big.yaml', content: big }]);
    expect(r.specs).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['IMPORT_TOO_LARGE']);
  });

  it('needs a workload', () => {
    const r = importSpec('kubernetes', [{ file: 'svc.yaml', content: 'apiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec: { selector: { app: x } }\n' }]);
    expect(r.specs).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT_NO_WORKLOAD');
  });

  it('refuses YAML aliases and syntax errors with a position', () => {
    const alias = importSpec('kubernetes', [{ file: 'a.yaml', content: 'x: &a [1]\ny: *a\n' }]);
    expect(alias.diagnostics[0]).toMatchObject({ code: 'YAML_ALIAS', severity: 'error' });
    const bad = importSpec('kubernetes', [{ file: 'b.yaml', content: 'kind: Deployment\n  metadata: [\n' }]);
    expect(bad.diagnostics[0]).toMatchObject({ severity: 'error', file: 'b.yaml' });
    expect(bad.specs).toEqual([]);
  });
  it('reports a YAML tag it does not know (CloudFormation short forms are read only for ecs and appmesh)', () => {
    const r = importSpec('kubernetes', [{ file: 'd.yaml', content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: app\n          image: !Ref Image\n' }]);
    expect(r.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^d\.yaml:11:18 warning IMPORT_UNKNOWN_TAG The YAML tag !Ref is not understood here/));
  });
});
