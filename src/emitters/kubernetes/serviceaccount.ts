/**
 * `kubernetes:serviceaccount` — `kubernetes/serviceaccount.yaml`, the pods' v1 ServiceAccount with
 * the IRSA annotation `eks.amazonaws.com/role-arn` when a role is given. Not written when
 * `serviceAccount.create: false` (the account exists already).
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, type Report } from '../common/k8s-meta.js';
import { defineEmitter } from '../types.js';

/** EKS IAM roles for service accounts (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html). */
export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';

export function buildServiceAccount(m: ServiceModel, report: Report): JsonObject {
  const sa = m.targets.kubernetes.serviceAccount ?? {};
  const name = k8sNames(m).serviceAccount;
  checkName(name, 'subdomain', 'ServiceAccount name', sa.name ? ['targets', 'kubernetes', 'serviceAccount', 'name'] : ['name'], report);
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(m, name, sa.roleArn ? { [IRSA_ANNOTATION]: sa.roleArn } : undefined) };
}

export default defineEmitter({
  name: 'kubernetes:serviceaccount',
  target: 'kubernetes',
  description: 'Kubernetes v1 ServiceAccount with the IRSA role annotation.',
  applies: (m) => writesFile(m, 'serviceaccount'),
  emit(model, ctx) {
    return [k8sArtifact('serviceaccount', 'kubernetes:serviceaccount', buildServiceAccount(model, (d) => ctx.report(d)))];
  },
});
