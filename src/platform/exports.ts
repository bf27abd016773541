/**
 * The platform's exported outputs. Every output `X` is exported as `<platform name>-X`, so a
 * service template imports it with `{'Fn::ImportValue': '<platform name>-X'}` whatever the stack
 * is called. The emitter writes exactly these; `imports.ts` builds the matching imports.
 */
export const PLATFORM_EXPORTS = [
  'VpcId',
  'PrivateSubnets',
  'PublicSubnets',
  'ServiceSecurityGroup',
  'ClusterName',
  'ClusterArn',
  'EksClusterName',
  'EksClusterArn',
  'EksClusterEndpoint',
  'EksClusterSecurityGroupId',
  'LoadBalancerArn',
  'LoadBalancerDnsName',
  'LoadBalancerSecurityGroup',
  'ProdListenerArn',
  'TestListenerArn',
  'ServiceConnectNamespace',
  'ServiceConnectNamespaceName',
  'LogRetentionDays',
] as const;

export type PlatformExport = (typeof PLATFORM_EXPORTS)[number];

/** The export name of one output of a platform. */
export function exportName(platform: string, output: PlatformExport): string {
  return `${platform}-${output}`;
}
