/**
 * `platform:cloudformation` — `<platform>/platform.cfn.yaml`: the shared infrastructure as one
 * CloudFormation template. Network resources are referenced (typed parameters or literal IDs),
 * never created; IAM roles are created with the AWS managed policies they need when no ARN is
 * given; every output is exported as `<platform>-<Output>` (see `exports.ts`). Pure: builds plain
 * objects, long-form intrinsics only.
 */
import type { Artifact, Json, JsonObject } from '../core/serialize.js';
import { exportName, type PlatformExport } from './exports.js';
import type { EksModel, LoadBalancerModel, NetworkRef, PlatformModel } from './model.js';
import { allRefs } from './normalize.js';

export const PLATFORM_EMITTER = 'platform:cloudformation';

const ref = (name: string): JsonObject => ({ Ref: name });
const getAtt = (resource: string, attribute: string): JsonObject => ({ 'Fn::GetAtt': [resource, attribute] });
const managedPolicy = (name: string): JsonObject => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${name}` });
const value = (r: NetworkRef): Json => (r.kind === 'literal' ? r.id : ref(r.name));

/**
 * AWS managed policies of the created roles (Amazon EKS User Guide: "Amazon EKS cluster IAM role",
 * "Amazon EKS node IAM role"). Nodes get ECR pull access with AmazonEC2ContainerRegistryPullOnly,
 * the narrower successor the guide now names instead of AmazonEC2ContainerRegistryReadOnly, and
 * AmazonEKS_CNI_Policy because codegen does not set up IRSA / Pod Identity for the VPC CNI add-on.
 */
export const EKS_CLUSTER_POLICIES = ['AmazonEKSClusterPolicy'] as const;
export const EKS_NODE_POLICIES = ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly'] as const;

function role(service: string, description: string, policies: readonly string[]): JsonObject {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: description,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
      },
      ManagedPolicyArns: policies.map(managedPolicy),
    },
  };
}

export function buildPlatformTemplate(model: PlatformModel): JsonObject {
  const resources: Record<string, JsonObject> = {};
  const outputs: Record<string, JsonObject> = {};
  const output = (name: PlatformExport, v: Json, description: string): void => {
    outputs[name] = { Description: description, Value: v, Export: { Name: exportName(model.name, name) } };
  };

  const parameters: Record<string, JsonObject> = {};
  for (const r of allRefs(model)) {
    if (r.kind === 'parameter' && !parameters[r.name]) parameters[r.name] = { Type: r.type, Description: parameterDescription(r.type) };
  }

  if (model.eks) addEks(model.eks, resources, output);

  // Security groups first: the load balancer and the service group reference them.
  const lb = model.loadBalancer;
  let lbSecurityGroups: Json[] | undefined;
  if (lb) {
    if (lb.securityGroups) lbSecurityGroups = lb.securityGroups.map(value);
    else {
      resources.LoadBalancerSecurityGroup = loadBalancerSecurityGroup(model, lb);
      lbSecurityGroups = [getAtt('LoadBalancerSecurityGroup', 'GroupId')];
    }
  }
  const sg = model.network.serviceSecurityGroup;
  if (sg === 'create') {
    resources.ServiceSecurityGroup = {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `Tasks of services on the ${model.name} platform`,
        ...(model.network.vpc ? { VpcId: value(model.network.vpc) } : {}),
        ...(lbSecurityGroups
          ? { SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, SourceSecurityGroupId: lbSecurityGroups[0]!, Description: 'From the load balancer' }] }
          : {}),
      },
    };
    if (model.serviceConnect) {
      // Service Connect: tasks call each other directly; a group cannot name itself inline.
      resources.ServiceSecurityGroupSelfIngress = {
        Type: 'AWS::EC2::SecurityGroupIngress',
        Properties: {
          GroupId: getAtt('ServiceSecurityGroup', 'GroupId'),
          IpProtocol: 'tcp',
          FromPort: 0,
          ToPort: 65535,
          SourceSecurityGroupId: getAtt('ServiceSecurityGroup', 'GroupId'),
          Description: 'Service-to-service traffic (Service Connect)',
        },
      };
    }
  }

  if (model.serviceConnect) {
    resources.ServiceConnectNamespace = {
      Type: 'AWS::ServiceDiscovery::HttpNamespace',
      Properties: {
        Name: model.serviceConnect.namespace,
        ...(model.serviceConnect.description !== undefined ? { Description: model.serviceConnect.description } : {}),
      },
    };
  }

  if (model.ecs) {
    const ecs = model.ecs;
    if (ecs.executeCommandLogging) {
      resources.ECSExecLogGroup = {
        Type: 'AWS::Logs::LogGroup',
        Properties: { LogGroupName: `/ecs/${ecs.name}/exec`, RetentionInDays: model.logging.retentionDays },
      };
    }
    resources.ECSCluster = {
      Type: 'AWS::ECS::Cluster',
      Properties: {
        ClusterName: ecs.name,
        CapacityProviders: [...ecs.capacityProviders],
        DefaultCapacityProviderStrategy: ecs.defaultStrategy.map((s) => ({
          CapacityProvider: s.capacityProvider,
          ...(s.weight !== undefined ? { Weight: s.weight } : {}),
          ...(s.base !== undefined ? { Base: s.base } : {}),
        })),
        ClusterSettings: [{ Name: 'containerInsights', Value: ecs.containerInsights }],
        ...(ecs.executeCommandLogging
          ? { Configuration: { ExecuteCommandConfiguration: { Logging: 'OVERRIDE', LogConfiguration: { CloudWatchLogGroupName: ref('ECSExecLogGroup') } } } }
          : {}),
        ...(model.serviceConnect ? { ServiceConnectDefaults: { Namespace: getAtt('ServiceConnectNamespace', 'Arn') } } : {}),
      },
    };
  }

  if (lb && lbSecurityGroups) addLoadBalancer(lb, lbSecurityGroups, resources, output);

  // Outputs, in a fixed order: network, ECS, EKS, load balancer, Service Connect, logs.
  const ordered: Record<string, JsonObject> = {};
  if (model.network.vpc) output('VpcId', value(model.network.vpc), 'VPC of the platform.');
  if (model.network.privateSubnets.length) output('PrivateSubnets', { 'Fn::Join': [',', model.network.privateSubnets.map(value)] }, 'Private subnet IDs, comma-separated.');
  if (model.network.publicSubnets.length) output('PublicSubnets', { 'Fn::Join': [',', model.network.publicSubnets.map(value)] }, 'Public subnet IDs, comma-separated.');
  if (sg) output('ServiceSecurityGroup', sg === 'create' ? getAtt('ServiceSecurityGroup', 'GroupId') : value(sg), 'Security group for service tasks.');
  if (model.ecs) {
    output('ClusterName', ref('ECSCluster'), 'ECS cluster name.');
    output('ClusterArn', getAtt('ECSCluster', 'Arn'), 'ECS cluster ARN.');
  }
  if (model.serviceConnect) {
    output('ServiceConnectNamespace', getAtt('ServiceConnectNamespace', 'Arn'), 'Service Connect (Cloud Map HTTP) namespace ARN.');
    output('ServiceConnectNamespaceName', model.serviceConnect.namespace, 'Service Connect namespace name.');
  }
  if (model.ecs || model.loadBalancer) output('LogRetentionDays', String(model.logging.retentionDays), 'Default log retention in days for service log groups.');
  const order: readonly string[] = [
    'VpcId', 'PrivateSubnets', 'PublicSubnets', 'ServiceSecurityGroup', 'ClusterName', 'ClusterArn', 'EksClusterName', 'EksClusterArn',
    'EksClusterEndpoint', 'EksClusterSecurityGroupId', 'LoadBalancerArn', 'LoadBalancerDnsName', 'LoadBalancerSecurityGroup', 'ProdListenerArn',
    'TestListenerArn', 'ServiceConnectNamespace', 'ServiceConnectNamespaceName', 'LogRetentionDays',
  ];
  for (const k of order) if (outputs[k]) ordered[k] = outputs[k]!;

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: model.description ?? `Platform ${model.name}: shared infrastructure for services (generated by codegen).`,
    ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
    Resources: resources,
    ...(Object.keys(ordered).length ? { Outputs: ordered } : {}),
  };
}

function parameterDescription(type: string): string {
  return type === 'AWS::EC2::VPC::Id' ? 'VPC ID.' : type === 'AWS::EC2::Subnet::Id' ? 'Subnet ID.' : 'Security group ID.';
}

function addEks(eks: EksModel, resources: Record<string, JsonObject>, output: (n: PlatformExport, v: Json, d: string) => void): void {
  if (!eks.roleArn) resources.EKSClusterRole = role('eks.amazonaws.com', `EKS cluster role of ${eks.name}`, EKS_CLUSTER_POLICIES);
  resources.EKSCluster = {
    Type: 'AWS::EKS::Cluster',
    Properties: {
      Name: eks.name,
      Version: eks.version,
      RoleArn: eks.roleArn ?? getAtt('EKSClusterRole', 'Arn'),
      ResourcesVpcConfig: {
        SubnetIds: eks.subnets.map(value),
        ...(eks.securityGroups.length ? { SecurityGroupIds: eks.securityGroups.map(value) } : {}),
        EndpointPrivateAccess: eks.endpoint.privateAccess,
        EndpointPublicAccess: eks.endpoint.publicAccess,
        ...(eks.endpoint.publicAccessCidrs ? { PublicAccessCidrs: [...eks.endpoint.publicAccessCidrs] } : {}),
      },
    },
  };
  if (eks.nodeGroups.some((g) => !g.roleArn)) resources.NodeRole = role('ec2.amazonaws.com', `Node role of the ${eks.name} managed node groups`, EKS_NODE_POLICIES);
  for (const g of eks.nodeGroups) {
    resources[g.logicalId] = {
      Type: 'AWS::EKS::Nodegroup',
      Properties: {
        ClusterName: ref('EKSCluster'),
        NodegroupName: g.name,
        NodeRole: g.roleArn ?? getAtt('NodeRole', 'Arn'),
        Subnets: g.subnets.map(value),
        ScalingConfig: { MinSize: g.scaling.min, MaxSize: g.scaling.max, DesiredSize: g.scaling.desired },
        ...(g.instanceTypes ? { InstanceTypes: [...g.instanceTypes] } : {}),
        ...(g.amiType !== undefined ? { AmiType: g.amiType } : {}),
        ...(g.capacityType !== undefined ? { CapacityType: g.capacityType } : {}),
        ...(g.diskSize !== undefined ? { DiskSize: g.diskSize } : {}),
        ...(g.labels ? { Labels: { ...g.labels } } : {}),
        ...(g.update
          ? { UpdateConfig: 'maxUnavailable' in g.update ? { MaxUnavailable: g.update.maxUnavailable } : { MaxUnavailablePercentage: g.update.maxUnavailablePercentage } }
          : {}),
      },
    };
  }
  output('EksClusterName', ref('EKSCluster'), 'EKS cluster name.');
  output('EksClusterArn', getAtt('EKSCluster', 'Arn'), 'EKS cluster ARN.');
  output('EksClusterEndpoint', getAtt('EKSCluster', 'Endpoint'), 'EKS API server endpoint.');
  output('EksClusterSecurityGroupId', getAtt('EKSCluster', 'ClusterSecurityGroupId'), 'Security group EKS created for the control plane and managed nodes.');
}

function listenerPorts(lb: LoadBalancerModel): number[] {
  return [...(lb.redirectHttp ? [80] : []), lb.productionPort, lb.testPort].sort((a, b) => a - b);
}

function loadBalancerSecurityGroup(model: PlatformModel, lb: LoadBalancerModel): JsonObject {
  const ingress: Json[] = [];
  for (const port of listenerPorts(lb)) {
    for (const cidr of lb.allowedCidrs) {
      ingress.push({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: cidr, Description: port === lb.testPort ? 'Test listener' : port === lb.productionPort ? 'Production listener' : 'HTTP redirect' });
    }
  }
  return {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `Load balancer of the ${model.name} platform`,
      ...(model.network.vpc ? { VpcId: value(model.network.vpc) } : {}),
      SecurityGroupIngress: ingress,
    },
  };
}

function addLoadBalancer(lb: LoadBalancerModel, securityGroups: Json[], resources: Record<string, JsonObject>, output: (n: PlatformExport, v: Json, d: string) => void): void {
  resources.LoadBalancer = {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: 'application',
      Scheme: lb.public ? 'internet-facing' : 'internal',
      Subnets: lb.subnets.map(value),
      SecurityGroups: securityGroups,
    },
  };
  // Until a service adds its rules, both listeners answer 404.
  const notFound = { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' } };
  const listener = (port: number): JsonObject => ({
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'),
      Port: port,
      Protocol: lb.protocol,
      ...(lb.certificateArn ? { Certificates: [{ CertificateArn: lb.certificateArn }] } : {}),
      ...(lb.sslPolicy ? { SslPolicy: lb.sslPolicy } : {}),
      DefaultActions: [notFound],
    },
  });
  resources.ProdListener = listener(lb.productionPort);
  resources.TestListener = listener(lb.testPort);
  if (lb.redirectHttp) {
    resources.HttpRedirectListener = {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: ref('LoadBalancer'),
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: String(lb.productionPort), StatusCode: 'HTTP_301' } }],
      },
    };
  }
  output('LoadBalancerArn', ref('LoadBalancer'), 'Application Load Balancer ARN.');
  output('LoadBalancerDnsName', getAtt('LoadBalancer', 'DNSName'), 'Application Load Balancer DNS name.');
  output('LoadBalancerSecurityGroup', securityGroups[0]!, 'Security group of the load balancer.');
  output('ProdListenerArn', ref('ProdListener'), 'Production listener ARN.');
  output('TestListenerArn', ref('TestListener'), 'Test listener ARN (blue/green pre-shift traffic).');
}

export function emitPlatform(model: PlatformModel): Artifact[] {
  return [{ path: `${model.name}/platform.cfn.yaml`, format: 'yaml', kind: 'cloudformation', emitter: PLATFORM_EMITTER, documents: [buildPlatformTemplate(model)] }];
}
