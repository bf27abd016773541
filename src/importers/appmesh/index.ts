/**
 * `codegen import appmesh`: App Mesh CloudFormation or the App Mesh controller's custom resources
 * → one spec per virtual service whose router or node the input defines, and one per virtual node
 * that only calls its backends (no listener, no service discovery), with `targets.appmesh`,
 * and the ECS Service Connect equivalent proposed in the diagnostics (App Mesh was discontinued on
 * 2026-09-30). Every object that belongs to no service, and every field not carried, is reported.
 */
import type { Diagnostic } from '../../core/diagnostics.js';
import { isObject, Template } from '../ecs/cfn.js';
import { Tracker, type Field } from '../fields.js';
import type { InputDocument } from '../read.js';
import { documentError, guessKind, type ImportContext } from '../types.js';
import type { SpecDraft } from '../write.js';
import { readCloudFormation } from './cfn.js';
import { isMeshResource, readControllerResources } from './crd.js';
import type { MeshObjects } from './model.js';
import { proposeServiceConnect } from './service-connect.js';
import { buildClientSpec, buildSpec, isClientOnly, type Claims } from './spec.js';

function notCarried(f: Field, message: string): void {
  f.tracker.report(f.path, 'IMPORT_NOT_CARRIED', 'warning', message);
}

function specs(objs: MeshObjects, ctx: ImportContext, where: () => Diagnostic): SpecDraft[] {
  const defined = (s: MeshObjects['services'][number]) => objs.routers.some((r) => r.name === s.router) || objs.nodes.some((n) => n.name === s.node);
  const services = objs.services.filter(defined);
  // A node with no listener and no discovery that nothing routes to or is provided by: a client-only spec.
  const clients = objs.nodes.filter((n) => isClientOnly(n) && !objs.routes.some((r) => r.targets.some((t) => t.node === n.name)) && !objs.services.some((s) => s.node === n.name));
  if (!services.length && !clients.length) {
    ctx.diagnostics.push({ ...where(), code: 'IMPORT_NO_VIRTUAL_SERVICE', severity: 'error', message: 'The input defines no virtual service together with its virtual router or node, and no virtual node that only calls backends, so there is no service to write a spec for.', hint: 'import the mesh objects of one service together (virtual service, router, route, nodes)' });
    return [];
  }
  const claims: Claims = { nodes: new Set(), objects: new Set() };
  const drafts: SpecDraft[] = [];
  const single = services.length + clients.length === 1;
  for (const s of services) {
    const built = buildSpec(objs, s, single, claims, ctx.options.name);
    if (!built) continue;
    proposeServiceConnect(built);
    drafts.push(built.draft);
  }
  for (const n of clients) {
    const built = buildClientSpec(objs, n, single, claims, ctx.options.name);
    proposeServiceConnect(built);
    drafts.push(built.draft);
  }
  for (const n of objs.nodes) if (!claims.nodes.has(n)) notCarried(n.field, `Virtual node ${n.name} is neither the node nor a route target of an imported virtual service, so it is not carried (import it with the virtual service it belongs to).`);
  for (const s of objs.services) if (!claims.objects.has(s)) notCarried(s.field, `Virtual service ${s.name} is provided by a router or node outside the input, so it is not carried (a client names it in backends).`);
  const rest = [...objs.routers, ...objs.routes, ...objs.gateways, ...objs.gatewayRoutes];
  for (const o of rest) if (!claims.objects.has(o)) notCarried(o.field, `${o.name} belongs to no imported virtual service, so it is not carried.`);
  for (const m of objs.meshes) if (!claims.objects.has(m)) notCarried(m.field, `Mesh ${m.name} holds no imported service, so it is not carried.`);
  return drafts;
}

export function importAppmesh(ctx: ImportContext): SpecDraft[] {
  const drafts: SpecDraft[] = [];
  const crds: InputDocument[] = [];
  const anyCrd = ctx.documents.some((d) => isMeshResource(d.value));
  for (const doc of ctx.documents) {
    const v = doc.value;
    if (isObject(v) && (isObject(v.Resources) || 'AWSTemplateFormatVersion' in v)) {
      const types = Object.values(isObject(v.Resources) ? v.Resources : {}).map((r) => (isObject(r) ? String(r.Type) : ''));
      if (!types.some((t) => t.startsWith('AWS::AppMesh::'))) {
        ctx.diagnostics.push(documentError(doc, 'IMPORT_WRONG_KIND', 'This CloudFormation template defines no AWS::AppMesh:: resource.', 'it looks like ecs input: codegen import ecs'));
        continue;
      }
      const tracker = new Tracker(doc, ctx.diagnostics);
      const objs = readCloudFormation(new Template(tracker, ctx.options.parameters));
      drafts.push(...specs(objs, ctx, () => documentError(doc, '', '')));
      tracker.leftovers(`Template ${doc.source.file}`);
    } else if (isMeshResource(v)) crds.push(doc);
    else if (anyCrd && isObject(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string') {
      // A Deployment or Service beside the mesh resources: the other importer's input, not an error.
      const d = documentError(doc, 'IMPORT_OTHER_KIND', `A ${v.kind} is not an App Mesh resource, so it is not carried here.`, 'import it with codegen import kubernetes');
      ctx.diagnostics.push({ ...d, severity: 'warning' });
    } else {
      const other = guessKind(v);
      const k8s = isObject(v) && typeof v.apiVersion === 'string' && typeof v.kind === 'string';
      const message = k8s ? `A ${String(v.kind)} (${String(v.apiVersion)}) is not an App Mesh resource (appmesh.k8s.aws: ${['Mesh', 'VirtualNode', 'VirtualRouter', 'VirtualService', 'VirtualGateway', 'GatewayRoute'].join(', ')}).` : 'This is neither App Mesh CloudFormation (no AWS::AppMesh:: resources) nor an App Mesh controller resource (no appmesh.k8s.aws apiVersion).';
      ctx.diagnostics.push(documentError(doc, 'IMPORT_WRONG_KIND', message, other && other !== 'appmesh' ? `it looks like ${other} input: codegen import ${other}` : undefined));
    }
  }
  if (crds.length) {
    const { objects, trackers } = readControllerResources(crds, ctx.diagnostics);
    drafts.push(...specs(objects, ctx, () => documentError(crds[0]!, '', '')));
    for (const t of trackers) t.leftovers(`${String((t.doc.value as Record<string, unknown>).kind)} ${t.doc.source.file}`);
  }
  return drafts;
}
