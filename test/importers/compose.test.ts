import { describe, expect, it } from 'vitest';
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
