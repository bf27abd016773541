import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { importSpec } from '../../src/importers/index.js';

const spec = (text: string) => {
  const r = importSpec('compose', [{ file: 'compose.yaml', content: text }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.specs[0]!.object as Record<string, unknown>;
};

describe('codegen import compose', () => {
  it('reads published:target ports (the published port is not a host address)', () => {
    const s = spec('services:\n  vote:\n    image: vote:1.0\n    ports:\n      - "8080:80"\n      - "127.0.0.1:9229:9229"\n      - "5000"\n');
    expect(s.ports).toEqual([{ port: 80, servicePort: 8080 }, { port: 9229 }, { port: 5000 }]);
  });

  it('a health check is the ECS container check and a Kubernetes liveness probe with the same command', () => {
    const s = spec('services:\n  web:\n    image: web:1.0\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n      interval: 15s\n      timeout: 5s\n      retries: 3\n      start_period: 10s\n');
    expect(s.health).toEqual({
      liveness: { exec: { command: ['curl', '-f', 'http://localhost'] }, initialDelay: '10s', period: '15s', timeout: '5s', failureThreshold: 3 },
      container: { command: ['CMD', 'curl', '-f', 'http://localhost'], interval: '15s', timeout: '5s', retries: 3, startPeriod: '10s' },
    });
    const shell = spec('services:\n  db:\n    image: db:1.0\n    healthcheck:\n      test: pg_isready -U app\n');
    expect((shell.health as { liveness: unknown }).liveness).toEqual({ exec: { command: ['/bin/sh', '-c', 'pg_isready -U app'] } });
  });
});

const run = (text: string) => importSpec('compose', [{ file: 'compose.yaml', content: text }]);
const lines = (r: ReturnType<typeof run>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

describe('codegen import compose: volumes', () => {
  const text = `services:
  db:
    image: postgres:16
    volumes:
      - db-data:/var/lib/postgresql/data
      - /var/run/docker.sock:/var/run/docker.sock:ro
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql
      - /scratch
      - type: tmpfs
        target: /tmp
        tmpfs: { size: 67108864 }
      - logs:/var/log/app
    tmpfs: /run
volumes:
  db-data: {}
  logs:
    external: true
`;
  it('named and anonymous volumes become emptyDir, an absolute bind mount hostPath, tmpfs a memory emptyDir', () => {
    const r = run(text);
    const s = r.specs[0]!.object as Record<string, unknown>;
    expect(s.volumes).toEqual({
      'db-data': { emptyDir: {} },
      'docker-sock': { hostPath: { path: '/var/run/docker.sock' } },
      scratch: { emptyDir: {} },
      tmp: { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      run: { emptyDir: { medium: 'Memory' } },
    });
    expect(s.mounts).toEqual([
      { volume: 'db-data', path: '/var/lib/postgresql/data' },
      { volume: 'docker-sock', path: '/var/run/docker.sock', readOnly: true },
      { volume: 'scratch', path: '/scratch' },
      { volume: 'tmp', path: '/tmp' },
      { volume: 'run', path: '/run' },
    ]);
  });

  it('says what changes, and reports a project-directory bind mount and an external volume', () => {
    const l = lines(run(text));
    expect(l).toContainEqual(expect.stringMatching(/^5:9 IMPORT_VALUE_CHANGED The named volume db-data becomes the emptyDir volume db-data: Compose keeps its data/));
    expect(l).toContainEqual(expect.stringMatching(/^6:9 IMPORT_VALUE_CHANGED The bind mount of the host's \/var\/run\/docker.sock becomes the hostPath volume docker-sock: on ECS only the EC2 launch type/));
    expect(l).toContainEqual(expect.stringMatching(/^7:9 IMPORT_NOT_CARRIED db mounts \.\/init\.sql of the project directory/));
    expect(l).toContainEqual(expect.stringMatching(/^12:9 IMPORT_NOT_CARRIED The named volume logs comes from its external/));
  });

  it('the generated Kubernetes pod has the volumes and mounts', () => {
    const g = compile(run(text).specs[0]!.text, { targets: ['kubernetes'] });
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const deployment = g.files.find((f) => f.path.endsWith('deployment.yaml'))!.content;
    expect(deployment).toContain('mountPath: /var/lib/postgresql/data');
    expect(deployment).toMatch(/hostPath:\n\s+path: \/var\/run\/docker.sock/);
    expect(deployment).toMatch(/medium: Memory\n\s+sizeLimit: 64Mi/);
  });
});

describe('codegen import compose: lifecycle and security', () => {
  it('carries stop_grace_period, ulimits, user, read_only, privileged and capabilities', () => {
    const s = spec(`services:
  web:
    image: web:1.0
    user: "1000:1000"
    read_only: true
    cap_add: [NET_BIND_SERVICE]
    cap_drop: [CAP_ALL]
    stop_grace_period: 1m30s
    ulimits:
      nproc: 65535
      nofile: { soft: 20000, hard: 40000 }
`);
    expect(s).toMatchObject({
      user: '1000:1000',
      readOnlyRootFilesystem: true,
      security: { capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] } },
      terminationGracePeriod: '90s',
      ulimits: { nproc: 65535, nofile: { soft: 20000, hard: 40000 } },
    });
  });

  it('reports a capability or ulimit the spec does not know', () => {
    const l = lines(run('services:\n  web:\n    image: web:1.0\n    cap_add: [FLY]\n    ulimits:\n      nosuch: 1\n'));
    expect(l).toContainEqual(expect.stringMatching(/^4:15 IMPORT_NOT_CARRIED FLY is not a Linux capability/));
    expect(l).toContainEqual(expect.stringMatching(/^6:7 IMPORT_NOT_CARRIED The ulimit nosuch is not one ECS sets/));
  });

  it('a service in another service\'s network namespace is its sidecar, and depends_on in one spec is start ordering', () => {
    const r = run(`services:
  app:
    image: app:1.0
    ports: ["8080:8080"]
    depends_on:
      proxy: { condition: service_healthy }
      migrate: { condition: service_completed_successfully }
      db: { condition: service_healthy }
  proxy:
    image: envoy:1.30
    network_mode: service:app
    healthcheck: { test: [CMD, /bin/true] }
  migrate:
    image: app:1.0
    command: [migrate]
    network_mode: "service:app"
    read_only: true
    depends_on: [proxy]
  db:
    image: postgres:16
`);
    expect(r.specs.map((x) => x.name)).toEqual(['app', 'db']);
    const s = r.specs[0]!.object as Record<string, any>;
    expect(s.dependsOn).toEqual({ proxy: 'HEALTHY', migrate: 'SUCCESS' });
    expect(Object.keys(s.sidecars)).toEqual(['proxy', 'migrate']);
    expect(s.sidecars.migrate).toMatchObject({ image: 'app:1.0', command: ['migrate'], security: { readOnlyRootFilesystem: true }, dependsOn: { proxy: 'START' } });
    expect(lines(r)).toContainEqual(expect.stringMatching(/^8:7 IMPORT_NOT_CARRIED app starts after db is healthy in Compose; db is its own service here \(spec db\)/));
    const g = compile(r.specs[0]!.text, { targets: ['kubernetes'] });
    expect(g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  });
});

describe('codegen import compose: environment', () => {
  it('a secret-named plain value becomes a Secret reference (the value is never written or printed); an interpolated value is reported', () => {
    const r = run('services:\n  web:\n    image: web:1.0\n    environment:\n      DB_PASSWORD: hunter2hunter2\n      TZ: ${TIMEZONE}\n      PRICE: $$5\n      MODE: prod\n');
    const s = r.specs[0]!.object as Record<string, unknown>;
    expect(s.env).toEqual({ PRICE: '$5', MODE: 'prod' });
    expect(s.secrets).toEqual({ DB_PASSWORD: { kubernetes: { name: 'web', key: 'DB_PASSWORD' } } });
    expect(r.specs[0]!.text).not.toContain('hunter2');
    expect(r.diagnostics.map((d) => d.message).join('\n')).not.toContain('hunter2');
    expect(lines(r)).toContainEqual(expect.stringMatching(/^6:7 IMPORT_AMBIGUOUS TZ is interpolated by docker compose/));
    expect(compile(r.specs[0]!.text, { targets: ['kubernetes'] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
