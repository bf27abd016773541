import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { importSpec } from '../../src/importers/index.js';
import { runCli, specWorkspace } from '../helpers/cli.js';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

/** The App Mesh controller's resources codegen writes for a spec (kubernetesController on). */
function controllerOutput(spec: string): string {
  const r = compile(spec, { targets: ['appmesh'] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const f = r.files.find((x) => x.path.endsWith('appmesh/kubernetes/mesh.yaml'));
  expect(f).toBeDefined();
  return f!.content;
}

function regenerate(text: string, file: string): string | undefined {
  const r = importSpec('appmesh', [{ file: 'mesh.yaml', content: text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  expect(r.specs).toHaveLength(1);
  const g = compile(r.specs[0]!.text, { targets: ['appmesh'] });
  expect(g.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return g.files.find((x) => x.path.endsWith(file))?.content;
}

describe('codegen import appmesh', () => {
  it('reads the controller resources back into the same mesh (Cloud Map, weighted versions, backends)', () => {
    const spec = read('seed/service.yaml').replace('    meshName: my-mesh\n', '    meshName: my-mesh\n    kubernetesController: true\n');
    const out = controllerOutput(spec);
    expect(regenerate(out, 'appmesh/kubernetes/mesh.yaml')).toBe(out);
  });

  it('reads the controller resources back with DNS discovery, a namespace and no Mesh object', () => {
    const spec = `apiVersion: codegen/v1
name: colorteller
image: colorteller:2.0.1
ports: [{ port: 9080 }]
health: { traffic: { path: /ping, interval: 5s, timeout: 2s, healthyThreshold: 2, unhealthyThreshold: 2 } }
targets:
  kubernetes: { namespace: appmesh-demo }
  appmesh:
    acknowledgeDeprecation: true
    kubernetesController: true
    meshName: color-mesh
    createMesh: false
    virtualNodeName: colorteller-white
    serviceDiscovery: { dns: { hostname: colorteller.appmesh-demo.svc.cluster.local } }
    versions: [{ name: colorteller-white, weight: 2 }, { name: colorteller-blue, weight: 1 }]
`;
    const out = controllerOutput(spec);
    const r = importSpec('appmesh', [{ file: 'mesh.yaml', content: out }]);
    // The mesh comes from meshRef-less resources: no Mesh object and no meshRef, so the name is a stated guess.
    expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT_AMBIGUOUS');
    const withRef = out.replace(/spec:\n  awsName: /g, 'spec:\n  meshRef: { name: color-mesh }\n  awsName: ');
    expect(regenerate(withRef, 'appmesh/kubernetes/mesh.yaml')).toBe(out);
  });

  it('reports fields not carried at their line and column, and proposes the Service Connect equivalent', () => {
    // The route's priority and a query parameter condition have no form in the spec.
    const template = read('patch-every-target/expected/orders/appmesh/mesh.cfn.yaml').replace('      Spec:\n        HttpRoute:\n          Match:\n            Prefix: /\n', '      Spec:\n        Priority: 5\n        HttpRoute:\n          Match:\n            Prefix: /\n            QueryParameters:\n              - Name: version\n');
    const r = importSpec('appmesh', [{ file: 'mesh.cfn.yaml', content: template }]);
    const lines = r.diagnostics.map(formatDiagnostic);
    expect(lines).toContainEqual(expect.stringMatching(/^mesh\.cfn\.yaml:64:9 warning IMPORT_NOT_CARRIED .*"Priority"/));
    expect(lines).toContainEqual(expect.stringMatching(/^mesh\.cfn\.yaml:68:13 warning IMPORT_NOT_CARRIED .*"QueryParameters"/));
    // The retry policy the golden's patch adds is carried, its 2000 ms kept in milliseconds.
    expect((r.specs[0]!.object as { targets: { appmesh: { route: unknown } } }).targets.appmesh.route).toEqual({
      retryPolicy: { maxRetries: 2, perRetryTimeout: '2000ms', httpRetryEvents: ['server-error', 'gateway-error'], tcpRetryEvents: ['connection-error'] },
    });
    expect(lines.filter((l) => l.includes('RetryPolicy'))).toEqual([]);
    const sc = r.diagnostics.find((d) => d.code === 'IMPORT_SERVICE_CONNECT')!;
    expect(sc.severity).toBe('info');
    expect(sc.message).toContain('targets.ecs.service.serviceConnect: { namespace: shop.local, dnsName: orders.shop.local }');
    expect(r.specs[0]!.text).toContain('# ECS Service Connect equivalent (App Mesh is discontinued): targets.ecs.service.serviceConnect: { namespace: shop.local, dnsName: orders.shop.local }');
  });

  it('the Service Connect proposal generates: namespace, discovery name and the client alias clients already call', () => {
    const r = importSpec('appmesh', [{ file: 'mesh.cfn.yaml', content: read('appmesh-gateway/expected/catalog/appmesh/mesh.cfn.yaml') }]);
    const sc = r.diagnostics.filter((d) => d.code === 'IMPORT_SERVICE_CONNECT').map((d) => d.message);
    expect(sc[0]).toContain('{ namespace: shop.local, discoveryName: catalog-v2, dnsName: catalog.shop.local }');
    expect(sc.join('\n')).toMatch(/no weighted routing.*catalog-v1 75, catalog-v2 25/);
    expect(sc.join('\n')).toMatch(/no ingress gateway.*hosts: \[catalog\.example\.com\], path: \/catalog/);
    // Following the proposal gives an ECS service with that Service Connect configuration.
    const migrated = r.specs[0]!.text.replace(/\ntargets:\n  appmesh:[\s\S]*$/, '\nregion: ap-northeast-1\ntargets:\n  ecs:\n    service:\n      serviceConnect: { namespace: shop.local, discoveryName: catalog-v2, dnsName: catalog.shop.local }\n');
    const g = compile(migrated, { targets: ['ecs'] });
    expect(g.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const template = g.files.find((f) => f.path.endsWith('ecs/service.cfn.yaml'))!.content;
    expect(template).toMatch(/DiscoveryName: catalog-v2\n\s+ClientAliases:\n\s+- Port: 9080\n\s+DnsName: catalog\.shop\.local/);
  });

  it('one spec per virtual service; a node no route reaches is reported', () => {
    const two = read('realworld/appmesh-tcpecho/expected/tcpecho/appmesh/mesh.cfn.yaml').replace('Resources:\n', `Resources:
  Stray:
    Type: AWS::AppMesh::VirtualNode
    Properties:
      MeshName: color-mesh
      VirtualNodeName: stray
      Spec:
        Listeners: [{ PortMapping: { Port: 80, Protocol: http } }]
        ServiceDiscovery: { DNS: { Hostname: stray.local } }
  OtherService:
    Type: AWS::AppMesh::VirtualService
    Properties:
      MeshName: color-mesh
      VirtualServiceName: other.local
      Spec: { Provider: { VirtualNode: { VirtualNodeName: stray } } }
`);
    const r = importSpec('appmesh', [{ file: 'mesh.cfn.yaml', content: two }]);
    expect(r.specs.map((s) => s.name)).toEqual(['other', 'tcpecho']);
    const other = r.specs[0]!.object as { targets: { appmesh: Record<string, unknown> } };
    // A virtual service its node provides directly keeps that shape (provider: virtualNode).
    expect(other.targets.appmesh).toMatchObject({ virtualNodeName: 'stray', virtualServiceName: 'other.local', createMesh: false, provider: 'virtualNode' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('IMPORT_VALUE_CHANGED');
  });

  it('keeps template parameters as the spec\'s ${Name} (declared in parameters) and reports a reference it cannot read', () => {
    const template = `Parameters:
  Project: { Type: String, Default: shop, Description: Project name. }
Resources:
  Mesh: { Type: AWS::AppMesh::Mesh, Properties: { MeshName: { "Fn::Sub": "\${Project}-mesh" } } }
  Node:
    Type: AWS::AppMesh::VirtualNode
    Properties:
      MeshName: { "Fn::GetAtt": [Mesh, MeshName] }
      VirtualNodeName: { Ref: Project }
      Spec:
        Listeners: [{ PortMapping: { Port: 8080, Protocol: http } }]
        ServiceDiscovery: { DNS: { Hostname: { "Fn::GetAtt": [Elsewhere, DnsName] } } }
  Service:
    Type: AWS::AppMesh::VirtualService
    Properties:
      MeshName: { "Fn::GetAtt": [Mesh, MeshName] }
      VirtualServiceName: !Sub "api.\${AWS::Region}.internal"
      Spec: { Provider: { VirtualNode: { VirtualNodeName: !GetAtt Node.VirtualNodeName } } }
`;
    const r = importSpec('appmesh', [{ file: 't.yaml', content: template }]);
    const spec = r.specs[0]!.object as { parameters: unknown; targets: { appmesh: Record<string, unknown> } };
    expect(spec.targets.appmesh).toMatchObject({ meshName: '\${Project}-mesh', virtualNodeName: '\${Project}', virtualServiceName: 'api.\${AWS::Region}.internal' });
    expect(spec.parameters).toEqual({ Project: { description: 'Project name.', default: 'shop' } });
    expect(r.diagnostics.map(formatDiagnostic)).toContainEqual(expect.stringMatching(/^t\.yaml:12:\d+ warning IMPORT_NOT_CARRIED .*DNS host name .*gives no name the spec can hold/));
  });

  it('codegen import --parameter KEY=VALUE gives a parameter its value (the spec keeps the parameter, with that default)', async () => {
    const template = `Parameters:
  Project: { Type: String }
Resources:
  Node:
    Type: AWS::AppMesh::VirtualNode
    Properties:
      MeshName: !Sub "\${Project}-mesh"
      VirtualNodeName: api
      Spec:
        Listeners: [{ PortMapping: { Port: 8080, Protocol: http } }]
        ServiceDiscovery: { AWSCloudMap: { NamespaceName: !Sub "\${Project}.local", ServiceName: api } }
  Service:
    Type: AWS::AppMesh::VirtualService
    Properties:
      MeshName: !Sub "\${Project}-mesh"
      VirtualServiceName: !Sub "api.\${Project}.local"
      Spec: { Provider: { VirtualNode: { VirtualNodeName: !GetAtt Node.VirtualNodeName } } }
`;
    const without = importSpec('appmesh', [{ file: 't.yaml', content: template }]);
    expect((without.specs[0]!.object as { parameters: unknown }).parameters).toEqual({ Project: {} });
    const r = importSpec('appmesh', [{ file: 't.yaml', content: template }], { parameters: { Project: 'shop' } });
    const spec = r.specs[0]!.object as { parameters: unknown; targets: { appmesh: Record<string, unknown> } };
    expect(spec.parameters).toEqual({ Project: { default: 'shop' } });
    expect(spec.targets.appmesh).toMatchObject({ meshName: '\${Project}-mesh', serviceDiscovery: { cloudMap: { namespace: '\${Project}.local' } } });
    expect(spec.targets.appmesh.virtualServiceName).toBeUndefined(); // api.${Project}.local is the default for Cloud Map service api
    // Generating it gives the template back with the parameter and its new default.
    const g = compile(r.specs[0]!.text, { targets: ['appmesh'] });
    expect(g.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    expect(g.files.find((f) => f.path.endsWith('appmesh/mesh.cfn.yaml'))!.content).toMatch(/Parameters:\n  Project:\n    Type: String\n    Default: shop\n/);
    const dir = specWorkspace('x', { 't.yaml': template });
    const cli = await runCli(['import', 'appmesh', 't.yaml', '--parameter', 'Project=shop'], dir);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('default: shop');
    const bad = await runCli(['import', 'appmesh', 't.yaml', '--parameter', 'Project'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--parameter takes KEY=VALUE');
  });

  describe('bad input: an error and nothing written', () => {
    it('refuses a Helm template, with the position of the first {{', () => {
      const r = importSpec('appmesh', [{ file: 'mesh.yaml', content: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata:\n  name: {{ .Values.mesh }}\n' }]);
      expect(r.specs).toEqual([]);
      expect(r.diagnostics.map(formatDiagnostic)[0]).toMatch(/^mesh\.yaml:4:9 error IMPORT_TEMPLATE /);
    });

    it('refuses input that is not a manifest, or of the wrong kind, and names the kind it looks like', () => {
      const compose = importSpec('appmesh', [{ file: 'compose.yaml', content: 'services:\n  web:\n    image: nginx\n' }]);
      expect(compose.specs).toEqual([]);
      expect(compose.diagnostics[0]).toMatchObject({ code: 'IMPORT_WRONG_KIND', severity: 'error', line: 1, column: 1, hint: 'it looks like compose input: codegen import compose' });
      const ecs = importSpec('appmesh', [{ file: 'service.cfn.yaml', content: read('ecs-rolling/expected/catalog-api/ecs/service.cfn.yaml') }]);
      expect(ecs.specs).toEqual([]);
      expect(ecs.diagnostics[0]).toMatchObject({ code: 'IMPORT_WRONG_KIND', hint: 'it looks like ecs input: codegen import ecs' });
      const k8s = importSpec('appmesh', [{ file: 'd.yaml', content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\n' }]);
      expect(k8s.diagnostics[0]).toMatchObject({ code: 'IMPORT_WRONG_KIND', hint: 'it looks like kubernetes input: codegen import kubernetes' });
      const text = importSpec('appmesh', [{ file: 'notes.txt', content: 'just some words\n' }]);
      expect(text.specs).toEqual([]);
      expect(text.diagnostics[0]).toMatchObject({ code: 'IMPORT_WRONG_KIND', severity: 'error' });
    });

    it('refuses a mesh with no virtual service to write a spec for', () => {
      const r = importSpec('appmesh', [{ file: 'mesh.yaml', content: 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: { name: m }\nspec: { namespaceSelector: { matchLabels: { mesh: m } } }\n' }]);
      expect(r.specs).toEqual([]);
      expect(r.diagnostics.map((d) => d.code)).toContain('IMPORT_NO_VIRTUAL_SERVICE');
    });

    it('refuses a stream of more than 4 MiB before parsing it', () => {
      const doc = 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: { name: n }\n---\n';
      const r = importSpec('appmesh', [{ file: 'big.yaml', content: doc.repeat(Math.ceil((10 * 1024 * 1024) / doc.length)) }]);
      expect(r.specs).toEqual([]);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['IMPORT_TOO_LARGE']);
    });

    it('the CLI exits non-zero and writes nothing', async () => {
      const dir = specWorkspace('x', { 'mesh.yaml': 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata:\n  name: {{ .Values.mesh }}\n' });
      const r = await runCli(['import', 'appmesh', 'mesh.yaml', '--out', 'imported.yaml'], dir);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/mesh\.yaml:4:9.*IMPORT_TEMPLATE/);
      expect(existsSync(join(dir, 'imported.yaml'))).toBe(false);
      writeFileSync(join(dir, 'mesh.cfn.yaml'), read('seed/expected/my-app/appmesh/mesh.cfn.yaml'));
      const ok = await runCli(['import', 'appmesh', 'mesh.cfn.yaml', '--out', 'imported.yaml'], dir);
      expect(ok.code).toBe(0);
      expect(readFileSync(join(dir, 'imported.yaml'), 'utf8')).toContain('meshName: my-mesh');
    });
  });
});
