/**
 * `kubernetes:namespace` — `kubernetes/namespace.yaml`, the v1 Namespace, when `createNamespace` is set.
 * It carries no app labels: a namespace outlives and holds more than one service. With
 * `targets.appmesh.kubernetesController` it also carries the App Mesh controller's mesh and
 * sidecar-injector labels.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { meshNamespaceLabels, usesMeshController } from '../common/appmesh-envoy.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { defineEmitter } from '../types.js';

export function buildNamespace(m: ServiceModel): JsonObject {
  const labels: Record<string, string> = { 'app.kubernetes.io/managed-by': 'codegen' };
  if (usesMeshController(m)) Object.assign(labels, meshNamespaceLabels(m));
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: m.targets.kubernetes.namespace!, labels } };
}

export default defineEmitter({
  name: 'kubernetes:namespace',
  target: 'kubernetes',
  description: 'Kubernetes v1 Namespace (when createNamespace is set).',
  applies: (m) => writesFile(m, 'namespace'),
  emit(model) {
    return [k8sArtifact('namespace', 'kubernetes:namespace', buildNamespace(model))];
  },
});
