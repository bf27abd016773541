/** `targets.appmesh` (legacy: AWS App Mesh was discontinued on 2026-09-30). */
import { arr, enumOf, int, obj, str, type JsonSchema } from '../dsl.js';

export const appmeshTargetProperties: Record<string, JsonSchema> = {
  acknowledgeDeprecation: { type: 'boolean', description: 'Silence the deprecation diagnostic for this legacy target.' },
  meshName: str('Mesh name (default `<name>-mesh`).'),
  createMesh: { type: 'boolean', description: 'Define the Mesh resource in the template (default true).' },
  egressFilter: enumOf('Mesh egress filter.', ['DROP_ALL', 'ALLOW_ALL'], { default: 'DROP_ALL' }),
  virtualNodeName: str('Virtual node name (default `<name>-node`).'),
  virtualRouterName: str('Virtual router name (default `<name>-router`).'),
  routeName: str('Route name (default `<name>-route`).'),
  serviceDiscovery: obj('How Envoy finds the tasks.', {
    cloudMap: obj('AWS Cloud Map.', { namespace: str('Namespace name.'), service: str('Service name (default `<name>`).') }, ['namespace']),
    dns: obj('DNS.', { hostname: str('Host name.') }, ['hostname']),
  }),
  backends: arr('Virtual services this service calls.', str('Virtual service name.')),
  versions: arr('Service versions for weighted routing (1–10). Weights are relative and total ≤ 100.', obj('A version.', {
    name: str('Virtual node name of this version.'),
    weight: int('Relative weight (0–100).', { minimum: 0, maximum: 100 }),
  }, ['name', 'weight']), { minItems: 1, maxItems: 10 }),
};
