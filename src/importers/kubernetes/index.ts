/**
 * `codegen import kubernetes`: manifests (files, folders, multi-document streams) → one spec per
 * workload. Objects are grouped by the rules in docs/importers.md: Services by selector, Ingress and
 * HTTPRoute by backend Service, HPA by scaleTargetRef, PDB by selector, ServiceAccount by the pods'
 * serviceAccountName, Namespace by the workload's namespace.
 */
import { Field, Tracker } from '../fields.js';
import { fieldName, markApiFields } from './api-fields.js';
import type { InputDocument } from '../read.js';
import { documentError, guessKind, type ImportContext } from '../types.js';
import { newDraft, type SpecDraft } from '../write.js';
import type { ContainerDraft, Json } from './pod.js';
import { readHpa, readHttpRoute, readIngress, readPdb, readService, readServiceAccount, type Around } from './traffic.js';
import { deploymentOf, derivedLabels, readWorkload, rolloutOf } from './workload.js';
import { isDefaultService, listedBackend, readListedServices } from './services.js';
import { initSidecars, pruneMounts, readPodStorage } from './storage.js';

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'Rollout']);
const KNOWN = new Set([...WORKLOADS, 'Service', 'Ingress', 'HTTPRoute', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'ServiceAccount', 'Namespace', 'Kustomization']);

interface Obj {
  kind: string;
  name: string;
  namespace?: string;
  field: Field;
  tracker: Tracker;
  owner?: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function subset(sel: unknown, labels: Record<string, string>): boolean {
  return isObject(sel) && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels[k] === v);
}

/** The Service names an Ingress or HTTPRoute sends traffic to. */
function backends(o: Obj): string[] {
  const spec = o.field.get('spec');
  const out: unknown[] = [spec.get('defaultBackend', 'service', 'name').value];
  for (const r of spec.get('rules').items()) {
    for (const p of r.get('http', 'paths').items()) out.push(p.get('backend', 'service', 'name').value);
    for (const b of r.get('backendRefs').items()) out.push(b.get('name').value);
  }
  return out.filter((x): x is string => typeof x === 'string');
}

function sidecarSpec(c: ContainerDraft, dependsOn?: Json): Json {
  return {
    image: c.image,
    ports: c.ports.length ? c.ports.map(({ name, port, protocol }) => ({ ...(name ? { name } : {}), port, ...(protocol ? { protocol } : {}) })) : undefined,
    env: Object.keys(c.env).length ? c.env : undefined,
    secrets: Object.keys(c.secrets).length ? c.secrets : undefined,
    resources: c.resources,
    command: c.command,
    entrypoint: c.entrypoint,
    user: c.user,
    security: c.security,
    dependsOn: dependsOn && Object.keys(dependsOn).length ? dependsOn : undefined,
    health: Object.keys(c.probes).length ? c.probes : undefined,
    mounts: c.mounts,
  };
}

/** A port named as codegen would name it by default is written without the name (unless unnamed ports keep derived names out). */
function dropDefaultNames(containers: ContainerDraft[], keepNames: boolean): void {
  if (keepNames) return;
  for (const c of containers) for (const p of c.ports) if (p.name === (p.protocol === 'udp' ? 'udp' : 'http')) delete p.name;
}

export function importKubernetes(ctx: ImportContext): SpecDraft[] {
  const objects: Obj[] = [];
  for (const doc of ctx.documents) {
    const v = doc.value;
    if (!isObject(v) || typeof v.kind !== 'string' || typeof v.apiVersion !== 'string') {
      const other = guessKind(v);
      ctx.diagnostics.push(documentError(doc, 'IMPORT_NOT_MANIFEST', 'This document is not a Kubernetes manifest (it has no apiVersion and kind).', other ? `it looks like ${other} input: codegen import ${other}` : undefined));
      continue;
    }
    const tracker = new Tracker(doc as InputDocument, ctx.diagnostics);
    const field = tracker.root();
    const md = isObject(v.metadata) ? v.metadata : {};
    if (!KNOWN.has(v.kind)) {
      // A Secret's values are never echoed: the diagnostic names the object only.
      field.get('kind').drop('no-form', `A ${v.kind} has no form in the spec, so ${String(md.name ?? 'this object')} is not carried.`, v.kind === 'ConfigMap' || v.kind === 'Secret' ? 'keep it as a separate manifest; env references to it are carried' : undefined);
      field.use();
      continue;
    }
    const apiFields = markApiFields(tracker, v.kind, v);
    if (apiFields.length) {
      const names = apiFields.map(fieldName);
      const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
      ctx.diagnostics.push({ ...documentError(doc, 'IMPORT_API_FIELDS', `${v.kind} ${String(md.name ?? '')}: ${shown} ${names.length === 1 ? 'is' : 'are'} left out: the API server writes ${names.length === 1 ? 'it' : 'them'}, or Kubernetes gives ${names.length === 1 ? 'it' : 'them'} that value when it is not set, so a manifest need not hold ${names.length === 1 ? 'it' : 'them'}.`), severity: 'info' });
    }
    const o: Obj = { kind: v.kind, name: String(md.name ?? ''), field, tracker };
    if (typeof md.namespace === 'string') o.namespace = md.namespace;
    objects.push(o);
  }
  if (ctx.diagnostics.some((d) => d.severity === 'error')) return [];
  const workloads = objects.filter((o) => WORKLOADS.has(o.kind));
  if (!workloads.length) {
    const first = ctx.documents[0];
    if (first) ctx.diagnostics.push(documentError(first, 'IMPORT_NO_WORKLOAD', 'No Deployment, StatefulSet or Rollout found: a spec is made from a workload and the objects around it.'));
    return [];
  }
  const kustomization = objects.find((o) => o.kind === 'Kustomization');
  const drafts: SpecDraft[] = [];
  for (const w of workloads) {
    const draft = buildOne(w, objects, kustomization !== undefined);
    if (draft) drafts.push(draft);
  }
  if (kustomization) {
    kustomization.field.get('resources').use();
    // `images:` is what codegen writes for the images it deploys (repository and tag): derived, not carried.
    const deployed = new Set(drafts.flatMap((d) => [d.spec.image, ...Object.values((d.spec.sidecars as Record<string, Json> | undefined) ?? {}).map((c) => c.image)]).map(String));
    const tagOf = (d: SpecDraft) => String((d.spec.parameters as Record<string, Json> | undefined)?.ImageTag?.default ?? '');
    const images = kustomization.field.get('images');
    const plain = (img: string) => drafts.reduce((s, d) => s.replace('${ImageTag}', tagOf(d)), img);
    if (images.items().length && images.items().every((i) => [...deployed].some((img) => plain(img) === `${String(i.get('name').value)}:${String(i.get('newTag').value)}`))) images.use();
    kustomization.field.get('apiVersion').use(), kustomization.field.get('kind').use();
  }
  for (const o of objects) {
    if (!o.owner && !WORKLOADS.has(o.kind) && o.kind !== 'Kustomization') {
      o.field.get('kind').drop('ambiguous', `${o.kind} ${o.name} belongs to no imported workload (no selector, backend or name matches), so it is not carried.`);
      o.field.use();
    }
  }
  for (const o of objects) o.tracker.leftovers(`${o.kind} ${o.name}`);
  return drafts;
}

function buildOne(w: Obj, objects: Obj[], hasKustomization: boolean): SpecDraft | undefined {
  const wl = readWorkload(w.field);
  if (!wl) {
    w.tracker.report([], 'IMPORT_NO_CONTAINER', 'error', `${w.kind} ${w.name} has no name or no containers.`);
    return undefined;
  }
  w.owner = wl.name;
  const sameNs = (o: Obj) => o.namespace === wl.namespace;
  const claim = (o: Obj, what: string): boolean => {
    if (o.owner) {
      o.field.get('metadata', 'name').note(`${o.kind} ${o.name} matches ${wl.name} too, but was given to ${o.owner} (${what}; the first workload in input order wins).`, 'IMPORT_AMBIGUOUS');
      return false;
    }
    o.owner = wl.name;
    return true;
  };
  const draft = newDraft(wl.name, [`Imported by \`codegen import kubernetes\` from ${w.tracker.doc.source.file}.`]);
  const spec = draft.spec;
  const k8s: Json = {};
  const m = wl.main;
  spec.image = m.image;
  if (wl.imageTag !== undefined && m.image) {
    spec.image = `${m.image.slice(0, m.image.lastIndexOf(':'))}:\${ImageTag}`;
    spec.parameters = { ImageTag: { default: wl.imageTag } };
    draft.comments.push({ path: ['image'], text: `The Deployment has no app.kubernetes.io/version label, so the tag was chosen at deploy time: it is the ImageTag parameter (default ${wl.imageTag}).` });
  }
  if (wl.mainRule) draft.comments.push({ path: ['image'], text: wl.mainRule });
  if (m.name !== 'app') spec.containerName = m.name;
  spec.entrypoint = m.entrypoint;
  spec.command = m.command;
  spec.resources = m.resources;
  if (Object.keys(m.env).length) spec.env = m.env;
  if (Object.keys(m.secrets).length) spec.secrets = m.secrets;
  spec.user = m.user;
  spec.readOnlyRootFilesystem = m.readOnlyRootFilesystem;
  if (wl.podSecurity || m.security) spec.security = { ...wl.podSecurity, ...m.security };
  if (m.pullPolicy) k8s.imagePullPolicy = m.pullPolicy;
  if (wl.namespace) k8s.namespace = wl.namespace;
  if (wl.podAnnotations) k8s.podAnnotations = wl.podAnnotations;
  if (Object.keys(wl.labels).length) spec.labels = wl.labels;
  if (wl.selector) k8s.selector = wl.selector;
  const labels = { ...derivedLabels(wl.name, m.image, wl.selector), ...wl.labels };
  const around: Around = { name: wl.name, ...(wl.namespace ? { namespace: wl.namespace } : {}), labels, selector: wl.selector ?? { app: wl.name }, ports: m.ports, spec, k8s };
  const all = [m, ...wl.sidecars, ...wl.inits.map((i) => i.container)];
  const unnamed = all.some((c) => c.unnamedPorts);
  if (unnamed) k8s.derivedPortNames = false;
  dropDefaultNames(all, unnamed);
  readPodStorage(w.field.get('spec', 'template', 'spec'), spec);
  pruneMounts(all, spec);
  spec.mounts = m.mounts;
  const mainDeps: Json = {};
  const inits = initSidecars(wl.inits, mainDeps);
  if (Object.keys(mainDeps).length) spec.dependsOn = mainDeps;
  if (wl.sidecars.length || inits.length) {
    spec.sidecars = Object.fromEntries([...inits.map(([c, deps]) => [c.name, sidecarSpec(c, deps)]), ...wl.sidecars.map((c) => [c.name, sidecarSpec(c)])]);
    const pulls = new Set([...wl.sidecars, ...inits.map(([c]) => c)].map((c) => c.pullPolicy));
    if ([...pulls].some((p) => p !== m.pullPolicy)) {
      w.field.get('spec', 'template', 'spec', 'containers').note(`imagePullPolicy differs between containers; codegen writes the main container's (${m.pullPolicy ?? 'unset'}) on every container.`, 'IMPORT_VALUE_CHANGED');
    }
  }
  // Services: those whose selector picks the pods.
  const services = objects.filter((o) => o.kind === 'Service' && sameNs(o) && subset((o.field.value as Json).spec && ((o.field.value as Json).spec as Json).selector, wl.podLabels));
  const mine = services.filter((o) => claim(o, 'its selector picks the pods'));
  const service = mine[0];
  let serviceName = service?.name ?? wl.name;
  const sidecarPortNames = new Set(wl.sidecars.flatMap((c) => c.ports.map((p) => p.k8sName).filter((n): n is string => n !== undefined)));
  if (mine.length === 1 && isDefaultService(service!.field, m.ports, !unnamed, sidecarPortNames)) readService(service!.field, around);
  else if (mine.length) {
    const listed = readListedServices(mine.map((o) => o.field), around);
    k8s.services = listed;
    // The route's backend is one of these Services; the port behind it is found through its targetPort.
    const routed = objects.find((o) => (o.kind === 'Ingress' || o.kind === 'HTTPRoute') && sameNs(o) && backends(o).some((b) => mine.some((x) => x.name === b)));
    if (routed) serviceName = backends(routed).find((b) => mine.some((x) => x.name === b))!;
    around.backend = (port) => listedBackend(listed, serviceName, port, m.ports);
  }
  // Ingress/HTTPRoute: those whose backend is the Service.
  const routes = objects.filter((o) => (o.kind === 'Ingress' || o.kind === 'HTTPRoute') && sameNs(o) && backends(o).includes(serviceName));
  const route = routes.find((o) => claim(o, 'its backend is the Service'));
  for (const extra of routes.filter((o) => o !== route && !o.owner)) {
    extra.owner = wl.name;
    extra.field.get('kind').drop('ambiguous', `A second route (${extra.kind} ${extra.name}) reaches ${wl.name}; the spec has one, the first (${route?.name}), so this one is not carried.`);
    extra.field.use();
  }
  if (route?.kind === 'Ingress') readIngress(route.field, around, serviceName);
  else if (route) {
    readHttpRoute(route.field, around, serviceName);
    route.field.get('spec', 'parentRefs').note('An HTTPRoute does not say whether its Gateway is internet-facing: expose.public is left false.', 'IMPORT_CHOICE');
  }
  const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && sameNs(o) && ((o.field.value as Json).spec as Json | undefined)?.scaleTargetRef && (((o.field.value as Json).spec as Json).scaleTargetRef as Json).name === wl.name && claim(o, 'scaleTargetRef'));
  if (hpa) {
    readHpa(hpa.field, around, wl.kind);
    const cd = (spec.autoscaling as Json).scaleInCooldown !== undefined || (spec.autoscaling as Json).scaleOutCooldown !== undefined;
    if (cd) draft.comments.push({ path: ['autoscaling'], text: 'The HPA stabilization windows are read as scaleIn/scaleOutCooldown (codegen writes them back as windows).' });
    wl.replicas?.drop('changed', 'The HPA owns the replica count, so codegen writes no replicas on the workload.');
  } else if (wl.replicas) {
    const r = wl.replicas.num();
    if (r !== undefined) spec.replicas = r;
  }
  const pdb = objects.find((o) => o.kind === 'PodDisruptionBudget' && sameNs(o) && subset((((o.field.value as Json).spec as Json | undefined)?.selector as Json | undefined)?.matchLabels, wl.podLabels) && claim(o, 'its selector picks the pods'));
  if (pdb) readPdb(pdb.field, around);
  const guaranteed = spec.autoscaling ? ((spec.autoscaling as Json).min as number) : ((spec.replicas as number | undefined) ?? 1);
  if (pdb && guaranteed < 2) ((k8s.podDisruptionBudget ??= {}) as Json).enabled = true;
  if (!pdb && guaranteed >= 2) {
    k8s.podDisruptionBudget = { enabled: false };
    draft.comments.push({ path: ['targets', 'kubernetes', 'podDisruptionBudget'], text: 'No PodDisruptionBudget in the input: codegen would add one for two or more replicas.' });
  }
  if (wl.serviceAccountName !== undefined) {
    const sa = objects.find((o) => o.kind === 'ServiceAccount' && sameNs(o) && o.name === wl.serviceAccountName && claim(o, 'the pods run as it'));
    const saSpec: Json = sa ? readServiceAccount(sa.field, around) : { create: false };
    if (!sa && wl.serviceAccountName !== wl.name) saSpec.name = wl.serviceAccountName;
    if (!sa) draft.comments.push({ path: ['targets', 'kubernetes', 'serviceAccount'], text: `The pods run as ${wl.serviceAccountName}, which the input does not define: create is false.` });
    k8s.serviceAccount = saSpec;
  }
  const ns = objects.find((o) => o.kind === 'Namespace' && wl.namespace !== undefined && o.name === wl.namespace && !o.owner);
  if (ns) {
    ns.owner = wl.name;
    ns.field.get('apiVersion').use(), ns.field.get('kind').use(), ns.field.get('metadata', 'name').use();
    ns.field.get('metadata', 'labels', 'app.kubernetes.io/managed-by').expect('codegen', 'Label app.kubernetes.io/managed-by');
    k8s.createNamespace = true;
  }
  const deployment: Json = {};
  if (wl.kind === 'Rollout') {
    k8s.workload = 'Rollout';
    rolloutOf(w.field.get('spec'), deployment, serviceName);
  } else deploymentOf(w.field.get('spec'), deployment);
  if (typeof deployment.__comment === 'string') {
    draft.comments.push({ path: ['deployment'], text: deployment.__comment });
    delete deployment.__comment;
  }
  if (Object.keys(deployment).length) spec.deployment = deployment;
  // Probes last: the readiness codegen derives from the traffic health check is left out.
  const health = (spec.health ??= {}) as Json;
  Object.assign(health, m.probes);
  const traffic = health.traffic as Json | undefined;
  const r = health.readiness as Json | undefined;
  if (traffic?.path !== undefined && r && Object.keys(r).length === 1 && JSON.stringify(r.http) === JSON.stringify({ path: traffic.path, ...(traffic.port !== undefined && traffic.port !== m.ports[0]?.port ? { port: traffic.port } : {}) })) {
    delete health.readiness;
  }
  spec.ports = m.ports.length
    ? m.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, ...(p.protocol ? { protocol: p.protocol } : {}), ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}), ...(p.servicePort !== undefined ? { servicePort: p.servicePort } : {}) }))
    : undefined;
  if (!hasKustomization) {
    k8s.kustomization = false;
    draft.comments.push({ path: ['targets', 'kubernetes', 'kustomization'], text: 'The input has no kustomization.yaml, so none is written.' });
  }
  spec.targets = { kubernetes: k8s };
  return draft;
}
