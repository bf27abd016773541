/**
 * `targets.appmesh.grpcMatch`: the gRPC route matches one service and, optionally, one method, as
 * the App Mesh gRPC walkthrough's route does (GrpcRouteMatch: serviceName, methodName — the method
 * needs the service; the controller's Route takes grpcRoute.match.serviceName/methodName).
 */
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

type Obj = Record<string, any>;

const spec = (appmesh: Obj, port: Obj = { port: 8080, appProtocol: 'grpc' }, kubernetes?: Obj): Obj => ({
  apiVersion: 'codegen/v1',
  name: 'color-server',
  image: 'color-server:1.0.0',
  ports: [port],
  health: { traffic: { protocol: port.appProtocol === 'grpc' ? 'GRPC' : 'HTTP', ...(port.appProtocol === 'grpc' ? {} : { path: '/' }) } },
  targets: {
    appmesh: { acknowledgeDeprecation: true, serviceDiscovery: { cloudMap: { namespace: 'howto-grpc.local' } }, ...appmesh },
    ...(kubernetes ? { kubernetes } : {}),
  },
});

const route = (r: ReturnType<typeof compile>) => (parse(r.files.find((f) => f.path.endsWith('appmesh/mesh.cfn.yaml'))!.content) as Obj).Resources.Route;

describe('targets.appmesh.grpcMatch', () => {
  it('matches the service and method on the route', () => {
    const r = compile(spec({ grpcMatch: { service: 'color.ColorService', method: 'GetColor' } }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(route(r).Properties.Spec.GrpcRoute.Match).toEqual({ ServiceName: 'color.ColorService', MethodName: 'GetColor' });
  });

  it('matches every request without it, and a service alone', () => {
    expect(route(compile(spec({}))).Properties.Spec.GrpcRoute.Match).toEqual({});
    expect(route(compile(spec({ grpcMatch: { service: 'color.ColorService' } }))).Properties.Spec.GrpcRoute.Match).toEqual({ ServiceName: 'color.ColorService' });
  });

  it('a method needs its service (schema)', () => {
    expect(compile(spec({ grpcMatch: { method: 'GetColor' } })).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['SCHEMA_REQUIRED']);
  });

  it('the App Mesh controller route matches the same', () => {
    const r = compile(spec({ kubernetesController: true, grpcMatch: { service: 'color.ColorService', method: 'GetColor' } }, undefined, { namespace: 'howto-grpc' }));
    const docs = parseAllDocuments(r.files.find((f) => f.path.endsWith('appmesh/kubernetes/mesh.yaml'))!.content).map((d) => d.toJS() as Obj);
    const router = docs.find((d) => d.kind === 'VirtualRouter')!;
    expect(router.spec.routes[0].grpcRoute.match).toEqual({ serviceName: 'color.ColorService', methodName: 'GetColor' });
  });

  it('on an HTTP listener it is reported and not written', () => {
    const r = compile(spec({ grpcMatch: { service: 'color.ColorService' } }, { port: 8080, appProtocol: 'http' }));
    expect(r.diagnostics.find((d) => d.code === 'APPMESH_GRPC_MATCH_UNUSED')?.severity).toBe('warning');
    expect(route(r).Properties.Spec.HttpRoute.Match).toEqual({ Prefix: '/' });
  });

  it('the App Mesh importer reads it back, from the template and from the controller\'s resources', () => {
    const grpcMatch = { service: 'color.ColorService', method: 'GetColor' };
    const r = compile(spec({ kubernetesController: true, grpcMatch }, undefined, { namespace: 'howto-grpc' }));
    for (const file of ['appmesh/mesh.cfn.yaml', 'appmesh/kubernetes/mesh.yaml']) {
      const content = r.files.find((f) => f.path.endsWith(file))!.content;
      const imported = importSpec('appmesh', [{ file, content }]);
      expect((parse(imported.specs[0]!.text) as Obj).targets.appmesh.grpcMatch, file).toEqual(grpcMatch);
    }
  });
});

