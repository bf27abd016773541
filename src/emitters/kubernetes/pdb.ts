/**
 * `kubernetes:pdb` — `kubernetes/pdb.yaml`, a policy/v1 PodDisruptionBudget, written when more than
 * one replica is guaranteed (replicas ≥ 2 or autoscaling.min ≥ 2) unless disabled.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { guaranteedReplicas, k8sArtifact, writesFile } from './k8s.js';
import { k8sNames, metadata, selectorLabels, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

export function buildPdb(m: ServiceModel, report: Report): JsonObject {
  const maxUnavailable = m.targets.kubernetes.podDisruptionBudget?.maxUnavailable ?? 1;
  if (maxUnavailable === 0) {
    report({
      code: 'K8S_PDB_BLOCKS_DRAINS',
      severity: 'warning',
      message: 'maxUnavailable 0 forbids every voluntary eviction, so node drains and cluster upgrades stall until the budget is changed.',
      path: ['targets', 'kubernetes', 'podDisruptionBudget', 'maxUnavailable'],
    });
  } else if (maxUnavailable >= guaranteedReplicas(m)) {
    report({
      code: 'K8S_PDB_ALLOWS_ALL',
      severity: 'warning',
      message: `maxUnavailable ${maxUnavailable} is not less than the ${guaranteedReplicas(m)} guaranteed replica(s), so the budget does not keep any pod up during drains.`,
      path: ['targets', 'kubernetes', 'podDisruptionBudget'],
    });
  }
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(m, k8sNames(m).workload),
    spec: { maxUnavailable, selector: { matchLabels: selectorLabels(m) } },
  };
}

export default defineEmitter({
  name: 'kubernetes:pdb',
  target: 'kubernetes',
  description: 'Kubernetes policy/v1 PodDisruptionBudget (when more than one replica is guaranteed).',
  applies: (m) => writesFile(m, 'pdb'),
  emit(model, ctx) {
    return [k8sArtifact('pdb', 'kubernetes:pdb', buildPdb(model, (d) => ctx.report(d)))];
  },
});
