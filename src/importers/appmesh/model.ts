/**
 * The App Mesh objects of the input, read from CloudFormation (AWS::AppMesh::*) or from the App
 * Mesh controller's custom resources (appmesh.k8s.aws/v1beta2) into one shape, so one builder turns
 * either into specs. Names are App Mesh names (a custom resource's `awsName`, else its name).
 */
import type { Field } from '../fields.js';
import type { RouteSettings } from './route.js';

export interface MeshDiscovery {
  cloudMap?: { namespace: string; service: string; attributes?: Record<string, string> };
  dns?: { hostname: string };
}

/** A listener health check in App Mesh API terms (milliseconds, lower-case protocol). */
export interface MeshHealth {
  protocol?: string;
  path?: string;
  port?: number;
  intervalMillis?: number;
  timeoutMillis?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
}

interface Obj {
  name: string;
  /** The object as a whole (for diagnostics about it). */
  field: Field;
  /** The mesh it belongs to, when the source names it. */
  mesh?: string;
  /** CloudFormation logical ID (codegen's defaults: Mesh, VirtualNode, VirtualRouter, Route, ...). */
  logicalId?: string;
}

export interface MeshNode extends Obj {
  port?: number;
  protocol?: string;
  health?: MeshHealth;
  discovery?: MeshDiscovery;
  backends: string[];
  /** Custom resources: the `app` label the pod selector matches (codegen's selector). */
  app?: string;
  /** Custom resources: the Kubernetes namespace. */
  namespace?: string;
  /** Custom resources: the object's labels. */
  labels?: Record<string, string>;
}

export interface MeshRouter extends Obj {
  port?: number;
  protocol?: string;
}

export interface MeshRoute extends Obj {
  router: string;
  protocol?: string;
  /** Path prefix of an HTTP or HTTP/2 route. */
  prefix?: string;
  /** Its match, retry policy and timeout in the spec's terms (`targets.appmesh.route`). */
  settings: RouteSettings;
  targets: { node: string; weight: number }[];
}

export interface MeshService extends Obj {
  router?: string;
  node?: string;
  namespace?: string;
}

export interface MeshGateway extends Obj {
  port?: number;
  protocol?: string;
}

export interface MeshGatewayRoute extends Obj {
  gateway: string;
  protocol?: string;
  prefix?: string;
  /** `Exact` host name, or `*<suffix>` for a suffix match. */
  hostname?: string;
  service?: string;
}

export interface MeshObjects {
  meshes: (Obj & { egress?: string })[];
  nodes: MeshNode[];
  routers: MeshRouter[];
  routes: MeshRoute[];
  services: MeshService[];
  gateways: MeshGateway[];
  gatewayRoutes: MeshGatewayRoute[];
  /** The service a template codegen wrote is for (its Description names it). */
  described?: string;
  /** Where the objects came from: CloudFormation or the controller's custom resources. */
  format: 'cloudformation' | 'controller';
  /** CloudFormation parameters the names use (`${Name}`), as the spec's `parameters` declares them. */
  parameters?: Record<string, unknown>;
  file: string;
}

export function emptyObjects(format: MeshObjects['format'], file: string): MeshObjects {
  return { meshes: [], nodes: [], routers: [], routes: [], services: [], gateways: [], gatewayRoutes: [], format, file };
}

/**
 * Cloud Map instance attributes (`[{Key, Value}]`, or `[{key, value}]` in the controller's
 * resources) → a map, when every item is a literal pair (else none is taken, and each is reported).
 */
export function cloudMapAttributes(f: Field, key: string, value: string): Record<string, string> | undefined {
  const items = f.items();
  if (!items.length || !items.every((x) => typeof x.get(key).value === 'string' && typeof x.get(value).value === 'string')) return undefined;
  const out: Record<string, string> = {};
  for (const x of items) out[String(x.get(key).take())] = String(x.get(value).take());
  return out;
}
