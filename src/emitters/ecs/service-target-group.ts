/**
 * The target group of an exposed service: protocol (HTTP/HTTPS on an ALB, TCP/TLS/UDP on an NLB),
 * the `health.traffic` check (only the fields set, checked against the ELB ranges) and the target
 * group attributes of `expose.targetGroup`.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-targetgroup.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html
 */
import type { Json, JsonObject } from '../../core/serialize.js';
import type { ServiceModel } from '../../model/types.js';
import { targetGroupAttributes } from '../common/target-group.js';
import { at, inRange, type Report } from './service-common.js';

export const isGrpc = (m: ServiceModel) => m.health.traffic?.protocol === 'GRPC' || m.expose?.port.appProtocol === 'grpc';

/** The target group protocol: the spec's, else HTTP on an ALB, UDP for a UDP port on an NLB, else TCP. */
export function targetGroupProtocol(m: ServiceModel): string {
  const e = m.expose!;
  if (e.targetGroup.protocol) return e.targetGroup.protocol;
  if (e.loadBalancer === 'application') return 'HTTP';
  return e.port.protocol === 'udp' ? 'UDP' : 'TCP';
}

export function healthCheck(m: ServiceModel, report: Report): JsonObject {
  const h = m.health.traffic;
  const out: JsonObject = {};
  if (!h) return out;
  const nlb = m.expose?.loadBalancer === 'network';
  const here = (k: string) => at(m, ['health', 'traffic', k]);
  // ELB ranges (CreateTargetGroup): interval 5–300 s, timeout 2–120 s, thresholds 2–10.
  inRange(h.intervalSeconds, 5, 300, 'The load balancer health check interval (s)', here('interval'), report);
  inRange(h.timeoutSeconds, 2, 120, 'The load balancer health check timeout (s)', here('timeout'), report);
  inRange(h.healthyThreshold, 2, 10, 'The load balancer healthy threshold', here('healthyThreshold'), report);
  inRange(h.unhealthyThreshold, 2, 10, 'The load balancer unhealthy threshold', here('unhealthyThreshold'), report);
  if (h.path !== undefined) out.HealthCheckPath = h.path;
  if (h.port !== undefined) out.HealthCheckPort = String(h.port);
  if (nlb) {
    // An NLB checks TCP by default; a path means an HTTP check.
    if (h.protocol === 'GRPC') report({ code: 'ECS_NLB_GRPC_HEALTH_CHECK', severity: 'warning', message: 'A Network Load Balancer checks health over TCP, HTTP or HTTPS; the health check uses TCP.', path: here('protocol') });
    const protocol = h.protocol === 'HTTP' || h.protocol === 'HTTPS' || h.protocol === 'TCP' ? h.protocol : h.path !== undefined ? 'HTTP' : undefined;
    if (protocol) out.HealthCheckProtocol = protocol;
  } else {
    if (h.protocol === 'HTTP' || h.protocol === 'HTTPS') out.HealthCheckProtocol = h.protocol;
    if (h.protocol === 'TCP') {
      report({ code: 'ECS_ALB_TCP_HEALTH_CHECK', severity: 'warning', message: 'An Application Load Balancer target group checks health over HTTP(S) only; the health check uses HTTP.', path: here('protocol') });
    }
  }
  if (h.intervalSeconds !== undefined) out.HealthCheckIntervalSeconds = h.intervalSeconds;
  if (h.timeoutSeconds !== undefined) out.HealthCheckTimeoutSeconds = h.timeoutSeconds;
  if (h.healthyThreshold !== undefined) out.HealthyThresholdCount = h.healthyThreshold;
  if (h.unhealthyThreshold !== undefined) out.UnhealthyThresholdCount = h.unhealthyThreshold;
  if (h.successCodes !== undefined) out.Matcher = isGrpc(m) && !nlb ? { GrpcCode: h.successCodes } : { HttpCode: h.successCodes };
  return out;
}

export function targetGroup(m: ServiceModel, health: JsonObject, vpc: Json, role: string): JsonObject {
  const awsvpc = (m.targets.ecs.networkMode ?? 'awsvpc') === 'awsvpc';
  const e = m.expose!;
  const tg: JsonObject = { Port: e.port.port, Protocol: targetGroupProtocol(m) };
  if (e.loadBalancer === 'application') {
    if (isGrpc(m)) tg.ProtocolVersion = 'GRPC';
    else if (e.port.appProtocol === 'http2') tg.ProtocolVersion = 'HTTP2';
  }
  // awsvpc tasks register by IP (AWS::ECS::Service LoadBalancer reference); bridge/host by instance.
  tg.TargetType = awsvpc ? 'ip' : 'instance';
  tg.VpcId = vpc;
  Object.assign(tg, health);
  const attributes = targetGroupAttributes(m);
  if (attributes.length) tg.TargetGroupAttributes = attributes;
  tg.Tags = [{ Key: 'codegen:service', Value: m.name }, { Key: 'codegen:role', Value: role }];
  return tg;
}
