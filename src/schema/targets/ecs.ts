/** `targets.ecs`: what the ECS task definition and the ECS service CloudFormation need beyond the core. */
import { arnPattern } from '../core-schema.js';
import { arr, bool, enumOf, int, map, obj, oneOf, str, type JsonSchema } from '../dsl.js';
import { ECS_LOGICAL_IDS, LOGICAL_ID_PATTERN, logicalIdDescriptions } from '../logical-ids.js';

/** An ARN; CloudFormation takes `${Name}` parameters and pseudo parameters in it (`arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x`). */
const arn = (d: string, service: string) => str(`${d} May use \`\${Name}\` parameters and pseudo parameters.`, { pattern: arnPattern(service) });
/**
 * An IAM role ARN as CloudFormation and IAM accept it: a 12-digit account and a role path and name;
 * the partition, the account and parts of the name may be `${Name}` parameters or pseudo parameters,
 * and the whole value may be one `${Name}` parameter.
 */
export const ROLE_ARN_PATTERN = '^(arn:(aws[a-z-]*|\\$\\{AWS::Partition\\}):iam::([0-9]{12}|\\$\\{[A-Za-z0-9:]+\\}):role/([A-Za-z0-9+=,.@_/-]|\\$\\{[A-Za-z0-9:]+\\})+|\\$\\{[A-Za-z0-9]+\\})$';
const roleArn = (d: string) => str(`${d} May use \`\${Name}\` parameters and pseudo parameters.`, { pattern: ROLE_ARN_PATTERN });
const cfnRefOrString = (d: string) => str(`${d} A literal value; when omitted the template takes a typed Parameter (or imports it from the platform).`);

/** A CloudFormation logical ID: letters and digits, at most 255 characters. */
export { LOGICAL_ID_PATTERN };
/** Resource roles of the ECS service template whose logical ID a spec may fix, with codegen's own ID (src/schema/logical-ids.ts). */
export const ECS_LOGICAL_ID_ROLES: Readonly<Record<string, string>> = logicalIdDescriptions(ECS_LOGICAL_IDS);

/** `logicalIds` of a target: one optional logical ID per role. */
export function logicalIdsSchema(target: string, roles: Readonly<Record<string, string>>): JsonSchema {
  return obj(
    `Fixed logical IDs for adopting an existing stack: resource role → the logical ID the deployed stack already has, so CloudFormation updates those resources instead of replacing them. Every Ref, Fn::GetAtt, Fn::Sub and DependsOn of the ${target} template follows. Letters and digits only; unique; not an ID another resource or parameter of the template has.`,
    Object.fromEntries(Object.entries(roles).map(([role, what]) => [role, str(`Logical ID of ${what}.`, { pattern: LOGICAL_ID_PATTERN })])),
  );
}

export const ecsTargetProperties: Record<string, JsonSchema> = {
  family: str('Task definition family (default: the service name); may use `${Name}` parameters, e.g. `${App}-TaskDef` (the task definition JSON takes their defaults).', { pattern: '^([A-Za-z0-9_-]|\\$\\{[A-Za-z0-9]+\\})+$', maxLength: 255 }),
  launchType: enumOf('Launch type.', ['FARGATE', 'EC2'], { default: 'FARGATE' }),
  networkMode: enumOf('Task network mode (Fargate requires awsvpc).', ['awsvpc', 'bridge', 'host'], { default: 'awsvpc' }),
  platformVersion: str('Fargate platform version (default LATEST).', { pattern: '^(LATEST|[0-9]+\\.[0-9]+\\.[0-9]+)$' }),
  operatingSystem: enumOf('Runtime platform operating system family.', ['LINUX', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2022_CORE', 'WINDOWS_SERVER_2022_FULL']),
  cpuArchitecture: enumOf('Runtime platform CPU architecture.', ['X86_64', 'ARM64']),
  cpu: oneOf('Task CPU override: CPU units (`512`) or a vCPU string (`0.5 vCPU`). Default: derived from resources.', [
    { type: 'integer', minimum: 128, description: 'CPU units (1024 = 1 vCPU).' },
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)? ?(vCPU|vcpu)$', description: 'vCPU, e.g. `1 vCPU`.' },
  ]),
  memory: oneOf('Task memory override: MiB (`1024`) or a GB string (`1 GB`). Default: derived from resources. Fargate takes only the memory sizes paired with its CPU sizes (512 MiB and up); on EC2 ECS accepts any value, and codegen asks for at least 6 MiB, the least memory Docker 20.10 and later gives a container.', [
    { type: 'integer', minimum: 6, description: 'MiB (at least 6).' },
    { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)? ?(GB|gb)$', description: 'GB, e.g. `2 GB`.' },
  ]),
  containerResources: bool('Also write container-level cpu/memory/memoryReservation (default false: task-level only).'),
  executionRoleArn: roleArn('Task execution role ARN. When omitted, the CloudFormation target creates one scoped to the referenced secrets.'),
  taskRoleArn: roleArn('Task role ARN (what the application may call).'),
  executionRole: obj('The task execution role the CloudFormation target creates when `executionRoleArn` is not given. By default its inline policy allows exactly what the task needs: log writes to its group, pulls from the ECR repositories of its images, reads of exactly the secrets it references.', {
    awsManagedPolicy: bool('Attach the AWS managed policy `AmazonECSTaskExecutionRolePolicy` (ECR pulls and CloudWatch Logs writes on every resource) instead of the scoped log and ECR statements; secret reads stay scoped (the managed policy has none). Default false.'),
    managedPolicyArns: arr('More managed policies to attach (e.g. one granting `kms:Decrypt` on the key of your secrets).', { type: 'string', pattern: '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9+=,.@_/-]+$', description: 'IAM managed policy ARN.' }, { uniqueItems: true }),
  }),
  taskRole: obj('A task role for the CloudFormation target to create when `taskRoleArn` is not given: what the application may call. codegen adds what ECS Exec and the X-Ray daemon need.', {
    managedPolicyArns: arr('Managed policies to attach, e.g. `arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess`.', { type: 'string', pattern: '^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/[A-Za-z0-9+=,.@_/-]+$', description: 'IAM managed policy ARN.' }, { uniqueItems: true, minItems: 1 }),
  }),
  requiresCompatibilities: arr('Launch types the task definition is validated against (RegisterTaskDefinition `requiresCompatibilities`). Default: `[launchType]`. An empty list leaves the field out, so the task definition names no launch type (ECS then validates it for EC2 and reports what else it is compatible with).', enumOf('A launch type.', ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']), { uniqueItems: true }),
  xrayDaemonImage: str('X-Ray daemon image added as a sidecar when `tracing.xray` is on (default: a pinned public.ecr.aws/xray/aws-xray-daemon release).', { minLength: 1 }),
  stopTimeout: int('Seconds to wait before the container is killed on stop (2–120).', { minimum: 2, maximum: 120 }),
  service: obj('The ECS service (CloudFormation target).', {
    name: str('Service name (default: the service name); may use `${Name}` parameters, e.g. `${App}-service`.'),
    cluster: cfnRefOrString('ECS cluster name (CodeDeploy and Application Auto Scaling address the cluster by name).'),
    subnets: arr('Subnet IDs for awsvpc tasks; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::Subnet::Id`).', { type: 'string', pattern: '^(subnet-[0-9a-f]+|\\$\\{[A-Za-z0-9]+\\})$', description: 'Subnet ID, or `${Name}`.' }),
    securityGroups: arr('Security group IDs; an item may be one `${Name}` parameter (e.g. of type `AWS::EC2::SecurityGroup::Id`).', { type: 'string', pattern: '^(sg-[0-9a-f]+|\\$\\{[A-Za-z0-9]+\\})$', description: 'Security group ID, or `${Name}`.' }),
    assignPublicIp: bool('Give tasks public IPs (default false).'),
    vpcId: str('VPC ID for the target groups.', { pattern: '^vpc-[0-9a-f]+$' }),
    listenerArn: arn('Production listener ARN.', 'elasticloadbalancing'),
    loadBalancerArn: arn('Load balancer ARN for a listener of the template\'s own: the Network Load Balancer of `expose.loadBalancer: network`, or the Application Load Balancer of `codeDeploy.via: hook` (the CloudFormation blue/green hook names its listeners by logical ID, so they must be resources of the template). When omitted the template takes a Parameter.', 'elasticloadbalancing'),
    testListenerArn: arn('Test listener ARN (blue/green): test traffic reaches the new tasks before production does. CodeDeploy deployments always get a test listener (a Parameter when omitted); ECS-native ones only when this is set.', 'elasticloadbalancing'),
    loadBalancerRoleArn: roleArn('Role ECS assumes to move traffic between the target groups in ECS-native blue/green, linear and canary deployments (managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers). When omitted the template creates one.'),
    autoscalingRoleArn: roleArn('Role Application Auto Scaling uses to change the desired count (the scalable target\'s `RoleARN`); when omitted it uses its service-linked role for ECS, which AWS recommends.'),
    listenerRulePriority: int('Priority of the listener rule that routes to this service (1–50000).', { minimum: 1, maximum: 50000 }),
    pathPatterns: arr('The listener rule\'s path-pattern values as written, instead of the prefixes codegen derives from `expose.path`/`paths` (`<p>` and `<p>/*`): ALB path patterns, case-sensitive, with `*` and `?` wildcards (`/` alone is the exact root, `hello*` needs no leading slash), or one `${Name}` parameter. At most three per rule; more become further rules. The other targets keep `expose.path`/`paths`.', { type: 'string', pattern: '^([-A-Za-z0-9_.$/~"\'@:+&*?]{1,128}|\\$\\{[A-Za-z0-9]+\\})$', description: 'An ALB path pattern (at most 128 characters), or `${Name}`.' }, { minItems: 1, uniqueItems: true }),
    listenerPort: int('Port of the production listener the template creates with `codeDeploy.via: hook` (default 443 with `expose.tls.certificateArn`, else 80).', { minimum: 1, maximum: 65535 }),
    testListenerPort: int('Port of a test listener the template creates with `codeDeploy.via: hook` (its TestTrafficRoute): test traffic reaches the new tasks before production traffic moves. Default: no test listener.', { minimum: 1, maximum: 65535 }),
    enableExecuteCommand: bool('Enable ECS Exec (`aws ecs execute-command`).'),
    capacityProviders: arr('Capacity provider strategy.', obj('One provider.', {
      provider: str('Capacity provider name (e.g. FARGATE, FARGATE_SPOT).'),
      weight: int('Weight.', { minimum: 0, maximum: 1000 }),
      base: int('Base.', { minimum: 0, maximum: 100000 }),
    }, ['provider'])),
    serviceDiscovery: obj('AWS Cloud Map service discovery (`ServiceRegistries`): ECS registers every task in a Cloud Map service, created in `namespaceId` or given by `registryArn`.', {
      namespaceId: str('Cloud Map namespace ID (`ns-...`) the service is created in; a template Parameter defaulting to it (the deployer fills it when omitted).', { pattern: '^ns-[a-z0-9]+$' }),
      registryArn: arn('An existing Cloud Map service to register in (no service is created; the DNS settings are that service\'s).', 'servicediscovery'),
      name: str('Cloud Map service name, the DNS label clients resolve (default: the service name).', { pattern: '^((?=^.{1,127}$)^([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9])(\\.([a-zA-Z0-9_][a-zA-Z0-9-_]{0,61}[a-zA-Z0-9_]|[a-zA-Z0-9]))*$)$' }),
      dnsRecordType: enumOf('DNS record type: `A` (the task IP; awsvpc only) or `SRV` (IP and port; required for bridge and host networking). Default: A under awsvpc, SRV otherwise.', ['A', 'SRV']),
      ttl: int('DNS record TTL in seconds (default 60).', { minimum: 0, maximum: 2147483647 }),
      port: int('Container port of an SRV record (default: the exposed or first port of the main container).', { minimum: 1, maximum: 65535 }),
      attributes: map('Custom attributes of the Cloud Map service (`ServiceAttributes`).', { type: 'string', maxLength: 1024, description: 'Attribute value.' }, '^[a-zA-Z0-9!-~]{1,255}$'),
    }),
    serviceConnect: obj('ECS Service Connect (successor of App Mesh on ECS).', {
      namespace: str('Cloud Map namespace name or ARN.'),
      discoveryName: str('Discovery name (default: the service name).'),
      dnsName: str('Client alias DNS name (default: the discovery name).'),
      port: int('Client alias port (default: the main service port).', { minimum: 1, maximum: 65535 }),
    }),
    tags: map('Tags on the ECS service alone, besides the labels (which tag every resource); a key here overrides the label of the same key. CloudFormation rules apply: key 1–128 and value up to 256 characters, no `aws:` prefix, at most 50 tags.', { type: 'string', description: 'Value.' }),
  }),
  taskDefinitionJson: bool('Write `ecs/task-definition.json` (default true). Set false when the service is deployed only through the CloudFormation template, e.g. when a value is a pseudo parameter or a parameter without a default, which the JSON cannot hold.'),
  logicalIds: logicalIdsSchema('ECS service', ECS_LOGICAL_ID_ROLES),
  templateFormat: enumOf('Format of the service CloudFormation template: `yaml` (default, `ecs/service.cfn.yaml`) or `json` (`ecs/service.cfn.json`).', ['yaml', 'json'], { default: 'yaml' }),
  controller: enumOf('Who runs blue/green, canary and linear deployments: ECS itself (recommended by AWS) or CodeDeploy. Default: ECS.', ['ECS', 'CODE_DEPLOY']),
  minimumHealthyPercent: int('Rolling: minimum healthy percent of the desired count during a deployment.', { minimum: 0, maximum: 100 }),
  maximumPercent: int('Rolling: maximum percent of the desired count during a deployment.', { minimum: 100, maximum: 200 }),
  circuitBreaker: bool('Rolling deployments: the deployment circuit breaker (default true); it rolls back when `deployment.rollbackOnFailure` is true.'),
  codeDeploy: obj('CodeDeploy names and configuration (controller CODE_DEPLOY).', {
    applicationName: str('CodeDeploy application name (default `<name>`).'),
    deploymentGroupName: str('Deployment group name (default `<name>-dg`).'),
    deploymentConfigName: str('A predefined config such as `CodeDeployDefault.ECSLinear10PercentEvery1Minutes`; default: derived from the strategy.'),
    serviceRoleArn: roleArn('CodeDeploy service role ARN; when omitted the template creates one. With `via: hook` the hook\'s ServiceRole is the name in this ARN.'),
    via: enumOf('How CodeDeploy runs the deployment: `deploymentGroup` (default) writes a CodeDeploy application and deployment group that a pipeline deploys with `aws deploy create-deployment`; `hook` writes the CloudFormation blue/green hook (`Transform: AWS::CodeDeployBlueGreen`, `Hooks`, an EXTERNAL-controller service with `AWS::ECS::TaskSet` and `AWS::ECS::PrimaryTaskSet`), so a stack update that replaces the task definition runs the blue/green deployment. The hook\'s limits apply: no Outputs, no imports (so no `platform`), the listeners are resources of the template (`service.loadBalancerArn`), traffic steps of at least 14%.', ['deploymentGroup', 'hook']),
    serviceRoleName: str('With `via: hook`: the name of the existing IAM role the hook\'s ServiceRole names (default: the name in `serviceRoleArn`).', { pattern: '^[A-Za-z0-9+=,.@_-]{1,64}$' }),
  }),
};
