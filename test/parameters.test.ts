/**
 * Spec parameters beyond the fixtures (fixtures/parameters, parameters-pseudo, invalid/parameter-*):
 * the escape `${!Name}`, names a template already uses, parameters reached only through an env
 * `ref.cloudformation`, the execution role of an image whose account is a pseudo parameter, and
 * an environment that changes a default.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../src/compile/compile.js';

const BASE = `apiVersion: codegen/v1
name: ledger
region: us-east-1
ports:
  - port: 8080
targets:
  ecs: { taskDefinitionJson: false }
`;

function template(spec: string, opts: Parameters<typeof compile>[1] = {}): { t: Record<string, any>; codes: string[] } {
  const r = compile(spec, opts);
  const file = r.files.find((f) => f.path.endsWith('ecs/service.cfn.yaml'));
  return { t: file ? parse(file.content) : {}, codes: r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`) };
}

describe('spec parameters', () => {
  it('${!Name} is the literal ${Name}, escaped again inside the Fn::Sub', () => {
    const { t, codes } = template(`${BASE}image: registry.example.com/ledger:\${Tag}\nlogging:\n  group: /ecs/\${!Literal}/\${AWS::StackName}\nparameters:\n  Tag: { default: "1.0" }\n`);
    expect(codes).toEqual([]);
    expect(t.Resources.LogGroup.Properties.LogGroupName).toEqual({ 'Fn::Sub': '/ecs/${!Literal}/${AWS::StackName}' });
  });

  it('a spec parameter named like a logical ID the template uses itself is an error', () => {
    const { codes } = template(`${BASE}image: registry.example.com/ledger:\${LogGroup}\nparameters:\n  LogGroup: { default: "1.0" }\n`);
    expect(codes).toEqual(['PARAMETER_NAME_TAKEN ledger/ecs/service.cfn.yaml already declares LogGroup itself; give the spec parameter another name.']);
  });

  it('a parameter used only in an env ref.cloudformation string is declared by the template', () => {
    const { t, codes } = template(`${BASE}image: nginx:1.27.3\nenv:\n  DB: { ref: { cloudformation: "\${DbHost}:5432" } }\nparameters:\n  DbHost: { description: Database host. }\n  Unused: { default: x }\n`);
    expect(codes).toEqual([]);
    expect(t.Parameters.DbHost).toEqual({ Type: 'String', Description: 'Database host.' });
    expect(t.Parameters.Unused).toBeUndefined();
  });

  it('an ECR image whose account and region are pseudo parameters: the execution role may still pull it', () => {
    const { t, codes } = template(`${BASE}image: \${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/ledger:1.0.0\n`);
    expect(codes).toEqual([]);
    const statements = t.Resources.ExecutionRole.Properties.Policies[0].PolicyDocument.Statement;
    const pull = statements.find((s: { Sid: string }) => s.Sid === 'PullImages');
    expect(pull.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/ledger' });
  });

  it('an environment changes a default; targets without parameters take that environment\'s default', () => {
    const spec = `${BASE.replace('  ecs: { taskDefinitionJson: false }\n', '  ecs: {}\n  kubernetes: {}\n')}image: nginx:\${Tag}\nregion: us-east-1\nparameters:\n  Tag: { default: 1.27.3 }\nenvironments:\n  staging:\n    parameters:\n      Tag: { default: 1.27.4 }\n`;
    const r = compile(spec.replace('region: us-east-1\nports', 'ports'), { env: 'staging' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const k8s = parse(r.files.find((f) => f.path === 'ledger/kubernetes/deployment.yaml')!.content);
    expect(k8s.spec.template.spec.containers[0].image).toBe('nginx:1.27.4');
    const cfn = parse(r.files.find((f) => f.path === 'ledger/ecs/service.cfn.yaml')!.content);
    expect(cfn.Parameters.Tag.Default).toBe('1.27.4');
  });

  it('secret ARNs with pseudo parameters: valueFrom and the execution role read exactly them', () => {
    const { t, codes } = template(`${BASE}image: nginx:1.27.3\nsecrets:\n  DB: { aws: { secretsManager: "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:db-AbCdEf", jsonKey: password } }\n  API: { aws: { ssm: "arn:aws:ssm:us-east-1:\${AWS::AccountId}:parameter/api" } }\n  BAD: { aws: { ssm: "arn:\${AWS::Partition}:s3:::bucket" } }\n`);
    expect(codes).toEqual(['SECRET_WRONG_ARN ssm takes an SSM parameter name or ARN; this ARN is for another service.']);
    const ok = template(`${BASE}image: nginx:1.27.3\nsecrets:\n  DB: { aws: { secretsManager: "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:db-AbCdEf", jsonKey: password } }\n`);
    expect(ok.codes).toEqual([]);
    const container = ok.t.Resources.TaskDefinition.Properties.ContainerDefinitions[0];
    expect(container.Secrets[0].ValueFrom).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-AbCdEf:password::' });
    const read = ok.t.Resources.ExecutionRole.Properties.Policies[0].PolicyDocument.Statement.find((x: { Sid: string }) => x.Sid === 'ReadSecrets');
    expect(read.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db-AbCdEf' });
  });

  it("Copilot's own ${VARIABLES} stay for Copilot to resolve; other targets call them unknown", () => {
    const copilot = `apiVersion: codegen/v1\nname: ledger\nimage: nginx:1.27.3\nports:\n  - port: 8080\ntargets:\n  copilot:\n    acknowledgeDeprecation: true\n    image: registry.example.com/ledger:\${TAG}\n    secrets:\n      DB: { aws: { ssm: "/copilot/\${COPILOT_APPLICATION_NAME}/\${COPILOT_ENVIRONMENT_NAME}/db" } }\n`;
    const r = compile(copilot);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const manifest = parse(r.files.find((f) => f.path.endsWith('manifest.yml'))!.content);
    expect(manifest.image.location).toBe('registry.example.com/ledger:${TAG}');
    expect(manifest.secrets.DB).toBe('/copilot/${COPILOT_APPLICATION_NAME}/${COPILOT_ENVIRONMENT_NAME}/db');
    const both = compile(copilot.replace('image: nginx:1.27.3', 'image: registry.example.com/ledger:${TAG}').replace('targets:\n', 'targets:\n  kubernetes: {}\n'));
    expect(both.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['PARAMETER_UNKNOWN image']);
  });

  it('a value that contains a private-use marker codegen reserves is refused', () => {
    const { codes } = template(`${BASE}image: "nginx:1\u{E000}"\n`);
    expect(codes.map((c) => c.split(' ')[0])).toEqual(['PARAMETER_RESERVED_CHARACTER']);
  });

  it("App Mesh: the virtual service name and each version's discovery take parameters (Fn::Sub), declared once", () => {
    const spec = `apiVersion: codegen/v1\nname: teller\nimage: teller:1.0.0\nports:\n  - { port: 9080, appProtocol: http }\nparameters:\n  Domain: { description: DNS namespace. }\n  Ns: { default: teller.local }\ntargets:\n  appmesh:\n    acknowledgeDeprecation: true\n    virtualNodeName: teller-a\n    virtualServiceName: "teller.\${Domain}"\n    serviceDiscovery:\n      dns: { hostname: "teller-a.\${Domain}" }\n    versions:\n      - { name: teller-a, weight: 1 }\n      - { name: teller-b, weight: 1, serviceDiscovery: { dns: { hostname: "teller-b.\${Domain}" } } }\n      - { name: teller-c, weight: 1, serviceDiscovery: { cloudMap: { namespace: "\${Ns}", service: teller-c } } }\n`;
    const r = compile(spec);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = parse(r.files.find((f) => f.path.endsWith('appmesh/mesh.cfn.yaml'))!.content);
    const nodes = Object.values(t.Resources as Record<string, any>).filter((x) => x.Type === 'AWS::AppMesh::VirtualNode');
    const discovery = Object.fromEntries(nodes.map((n) => [n.Properties.VirtualNodeName, n.Properties.Spec.ServiceDiscovery]));
    expect(discovery['teller-b']).toEqual({ DNS: { Hostname: { 'Fn::Sub': 'teller-b.${Domain}' } } });
    expect(discovery['teller-c'].AWSCloudMap.NamespaceName).toEqual({ Ref: 'Ns' });
    const service = Object.values(t.Resources as Record<string, any>).find((x) => x.Type === 'AWS::AppMesh::VirtualService');
    expect(service.Properties.VirtualServiceName).toEqual({ 'Fn::Sub': 'teller.${Domain}' });
    expect(Object.keys(t.Parameters).filter((k) => k === 'Domain' || k === 'Ns')).toEqual(['Domain', 'Ns']);
    const unknown = compile(spec.replace('"teller-b.\${Domain}"', '"teller-b.\${Domian}"'));
    expect(unknown.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path.join('.')}`)).toEqual(['PARAMETER_UNKNOWN targets.appmesh.versions.1.serviceDiscovery.dns.hostname']);
  });

  it('ECS service subnets and security groups: an item may be a parameter (Ref), declared with its type; a list parameter may not', () => {
    const spec = `${BASE}image: nginx:1.27.3\nparameters:\n  SubnetA: { type: AWS::EC2::Subnet::Id }\n  SubnetB: { type: AWS::EC2::Subnet::Id }\n  Sg: { type: AWS::EC2::SecurityGroup::Id }\n  Both: { type: List<AWS::EC2::Subnet::Id> }\n`;
    const ecs = (service: string) => spec.replace('  ecs: { taskDefinitionJson: false }\n', `  ecs:\n    taskDefinitionJson: false\n    service: ${service}\n`);
    const { t, codes } = template(ecs('{ subnets: ["${SubnetA}", "${SubnetB}", subnet-0a1b2c3d], securityGroups: ["${Sg}"] }'));
    expect(codes).toEqual([]);
    expect(t.Resources.ECSService.Properties.NetworkConfiguration.AwsvpcConfiguration).toEqual({ AssignPublicIp: 'DISABLED', SecurityGroups: [{ Ref: 'Sg' }], Subnets: [{ Ref: 'SubnetA' }, { Ref: 'SubnetB' }, 'subnet-0a1b2c3d'] });
    expect(t.Parameters.SubnetA).toEqual({ Type: 'AWS::EC2::Subnet::Id' });
    expect(t.Parameters.Subnets).toBeUndefined();
    expect(t.Parameters.SecurityGroups).toBeUndefined();
    expect(template(ecs('{ subnets: ["${Both}"] }')).codes.map((c) => c.split(' ')[0])).toEqual(['PARAMETER_TYPE_MISMATCH']);
    expect(template(ecs('{ subnets: ["subnets-${SubnetA}"] }')).codes.map((c) => c.split(' ')[0])).toEqual(['SCHEMA_PATTERN']);
  });

  it('names built from a parameter: the family, the ECS service name and the stream prefix (Fn::Sub); the JSON takes the default', () => {
    const spec = `apiVersion: codegen/v1\nname: sample\nregion: us-east-1\nimage: nginx:1.27.3\nports:\n  - port: 8080\nparameters:\n  App: { default: sample-app }\nlogging:\n  streamPrefix: /\${App}/ecs\ntargets:\n  ecs:\n    family: \${App}-TaskDef\n    service: { name: \"\${App}-service\" }\n`;
    const r = compile(spec);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = parse(r.files.find((f) => f.path.endsWith('ecs/service.cfn.yaml'))!.content);
    expect(t.Resources.TaskDefinition.Properties.Family).toEqual({ 'Fn::Sub': '${App}-TaskDef' });
    expect(t.Resources.ECSService.Properties.ServiceName).toEqual({ 'Fn::Sub': '${App}-service' });
    expect(t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].LogConfiguration.Options['awslogs-stream-prefix']).toEqual({ 'Fn::Sub': '/${App}/ecs' });
    const td = JSON.parse(r.files.find((f) => f.path.endsWith('ecs/task-definition.json'))!.content);
    expect(td.family).toBe('sample-app-TaskDef');
    expect(td.containerDefinitions[0].logConfiguration.options['awslogs-stream-prefix']).toBe('/sample-app/ecs');
    // The service name is judged as it deploys by default (valid-names).
    const bad = compile(spec.replace('App: { default: sample-app }', 'App: { default: "sample app" }'));
    expect(bad.diagnostics.filter((d) => d.code === 'valid-names').map((d) => d.path.join('.'))).toEqual(['targets.ecs.service.name']);
    expect(compile(spec.replace('family: ${App}-TaskDef', 'family: ${App}.TaskDef')).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['SCHEMA_PATTERN']);
  });
});

describe('SSM-typed parameters', () => {
  // AWS::SSM::Parameter::Value<String>: the default is the SSM parameter's name, and CloudFormation
  // resolves its value at deploy time (CloudFormation user guide, "Specifying existing resources at
  // runtime with CloudFormation-supplied parameter types"). A target that holds literals has no value.
  const SPEC = `apiVersion: codegen/v1
name: checkout
region: eu-west-1
image: nginx:1.27.3
ports:
  - port: 8080
env:
  DB_HOST: { param: DatabaseHost }
parameters:
  DatabaseHost: { type: "AWS::SSM::Parameter::Value<String>", default: /shop/database/host }
`;

  it('the template reads it; the task definition JSON and Kubernetes get no literal (never the parameter name)', () => {
    const r = compile(`${SPEC}targets:\n  ecs: {}\n  kubernetes: {}\n`);
    const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    expect(errors).toEqual([
      'PARAMETER_NO_VALUE Kubernetes needs a literal value here: parameter DatabaseHost (AWS::SSM::Parameter::Value<String>) names an SSM parameter, whose value only CloudFormation reads at deploy time.',
      'PARAMETER_NO_VALUE ecs/task-definition.json needs a literal value here: parameter DatabaseHost (AWS::SSM::Parameter::Value<String>) names an SSM parameter, whose value only CloudFormation reads at deploy time.',
    ]);
    expect(r.files).toEqual([]);
  });

  it('deployed through the template only, it compiles: the container reads the Ref', () => {
    const { t, codes } = template(`${SPEC}targets:\n  ecs: { taskDefinitionJson: false }\n`);
    expect(codes).toEqual([]);
    expect(t.Parameters.DatabaseHost).toEqual({ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/shop/database/host' });
    expect(t.Resources.TaskDefinition.Properties.ContainerDefinitions[0].Environment).toEqual([{ Name: 'DB_HOST', Value: { Ref: 'DatabaseHost' } }]);
  });
});
