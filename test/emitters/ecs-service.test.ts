/** `ecs:service`: the CloudFormation template as objects, one concern per test. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { JsonObject } from '../../src/core/serialize.js';
import { CODEDEPLOY_ECS_CONFIGS, predefinedEcsConfig } from '../../src/emitters/ecs/codedeploy-configs.js';

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:1.0.0',
  ports: [{ port: 8080 }],
  resources: { limits: { cpu: '500m', memory: '1Gi' } },
};

function template(spec: Record<string, unknown>) {
  const r = compile({ ...base, ...spec }, { targets: ['ecs'] });
  const a = r.artifacts.find((x) => x.emitter === 'ecs:service');
  const t = a?.documents?.[0] as JsonObject & { Resources: Record<string, { Type: string; Properties: JsonObject; DependsOn?: string[] }>; Parameters?: JsonObject };
  return { t, path: a?.path, diagnostics: r.diagnostics, errors: r.diagnostics.filter((d) => d.severity === 'error') };
}

const exposed = { expose: { hosts: ['a.example.com'], path: '/api' }, health: { traffic: { path: '/health' } } };

describe('ecs:service', () => {
  it('gives a service without expose no load balancing at all', () => {
    const { t } = template({});
    const types = Object.values(t.Resources).map((r) => r.Type);
    expect(types).not.toContain('AWS::ElasticLoadBalancingV2::TargetGroup');
    expect(types).not.toContain('AWS::ElasticLoadBalancingV2::ListenerRule');
    expect(t.Resources.ECSService!.Properties.LoadBalancers).toBeUndefined();
    expect(t.Parameters).not.toHaveProperty('ALBListener');
  });

  it('routes expose hosts and path through a listener rule to an ip target group with only the health fields set', () => {
    const { t } = template({ ...exposed, health: { traffic: { path: '/health', interval: '15s', unhealthyThreshold: 4 } } });
    const tg = t.Resources.TargetGroup!.Properties;
    expect(tg).toMatchObject({ TargetType: 'ip', Port: 8080, HealthCheckPath: '/health', HealthCheckIntervalSeconds: 15, UnhealthyThresholdCount: 4 });
    expect(tg).not.toHaveProperty('HealthCheckTimeoutSeconds');
    expect(tg).not.toHaveProperty('Matcher');
    const rule = t.Resources.ListenerRule!.Properties;
    expect(rule.Conditions).toEqual([
      { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com'] } },
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/api', '/api/*'] } },
    ]);
    expect(t.Resources.ECSService!.DependsOn).toEqual(['LogGroup', 'ListenerRule']);
  });

  it('rejects ALB health check values out of range', () => {
    const { errors } = template({ ...exposed, health: { traffic: { path: '/h', interval: '400s' } } });
    expect(errors.map((e) => e.code)).toEqual(['ECS_OUT_OF_RANGE']);
  });

  it('defaults blue-green to the ECS-native engine with an alternate target group and a created load balancer role', () => {
    const { t } = template({ ...exposed, deployment: { strategy: 'blue-green', blueGreen: { bakeTime: '10m' } } });
    const svc = t.Resources.ECSService!.Properties;
    expect(svc.DeploymentController).toEqual({ Type: 'ECS' });
    expect(svc.DeploymentConfiguration).toEqual({ Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 10 });
    expect((svc.LoadBalancers as JsonObject[])[0]!.AdvancedConfiguration).toEqual({
      AlternateTargetGroupArn: { Ref: 'GreenTargetGroup' },
      ProductionListenerRule: { Ref: 'ListenerRule' },
      RoleArn: { 'Fn::GetAtt': ['LoadBalancerRole', 'Arn'] },
    });
    expect(t.Resources.LoadBalancerRole!.Properties.ManagedPolicyArns).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers' },
    ]);
    expect(Object.values(t.Resources).map((r) => r.Type)).not.toContain('AWS::CodeDeploy::DeploymentGroup');
  });

  it('warns and uses 0 when ECS blue/green has no bake time (the API requires one)', () => {
    const { t, diagnostics } = template({ ...exposed, deployment: { strategy: 'blue-green' } });
    expect((t.Resources.ECSService!.Properties.DeploymentConfiguration as JsonObject).BakeTimeInMinutes).toBe(0);
    expect(diagnostics.map((d) => d.code)).toContain('ECS_BAKE_TIME_DEFAULT');
  });

  it('maps ECS canary and linear shapes and checks their ranges', () => {
    const canary = template({ ...exposed, deployment: { strategy: 'canary', canary: { percent: 5, interval: '10m' } } });
    expect(canary.t.Resources.ECSService!.Properties.DeploymentConfiguration).toEqual({ Strategy: 'CANARY', CanaryConfiguration: { CanaryPercent: 5, CanaryBakeTimeInMinutes: 10 } });
    const linear = template({ ...exposed, deployment: { strategy: 'linear', linear: { percent: 2, interval: '1m' } } });
    expect(linear.errors.map((e) => e.code)).toEqual(['ECS_TRAFFIC_PERCENT']);
    const long = template({ ...exposed, deployment: { strategy: 'canary', canary: { percent: 10, interval: '1440m' }, blueGreen: { bakeTime: '1000m' } } });
    expect(long.errors.map((e) => e.code)).toContain('ECS_CANARY_TOO_LONG');
  });

  it('refuses ECS canary without a load balancer or Service Connect', () => {
    const { errors } = template({ deployment: { strategy: 'canary' } });
    expect(errors.map((e) => e.code)).toEqual(['ECS_STRATEGY_NEEDS_TRAFFIC']);
  });

  it('uses a predefined CodeDeploy config when the shape matches exactly, a custom one otherwise', () => {
    const cd = { targets: { ecs: { controller: 'CODE_DEPLOY' } } };
    const std = template({ ...exposed, ...cd, deployment: { strategy: 'canary', canary: { percent: 10, interval: '15m' } } });
    const dg = std.t.Resources.CodeDeployDeploymentGroup!.Properties;
    expect(dg.DeploymentConfigName).toBe('CodeDeployDefault.ECSCanary10Percent15Minutes');
    expect(dg.DeploymentStyle).toEqual({ DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' });
    expect(dg.BlueGreenDeploymentConfiguration).toHaveProperty('TerminateBlueInstancesOnDeploymentSuccess');
    expect(dg.AutoRollbackConfiguration).toEqual({ Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] });
    expect(std.t.Resources.ECSService!.Properties.DeploymentController).toEqual({ Type: 'CODE_DEPLOY' });
    const custom = template({ ...exposed, ...cd, deployment: { strategy: 'linear', linear: { percent: 20, interval: '2m' } } });
    expect(custom.t.Resources.DeploymentConfig!.Properties).toEqual({
      ComputePlatform: 'ECS',
      TrafficRoutingConfig: { Type: 'TimeBasedLinear', TimeBasedLinear: { LinearPercentage: 20, LinearInterval: 2 } },
    });
    expect(custom.t.Resources.CodeDeployDeploymentGroup!.Properties.DeploymentConfigName).toEqual({ Ref: 'DeploymentConfig' });
    const allAtOnce = template({ ...exposed, ...cd, deployment: { strategy: 'blue-green' } });
    expect(allAtOnce.t.Resources.CodeDeployDeploymentGroup!.Properties.DeploymentConfigName).toBe('CodeDeployDefault.ECSAllAtOnce');
  });

  it('knows exactly the five predefined ECS configs, with the plural Every1Minutes', () => {
    expect(CODEDEPLOY_ECS_CONFIGS.map((c) => c.name).sort()).toEqual([
      'CodeDeployDefault.ECSAllAtOnce',
      'CodeDeployDefault.ECSCanary10Percent15Minutes',
      'CodeDeployDefault.ECSCanary10Percent5Minutes',
      'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
      'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
    ]);
    expect(predefinedEcsConfig({ type: 'TimeBasedLinear', percent: 10, intervalMinutes: 2 })).toBeUndefined();
  });

  it('converts rolling limits to percents and turns the circuit breaker on with rollback', () => {
    const { t } = template({ replicas: 4, deployment: { rolling: { maxSurge: '50%', maxUnavailable: 1 } } });
    expect(t.Resources.ECSService!.Properties.DeploymentConfiguration).toEqual({
      Strategy: 'ROLLING',
      MaximumPercent: 150,
      MinimumHealthyPercent: 75,
      DeploymentCircuitBreaker: { Enable: true, Rollback: true },
    });
  });

  it('omits DesiredCount when autoscaling owns the count', () => {
    const { t } = template({ replicas: 2, autoscaling: { min: 2, max: 6, cpu: 60 } });
    expect(t.Resources.ECSService!.Properties).not.toHaveProperty('DesiredCount');
    expect(t.Resources.ScalableTarget!.Properties).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, ScalableDimension: 'ecs:service:DesiredCount' });
    expect(t.Resources.CpuScalingPolicy!.Properties.TargetTrackingScalingPolicyConfiguration).toEqual({
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      TargetValue: 60,
    });
    expect(t.Resources).not.toHaveProperty('MemoryScalingPolicy');
  });

  it('scopes the created execution role to exactly the referenced secrets', () => {
    const { t } = template({
      secrets: {
        A: { aws: { secretsManager: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:a' } },
        B: { aws: { ssm: '/svc/b' } },
        C: { aws: { secretsManager: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:c-AbCdEf' } },
      },
    });
    const statements = ((t.Resources.ExecutionRole!.Properties.Policies as JsonObject[])[0]!.PolicyDocument as { Statement: JsonObject[] }).Statement;
    expect(statements.find((s) => s.Sid === 'ReadSecrets')!.Resource).toEqual([
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:a-??????',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:c-AbCdEf',
    ]);
    expect(statements.find((s) => s.Sid === 'ReadParameters')!.Resource).toEqual({
      'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/svc/b',
    });
    expect(t.Resources.TaskDefinition!.Properties.ExecutionRoleArn).toEqual({ 'Fn::GetAtt': ['ExecutionRole', 'Arn'] });
  });

  it('creates a task role with the ssmmessages channels for ECS Exec', () => {
    const { t } = template({ targets: { ecs: { service: { enableExecuteCommand: true } } } });
    expect(t.Resources.ECSService!.Properties.EnableExecuteCommand).toBe(true);
    expect(JSON.stringify(t.Resources.TaskRole!.Properties)).toContain('ssmmessages:OpenDataChannel');
    expect(t.Resources.TaskDefinition!.Properties.TaskRoleArn).toEqual({ 'Fn::GetAtt': ['TaskRole', 'Arn'] });
  });

  it('names port mappings and configures Service Connect', () => {
    const { t } = template({ targets: { ecs: { service: { serviceConnect: { namespace: 'internal' } } } } });
    const sc = t.Resources.ECSService!.Properties.ServiceConnectConfiguration as JsonObject;
    expect(sc).toMatchObject({ Enabled: true, Namespace: 'internal', Services: [{ PortName: 'http', DiscoveryName: 'svc', ClientAliases: [{ Port: 8080, DnsName: 'svc' }] }] });
    const pm = ((t.Resources.TaskDefinition!.Properties.ContainerDefinitions as JsonObject[])[0]!.PortMappings as JsonObject[])[0];
    expect(pm).toMatchObject({ Name: 'http', AppProtocol: 'http' });
  });

  it('parameterizes cluster and network, with the spec literals as defaults', () => {
    const { t } = template({ targets: { ecs: { service: { cluster: 'c1', subnets: ['subnet-1a', 'subnet-2b'] } } } });
    expect(t.Parameters!.ECSCluster).toMatchObject({ Type: 'String', Default: 'c1' });
    expect(t.Parameters!.Subnets).toMatchObject({ Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1a,subnet-2b' });
    expect(t.Parameters!.SecurityGroups).not.toHaveProperty('Default');
  });

  it('writes JSON on request', () => {
    expect(template({}).path).toBe('svc/ecs/service.cfn.yaml');
    expect(template({ targets: { ecs: { templateFormat: 'json' } } }).path).toBe('svc/ecs/service.cfn.json');
  });
});
