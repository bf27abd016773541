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
