/**
 * `kubernetes:service` — `kubernetes/service.yaml`, a v1 Service (ClusterIP by default) with one
 * named port per container port: `servicePort` → the container port by name.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, selectorLabels, type Report } from '../shared/k8s-meta.js';
import { defineEmitter } from '../types.js';

export function buildService(m: ServiceModel, report: Report): JsonObject {
  const t = m.targets.kubernetes;
  const name = k8sNames(m).service;
  checkName(name, 'label', 'Service name', t.service?.name ? ['targets', 'kubernetes', 'service', 'name'] : ['name'], report);
  const spec: JsonObject = {
    type: t.service?.type ?? 'ClusterIP',
    selector: selectorLabels(m),
    ports: m.main.ports.map((p) => {
      const port: JsonObject = { name: p.name, port: p.servicePort, targetPort: p.name };
      if (p.protocol === 'udp') port.protocol = 'UDP';
      return port;
    }),
  };
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(m, name), spec };
}

export default defineEmitter({
  name: 'kubernetes:service',
  target: 'kubernetes',
  description: 'Kubernetes v1 Service (ClusterIP by default, named ports).',
  applies: (m) => writesFile(m, 'service'),
  emit(model, ctx) {
    return [k8sArtifact('service', 'kubernetes:service', buildService(model, (d) => ctx.report(d)))];
  },
});
