/** `targets.copilot` (legacy: the AWS Copilot CLI reached end of support on 2026-06-12). */
import { arr, bool, enumOf, int, obj, oneOf, str, type JsonSchema } from '../dsl.js';

export const copilotTargetProperties: Record<string, JsonSchema> = {
  acknowledgeDeprecation: bool('Silence the deprecation diagnostic for this legacy target.'),
  type: enumOf('Copilot workload type (default: Load Balanced Web Service when `expose.public`, else Backend Service).', [
    'Load Balanced Web Service',
    'Backend Service',
    'Worker Service',
  ]),
  build: str('Dockerfile path for `image.build` (instead of `image.location`).'),
  exec: bool('Enable ECS Exec (`copilot svc exec`).'),
  placement: enumOf('Subnets the tasks run in (`network.vpc.placement`).', ['public', 'private']),
  connect: bool('Join Service Connect in the Copilot environment (`network.connect`).'),
  envFile: str('A `.env` file (path from the workspace root) whose variables the main container gets (`env_file`; Copilot uploads it to S3).', { minLength: 1 }),
  spotFrom: int('Run tasks on Fargate Spot from this task count on: with `autoscaling`, `count.range.spot_from` (the first `spotFrom - 1` tasks stay on Fargate); without, only `1` can be written (`count.spot`: every task on Spot). On ECS the same is `targets.ecs.service.capacityProviders: [{provider: FARGATE, base: <spotFrom - 1>, weight: 0}, {provider: FARGATE_SPOT, weight: 1}]`.', { minimum: 1 }),
  publish: arr('SNS topics the service publishes to (`publish.topics`); Copilot injects their ARNs as `COPILOT_SNS_TOPIC_ARNS`.', obj('A topic.', {
    name: str('Topic name: letters, digits, hyphens and underscores.', { pattern: '^[A-Za-z0-9_-]{1,256}$' }),
    fifo: oneOf('A FIFO topic (`true`), optionally with content-based deduplication.', [
      { type: 'boolean', description: 'FIFO ordering.' },
      obj('FIFO settings.', { contentBasedDeduplication: bool('Deduplicate messages by their body (`content_based_deduplication`).') }),
    ]),
  }, ['name']), { minItems: 1 }),
  securityGroups: arr('More security groups for the tasks (`network.vpc.security_groups`).', { type: 'string', pattern: '^sg-[0-9a-f]+$', description: 'Security group ID.' }, { minItems: 1, uniqueItems: true }),
  denyDefaultSecurityGroup: bool("Leave out the environment's default security group, which lets every service of the environment reach the tasks (`network.vpc.security_groups.deny_default`)."),
  subnets: arr('Subnets the tasks run in (`network.vpc.placement.subnets`), instead of the public or private subnets of `placement`.', { type: 'string', pattern: '^subnet-[0-9a-f]+$', description: 'Subnet ID.' }, { minItems: 1, uniqueItems: true }),
  rolling: enumOf('Copilot rolling deployment mode (`deployment.rolling`): `default` keeps 100% healthy and doubles during the deploy, `recreate` stops old tasks first.', ['default', 'recreate']),
};
