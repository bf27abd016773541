/**
 * `codegen init`: a commented starter spec (with the yaml-language-server `$schema` modeline) and a
 * config next to it. Never overwrites: when either file exists, nothing is written (unless --force).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { replaceFile } from '../project/output-fs.js';
import { basename, join } from 'node:path';

interface InitIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A DNS-1123 label from a folder name, or `my-service`. */
export function serviceNameFrom(folder: string): string {
  const n = folder
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return NAME.test(n) ? n : 'my-service';
}

export function starterSpec(name: string): string {
  return `# yaml-language-server: $schema=./node_modules/svcgen/schema/service.schema.json
# A codegen service spec. \`codegen generate\` compiles it into deployment artifacts under out/${name}/;
# \`codegen validate\` checks it. Every field is described in the schema (hover in your editor).
apiVersion: codegen/v1
name: ${name}
region: us-east-1
# Pin an immutable tag (or a digest); \`latest\` makes deployments unrepeatable.
image: public.ecr.aws/nginx/nginx:1.27.3
ports:
  - port: 8080
# Limits of 0.5 vCPU / 1 GiB are exactly a Fargate task size (no rounding).
resources:
  requests: { cpu: 250m, memory: 512Mi }
  limits: { cpu: 500m, memory: 1Gi }
health:
  # The load balancer's health check (ALB target group, Ingress annotations).
  traffic:
    path: /ready
  # Kubernetes probes: readiness gates traffic, liveness restarts a hung process.
  readiness:
    http: { path: /ready }
  liveness:
    http: { path: /health }
    period: 10s
  # ECS checks the process with a command run in the container (the image must have curl).
  container:
    curl: true
    interval: 30
    timeout: 5
    retries: 3
deployment:
  strategy: rolling
  rolling: { maxSurge: 25%, maxUnavailable: 0 }
logging:
  retentionDays: 30
tracing:
  xray: true
targets:
  ecs:
    # Replace with your task execution role (it pulls the image and writes the logs).
    executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
  kubernetes: {}
`;
}

export function starterConfig(): string {
  const config = {
    $schema: './node_modules/svcgen/schema/config.schema.json',
    specs: ['**/service.yaml'],
    out: 'out',
    templates: [],
    patches: [],
    plugins: [],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Returns the exit code: 0 written, 1 a file exists (nothing written), 2 bad name. */
export async function runInit(args: readonly string[], values: { force?: boolean; name?: string }, io: InitIo): Promise<number> {
  if (args.length) {
    io.stderr(`codegen: init takes no arguments (got ${args.join(' ')}); it writes into the current folder.\n`);
    return 2;
  }
  const name = values.name ?? serviceNameFrom(basename(io.cwd));
  if (!NAME.test(name)) {
    io.stderr(`codegen: --name ${JSON.stringify(name)} is not a valid service name (lowercase letters, digits and hyphens).\n`);
    return 2;
  }
  const files: [string, string][] = [
    ['service.yaml', starterSpec(name)],
    ['codegen.config.json', starterConfig()],
  ];
  const existing = files.filter(([f]) => existsSync(join(io.cwd, f))).map(([f]) => f);
  if (existing.length && !values.force) {
    io.stderr(`codegen: ${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (use --force to overwrite).\n`);
    return 1;
  }
  // --force replaces a file (a link or FIFO there included) by a rename, never writing through it.
  for (const [f, text] of files) {
    if (values.force) replaceFile(join(io.cwd, f), text);
    else writeFileSync(join(io.cwd, f), text, { flag: 'wx' });
  }
  io.stdout(`codegen: wrote ${files.map(([f]) => f).join(' and ')} for service ${name}; next: codegen generate\n`);
  return 0;
}
