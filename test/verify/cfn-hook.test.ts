/**
 * The CloudFormation blue/green hook in verify: a template generated with codeDeploy.via: hook
 * passes; each limit from the CloudFormation user guide (blue-green.html: the Hooks template
 * reference and "Considerations") broken on that template fails with VERIFY_CFN_HOOK or the schema.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { Artifact, JsonObject } from '../../src/core/serialize.js';
import { verifyArtifacts } from '../../src/verify/index.js';

const spec = {
  apiVersion: 'codegen/v1',
  name: 'svc',
  region: 'eu-west-1',
  image: 'public.ecr.aws/nginx/nginx:1.27.3',
  ports: [{ port: 8080 }],
  expose: { public: true },
  deployment: { strategy: 'canary', canary: { percent: 20, interval: '5m' } },
  targets: { ecs: { controller: 'CODE_DEPLOY', codeDeploy: { via: 'hook', serviceRoleName: 'CodeDeployServiceRole' } } },
};

function hookArtifact(): Artifact {
  const r = compile(spec, { targets: ['ecs'], verify: false });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.artifacts.find((a) => a.emitter === 'ecs:service')!;
}
const errors = (a: Artifact) => verifyArtifacts([a]).filter((d) => d.severity === 'error');
function broken(change: (t: JsonObject) => void): Artifact {
  const a = hookArtifact();
  const t = structuredClone(a.documents![0]) as JsonObject;
  change(t);
  return { ...a, documents: [t] };
}
const hookProps = (t: JsonObject) => ((t.Hooks as JsonObject).CodeDeployBlueGreenHook as JsonObject).Properties as JsonObject;
const attrs = (t: JsonObject) => ((hookProps(t).Applications as JsonObject[])[0]!.ECSAttributes as JsonObject);

describe('verify: the CloudFormation blue/green hook', () => {
  it('passes the generated template, task sets included, with no info about unknown types', () => {
    const d = verifyArtifacts([hookArtifact()]);
    expect(d.filter((x) => x.severity !== 'info')).toEqual([]);
    expect(d.some((x) => x.code === 'VERIFY_CFN_UNKNOWN_TYPE')).toBe(false);
  });

  it.each([
    ['Outputs', (t: JsonObject) => { t.Outputs = { X: { Value: { Ref: 'ECSService' } } }; }],
    ['Fn::ImportValue', (t: JsonObject) => { ((t.Resources as JsonObject).ECSService as JsonObject & { Properties: JsonObject }).Properties.Cluster = { 'Fn::ImportValue': 'shop-ClusterName' }; }],
    ['a NoEcho parameter', (t: JsonObject) => { ((t.Parameters as JsonObject).ECSCluster as JsonObject).NoEcho = true; }],
    ['a dynamic reference', (t: JsonObject) => { ((t.Parameters as JsonObject).ECSCluster as JsonObject).Default = '{{resolve:ssm:/cluster}}'; }],
    ['a step under 14%', (t: JsonObject) => { ((hookProps(t).TrafficRoutingConfig as JsonObject).TimeBasedCanary as JsonObject).StepPercentage = 10; }],
    ['no ServiceRole', (t: JsonObject) => { delete hookProps(t).ServiceRole; }],
    ['a green task definition that already exists', (t: JsonObject) => { (attrs(t).TaskDefinitions as string[])[1] = 'LogGroup'; }],
    ['a listener that is not in the template', (t: JsonObject) => { ((attrs(t).TrafficRouting as JsonObject).ProdTrafficRoute as JsonObject).LogicalID = 'Nowhere'; }],
    ['Hooks without the transform', (t: JsonObject) => { delete t.Transform; }],
  ])('fails with %s', (_, change) => {
    expect(errors(broken(change)).length).toBeGreaterThan(0);
  });

  it('checks task set properties against their reference', () => {
    const d = errors(broken((t) => { (((t.Resources as JsonObject).BlueTaskSet as JsonObject).Properties as JsonObject).Scale = { Unit: 'PERCENT', Value: 150 }; }));
    expect(d.map((x) => x.code)).toContain('VERIFY_CFN_SCHEMA');
  });
});
