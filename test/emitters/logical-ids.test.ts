/** Fixed logical IDs (`targets.ecs.logicalIds`, `targets.appmesh.logicalIds`): renaming, checks, and the role lists kept in step. */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { JsonObject } from '../../src/core/serialize.js';
import { APPMESH_ROLE_IDS } from '../../src/emitters/appmesh/mesh-cfn.js';
import { ECS_DEFAULT_IDS, ECS_ROLES } from '../../src/emitters/ecs/service-logical-ids.js';
import { renameLogicalIds } from '../../src/emitters/common/cfn.js';
import { DEFAULTS as IMPORTER_DEFAULTS } from '../../src/importers/ecs/logical-ids.js';
import { APPMESH_LOGICAL_ID_ROLES } from '../../src/schema/targets/appmesh.js';
import { ECS_LOGICAL_ID_ROLES } from '../../src/schema/targets/ecs.js';

describe('renameLogicalIds', () => {
  const template: JsonObject = {
    Parameters: { Cluster: { Type: 'String' } },
    Resources: {
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'x' } },
      Svc: {
        Type: 'AWS::ECS::Service',
        DependsOn: ['Logs'],
        Properties: {
          A: { Ref: 'Logs' },
          B: { 'Fn::GetAtt': ['Logs', 'Arn'] },
          C: { 'Fn::GetAtt': 'Logs.Arn' },
          D: { 'Fn::Sub': '${Logs}/${Logs.Arn}/${!Logs}/${Cluster}' },
          E: { 'Fn::Sub': ['${Logs}-${Other}', { Logs: 'local', Other: { Ref: 'Logs' } }] },
          Resources: { Logs: 'a property that happens to be called Resources is not renamed' },
        },
      },
    },
    Outputs: { L: { Value: { Ref: 'Logs' } } },
  };

  it('renames the resource and every Ref, GetAtt, Sub name and DependsOn, but not escaped or local Sub names', () => {
    const out = renameLogicalIds(template, new Map([['Logs', 'AppLogs']])) as { Resources: Record<string, { DependsOn?: string[]; Properties: JsonObject }>; Outputs: JsonObject };
    expect(Object.keys(out.Resources)).toEqual(['AppLogs', 'Svc']);
    const p = out.Resources.Svc!.Properties;
    expect(out.Resources.Svc!.DependsOn).toEqual(['AppLogs']);
    expect(p.A).toEqual({ Ref: 'AppLogs' });
    expect(p.B).toEqual({ 'Fn::GetAtt': ['AppLogs', 'Arn'] });
    expect(p.C).toEqual({ 'Fn::GetAtt': 'AppLogs.Arn' });
    expect(p.D).toEqual({ 'Fn::Sub': '${AppLogs}/${AppLogs.Arn}/${!Logs}/${Cluster}' });
    expect(p.E).toEqual({ 'Fn::Sub': ['${Logs}-${Other}', { Logs: 'local', Other: { Ref: 'AppLogs' } }] });
    expect(p.Resources).toEqual({ Logs: 'a property that happens to be called Resources is not renamed' });
    expect(out.Outputs).toEqual({ L: { Value: { Ref: 'AppLogs' } } });
  });
});

describe('logical ID roles', () => {
  it('are the same in the schema, the emitters and the ECS importer, and the schema names each default ID', () => {
    expect(Object.keys(ECS_LOGICAL_ID_ROLES)).toEqual(ECS_ROLES);
    expect(IMPORTER_DEFAULTS).toEqual(ECS_DEFAULT_IDS);
    for (const [role, id] of Object.entries(ECS_DEFAULT_IDS)) expect(ECS_LOGICAL_ID_ROLES[role], role).toContain(`(default \`${id}\``);
    expect(ECS_LOGICAL_ID_ROLES.targetGroup).toContain('`BlueTargetGroup`');
    expect(Object.keys(APPMESH_LOGICAL_ID_ROLES)).toEqual(Object.keys(APPMESH_ROLE_IDS));
    for (const [role, id] of Object.entries(APPMESH_ROLE_IDS)) expect(APPMESH_LOGICAL_ID_ROLES[role], role).toBe(`${APPMESH_LOGICAL_ID_ROLES[role]!.split(' (default')[0]} (default \`${id}\`)`);
  });

  it('fix the blue target group of a blue/green service and its green one', () => {
    const r = compile(
      {
        apiVersion: 'codegen/v1', name: 'svc', region: 'eu-west-1', image: 'public.ecr.aws/nginx/nginx:1.27.3', ports: [{ port: 8080 }],
        expose: { hosts: ['a.example.com'] }, deployment: { strategy: 'blue-green', blueGreen: { bakeTime: '5m' } },
        targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec', logicalIds: { targetGroup: 'Blue', alternateTargetGroup: 'Green', loadBalancerRole: 'Shift' } } },
      },
      { targets: ['ecs'] },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = r.artifacts.find((a) => a.emitter === 'ecs:service')!.documents![0] as { Resources: Record<string, { Properties: JsonObject }> };
    expect(Object.keys(t.Resources)).toEqual(expect.arrayContaining(['Blue', 'Green', 'Shift']));
    expect(Object.keys(t.Resources)).not.toContain('BlueTargetGroup');
    expect(JSON.stringify(t.Resources.ECSService!.Properties.LoadBalancers)).toBe(
      JSON.stringify([{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: { Ref: 'Blue' }, AdvancedConfiguration: { AlternateTargetGroupArn: { Ref: 'Green' }, ProductionListenerRule: { Ref: 'ListenerRule' }, RoleArn: { 'Fn::GetAtt': ['Shift', 'Arn'] } } }]),
    );
  });
});
