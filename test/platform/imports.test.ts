/** The contract with the ECS service CloudFormation emitter: a service that names a platform imports its exports. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { compilePlatform } from '../../src/platform/compile.js';
import { PLATFORM_EXPORTS } from '../../src/platform/exports.js';
import { platformImport, platformImportList } from '../../src/platform/imports.js';
import { FIXTURES } from '../helpers/fixtures.js';

const DIR = join(FIXTURES, 'platform-ecs-service');

describe('platformImport', () => {
  const service = compile(readFileSync(join(DIR, 'service.yaml'), 'utf8'), { file: 'service.yaml' });
  const model = service.models.ecs!;

  it('carries the platform from the spec into the model', () => {
    expect(service.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.platform).toEqual({ name: 'shop', file: 'platform.yaml' });
  });

  it('yields Fn::ImportValue of <platform>-<Output>', () => {
    expect(platformImport(model, 'ProdListenerArn')).toEqual({ 'Fn::ImportValue': 'shop-ProdListenerArn' });
    expect(platformImport(model, 'TestListenerArn')).toEqual({ 'Fn::ImportValue': 'shop-TestListenerArn' });
    expect(platformImport(model, 'ClusterName')).toEqual({ 'Fn::ImportValue': 'shop-ClusterName' });
    expect(platformImport(model, 'ServiceSecurityGroup')).toEqual({ 'Fn::ImportValue': 'shop-ServiceSecurityGroup' });
    expect(platformImport(model, 'ServiceConnectNamespace')).toEqual({ 'Fn::ImportValue': 'shop-ServiceConnectNamespace' });
    expect(platformImportList(model, 'PrivateSubnets')).toEqual({ 'Fn::Split': [',', { 'Fn::ImportValue': 'shop-PrivateSubnets' }] });
  });

  it('is undefined for a service without a platform', () => {
    const without = { ...model, platform: undefined };
    expect(platformImport(without, 'ProdListenerArn')).toBeUndefined();
    expect(platformImportList(without, 'PrivateSubnets')).toBeUndefined();
  });

  it('imports only names the platform in this folder exports', () => {
    const platform = compilePlatform(readFileSync(join(DIR, 'platform.yaml'), 'utf8'));
    const exported = new Set([...platform.files[0]!.content.matchAll(/Export:\n\s+Name: (shop-[A-Za-z]+)/g)].map((m) => m[1]!));
    for (const name of ['ClusterName', 'ProdListenerArn', 'TestListenerArn', 'ServiceSecurityGroup', 'PrivateSubnets', 'ServiceConnectNamespace', 'VpcId'] as const) {
      expect(exported.has((platformImport(model, name) as { 'Fn::ImportValue': string })['Fn::ImportValue']), name).toBe(true);
    }
    for (const e of exported) expect(PLATFORM_EXPORTS).toContain(e.slice('shop-'.length));
  });

  it('lets an environment point at another platform', () => {
    const text = `${readFileSync(join(DIR, 'service.yaml'), 'utf8')}environments:\n  staging:\n    platform: { name: shop-staging }\n`;
    const r = compile(text, { env: 'staging', targets: ['ecs'] });
    expect(platformImport(r.models.ecs!, 'ClusterName')).toEqual({ 'Fn::ImportValue': 'shop-staging-ClusterName' });
  });
});
