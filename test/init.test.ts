/**
 * `codegen init`: a starter that validates and generates cleanly, is deployable as written, points
 * its editor schema at a file that exists from the folder it runs in, ignores the cache file, and
 * never overwrites.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaFolder, serviceNameFrom } from '../src/cli/init.js';
import { expandGlobs } from '../src/project/globs.js';
import { ROOT } from './helpers/fixtures.js';
import { runCli } from './helpers/cli.js';

const run = runCli;

/** The `$schema` path of the spec's modeline and of the config, resolved from `dir`. */
function schemas(dir: string): { spec: string; config: string } {
  const first = readFileSync(join(dir, 'service.yaml'), 'utf8').split('\n')[0]!;
  const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  expect(m, first).not.toBeNull();
  const config = JSON.parse(readFileSync(join(dir, 'codegen.config.json'), 'utf8')) as { $schema: string };
  return { spec: resolve(dir, m![1]!), config: resolve(dir, config.$schema) };
}

describe('codegen init', () => {
  it('writes a spec and a config; both validate and generate with no warning', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'codegen-init-')), 'Payments API');
    mkdirSync(dir);
    const r = await run(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('next: npx codegen generate');
    expect(r.stdout).toContain('npm i -D svcgen');
    const spec = readFileSync(join(dir, 'service.yaml'), 'utf8');
    expect(spec).toContain('name: payments-api');
    const v = await run(['validate'], dir);
    expect(v).toMatchObject({ code: 0, stderr: '' });
    const g = await run(['generate', '--verbose'], dir);
    expect(g.code).toBe(0);
    expect(g.stderr).not.toMatch(/ (warning|error) /); // info notes (e.g. tracing on Kubernetes) may remain
    expect(readFileSync(join(dir, 'out/payments-api/ecs/task-definition.json'), 'utf8')).toContain('"family": "payments-api"');
  });

  it('the starter is deployable as written: its image listens on its port and serves every health path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    await run(['init', '--name', 'web'], dir);
    const spec = readFileSync(join(dir, 'service.yaml'), 'utf8');
    // nginx-unprivileged (github.com/nginx/docker-nginx-unprivileged): its Dockerfile rewrites the
    // stock default.conf to `listen 8080;`, whose only location is `/` (the index page); curl is installed.
    expect(spec).toMatch(/^image: public\.ecr\.aws\/nginx\/nginx-unprivileged:\d+\.\d+\.\d+$/m);
    expect(spec).toMatch(/^ports:\n {2}- port: 8080$/m);
    await run(['generate'], dir);
    const td = JSON.parse(readFileSync(join(dir, 'out/web/ecs/task-definition.json'), 'utf8'));
    const c = td.containerDefinitions[0];
    expect(c.portMappings.map((p: { containerPort: number }) => p.containerPort)).toEqual([8080]);
    expect(c.healthCheck.command.join(' ')).toMatch(/curl -f http:\/\/localhost:8080\/( |$)/);
    const deployment = readFileSync(join(dir, 'out/web/kubernetes/deployment.yaml'), 'utf8');
    const probes = [...deployment.matchAll(/httpGet:\n\s+path: (\S+)\n\s+port: (\d+)/g)].map((m) => `${m[2]}${m[1]}`);
    expect(probes).toEqual(['8080/']); // readiness
    expect(deployment).toMatch(/livenessProbe:\n\s+tcpSocket:\n\s+port: 8080\n/);
    const cfn = readFileSync(join(dir, 'out/web/ecs/service.cfn.yaml'), 'utf8');
    for (const m of cfn.matchAll(/HealthCheckPath: (\S+)/g)) expect(m[1]).toBe('/');
  });

  it('the modeline and the config $schema resolve from the folder init runs in', async () => {
    // Inside this repository (development): its own schema/ folder.
    const inRepo = mkdtempSync(join(ROOT, 'node_modules/.cache-init-'));
    try {
      await run(['init', '--name', 'dev'], inRepo);
      expect(schemas(inRepo)).toEqual({ spec: join(ROOT, 'schema/service.schema.json'), config: join(ROOT, 'schema/config.schema.json') });
    } finally {
      spawnSync('rm', ['-rf', inRepo]);
    }
    // A project that installed svcgen, init run in a subfolder: node_modules found upward.
    const project = mkdtempSync(join(tmpdir(), 'codegen-init-project-'));
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules/svcgen'), 'dir');
    const sub = join(project, 'services/api');
    mkdirSync(sub, { recursive: true });
    const r = await run(['init'], sub);
    expect(r.stdout).not.toContain('npm i -D svcgen');
    const s = schemas(sub);
    expect(s.spec).toBe(join(project, 'node_modules/svcgen/schema/service.schema.json'));
    expect(readFileSync(join(sub, 'service.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/svcgen/schema/service.schema.json');
    for (const f of Object.values(s)) expect(existsSync(f), f).toBe(true);
    // Nowhere: where `npm i -D svcgen` will put it.
    const bare = mkdtempSync(join(tmpdir(), 'codegen-init-bare-'));
    expect(schemaFolder(bare)).toEqual({ path: './node_modules/svcgen/schema', found: false });
  });

  it('adds the cache file to .gitignore once, keeping what is there, and git ignores what --cache writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    writeFileSync(join(dir, '.gitignore'), 'node_modules/\ndist');
    const r = await run(['init', '--name', 'svc'], dir);
    expect(r.stdout).toContain('added .codegen-cache to .gitignore');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist\n.codegen-cache\n');
    await run(['init', '--name', 'svc', '--force'], dir);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist\n.codegen-cache\n');
    expect((await run(['generate', '--cache'], dir)).code).toBe(0);
    expect(existsSync(join(dir, '.codegen-cache'))).toBe(true);
    spawnSync('git', ['init', '-q'], { cwd: dir });
    expect(spawnSync('git', ['check-ignore', '-q', '.codegen-cache'], { cwd: dir }).status).toBe(0);
    const fresh = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    await run(['init'], fresh);
    expect(readFileSync(join(fresh, '.gitignore'), 'utf8')).toBe('.codegen-cache\n');
  });

  it('the starter config\'s spec glob matches the starter and never a generated file, wherever --out points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    await run(['init', '--name', 'services'], dir); // the worst name: generated paths start with services/
    const { specs } = JSON.parse(readFileSync(join(dir, 'codegen.config.json'), 'utf8')) as { specs: string[] };
    for (const out of ['out', '.', 'deploy', 'services', 'a/b']) {
      expect((await run(['generate', 'service.yaml', '--out', out], dir)).code, out).toBe(0);
    }
    expect(existsSync(join(dir, 'services/kubernetes/service.yaml'))).toBe(true);
    expect(expandGlobs(specs, dir)).toEqual(['service.yaml']);
    expect((await run(['generate', '--check'], dir)).code).toBe(0);
  });

  it('refuses to overwrite an existing file (nothing written) unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    writeFileSync(join(dir, 'service.yaml'), 'mine\n');
    const r = await run(['init'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('service.yaml already exists; nothing was written');
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toBe('mine\n');
    expect(() => readFileSync(join(dir, 'codegen.config.json'))).toThrow();
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expect((await run(['init', '--force', '--name', 'svc'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toContain('name: svc');
  });

  it('derives a DNS-label name from the folder', () => {
    expect(serviceNameFrom('My_Service.2')).toBe('my-service-2');
    expect(serviceNameFrom('123')).toBe('my-service');
  });
});
