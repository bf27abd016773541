/**
 * verifyArtifacts(): hand-built artifacts per target pass clean; each deliberate break (unknown
 * field, wrong type, dangling reference, invalid enum) yields its VERIFY_* diagnostic at the
 * right JSON Pointer, with the artifact as `file` and the emitter as `origin`.
 */
import { describe, expect, it } from 'vitest';
import type { Artifact, Json, JsonObject } from '../../src/core/serialize.js';
import { detectKind, verifyArtifacts } from '../../src/verify/index.js';
import { readData } from '../../src/verify/vendor.js';
import { artifact, cfnTemplate, copilotManifest, ecsTaskDefinition, k8sDeployment, k8sHpa, k8sService, kustomization } from './builders.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ecs = (d: JsonObject) => [artifact('ecs-task-definition', 'web/ecs/task-definition.json', [d], 'json')];
const k8s = (docs: JsonObject[]) => [artifact('kubernetes', 'web/kubernetes/app.yaml', docs)];
const cfn = (d: JsonObject) => [artifact('cloudformation', 'web/ecs/service.cfn.yaml', [d])];
const copilot = (d: JsonObject) => [artifact('copilot-manifest', 'web/copilot/web/manifest.yml', [d])];
const kust = (d: JsonObject) => [
  artifact('kustomization', 'web/kubernetes/kustomization.yaml', [d]),
  artifact('kubernetes', 'web/kubernetes/deployment.yaml', [k8sDeployment()]),
  artifact('kubernetes', 'web/kubernetes/service.yaml', [k8sService()]),
];

function errors(artifacts: Artifact[]) {
  return verifyArtifacts(artifacts).filter((d) => d.severity === 'error');
}

function broken<T extends JsonObject>(make: () => T, change: (d: Doc) => void): T {
  const d = make();
  change(d as Doc);
  return d;
}

describe('known-good hand-built artifacts', () => {
  it.each([
    ['ECS task definition', ecs(ecsTaskDefinition())],
    ['Kubernetes', k8s([k8sDeployment(), k8sService(), k8sHpa()])],
    ['CloudFormation', cfn(cfnTemplate())],
    ['Copilot', copilot(copilotManifest())],
    ['kustomization', kust(kustomization())],
  ])('%s has no error or warning', (_name, artifacts) => {
    const d = verifyArtifacts(artifacts).filter((x) => x.severity !== 'info');
    expect(d).toEqual([]);
  });

  it('reports a CloudFormation type without a bundled schema as info only', () => {
    const d = verifyArtifacts(cfn(cfnTemplate()));
    expect(d.map((x) => [x.code, x.severity, x.message])).toEqual([
      ['VERIFY_CFN_UNKNOWN_TYPE', 'info', '/Resources/Topic/Type: no schema is bundled for AWS::SNS::Topic, so its properties were not checked.'],
    ]);
  });
});

// [target, case, artifacts, code, message start]
const CASES: [string, string, Artifact[], string, string][] = [
  ['ecs', 'unknown field', ecs(broken(ecsTaskDefinition, (d) => (d.containerDefinitions[0].healthcheck = {}))), 'VERIFY_ECS_MODEL', '/containerDefinitions/0/healthcheck: unknown member "healthcheck"'],
  ['ecs', 'wrong type', ecs(broken(ecsTaskDefinition, (d) => (d.containerDefinitions[0].portMappings[0].containerPort = '8080'))), 'VERIFY_ECS_MODEL', '/containerDefinitions/0/portMappings/0/containerPort: must be an integer'],
  ['ecs', 'dangling reference', ecs(broken(ecsTaskDefinition, (d) => (d.containerDefinitions[0].dependsOn[0].containerName = 'proxy'))), 'VERIFY_ECS_REFERENCE', '/containerDefinitions/0/dependsOn/0/containerName: "proxy" is not a container'],
  ['ecs', 'invalid enum', ecs(broken(ecsTaskDefinition, (d) => (d.containerDefinitions[0].portMappings[0].protocol = 'TCP'))), 'VERIFY_ECS_MODEL', '/containerDefinitions/0/portMappings/0/protocol: must be one of "tcp", "udp"'],
  ['ecs', 'missing required', ecs(broken(ecsTaskDefinition, (d) => delete d.family)), 'VERIFY_ECS_MODEL', '/family: missing required member "family"'],
  ['ecs', 'Fargate size', ecs(broken(ecsTaskDefinition, (d) => (d.memory = '3000'))), 'VERIFY_ECS_FARGATE', '/cpu: cpu "512" with memory "3000" is not a Fargate task size'],
  ['ecs', 'Fargate network mode', ecs(broken(ecsTaskDefinition, (d) => (d.networkMode = 'bridge'))), 'VERIFY_ECS_FARGATE', '/networkMode: FARGATE needs networkMode "awsvpc"'],
  ['ecs', 'hostPort under awsvpc', ecs(broken(ecsTaskDefinition, (d) => (d.containerDefinitions[0].portMappings[0].hostPort = 80))), 'VERIFY_ECS_FARGATE', '/containerDefinitions/0/portMappings/0/hostPort: under awsvpc hostPort must equal containerPort'],
  ['kubernetes', 'unknown field', k8s([broken(k8sDeployment, (d) => (d.spec.template.spec.containers[0].imagePullPolice = 'Always'))]), 'VERIFY_K8S_SCHEMA', '/spec/template/spec/containers/0/imagePullPolice: unknown field "imagePullPolice"'],
  ['kubernetes', 'wrong type', k8s([broken(k8sDeployment, (d) => (d.spec.replicas = '2'))]), 'VERIFY_K8S_SCHEMA', '/spec/replicas: must be integer or null'],
  ['kubernetes', 'dangling reference', k8s([broken(k8sDeployment, (d) => (d.spec.selector.matchLabels.app = 'api'))]), 'VERIFY_K8S_REFERENCE', '/spec/selector/matchLabels/app: the selector app=api does not match the pod template labels'],
  ['kubernetes', 'invalid enum', k8s([broken(k8sDeployment, (d) => (d.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes'))]), 'VERIFY_K8S_SCHEMA', '/spec/template/spec/containers/0/imagePullPolicy: must be one of "Always", "IfNotPresent", "Never"'],
  ['kubernetes', 'missing name (second document)', k8s([k8sDeployment(), broken(k8sService, (d) => delete d.metadata.name)]), 'VERIFY_K8S_SCHEMA', '#1/metadata/name: metadata.name is required'],
  ['kubernetes', 'int-or-string', k8s([broken(k8sService, (d) => (d.spec.ports[0].targetPort = true))]), 'VERIFY_K8S_SCHEMA', '/spec/ports/0/targetPort: does not match any allowed form (string, integer)'],
  ['cloudformation', 'unknown field', cfn(broken(cfnTemplate, (d) => (d.Resources.Service.Properties.DesiredCounts = 2))), 'VERIFY_CFN_SCHEMA', '/Resources/Service/Properties/DesiredCounts: unknown field "DesiredCounts" (AWS::ECS::Service)'],
  ['cloudformation', 'wrong type', cfn(broken(cfnTemplate, (d) => (d.Resources.LogGroup.Properties.RetentionInDays = 'thirty'))), 'VERIFY_CFN_SCHEMA', '/Resources/LogGroup/Properties/RetentionInDays: must be integer'],
  ['cloudformation', 'dangling Ref', cfn(broken(cfnTemplate, (d) => (d.Resources.Service.Properties.Cluster = { Ref: 'Clusterr' }))), 'VERIFY_CFN_REFERENCE', '/Resources/Service/Properties/Cluster/Ref: Ref names "Clusterr"'],
  ['cloudformation', 'dangling Sub', cfn(broken(cfnTemplate, (d) => (d.Resources.LogGroup.Properties.LogGroupName = { 'Fn::Sub': '/ecs/${AppName}' }))), 'VERIFY_CFN_REFERENCE', '/Resources/LogGroup/Properties/LogGroupName/Fn::Sub: Fn::Sub uses ${AppName}'],
  ['cloudformation', 'dangling GetAtt attribute', cfn(broken(cfnTemplate, (d) => (d.Outputs.ClusterArn.Value = { 'Fn::GetAtt': ['Cluster', 'ClusterArn'] }))), 'VERIFY_CFN_REFERENCE', '/Outputs/ClusterArn/Value/Fn::GetAtt: AWS::ECS::Cluster has no attribute "ClusterArn"'],
  ['cloudformation', 'dangling DependsOn', cfn(broken(cfnTemplate, (d) => (d.Resources.Service.DependsOn = ['Listener']))), 'VERIFY_CFN_REFERENCE', '/Resources/Service/DependsOn/0: DependsOn names "Listener"'],
  ['cloudformation', 'dangling condition', cfn(broken(cfnTemplate, (d) => (d.Resources.Service.Properties.DesiredCount = { 'Fn::If': ['IsProduction', 3, 1] }))), 'VERIFY_CFN_REFERENCE', '/Resources/Service/Properties/DesiredCount/Fn::If: Fn::If names the condition "IsProduction"'],
  ['cloudformation', 'invalid enum', cfn(broken(cfnTemplate, (d) => (d.Resources.Service.Properties.LaunchType = 'SPOT'))), 'VERIFY_CFN_SCHEMA', '/Resources/Service/Properties/LaunchType: must be one of "EC2", "FARGATE", "EXTERNAL"'],
  ['cloudformation', 'read-only property', cfn(broken(cfnTemplate, (d) => (d.Resources.LogGroup.Properties.Arn = 'arn:aws:logs:x'))), 'VERIFY_CFN_SCHEMA', '/Resources/LogGroup/Properties/Arn: Arn is read-only in AWS::Logs::LogGroup'],
  ['cloudformation', 'template section', cfn(broken(cfnTemplate, (d) => (d.Output = {}))), 'VERIFY_CFN_SCHEMA', '/Output: unknown field "Output"'],
  ['copilot', 'unknown field', copilot(broken(copilotManifest, (d) => (d.http.healthcheck.succes_codes = '200'))), 'VERIFY_COPILOT_FIELD', '/http/healthcheck/succes_codes: unknown field "succes_codes"'],
  ['copilot', 'wrong type', copilot(broken(copilotManifest, (d) => (d.cpu = '512'))), 'VERIFY_COPILOT_FIELD', '/cpu: must be an integer, not "512"'],
  ['copilot', 'dangling reference', copilot(broken(copilotManifest, (d) => (d.image.depends_on = { nginx: 'start' }))), 'VERIFY_COPILOT_FIELD', '/image/depends_on/nginx: depends on "nginx", which is neither the service nor one of its sidecars'],
  ['copilot', 'invalid enum', copilot(broken(copilotManifest, (d) => (d.deployment.rolling = 'bluegreen'))), 'VERIFY_COPILOT_FIELD', '/deployment/rolling: must be one of "default", "recreate"'],
  ['copilot', 'environment override', copilot(broken(copilotManifest, (d) => (d.environments.prod.count = { range: { minimum: 1 } }))), 'VERIFY_COPILOT_FIELD', '/environments/prod/count/range/minimum: unknown field "minimum"'],
  ['copilot', 'unknown workload type', copilot(broken(copilotManifest, (d) => (d.type = 'Web Service'))), 'VERIFY_COPILOT_FIELD', '/type: unknown Copilot workload type "Web Service"'],
  ['kustomization', 'unknown field', kust(broken(kustomization, (d) => (d.resource = []))), 'VERIFY_KUSTOMIZE_SCHEMA', '/resource: unknown field "resource"'],
  ['kustomization', 'wrong type', kust(broken(kustomization, (d) => (d.images[0].newTag = 1.27))), 'VERIFY_KUSTOMIZE_SCHEMA', '/images/0/newTag: must be string'],
  ['kustomization', 'dangling reference', kust(broken(kustomization, (d) => d.resources.push('ingress.yaml'))), 'VERIFY_KUSTOMIZE_REFERENCE', '/resources/2: "ingress.yaml" names a file or a folder with a kustomization that is not among the generated artifacts'],
  ['kustomization', 'invalid enum', kust(broken(kustomization, (d) => (d.kind = 'Kustomisation'))), 'VERIFY_KUSTOMIZE_SCHEMA', '/kind: kind must be Kustomization or Component'],
];

describe('deliberately broken artifacts', () => {
  it.each(CASES)('%s: %s', (_target, _case, artifacts, code, message) => {
    const found = errors(artifacts);
    const hit = found.find((d) => d.code === code && d.message.startsWith(message));
    expect(hit, found.map((d) => `${d.code} ${d.message}`).join('\n')).toBeDefined();
    expect(hit).toMatchObject({ severity: 'error', source: 'verify', file: artifacts[0]!.path, origin: artifacts[0]!.emitter, path: [] });
  });

  it('covers the four kinds of break for every target', () => {
    for (const target of ['ecs', 'kubernetes', 'cloudformation', 'copilot', 'kustomization']) {
      const kinds = CASES.filter((c) => c[0] === target).map((c) => c[1].split(' ').slice(-2).join(' '));
      for (const k of ['unknown field', 'wrong type', 'invalid enum']) expect(kinds, target).toContain(k);
      expect(CASES.some((c) => c[0] === target && c[1].startsWith('dangling')), target).toBe(true);
    }
  });
});

describe('the CloudFormation template section', () => {
  it('takes AWSTemplateFormatVersion as a string, refuses other versions, and leaves the vendored schema as it was read', () => {
    const vendored = JSON.stringify(readData('cloudformation/template/template_configuration.json'));
    expect(errors(cfn(cfnTemplate()))).toEqual([]);
    const other = broken(cfnTemplate, (d) => {
      d.AWSTemplateFormatVersion = '2011-01-01';
    });
    expect(errors(cfn(other)).map((d) => `${d.code} ${d.message}`)).toEqual(['VERIFY_CFN_SCHEMA /AWSTemplateFormatVersion: must be one of "2010-09-09".']);
    // cfn-lint's own type list, `date` included, is what the shared data still holds.
    expect(JSON.stringify(readData('cloudformation/template/template_configuration.json'))).toBe(vendored);
    expect(vendored).toContain('"date"');
  });
});

describe('CloudFormation leniency', () => {
  it('accepts numbers written as strings and values given by intrinsic functions', () => {
    const t = broken(cfnTemplate, (d) => {
      d.Resources.LogGroup.Properties.RetentionInDays = '30';
      d.Resources.Service.Properties.LaunchType = { 'Fn::If': ['IsProd', 'FARGATE', 'EC2'] };
    });
    expect(errors(cfn(t))).toEqual([]);
  });

  it('accepts scalars CloudFormation converts in the Parameters section, and still refuses what it cannot convert', () => {
    // cfn-lint 1.51 gives no error for these three parameters and E2001 for the object Default.
    const t = broken(cfnTemplate, (d) => {
      d.Parameters = {
        ...d.Parameters,
        Port: { Type: 'Number', Default: 8080, AllowedValues: [80, 8080], MinValue: '1' },
        Flag: { Type: 'String', Default: true },
        Bad: { Type: 'String', Default: { a: 1 } },
      };
      d.Resources.LogGroup.Properties.LogGroupName = { 'Fn::Sub': '/ecs/${Port}-${Flag}-${Bad}' };
    });
    expect(errors(cfn(t)).map((d) => `${d.code} ${d.message}`)).toEqual(['VERIFY_CFN_SCHEMA /Parameters/Bad/Default: must be string.']);
  });

  it('judges what lies beside an intrinsic function, never what it gives or what lies under it', () => {
    const service = (lb: Json): JsonObject =>
      broken(cfnTemplate, (d) => {
        d.Resources.Service.Properties.LoadBalancers = [lb];
      });
    const at = (t: JsonObject) => errors(cfn(t)).map((d) => `${d.code} ${d.message.split(':')[0]}`);
    // An intrinsic deep in an item, a wrong field beside it: only that field is reported.
    expect(at(service({ ContainerName: 'app', ContainerPort: { 'Fn::Select': [0, [8080]] }, TargetGroupArn: { 'Fn::If': ['IsProd', { 'Fn::Sub': 'arn:${AWS::Partition}:x' }, { Ref: 'AWS::NoValue' }] }, Bogus: 1 }))).toEqual([
      'VERIFY_CFN_SCHEMA /Resources/Service/Properties/LoadBalancers/0/Bogus',
    ]);
    // The whole item given by a function (whatever it holds), or a field of the wrong type given by one.
    expect(at(service({ 'Fn::If': ['IsProd', { Bogus: 1 }, { Ref: 'AWS::NoValue' }] }))).toEqual([]);
    expect(at(service({ ContainerName: 'app', ContainerPort: { 'Fn::Select': [0, [{ Bogus: 1 }]] } }))).toEqual([]);
  });

  it('does not report mutually exclusive properties when one may be AWS::NoValue', () => {
    const alarm = (statistic: Json): JsonObject => ({
      Resources: {
        Alarm: {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: { ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Period: 60, Threshold: 80, Statistic: statistic, ExtendedStatistic: 'p99' },
        },
      },
      Conditions: { UseP99: { 'Fn::Equals': ['a', 'a'] } },
    });
    expect(errors(cfn(alarm({ 'Fn::If': ['UseP99', { Ref: 'AWS::NoValue' }, 'Average'] })))).toEqual([]);
    expect(errors(cfn(alarm('Average'))).map((d) => d.code)).toEqual(['VERIFY_CFN_SCHEMA']);
  });
});

describe('kind detection', () => {
  it('uses the artifact kind, and the document shape when the kind is free text', () => {
    const a = (kind: string, path = 'x/out.yaml') => ({ kind, path });
    expect(detectKind(a('ecs-task-definition'), {})).toBe('ecs-task-definition');
    expect(detectKind(a('ecs/taskdef'), ecsTaskDefinition())).toBe('ecs-task-definition');
    expect(detectKind(a('k8s'), k8sDeployment())).toBe('kubernetes');
    expect(detectKind(a('ecs-service'), cfnTemplate())).toBe('cloudformation');
    expect(detectKind(a('workload'), copilotManifest())).toBe('copilot-manifest');
    expect(detectKind(a('kubernetes', 'x/kustomization.yaml'), kustomization())).toBe('kustomization');
    expect(detectKind(a('notes'), { hello: 'world' })).toBeUndefined();
  });

  it('verifies free-text kinds by shape and skips text artifacts', () => {
    const arts: Artifact[] = [
      { ...artifact('whatever', 'web/ecs/td.json', [broken(ecsTaskDefinition, (d) => (d.cpu = 512))], 'json') },
      { path: 'web/README.md', format: 'text', text: '# hi', kind: 'docs', emitter: 'docs' },
    ];
    expect(errors(arts).map((d) => d.message)).toEqual(['/cpu: must be a string, not 512.']);
  });

  it('reports an unrecognised document as info', () => {
    const d = verifyArtifacts([artifact('notes', 'web/notes.yaml', [{ hello: 'world' }])]);
    expect(d.map((x) => [x.code, x.severity])).toEqual([['VERIFY_UNRECOGNIZED', 'info']]);
  });
});

describe('the kustomization schema', () => {
  it('takes the deprecated fields kustomize still reads (imageTags, helmChartInflationGenerator) and leaves the vendored schema as it was read', () => {
    const vendored = readData<Doc>('kustomize/kustomization.json');
    const before = JSON.stringify(vendored);
    const old = broken(kustomization, (d) => {
      d.imageTags = [{ name: 'web', newTag: 'v2' }];
      d.helmChartInflationGenerator = [{ chartName: 'web' }];
    });
    expect(verifyArtifacts(kust(old)).filter((x) => x.severity !== 'info')).toEqual([]);
    // Still strict: a field kustomize does not know is an error.
    expect(errors(kust(broken(kustomization, (d) => (d.imageTag = [])))).map((x) => x.message)).toEqual(['/imageTag: unknown field "imageTag".']);
    expect(JSON.stringify(readData('kustomize/kustomization.json'))).toBe(before);
    expect(vendored.definitions.Kustomization.properties.imageTags).toBeUndefined();
  });
});
