/**
 * Platform spec → platform model: defaults filled, references classified, EKS version and AMI
 * types checked against `src/platform/eks-versions.ts` on a fixed date (never the clock), and every
 * cross-field problem reported with the spec path where it was written.
 */
import type { DiagnosticInput, SpecPath } from '../core/diagnostics.js';
import { logicalId } from '../schema/logical-ids.js';
import { AL2_AMI_TYPES, AL2_END_OF_SUPPORT, AL2_LAST_VERSION, amiTypesFor, eksSupportStatus, eksVersion, EKS_VERSIONS_AS_OF, latestStandardVersion } from './eks-versions.js';
import type { EcsClusterModel, EksModel, LoadBalancerModel, NetworkRef, NodeGroupModel, ParameterType, PlatformModel } from './model.js';
import type { CodegenPlatformSpecV1 as PlatformSpec } from './spec.generated.js';

export type { PlatformSpec };
type Report = (d: DiagnosticInput & { path: SpecPath }) => void;

const LITERAL_ID = /^(vpc|subnet|sg)-[0-9a-f]{8,17}$/;

function toRef(value: string, type: ParameterType): NetworkRef {
  return LITERAL_ID.test(value) ? { kind: 'literal', id: value } : { kind: 'parameter', name: value, type };
}
const subnetRefs = (list: readonly string[] | undefined): NetworkRef[] => (list ?? []).map((s) => toRef(s, 'AWS::EC2::Subnet::Id'));
const sgRefs = (list: readonly string[] | undefined): NetworkRef[] => (list ?? []).map((s) => toRef(s, 'AWS::EC2::SecurityGroup::Id'));

export interface PlatformNormalizeOptions {
  /** Date (`YYYY-MM-DD`) the EKS support status is judged on (default: the table's review date). */
  asOf?: string;
}

export function normalizePlatform(spec: PlatformSpec, report: Report, options: PlatformNormalizeOptions = {}): PlatformModel {
  const asOf = options.asOf ?? EKS_VERSIONS_AS_OF;
  const privateSubnets = subnetRefs(spec.network?.privateSubnets);
  const publicSubnets = subnetRefs(spec.network?.publicSubnets);
  const model: PlatformModel = {
    apiVersion: 'codegen/v1',
    kind: 'Platform',
    name: spec.name,
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    network: {
      ...(spec.network?.vpc !== undefined ? { vpc: toRef(spec.network.vpc, 'AWS::EC2::VPC::Id') } : {}),
      privateSubnets,
      publicSubnets,
    },
    logging: { retentionDays: spec.logging?.retentionDays ?? 30 },
  };
  if (spec.eks) model.eks = normalizeEks(spec.eks, privateSubnets, asOf, report);
  if (spec.ecs) model.ecs = normalizeEcs(spec, report);
  if (spec.loadBalancer) model.loadBalancer = normalizeLoadBalancer(spec.loadBalancer, privateSubnets, publicSubnets, report);
  if (spec.serviceConnect) {
    model.serviceConnect = {
      namespace: spec.serviceConnect.namespace,
      ...(spec.serviceConnect.description !== undefined ? { description: spec.serviceConnect.description } : {}),
    };
  }
  if (spec.network?.serviceSecurityGroup !== undefined) {
    model.network.serviceSecurityGroup = toRef(spec.network.serviceSecurityGroup, 'AWS::EC2::SecurityGroup::Id');
  } else if (model.ecs || model.loadBalancer) {
    model.network.serviceSecurityGroup = 'create';
  }
  const creates = [
    model.network.serviceSecurityGroup === 'create' ? 'the service security group' : undefined,
    model.loadBalancer && !model.loadBalancer.securityGroups ? 'the load balancer security group' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (creates.length && !model.network.vpc) {
    report({
      code: 'PLATFORM_VPC_MISSING',
      severity: 'error',
      message: `codegen creates ${creates.join(' and ')}, which needs network.vpc.`,
      hint: 'set network.vpc (a vpc- ID or a parameter name), or give the security groups by reference',
      path: spec.network ? ['network'] : [],
    });
  }
  checkParameters(model, report);
  return model;
}

function normalizeEks(eks: NonNullable<PlatformSpec['eks']>, privateSubnets: NetworkRef[], asOf: string, report: Report): EksModel {
  const subnets = eks.subnets ? subnetRefs(eks.subnets) : privateSubnets;
  if (subnets.length === 0) {
    report({ code: 'PLATFORM_SUBNETS_MISSING', severity: 'error', message: 'The EKS cluster needs subnets: set eks.subnets or network.privateSubnets.', path: ['eks'] });
  } else if (subnets.length < 2) {
    report({ code: 'EKS_SUBNETS_TOO_FEW', severity: 'error', message: 'An EKS cluster needs subnets in at least two Availability Zones; one subnet is given.', path: eks.subnets ? ['eks', 'subnets'] : ['network', 'privateSubnets'] });
  }
  const supportStatus = eksSupportStatus(eks.version, asOf);
  checkVersion(eks.version, supportStatus, asOf, report);
  const names = new Set<string>();
  const nodeGroups = (eks.nodeGroups ?? []).map((g, i): NodeGroupModel => {
    const path: SpecPath = ['eks', 'nodeGroups', i];
    if (names.has(g.name)) report({ code: 'EKS_NODEGROUP_DUPLICATE', severity: 'error', message: `Two node groups are named "${g.name}".`, path: [...path, 'name'] });
    names.add(g.name);
    const { min, max, desired } = g.scaling;
    if (min > max) report({ code: 'EKS_SCALING_RANGE', severity: 'error', message: `scaling.min (${min}) is greater than scaling.max (${max}).`, path: [...path, 'scaling', 'min'] });
    else if (desired < min || desired > max) report({ code: 'EKS_SCALING_RANGE', severity: 'error', message: `scaling.desired (${desired}) is outside min..max (${min}..${max}).`, path: [...path, 'scaling', 'desired'] });
    if (g.amiType !== undefined) checkAmiType(g.amiType, eks.version, asOf, [...path, 'amiType'], report);
    const groupSubnets = g.subnets ? subnetRefs(g.subnets) : subnets;
    return {
      name: g.name,
      logicalId: i === 0 ? 'NodeGroup' : `NodeGroup${logicalId(g.name)}`,
      ...(g.roleArn !== undefined ? { roleArn: g.roleArn } : {}),
      subnets: groupSubnets,
      scaling: { min, max, desired },
      ...(g.instanceTypes ? { instanceTypes: [...g.instanceTypes] } : {}),
      ...(g.amiType !== undefined ? { amiType: g.amiType } : {}),
      ...(g.capacityType !== undefined ? { capacityType: g.capacityType } : {}),
      ...(g.diskSize !== undefined ? { diskSize: g.diskSize } : {}),
      ...(g.labels ? { labels: { ...g.labels } } : {}),
      ...(g.update
        ? { update: g.update.maxUnavailable !== undefined ? { maxUnavailable: g.update.maxUnavailable } : { maxUnavailablePercentage: g.update.maxUnavailablePercentage! } }
        : {}),
      path,
    };
  });
  const logicalIds = new Set<string>();
  for (const g of nodeGroups) {
    if (logicalIds.has(g.logicalId)) report({ code: 'EKS_NODEGROUP_DUPLICATE', severity: 'error', message: `Node group "${g.name}" maps to the logical ID ${g.logicalId}, which another group already has.`, path: [...g.path, 'name'] });
    logicalIds.add(g.logicalId);
  }
  return {
    name: eks.name,
    version: eks.version,
    supportStatus,
    ...(eks.roleArn !== undefined ? { roleArn: eks.roleArn } : {}),
    subnets,
    securityGroups: sgRefs(eks.securityGroups),
    endpoint: {
      privateAccess: eks.endpoint?.privateAccess ?? true,
      publicAccess: eks.endpoint?.publicAccess ?? true,
      ...(eks.endpoint?.publicAccessCidrs ? { publicAccessCidrs: [...eks.endpoint.publicAccessCidrs] } : {}),
    },
    nodeGroups,
  };
}

function checkVersion(version: string, status: ReturnType<typeof eksSupportStatus>, asOf: string, report: Report): void {
  const v = eksVersion(version);
  const latest = latestStandardVersion(asOf);
  const hint = latest ? `create new clusters on ${latest}, the newest version in standard support on ${asOf}; an existing cluster upgrades one minor version at a time` : undefined;
  const path = ['eks', 'version'];
  if (status === 'unsupported' && v) {
    report({
      code: 'EKS_VERSION_UNSUPPORTED',
      severity: 'warning',
      message: `Kubernetes ${version} left Amazon EKS extended support on ${v.endOfExtendedSupport} (status on ${asOf}): EKS no longer creates clusters on it and upgrades existing ones automatically.`,
      ...(hint ? { hint } : {}),
      path,
    });
  } else if (status === 'extended' && v) {
    report({
      code: 'EKS_VERSION_EXTENDED_SUPPORT',
      severity: 'warning',
      message: `Kubernetes ${version} is in Amazon EKS extended support until ${v.endOfExtendedSupport} (status on ${asOf}), billed at a higher rate per cluster hour.`,
      ...(hint ? { hint } : {}),
      path,
    });
  } else if (status === 'unknown') {
    report({
      code: 'EKS_VERSION_UNKNOWN',
      severity: 'warning',
      message: `Kubernetes ${version} is not in codegen's EKS version table (reviewed ${asOf}); its support status is not checked.`,
      path,
    });
  }
}

function checkAmiType(amiType: string, version: string, asOf: string, path: SpecPath, report: Report): void {
  if (!AL2_AMI_TYPES.has(amiType)) return;
  if (eksVersion(version) && !amiTypesFor(version).includes(amiType as never)) {
    report({
      code: 'EKS_AMI_TYPE_UNAVAILABLE',
      severity: 'error',
      message: `EKS publishes no ${amiType} AMI for Kubernetes ${version}: Amazon Linux 2 AMIs stop at ${AL2_LAST_VERSION}.`,
      hint: `use ${amiType.replace(/^AL2_(x86_64|ARM_64).*$/, 'AL2023_$1_STANDARD')} or a BOTTLEROCKET_* type`,
      path,
    });
  } else if (asOf >= AL2_END_OF_SUPPORT) {
    report({
      code: 'EKS_AMI_AL2_END_OF_SUPPORT',
      severity: 'warning',
      message: `Amazon Linux 2 EKS AMIs (${amiType}) reached end of support on ${AL2_END_OF_SUPPORT}: no new AMIs, patches or Kubernetes versions.`,
      hint: `use ${amiType.replace(/^AL2_(x86_64|ARM_64).*$/, 'AL2023_$1_STANDARD')} or a BOTTLEROCKET_* type`,
      path,
    });
  }
}

function normalizeEcs(spec: PlatformSpec, report: Report): EcsClusterModel {
  const ecs = spec.ecs!;
  const capacityProviders = ecs.capacityProviders ? [...ecs.capacityProviders] : (['FARGATE', 'FARGATE_SPOT'] as const).slice();
  const defaultStrategy = (ecs.defaultStrategy ?? [{ capacityProvider: 'FARGATE' as const, weight: 1 }]).map((s) => ({
    capacityProvider: s.capacityProvider,
    ...(s.weight !== undefined ? { weight: s.weight } : {}),
    ...(s.base !== undefined ? { base: s.base } : {}),
  }));
  defaultStrategy.forEach((s, i) => {
    if (!capacityProviders.includes(s.capacityProvider)) {
      report({ code: 'ECS_CAPACITY_PROVIDER_MISSING', severity: 'error', message: `The default strategy uses ${s.capacityProvider}, which is not in ecs.capacityProviders.`, path: ['ecs', 'defaultStrategy', i, 'capacityProvider'] });
    }
  });
  if (defaultStrategy.filter((s) => s.base !== undefined && s.base > 0).length > 1) {
    report({ code: 'ECS_CAPACITY_BASE', severity: 'error', message: 'Only one capacity provider of a strategy may have a base.', path: ['ecs', 'defaultStrategy'] });
  }
  return {
    name: ecs.name ?? spec.name,
    capacityProviders,
    defaultStrategy,
    containerInsights: ecs.containerInsights ?? 'enabled',
    executeCommandLogging: ecs.executeCommandLogging ?? true,
  };
}

function normalizeLoadBalancer(lb: NonNullable<PlatformSpec['loadBalancer']>, privateSubnets: NetworkRef[], publicSubnets: NetworkRef[], report: Report): LoadBalancerModel {
  const isPublic = lb.public ?? false;
  const subnets = lb.subnets ? subnetRefs(lb.subnets) : isPublic ? publicSubnets : privateSubnets;
  const subnetPath: SpecPath = lb.subnets ? ['loadBalancer', 'subnets'] : ['network', isPublic ? 'publicSubnets' : 'privateSubnets'];
  if (subnets.length === 0) {
    report({ code: 'PLATFORM_SUBNETS_MISSING', severity: 'error', message: `The load balancer needs subnets: set loadBalancer.subnets or network.${isPublic ? 'publicSubnets' : 'privateSubnets'}.`, path: ['loadBalancer'] });
  } else if (subnets.length < 2) {
    report({ code: 'LOAD_BALANCER_SUBNETS_TOO_FEW', severity: 'error', message: 'An Application Load Balancer needs subnets in at least two Availability Zones; one subnet is given.', path: subnetPath });
  }
  const https = lb.certificateArn !== undefined;
  const productionPort = lb.listeners?.production?.port ?? (https ? 443 : 80);
  const testPort = lb.listeners?.test?.port ?? (https ? 8443 : 8080);
  if (productionPort === testPort) {
    report({ code: 'LOAD_BALANCER_LISTENER_PORTS', severity: 'error', message: `The production and test listeners both use port ${productionPort}.`, path: ['loadBalancer', 'listeners', 'test', 'port'] });
  }
  if (lb.sslPolicy !== undefined && !https) {
    report({ code: 'LOAD_BALANCER_SSL_POLICY_UNUSED', severity: 'warning', message: 'sslPolicy is ignored: without certificateArn the listeners use HTTP.', path: ['loadBalancer', 'sslPolicy'] });
  }
  return {
    public: isPublic,
    subnets,
    ...(lb.securityGroups ? { securityGroups: sgRefs(lb.securityGroups) } : {}),
    allowedCidrs: lb.allowedCidrs ? [...lb.allowedCidrs] : ['0.0.0.0/0'],
    protocol: https ? 'HTTPS' : 'HTTP',
    ...(lb.certificateArn !== undefined ? { certificateArn: lb.certificateArn } : {}),
    ...(https && lb.sslPolicy !== undefined ? { sslPolicy: lb.sslPolicy } : {}),
    productionPort,
    testPort,
    redirectHttp: https && productionPort !== 80 && testPort !== 80,
  };
}

/** A parameter name used for two kinds of resource (a subnet and a security group) is an error. */
function checkParameters(model: PlatformModel, report: Report): void {
  const seen = new Map<string, ParameterType>();
  for (const r of allRefs(model)) {
    if (r.kind !== 'parameter') continue;
    const prev = seen.get(r.name);
    if (prev && prev !== r.type) {
      report({ code: 'PLATFORM_PARAMETER_CONFLICT', severity: 'error', message: `The parameter ${r.name} is used both as ${prev} and as ${r.type}.`, path: ['network'] });
    }
    seen.set(r.name, r.type);
  }
}

/** Every reference of the model, in template order (for parameters). */
export function allRefs(model: PlatformModel): NetworkRef[] {
  const sg = model.network.serviceSecurityGroup;
  return [
    ...(model.network.vpc ? [model.network.vpc] : []),
    ...model.network.privateSubnets,
    ...model.network.publicSubnets,
    ...(sg && sg !== 'create' ? [sg] : []),
    ...(model.eks ? [...model.eks.subnets, ...model.eks.securityGroups, ...model.eks.nodeGroups.flatMap((g) => g.subnets)] : []),
    ...(model.loadBalancer ? [...model.loadBalancer.subnets, ...(model.loadBalancer.securityGroups ?? [])] : []),
  ];
}
