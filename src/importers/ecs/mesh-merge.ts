/**
 * `codegen import ecs service.cfn.yaml mesh.cfn.yaml`: the App Mesh objects given with an ECS
 * service complete the `targets.appmesh` its Envoy container gave (mesh and node names): the App
 * Mesh importer reads them, and the service whose mesh and virtual node are the ones the task's
 * Envoy registers as brings its settings over (service discovery, router, route, versions,
 * backends, gateway; its listener and health check where they differ from the ECS service's, as
 * `targets.appmesh` overrides). A mesh service no task registers as is reported.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { importAppmesh } from '../appmesh/index.js';
import { isMeshResource } from '../appmesh/crd.js';
import type { InputDocument } from '../read.js';
import type { ImportContext } from '../types.js';
import type { SpecDraft } from '../write.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** App Mesh input (a template with App Mesh resources and no task definition, or the controller's resources). */
export function isMeshDocument(doc: InputDocument): boolean {
  const v = doc.value;
  if (isMeshResource(v)) return true;
  if (!isObject(v) || !isObject(v.Resources)) return false;
  const types = Object.values(v.Resources).map((r) => (isObject(r) ? String(r.Type) : ''));
  return types.some((t) => t.startsWith('AWS::AppMesh::')) && !types.includes('AWS::ECS::TaskDefinition');
}

/** The App Mesh names a spec's settings resolve to (codegen's defaults from the spec name). */
function names(name: string, a: Json): Record<string, string | undefined> {
  const gateway = isObject(a.gateway) ? a.gateway : undefined;
  const cloudMap = isObject(a.serviceDiscovery) && isObject(a.serviceDiscovery.cloudMap) ? a.serviceDiscovery.cloudMap : undefined;
  return {
    meshName: (a.meshName as string | undefined) ?? `${name}-mesh`,
    virtualNodeName: (a.virtualNodeName as string | undefined) ?? `${name}-node`,
    virtualRouterName: (a.virtualRouterName as string | undefined) ?? `${name}-router`,
    routeName: (a.routeName as string | undefined) ?? `${name}-route`,
    gatewayName: gateway ? ((gateway.name as string | undefined) ?? `${name}-gateway`) : undefined,
    gatewayRouteName: gateway ? ((gateway.routeName as string | undefined) ?? `${name}-gateway-route`) : undefined,
    cloudMapService: cloudMap ? ((cloudMap.service as string | undefined) ?? name) : undefined,
  };
}

/** `targets.appmesh` of the mesh spec, its names written against the ECS spec's name. */
function rebased(from: Json, fromName: string, toName: string): Json {
  const n = names(fromName, from);
  const out: Json = structuredClone(from);
  const set = (o: Json, k: string, v: string | undefined, dflt: string) => {
    if (v === undefined || v === dflt) delete o[k];
    else o[k] = v;
  };
  set(out, 'meshName', n.meshName, `${toName}-mesh`);
  set(out, 'virtualNodeName', n.virtualNodeName, `${toName}-node`);
  set(out, 'virtualRouterName', n.virtualRouterName, `${toName}-router`);
  set(out, 'routeName', n.routeName, `${toName}-route`);
  if (isObject(out.gateway)) {
    set(out.gateway, 'name', n.gatewayName, `${toName}-gateway`);
    set(out.gateway, 'routeName', n.gatewayRouteName, `${toName}-gateway-route`);
  }
  if (isObject(out.serviceDiscovery) && isObject(out.serviceDiscovery.cloudMap)) set(out.serviceDiscovery.cloudMap, 'service', n.cloudMapService, toName);
  return out;
}

/** `a` as an RFC 7386 patch over `base`: keys `a` lacks are deleted (null), equal ones left out; undefined when equal. */
function overrideOf(base: Json | undefined, a: Json): Json | undefined {
  const out: Json = {};
  for (const [k, v] of Object.entries(a)) if (JSON.stringify(base?.[k]) !== JSON.stringify(v)) out[k] = v;
  for (const k of Object.keys(base ?? {})) if (!(k in a)) out[k] = null;
  return Object.keys(out).length ? out : undefined;
}

/** Merge the mesh specs read from `meshDocs` into the ECS drafts whose Envoy registers as their node. */
export function mergeMesh(drafts: SpecDraft[], meshDocs: InputDocument[], ctx: ImportContext, incomplete: WeakMap<object, Diagnostic>): void {
  if (!meshDocs.length) return;
  const meshDrafts = importAppmesh({ ...ctx, documents: meshDocs, options: { ...ctx.options, name: undefined } });
  for (const m of meshDrafts) {
    const mName = String(m.spec.name);
    const mesh = ((m.spec.targets as Json).appmesh ?? {}) as Json;
    const wanted = names(mName, mesh);
    const draft = drafts.find((d) => {
      const a = (d.spec.targets as Json).appmesh;
      if (!isObject(a)) return false;
      const have = names(String(d.spec.name), a);
      return have.meshName === wanted.meshName && have.virtualNodeName === wanted.virtualNodeName;
    });
    if (!draft) {
      ctx.diagnostics.push({ code: 'IMPORT_NOT_CARRIED', severity: 'warning', message: `App Mesh service ${mName} (virtual node ${String(wanted.virtualNodeName)} in mesh ${String(wanted.meshName)}) is what no imported task's Envoy registers as, so it is not carried; import it with codegen import appmesh.`, source: 'import', path: [], file: meshDocs[0]!.source.file });
      continue;
    }
    const spec = draft.spec;
    const name = String(spec.name);
    const own = (spec.targets as Json).appmesh as Json;
    // What only the task says (the Envoy container) stays.
    const merged: Json = { ...rebased(mesh, mName, name), ...(own.envoyImage !== undefined ? { envoyImage: own.envoyImage } : {}), ...(own.envoy !== undefined ? { envoy: own.envoy } : {}) };
    // The mesh's listener and health check, where they differ from what the ECS service says.
    const traffic = isObject(m.spec.health) && isObject(m.spec.health.traffic) ? m.spec.health.traffic : undefined;
    const base = isObject(spec.health) && isObject(spec.health.traffic) ? spec.health.traffic : undefined;
    const health = traffic ? overrideOf(base, traffic) : undefined;
    if (health) merged.health = { traffic: health };
    if (JSON.stringify(m.spec.ports) !== JSON.stringify(spec.ports) && m.spec.ports !== undefined) merged.ports = m.spec.ports;
    // The route's path and the gateway's host: only where the ECS service's expose says otherwise.
    if (isObject(merged.expose)) {
      const exp = merged.expose;
      for (const k of Object.keys(exp)) if (JSON.stringify(exp[k]) === JSON.stringify((spec.expose as Json | undefined)?.[k])) delete exp[k];
      if (!Object.keys(exp).length) delete merged.expose;
    }
    (spec.targets as Json).appmesh = merged;
    draft.comments.push({ path: ['targets', 'appmesh'], text: `From the App Mesh objects in ${meshDocs[0]!.source.file} (virtual node ${String(wanted.virtualNodeName)} in mesh ${String(wanted.meshName)}).` });
    for (const line of m.header.filter((l) => l.startsWith('ECS Service Connect equivalent'))) draft.header.push(line);
    const d = incomplete.get(spec);
    if (d) ctx.diagnostics.splice(ctx.diagnostics.indexOf(d), 1);
  }
}
