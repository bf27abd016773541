/**
 * Parameters read back from codegen's ECS service template: a parameter declared with nothing but
 * its type is still a declaration; a pseudo parameter in a value comes back as `${AWS::...}`; and a
 * task definition that uses a parameter without a default (or a pseudo parameter) can only come
 * from a spec with `taskDefinitionJson: false`, since the task definition JSON needs literals.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const SPEC = `apiVersion: codegen/v1
name: web
region: us-east-1
image: nginx:1.27.3
parameters:
  Upstream: {}
env:
  UPSTREAM_URL: { param: Upstream }
targets:
  ecs: { taskDefinitionJson: false }
`;

function roundTrip(spec: string): { imported: Record<string, any>; same: boolean } {
  const out = compile(spec);
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const template = out.files.find((f) => f.path === 'web/ecs/service.cfn.yaml')!;
  const r = importSpec('ecs', [{ file: 'service.cfn.yaml', content: template.content }]);
  expect(r.specs).toHaveLength(1);
  const again = compile(r.specs[0]!.text);
  expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = (c: typeof out) => c.files.map((f) => `${f.path}\n${f.content}`);
  return { imported: parse(r.specs[0]!.text), same: JSON.stringify(files(again)) === JSON.stringify(files(out)) };
}

describe('import: spec parameters', () => {
  it('a String parameter with no default or description survives import(generate(spec))', () => {
    const { imported, same } = roundTrip(SPEC);
    expect(imported.parameters).toEqual({ Upstream: {} });
    expect(imported.env).toEqual({ UPSTREAM_URL: { param: 'Upstream' } });
    expect(imported.targets.ecs.taskDefinitionJson).toBe(false);
    expect(same).toBe(true);
  });

  it('pseudo parameters in the log group and region come back as ${AWS::...}; the JSON stays off', () => {
    const spec = SPEC.replace('region: us-east-1\n', 'region: ${AWS::Region}\nlogging:\n  group: ${AWS::StackName}\n').replace(/parameters:[\s\S]*?targets:/, 'targets:');
    const { imported, same } = roundTrip(spec);
    expect(imported.logging).toEqual({ group: '${AWS::StackName}' });
    expect(imported.targets.ecs.taskDefinitionJson).toBe(false);
    expect(same).toBe(true);
  });

  it('a template whose task definition holds only literals imports with the task definition JSON on', () => {
    const { imported } = roundTrip(SPEC.replace('ecs: { taskDefinitionJson: false }', 'ecs: {}').replace(/parameters:[\s\S]*?targets:/, 'targets:'));
    expect(imported.targets.ecs.taskDefinitionJson).toBeUndefined();
  });

  it('a family and a service name built from a parameter come back as ${Name} text', () => {
    const spec = SPEC.replace('ecs: { taskDefinitionJson: false }', 'ecs: { taskDefinitionJson: false, family: "${App}-TaskDef", service: { name: "${App}-service" } }').replace('  Upstream: {}\n', '  Upstream: {}\n  App: {}\n');
    const { imported, same } = roundTrip(spec);
    expect(imported.targets.ecs.family).toBe('${App}-TaskDef');
    expect(imported.targets.ecs.service.name).toBe('${App}-service');
    expect(same).toBe(true);
  });

  it('subnets as parameters come back item by item; a security group that is a resource of the template is reported, not half-read', () => {
    const spec = SPEC.replace('ecs: { taskDefinitionJson: false }', 'ecs: { taskDefinitionJson: false, service: { subnets: ["${SubnetA}", "${SubnetB}"], securityGroups: ["${Sg}"] } }').replace('  Upstream: {}\n', '  Upstream: {}\n  SubnetA: { type: AWS::EC2::Subnet::Id }\n  SubnetB: { type: AWS::EC2::Subnet::Id }\n  Sg: { type: AWS::EC2::SecurityGroup::Id }\n');
    const { imported, same } = roundTrip(spec);
    expect(imported.targets.ecs.service.subnets).toEqual(['${SubnetA}', '${SubnetB}']);
    expect(same).toBe(true);
    // The same template with the security group defined in it (Ref of a resource, not of a parameter).
    const t = parse(compile(spec).files.find((f) => f.path === 'web/ecs/service.cfn.yaml')!.content);
    delete t.Parameters.Sg;
    t.Resources.Sg = { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web' } };
    const r = importSpec('ecs', [{ file: 'service.cfn.yaml', content: JSON.stringify(t) }]);
    const s = parse(r.specs[0]!.text);
    expect(s.targets.ecs.service.subnets).toEqual(['${SubnetA}', '${SubnetB}']);
    expect(s.targets.ecs.service.securityGroups).toBeUndefined();
    expect(r.diagnostics.filter((d) => d.code === 'IMPORT_NOT_CARRIED' && d.path.join('.').includes('SecurityGroups')).map((d) => d.severity)).toEqual(['warning']);
    expect(compile(r.specs[0]!.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
