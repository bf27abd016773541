/**
 * `kubernetes:service` — `kubernetes/service.yaml`: the v1 Service(s) in front of the pods. By
 * default one Service (ClusterIP) with one port per container port: `servicePort` → the container
 * port by name (by number when `derivedPortNames: false` leaves the container port unnamed). With
 * `targets.kubernetes.services`, exactly the Services listed, each with its own name, type,
 * annotations and ports (`targetPort` a number or a container port name), one document each.
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { k8sArtifact, writesFile, writesPortName } from './k8s.js';
import { checkName, isPortName, k8sNames, metadata, routeService, selectorLabels, type Report } from '../common/k8s-meta.js';
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
  const several = ports.length > 1;
  const spec: JsonObject = {
    type: nlb ? 'LoadBalancer' : (t.service?.type ?? 'ClusterIP'),
    selector: selectorLabels(m),
    ports: ports.map((p) => {
      const named = writesPortName(m, p);
      // Kubernetes requires a name on every port of a Service with several ports.
      const port: JsonObject = named || several ? { name: p.name, port: p.servicePort } : { port: p.servicePort };
      port.targetPort = named ? p.name : p.port;
      if (p.protocol === 'udp') port.protocol = 'UDP';
      return port;
    }),
  };
  if (nlb && t.service?.type !== undefined && t.service.type !== 'LoadBalancer') {
    report({ code: 'K8S_NLB_SERVICE_TYPE', severity: 'error', message: `A Network Load Balancer is provisioned for a Service of type LoadBalancer; targets.kubernetes.service.type is ${t.service.type}.`, path: ['targets', 'kubernetes', 'service', 'type'] });
  }
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(m, name, nlb ? nlbAnnotations(m, report) : undefined), spec };
}

type ListedService = NonNullable<ServiceModel['targets']['kubernetes']['services']>[number];

/** One Service of `targets.kubernetes.services`. */
function listedService(m: ServiceModel, svc: ListedService, i: number, podPortNames: Set<string>, report: Report): JsonObject {
  const at = ['targets', 'kubernetes', 'services', i];
  const type = svc.type ?? 'ClusterIP';
  const ports = svc.ports.map((p, j) => {
    const here = [...at, 'ports', j];
    const out: JsonObject = {};
    if (p.name !== undefined) {
      out.name = p.name;
      if (!isPortName(p.name)) report({ code: 'K8S_INVALID_PORT_NAME', severity: 'error', message: `Service port name "${p.name}" is not a valid Kubernetes port name (at most 15 lowercase alphanumerics or "-", with at least one letter and no "--").`, path: [...here, 'name'] });
    } else if (svc.ports.length > 1) {
      report({ code: 'K8S_SERVICE_PORT_NAME_REQUIRED', severity: 'error', message: `Service ${svc.name} has several ports, so Kubernetes requires a name on each; port ${p.port} has none.`, path: here });
    }
    out.port = p.port;
    out.targetPort = p.targetPort ?? p.port;
    if (typeof p.targetPort === 'string' && !podPortNames.has(p.targetPort)) {
      report({ code: 'UNKNOWN_PORT', severity: 'error', message: `Service ${svc.name} targets port "${p.targetPort}", which no container of the pod names.`, ...(podPortNames.size ? { hint: `named container ports are ${[...podPortNames].map((x) => `"${x}"`).join(', ')}` } : {}), path: [...here, 'targetPort'] });
    }
    if (p.protocol === 'udp') out.protocol = 'UDP';
    if (p.nodePort !== undefined) {
      if (type === 'ClusterIP') report({ code: 'K8S_NODE_PORT_ON_CLUSTER_IP', severity: 'error', message: `Service ${svc.name} is ClusterIP, which has no node ports; nodePort ${p.nodePort} needs type NodePort or LoadBalancer.`, path: [...here, 'nodePort'] });
      out.nodePort = p.nodePort;
    }
    return out;
  });
  const names = new Set<string>();
  for (const p of svc.ports) {
    if (p.name === undefined) continue;
    if (names.has(p.name)) report({ code: 'DUPLICATE_PORT_NAME', severity: 'error', message: `Service ${svc.name} names two ports "${p.name}".`, path: [...at, 'ports'] });
    names.add(p.name);
  }
  const annotations = svc.annotations && Object.keys(svc.annotations).length ? { ...svc.annotations } : undefined;
  return { apiVersion: 'v1', kind: 'Service', metadata: metadata(m, svc.name, annotations), spec: { type, selector: selectorLabels(m), ports } };
}

/** Every Service document of the target. */
export function buildServices(m: ServiceModel, report: Report): JsonObject[] {
  const t = m.targets.kubernetes;
  if (!t.services?.length) return [buildService(m, report)];
  if (t.service !== undefined) {
    report({ code: 'K8S_SERVICE_AND_SERVICES', severity: 'error', message: 'Give either targets.kubernetes.service (the default Service) or targets.kubernetes.services (the Services listed), not both.', path: ['targets', 'kubernetes', 'service'] });
  }
  const podPortNames = new Set(m.containers.flatMap((c) => c.ports.filter((p) => writesPortName(m, p)).map((p) => p.name)));
  const seen = new Set<string>();
  const docs = t.services.map((svc, i) => {
    if (seen.has(svc.name)) report({ code: 'K8S_DUPLICATE_SERVICE', severity: 'error', message: `Two Services are named ${svc.name}.`, path: ['targets', 'kubernetes', 'services', i, 'name'] });
    seen.add(svc.name);
    return listedService(m, svc, i, podPortNames, report);
  });
  if (m.expose && routeService(m).port === undefined) {
    report({ code: 'K8S_ROUTE_NO_SERVICE', severity: 'error', message: `No Service of targets.kubernetes.services targets the exposed container port ${m.expose.port.port}, so the ${(t.route ?? 'ingress') === 'gateway' ? 'HTTPRoute' : 'Ingress'} has no backend.`, hint: `add a port with targetPort ${m.expose.port.port} to one of them`, path: ['targets', 'kubernetes', 'services'] });
  }
  return docs;
}

export default defineEmitter({
  name: 'kubernetes:service',
  target: 'kubernetes',
  description: 'Kubernetes v1 Service(s): one ClusterIP Service with named ports by default, or the Services listed in targets.kubernetes.services.',
  applies: (m) => writesFile(m, 'service'),
  emit(model, ctx) {
    const docs = buildServices(model, (d) => ctx.report(d));
    return [{ ...k8sArtifact('service', 'kubernetes:service', docs[0]!), documents: docs }];
  },
});
