/**
 * `appmesh:kubernetes` — `appmesh/kubernetes/mesh.yaml`: the custom resources the AWS App Mesh
 * controller for Kubernetes (`appmesh.k8s.aws/v1beta2`) turns into App Mesh objects, for a spec
 * that enables both `kubernetes` and `appmesh` and sets `targets.appmesh.kubernetesController`
 * (opt-in legacy output: App Mesh is discontinued on 2026-09-30; on EKS its successor is Amazon
 * VPC Lattice).
 *
 * One multi-document file, in apply order: Mesh (cluster-scoped) → VirtualNode (this spec's pods)
 * + one VirtualNode per other version the route targets → VirtualRouter (listener, weighted route)
 * → VirtualService. Every App Mesh name (`awsName`) and value comes from the same layout as
 * `appmesh:cfn`; each CR's Kubernetes name is its App Mesh name, so references between CRs
 * (`virtualNodeRef`, `virtualRouterRef`, `virtualServiceRef`) use the App Mesh names.
 * Field names: aws/aws-app-mesh-controller-for-k8s docs/reference/api_spec.md and
 * config/crd/bases/appmesh.k8s.aws_*.yaml.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { MESH_NAMESPACE_LABEL, meshNamespaceLabels, usesMeshController } from '../common/appmesh-envoy.js';
import { meshLayout, versionDiscovery, type Discovery, type MeshLayout, type MeshProtocol } from './layout.js';
import type { RouteParts } from './route.js';
import { checkName, defaultSelector, isLabelValue, k8sNames, metadata, selectorLabels, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

const API_VERSION = 'appmesh.k8s.aws/v1beta2';
const T: SpecPath = ['targets', 'appmesh'];

function discoverySpec(d: Discovery): JsonObject {
  if (!d.cloudMap) return { dns: { hostname: d.dns!.hostname } };
  const attrs = d.cloudMap.attributes ?? {};
  const attributes = Object.keys(attrs).sort().map((key) => ({ key, value: attrs[key]! }));
  return { awsCloudMap: { namespaceName: d.cloudMap.namespace, serviceName: d.cloudMap.service!, ...(attributes.length ? { attributes } : {}) } };
}

/**
 * Discovery on Kubernetes: Cloud Map as the spec says; with DNS, the cluster DNS name of the
 * node's Kubernetes Service (`<service>.<namespace>.svc.cluster.local`; a version's Service is
 * named after the version).
 */
function kubernetesDiscovery(layout: MeshLayout, k8s: ServiceModel, namespace: string, node: MeshLayout['nodes'][number]): Discovery {
  if (layout.discovery.cloudMap) return node.discovery;
  const main: Discovery = { dns: { hostname: `${k8sNames(k8s).service}.${namespace}.svc.cluster.local` } };
  return node.primary ? main : versionDiscovery(main, node.name, undefined);
}

/** The pod labels a node selects: the Deployment selector of this spec, or of the spec named after the version. */
function podSelector(k8s: ServiceModel, node: MeshLayout['nodes'][number]): JsonObject {
  return { matchLabels: node.primary ? selectorLabels(k8s) : defaultSelector(node.name) };
}

/** A route of the VirtualRouter: the protocol's route with its match, weighted targets, retry policy and timeout. */
function route(protocol: MeshProtocol, name: string, parts: RouteParts, targets: JsonObject[]): JsonObject {
  const body: JsonObject = {};
  if (protocol !== 'tcp') body.match = parts.match;
  body.action = { weightedTargets: targets as Json[] };
  if (parts.retryPolicy) body.retryPolicy = parts.retryPolicy;
  if (parts.timeout) body.timeout = parts.timeout;
  return { name, [{ tcp: 'tcpRoute', grpc: 'grpcRoute', http2: 'http2Route', http: 'httpRoute' }[protocol]]: body };
}

/** The custom resources, or undefined (reported) when a required piece is missing or invalid. */
export function buildMeshControllerResources(m: ServiceModel, k8s: ServiceModel, report: Report): JsonObject[] | undefined {
  const t = m.targets.appmesh;
  const layout = meshLayout(m, report);
  if (!layout) return undefined;
  const namespace = k8s.targets.kubernetes.namespace;
  if (namespace === undefined) {
    report({
      code: 'APPMESH_K8S_NAMESPACE_REQUIRED',
      severity: 'error',
      message: 'The App Mesh controller selects pods by namespace labels and DNS discovery names the namespace, so the Kubernetes target needs a namespace.',
      hint: 'set targets.kubernetes.namespace',
      path: [...T, 'kubernetesController'],
    });
    return undefined;
  }
  const { names, port, protocol } = layout;
  let ok = true;
  const named = (name: string, what: string, path: SpecPath): void => {
    ok = checkName(name, 'subdomain', what, path, report) && ok;
  };
  named(names.mesh, 'Mesh name', [...T, 'meshName']);
  named(names.router, 'Virtual router name', [...T, 'virtualRouterName']);
  named(layout.virtualServiceName, 'Virtual service name', [...T, 'virtualServiceName']);
  for (const n of layout.nodes) named(n.name, 'Virtual node name', n.primary ? [...T, 'virtualNodeName'] : [...T, 'versions']);
  if (!isLabelValue(names.mesh)) {
    ok = false;
    report({ code: 'APPMESH_K8S_MESH_LABEL', severity: 'error', message: `Mesh name "${names.mesh}" is not a valid label value for the namespace label ${MESH_NAMESPACE_LABEL}.`, path: [...T, 'meshName'] });
  }
  if (!ok) return undefined;
  if (t.envoy !== undefined || t.envoyImage !== undefined) {
    report({ code: 'APPMESH_K8S_ENVOY', severity: 'info', message: 'On Kubernetes the App Mesh controller injects Envoy with its own image and settings; targets.appmesh.envoy and envoyImage apply to the ECS task only.', path: [...T, t.envoy !== undefined ? 'envoy' : 'envoyImage'] });
  }
  if (t.gateway) {
    report({ code: 'APPMESH_K8S_GATEWAY', severity: 'info', message: 'The virtual gateway is written for CloudFormation only; the App Mesh controller output has no VirtualGateway or GatewayRoute.', path: [...T, 'gateway'] });
  }

  const portMapping = { port: port.port, protocol };
  const listener: JsonObject = { portMapping };
  if (layout.healthCheck) listener.healthCheck = layout.healthCheck;
  const docs: JsonObject[] = [];
  if (t.createMesh !== false) {
    docs.push({
      apiVersion: API_VERSION,
      kind: 'Mesh',
      metadata: { name: names.mesh, labels: { 'app.kubernetes.io/managed-by': 'codegen' } },
      spec: { awsName: names.mesh, namespaceSelector: { matchLabels: { [MESH_NAMESPACE_LABEL]: names.mesh } }, egressFilter: { type: t.egressFilter ?? 'DROP_ALL' } },
    });
  }
  for (const node of layout.nodes) {
    const spec: JsonObject = { awsName: node.name, podSelector: podSelector(k8s, node) };
    // A client-only node (no service discovery) has no listener, as in the CloudFormation output.
    if (!layout.clientOnly) {
      spec.listeners = [listener];
      spec.serviceDiscovery = discoverySpec(kubernetesDiscovery(layout, k8s, namespace, node));
    }
    if (t.backends?.length) spec.backends = t.backends.map((b) => ({ virtualService: { virtualServiceRef: { name: b } } }));
    docs.push({ apiVersion: API_VERSION, kind: 'VirtualNode', metadata: metadata(k8s, node.name), spec });
  }
  if (!layout.clientOnly && layout.provider === 'virtualRouter') {
    docs.push({
      apiVersion: API_VERSION,
      kind: 'VirtualRouter',
      metadata: metadata(k8s, names.router),
      spec: {
        awsName: names.router,
        listeners: [{ portMapping }],
        routes: [route(protocol, names.route, layout.route!, layout.versions.map((v) => ({ virtualNodeRef: { name: v.name }, weight: v.weight })))],
      },
    });
  }
  if (!layout.clientOnly) {
    const provider: JsonObject = layout.provider === 'virtualNode' ? { virtualNode: { virtualNodeRef: { name: names.node } } } : { virtualRouter: { virtualRouterRef: { name: names.router } } };
    docs.push({ apiVersion: API_VERSION, kind: 'VirtualService', metadata: metadata(k8s, layout.virtualServiceName), spec: { awsName: layout.virtualServiceName, provider } });
  }
  if (!k8s.targets.kubernetes.createNamespace) {
    const labels = Object.entries(meshNamespaceLabels(m)).map(([k, v]) => `${k}=${v}`);
    report({
      code: 'APPMESH_K8S_NAMESPACE_LABELS',
      severity: 'info',
      message: `Namespace ${namespace} must carry the labels ${labels.join(' and ')} for the App Mesh controller to inject Envoy into its pods; codegen labels the namespace only when it creates it.`,
      hint: `kubectl label namespace ${namespace} ${labels.join(' ')}, or set targets.kubernetes.createNamespace`,
      path: ['targets', 'kubernetes', 'namespace'],
    });
  }
  return docs;
}

export default defineEmitter({
  name: 'appmesh:kubernetes',
  target: 'appmesh',
  description: 'App Mesh controller custom resources for Kubernetes (opt-in with kubernetesController; legacy).',
  applies: (m) => usesMeshController(m),
  emit(model, ctx) {
    const docs = buildMeshControllerResources(model, ctx.modelFor('kubernetes'), (d) => ctx.report(d));
    if (!docs) return [];
    return [{ path: 'appmesh/kubernetes/mesh.yaml', format: 'yaml', kind: 'kubernetes', emitter: 'appmesh:kubernetes', documents: docs }];
  },
});
