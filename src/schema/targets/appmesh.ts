/** `targets.appmesh` (legacy: AWS App Mesh was discontinued on 2026-09-30). */
import { arr, bool, enumOf, int, map, obj, str, type JsonSchema } from '../dsl.js';
import { APPMESH_LOGICAL_IDS, logicalIdDescriptions } from '../logical-ids.js';
import { appmeshRouteSchema } from './appmesh-route.js';
import { LOGICAL_ID_PATTERN, logicalIdsSchema } from './ecs.js';

/** Resource roles of the App Mesh template whose logical ID a spec may fix, with codegen's own ID (src/schema/logical-ids.ts). */
export const APPMESH_LOGICAL_ID_ROLES: Readonly<Record<string, string>> = logicalIdDescriptions(APPMESH_LOGICAL_IDS);

const serviceDiscovery = (d: string) =>
  obj(d, {
    cloudMap: obj('AWS Cloud Map.', {
      namespace: str('Namespace name.'),
      service: str('Service name (default `<name>`).'),
      attributes: map('Instance attributes Envoy filters the Cloud Map instances by (`AWSCloudMap.Attributes`), e.g. `ECS_TASK_DEFINITION_FAMILY: <family>` to pick one version among the tasks registered under one service.', { type: 'string', minLength: 1, maxLength: 1024, description: 'Attribute value.' }, '^[a-zA-Z0-9!-~]{1,255}$'),
    }, ['namespace']),
    dns: obj('DNS.', { hostname: str('Host name.') }, ['hostname']),
  });

export const appmeshTargetProperties: Record<string, JsonSchema> = {
  acknowledgeDeprecation: bool('Silence the deprecation diagnostic for this legacy target.'),
  meshName: str('Mesh name (default `<name>-mesh`).'),
  createMesh: bool('Define the Mesh resource in the template (default true); false references an existing mesh by name.'),
  egressFilter: enumOf('Mesh egress filter.', ['DROP_ALL', 'ALLOW_ALL'], { default: 'DROP_ALL' }),
  virtualNodeName: str('Virtual node name (default `<name>-node`). The ECS task of this spec registers its Envoy as this node.'),
  virtualServiceName: str('Virtual service name (default `<name>.<Cloud Map namespace>`, or the DNS host name).'),
  virtualRouterName: str('Virtual router name (default `<name>-router`).'),
  routeName: str('Route name (default `<name>-route`).'),
  serviceDiscovery: serviceDiscovery('How Envoy finds the tasks of the virtual node.'),
  backends: arr('Virtual services this service calls.', str('Virtual service name.')),
  versions: arr('Service versions for weighted routing (1–10). Weights are relative and total ≤ 100. A version other than `virtualNodeName` gets its own virtual node with the same listener, health check and backends.', obj('A version.', {
    name: str('Virtual node name of this version.'),
    weight: int('Relative weight (0–100).', { minimum: 0, maximum: 100 }),
    serviceDiscovery: serviceDiscovery('Service discovery of this version (default: Cloud Map service `<version name>` in the node\'s namespace, or the DNS host name with its first label replaced by the version name).'),
    logicalId: str('Logical ID of this version\'s virtual node in the App Mesh template, for adopting an existing stack (default `VirtualNode<Name>`, e.g. `VirtualNodePaymentsV2`; the node of `virtualNodeName` takes `logicalIds.virtualNode`). Letters and digits only; unique in the template.', { pattern: LOGICAL_ID_PATTERN }),
  }, ['name', 'weight']), { minItems: 1, maxItems: 10 }),
  gateway: obj('Expose the service through the mesh: a VirtualGateway and a GatewayRoute to the virtual service.', {
    name: str('Virtual gateway name (default `<name>-gateway`).'),
    port: int('Gateway listener port (default: the main container port).', { minimum: 1, maximum: 65535 }),
    routeName: str('Gateway route name (default `<name>-gateway-route`).'),
  }),
  kubernetesController: bool('Also write the App Mesh controller\'s custom resources (`appmesh.k8s.aws/v1beta2` Mesh, VirtualNode, VirtualRouter, VirtualService) to `appmesh/kubernetes/mesh.yaml` when the kubernetes target is enabled, and label a created namespace for sidecar injection (default false; legacy output).', { default: false }),
  logicalIds: logicalIdsSchema('App Mesh', APPMESH_LOGICAL_ID_ROLES),
  envoyImage: str('Envoy image for the ECS task of a meshed service (default: the pinned App Mesh Envoy image in public ECR).', { minLength: 1 }),
  envoy: obj('The Envoy container of the meshed ECS task (`envoy`): its size, extra environment and user. The image is `envoyImage`.', {
    cpu: int('Container-level CPU units (`cpu`).', { minimum: 1, maximum: 196608 }),
    memory: int('Hard memory limit in MiB (`memory`).', { minimum: 6 }),
    memoryReservation: int('Soft memory limit in MiB (`memoryReservation`).', { minimum: 6 }),
    env: map('Extra environment variables of Envoy (e.g. `ENVOY_LOG_LEVEL: debug`); `APPMESH_RESOURCE_ARN`/`APPMESH_VIRTUAL_NODE_NAME` and `ENABLE_ENVOY_XRAY_TRACING` are set by codegen.', { type: 'string', description: 'Value.' }, '^[A-Za-z_][A-Za-z0-9_]*$'),
    user: str('User Envoy runs as (default 1337); the proxy configuration ignores this uid\'s traffic.', { pattern: '^[0-9]+$' }),
  }),
  route: appmeshRouteSchema,
  provider: enumOf('What provides the virtual service: a `virtualRouter` with a weighted route (default, required for several versions), or the `virtualNode` directly (one version: no router, no route).', ['virtualRouter', 'virtualNode']),
};
