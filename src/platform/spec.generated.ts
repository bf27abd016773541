/* Generated from schema/platform.schema.json by `npm run gen:schema`. Do not edit. */

/**
 * Shared infrastructure services deploy into, compiled by codegen into one CloudFormation template with exported outputs.
 */
export interface CodegenPlatformSpecV1 {
  /**
   * JSON Schema reference for editors; ignored by codegen.
   */
  $schema?: string;
  /**
   * Spec version; must be `codegen/v1`.
   */
  apiVersion: 'codegen/v1';
  /**
   * Spec kind; must be `Platform`.
   */
  kind: 'Platform';
  /**
   * Platform name (DNS-1123 label). Every output is exported as `<name>-<Output>`; service specs point at it with `platform.name`.
   */
  name: string;
  /**
   * One line about the platform (the template Description).
   */
  description?: string;
  /**
   * The VPC and subnets the platform runs in, by reference (codegen never creates a VPC).
   */
  network?: {
    /**
     * VPC: a literal ID (`vpc-0123abcd`) or the name of a template parameter (e.g. `VpcId`), which becomes a typed CloudFormation parameter.
     */
    vpc?: string;
    /**
     * Private subnets: EKS cluster and node groups, ECS tasks, an internal load balancer.
     *
     * @minItems 1
     *
     * Items: Subnet: a literal ID (`subnet-0123abcd`) or the name of a template parameter (e.g. `PrivateSubnet1`), which becomes a typed CloudFormation parameter.
     */
    privateSubnets?: string[];
    /**
     * Public subnets: an internet-facing load balancer.
     *
     * @minItems 1
     *
     * Items: Subnet: a literal ID (`subnet-0123abcd`) or the name of a template parameter (e.g. `PrivateSubnet1`), which becomes a typed CloudFormation parameter.
     */
    publicSubnets?: string[];
    /**
     * Security group for service tasks; created (accepting traffic from the load balancer) when omitted and the ECS cluster or load balancer is defined: a literal ID (`sg-0123abcd`) or the name of a template parameter (e.g. `ClusterSecurityGroup`), which becomes a typed CloudFormation parameter.
     */
    serviceSecurityGroup?: string;
  };
  /**
   * An EKS cluster (AWS::EKS::Cluster) and its managed node groups.
   */
  eks?: {
    /**
     * Cluster name.
     */
    name: string;
    /**
     * Kubernetes minor version, e.g. `"1.33"` (quote it in YAML). Checked against the EKS support calendar.
     */
    version: string;
    /**
     * Cluster IAM role ARN (RoleArn). When omitted, codegen creates the role with the AWS managed policies it needs.
     */
    roleArn?: string;
    /**
     * Subnets for the control plane network interfaces (default: `network.privateSubnets`).
     *
     * @minItems 1
     *
     * Items: Subnet: a literal ID (`subnet-0123abcd`) or the name of a template parameter (e.g. `PrivateSubnet1`), which becomes a typed CloudFormation parameter.
     */
    subnets?: string[];
    /**
     * Extra security groups for the control plane network interfaces (SecurityGroupIds).
     *
     * @minItems 1
     * @maxItems 5
     *
     * Items: Security group: a literal ID (`sg-0123abcd`) or the name of a template parameter (e.g. `ClusterSecurityGroup`), which becomes a typed CloudFormation parameter.
     */
    securityGroups?: string[];
    /**
     * API server endpoint access.
     */
    endpoint?: {
      /**
       * Reachable from inside the VPC (EndpointPrivateAccess, default true).
       */
      privateAccess?: boolean;
      /**
       * Reachable from the internet (EndpointPublicAccess, default true).
       */
      publicAccess?: boolean;
      /**
       * CIDR blocks allowed to reach the public endpoint (PublicAccessCidrs).
       *
       * Items: An IPv4 CIDR block.
       */
      publicAccessCidrs?: string[];
    };
    /**
     * Managed node groups (names must be unique).
     *
     * Items: An EKS managed node group (AWS::EKS::Nodegroup).
     */
    nodeGroups?: {
      /**
       * Node group name (NodegroupName).
       */
      name: string;
      /**
       * Node IAM role ARN (NodeRole). When omitted, codegen creates the role with the AWS managed policies it needs.
       */
      roleArn?: string;
      /**
       * Subnets for the nodes (default: the cluster subnets).
       *
       * @minItems 1
       *
       * Items: Subnet: a literal ID (`subnet-0123abcd`) or the name of a template parameter (e.g. `PrivateSubnet1`), which becomes a typed CloudFormation parameter.
       */
      subnets?: string[];
      /**
       * Node counts (ScalingConfig).
       */
      scaling: {
        /**
         * Minimum nodes (MinSize).
         */
        min: number;
        /**
         * Maximum nodes (MaxSize).
         */
        max: number;
        /**
         * Desired nodes (DesiredSize).
         */
        desired: number;
      };
      /**
       * EC2 instance types (InstanceTypes).
       *
       * @minItems 1
       *
       * Items: Instance type, e.g. `m5.large`.
       */
      instanceTypes?: string[];
      /**
       * AMI type (AmiType), e.g. `AL2023_x86_64_STANDARD`; checked against the Kubernetes version (Amazon Linux 2 AMIs stop at 1.32).
       */
      amiType?:
        | 'AL2023_ARM_64_NVIDIA'
        | 'AL2023_ARM_64_STANDARD'
        | 'AL2023_x86_64_NEURON'
        | 'AL2023_x86_64_NVIDIA'
        | 'AL2023_x86_64_STANDARD'
        | 'AL2_ARM_64'
        | 'AL2_x86_64'
        | 'AL2_x86_64_GPU'
        | 'BOTTLEROCKET_ARM_64'
        | 'BOTTLEROCKET_ARM_64_FIPS'
        | 'BOTTLEROCKET_ARM_64_NVIDIA'
        | 'BOTTLEROCKET_ARM_64_NVIDIA_FIPS'
        | 'BOTTLEROCKET_x86_64'
        | 'BOTTLEROCKET_x86_64_FIPS'
        | 'BOTTLEROCKET_x86_64_NVIDIA'
        | 'BOTTLEROCKET_x86_64_NVIDIA_FIPS'
        | 'CUSTOM'
        | 'WINDOWS_CORE_2019_x86_64'
        | 'WINDOWS_CORE_2022_x86_64'
        | 'WINDOWS_CORE_2025_x86_64'
        | 'WINDOWS_FULL_2019_x86_64'
        | 'WINDOWS_FULL_2022_x86_64'
        | 'WINDOWS_FULL_2025_x86_64';
      /**
       * ON_DEMAND (default) or SPOT.
       */
      capacityType?: 'ON_DEMAND' | 'SPOT';
      /**
       * Root volume size in GiB (DiskSize).
       */
      diskSize?: number;
      /**
       * Kubernetes node labels.
       */
      labels?: {
        /**
         * Label value.
         */
        [k: string]: string;
      };
      /**
       * How many nodes may be unavailable during an update (UpdateConfig): exactly one of `maxUnavailable` or `maxUnavailablePercentage`.
       */
      update?: {
        [k: string]: unknown;
      } & {
        /**
         * Nodes (MaxUnavailable).
         */
        maxUnavailable?: number;
        /**
         * Percent of nodes (MaxUnavailablePercentage).
         */
        maxUnavailablePercentage?: number;
      };
    }[];
  };
  /**
   * An ECS cluster (AWS::ECS::Cluster).
   */
  ecs?: {
    /**
     * Cluster name (default: the platform name).
     */
    name?: string;
    /**
     * Capacity providers (default `[FARGATE, FARGATE_SPOT]`).
     *
     * Items: A Fargate capacity provider.
     */
    capacityProviders?: ('FARGATE' | 'FARGATE_SPOT')[];
    /**
     * Default capacity provider strategy (default: FARGATE, weight 1).
     *
     * @minItems 1
     *
     * Items: One capacity provider of the strategy.
     */
    defaultStrategy?: {
      /**
       * Capacity provider.
       */
      capacityProvider: 'FARGATE' | 'FARGATE_SPOT';
      /**
       * Relative share of tasks.
       */
      weight?: number;
      /**
       * Tasks placed here first.
       */
      base?: number;
    }[];
    /**
     * CloudWatch Container Insights (cluster setting `containerInsights`; default `enabled`). `enhanced` adds task- and container-level metrics.
     */
    containerInsights?: 'enabled' | 'enhanced' | 'disabled';
    /**
     * Send ECS Exec (`aws ecs execute-command`) session output to a log group the platform creates (default true).
     */
    executeCommandLogging?: boolean;
  };
  /**
   * An Application Load Balancer with a production and a test listener (the test listener is what blue/green deployments route to before the shift).
   */
  loadBalancer?: {
    /**
     * Internet-facing (true) or internal (false, default).
     */
    public?: boolean;
    /**
     * Subnets (default: public subnets when public, else private subnets; at least two Availability Zones).
     *
     * @minItems 1
     *
     * Items: Subnet: a literal ID (`subnet-0123abcd`) or the name of a template parameter (e.g. `PrivateSubnet1`), which becomes a typed CloudFormation parameter.
     */
    subnets?: string[];
    /**
     * Security groups (default: one created that accepts the listener ports from `allowedCidrs`).
     *
     * @minItems 1
     * @maxItems 5
     *
     * Items: Security group: a literal ID (`sg-0123abcd`) or the name of a template parameter (e.g. `ClusterSecurityGroup`), which becomes a typed CloudFormation parameter.
     */
    securityGroups?: string[];
    /**
     * Client CIDR blocks the created security group accepts on both listener ports (default `0.0.0.0/0`).
     *
     * @minItems 1
     *
     * Items: An IPv4 CIDR block.
     */
    allowedCidrs?: string[];
    /**
     * ACM certificate ARN: the listeners use HTTPS when it is given, HTTP otherwise.
     */
    certificateArn?: string;
    /**
     * SSL policy of the HTTPS listeners (default: the load balancer default).
     */
    sslPolicy?: string;
    /**
     * Listener ports.
     */
    listeners?: {
      /**
       * The production listener.
       */
      production?: {
        /**
         * Listener port (default 443 with a certificate, 80 without).
         */
        port?: number;
      };
      /**
       * The test listener (blue/green pre-shift traffic).
       */
      test?: {
        /**
         * Listener port (default 8443 with a certificate, 8080 without).
         */
        port?: number;
      };
    };
  };
  /**
   * A Cloud Map HTTP namespace (AWS::ServiceDiscovery::HttpNamespace) for ECS Service Connect, set as the ECS cluster default.
   */
  serviceConnect?: {
    /**
     * Namespace name.
     */
    namespace: string;
    /**
     * Namespace description.
     */
    description?: string;
  };
  /**
   * Log defaults.
   */
  logging?: {
    /**
     * Retention in days of the log groups the platform creates, exported for services (default 30).
     */
    retentionDays?:
      | 1
      | 3
      | 5
      | 7
      | 14
      | 30
      | 60
      | 90
      | 120
      | 150
      | 180
      | 365
      | 400
      | 545
      | 731
      | 1096
      | 1827
      | 2192
      | 2557
      | 2922
      | 3288
      | 3653;
  };
}
