/**
 * The schema editors read (schema/service.schema.json): markdownDescription, examples and defaults
 * where they help, each example a valid value, each default what the compiler really uses; and
 * schema error texts never name an internal `$defs` definition.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { formatDiagnostic } from '../../src/core/diagnostics.js';
import { EDITOR_HINTS, schemaNodeAt } from '../../src/schema/editor-hints.js';
import { validateSpec } from '../../src/schema/validate.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schema/service.schema.json'), 'utf8')) as Record<string, unknown>;

/** A spec where every hinted field's parent exists, so a default can be set without changing anything else. */
const BASE = {
  apiVersion: 'codegen/v1',
  name: 'hints',
  region: 'us-east-1',
  image: 'nginx:1.27.3',
  ports: [{ port: 8080 }],
  resources: { limits: { cpu: '500m', memory: '1Gi' } },
  health: { traffic: { path: '/health' } },
  deployment: { strategy: 'rolling' },
  expose: { hosts: ['app.example.com'] },
  logging: { retentionDays: 30 },
  targets: { ecs: { executionRoleArn: 'arn:aws:iam::123456789012:role/exec' }, kubernetes: {} },
};

function setAt(spec: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(spec);
  const keys = path.split('.');
  let node = copy;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

const files = (spec: Record<string, unknown>) => compile(spec, { file: 's.yaml' }).files.map((f) => [f.path, f.content]);

describe('editor schema', () => {
  it('has the hints: markdownDescription, examples and defaults on the fields people type first', () => {
    for (const [path, hint] of Object.entries(EDITOR_HINTS)) {
      const node = schemaNodeAt(SCHEMA, path);
      expect(node, path).toBeDefined();
      for (const [k, v] of Object.entries(hint)) expect(node![k], `${path}.${k}`).toEqual(v);
    }
    const count = (k: string) => Object.values(EDITOR_HINTS).filter((h) => k in h).length;
    expect(count('markdownDescription')).toBeGreaterThanOrEqual(10);
    expect(count('examples')).toBeGreaterThanOrEqual(10);
    expect(count('default')).toBeGreaterThanOrEqual(5);
  });

  it('every example is a valid value of its field', () => {
    for (const [path, hint] of Object.entries(EDITOR_HINTS)) {
      for (const example of hint.examples ?? []) {
        const problems = validateSpec(setAt(BASE, path, example));
        expect(problems.map(formatDiagnostic), `${path} = ${JSON.stringify(example)}`).toEqual([]);
      }
    }
  });

  it('every default is what codegen uses when the field is absent (same output with and without it)', () => {
    const without = files(BASE);
    for (const [path, hint] of Object.entries(EDITOR_HINTS)) {
      if (!('default' in hint)) continue;
      expect(files(setAt(BASE, path, hint.default)), path).toEqual(without);
      // ...and the comparison can fail: another value changes the output.
      const other = typeof hint.default === 'boolean' ? !hint.default : hint.default === '/' ? '/other' : `${String(hint.default)}x`;
      expect(files(setAt(BASE, path, other)), `${path} = ${JSON.stringify(other)}`).not.toEqual(without);
    }
  });

  it('the validator does not carry the hints (they are for editors only)', () => {
    const validator = readFileSync(join(ROOT, 'src/schema/validate.generated.js'), 'utf8');
    expect(validator).not.toContain('markdownDescription');
    expect(validator).not.toContain('nginx-unprivileged');
  });

  it('schema error texts never name an internal $defs definition', () => {
    const leaks: string[] = [];
    const values = [5, 'x', {}, [], null, { zz: 1 }, true, [1]];
    for (const file of ['seed/service.yaml', 'k8s-hpa-irsa/service.yaml', 'env-overlay/service.yaml']) {
      const spec = parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
      const walk = (node: unknown, path: (string | number)[]): void => {
        if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, Array.isArray(node) ? Number(k) : k]);
        if (!path.length) return;
        for (const value of values) {
          const copy = structuredClone(spec);
          let parent = copy as Record<string | number, unknown>;
          for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
          parent[path.at(-1)!] = value;
          for (const d of validateSpec(copy)) {
            const text = formatDiagnostic(d);
            if (/\$defs|#\/|Overlay\b|override_|[a-z]Target\b/.test(text)) leaks.push(text);
          }
        }
      };
      walk(spec, []);
    }
    expect(leaks).toEqual([]);
  });

  it('a map-shaped field given a scalar is one type error, not also "give exactly one of ..., not several"', () => {
    const problems = validateSpec({ ...BASE, secrets: { A: { aws: 3 } }, health: { liveness: 3 } }).map((d) => `${d.code} ${d.path.join('.')}`);
    expect(problems).toEqual(['SCHEMA_TYPE secrets.A.aws', 'SCHEMA_TYPE health.liveness']);
  });
});
