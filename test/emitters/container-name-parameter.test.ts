/**
 * `containerName: ${Name}`: the main container named by a stack parameter. The ECS template names
 * the container and its load balancer entry with `Ref`, the ECS importer reads it back, and the
 * other outputs take the parameter's default (none: an error naming the target).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const spec = (declared: string, targets: string) => `apiVersion: codegen/v1
name: web
image: nginx:1.27.3
region: eu-west-1
containerName: \${App}
parameters:
  App: ${declared}
ports: [{ port: 8080 }]
expose: {}
targets:
${targets}
`;

type Template = { Resources: Record<string, { Type: string; Properties: { ContainerDefinitions?: { Name: unknown }[]; LoadBalancers?: { ContainerName: unknown }[] } }> };

describe('a container name from a stack parameter', () => {
  it('is a Ref in the ECS template, and the ECS importer reads it back', () => {
    const r = compile(spec('{ type: String }', '  ecs: { taskDefinitionJson: false }'), { file: 'service.yaml' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = r.files.find((f) => f.path.endsWith('service.cfn.yaml'))!.content;
    const t = parse(text) as Template;
    expect(t.Resources.TaskDefinition?.Properties.ContainerDefinitions?.[0]?.Name).toEqual({ Ref: 'App' });
    expect(t.Resources.ECSService?.Properties.LoadBalancers?.[0]?.ContainerName).toEqual({ Ref: 'App' });
    const back = importSpec('ecs', [{ file: 'service.cfn.yaml', content: text }], { parameters: { App: 'web' } });
    expect((back.specs[0]!.object as { containerName?: string }).containerName).toBe('${App}');
  });

  it('takes the default elsewhere, and without one is an error naming the target', () => {
    const withDefault = compile(spec('{ type: String, default: web-app }', '  kubernetes: {}'), { file: 'service.yaml' });
    expect(withDefault.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deployment = parse(withDefault.files.find((f) => f.path.endsWith('deployment.yaml'))!.content) as { spec: { template: { spec: { containers: { name: string }[] } } } };
    expect(deployment.spec.template.spec.containers[0]!.name).toBe('web-app');
    const none = compile(spec('{ type: String }', '  ecs: {}'), { file: 'service.yaml' });
    const error = none.diagnostics.find((d) => d.severity === 'error');
    expect(error?.message).toMatch(/App/);
    expect(none.files).toEqual([]);
  });
});
