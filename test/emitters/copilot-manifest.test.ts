import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compile } from '../../src/compile/compile.js';
import { overrideDiff } from '../../src/emitters/copilot/manifest.js';

const SEED = readFileSync(new URL('../../fixtures/seed/service.yaml', import.meta.url), 'utf8');
const REFERENCE = parse(readFileSync(new URL('./reference/copilot-manifest.yml', import.meta.url), 'utf8')) as Obj;

type Obj = Record<string, any>;

function manifest(spec: string | object, options: { env?: string } = {}) {
  const r = compile(spec, { targets: ['copilot'], ...options });
  const file = r.files.find((f) => f.path.endsWith('manifest.yml'));
  return { r, m: file ? (parse(file.content) as Obj) : undefined, path: file?.path, codes: r.diagnostics.map((d) => d.code) };
}

const base = (copilot: object, extra: object = {}) => ({
  apiVersion: 'codegen/v1',
  name: 'svc',
  image: 'repo/svc:1.0.0',
  ports: [{ port: 8080 }],
  ...extra,
  targets: { copilot: { acknowledgeDeprecation: true, ...copilot } },
});

/** `expected` is contained in `actual` (every key and value of expected is there). */
function expectSuperset(actual: unknown, expected: unknown, at = ''): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    for (const [k, v] of Object.entries(expected)) expectSuperset((actual as Obj | undefined)?.[k], v, `${at}.${k}`);
  } else expect(actual, at).toEqual(expected);
}

describe('copilot:manifest', () => {
  it('reproduces every field and value of the article manifest from the seed', () => {
    const { m, path } = manifest(SEED);
    expect(path).toBe('my-app/copilot/api/manifest.yml');
    expectSuperset(m, REFERENCE);
    // The article's cpu/memory are the Fargate size derived from the limits.
    expect([m!.cpu, m!.memory]).toEqual([512, 1024]);
  });

  it('defaults the workload type from expose', () => {
    expect(manifest(base({}, { expose: { public: true } })).m!.type).toBe('Load Balanced Web Service');
    const internal = manifest(base({})).m!;
    expect(internal.type).toBe('Backend Service');
    expect(internal.http).toBeUndefined();
    expect(internal.image).toEqual({ location: 'repo/svc:1.0.0', port: 8080 });
  });

  it('writes the three secret forms', () => {
    const { m } = manifest(base({}, {
      secrets: {
        A: { aws: { ssm: '/p/a' } },
        B: { aws: { secretsManager: 'name/b', jsonKey: 'k' } },
        C: { aws: { secretsManager: 'arn:aws:secretsmanager:eu-west-1:1:secret:c' } },
        D: { kubernetes: { name: 'd', key: 'k' } },
      },
    }));
    expect(m!.secrets).toEqual({ A: '/p/a', B: { secretsmanager: 'name/b:k::' }, C: 'arn:aws:secretsmanager:eu-west-1:1:secret:c' });
  });

  it('fills ECS health defaults in image.healthcheck because Copilot defaults differ', () => {
    const { m } = manifest(base({}, { health: { container: { command: ['CMD', 'true'] } } }));
    expect(m!.image.healthcheck).toEqual({ command: ['CMD', 'true'], interval: '30s', retries: 3, timeout: '5s' });
  });

  it('reports what Copilot cannot represent', () => {
    const { codes } = manifest(base({ type: 'Worker Service' }, { user: '1000', expose: {}, deployment: { strategy: 'canary' }, logging: { group: '/custom/svc', driver: 'awslogs' } }));
    expect(codes).toEqual(expect.arrayContaining(['COPILOT_USER', 'COPILOT_WORKER_EXPOSE', 'COPILOT_DEPLOYMENT_STRATEGY', 'COPILOT_LOGGING_NOT_CARRIED']));
  });

  // Copilot's Logging.IsEmpty leaves retention out: retention alone sets the log group's retention
  // without switching FireLens on (aws/copilot-cli internal/pkg/manifest; docs include/logging).
  it('writes the log retention as logging.retention, without FireLens', () => {
    const { m } = manifest(base({}, { logging: { retentionDays: 7 } }));
    expect(m!.logging).toEqual({ retention: 7 });
  });

  it('writes FireLens as the logging image and destination', () => {
    const { m, codes } = manifest(base({}, { region: 'eu-west-1', logging: { driver: 'firelens', firelens: { options: { Name: 'firehose', region: 'eu-west-1', delivery_stream: 'logs' }, enableMetadata: false } } }));
    expect(m!.logging).toEqual({ image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.34.3', destination: { Name: 'firehose', region: 'eu-west-1', delivery_stream: 'logs' }, enableMetadata: false });
    expect(codes).not.toContain('COPILOT_LOGGING_NOT_CARRIED');
  });

  it('writes only what an environment changes', () => {
    const spec = base({}, {
      replicas: 1,
      env: { A: '1', B: '2' },
      environments: { prod: { replicas: 3, env: { A: '9' } }, dev: {} },
    });
    const { m } = manifest(spec);
    expect(m!.environments).toEqual({ prod: { count: 3, variables: { A: '9' } } });
    // Compiling for an environment applies the overlay to the base instead.
    expect(manifest(spec, { env: 'prod' }).m!.count).toBe(3);
  });

  it('diffs maps recursively and records removals', () => {
    const removed: string[] = [];
    expect(overrideDiff({ a: { b: 1, c: 2 }, d: [1] }, { a: { b: 1, c: 3 }, d: [1, 2] }, removed)).toEqual({ a: { c: 3 }, d: [1, 2] });
    overrideDiff({ a: 1, b: 2 }, { a: 1 }, removed);
    expect(removed).toEqual(['b']);
  });

  it('reports the deprecation once, unless acknowledged', () => {
    const d = manifest(base({ acknowledgeDeprecation: false })).r.diagnostics.filter((x) => x.code === 'COPILOT_DEPRECATED');
    expect(d).toHaveLength(1);
    expect(d[0]!.severity).toBe('warning');
    expect(d[0]!.message).toContain('2026-06-12');
    expect(d[0]!.hint).toMatch(/ECS target/);
  });
});
