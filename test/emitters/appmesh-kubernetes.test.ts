// Expected values checked against aws/aws-app-mesh-controller-for-k8s: docs/reference/api_spec.md
// (Route.name is required; awsName defaults to "${name}_${namespace}" otherwise) and
// config/crd/bases/appmesh.k8s.aws_{meshes,virtualnodes,virtualrouters,virtualservices}.yaml
// (field names; Mesh is cluster-scoped; healthCheck thresholds 2–10, intervalMillis 5000–300000,
// timeoutMillis 2000–60000), and config/webhook/pod_mutator_patch.yaml (the injector selects
// namespaces by appmesh.k8s.aws/sidecarInjectorWebhook).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { compile } from '../../src/compile/compile.js';

const SEED = readFileSync(new URL('../../fixtures/seed/service.yaml', import.meta.url), 'utf8');
const SEED_OPT_IN = SEED.replace('    meshName: my-mesh\n', '    meshName: my-mesh\n    kubernetesController: true\n');
const MESH_FILE = 'appmesh/kubernetes/mesh.yaml';

type Obj = Record<string, any>;

function build(spec: string | object, targets?: string[]) {
  const r = compile(spec, targets ? { targets } : {});
  const file = r.files.find((f) => f.path.endsWith(MESH_FILE));
  const docs = file ? (parseAllDocuments(file.content).map((d) => d.toJS()) as Obj[]) : undefined;
  const ns = r.files.find((f) => f.path.endsWith('kubernetes/namespace.yaml'));
  return { r, docs, file, namespace: ns ? (parseAllDocuments(ns.content)[0]!.toJS() as Obj) : undefined, diags: r.diagnostics };
}

const of = (docs: Obj[], kind: string) => docs.filter((d) => d.kind === kind);

const base = (appmesh: object, kubernetes: object = { namespace: 'shop' }, extra: object = {}) => ({
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'repo/svc:1.0.0',
  ports: [{ port: 8080 }],
  health: { traffic: { path: '/healthz' } },
  ...extra,
  targets: {
    kubernetes,
    appmesh: { acknowledgeDeprecation: true, kubernetesController: true, serviceDiscovery: { dns: { hostname: 'svc.internal' } }, ...appmesh },
  },
});

describe('appmesh:kubernetes', () => {
  it('is off by default: the seed writes no controller resources and its namespace stays unlabelled', () => {
    const { r, docs } = build(SEED);
    expect(docs).toBeUndefined();
    expect(r.files.some((f) => f.path.includes('appmesh/kubernetes/'))).toBe(false);
    expect(r.diagnostics.map((d) => d.code)).not.toContain('APPMESH_K8S_NAMESPACE_LABELS');
  });

  it('needs both targets: appmesh alone writes nothing for Kubernetes', () => {
    const spec = base({}) as Obj;
    delete spec.targets.kubernetes;
    const { docs } = build(spec, ['appmesh']);
    expect(docs).toBeUndefined();
  });

  it('writes Mesh, a VirtualNode per routed version and for the service, VirtualRouter and VirtualService for the seed', () => {
    const { docs } = build(SEED_OPT_IN);
    expect(docs!.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Mesh/my-mesh',
      'VirtualNode/my-app-node',
      'VirtualNode/my-app-v1',
      'VirtualNode/my-app-v2',
      'VirtualRouter/my-app-router',
      'VirtualService/my-app.my-namespace',
    ]);
    for (const d of docs!) expect(d.apiVersion).toBe('appmesh.k8s.aws/v1beta2');
  });

  it('Mesh: cluster-scoped, egress filter and a namespace selector on the mesh label', () => {
    const [mesh] = of(build(SEED_OPT_IN).docs!, 'Mesh');
    expect(mesh!.metadata.namespace).toBeUndefined();
    expect(mesh!.spec).toEqual({ awsName: 'my-mesh', namespaceSelector: { matchLabels: { mesh: 'my-mesh' } }, egressFilter: { type: 'DROP_ALL' } });
  });

  it('VirtualNode: pod selector from the Deployment selector, listener with the appmesh health check, Cloud Map discovery, backends', () => {
    const { r, docs } = build(SEED_OPT_IN);
    const nodes = of(docs!, 'VirtualNode');
    const self = nodes.find((n) => n.metadata.name === 'my-app-node')!;
    // The Deployment's own selector is the one the node must match.
    const deployment = parseAllDocuments(r.files.find((f) => f.path.endsWith('kubernetes/deployment.yaml'))!.content)[0]!.toJS() as Obj;
    expect(self.spec.podSelector).toEqual(deployment.spec.selector);
    expect(self.spec.podSelector).toEqual({ matchLabels: { app: 'my-app' } });
    for (const [k, v] of Object.entries(self.spec.podSelector.matchLabels)) expect(deployment.spec.template.metadata.labels[k]).toBe(v);
    expect(self.metadata.namespace).toBe('production');
    expect(self.spec.awsName).toBe('my-app-node');
    // targets.appmesh.health.traffic of the seed: 5s interval, 2s timeout, thresholds 2/3, path /health.
    expect(self.spec.listeners).toEqual([
      {
        portMapping: { port: 8080, protocol: 'http' },
        healthCheck: { healthyThreshold: 2, intervalMillis: 5000, path: '/health', port: 8080, protocol: 'http', timeoutMillis: 2000, unhealthyThreshold: 3 },
      },
    ]);
    expect(self.spec.serviceDiscovery).toEqual({ awsCloudMap: { namespaceName: 'my-namespace', serviceName: 'my-app' } });
    expect(self.spec.backends).toEqual([{ virtualService: { virtualServiceRef: { name: 'backend.my-namespace' } } }]);
    const v1 = nodes.find((n) => n.metadata.name === 'my-app-v1')!;
    expect(v1.spec.podSelector).toEqual({ matchLabels: { app: 'my-app-v1' } });
    expect(v1.spec.serviceDiscovery).toEqual({ awsCloudMap: { namespaceName: 'my-namespace', serviceName: 'my-app-v1' } });
  });

  it('VirtualRouter: one listener and the weighted route 90/10; VirtualService provided by the router', () => {
    const docs = build(SEED_OPT_IN).docs!;
    const [router] = of(docs, 'VirtualRouter');
    expect(router!.spec).toEqual({
      awsName: 'my-app-router',
      listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
      routes: [
        {
          name: 'my-app-route',
          httpRoute: {
            match: { prefix: '/' },
            action: { weightedTargets: [{ virtualNodeRef: { name: 'my-app-v1' }, weight: 90 }, { virtualNodeRef: { name: 'my-app-v2' }, weight: 10 }] },
          },
        },
      ],
    });
    const [service] = of(docs, 'VirtualService');
    expect(service!.spec).toEqual({ awsName: 'my-app.my-namespace', provider: { virtualRouter: { virtualRouterRef: { name: 'my-app-router' } } } });
  });

  it('uses the same App Mesh names and values as the CloudFormation template', () => {
    const { r, docs } = build(SEED_OPT_IN);
    const cfn = parseAllDocuments(r.files.find((f) => f.path.endsWith('appmesh/mesh.cfn.yaml'))!.content)[0]!.toJS() as Obj;
    const res = Object.values(cfn.Resources) as Obj[];
    const cfnNodes = res.filter((x) => x.Type === 'AWS::AppMesh::VirtualNode').map((x) => x.Properties.VirtualNodeName);
    expect(of(docs!, 'VirtualNode').map((n) => n.spec.awsName)).toEqual(cfnNodes);
    const cfnHc = cfn.Resources.VirtualNode.Properties.Spec.Listeners[0].HealthCheck as Obj;
    const hc = of(docs!, 'VirtualNode')[0]!.spec.listeners[0].healthCheck as Obj;
    expect(Object.fromEntries(Object.entries(hc).map(([k, v]) => [k[0]!.toUpperCase() + k.slice(1), v]))).toEqual(cfnHc);
    expect(of(docs!, 'VirtualService')[0]!.spec.awsName).toBe(cfn.Resources.VirtualService.Properties.VirtualServiceName);
    expect(of(docs!, 'VirtualRouter')[0]!.spec.routes[0].name).toBe(cfn.Resources.Route.Properties.RouteName);
    expect(of(docs!, 'Mesh')[0]!.spec.awsName).toBe(cfn.Resources.Mesh.Properties.MeshName);
  });

  it('without createNamespace reports the namespace labels to add (info)', () => {
    const { diags, namespace } = build(SEED_OPT_IN);
    expect(namespace).toBeUndefined();
    const d = diags.find((x) => x.code === 'APPMESH_K8S_NAMESPACE_LABELS')!;
    expect(d.severity).toBe('info');
    expect(d.message).toContain('mesh=my-mesh');
    expect(d.message).toContain('appmesh.k8s.aws/sidecarInjectorWebhook=enabled');
  });

  it('with createNamespace labels the Namespace for the mesh and the sidecar injector', () => {
    const { namespace, diags } = build(base({}, { namespace: 'shop', createNamespace: true }));
    expect(namespace!.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'codegen', mesh: 'svc-mesh', 'appmesh.k8s.aws/sidecarInjectorWebhook': 'enabled' });
    expect(diags.map((x) => x.code)).not.toContain('APPMESH_K8S_NAMESPACE_LABELS');
  });

  it('DNS discovery uses the Kubernetes Service cluster name; versions get their own Service name', () => {
    const { docs } = build(base({ versions: [{ name: 'svc-node', weight: 80 }, { name: 'svc-canary', weight: 20 }] }, { namespace: 'shop', service: { name: 'svc-web' } }));
    const nodes = of(docs!, 'VirtualNode');
    expect(nodes.map((n) => [n.metadata.name, n.spec.serviceDiscovery])).toEqual([
      ['svc-node', { dns: { hostname: 'svc-web.shop.svc.cluster.local' } }],
      ['svc-canary', { dns: { hostname: 'svc-canary.shop.svc.cluster.local' } }],
    ]);
    // The virtual service keeps the App Mesh name the CloudFormation template uses.
    expect(of(docs!, 'VirtualService')[0]!.spec.awsName).toBe('svc.internal');
    expect(nodes[0]!.spec.listeners[0].healthCheck).toEqual({ healthyThreshold: 2, intervalMillis: 5000, path: '/healthz', port: 8080, protocol: 'http', timeoutMillis: 2000, unhealthyThreshold: 2 });
    expect(nodes[0]!.spec.backends).toBeUndefined();
  });

  it('omits the Mesh with createMesh: false and routes gRPC and TCP by protocol', () => {
    const grpc = build(base({ createMesh: false }, { namespace: 'shop' }, { ports: [{ port: 9000, appProtocol: 'grpc' }] })).docs!;
    expect(of(grpc, 'Mesh')).toEqual([]);
    expect(of(grpc, 'VirtualRouter')[0]!.spec.routes).toEqual([{ name: 'svc-route', grpcRoute: { match: {}, action: { weightedTargets: [{ virtualNodeRef: { name: 'svc-node' }, weight: 100 }] } } }]);
    const tcp = build(base({}, { namespace: 'shop' }, { ports: [{ port: 5432, appProtocol: 'tcp' }], health: {} })).docs!;
    expect(of(tcp, 'VirtualRouter')[0]!.spec.routes[0]).toEqual({ name: 'svc-route', tcpRoute: { action: { weightedTargets: [{ virtualNodeRef: { name: 'svc-node' }, weight: 100 }] } } });
    expect(of(tcp, 'VirtualNode')[0]!.spec.listeners).toEqual([{ portMapping: { port: 5432, protocol: 'tcp' } }]);
  });

  it('needs a Kubernetes namespace', () => {
    const { docs, diags } = build(base({}, {}));
    expect(docs).toBeUndefined();
    expect(diags.find((d) => d.code === 'APPMESH_K8S_NAMESPACE_REQUIRED')?.severity).toBe('error');
  });

  it('rejects a virtual service name that cannot name a Kubernetes object', () => {
    const { docs, diags } = build(base({ virtualServiceName: 'Svc_Internal' }));
    expect(docs).toBeUndefined();
    expect(diags.find((d) => d.code === 'K8S_INVALID_NAME')?.path).toEqual(['targets', 'appmesh', 'virtualServiceName']);
  });
});
