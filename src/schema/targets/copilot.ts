/** `targets.copilot` (legacy: the AWS Copilot CLI reached end of support on 2026-06-12). */
import { arr, bool, enumOf, int, map, obj, oneOf, str, type JsonSchema } from '../dsl.js';

export const copilotTargetProperties: Record<string, JsonSchema> = {
  acknowledgeDeprecation: bool('Silence the deprecation diagnostic for this legacy target.'),
  type: enumOf('Copilot workload type (default: Load Balanced Web Service when `expose.public`, else Backend Service).', [
    'Load Balanced Web Service',
    'Backend Service',
    'Worker Service',
  ]),
  build: oneOf('How Copilot builds the image (`image.build`, instead of `image.location`): a Dockerfile path (its folder is the build context), or the build settings. Paths are relative to the workspace root.', [
    { type: 'string', minLength: 1, description: 'Dockerfile path.' },
    obj('Build settings (`docker build --file <dockerfile> --target <target> --cache-from <image> --build-arg <key>=<value> <context>`).', {
      dockerfile: str('Dockerfile path (default: `Dockerfile` in the context).', { minLength: 1 }),
      context: str('Build context folder (default: the folder of the Dockerfile).', { minLength: 1 }),
      target: str('Stage of a multi-stage Dockerfile to build.', { minLength: 1 }),
      cacheFrom: arr('Images to use as build cache (`cache_from`).', { type: 'string', minLength: 1, description: 'Image reference.' }, { minItems: 1 }),
      args: map('Build arguments (`--build-arg`).', { type: 'string', description: 'Value.' }, '^[A-Za-z_][A-Za-z0-9_]*$'),
    }, [], { minProperties: 1 }),
  ]),
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
  nlb: obj('A Network Load Balancer next to the HTTP one of a Load Balanced Web Service (`nlb` with `http`), e.g. for a UDP or TCP port besides the web traffic. `expose` says the HTTP side; an NLB-only service is `expose.loadBalancer: network`.', {
    port: int('Port the NLB listens on (`nlb.port`).', { minimum: 1, maximum: 65535 }),
    protocol: enumOf('Listener protocol (default `tcp`; `tls` terminates TLS with the environment\'s certificate).', ['tcp', 'udp', 'tls']),
    targetPort: int('Container port the NLB sends to (`nlb.target_port`; default: `port`).', { minimum: 1, maximum: 65535 }),
    healthCheckPort: int('Port the NLB\'s TCP health check connects to (`nlb.healthcheck.port`; default: the target port).', { minimum: 1, maximum: 65535 }),
  }, ['port']),
  alb: str('An existing Application Load Balancer the service goes behind instead of the environment\'s, by name or ARN (`http.alb`): Copilot adds the listener rules to it. A public one for a Load Balanced Web Service, an internal one for a Backend Service.', { minLength: 1, maxLength: 2048 }),
  hostedZone: str('Route 53 hosted zone ID in which Copilot writes the A records of the aliases (`expose.hosts` → `http.alias`; `http.hosted_zone`), for an environment whose domain Copilot does not manage (for example, with imported certificates).', { pattern: '^Z[A-Z0-9]{1,31}$' }),
  rolling: enumOf('Copilot rolling deployment mode (`deployment.rolling`): `default` keeps 100% healthy and doubles during the deploy, `recreate` stops old tasks first.', ['default', 'recreate']),
};
