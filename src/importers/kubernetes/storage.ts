/**
 * The pod's lifecycle and storage → the spec: init containers (a plain init container is a sidecar
 * the main container waits for with SUCCESS, a native sidecar one it waits for with START, each
 * waiting for the one before it as Kubernetes starts them in order), `terminationGracePeriodSeconds`,
 * and the pod's volumes (emptyDir, hostPath, ConfigMap; a PersistentVolumeClaim does not say
 * which EFS file system it holds, so it is reported).
 */
import type { Field } from '../fields.js';
import type { ContainerDraft, Json } from './pod.js';

/** The init containers as sidecars in start order, with the dependsOn that makes codegen write them back. */
export function initSidecars(inits: { container: ContainerDraft; native: boolean }[], mainDeps: Json): [ContainerDraft, Json][] {
  const out: [ContainerDraft, Json][] = [];
  let previous: { name: string; native: boolean } | undefined;
  for (const { container, native } of inits) {
    const deps: Json = {};
    if (previous) deps[previous.name] = previous.native ? 'START' : 'SUCCESS';
    mainDeps[container.name] = native ? 'START' : 'SUCCESS';
    out.push([container, deps]);
    previous = { name: container.name, native };
  }
  return out;
}

/** `terminationGracePeriodSeconds` and `volumes` of the pod spec. */
export function readPodStorage(podSpec: Field, spec: Json): void {
  const grace = podSpec.get('terminationGracePeriodSeconds').num();
  if (grace !== undefined) spec.terminationGracePeriod = grace;
  const volumes: Json = {};
  for (const v of podSpec.get('volumes').items()) {
    const name = v.get('name').str();
    if (name === undefined) continue;
    const empty = v.get('emptyDir');
    const host = v.get('hostPath');
    const cm = v.get('configMap');
    const pvc = v.get('persistentVolumeClaim');
    if (empty.isMap()) {
      const e: Json = {};
      const medium = empty.get('medium').str();
      if (medium === 'Memory') e.medium = medium;
      else if (medium !== undefined && medium !== '') empty.get('medium').drop('no-form', `emptyDir medium ${medium} has no form in the spec (Memory or the node's disk), so it is not carried.`);
      const size = empty.get('sizeLimit').str();
      if (size !== undefined) e.sizeLimit = size;
      empty.use();
      volumes[name] = { emptyDir: e };
    } else if (host.isMap() && host.get('path').exists) {
      const type = host.get('type').str();
      volumes[name] = { hostPath: { path: host.get('path').str(), ...(type ? { type } : {}) } };
      host.use();
    } else if (cm.isMap() && cm.get('name').exists) {
      const c: Json = { name: cm.get('name').str() };
      const items: Json = {};
      for (const it of cm.get('items').items()) {
        const key = it.get('key').str();
        const path = it.get('path').str();
        if (key !== undefined && path !== undefined) items[key] = path, it.use();
      }
      if (Object.keys(items).length) c.items = items;
      const mode = cm.get('defaultMode').num();
      if (mode !== undefined) c.defaultMode = mode;
      cm.get('items').use(), cm.use();
      volumes[name] = { configMap: c };
    } else if (pvc.isMap() && pvc.get('claimName').exists) {
      const claimName = pvc.get('claimName').str();
      const readOnly = pvc.get('readOnly').bool();
      volumes[name] = { persistentVolumeClaim: { claimName, ...(readOnly ? { readOnly } : {}) } };
      pvc.get('claimName').note(`Volume ${name} stays a Kubernetes claim, which ECS and Copilot cannot mount: if ${claimName} holds an EFS file system, declare it as efs with its fileSystemId and claimName ${claimName}, which every target mounts.`, 'IMPORT_CHOICE');
      if (readOnly === false) pvc.get('readOnly').use();
      pvc.use();
    } else {
      v.drop('no-form', `Volume ${name} has no form in the spec (emptyDir, hostPath, ConfigMap and PersistentVolumeClaim are carried), so it is not carried.`, 'declare it under volumes');
      continue;
    }
    v.get('name').use(), v.use();
  }
  if (Object.keys(volumes).length) spec.volumes = volumes;
}

/** Mounts of a volume that was not carried are not carried either (the spec would refuse them). */
export function pruneMounts(containers: ContainerDraft[], spec: Json): void {
  const volumes = (spec.volumes as Json | undefined) ?? {};
  for (const c of containers) {
    if (!c.mounts) continue;
    const keep: Json[] = [];
    c.mounts.forEach((m, i) => {
      if (Object.hasOwn(volumes, m.volume as string)) keep.push(m);
      else c.mountFields?.[i]?.drop('no-form', `Volume ${String(m.volume)} is not carried, so this mount of it is not either.`);
    });
    c.mounts = keep.length ? keep : undefined;
  }
}
