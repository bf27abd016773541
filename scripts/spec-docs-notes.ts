/**
 * The parts of docs/spec.md that are rules across fields rather than one field's description:
 * names per target, the duration syntax, and the names a CloudFormation reference may use.
 * Appended to the generated reference by `specDocs` (scripts/spec-docs.ts); test/spec-notes.test.ts
 * checks the duration examples against the parser and the schema, and the name table against the
 * rules that enforce it.
 */
export const SPEC_NOTES = `## Names

Every target has its own rules for names; codegen checks them before it writes anything (the schema
for the spec's own syntax, the \`valid-names\` rule for what a selected target adds) and every error
states the rule the name broke.

| name | where it goes | rule |
|---|---|---|
| \`name\` | every target | DNS-1123 label: lowercase letters, digits and \`-\`, starting with a letter, not ending with \`-\`, at most 63 characters (schema) |
| \`name\` on Copilot | manifest \`name\` | also no \`--\`, at least 2 characters (valid-names) |
| \`name\` + \`-green\` on ECS with \`expose\` | target group names | letters, digits and \`-\`, at most 32 characters (valid-names) |
| Kubernetes Service name (\`name\`, \`targets.kubernetes.service.name\`) | Service | DNS-1035 label: as above, starting with a letter (valid-names) |
| \`containerName\`, \`sidecars.<name>\` | ECS, Copilot | up to 255 letters, digits, \`_\` and \`-\` (schema) |
| \`containerName\`, \`sidecars.<name>\` on Kubernetes | container \`name\` | DNS-1123 label: lowercase letters, digits and \`-\`, starting and ending with a letter or digit, at most 63 (valid-names); give the kubernetes target its own with \`targets.kubernetes.containerName\`, or \`targets.kubernetes.sidecars.<name>: null\` and the sidecar again under a valid name |
| \`ports[].name\` | port names | lowercase letters, digits and \`-\`, at most 15 characters (schema) |
| \`env\` and \`secrets\` keys | variable names | letters, digits and \`_\`, not starting with a digit (schema) |
| \`labels\` and \`targets.kubernetes.selector\` keys and values on Kubernetes | labels | at most 63 letters, digits, \`-\`, \`_\`, \`.\`, starting and ending with a letter or digit; a key may have a DNS-subdomain prefix and \`/\` (valid-names) |
| \`targets.ecs.service.name\` | ECS service | letters, digits, \`_\` and \`-\`, at most 255 (valid-names) |
| \`targets.ecs.family\` | task definition family | letters, digits, \`_\` and \`-\`, at most 255 (schema) |
| \`targets.ecs.codeDeploy.*Name\` | CodeDeploy | at most 100 characters (valid-names) |
| \`targets.appmesh.*Name\` | App Mesh | at most 255 characters (valid-names) |
| \`targets.*.logicalIds.*\` | CloudFormation logical IDs | letters and digits, at most 255 (schema); unique and not another resource's or parameter's (emitter) |
| \`targets.copilot.publish[].name\` | SNS topic | letters, digits, \`-\` and \`_\`, at most 256 (schema) |

## Durations

A duration is a number of seconds (\`90\`) or a string of whole numbers with units \`h\`, \`m\`, \`s\` and
\`ms\`, largest unit first, each unit at most once: the compound form \`2m30s\` is accepted, as Copilot
and Go write durations. At most one day (86400 s).

- Accepted: \`30s\`, \`5m\`, \`1h\`, \`500ms\`, \`2m30s\`, \`1h30m\`, \`1h0m5s\`, \`1s500ms\`
- Refused: \`30s2m\` (smaller unit first), \`1m1m\` (a unit twice), \`1.5m\` (a fraction), \`2 m\` (a space), \`1d\` (no unit \`d\`), \`10sec\`

Targets get whole units where they need them: ECS and the load balancer take seconds, CodeDeploy and
ECS bake times take minutes (a fraction is rounded up, with an info diagnostic), Kubernetes probes
take seconds, App Mesh milliseconds, and Copilot gets a duration string (\`90s\`, \`5m\`).

## CloudFormation references

\`env.<NAME>.ref.cloudformation\` is an \`Fn::Sub\` string written into the ECS service template
(\`ecs/service.cfn.yaml\`): \`\${Name}\` is the value of a name the template declares, \`\${Resource.Attribute}\`
an attribute of one of its resources, and \`\${!Text}\` writes \`\${Text}\` literally. A name may be:

- a **Parameter** of the generated template: \`ECSCluster\`, and under awsvpc \`Subnets\` and
  \`SecurityGroups\`; with \`expose\` also \`VpcId\`, \`ALBListener\` and \`ListenerRulePriority\`, and
  \`TestListener\` for CodeDeploy (or when \`testListenerArn\` is set). A service in a platform imports
  the cluster, subnets, security group, VPC and listeners instead (\`Fn::ImportValue\`), so those
  names are not declared and \`Fn::Sub\` cannot name an import;
- a **Resource** of the template, by its logical ID (the fixed one when \`targets.ecs.logicalIds\` sets
  it): \`LogGroup\`, \`TaskDefinition\`, \`ECSService\`, and when the spec creates them \`ExecutionRole\`,
  \`TaskRole\`, \`TargetGroup\` (or \`BlueTargetGroup\` and \`GreenTargetGroup\`), \`ListenerRule\`,
  \`TestListenerRule\`, \`LoadBalancerRole\`, \`ScalableTarget\`, \`CpuScalingPolicy\`, \`MemoryScalingPolicy\`,
  \`CodeDeployApplication\`, \`CodeDeployDeploymentGroup\`, \`CodeDeployRole\`, \`DeploymentConfig\`, and with
  the CloudFormation blue/green hook \`ProdListener\` (and \`TestListener\`, then a resource); an
  attribute must be one the resource type has (\`\${LogGroup.Arn}\`, \`\${TargetGroup.TargetGroupFullName}\`);
- a **spec parameter**: a name declared under \`parameters\` (see \`parameters.<name>\` and
  docs/parameters.md); the template declares it, with the spec's type, default and constraints,
  once something references it, this reference included;
- a **pseudo parameter**: \`AWS::AccountId\`, \`AWS::Partition\`, \`AWS::Region\`, \`AWS::StackId\`,
  \`AWS::StackName\`, \`AWS::URLSuffix\` (\`AWS::NoValue\` and the list \`AWS::NotificationARNs\` are no text).

Anything else is an error at compile time (\`CFN_REF_UNKNOWN_NAME\`, \`CFN_REF_UNKNOWN_ATTRIBUTE\`,
\`CFN_REF_SYNTAX\`) that lists the names this template declares and suggests the closest. The task
definition JSON cannot resolve a reference and leaves the variable out (\`ENV_REF_NOT_IN_JSON\`);
Kubernetes and Copilot take their own forms (\`ref.kubernetes\`, \`ref.copilot\`).
`;
