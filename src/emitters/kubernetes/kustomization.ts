/**
 * `kubernetes:kustomization` — `kubernetes/kustomization.yaml` listing exactly the files the other
 * Kubernetes emitters write (they share `writesFile`), so `kubectl kustomize <service>/kubernetes`
 * or `kubectl apply -k` builds the set. Plugin emitters' files are not listed.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { K8S_FILES, k8sArtifact, k8sObjectFiles, writesFile } from './k8s.js';
import { defineEmitter } from '../types.js';

export function buildKustomization(m: ServiceModel): JsonObject {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: k8sObjectFiles(m).map((f) => K8S_FILES[f].slice(K8S_FILES[f].lastIndexOf('/') + 1)),
  };
}

export default defineEmitter({
  name: 'kubernetes:kustomization',
  target: 'kubernetes',
  description: 'kustomization.yaml listing the generated Kubernetes files.',
  applies: (m) => writesFile(m, 'kustomization'),
  emit(model) {
    return [k8sArtifact('kustomization', 'kubernetes:kustomization', buildKustomization(model))];
  },
});
