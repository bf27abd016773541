/**
 * The normalized platform model: what the platform CloudFormation emitter reads. Defaults are
 * filled and references classified (literal ID or typed parameter); the emitter never re-defaults.
 */
import type { SpecPath } from '../core/diagnostics.js';
import type { EksSupportStatus } from './eks-versions.js';

export type ParameterType = 'AWS::EC2::VPC::Id' | 'AWS::EC2::Subnet::Id' | 'AWS::EC2::SecurityGroup::Id';

/** A network resource by reference: a literal ID, or a typed template parameter. */
export type NetworkRef = { kind: 'literal'; id: string } | { kind: 'parameter'; name: string; type: ParameterType };

export interface NodeGroupModel {
  name: string;
  /** CloudFormation logical ID: `NodeGroup` for the first group, `NodeGroup<Name>` for the others. */
  logicalId: string;
  /** Given role ARN; undefined means the shared created `NodeRole`. */
  roleArn?: string;
  subnets: NetworkRef[];
  scaling: { min: number; max: number; desired: number };
  instanceTypes?: string[];
  amiType?: string;
  capacityType?: 'ON_DEMAND' | 'SPOT';
  diskSize?: number;
  labels?: Record<string, string>;
  update?: { maxUnavailable: number } | { maxUnavailablePercentage: number };
  path: SpecPath;
}

export interface EksModel {
  name: string;
  version: string;
  supportStatus: EksSupportStatus;
  /** Given role ARN; undefined means the created `EKSClusterRole`. */
  roleArn?: string;
  subnets: NetworkRef[];
  securityGroups: NetworkRef[];
  endpoint: { privateAccess: boolean; publicAccess: boolean; publicAccessCidrs?: string[] };
  nodeGroups: NodeGroupModel[];
}

export interface EcsClusterModel {
  name: string;
  capacityProviders: ('FARGATE' | 'FARGATE_SPOT')[];
  defaultStrategy: { capacityProvider: 'FARGATE' | 'FARGATE_SPOT'; weight?: number; base?: number }[];
  containerInsights: 'enabled' | 'enhanced' | 'disabled';
  executeCommandLogging: boolean;
}

export interface LoadBalancerModel {
  public: boolean;
  subnets: NetworkRef[];
  /** Given security groups; undefined means the created `LoadBalancerSecurityGroup`. */
  securityGroups?: NetworkRef[];
  allowedCidrs: string[];
  protocol: 'HTTP' | 'HTTPS';
  certificateArn?: string;
  sslPolicy?: string;
  productionPort: number;
  testPort: number;
  /** HTTP → HTTPS redirect on port 80 (when HTTPS and 80 is free). */
  redirectHttp: boolean;
}

export interface PlatformModel {
  apiVersion: 'codegen/v1';
  kind: 'Platform';
  name: string;
  description?: string;
  network: {
    vpc?: NetworkRef;
    privateSubnets: NetworkRef[];
    publicSubnets: NetworkRef[];
    /** Given security group, `create`, or undefined when nothing needs one. */
    serviceSecurityGroup?: NetworkRef | 'create';
  };
  eks?: EksModel;
  ecs?: EcsClusterModel;
  loadBalancer?: LoadBalancerModel;
  serviceConnect?: { namespace: string; description?: string };
  logging: { retentionDays: number };
}
