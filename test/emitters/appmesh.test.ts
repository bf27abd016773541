import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';

const SEED = readFileSync(new URL('../../fixtures/seed/service.yaml', import.meta.url), 'utf8');
const REFERENCE = new URL('./reference/appmesh.cfn.yaml', import.meta.url);

type Obj = Record<string, any>;

function mesh(spec: string | object, targets = ['appmesh']) {
  const r = compile(spec, { targets });
  const file = r.files.find((f) => f.path.endsWith('appmesh/mesh.cfn.yaml'));
  return { r, template: file ? (parse(file.content) as Obj) : undefined, codes: r.diagnostics.map((d) => d.code) };
}

const base = (appmesh: object, extra: object = {}) => ({
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'repo/svc:1.0.0',
  ports: [{ port: 8080 }],
  ...extra,
  targets: { appmesh: { acknowledgeDeprecation: true, serviceDiscovery: { cloudMap: { namespace: 'ns' } }, ...appmesh } },
});

/** Every (path → scalar) leaf of an object, with intrinsics compared by their logical target. */
function leaves(v: unknown, at = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) for (const [p, y] of leaves(x, `${at}/${k}`)) out.set(p, y);
  } else out.set(at, v);
  return out;
}

describe('appmesh:cfn', () => {
  it('reproduces every field and value of the article snippet from the seed', () => {
    const { template } = mesh(SEED);
    // The reference uses short-form !GetAtt; compare it in long form.
    const refText = readFileSync(REFERENCE, 'utf8').replace(/!GetAtt (\w+)\.(\w+)/g, '{"Fn::GetAtt": [$1, $2]}');
    const reference = parse(refText) as Obj;
    for (const [path, value] of leaves(reference.Resources)) {
      const got = path.split('/').slice(1).reduce<any>((o, k) => (o === undefined ? undefined : o[k]), template!.Resources);
      expect(got, path).toEqual(value);
    }
  });

  it('defines every virtual node the route targets and makes the route wait for them', () => {
    const { template } = mesh(SEED);
    const res = template!.Resources as Obj;
    const nodes = Object.values(res).filter((r: any) => r.Type === 'AWS::AppMesh::VirtualNode').map((r: any) => r.Properties.VirtualNodeName);
    const targets = res.Route.Properties.Spec.HttpRoute.Action.WeightedTargets.map((t: Obj) => t.VirtualNode);
    for (const t of targets) expect(nodes).toContain(t);
    expect(res.Route.DependsOn).toEqual(['VirtualNodeMyAppV1', 'VirtualNodeMyAppV2']);
    expect(res.VirtualNodeMyAppV1.Properties.Spec.ServiceDiscovery).toEqual({ AWSCloudMap: { NamespaceName: 'my-namespace', ServiceName: 'my-app-v1' } });
    expect(res.VirtualService.Properties.VirtualServiceName).toBe('my-app.my-namespace');
  });

  it('routes 100% to the single node when no versions are given', () => {
    const { template } = mesh(base({}));
    expect(template!.Resources.Route.Properties.Spec.HttpRoute.Action.WeightedTargets).toEqual([{ VirtualNode: 'svc-node', Weight: 100 }]);
    expect(template!.Resources.Route.DependsOn).toEqual(['VirtualNode']);
  });

  it('rejects weights over 100 in total and warns when all are zero (§4.6)', () => {
    expect(mesh(base({ versions: [{ name: 'a', weight: 60 }, { name: 'b', weight: 50 }] })).codes).toContain('APPMESH_WEIGHTS_TOTAL');
    const zero = mesh(base({ versions: [{ name: 'a', weight: 0 }, { name: 'b', weight: 0 }] }));
    expect(zero.codes).toContain('APPMESH_WEIGHTS_ZERO');
    expect(zero.r.diagnostics.find((d) => d.code === 'APPMESH_WEIGHTS_ZERO')!.severity).toBe('warning');
    // Relative weights below 100 are valid.
    expect(mesh(base({ versions: [{ name: 'a', weight: 3 }, { name: 'b', weight: 1 }] })).codes).not.toContain('APPMESH_WEIGHTS_TOTAL');
    // More than 10 targets is a schema error.
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `v${i}`, weight: 1 }));
    expect(mesh(base({ versions: eleven })).r.files).toEqual([]);
  });

  it('requires service discovery when something routes to the node', () => {
    const r = mesh({ ...base({}), targets: { appmesh: { acknowledgeDeprecation: true, versions: [{ name: 'svc-node', weight: 1 }] } } });
    expect(r.codes).toContain('APPMESH_SERVICE_DISCOVERY_REQUIRED');
    expect(r.template).toBeUndefined();
  });

  // App Mesh API VirtualNodeSpec: "If you specify a listener, then you must specify service discovery
  // information"; a node that expects no ingress traffic may omit both.
  it('writes a client-only node (no listener, no router or service) without service discovery', () => {
    const r = mesh({ ...base({}), targets: { appmesh: { acknowledgeDeprecation: true, backends: ['orders.local'] } } });
    expect(r.codes).toContain('APPMESH_CLIENT_ONLY');
    expect(Object.keys(r.template!.Resources)).toEqual(['Mesh', 'VirtualNode']);
    expect(r.template!.Resources.VirtualNode.Properties.Spec).toEqual({ Backends: [{ VirtualService: { VirtualServiceName: 'orders.local' } }] });
  });

  it('lets the node provide the virtual service directly, with Cloud Map attributes', () => {
    const { template } = mesh(base({ provider: 'virtualNode', serviceDiscovery: { cloudMap: { namespace: 'ns', attributes: { ECS_TASK_DEFINITION_FAMILY: 'svc' } } } }));
    expect(Object.keys(template!.Resources)).toEqual(['Mesh', 'VirtualNode', 'VirtualService']);
    expect(template!.Resources.VirtualService.Properties.Spec.Provider).toEqual({ VirtualNode: { VirtualNodeName: { 'Fn::GetAtt': ['VirtualNode', 'VirtualNodeName'] } } });
    expect(template!.Resources.VirtualNode.Properties.Spec.ServiceDiscovery.AWSCloudMap.Attributes).toEqual([{ Key: 'ECS_TASK_DEFINITION_FAMILY', Value: 'svc' }]);
  });

  it('says the mesh route matches one path prefix when the spec routes several paths', () => {
    const r = mesh(base({}, { expose: { paths: ['/a', '/b'] } }));
    expect(r.codes).toContain('APPMESH_ROUTE_MATCH');
    expect(r.template!.Resources.Route.Properties.Spec.HttpRoute.Match).toEqual({ Prefix: '/a' });
  });

  it('refuses a node provider for weighted versions', () => {
    const r = mesh(base({ provider: 'virtualNode', versions: [{ name: 'svc-node', weight: 1 }, { name: 'svc-v2', weight: 1 }] }));
    expect(r.codes).toContain('APPMESH_PROVIDER_NODE');
  });

  it('uses the protocol-specific route and a gateway for gRPC services', () => {
    const { template } = mesh(base({ gateway: {} }, { ports: [{ port: 50051, appProtocol: 'grpc' }] }));
    expect(template!.Resources.Route.Properties.Spec.GrpcRoute).toBeDefined();
    expect(template!.Resources.GatewayRoute.Properties.Spec.GrpcRoute.Action.Target.VirtualService.VirtualServiceName).toEqual({ 'Fn::GetAtt': ['VirtualService', 'VirtualServiceName'] });
    expect(template!.Resources.VirtualGateway.Properties.Spec.Listeners[0].PortMapping).toEqual({ Port: 50051, Protocol: 'grpc' });
  });

  it('references an existing mesh by name when createMesh is false', () => {
    const { template } = mesh(base({ createMesh: false, meshName: 'shared' }));
    expect(template!.Resources.Mesh).toBeUndefined();
    expect(template!.Resources.VirtualNode.Properties.MeshName).toBe('shared');
  });

  it('reports the deprecation once, unless acknowledged', () => {
    const spec = base({ acknowledgeDeprecation: false });
    const d = mesh(spec).r.diagnostics.filter((x) => x.code === 'APPMESH_DEPRECATED');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.message).toContain('2026-09-30');
    expect(d[0]!.hint).toContain('Service Connect');
    expect(mesh(base({})).codes).not.toContain('APPMESH_DEPRECATED');
  });
});

describe('meshed ECS task definition', () => {
  const td = (spec: object) => JSON.parse(compile(spec, { targets: ['ecs'] }).files.find((f) => f.path.endsWith('task-definition.json'))!.content) as Obj;

  it('adds the Envoy sidecar and the APPMESH proxy configuration when appmesh is enabled', () => {
    const t = td(base({ meshName: 'm', virtualNodeName: 'n' }, { tracing: { xray: true } }));
    const envoy = t.containerDefinitions.find((c: Obj) => c.name === 'envoy');
    expect(envoy.image).toMatch(/^public\.ecr\.aws\/appmesh\/aws-appmesh-envoy:v\d+\.\d+\.\d+\.\d+-prod$/);
    expect(envoy.user).toBe('1337');
    expect(envoy.environment).toEqual([
      { name: 'APPMESH_VIRTUAL_NODE_NAME', value: 'mesh/m/virtualNode/n' },
      { name: 'ENABLE_ENVOY_XRAY_TRACING', value: '1' },
    ]);
    expect(t.containerDefinitions[0].dependsOn).toEqual([{ containerName: 'envoy', condition: 'HEALTHY' }]);
    expect(t.proxyConfiguration.type).toBe('APPMESH');
    expect(t.proxyConfiguration.properties).toContainEqual({ name: 'IgnoredUID', value: '1337' });
    expect(t.proxyConfiguration.properties).toContainEqual({ name: 'AppPorts', value: '8080' });
  });

  it('leaves the task alone without the appmesh target', () => {
    const spec: Obj = base({});
    spec.targets = { ecs: {} };
    const t = td(spec);
    expect(t.proxyConfiguration).toBeUndefined();
    expect(t.containerDefinitions.map((c: Obj) => c.name)).toEqual(['app']);
  });
});
