/**
 * What editors show beyond `description`: `markdownDescription` (hover text with code, which
 * yaml-language-server and VS Code prefer), `examples` (completion) and `default` (the value codegen
 * uses when the field is absent — each one checked against the compiler in
 * test/workflow/editor-schema.test.ts). Kept apart from the field definitions and applied by path,
 * so adding a field and adding a hint never touch the same lines. A path is dotted through
 * `properties`, following `$ref`s into `$defs`; a path that no longer resolves fails the build.
 * The validator ignores all three (scripts/schema-artifacts.ts strips them).
 */
import type { JsonSchema } from './dsl.js';

interface Hint {
  markdownDescription?: string;
  examples?: unknown[];
  default?: unknown;
}

export const EDITOR_HINTS: Record<string, Hint> = {
  apiVersion: { examples: ['codegen/v1'] },
  name: {
    markdownDescription: 'Service name: a DNS-1123 label (lowercase letters, digits and `-`, at most 63 characters). It names the ECS family and service, the Kubernetes Deployment and Service, and the output folder `out/<name>/`.',
    examples: ['payments-api'],
  },
  region: { examples: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
  image: {
    markdownDescription:
      'Container image of the main container: `repository:tag` or `repository@sha256:<digest>`. Pin a version tag or a digest; `latest` makes deployments unrepeatable (rule `no-mutable-image-tag`). Override it per target under `targets.<target>.image`, per environment under `environments.<env>.image`.',
    examples: ['123456789012.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.4.2', 'public.ecr.aws/nginx/nginx-unprivileged:1.30.0'],
  },
  containerName: { default: 'app', examples: ['app', 'web'] },
  ports: {
    markdownDescription: 'Ports the main container listens on; the first is the main port (load balancer, Service, health checks).\n\n```yaml\nports:\n  - port: 8080\n    servicePort: 80\n```',
  },
  'resources.requests.cpu': { examples: ['250m', 0.25] },
  'resources.requests.memory': { examples: ['256Mi', '1Gi'] },
  'resources.limits.cpu': {
    markdownDescription: 'CPU limit in Kubernetes notation: `500m` (millicores) or `0.5` (cores), or in ECS CPU units: `10 units`. On ECS millicores become whole CPU units, rounded up (`500m` = 512, `10m` = 11) and, with memory, the smallest Fargate task size that holds it.',
    examples: ['500m', 1],
  },
  'resources.limits.memory': {
    markdownDescription: 'Memory limit: `512Mi`, `1Gi` (binary units; decimal `M`/`G` are accepted with a warning). On ECS, MiB.',
    examples: ['512Mi', '2Gi'],
  },
  replicas: { examples: [2, 3] },
  env: {
    markdownDescription: 'Plain environment variables. Never put a secret here: use `secrets` (rule `no-plaintext-secrets`).\n\n```yaml\nenv:\n  LOG_LEVEL: info\n  PORT: 8080\n```',
  },
  secrets: {
    markdownDescription:
      'Secrets by reference: codegen never sees a secret value. Each name becomes an environment variable from AWS Secrets Manager or SSM (ECS, Copilot) or a Kubernetes Secret key.\n\n```yaml\nsecrets:\n  DB_PASSWORD:\n    aws: { secretsManager: arn:aws:secretsmanager:us-east-1:123456789012:secret:db }\n    kubernetes: { name: db-credentials, key: password }\n```',
  },
  health: {
    markdownDescription:
      'Health, split the way the targets split it: `traffic` is the load balancer check (ALB target group, Ingress), `readiness`/`liveness`/`startup` are Kubernetes probes, `container` is the ECS container health check.\n\n```yaml\nhealth:\n  traffic: { path: /health }\n  readiness: { http: { path: /ready } }\n  liveness: { http: { path: /health }, period: 10s }\n```',
  },
  'health.traffic.path': { examples: ['/health', '/'] },
  'deployment.strategy': {
    markdownDescription:
      'How a new version replaces the old one:\n\n- `rolling`: replace tasks or pods a few at a time (ECS rolling update, Kubernetes RollingUpdate).\n- `blue-green`: start the new version beside the old one, then switch all traffic.\n- `canary`: shift `canary.percent` of traffic, wait `canary.interval`, then the rest.\n- `linear`: shift `linear.percent` every `linear.interval`.',
  },
  'deployment.rollbackOnFailure': { default: true },
  'expose.public': { default: false },
  'expose.path': { default: '/', examples: ['/', '/api'] },
  'expose.hosts': { examples: [['app.example.com']] },
  'logging.streamPrefix': { default: 'ecs' },
  'logging.retentionDays': { examples: [30, 90] },
  targets: {
    markdownDescription:
      'A target is generated when its section is present: `ecs`, `kubernetes`, `appmesh` (legacy), `copilot` (legacy). Any core field repeated inside a section overrides it for that target only.\n\n```yaml\ntargets:\n  ecs: { executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole }\n  kubernetes: { namespace: production }\n```',
  },
  environments: {
    markdownDescription:
      'Named overlays applied with `codegen generate --env NAME`, merged over the base spec (RFC 7386): maps merge, lists replace, `null` removes a value.\n\n```yaml\nenvironments:\n  staging: { replicas: 1 }\n  production: { replicas: 4, env: { LOG_LEVEL: info } }\n```',
  },
  suppress: {
    markdownDescription: 'Rules switched off for this spec, each with a written reason (kept in SARIF as the justification).\n\n```yaml\nsuppress:\n  - rule: require-tracing\n    reason: Traced by the service mesh.\n```',
  },
};

/** The schema node at a dotted path, following `$ref`s into `$defs`; undefined when it does not resolve. */
export function schemaNodeAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  const deref = (n: JsonSchema | undefined): JsonSchema | undefined => {
    const ref = n?.$ref;
    return typeof ref === 'string' && ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : n;
  };
  let node: JsonSchema | undefined = schema;
  for (const key of path.split('.')) {
    const props = deref(node)?.properties as Record<string, JsonSchema> | undefined;
    node = props && Object.hasOwn(props, key) ? props[key] : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** `schema` with the hints applied (in place; returned for chaining). Throws when a path does not resolve. */
export function withEditorHints(schema: JsonSchema, hints: Record<string, Hint> = EDITOR_HINTS): JsonSchema {
  for (const [path, hint] of Object.entries(hints)) {
    const node = schemaNodeAt(schema, path);
    if (!node) throw new Error(`editor hint for "${path}": no such field in the schema`);
    Object.assign(node, hint);
  }
  return schema;
}
