/**
 * Platform spec v1 (`kind: Platform`): the shared infrastructure services deploy into — network by
 * reference, an ECS cluster, an EKS cluster with managed node groups, an Application Load Balancer
 * with production and test listeners, a Service Connect (Cloud Map HTTP) namespace and log
 * retention defaults. Written with the same DSL as the service schema; `npm run gen:schema` writes
 * `schema/platform.schema.json`, `src/platform/spec.generated.ts` and
 * `src/platform/validate.generated.js` from it.
 */
import { EKS_AMI_TYPES } from './eks-versions.js';
import { NAME_PATTERN } from '../schema/values.js';
import { arr, bool, enumOf, int, map, obj, str, type JsonSchema } from '../schema/dsl.js';

export const PLATFORM_SCHEMA_ID = 'https://codegen.dev/schema/platform/v1.json';
export const PLATFORM_KIND = 'Platform';

/** A literal AWS ID (`subnet-0abc…`) or the logical name of a typed template parameter (`PrivateSubnet1`). */
export const PARAMETER_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9]{0,254}$';

function reference(kind: 'vpc' | 'subnet' | 'sg', what: string): JsonSchema {
  return {
    type: 'string',
    description: `${what}: a literal ID (\`${kind}-0123abcd\`) or the name of a template parameter (e.g. \`${kind === 'vpc' ? 'VpcId' : kind === 'subnet' ? 'PrivateSubnet1' : 'ClusterSecurityGroup'}\`), which becomes a typed CloudFormation parameter.`,
    anyOf: [
      { type: 'string', pattern: `^${kind}-[0-9a-f]{8,17}$`, description: `A literal ${what} ID.` },
      { type: 'string', pattern: PARAMETER_NAME_PATTERN, description: 'A CloudFormation parameter name (letters and digits).' },
    ],
  };
}

const subnets = (d: string) => arr(d, reference('subnet', 'Subnet'), { minItems: 1, uniqueItems: true });
const securityGroups = (d: string) => arr(d, reference('sg', 'Security group'), { minItems: 1, maxItems: 5, uniqueItems: true });
const roleArn = (d: string) => str(`${d} When omitted, codegen creates the role with the AWS managed policies it needs.`, { pattern: '^arn:aws[a-z-]*:iam::[0-9x]+:role/.+$' });

const network = obj('The VPC and subnets the platform runs in, by reference (codegen never creates a VPC).', {
  vpc: reference('vpc', 'VPC'),
  privateSubnets: subnets('Private subnets: EKS cluster and node groups, ECS tasks, an internal load balancer.'),
  publicSubnets: subnets('Public subnets: an internet-facing load balancer.'),
  serviceSecurityGroup: reference('sg', 'Security group for service tasks; created (accepting traffic from the load balancer) when omitted and the ECS cluster or load balancer is defined'),
});

const nodeGroup = obj(
  'An EKS managed node group (AWS::EKS::Nodegroup).',
  {
    name: str('Node group name (NodegroupName).', { pattern: '^[0-9A-Za-z][A-Za-z0-9\\-_]{0,62}$' }),
    roleArn: roleArn('Node IAM role ARN (NodeRole).'),
    subnets: subnets('Subnets for the nodes (default: the cluster subnets).'),
    scaling: obj(
      'Node counts (ScalingConfig).',
      {
        min: int('Minimum nodes (MinSize).', { minimum: 0 }),
        max: int('Maximum nodes (MaxSize).', { minimum: 1 }),
        desired: int('Desired nodes (DesiredSize).', { minimum: 0 }),
      },
      ['min', 'max', 'desired'],
    ),
    instanceTypes: arr('EC2 instance types (InstanceTypes).', { type: 'string', pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$', description: 'Instance type, e.g. `m5.large`.' }, { minItems: 1, uniqueItems: true }),
    amiType: enumOf('AMI type (AmiType), e.g. `AL2023_x86_64_STANDARD`; checked against the Kubernetes version (Amazon Linux 2 AMIs stop at 1.32).', EKS_AMI_TYPES),
    capacityType: enumOf('ON_DEMAND (default) or SPOT.', ['ON_DEMAND', 'SPOT']),
    diskSize: int('Root volume size in GiB (DiskSize).', { minimum: 1 }),
    labels: map('Kubernetes node labels.', { type: 'string', description: 'Label value.' }),
    update: obj(
      'How many nodes may be unavailable during an update (UpdateConfig): exactly one of `maxUnavailable` or `maxUnavailablePercentage`.',
      {
        maxUnavailable: int('Nodes (MaxUnavailable).', { minimum: 1, maximum: 100 }),
        maxUnavailablePercentage: int('Percent of nodes (MaxUnavailablePercentage).', { minimum: 1, maximum: 100 }),
      },
      [],
      { oneOf: [{ required: ['maxUnavailable'] }, { required: ['maxUnavailablePercentage'] }] },
    ),
  },
  ['name', 'scaling'],
);

const eks = obj(
  'An EKS cluster (AWS::EKS::Cluster) and its managed node groups.',
  {
    name: str('Cluster name.', { pattern: '^[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}$' }),
    version: str('Kubernetes minor version, e.g. `"1.33"` (quote it in YAML). Checked against the EKS support calendar.', { pattern: '^1\\.[0-9]{2}$' }),
    roleArn: roleArn('Cluster IAM role ARN (RoleArn).'),
    subnets: subnets('Subnets for the control plane network interfaces (default: `network.privateSubnets`).'),
    securityGroups: securityGroups('Extra security groups for the control plane network interfaces (SecurityGroupIds).'),
    endpoint: obj('API server endpoint access.', {
      privateAccess: bool('Reachable from inside the VPC (EndpointPrivateAccess, default true).'),
      publicAccess: bool('Reachable from the internet (EndpointPublicAccess, default true).'),
      publicAccessCidrs: arr('CIDR blocks allowed to reach the public endpoint (PublicAccessCidrs).', { type: 'string', pattern: '^[0-9.]+/[0-9]+$', description: 'An IPv4 CIDR block.' }),
    }),
    nodeGroups: arr('Managed node groups (names must be unique).', nodeGroup),
  },
  ['name', 'version'],
);

const ecs = obj('An ECS cluster (AWS::ECS::Cluster).', {
  name: str('Cluster name (default: the platform name).', { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$' }),
  capacityProviders: arr('Capacity providers (default `[FARGATE, FARGATE_SPOT]`).', enumOf('A Fargate capacity provider.', ['FARGATE', 'FARGATE_SPOT']), { uniqueItems: true }),
  defaultStrategy: arr(
    'Default capacity provider strategy (default: FARGATE, weight 1).',
    obj('One capacity provider of the strategy.', {
      capacityProvider: enumOf('Capacity provider.', ['FARGATE', 'FARGATE_SPOT']),
      weight: int('Relative share of tasks.', { minimum: 0, maximum: 1000 }),
      base: int('Tasks placed here first.', { minimum: 0, maximum: 100000 }),
    }, ['capacityProvider']),
    { minItems: 1 },
  ),
  containerInsights: enumOf('CloudWatch Container Insights (cluster setting `containerInsights`; default `enabled`). `enhanced` adds task- and container-level metrics.', ['enabled', 'enhanced', 'disabled']),
  executeCommandLogging: bool('Send ECS Exec (`aws ecs execute-command`) session output to a log group the platform creates (default true).'),
});

const listener = (d: string, port: number) =>
  obj(d, {
    port: int(`Listener port (default ${port} with a certificate, ${port === 443 ? 80 : 8080} without).`, { minimum: 1, maximum: 65535 }),
  });

const loadBalancer = obj('An Application Load Balancer with a production and a test listener (the test listener is what blue/green deployments route to before the shift).', {
  public: bool('Internet-facing (true) or internal (false, default).'),
  subnets: subnets('Subnets (default: public subnets when public, else private subnets; at least two Availability Zones).'),
  securityGroups: securityGroups('Security groups (default: one created that accepts the listener ports from `allowedCidrs`).'),
  allowedCidrs: arr('Client CIDR blocks the created security group accepts on both listener ports (default `0.0.0.0/0`).', { type: 'string', pattern: '^[0-9.]+/[0-9]+$', description: 'An IPv4 CIDR block.' }, { minItems: 1 }),
  certificateArn: str('ACM certificate ARN: the listeners use HTTPS when it is given, HTTP otherwise.', { pattern: '^arn:aws[a-z-]*:acm:' }),
  sslPolicy: str('SSL policy of the HTTPS listeners (default: the load balancer default).'),
  listeners: obj('Listener ports.', {
    production: listener('The production listener.', 443),
    test: listener('The test listener (blue/green pre-shift traffic).', 8443),
  }),
});

const serviceConnect = obj('A Cloud Map HTTP namespace (AWS::ServiceDiscovery::HttpNamespace) for ECS Service Connect, set as the ECS cluster default.', {
  namespace: str('Namespace name.', { pattern: '^[!-~]{1,1024}$' }),
  description: str('Namespace description.'),
}, ['namespace']);

const logging = obj('Log defaults.', {
  retentionDays: enumOf('Retention in days of the log groups the platform creates, exported for services (default 30).', [], {
    type: 'integer',
    enum: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
  }),
});

export function buildPlatformSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: PLATFORM_SCHEMA_ID,
    title: 'codegen platform spec v1',
    description: 'Shared infrastructure services deploy into, compiled by codegen into one CloudFormation template with exported outputs.',
    type: 'object',
    additionalProperties: false,
    required: ['apiVersion', 'kind', 'name'],
    properties: {
      $schema: str('JSON Schema reference for editors; ignored by codegen.'),
      apiVersion: { type: 'string', const: 'codegen/v1', description: 'Spec version; must be `codegen/v1`.' },
      kind: { type: 'string', const: PLATFORM_KIND, description: 'Spec kind; must be `Platform`.' },
      name: str('Platform name (DNS-1123 label). Every output is exported as `<name>-<Output>`; service specs point at it with `platform.name`.', { pattern: NAME_PATTERN }),
      description: str('One line about the platform (the template Description).'),
      network,
      eks,
      ecs,
      loadBalancer,
      serviceConnect,
      logging,
    },
  };
}
