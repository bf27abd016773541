/**
 * `kubernetes:service` — `kubernetes/service.yaml`, a v1 Service (ClusterIP by default) with one
 * named port per container port: `servicePort` → the container port by name.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile } from './k8s.js';
import { checkName, k8sNames, metadata, selectorLabels, type Report } from '../shared/k8s-meta.js';
import { defineEmitter } from '../types.js';
import { nlbAnnotations } from './nlb-annotations.js';

export function buildService(m: ServiceModel, report: Report): JsonObject {
  const t = m.targets.kubernetes;
  const name = k8sNames(m).service;
  checkName(name, 'label', 'Service name', t.service?.name ? ['targets', 'kubernetes', 'service', 'name'] : ['name'], report);
  // The port of a sidecar that takes the traffic (expose.container) is a Service port too.
  const e = m.expose;
  const ports = e && e.container !== m.main.name && !m.main.ports.some((p) => p.name === e.port.name) ? [...m.main.ports, e.port] : m.main.ports;
  const nlb = e?.loadBalancer === 'network';
  const spec: JsonObject = {
    type: nlb ? 'LoadBalancer' : (t.service?.type ?? 'ClusterIP'),
    selector: selectorLabels(m),
    ports: ports.map((p) => {
      const port: JsonObject = { name: p.name, port: p.servicePort, targetPort: p.name };
      if (p.protocol === 'udp') port.protocol = 'UDP';
      return port;
    }),
  };
  if (nlb && t.service?.type !== undefined && t.service.type !== 'LoadBalancer') {
    report({ code: 'K8S_NLB_SERVICE_TYPE', severity: 'error', message: `A Network Load Balancer is provisioned for a Service of type LoadBalancer; targets.kubernetes.service.type is ${t.service.type}.`, path: ['targets', 'kubernetes', 'service', 'type'] });
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(m, name, nlb ? nlbAnnotations(m, report) : undefined), spec };
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
