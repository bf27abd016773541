/** `targets.copilot` (legacy: the AWS Copilot CLI reached end of support on 2026-06-12). */
import { bool, enumOf, str, type JsonSchema } from '../dsl.js';

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
  rolling: enumOf('Copilot rolling deployment mode (`deployment.rolling`): `default` keeps 100% healthy and doubles during the deploy, `recreate` stops old tasks first.', ['default', 'recreate']),
};
