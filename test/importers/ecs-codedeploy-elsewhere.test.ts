/**
 * A service under CodeDeploy whose deployment group is not in the template (another stack or a
 * pipeline owns it): the importer keeps the controller, says blue-green with a note, and the spec
 * it writes gives a service CodeDeploy can deploy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const DIR = join(__dirname, '..', '..', 'fixtures', 'ecs-codedeploy-custom', 'expected');
const FILE = join(DIR, readdirSync(DIR)[0]!, 'ecs', 'service.cfn.json');

describe('ECS import: CodeDeploy with the deployment group elsewhere', () => {
  it('keeps CODE_DEPLOY, picks blue-green and says so', () => {
    const template = JSON.parse(readFileSync(FILE, 'utf8')) as { Resources: Record<string, { Type: string }>; Outputs?: Record<string, unknown> };
    const removed = Object.keys(template.Resources).filter((k) => template.Resources[k]!.Type.startsWith('AWS::CodeDeploy::') || k === 'CodeDeployRole');
    expect(removed.length).toBeGreaterThanOrEqual(2);
    for (const k of removed) delete template.Resources[k];
    for (const k of Object.keys(template.Outputs ?? {})) if (k.startsWith('CodeDeploy')) delete template.Outputs![k];
    const r = importSpec('ecs', [{ file: 'service.cfn.json', content: JSON.stringify(template, null, 2) }]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spec = r.specs[0]!.object as { deployment?: { strategy?: string }; targets: { ecs: { controller?: string } } };
    expect(spec.targets.ecs.controller).toBe('CODE_DEPLOY');
    expect(spec.deployment?.strategy).toBe('blue-green');
    expect(r.diagnostics.find((d) => d.code === 'IMPORT_CHOICE' && d.path.join('.').endsWith('DeploymentController.Type'))?.message).toMatch(/deployment group is not in the input/);
    const out = compile(r.specs[0]!.text, { file: 'service.yaml', targets: ['ecs'] });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(out.files.find((f) => f.path.endsWith('service.cfn.json') || f.path.endsWith('service.cfn.yaml'))?.content).toMatch(/"?Type"?: "?CODE_DEPLOY"?/);
  });
});
