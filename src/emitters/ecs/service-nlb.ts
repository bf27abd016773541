/**
 * An exposed service on a Network Load Balancer: the target group (TCP, UDP or TLS) and a listener
 * of its own on the load balancer given by `targets.ecs.service.loadBalancerArn` (a Parameter), on
 * the service port. A network listener has no rules: it forwards every connection.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html
 */
import type { JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { ref, type TemplateBuilder } from '../common/cfn.js';
import { at, external, type Balancing, type Engine, type Report } from './service-common.js';
import { healthCheck, targetGroup, targetGroupProtocol } from './service-target-group.js';

export function networkBalancing(t: TemplateBuilder, m: ServiceModel, engine: Engine, vpc: JsonObject, report: Report): Balancing {
  const e = m.expose!;
  const svc = m.targets.ecs.service ?? {};
  if (engine.kind !== 'rolling') {
    report({ code: 'ECS_NLB_BLUE_GREEN', severity: 'error', message: `codegen writes ${m.deployment.strategy} deployments for an Application Load Balancer; on a Network Load Balancer use the rolling strategy.`, path: at(m, ['deployment', 'strategy']) });
  }
  const loadBalancer = external(t, m, 'LoadBalancerArn', svc.loadBalancerArn, undefined, { type: 'String', description: 'ARN of the Network Load Balancer that receives the service\'s traffic.' });
  const tgProtocol = targetGroupProtocol(m);
  const tls = e.tls !== undefined;
  const protocol = tls ? 'TLS' : e.port.protocol === 'udp' ? (tgProtocol === 'TCP_UDP' ? 'TCP_UDP' : 'UDP') : tgProtocol === 'TCP_UDP' ? 'TCP_UDP' : 'TCP';
  if (tls && e.port.protocol === 'udp') {
    report({ code: 'ECS_NLB_TLS_UDP', severity: 'error', message: `A TLS listener carries TCP; port ${e.port.port} is UDP.`, path: at(m, ['expose', 'tls']) });
  }
  if (tls && !e.tls!.certificateArn) {
    report({ code: 'ECS_NLB_TLS_CERTIFICATE', severity: 'error', message: 'A TLS listener on a Network Load Balancer needs a certificate: set expose.tls.certificateArn.', path: at(m, ['expose', 'tls']) });
  }
  t.resource('TargetGroup', 'AWS::ElasticLoadBalancingV2::TargetGroup', targetGroup(m, healthCheck(m, report), vpc, 'primary'));
  const listener: JsonObject = { LoadBalancerArn: loadBalancer, Port: e.port.servicePort, Protocol: protocol };
  if (tls && e.tls!.certificateArn) listener.Certificates = [{ CertificateArn: e.tls!.certificateArn }];
  if (tls && e.tls!.policy) listener.SslPolicy = e.tls!.policy;
  listener.DefaultActions = [{ Type: 'forward', TargetGroupArn: ref('TargetGroup') }];
  t.resource('Listener', 'AWS::ElasticLoadBalancingV2::Listener', listener);
  if (e.public) {
    report({ code: 'ECS_LISTENER_OWNS_EXPOSURE', severity: 'info', message: 'The Network Load Balancer is a parameter of this template, so expose.public is a setting of that load balancer, not of this service.', path: at(m, ['expose']) });
  }
  return {
    kind: 'network',
    loadBalancers: [{ ContainerName: e.container, ContainerPort: e.port.port, TargetGroupArn: ref('TargetGroup') }],
    primary: 'TargetGroup',
    prodRule: 'Listener',
    rules: ['Listener'],
    listener: ref('Listener'),
  };
}
