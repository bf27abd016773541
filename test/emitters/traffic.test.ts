/**
 * Traffic settings across the targets, one fact per test, each checked against the target's own
 * documentation: ALB rule condition limits, target group attribute keys, Application Auto Scaling
 * step bounds and ResourceLabel, FireLens, Cloud Map, the ALB Ingress conditions annotation.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';

type Obj = Record<string, any>;

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:1.0.0',
  ports: [{ port: 8080 }],
  resources: { limits: { cpu: '500m', memory: '1Gi' } },
  logging: { retentionDays: 30 },
};

function run(spec: Obj, target: string) {
  const r = compile({ ...base, ...spec }, { targets: [target] });
  const docs = new Map(r.artifacts.map((a) => [a.path.slice(a.path.indexOf('/') + 1), a.documents ?? []]));
  return { docs, codes: r.diagnostics.map((d) => d.code), errors: r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) };
}

const cfn = (spec: Obj) => {
  const r = run(spec, 'ecs');
  return { ...r, t: r.docs.get('ecs/service.cfn.yaml')?.[0] as Obj, td: r.docs.get('ecs/task-definition.json')?.[0] as Obj };
};

describe('ALB listener rules (rule-condition-types: 3 values per condition, 5 per rule)', () => {
  it('splits four hosts into two rules, each within three host values', () => {
    const { t, errors } = cfn({ expose: { hosts: ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'] } });
    expect(errors).toEqual([]);
    const hosts = ['ListenerRule', 'ListenerRule2'].map((id) => t.Resources[id].Properties.Conditions.find((c: Obj) => c.Field === 'host-header').HostHeaderConfig.Values);
    expect(hosts).toEqual([['a.example.com', 'b.example.com', 'c.example.com'], ['d.example.com']]);
    expect(t.Parameters.ListenerRulePriority2).toMatchObject({ Type: 'Number', MinValue: 1, MaxValue: 50000 });
  });

  it('keeps the one rule of a host and a path prefix (3 values) and writes header and source-ip conditions', () => {
    const { t } = cfn({ expose: { hosts: ['a.example.com'], path: '/api', headers: { 'X-Env': 'canary' }, allowedSourceIps: ['10.0.0.0/8'] } });
    expect(t.Resources.ListenerRule2).toBeUndefined();
    expect(t.Resources.ListenerRule.Properties.Conditions).toEqual([
      { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } },
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/api', '/api/*'] } },
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Env', Values: ['canary'] } },
      { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
    ]);
  });

  it('refuses header values that leave no room for the path (header conditions cannot be split)', () => {
    expect(cfn({ expose: { headers: { A: ['1', '2', '3'], B: ['1', '2'] } } }).errors).toContain('ECS_ALB_RULE_LIMIT');
  });
});

describe('target group attributes (ELB attribute keys)', () => {
  it('writes the documented keys, app_cookie with its cookie name', () => {
    const { t } = cfn({ expose: { targetGroup: { deregistrationDelay: '45s', stickiness: { cookieName: 'SESSION', duration: '2h' }, algorithm: 'weighted_random' } } });
    expect(t.Resources.TargetGroup.Properties.TargetGroupAttributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '45' },
      { Key: 'load_balancing.algorithm.type', Value: 'weighted_random' },
      { Key: 'stickiness.enabled', Value: 'true' },
      { Key: 'stickiness.type', Value: 'app_cookie' },
      { Key: 'stickiness.app_cookie.cookie_name', Value: 'SESSION' },
      { Key: 'stickiness.app_cookie.duration_seconds', Value: '7200' },
    ]);
  });

  it('gives an NLB target group source_ip stickiness and a listener of its own', () => {
    const { t } = cfn({ expose: { loadBalancer: 'network', targetGroup: { stickiness: true } }, targets: { ecs: { service: { loadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/n/1' } } } });
    expect(t.Resources.TargetGroup.Properties.Protocol).toBe('TCP');
    expect(t.Resources.TargetGroup.Properties.TargetGroupAttributes).toContainEqual({ Key: 'stickiness.type', Value: 'source_ip' });
    expect(t.Resources.Listener.Properties).toMatchObject({ Protocol: 'TCP', Port: 8080, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'TargetGroup' } }] });
    expect(t.Resources.ListenerRule).toBeUndefined();
  });
});

describe('Application Auto Scaling', () => {
  it('writes step bounds as offsets from the alarm threshold', () => {
    const { t } = cfn({ autoscaling: { min: 1, max: 5, steps: [{ name: 'hot', metric: 'memory', comparison: '>', threshold: 70, steps: [{ to: 85, change: 1 }, { from: 85, change: 3 }] }] } });
    expect(t.Resources.StepHotPolicy.Properties.StepScalingPolicyConfiguration.StepAdjustments).toEqual([
      { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 15, ScalingAdjustment: 1 },
      { MetricIntervalLowerBound: 15, ScalingAdjustment: 3 },
    ]);
    expect(t.Resources.StepHotAlarm.Properties).toMatchObject({ Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [{ Ref: 'StepHotPolicy' }] });
  });

  it('builds the ALBRequestCountPerTarget ResourceLabel app/<lb>/<id>/targetgroup/<tg>/<id> from the listener ARN', () => {
    const { t } = cfn({ expose: {}, autoscaling: { min: 1, max: 5, requests: 500 } });
    const label = t.Resources.RequestCountScalingPolicy.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel;
    const split = { 'Fn::Split': ['/', { Ref: 'ALBListener' }] };
    expect(label).toEqual({ 'Fn::Join': ['/', [{ 'Fn::Select': [1, split] }, { 'Fn::Select': [2, split] }, { 'Fn::Select': [3, split] }, { 'Fn::GetAtt': ['TargetGroup', 'TargetGroupFullName'] }]] });
  });

  it('puts scheduled actions on the scalable target', () => {
    const { t } = cfn({ autoscaling: { min: 1, max: 5, schedule: [{ name: 'weekend', schedule: 'cron(0 0 ? * SAT *)', max: 2 }] } });
    expect(t.Resources.ScalableTarget.Properties.ScheduledActions).toEqual([{ ScheduledActionName: 'weekend', Schedule: 'cron(0 0 ? * SAT *)', ScalableTargetAction: { MaxCapacity: 2 } }]);
  });
});

describe('logging', () => {
  it('routes every container through FireLens and adds an essential log router', () => {
    const { td } = cfn({ logging: { driver: 'firelens', retentionDays: 30 } });
    const [app, router] = td.containerDefinitions;
    expect(app.logConfiguration).toEqual({ logDriver: 'awsfirelens', options: { Name: 'cloudwatch_logs', region: 'eu-west-1', log_group_name: '/ecs/svc', log_stream_prefix: 'ecs/' } });
    expect(router).toMatchObject({ name: 'log_router', essential: true, firelensConfiguration: { type: 'fluentbit' } });
  });

  it('writes no log configuration, group or log permission with driver none', () => {
    const { t, td } = cfn({ logging: { driver: 'none' } });
    expect(td.containerDefinitions[0].logConfiguration).toBeUndefined();
    expect(Object.values(t.Resources).map((r: any) => r.Type)).not.toContain('AWS::Logs::LogGroup');
    expect(JSON.stringify(t.Resources.ExecutionRole ?? {})).not.toContain('logs:PutLogEvents');
  });
});

describe('Cloud Map', () => {
  it('uses SRV records with the container and port on bridge networking', () => {
    const { t } = cfn({ ports: [{ port: 8080, hostPort: 0 }], targets: { ecs: { launchType: 'EC2', networkMode: 'bridge', service: { serviceDiscovery: { namespaceId: 'ns-abc123' } } } } });
    expect(t.Resources.ServiceDiscoveryService.Properties.DnsConfig.DnsRecords).toEqual([{ Type: 'SRV', TTL: 60 }]);
    expect(t.Resources.ECSService.Properties.ServiceRegistries).toEqual([{ RegistryArn: { 'Fn::GetAtt': ['ServiceDiscoveryService', 'Arn'] }, ContainerName: 'app', ContainerPort: 8080 }]);
  });
});

describe('Kubernetes and Copilot', () => {
  it('writes header and source-ip conditions as the ALB controller conditions.<service> annotation', () => {
    const { docs } = run({ expose: { headers: { 'X-Env': ['a', 'b'] }, allowedSourceIps: ['10.0.0.0/8'] } }, 'kubernetes');
    const ing = docs.get('kubernetes/ingress.yaml')![0] as Obj;
    expect(JSON.parse(ing.metadata.annotations['alb.ingress.kubernetes.io/conditions.svc'])).toEqual([
      { field: 'http-header', httpHeaderConfig: { httpHeaderName: 'X-Env', values: ['a', 'b'] } },
      { field: 'source-ip', sourceIpConfig: { values: ['10.0.0.0/8'] } },
    ]);
  });

  it('writes further paths as Copilot additional_rules without grace_period (main rule only)', () => {
    const r = compile({ ...base, expose: { public: true, paths: ['/a', '/b'] }, health: { traffic: { path: '/h', gracePeriod: '30s' } }, targets: { copilot: { acknowledgeDeprecation: true } } }, { targets: ['copilot'] });
    const m = parse(r.files.find((f) => f.path.endsWith('manifest.yml'))!.content) as Obj;
    expect(m.http.path).toBe('/a');
    expect(m.http.healthcheck.grace_period).toBe('30s');
    expect(m.http.additional_rules).toEqual([{ path: '/b', healthcheck: { path: '/h' } }]);
  });
});
