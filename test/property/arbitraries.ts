/** fast-check arbitraries for spec v1, built from the schema's shape (valid by construction). */
import fc from 'fast-check';

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/);
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/);
/** Hostile free text: newlines, document markers, quotes, YAML 1.1 booleans, look-alike unicode. */
const freeText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('on', 'yes', 'NO', '1.10', '2012-10-17', '0755', '~', 'null', '---', '\n---\nkind: Secret\n', 'a: b', '"quoted"', "it's", '#comment', '*alias', '&anchor', '!!binary x', '{a: 1}', '[x]', '%TAG', '@at', '`tick`', 'мой'),
);
const cpu = fc.constantFrom('100m', '250m', '500m', '1', '0.5', '2', '1500m');
const memory = fc.constantFrom('128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '3Gi', '512M', '1G');
const duration = fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom('5s', '10s', '30s', '1m', '500ms'));
const path = fc.stringMatching(/^\/[a-z0-9._~/-]{0,20}$/);
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-northeast-1');
const image = fc.oneof(
  fc.tuple(dnsLabel, fc.stringMatching(/^[0-9]\.[0-9]{1,2}\.[0-9]{1,2}$/)).map(([r, t]) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${r}:${t}`),
  fc.constantFrom('nginx:1.27.3', 'public.ecr.aws/nginx/nginx:1.27', 'busybox@sha256:' + 'a'.repeat(64)),
);

const probe = (port: number) =>
  fc.oneof(
    fc.record({ http: fc.record({ path }), period: duration }, { requiredKeys: ['http'] }),
    fc.record({ tcp: fc.constant({ port }), timeout: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ['tcp'] }),
    fc.record({ grpc: fc.constant({ port }) }),
    fc.record({ exec: fc.record({ command: fc.array(freeText, { minLength: 1, maxLength: 3 }) }) }),
  );

export const validSpec = fc
  .record({
    name: dnsLabel,
    image,
    region: fc.option(region, { nil: undefined }),
    ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 1, maxLength: 3 }),
    limits: fc.record({ cpu, memory }),
    scale: fc.oneof(
      fc.record({ replicas: fc.integer({ min: 0, max: 20 }) }),
      fc.integer({ min: 1, max: 5 }).chain((min) => fc.record({ autoscaling: fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 50 }), cpu: fc.integer({ min: 10, max: 90 }) }) })),
    ),
    env: fc.dictionary(envName, fc.oneof(freeText, fc.integer(), fc.boolean()), { maxKeys: 4 }),
    secrets: fc.dictionary(
      envName,
      fc.record({
        aws: fc.oneof(
          fc.constant({ secretsManager: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' }),
          fc.constant({ ssm: '/app/db/password' }),
        ),
        kubernetes: fc.record({ name: dnsLabel, key: fc.constantFrom('password', 'token', 'api-key') }),
      }),
      { maxKeys: 3 },
    ),
    trafficPath: fc.option(path, { nil: undefined }),
    description: fc.option(freeText, { nil: undefined }),
    strategy: fc.constantFrom('rolling', 'blue-green', 'canary', 'linear'),
    expose: fc.option(fc.record({ public: fc.boolean(), hosts: fc.uniqueArray(fc.constantFrom('app.example.com', 'api.example.org'), { maxLength: 2 }) }), { nil: undefined }),
    targets: fc.subarray(['ecs', 'kubernetes', 'appmesh', 'copilot'] as const, { minLength: 1 }),
  })
  .chain((s) =>
    fc.record({
      liveness: fc.option(probe(s.ports[0]!), { nil: undefined }),
      readiness: fc.option(probe(s.ports[0]!), { nil: undefined }),
    }).map((probes) => {
      const spec: Record<string, unknown> = {
        apiVersion: 'codegen/v1',
        name: s.name,
        image: s.image,
        ...(s.region ? { region: s.region } : {}),
        ...(s.description !== undefined ? { description: s.description } : {}),
        ports: s.ports.map((port) => ({ port })),
        resources: { limits: s.limits },
        ...s.scale,
        env: s.env,
        secrets: s.secrets,
        health: {
          ...(s.trafficPath ? { traffic: { path: s.trafficPath } } : {}),
          ...(probes.liveness ? { liveness: probes.liveness } : {}),
          ...(probes.readiness ? { readiness: probes.readiness } : {}),
        },
        deployment: { strategy: s.strategy },
        ...(s.expose ? { expose: s.expose } : {}),
        targets: Object.fromEntries(
          s.targets.map((t) => [
            t,
            t === 'ecs'
              ? { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' }
              : t === 'appmesh'
                ? { acknowledgeDeprecation: true, serviceDiscovery: { dns: { hostname: `${s.name}.mesh.local` } } }
                : t === 'copilot'
                  ? { acknowledgeDeprecation: true }
                  : {},
          ]),
        ),
      };
      return spec;
    }),
  );

/** A random edit of a valid spec: delete, retype, or add a key somewhere. */
export const mutation = fc.record({
  op: fc.constantFrom('delete', 'retype', 'add'),
  pick: fc.nat(),
  value: fc.oneof(fc.jsonValue(), fc.constantFrom(NaN, Infinity, -1, 1e300, '', '../x', '\u0000', null)),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'replcas')),
});

export function mutate(spec: Record<string, unknown>, m: { op: string; pick: number; value: unknown; key: string }): unknown {
  const copy = structuredClone(spec) as Record<string, unknown>;
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
        walk(x);
      }
    }
  };
  walk(copy);
  const slot = slots[m.pick % Math.max(slots.length, 1)];
  if (!slot) return copy;
  const parent = slot.parent as Record<string | number, unknown>;
  if (m.op === 'delete') delete parent[slot.key];
  else if (m.op === 'retype') parent[slot.key] = m.value;
  else if (!Array.isArray(slot.parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  return copy;
}
