/** The platform pipeline: the article's EKS snippet, created roles, exports, checks with positions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { compilePlatform } from '../../src/platform/compile.js';
import { buildPlatformTemplate, EKS_CLUSTER_POLICIES, EKS_NODE_POLICIES } from '../../src/platform/emit-cfn.js';
import { PLATFORM_EXPORTS } from '../../src/platform/exports.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { referenceObject } from '../helpers/reference.js';

type Obj = Record<string, any>;

function template(text: string, asOf?: string): Obj {
  const r = compilePlatform(text, asOf ? { asOf } : {});
  expect(r.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  return buildPlatformTemplate(r.model!);
}

const ARTICLE = readFileSync(join(FIXTURES, 'platform-eks-article/platform.yaml'), 'utf8');
const SHOP = readFileSync(join(FIXTURES, 'platform-ecs-service/platform.yaml'), 'utf8');

describe('platform: the article EKS cluster and node group', () => {
  it('reproduces every field and value of the reference snippet (test/reference/article-eks-cluster.facts.json)', () => {
    const reference = referenceObject('article-eks-cluster') as Obj;
    expect(Object.keys(reference.Resources)).toEqual(['EKSCluster', 'NodeGroup']);
    const ours = template(ARTICLE);
    for (const [id, resource] of Object.entries(reference.Resources as Obj)) {
      expect(ours.Resources[id], id).toEqual(resource);
    }
  });

  it('creates the cluster and node roles with the AWS managed policies they need', () => {
    const t = template(ARTICLE);
    const arns = (id: string) => t.Resources[id].Properties.ManagedPolicyArns.map((p: Obj) => p['Fn::Sub']);
    expect(t.Resources.EKSClusterRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'eks.amazonaws.com' });
    expect(arns('EKSClusterRole')).toEqual(['arn:${AWS::Partition}:iam::aws:policy/AmazonEKSClusterPolicy']);
    expect(t.Resources.NodeRole.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    expect(arns('NodeRole')).toEqual([
      'arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy',
      'arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy',
      'arn:${AWS::Partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
    ]);
    expect([...EKS_CLUSTER_POLICIES]).toEqual(['AmazonEKSClusterPolicy']);
    expect(EKS_NODE_POLICIES).toContain('AmazonEKSWorkerNodePolicy');
  });

  it('uses given role ARNs and creates no role', () => {
    const text = ARTICLE.replace('  version: "1.28"\n', '  version: "1.28"\n  roleArn: arn:aws:iam::123456789012:role/eks-cluster\n').replace(
      '    - name: my-nodegroup\n',
      '    - name: my-nodegroup\n      roleArn: arn:aws:iam::123456789012:role/eks-node\n',
    );
    const t = template(text);
    expect(t.Resources.EKSClusterRole).toBeUndefined();
    expect(t.Resources.NodeRole).toBeUndefined();
    expect(t.Resources.EKSCluster.Properties.RoleArn).toBe('arn:aws:iam::123456789012:role/eks-cluster');
    expect(t.Resources.NodeGroup.Properties.NodeRole).toBe('arn:aws:iam::123456789012:role/eks-node');
  });

  it('declares typed parameters for referenced subnets and security groups', () => {
    const t = template(ARTICLE);
    expect(t.Parameters).toEqual({
      PrivateSubnet1: { Type: 'AWS::EC2::Subnet::Id', Description: 'Subnet ID.' },
      PrivateSubnet2: { Type: 'AWS::EC2::Subnet::Id', Description: 'Subnet ID.' },
      ClusterSecurityGroup: { Type: 'AWS::EC2::SecurityGroup::Id', Description: 'Security group ID.' },
    });
  });

  it('reports 1.28 as past extended support in 2026-11 (a warning with a position), not in 2024', () => {
    const now = compilePlatform(ARTICLE, { file: 'platform.yaml' });
    const v = now.diagnostics.find((d) => d.code === 'EKS_VERSION_UNSUPPORTED')!;
    expect(v.severity).toBe('warning');
    expect(v.message).toContain('2025-11-26');
    expect(`${v.file}:${v.line}:${v.column}`).toBe('platform.yaml:12:12');
    expect(now.files.map((f) => f.path)).toEqual(['my-platform/platform.cfn.yaml']);
    const then = compilePlatform(ARTICLE, { asOf: '2024-06-01' });
    expect(then.diagnostics.map((d) => d.code)).toEqual([]);
    const extended = compilePlatform(ARTICLE, { asOf: '2025-06-01' });
    expect(extended.diagnostics.map((d) => d.code)).toEqual(['EKS_VERSION_EXTENDED_SUPPORT']);
  });

  it('refuses an Amazon Linux 2 AMI type on a version EKS publishes none for', () => {
    const r = compilePlatform(ARTICLE.replace('"1.28"', '"1.33"'), { file: 'platform.yaml' });
    const e = r.diagnostics.find((d) => d.code === 'EKS_AMI_TYPE_UNAVAILABLE')!;
    expect(e.severity).toBe('error');
    expect(e.hint).toContain('AL2023_x86_64_STANDARD');
    expect([e.line, e.column]).toEqual([21, 16]);
    expect(r.files).toEqual([]);
  });

  it('warns about a version not in the table', () => {
    const r = compilePlatform(ARTICLE.replace('"1.28"', '"1.99"'));
    expect(r.diagnostics.map((d) => d.code)).toContain('EKS_VERSION_UNKNOWN');
  });
});

describe('platform: ECS cluster, load balancer, Service Connect, exports', () => {
  it('exports every output as <platform>-<Output>, with names from PLATFORM_EXPORTS', () => {
    const t = template(SHOP);
    for (const [key, out] of Object.entries(t.Outputs as Obj)) {
      expect(PLATFORM_EXPORTS).toContain(key);
      expect(out.Export).toEqual({ Name: `shop-${key}` });
    }
    expect(Object.keys(t.Outputs)).toEqual(expect.arrayContaining(['ClusterName', 'VpcId', 'PrivateSubnets', 'ServiceSecurityGroup', 'ProdListenerArn', 'TestListenerArn', 'ServiceConnectNamespace']));
    expect(t.Outputs.ProdListenerArn.Value).toEqual({ Ref: 'ProdListener' });
    expect(t.Outputs.LogRetentionDays.Value).toBe('90');
  });

  it('builds the ECS cluster with capacity providers, Container Insights and the Service Connect default', () => {
    const c = template(SHOP).Resources.ECSCluster.Properties;
    expect(c.CapacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(c.DefaultCapacityProviderStrategy).toEqual([
      { CapacityProvider: 'FARGATE', Weight: 1, Base: 1 },
      { CapacityProvider: 'FARGATE_SPOT', Weight: 3 },
    ]);
    expect(c.ClusterSettings).toEqual([{ Name: 'containerInsights', Value: 'enhanced' }]);
    expect(c.ServiceConnectDefaults).toEqual({ Namespace: { 'Fn::GetAtt': ['ServiceConnectNamespace', 'Arn'] } });
  });

  it('builds HTTPS production and test listeners with the certificate, and an HTTP redirect', () => {
    const r = template(SHOP).Resources;
    expect(r.LoadBalancer.Properties.Scheme).toBe('internet-facing');
    expect(r.LoadBalancer.Properties.Subnets).toEqual(['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002']);
    for (const [id, port] of [['ProdListener', 443], ['TestListener', 8443]] as const) {
      expect(r[id].Properties.Port).toBe(port);
      expect(r[id].Properties.Protocol).toBe('HTTPS');
      expect(r[id].Properties.Certificates[0].CertificateArn).toMatch(/^arn:aws:acm:/);
    }
    expect(r.HttpRedirectListener.Properties.DefaultActions[0].RedirectConfig).toEqual({ Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' });
  });

  it('uses HTTP on 80/8080 without a certificate and defaults log retention to 30 days', () => {
    const text = SHOP.replace(/  certificateArn: .*\n  sslPolicy: .*\n/, '').replace(/  listeners:\n(    .*\n)+/, '').replace(/logging:\n.*\n/, '');
    const t = template(text);
    expect([t.Resources.ProdListener.Properties.Port, t.Resources.TestListener.Properties.Port]).toEqual([80, 8080]);
    expect(t.Resources.ProdListener.Properties.Protocol).toBe('HTTP');
    expect(t.Resources.HttpRedirectListener).toBeUndefined();
    expect(t.Resources.ECSExecLogGroup.Properties.RetentionInDays).toBe(30);
  });

  it('reports cross-field problems at the spec path', () => {
    const noVpc = compilePlatform(SHOP.replace('  vpc: VpcId\n', ''), { file: 'platform.yaml' });
    expect(noVpc.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(['PLATFORM_VPC_MISSING 10']);
    const oneSubnet = compilePlatform(SHOP.replace('[subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]', '[subnet-0a1b2c3d4e5f60001]'));
    expect(oneSubnet.diagnostics.map((d) => d.code)).toEqual(['LOAD_BALANCER_SUBNETS_TOO_FEW']);
    const scaling = compilePlatform(ARTICLE.replace('desired: 3', 'desired: 11'));
    expect(scaling.diagnostics.map((d) => d.code)).toContain('EKS_SCALING_RANGE');
  });

  it('maps schema errors to file:line:column with a did-you-mean', () => {
    const r = compilePlatform(ARTICLE.replace('  nodeGroups:', '  nodeGroup:'), { file: 'platform.yaml' });
    expect(r.diagnostics.map(formatDiagnostic)).toEqual(['platform.yaml:17:3 error SCHEMA_UNKNOWN_KEY eks.nodeGroup: Unknown key "nodeGroup". (did you mean "nodeGroups"?)']);
    const bad = compilePlatform(ARTICLE.replace('amiType: AL2_x86_64', 'amiType: AL2_X86_64'));
    expect(bad.diagnostics[0]!.code).toBe('SCHEMA_ENUM');
    expect(bad.diagnostics[0]!.hint).toBe('did you mean "AL2_x86_64"?');
  });
});
