/**
 * `codegen import compose`: a Compose file (the Compose Specification) → one spec per service,
 * Kubernetes target: image, command, ports, environment, secrets, health check, deploy resources
 * and replicas, user, read-only root file system, capabilities, ulimits, stop grace period,
 * volumes. A service that joins another's network namespace (`network_mode: service:<other>`) is
 * what a pod sidecar is: it becomes a sidecar of that service's spec, and `depends_on` between the
 * containers of one spec becomes the spec's start ordering (`dependsOn`). What a single-host
 * Compose project has and a service spec has not (depends_on across specs, networks, build, a
 * project-directory bind mount) is reported at its position.
 */
import type { SpecPath } from '../../core/diagnostics.js';
import { Tracker, type Field } from '../fields.js';
import { serviceName } from '../ecs/names.js';
import { fitName } from '../names.js';
import { documentError, guessKind, type ImportContext } from '../types.js';
import { duration, newDraft, type SpecDraft } from '../write.js';
import { readContainer, seconds } from './container.js';
import { namedVolumes, readMounts, SpecVolumes } from './volumes.js';

type Json = Record<string, unknown>;

/** Compose `depends_on` conditions → the spec's (ECS ContainerDependency) conditions. */
const CONDITIONS: Record<string, string> = { service_started: 'START', service_healthy: 'HEALTHY', service_completed_successfully: 'SUCCESS' };

/** The main container's name in a spec (the spec's default `containerName`). */
const MAIN = 'app';

interface Group {
  key: string;
  name: string;
  /** Services joined to this one's network namespace, in file order: the sidecars. */
  sidecars: { key: string; field: Field; name: string }[];
}

/** `network_mode: service:<other>`: the service whose pod this one joins, when it is a service of the file. */
function joinedTo(s: Field, services: Field): string | undefined {
  const m = /^service:(.+)$/.exec(String(s.get('network_mode').value ?? ''));
  return m && services.get(m[1]!).isMap() ? m[1] : undefined;
}

/** The specs: one per service that joins no other, with the services joined to it as sidecars. */
function groups(services: Field): { groups: Group[]; specOf: Map<string, string> } {
  const out: Group[] = [];
  const specOf = new Map<string, string>();
  const entries = services.entries();
  for (const [key, s] of entries) {
    const host = joinedTo(s, services);
    // A service joined to one that itself joins another is not followed (it gets its own spec, reported).
    if (host !== undefined && joinedTo(services.get(host), services) === undefined) continue;
    const name = serviceName(key);
    if (!name) {
      s.drop('no-form', `Service ${key} has no name that is a valid DNS label.`);
      continue;
    }
    out.push({ key, name, sidecars: [] });
    specOf.set(key, name);
  }
  for (const [key, s] of entries) {
    const host = joinedTo(s, services);
    const g = out.find((x) => x.key === host);
    if (host === undefined || !g) continue;
    s.get('network_mode').use();
    g.sidecars.push({ key, field: s, name: fitName(key, 'sidecars', s) });
    specOf.set(key, g.name);
    s.note(`${key} shares the network namespace of ${host} (network_mode: service:${host}), as a container of the same pod does: it is written as the sidecar ${g.sidecars[g.sidecars.length - 1]!.name} of ${g.name}.`, 'IMPORT_CHOICE');
  }
  return { groups: out, specOf };
}

/** `depends_on` of one container: the containers of its own spec become `dependsOn`, the rest is reported. */
function dependsOn(key: string, s: Field, group: Group, specOf: Map<string, string>, containerName: (k: string) => string | undefined): Json | undefined {
  const deps = s.get('depends_on');
  const out: Json = {};
  const entries: [string, Field | undefined][] = Array.isArray(deps.value) ? deps.items().map((x) => [String(x.value), x]) : deps.entries().map(([k, v]) => [k, v]);
  for (const [dep, f] of entries) {
    const at = f ?? deps;
    const condition = f?.isMap() ? String(f.get('condition').value ?? 'service_started') : 'service_started';
    const local = containerName(dep);
    if (local !== undefined && CONDITIONS[condition]) {
      out[local] = CONDITIONS[condition];
      at.use();
      if (f?.isMap()) for (const extra of ['restart', 'required']) f.get(extra).drop('no-form', `depends_on.${dep}.${extra} has no form in the spec's start ordering, so it is not carried.`);
      continue;
    }
    const other = specOf.get(dep);
    at.drop('no-form', `${key} starts after ${dep}${condition !== 'service_started' ? ` is ${condition.replace('service_', '').replace(/_/g, ' ')}` : ''} in Compose; ${dep} is ${other ? `its own service here (spec ${other})` : 'not a service of this file'}, and separate services have no start ordering (make ${key} retry its connections until ${dep} answers).`);
  }
  return Object.keys(out).length ? out : undefined;
}

function readGroup(g: Group, services: Field, root: Field, specOf: Map<string, string>, file: string): SpecDraft {
  const draft = newDraft(g.name, [`Imported by \`codegen import compose\` from ${file} (service ${g.key}${g.sidecars.length ? `, with ${g.sidecars.map((x) => x.key).join(', ')} as sidecars` : ''}).`]);
  const spec = draft.spec;
  const main = services.get(g.key);
  const vols = new SpecVolumes();
  // Services of other specs that mount each named volume (they no longer share it).
  const sharedWith = (volume: string) => services.entries().filter(([k, x]) => specOf.has(k) && specOf.get(k) !== g.name && namedVolumes(x).includes(volume)).map(([k]) => k);
  const containerName = (k: string) => (k === g.key ? MAIN : g.sidecars.find((x) => x.key === k)?.name);

  Object.assign(spec, readContainer(g.key, main, root, draft, []));
  spec.mounts = readMounts(g.key, main, root, vols, sharedWith);
  const replicas = main.get('deploy', 'replicas').num() ?? main.get('scale').num();
  if (replicas !== undefined) spec.replicas = replicas;
  const grace = seconds(main.get('stop_grace_period'));
  if (grace !== undefined) spec.terminationGracePeriod = duration(grace);
  spec.dependsOn = dependsOn(g.key, main, g, specOf, containerName);

  if (g.sidecars.length) {
    const sidecars: Json = {};
    for (const sc of g.sidecars) {
      const at: SpecPath = ['sidecars', sc.name];
      const c = readContainer(sc.key, sc.field, root, draft, at);
      if (c.readOnlyRootFilesystem !== undefined) c.security = { readOnlyRootFilesystem: c.readOnlyRootFilesystem, ...((c.security as Json | undefined) ?? {}) };
      delete c.readOnlyRootFilesystem;
      c.mounts = readMounts(sc.key, sc.field, root, vols, sharedWith);
      c.dependsOn = dependsOn(sc.key, sc.field, g, specOf, containerName);
      // The pod's replicas and stop grace period are the main service's.
      const own = seconds(sc.field.get('stop_grace_period'));
      if (own !== undefined && own !== grace) sc.field.get('stop_grace_period').drop('changed', `The stop grace period is the pod's in the spec; ${g.key}'s (${grace === undefined ? 'the default' : duration(grace)}) is kept for ${sc.key} too.`);
      const scReplicas = sc.field.get('deploy', 'replicas').num() ?? sc.field.get('scale').num();
      if (scReplicas !== undefined && scReplicas !== replicas) sc.field.get(sc.field.get('scale').exists ? 'scale' : 'deploy').drop('changed', `A sidecar runs once in every replica of ${g.key}; its own replica count is not carried.`);
      sidecars[sc.name] = c;
    }
    spec.sidecars = sidecars;
  }
  if (Object.keys(vols.volumes).length) spec.volumes = vols.volumes;
  spec.targets = { kubernetes: {} };
  draft.comments.push({ path: ['targets'], text: 'Kubernetes is the target written for a Compose service; add targets.ecs (with region and an execution role) for ECS.' });
  return draft;
}

export function importCompose(ctx: ImportContext): SpecDraft[] {
  const drafts: SpecDraft[] = [];
  for (const doc of ctx.documents) {
    const tracker = new Tracker(doc, ctx.diagnostics);
    const root = tracker.root();
    const services = root.get('services');
    if (!services.isMap()) {
      const other = guessKind(doc.value);
      ctx.diagnostics.push(documentError(doc, 'IMPORT_WRONG_KIND', 'This is not a Compose file (it has no services map).', other && other !== 'compose' ? `it looks like ${other} input: codegen import ${other}` : undefined));
      continue;
    }
    for (const k of ['version', 'name']) root.get(k).use();
    const { groups: gs, specOf } = groups(services);
    for (const g of gs) drafts.push(readGroup(g, services, root, specOf, doc.source.file));
    tracker.leftovers(`Compose file ${doc.source.file}`);
  }
  return drafts;
}
