/**
 * The CloudFormation blue/green hook's listeners under logical IDs of one's own
 * (`targets.ecs.logicalIds.prodListener` / `testListener`): the listeners, the rules on them and
 * the hook's ProdTrafficRoute / TestTrafficRoute name the given IDs, and `codegen import` reads them
 * back as the same roles. The hook's rules forward with the weighted form (the blue group, weight 1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const SPEC = readFileSync(join(__dirname, '..', '..', 'fixtures', 'ecs-codedeploy-hook', 'service.yaml'), 'utf8').replace(
  '    codeDeploy:\n',
  '    logicalIds: { prodListener: ShopHttpsListener, testListener: ShopTestListener }\n    codeDeploy:\n',
);

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>; Hooks: Record<string, { Properties: { Applications: { ECSAttributes: { TrafficRouting: Record<string, { LogicalID: string }> } }[] } }> };

describe('ECS hook listeners under their own logical IDs', () => {
  const r = compile(SPEC, { file: 'service.yaml', targets: ['ecs'] });
  const text = r.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content;
  const t = parse(text) as Template;

  it('renames the listeners, the rules\' ListenerArn and the hook\'s traffic routes', () => {
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(t.Resources.ShopHttpsListener?.Type).toBe('AWS::ElasticLoadBalancingV2::Listener');
    expect(t.Resources.ShopTestListener?.Type).toBe('AWS::ElasticLoadBalancingV2::Listener');
    expect(t.Resources.ProdListener).toBeUndefined();
    expect(t.Resources.ListenerRule?.Properties.ListenerArn).toEqual({ Ref: 'ShopHttpsListener' });
    expect(t.Resources.TestListenerRule?.Properties.ListenerArn).toEqual({ Ref: 'ShopTestListener' });
    const routing = Object.values(t.Hooks)[0]!.Properties.Applications[0]!.ECSAttributes.TrafficRouting;
    expect(routing.ProdTrafficRoute?.LogicalID).toBe('ShopHttpsListener');
    expect(routing.TestTrafficRoute?.LogicalID).toBe('ShopTestListener');
    expect(t.Resources.ListenerRule?.Properties.Actions).toEqual([{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'BlueTargetGroup' }, Weight: 1 }] } }]);
  });

  it('imports the listener IDs back as logicalIds roles', () => {
    const imported = importSpec('ecs', [{ file: 'service.cfn.yaml', content: text }]);
    const ecs = (imported.specs[0]!.object as { targets: { ecs: { logicalIds?: Record<string, string> } } }).targets.ecs;
    expect(ecs.logicalIds).toMatchObject({ prodListener: 'ShopHttpsListener', testListener: 'ShopTestListener' });
  });

  it('warns when a template without the hook is given a listener ID', () => {
    const rolling = compile(SPEC.replace('    controller: CODE_DEPLOY\n', '').replace(/    codeDeploy:\n(      .*\n)+/, '').replace(/deployment:\n(  .*\n)+/, ''), { file: 'service.yaml', targets: ['ecs'] });
    expect(rolling.diagnostics.filter((d) => d.code === 'CFN_LOGICAL_ID_UNUSED').map((d) => d.path?.at(-1))).toEqual(expect.arrayContaining(['prodListener']));
  });
});
