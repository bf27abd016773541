/** `kubernetes:namespace` — `kubernetes/namespace.yaml`, the v1 Namespace, when `createNamespace` is set. */
import type { JsonObject } from '../core/serialize.js';
import type { ServiceModel } from '../model/types.js';
import { commonLabels, k8sArtifact, writesFile } from './shared/k8s.js';
import { defineEmitter } from './types.js';

export function buildNamespace(m: ServiceModel): JsonObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: m.targets.kubernetes.namespace!, labels: commonLabels(m) } };
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
