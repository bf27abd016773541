/**
 * A platform spec's panel (`kind: Platform`): the shared load balancer and its listeners with
 * their default actions, the ECS or EKS cluster, and the Service Connect namespace — what the
 * services that name the platform import.
 */
import type { JsonObject } from '../core/serialize.js';
import { asArray, isObject, ofType, plain, readTemplate, refResource, str, type Template } from './cfn.js';
import { otherResources } from './ecs.js';
import { PanelBuilder, short, type GraphNode, type ServiceGraph } from './types.js';

const DRAWN = new Set([
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ECS::Cluster',
  'AWS::EKS::Cluster',
  'AWS::EKS::Nodegroup',
  'AWS::ServiceDiscovery::HttpNamespace',
  'AWS::ServiceDiscovery::PrivateDnsNamespace',
]);

export function platformPanel(name: string, doc: JsonObject): ServiceGraph {
  const b = new PanelBuilder(name, 'platform', `${name} · platform`);
  const t = readTemplate(doc);
  const byResource = new Map<string, string>();
  const res = (resourceId: string, nodeId: string): string => (byResource.set(resourceId, nodeId), nodeId);
  const lbIds = new Map<string, string>();
  for (const lb of ofType(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    const scheme = plain(t, lb.props.Scheme) || 'internet-facing';
    const clients = b.node('clients', scheme === 'internal' ? 'Clients in the VPC' : 'Internet', [], { id: `clients_${lb.id}` });
    const id = res(lb.id, b.node('loadBalancer', `${plain(t, lb.props.Type) === 'network' ? 'Network' : 'Application'} Load Balancer`, [scheme, `${asArray(lb.props.Subnets).length || 'its'} subnets`], { id: lb.id }));
    b.edge(clients, id, 'traffic');
    lbIds.set(lb.id, id);
  }
  for (const l of ofType(t, 'AWS::ElasticLoadBalancingV2::Listener')) {
    const lines = [`${plain(t, l.props.Protocol)} ${plain(t, l.props.Port)}`];
    for (const a of asArray(l.props.DefaultActions).filter(isObject)) {
      const type = str(a.Type) ?? 'action';
      if (type === 'redirect' && isObject(a.RedirectConfig)) lines.push(`redirect to ${plain(t, a.RedirectConfig.Protocol)} ${plain(t, a.RedirectConfig.Port)}`);
      else if (type === 'fixed-response' && isObject(a.FixedResponseConfig)) lines.push(`default ${plain(t, a.FixedResponseConfig.StatusCode)}; services add rules`);
      else lines.push(`default ${type}`);
    }
    const id = res(l.id, b.node('listener', `Listener ${l.id}`, lines, { id: l.id }));
    const lb = refResource(t, l.props.LoadBalancerArn);
    if (lb && lbIds.has(lb.id)) b.edge(lbIds.get(lb.id)!, id, 'traffic');
  }
  const clusterIds = new Map<string, string>();
  for (const c of ofType(t, 'AWS::ECS::Cluster')) {
    const providers = asArray(c.props.CapacityProviders).map((p) => plain(t, p));
    clusterIds.set(c.id, res(c.id, b.node('service', `ECS cluster ${plain(t, c.props.ClusterName) || c.id}`, [providers.length ? providers.join(', ') : undefined], { id: c.id })));
  }
  for (const c of ofType(t, 'AWS::EKS::Cluster')) {
    const id = b.node('service', `EKS cluster ${plain(t, c.props.Name) || c.id}`, [c.props.Version !== undefined && `Kubernetes ${plain(t, c.props.Version)}`], { id: c.id });
    for (const ng of ofType(t, 'AWS::EKS::Nodegroup')) {
      const sc = isObject(ng.props.ScalingConfig) ? ng.props.ScalingConfig : {};
      const ngId = b.node('workload', `Node group ${plain(t, ng.props.NodegroupName) || ng.id}`, [short(plain(t, ng.props.InstanceTypes), 40), sc.MinSize !== undefined ? `${plain(t, sc.MinSize)}–${plain(t, sc.MaxSize)} nodes` : undefined], { id: ng.id });
      b.edge(id, ngId, 'control', 'runs on');
    }
  }
  for (const ns of [...ofType(t, 'AWS::ServiceDiscovery::HttpNamespace'), ...ofType(t, 'AWS::ServiceDiscovery::PrivateDnsNamespace')]) {
    const id = res(ns.id, b.node('discovery', 'Cloud Map namespace', [plain(t, ns.props.Name), 'Service Connect'], { id: ns.id }));
    for (const c of ofType(t, 'AWS::ECS::Cluster')) {
      const sc = isObject(c.props.ServiceConnectDefaults) ? c.props.ServiceConnectDefaults : {};
      if (refResource(t, sc.Namespace) === ns) b.edge(clusterIds.get(c.id)!, id, 'control', 'default namespace');
    }
  }
  otherResources(b, t, DRAWN);
  markExports(doc, t, b.nodes, byResource);
  return b.build();
}

/**
 * The export names of the drawn resources (`shop-ProdListenerArn` on the production listener), so a
 * picture with the platform and its services links what the services import to what it is.
 */
function markExports(doc: JsonObject, t: Template, nodes: GraphNode[], byResource: ReadonlyMap<string, string>): void {
  const outputs = isObject(doc.Outputs) ? doc.Outputs : {};
  for (const o of Object.values(outputs)) {
    if (!isObject(o) || !isObject(o.Export)) continue;
    const name = plain(t, o.Export.Name);
    // The resource the value refers to; a literal value, by the name the resource has.
    const r = refResource(t, o.Value) ?? t.resources.find((x) => typeof o.Value === 'string' && plain(t, x.props.Name) === o.Value);
    const node = r ? nodes.find((n) => n.id === byResource.get(r.id)) : undefined;
    if (node) node.exports = [...(node.exports ?? []), name];
  }
}
