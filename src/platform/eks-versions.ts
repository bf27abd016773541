/**
 * Amazon EKS Kubernetes versions and managed node group AMI types, as versioned data.
 *
 * Support windows: a minor version gets 14 months of standard support from its EKS release, then
 * 12 months of extended support (extra cost per cluster hour); after that the cluster is
 * auto-upgraded and new clusters cannot be created on it.
 * Sources (checked 2026-11):
 * - Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS"
 *   https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (release calendar)
 * - endoflife.date/amazon-eks (same dates, 1.29–1.35)
 * - 1.23–1.29 dates as published in the EKS release calendar before those versions left it.
 *
 * AMI types: the enum of `AWS::EKS::Nodegroup.AmiType` in the CloudFormation registry schema
 * (as cfn-lint's copy of the registry schemas gave it on 2026-06-15). Amazon Linux 2 AMIs: EKS-optimized AL2
 * AMIs reached end of support on 2025-11-26 and Kubernetes 1.32 is the last version with AL2 AMIs
 * (Amazon EKS User Guide, "EKS AL2 and AL2-Accelerated AMIs transition" eks-ami-deprecation-faqs.html;
 * awslabs/amazon-eks-ami issue #2545). AL2023 AMIs exist for every version in this table.
 */
export const EKS_VERSIONS_AS_OF = '2026-11-01';

export interface EksVersion {
  version: string;
  /** Amazon EKS release date. */
  released: string;
  endOfStandardSupport: string;
  endOfExtendedSupport: string;
}

export const EKS_VERSIONS: readonly EksVersion[] = [
  { version: '1.23', released: '2022-08-11', endOfStandardSupport: '2023-10-11', endOfExtendedSupport: '2024-10-11' },
  { version: '1.24', released: '2022-11-15', endOfStandardSupport: '2024-01-31', endOfExtendedSupport: '2025-01-31' },
  { version: '1.25', released: '2023-02-22', endOfStandardSupport: '2024-05-01', endOfExtendedSupport: '2025-05-01' },
  { version: '1.26', released: '2023-04-11', endOfStandardSupport: '2024-06-11', endOfExtendedSupport: '2025-06-11' },
  { version: '1.27', released: '2023-05-24', endOfStandardSupport: '2024-07-24', endOfExtendedSupport: '2025-07-24' },
  { version: '1.28', released: '2023-09-26', endOfStandardSupport: '2024-11-26', endOfExtendedSupport: '2025-11-26' },
  { version: '1.29', released: '2024-01-23', endOfStandardSupport: '2025-03-23', endOfExtendedSupport: '2026-03-23' },
  { version: '1.30', released: '2024-05-23', endOfStandardSupport: '2025-07-23', endOfExtendedSupport: '2026-07-23' },
  { version: '1.31', released: '2024-09-26', endOfStandardSupport: '2025-11-26', endOfExtendedSupport: '2026-11-26' },
  { version: '1.32', released: '2025-01-23', endOfStandardSupport: '2026-03-23', endOfExtendedSupport: '2027-03-23' },
  { version: '1.33', released: '2025-05-29', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
  { version: '1.34', released: '2025-10-02', endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' },
  { version: '1.35', released: '2026-01-27', endOfStandardSupport: '2027-03-27', endOfExtendedSupport: '2028-03-27' },
];

/** Every `AmiType` CloudFormation accepts for a managed node group. */
export const EKS_AMI_TYPES = [
  'AL2023_ARM_64_NVIDIA', 'AL2023_ARM_64_STANDARD', 'AL2023_x86_64_NEURON', 'AL2023_x86_64_NVIDIA', 'AL2023_x86_64_STANDARD',
  'AL2_ARM_64', 'AL2_x86_64', 'AL2_x86_64_GPU',
  'BOTTLEROCKET_ARM_64', 'BOTTLEROCKET_ARM_64_FIPS', 'BOTTLEROCKET_ARM_64_NVIDIA', 'BOTTLEROCKET_ARM_64_NVIDIA_FIPS',
  'BOTTLEROCKET_x86_64', 'BOTTLEROCKET_x86_64_FIPS', 'BOTTLEROCKET_x86_64_NVIDIA', 'BOTTLEROCKET_x86_64_NVIDIA_FIPS',
  'CUSTOM',
  'WINDOWS_CORE_2019_x86_64', 'WINDOWS_CORE_2022_x86_64', 'WINDOWS_CORE_2025_x86_64',
  'WINDOWS_FULL_2019_x86_64', 'WINDOWS_FULL_2022_x86_64', 'WINDOWS_FULL_2025_x86_64',
] as const;
export type EksAmiType = (typeof EKS_AMI_TYPES)[number];

/** Amazon Linux 2 AMI types: published up to Kubernetes 1.32, end of support 2025-11-26. */
export const AL2_AMI_TYPES: ReadonlySet<string> = new Set(['AL2_ARM_64', 'AL2_x86_64', 'AL2_x86_64_GPU']);
export const AL2_LAST_VERSION = '1.32';
export const AL2_END_OF_SUPPORT = '2025-11-26';

export type EksSupportStatus = 'standard' | 'extended' | 'unsupported' | 'unknown';

export function eksVersion(version: string): EksVersion | undefined {
  return EKS_VERSIONS.find((v) => v.version === version);
}

/** Support status of a version on a date (`YYYY-MM-DD`; ISO dates compare as strings). */
export function eksSupportStatus(version: string, asOf: string = EKS_VERSIONS_AS_OF): EksSupportStatus {
  const v = eksVersion(version);
  if (!v) return 'unknown';
  if (asOf < v.released) return 'unknown';
  if (asOf < v.endOfStandardSupport) return 'standard';
  if (asOf < v.endOfExtendedSupport) return 'extended';
  return 'unsupported';
}

/** The AMI types EKS publishes for a Kubernetes version. */
export function amiTypesFor(version: string): readonly EksAmiType[] {
  const minor = Number(version.split('.')[1]);
  const al2Last = Number(AL2_LAST_VERSION.split('.')[1]);
  return EKS_AMI_TYPES.filter((t) => !AL2_AMI_TYPES.has(t) || minor <= al2Last);
}

/** The newest version in standard support on a date. */
export function latestStandardVersion(asOf: string = EKS_VERSIONS_AS_OF): string | undefined {
  return [...EKS_VERSIONS].reverse().find((v) => eksSupportStatus(v.version, asOf) === 'standard')?.version;
}
