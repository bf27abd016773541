/** `codegen init`: a starter that validates and generates cleanly, and never overwrites. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceNameFrom } from '../src/cli/init.js';
import { runCli } from './helpers/cli.js';

const run = runCli;

describe('codegen init', () => {
  it('writes a spec with the schema modeline and a config; both validate and generate with no diagnostics', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'codegen-init-')), 'Payments API');
    mkdirSync(dir);
    expect((await run(['init'], dir)).code).toBe(0);
    const spec = readFileSync(join(dir, 'service.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/svcgen/schema/service.schema.json');
    expect(spec).toContain('name: payments-api');
    expect(JSON.parse(readFileSync(join(dir, 'codegen.config.json'), 'utf8')).$schema).toBe('./node_modules/svcgen/schema/config.schema.json');
    const v = await run(['validate'], dir);
    expect(v).toMatchObject({ code: 0, stderr: '' });
    const g = await run(['generate', '--verbose'], dir);
    expect(g.code).toBe(0);
    expect(g.stderr).not.toMatch(/ (warning|error) /); // info notes (e.g. tracing on Kubernetes) may remain
    expect(readFileSync(join(dir, 'out/payments-api/ecs/task-definition.json'), 'utf8')).toContain('"family": "payments-api"');
  });

  it('refuses to overwrite an existing file (nothing written) unless --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'codegen-init-'));
    writeFileSync(join(dir, 'service.yaml'), 'mine\n');
    const r = await run(['init'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('service.yaml already exists; nothing was written');
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toBe('mine\n');
    expect(() => readFileSync(join(dir, 'codegen.config.json'))).toThrow();
    expect((await run(['init', '--force', '--name', 'svc'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'service.yaml'), 'utf8')).toContain('name: svc');
  });

  it('derives a DNS-label name from the folder', () => {
    expect(serviceNameFrom('My_Service.2')).toBe('my-service-2');
    expect(serviceNameFrom('123')).toBe('my-service');
  });
});
