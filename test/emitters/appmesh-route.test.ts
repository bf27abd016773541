// targets.appmesh.route and versions[].logicalId. Expected shapes checked against the
// AWS::AppMesh::Route reference (RouteSpec: HttpRoute/Http2Route/GrpcRoute with Match, Action,
// RetryPolicy, Timeout; TcpRoute with Action, Match {Port}, Timeout {Idle} and no RetryPolicy;
// HttpRouteMatch Headers/Method/Path {Exact|Regex}/Prefix; GrpcRouteMatch Metadata/MethodName/
// ServiceName, "if you specify a methodName, you must also specify a serviceName"; Duration
// {Unit: s|ms, Value}) and the App Mesh controller's v1beta2 types (apis/appmesh/v1beta2:
// grpcRoute.match.{serviceName, methodName, metadata[{name, match, invert}]}, retryPolicy.
// {maxRetries, perRetryTimeout {unit, value}, httpRetryEvents, grpcRetryEvents, tcpRetryEvents},
// timeout.{perRequest, idle}).
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

type Obj = Record<string, any>;

const spec = (appmesh: object, port: object = { port: 8080 }) => ({
  apiVersion: 'codegen/v1',
  name: 'svc',
  image: 'repo/svc:1.0.0',
  ports: [port],
  targets: { appmesh: { acknowledgeDeprecation: true, serviceDiscovery: { cloudMap: { namespace: 'shop.local' } }, ...appmesh } },
});

function template(s: object): { t?: Obj; codes: string[]; errors: string[] } {
  const r = compile(s, { targets: ['appmesh'] });
  const f = r.files.find((x) => x.path.endsWith('appmesh/mesh.cfn.yaml'));
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${(d.path ?? []).join('.')}`);
  return { ...(f ? { t: parse(f.content) as Obj } : {}), codes: r.diagnostics.map((d) => d.code), errors };
}

describe('targets.appmesh.route', () => {
  it('writes an HTTP match, retry policy and timeouts into the Route', () => {
    const { t, errors } = template(spec({
      route: {
        match: { method: 'GET', headers: [{ name: 'x-canary', prefix: 'yes' }, { name: 'x-n', range: { start: 1, end: 5 }, invert: true }] },
        retryPolicy: { maxRetries: 4, perRetryTimeout: '1500ms', httpRetryEvents: ['gateway-error'] },
        timeout: { perRequest: '2m', idle: 30 },
      },
    }));
    expect(errors).toEqual([]);
    const r = t!.Resources.Route.Properties.Spec.HttpRoute;
    expect(r.Match).toEqual({ Headers: [{ Name: 'x-canary', Match: { Prefix: 'yes' } }, { Name: 'x-n', Match: { Range: { Start: 1, End: 5 } }, Invert: true }], Method: 'GET', Prefix: '/' });
    expect(r.RetryPolicy).toEqual({ HttpRetryEvents: ['gateway-error'], MaxRetries: 4, PerRetryTimeout: { Unit: 'ms', Value: 1500 } });
    expect(r.Timeout).toEqual({ Idle: { Unit: 's', Value: 30 }, PerRequest: { Unit: 's', Value: 120 } });
  });

  it('a path replaces the prefix, and a prefix from expose.path is then warned about', () => {
    const { t, codes } = template({ ...spec({ route: { match: { path: { exact: '/orders' } } } }), expose: { path: '/api' } });
    expect(t!.Resources.Route.Properties.Spec.HttpRoute.Match).toEqual({ Path: { Exact: '/orders' } });
    expect(codes).toContain('APPMESH_ROUTE_PATH');
  });

  it('a gRPC route matches service, method and metadata', () => {
    const { t, errors } = template(spec({ route: { match: { serviceName: 'color.ColorService', methodName: 'GetColor', metadata: [{ name: 'tier', exact: 'gold' }] } } }, { port: 9000, appProtocol: 'grpc' }));
    expect(errors).toEqual([]);
    expect(t!.Resources.Route.Properties.Spec.GrpcRoute.Match).toEqual({ Metadata: [{ Name: 'tier', Match: { Exact: 'gold' } }], MethodName: 'GetColor', ServiceName: 'color.ColorService' });
  });

  it('a TCP route takes only an idle timeout', () => {
    const ok = template(spec({ route: { timeout: { idle: '10s' } } }, { port: 5432, appProtocol: 'tcp' }));
    expect(ok.t!.Resources.Route.Properties.Spec.TcpRoute).toEqual({ Action: { WeightedTargets: [{ VirtualNode: 'svc-node', Weight: 100 }] }, Timeout: { Idle: { Unit: 's', Value: 10 } } });
    const bad = template(spec({ route: { match: { method: 'GET' }, retryPolicy: { maxRetries: 1, perRetryTimeout: '1s', tcpRetryEvents: ['connection-error'] }, timeout: { perRequest: '1s' } } }, { port: 5432, appProtocol: 'tcp' }));
    expect([...bad.errors].sort()).toEqual([
      'APPMESH_ROUTE_PROTOCOL targets.appmesh.route.match.method',
      'APPMESH_ROUTE_PROTOCOL targets.appmesh.route.retryPolicy',
      'APPMESH_ROUTE_PROTOCOL targets.appmesh.route.timeout.perRequest',
    ]);
    expect(bad.t).toBeUndefined();
  });

  it('refuses what the protocol or App Mesh cannot take', () => {
    expect(template(spec({ route: { match: { serviceName: 'a.B' } } })).errors).toEqual(['APPMESH_ROUTE_PROTOCOL targets.appmesh.route.match.serviceName']);
    expect(template(spec({ route: { match: { headers: [{ name: 'x', exact: 'a', suffix: 'b' }] } } })).errors).toEqual(['APPMESH_ROUTE_VALUE_MATCH targets.appmesh.route.match.headers.0']);
    expect(template(spec({ route: { match: { headers: [{ name: 'x', range: { start: 5, end: 5 } }] } } })).errors).toEqual(['APPMESH_ROUTE_VALUE_MATCH targets.appmesh.route.match.headers.0.range']);
    expect(template(spec({ route: { retryPolicy: { maxRetries: 1, perRetryTimeout: '1s' } } })).errors).toEqual(['APPMESH_ROUTE_RETRY_EVENTS targets.appmesh.route.retryPolicy']);
    expect(template(spec({ route: { retryPolicy: { maxRetries: 1, perRetryTimeout: '1s', grpcRetryEvents: ['internal'] } } })).errors).toEqual(['APPMESH_ROUTE_PROTOCOL targets.appmesh.route.retryPolicy.grpcRetryEvents']);
    expect(template(spec({ route: { match: { methodName: 'Get' } } }, { port: 9000, appProtocol: 'grpc' })).errors).toEqual(['APPMESH_ROUTE_GRPC_METHOD targets.appmesh.route.match.methodName']);
    expect(template(spec({ provider: 'virtualNode', route: { timeout: { idle: '1m' } } })).errors).toEqual(['APPMESH_PROVIDER_NODE targets.appmesh.route']);
  });

  it('writes the route into the App Mesh controller\'s VirtualRouter, and reads it back', () => {
    const route = { match: { serviceName: 'a.B', metadata: [{ name: 'k', suffix: 'z' }] }, retryPolicy: { maxRetries: 2, perRetryTimeout: '3s', grpcRetryEvents: ['unavailable'] }, timeout: { perRequest: '4s' } };
    const s = {
      ...spec({}, { port: 9000, appProtocol: 'grpc' }),
      targets: { kubernetes: { namespace: 'shop' }, appmesh: { acknowledgeDeprecation: true, kubernetesController: true, serviceDiscovery: { dns: { hostname: 'svc.shop.svc.cluster.local' } }, route } },
    };
    const r = compile(s, { targets: ['appmesh'] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const file = r.files.find((f) => f.path.endsWith('appmesh/kubernetes/mesh.yaml'))!;
    const router = parseAllDocuments(file.content).map((d) => d.toJS() as Obj).find((d) => d.kind === 'VirtualRouter')!;
    expect(router.spec.routes[0].grpcRoute).toEqual({
      match: { metadata: [{ name: 'k', match: { suffix: 'z' } }], serviceName: 'a.B' },
      action: { weightedTargets: [{ virtualNodeRef: { name: 'svc-node' }, weight: 100 }] },
      retryPolicy: { grpcRetryEvents: ['unavailable'], maxRetries: 2, perRetryTimeout: { unit: 's', value: 3 } },
      timeout: { perRequest: { unit: 's', value: 4 } },
    });
    const imported = importSpec('appmesh', [{ file: 'mesh.yaml', content: file.content }]);
    expect(imported.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
    const again = compile(imported.specs[0]!.text, { targets: ['appmesh'] }).files.find((f) => f.path.endsWith('appmesh/kubernetes/mesh.yaml'))!;
    expect(again.content).toBe(file.content);
  });
});

describe('versions[].logicalId', () => {
  const versions = (v2: object) => spec({ versions: [{ name: 'svc-node', weight: 90 }, { name: 'svc-v2', weight: 10, ...v2 }] });

  it('names the version node, and every reference follows (the route waits for it)', () => {
    const { t, errors } = template(versions({ logicalId: 'LegacyV2' }));
    expect(errors).toEqual([]);
    expect(Object.keys(t!.Resources)).toEqual(['Mesh', 'VirtualNode', 'LegacyV2', 'VirtualRouter', 'Route', 'VirtualService']);
    expect(t!.Resources.Route.DependsOn).toEqual(['VirtualNode', 'LegacyV2']);
    expect(template(versions({})).t!.Resources.VirtualNodeSvcV2).toBeDefined();
  });

  it('refuses an ID another resource has, and ignores one on the main node\'s version', () => {
    expect(template(versions({ logicalId: 'VirtualRouter' })).errors).toEqual(['CFN_LOGICAL_ID_TAKEN targets.appmesh.versions.1.logicalId']);
    const main = template(spec({ versions: [{ name: 'svc-node', weight: 90, logicalId: 'Main' }, { name: 'svc-v2', weight: 10 }] }));
    expect(main.codes).toContain('APPMESH_VERSION_LOGICAL_ID');
    expect(Object.keys(main.t!.Resources)).toContain('VirtualNode');
  });
});

describe('versions[].serviceDiscovery with a parameter', () => {
  it('is written as Fn::Sub, as the main node\'s discovery is (it was written as literal text)', () => {
    const s = {
      ...spec({ serviceDiscovery: { dns: { hostname: 'svc.${Domain}' } }, versions: [{ name: 'svc-node', weight: 1 }, { name: 'svc-v2', weight: 1, serviceDiscovery: { dns: { hostname: 'v2.${Domain}' } } }] }),
      parameters: { Domain: { default: 'shop.local' } },
    };
    const { t, errors } = template(s);
    expect(errors).toEqual([]);
    expect(t!.Resources.VirtualNode.Properties.Spec.ServiceDiscovery.DNS.Hostname).toEqual({ 'Fn::Sub': 'svc.${Domain}' });
    expect(t!.Resources.VirtualNodeSvcV2.Properties.Spec.ServiceDiscovery.DNS.Hostname).toEqual({ 'Fn::Sub': 'v2.${Domain}' });
    const unknown = template({ ...s, targets: { appmesh: { ...s.targets.appmesh, versions: [{ name: 'svc-node', weight: 1 }, { name: 'svc-v2', weight: 1, serviceDiscovery: { dns: { hostname: 'v2.${Nope}' } } }] } } });
    expect(unknown.errors).toEqual(['PARAMETER_UNKNOWN targets.appmesh.versions.1.serviceDiscovery.dns.hostname']);
  });
});
