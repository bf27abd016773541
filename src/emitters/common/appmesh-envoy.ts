/**
 * What a meshed ECS task needs to join AWS App Mesh (legacy, discontinued 2026-09-30): the names
 * both the App Mesh template and the task definition must agree on, the Envoy sidecar and the
 * APPMESH proxy configuration. Used by `shared/ecs-task.ts` when the spec enables the appmesh
 * target, and by the `appmesh:cfn` emitter for the names.
 * @see https://docs.aws.amazon.com/app-mesh/latest/userguide/envoy.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#proxyConfiguration
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';

/**
 * Pinned App Mesh Envoy image (public ECR, every region). v1.29.12.2-prod is the last release
 * announced in aws/aws-app-mesh-roadmap#503 (2025-08-19). Override with `targets.appmesh.envoyImage`
 * (e.g. the regional `840364872350.dkr.ecr.<region>.amazonaws.com/aws-appmesh-envoy` copy).
 */
export const APPMESH_ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.12.2-prod';
/** The UID Envoy runs as; the proxy configuration exempts its traffic from redirection. */
export const ENVOY_UID = '1337';
export const ENVOY_CONTAINER = 'envoy';

export interface AppmeshNames {
  mesh: string;
  node: string;
  router: string;
  route: string;
}

/** The uid Envoy runs as (`targets.appmesh.envoy.user`, default 1337); the proxy ignores its traffic. */
export function envoyUid(m: ServiceModel): string {
  return m.targets.appmesh.envoy?.user ?? ENVOY_UID;
}

/** Names shared by the App Mesh template and the meshed task definition. */
export function appmeshNames(m: ServiceModel): AppmeshNames {
  const t = m.targets.appmesh;
  // The appmesh section may override `name`; the ECS model must still use the mesh's names.
  const base = typeof t.name === 'string' ? t.name : m.name;
  return {
    mesh: t.meshName ?? `${base}-mesh`,
    node: t.virtualNodeName ?? `${base}-node`,
    router: t.virtualRouterName ?? `${base}-router`,
    route: t.routeName ?? `${base}-route`,
  };
}

/** True when the spec enables the appmesh target, so its ECS task must carry Envoy. */
export function isMeshed(m: ServiceModel): boolean {
  return m.enabledTargets.includes('appmesh');
}

/** The namespace label key the Mesh custom resource's `namespaceSelector` matches (value: the mesh name). */
export const MESH_NAMESPACE_LABEL = 'mesh';
/** The label the App Mesh controller's pod mutating webhook selects namespaces by. */
export const SIDECAR_INJECTOR_LABEL = 'appmesh.k8s.aws/sidecarInjectorWebhook';

/** True when the spec asks for the App Mesh controller's custom resources on Kubernetes (opt-in, legacy). */
export function usesMeshController(m: ServiceModel): boolean {
  return isMeshed(m) && m.enabledTargets.includes('kubernetes') && m.targets.appmesh.kubernetesController === true;
}

/** Labels a namespace needs so the controller puts its pods in the mesh and injects Envoy. */
export function meshNamespaceLabels(m: ServiceModel): Record<string, string> {
  return { [MESH_NAMESPACE_LABEL]: appmeshNames(m).mesh, [SIDECAR_INJECTOR_LABEL]: 'enabled' };
}

/** The Envoy container (RegisterTaskDefinition shape). */
export function envoyContainer(m: ServiceModel): JsonObject {
  const names = appmeshNames(m);
  const e = m.targets.appmesh.envoy ?? {};
  const env: JsonObject[] = [{ name: 'APPMESH_VIRTUAL_NODE_NAME', value: `mesh/${names.mesh}/virtualNode/${names.node}` }];
  if (m.tracing.xray) env.push({ name: 'ENABLE_ENVOY_XRAY_TRACING', value: '1' });
  const own = new Set(env.map((x) => x.name));
  for (const k of Object.keys(e.env ?? {}).sort()) if (!own.has(k)) env.push({ name: k, value: e.env![k]! });
  const sizes: JsonObject = {};
  if (e.cpu !== undefined) sizes.cpu = e.cpu;
  if (e.memory !== undefined) sizes.memory = e.memory;
  if (e.memoryReservation !== undefined) sizes.memoryReservation = e.memoryReservation;
  return {
    name: ENVOY_CONTAINER,
    image: m.targets.appmesh.envoyImage ?? APPMESH_ENVOY_IMAGE,
    ...sizes,
    essential: true,
    user: envoyUid(m),
    environment: env,
    // The health check AWS documents for the App Mesh Envoy image (admin interface on 9901).
    healthCheck: {
      command: ['CMD-SHELL', 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'],
      interval: 5,
      timeout: 2,
      retries: 3,
      startPeriod: 10,
    },
  };
}

/** `proxyConfiguration` redirecting the application's traffic through Envoy. */
export function appmeshProxyConfiguration(m: ServiceModel): JsonObject {
  const appPorts = m.main.ports.filter((p) => p.protocol === 'tcp').map((p) => String(p.port));
  const properties: JsonObject[] = [
    { name: 'IgnoredUID', value: envoyUid(m) },
    { name: 'ProxyIngressPort', value: '15000' },
    { name: 'ProxyEgressPort', value: '15001' },
  ];
  if (appPorts.length) properties.push({ name: 'AppPorts', value: appPorts.join(',') });
  // Task metadata and instance metadata endpoints bypass the proxy.
  properties.push({ name: 'EgressIgnoredIPs', value: '169.254.170.2,169.254.169.254' });
  return { type: 'APPMESH', containerName: ENVOY_CONTAINER, properties };
}
