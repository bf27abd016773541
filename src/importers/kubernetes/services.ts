/**
 * Services → the spec. One Service in the shape codegen writes by default (one port per container
 * port, named like it, targeting it) is read into the ports (`servicePort`) and
 * `targets.kubernetes.service`; any other set — several Services, annotations, a port of its own
 * name, a targetPort by number, a node port — becomes `targets.kubernetes.services` as written.
 */
import type { Field } from '../fields.js';
import type { Json, PortDraft } from './pod.js';
import { objectMetadata, type Around } from './traffic.js';

/** Whether `f` is the one Service codegen writes by default for these ports. */
export function isDefaultService(f: Field, ports: PortDraft[], derivedNames: boolean, sidecarPortNames: ReadonlySet<string> = new Set()): boolean {
  const v = f.value as Json;
  const md = (v.metadata ?? {}) as Json;
  // The default Service carries annotations only as the NLB of expose.loadBalancer: network.
  const anns = md.annotations as Json | undefined;
  if (anns !== undefined && !(anns['service.beta.kubernetes.io/aws-load-balancer-type'] === 'external' && Object.keys(anns).every((k) => k.startsWith('service.beta.kubernetes.io/aws-load-balancer-')))) return false;
  const spec = (v.spec ?? {}) as Json;
  let sps = Array.isArray(spec.ports) ? (spec.ports as Json[]) : [];
  // One more port may target a sidecar's named port: the sidecar takes the traffic (expose.container).
  const last = sps[sps.length - 1];
  if (sps.length === ports.length + 1 && last && typeof last.targetPort === 'string' && sidecarPortNames.has(last.targetPort) && last.name === last.targetPort) sps = sps.slice(0, -1);
  if (sps.length !== ports.length || !sps.length) return false;
  return sps.every((sp, i) => {
    const p = ports[i]!;
    const named = p.k8sName !== undefined;
    if (sp.nodePort !== undefined) return false;
    if ((sp.protocol ?? 'TCP') !== (p.protocol === 'udp' ? 'UDP' : 'TCP')) return false;
    if (named) return sp.name === p.k8sName && sp.targetPort === p.k8sName;
    // An unnamed container port: targeted by number; named (derived) only when the Service has several ports.
    return !derivedNames && sp.targetPort === p.port && (sps.length > 1 ? typeof sp.name === 'string' : sp.name === undefined);
  });
}

/** Every Service of the workload, as written → `targets.kubernetes.services`. */
export function readListedServices(services: Field[], a: Around): Json[] {
  return services.map((f) => {
    f.get('apiVersion').use(), f.get('kind').use();
    const md = f.get('metadata');
    const name = md.get('name').str();
    objectMetadata(f, a, 'Service');
    const out: Json = { name };
    const fromServer = md.get('uid').value !== undefined;
    const spec = f.get('spec');
    spec.get('selector').expect(a.selector, 'The Service selector');
    const type = spec.get('type').str();
    if (type !== undefined && type !== 'ClusterIP') out.type = type;
    else spec.get('type').use();
    const annotations: Json = {};
    for (const [k, v] of md.get('annotations').entries()) if (typeof v.value === 'string') annotations[k] = v.str();
    md.get('annotations').use();
    if (Object.keys(annotations).length) out.annotations = annotations;
    out.ports = spec.get('ports').items().map((sp) => {
      const p: Json = {};
      const n = sp.get('name').str();
      if (n !== undefined) p.name = n;
      const port = sp.get('port').num();
      p.port = port;
      const target = sp.get('targetPort');
      if (typeof target.value === 'number') {
        if (target.value !== port) p.targetPort = target.value;
        target.use();
      } else if (typeof target.value === 'string') p.targetPort = target.str();
      const proto = sp.get('protocol').str();
      if (proto === 'UDP') p.protocol = 'udp';
      const node = sp.get('nodePort').num();
      if (node !== undefined) {
        p.nodePort = node;
        // An object the API server returned (it has a uid): the cluster picks a nodePort when none is set.
        if (fromServer) sp.get('nodePort').note(`nodePort ${node} is carried as written, which keeps that port in every cluster the spec deploys to; this object comes from the API server, which assigns a nodePort when the manifest sets none: leave it out of the spec unless the port was chosen on purpose.`);
      }
      sp.use();
      return p;
    });
    spec.get('ports').use();
    return out;
  });
}

/** The container port behind `servicePort` of the listed Service `name` (for the Ingress or HTTPRoute backend). */
export function listedBackend(services: Json[], name: string, servicePort: unknown, ports: PortDraft[]): PortDraft | undefined {
  const svc = services.find((s) => s.name === name);
  const sp = (svc?.ports as Json[] | undefined)?.find((p) => p.port === servicePort);
  if (!sp) return undefined;
  const target = sp.targetPort ?? sp.port;
  return ports.find((p) => (typeof target === 'number' ? p.port === target : p.k8sName === target));
}
