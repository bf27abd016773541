/** The spec's CloudFormation references (`env.X.ref.cloudformation`) against the names the ECS service template declares. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { JsonObject } from '../../src/core/serialize.js';
import { subVariablesOf } from '../../src/emitters/ecs/service-references.js';
import { referenceableNames } from '../../src/emitters/common/cfn.js';

const base = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
  targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' } },
};

function run(env: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const r = compile({ ...base, ...extra, env }, { targets: ['ecs'], verify: false });
  return { errors: r.diagnostics.filter((d) => d.severity === 'error'), files: r.files };
}

describe('CloudFormation references', () => {
  it('reads ${Name}, ${Resource.Attribute} and skips ${!Literal} as Fn::Sub does', () => {
    expect(subVariablesOf('a-${X}-${Y.Arn}-${!Z}-${ AWS::Region }')).toEqual({ names: ['X', 'Y.Arn', 'AWS::Region'] });
    expect(subVariablesOf('plain')).toEqual({ names: [] });
    expect(subVariablesOf('${X')).toHaveProperty('error');
    expect(subVariablesOf('${}')).toHaveProperty('error');
  });

  it('lists parameters, resources and pseudo parameters of the template', () => {
    const t: JsonObject = { Parameters: { P: { Type: 'String' } }, Resources: { R: { Type: 'AWS::Logs::LogGroup', Properties: {} } } };
    const names = referenceableNames(t);
    expect(names.slice(0, 2)).toEqual([{ name: 'P', kind: 'parameter' }, { name: 'R', kind: 'resource', type: 'AWS::Logs::LogGroup' }]);
    expect(names.map((n) => n.name)).toContain('AWS::Region');
  });

  it('accepts names the template declares, with attributes the resource type has', () => {
    const { errors, files } = run({ A: { ref: { cloudformation: '${LogGroup.Arn}:${AWS::Region}:${ECSCluster}:${!Kept}' } } });
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });

  it('refuses an unknown name even with verification off, listing the valid names and the closest', () => {
    const { errors, files } = run({ A: { ref: { cloudformation: '${TaskDefinitoin}' } } });
    expect(files).toEqual([]);
    expect(errors.map((e) => e.code)).toEqual(['CFN_REF_UNKNOWN_NAME']);
    expect(errors[0]!.message).toContain('resources LogGroup, TaskDefinition, ECSService');
    expect(errors[0]!.hint).toBe('did you mean ${TaskDefinition}?');
    expect(errors[0]!.path).toEqual(['env', 'A', 'ref', 'cloudformation']);
  });

  it('names resources that exist only when the spec creates them (a load-balanced service has its target group)', () => {
    const exposed = { expose: { hosts: ['a.example.com'] } };
    expect(run({ A: { ref: { cloudformation: '${TargetGroup.TargetGroupFullName}' } } }, exposed).errors).toEqual([]);
    expect(run({ A: { ref: { cloudformation: '${TargetGroup}' } } }).errors.map((e) => e.code)).toEqual(['CFN_REF_UNKNOWN_NAME']);
  });

  it('says why a parameter is missing when the platform replaces it with an import', () => {
    const r = compile({ ...base, platform: { name: 'shop' }, env: { C: { ref: { cloudformation: '${ECSCluster}' } } } }, { targets: ['ecs'], verify: false });
    const e = r.diagnostics.find((d) => d.code === 'CFN_REF_UNKNOWN_NAME');
    expect(e?.hint).toBe('with the platform shop, the template imports shop-ClusterName instead of declaring ECSCluster, and Fn::Sub cannot name an import');
  });

  it('refuses an attribute the resource type does not have', () => {
    const { errors } = run({ A: { ref: { cloudformation: '${LogGroup.Nme}' } } });
    expect(errors.map((e) => e.code)).toEqual(['CFN_REF_UNKNOWN_ATTRIBUTE']);
    expect(errors[0]!.message).toContain('which has only Arn');
  });
});
