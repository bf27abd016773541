/**
 * The lifecycle and storage parts of a pod: which containers start first, the pod's volumes, and
 * each container's volume mounts.
 *
 * Start ordering. Kubernetes starts a pod's regular containers together; what runs before them
 * are init containers, in list order. So a container that another one waits for (`dependsOn`)
 * becomes an init container: with COMPLETE or SUCCESS a plain init container (it must exit 0
 * before the next one starts), with START or HEALTHY a native sidecar (an init container with
 * `restartPolicy: Always`, Kubernetes 1.29+: the next container starts once it has started and
 * passed its startup probe, and it keeps running beside the app). Init containers are listed in
 * dependency order, otherwise in spec order. What this cannot express (waiting for the main
 * container, an init container waiting for a regular one) is a diagnostic naming the target.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ContainerModel, ServiceModel } from '../../model/types.js';
import { checkName, type Report } from '../common/k8s-meta.js';

export type PodRole = 'regular' | 'init' | 'sidecar';

/** Each container's place in the pod, and the init containers in start order. */
export function podRoles(m: ServiceModel, report: Report): { role: Map<string, PodRole>; initOrder: ContainerModel[] } {
  const role = new Map<string, PodRole>(m.containers.map((c) => [c.name, 'regular']));
  const byName = new Map(m.containers.map((c) => [c.name, c]));
  for (const c of m.containers) {
    for (const d of c.dependsOn) {
      const target = byName.get(d.container);
      if (!target || target === c) continue; // reported by the model
      if (target.main) {
        report({ code: 'K8S_DEPENDS_ON_MAIN', severity: 'warning', message: `Kubernetes cannot start a container after the main one: ${c.name} waiting for ${target.name} (${d.condition}) is not carried (target kubernetes).`, path: [...c.path, 'dependsOn', d.container] });
        continue;
      }
      if (d.condition === 'COMPLETE' || d.condition === 'SUCCESS') role.set(target.name, 'init');
      else if (role.get(target.name) !== 'init') role.set(target.name, 'sidecar');
    }
  }
  for (const c of m.containers) {
    for (const d of c.dependsOn) {
      const target = byName.get(d.container);
      if (!target || target === c || target.main) continue;
      const at = [...c.path, 'dependsOn', d.container];
      if (d.condition === 'COMPLETE') {
        report({ code: 'K8S_COMPLETE_AS_SUCCESS', severity: 'warning', message: `${target.name} runs as an init container, which must exit with status 0 before ${c.name} starts: COMPLETE (any exit status) is SUCCESS on Kubernetes (target kubernetes).`, path: at });
      }
      if (d.condition === 'HEALTHY' && role.get(target.name) === 'sidecar' && !target.health?.startup) {
        report({ code: 'K8S_HEALTHY_NEEDS_STARTUP_PROBE', severity: 'warning', message: `Kubernetes waits for a native sidecar's startup probe, and ${target.name} has none: ${c.name} starts once ${target.name} has started, not once it is healthy (target kubernetes).`, hint: `add sidecars.${target.name}.health.startup`, path: at });
      }
      if (role.get(c.name) !== 'regular' && role.get(target.name) === 'regular') {
        report({ code: 'K8S_DEPENDS_ON_NOT_CARRIED', severity: 'warning', message: `${c.name} starts before the regular containers (others wait for it), so it cannot wait for ${target.name}: not carried (target kubernetes).`, path: at });
      }
    }
  }
  const inits = m.containers.filter((c) => role.get(c.name) !== 'regular');
  const initNames = new Set(inits.map((c) => c.name));
  const initOrder: ContainerModel[] = [];
  const placed = new Set<string>();
  // Kahn's algorithm, taking the first ready container in spec order each time (a cycle is reported by the model).
  const ready = (c: ContainerModel) => c.dependsOn.every((d) => d.container === c.name || !initNames.has(d.container) || placed.has(d.container));
  while (initOrder.length < inits.length) {
    const next = inits.find((c) => !placed.has(c.name) && ready(c)) ?? inits.find((c) => !placed.has(c.name))!;
    placed.add(next.name);
    initOrder.push(next);
  }
  const natives = inits.filter((c) => role.get(c.name) === 'sidecar').map((c) => c.name);
  if (natives.length) {
    report({ code: 'K8S_NATIVE_SIDECARS', severity: 'info', message: `Written as native sidecars (init containers with restartPolicy: Always) because other containers wait for them: ${natives.join(', ')}; the cluster needs Kubernetes 1.29 or later (target kubernetes).`, path: ['sidecars'] });
  }
  return { role, initOrder };
}

/** The pod's `volumes` (none for a volume Kubernetes cannot mount). */
export function podVolumes(m: ServiceModel, report: Report): JsonObject[] {
  const out: JsonObject[] = [];
  for (const v of m.volumes) {
    if (!checkName(v.name, 'label', 'Volume name (target kubernetes)', v.at, report)) continue;
    if (v.kind === 'emptyDir') {
      const e: JsonObject = {};
      if (v.medium) e.medium = v.medium;
      if (v.sizeLimit !== undefined) e.sizeLimit = v.sizeLimit;
      out.push({ name: v.name, emptyDir: e });
    } else if (v.kind === 'hostPath') {
      report({ code: 'K8S_HOST_PATH', severity: 'warning', message: `Volume ${v.name} mounts the node's ${v.path}: the pod is tied to what that node holds and can read or change the node's files (target kubernetes).`, hint: 'prefer an emptyDir or a PersistentVolumeClaim; clusters enforcing the baseline Pod Security Standard refuse hostPath', path: [...v.at, 'hostPath'] });
      out.push({ name: v.name, hostPath: v.type !== undefined ? { path: v.path, type: v.type } : { path: v.path } });
    } else if (v.kind === 'configMap') {
      const c: JsonObject = { name: v.configMap };
      if (v.items.length) c.items = v.items.map((i) => ({ key: i.key, path: i.path }));
      if (v.defaultMode !== undefined) c.defaultMode = v.defaultMode;
      out.push({ name: v.name, configMap: c });
    } else if (v.kind === 'persistentVolumeClaim') {
      out.push({ name: v.name, persistentVolumeClaim: v.readOnly ? { claimName: v.claimName, readOnly: true } : { claimName: v.claimName } });
    } else if (v.kind === 'managedEfs') {
      report({ code: 'K8S_MANAGED_EFS', severity: 'error', message: `Kubernetes mounts EFS through a PersistentVolumeClaim: volume ${v.name} is a file system Copilot creates (managedEfs), which has no form on target kubernetes, and without it what the containers write there would not persist.`, hint: `declare volumes.${v.name}.efs with the file system's fileSystemId and the claimName of its EFS CSI claim; or leave kubernetes out of targets`, path: [...v.at, 'managedEfs'] });
    } else if (v.claimName !== undefined) {
      out.push({ name: v.name, persistentVolumeClaim: { claimName: v.claimName } });
    } else {
      report({
        code: 'K8S_EFS_CLAIM_MISSING',
        severity: 'error',
        message: `Kubernetes mounts EFS through a PersistentVolumeClaim of the EFS CSI driver: volume ${v.name} (${v.fileSystemId}) names none (target kubernetes).`,
        hint: `create a PersistentVolume with csi.driver efs.csi.aws.com and volumeHandle ${v.fileSystemId}${v.accessPointId ? `::${v.accessPointId}` : ''}, a claim bound to it, and set volumes.${v.name}.efs.claimName`,
        path: [...v.at, 'efs'],
      });
    }
  }
  return out;
}

/** A container's `volumeMounts` (mounts of volumes the pod does not carry are left out; the volume is reported). */
export function volumeMounts(m: ServiceModel, c: ContainerModel): JsonObject[] {
  const carried = new Set(m.volumes.filter((v) => v.kind !== 'efs' || v.claimName !== undefined).map((v) => v.name));
  return c.mounts
    .filter((mt) => carried.has(mt.volume))
    .map((mt) => {
      const out: JsonObject = { name: mt.volume, mountPath: mt.path };
      if (mt.readOnly) out.readOnly = true;
      if (mt.subPath !== undefined) out.subPath = mt.subPath;
      return out;
    });
}

/** What a pod has no form for: ulimits and the task-level disk size. */
export function reportPodNotCarried(m: ServiceModel, report: Report): void {
  for (const c of m.containers) {
    if (c.ulimits.length) {
      report({ code: 'K8S_ULIMITS', severity: 'warning', message: `Kubernetes has no per-container ulimits; ${c.ulimits.map((u) => u.name).join(', ')} of container ${c.name} ${c.ulimits.length > 1 ? 'are' : 'is'} not carried (the node's container runtime sets them) (target kubernetes).`, path: [...c.path, 'ulimits'] });
    }
  }
  if (m.ephemeralStorageGiB !== undefined) {
    report({ code: 'K8S_EPHEMERAL_STORAGE', severity: 'warning', message: 'ephemeralStorage is the Fargate task disk; a pod has no such size, so it is not carried (target kubernetes).', hint: 'limit scratch space with volumes.<name>.emptyDir.sizeLimit', path: ['ephemeralStorage'] });
  }
}
