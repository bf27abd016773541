/** Overlays: merge semantics, and every view is validated whichever one is compiled. */
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import { mergePatch } from '../src/core/merge.js';
import { formatDiagnostic } from '../src/core/diagnostics.js';
import { DEMO_SPEC } from './helpers/cli.js';

const errors = (text: string, opts: Parameters<typeof compile>[1] = {}) =>
  compile(text, { file: 'service.yaml', ...opts }).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

describe('overlay merge (RFC 7386)', () => {
  it('merges maps, replaces lists and scalars, and deletes on null', () => {
    const base = { env: { A: '1', B: '2' }, ports: [{ port: 80 }, { port: 81 }], replicas: 2, health: { traffic: { path: '/h' } } };
    const patch = { env: { B: null, C: '3' }, ports: [{ port: 90 }], replicas: 4, health: null };
    expect(mergePatch(base, patch)).toEqual({ env: { A: '1', C: '3' }, ports: [{ port: 90 }], replicas: 4 });
    expect(base.env).toEqual({ A: '1', B: '2' }); // the base is not modified
  });
});

describe('every view is validated', () => {
  it('reports an error in an environment that is not being compiled, at the overlay', () => {
    const spec = `${DEMO_SPEC}environments:\n  staging:\n    replicas: many\n`;
    expect(errors(spec)).toEqual(['service.yaml:12:15 error SCHEMA_TYPE environments.staging.replicas: Expected integer or { param: ... }, got "many".']);
    expect(errors(spec, { env: 'staging' })).toEqual(errors(spec));
  });

  it("reports an error in a target's override when another target is selected", () => {
    const spec = `${DEMO_SPEC}  kubernetes:\n    replicas: -1\n`;
    expect(errors(spec, { targets: ['ecs'] })).toEqual(['service.yaml:11:15 error SCHEMA_MINIMUM targets.kubernetes.replicas: Must be >= 0.']);
  });

  it('reports an error in an environment-level target override', () => {
    const spec = `${DEMO_SPEC}environments:\n  prod:\n    targets:\n      ecs:\n        image: ""\n`;
    expect(errors(spec)).toEqual(['service.yaml:14:16 error SCHEMA_MIN_LENGTH environments.prod.targets.ecs.image: Must NOT have fewer than 1 characters.']);
  });
});

describe('views are validated where they differ', () => {
  it('the required fields are the schema\'s', async () => {
    const { REQUIRED_SPEC_FIELDS } = await import('../src/compile/compile.js');
    const schema = (await import('../schema/service.schema.json', { with: { type: 'json' } })).default as { required: string[] };
    expect([...REQUIRED_SPEC_FIELDS].sort()).toEqual([...schema.required].sort());
  });

  it('reports a required field deleted by an overlay, and an error in the base once', () => {
    const deleted = `${DEMO_SPEC}  kubernetes:\n    image: null\n`;
    expect(errors(deleted)).toEqual(['service.yaml:11:12 error SCHEMA_REQUIRED targets.kubernetes.image: Missing required key "image".']);
    const envDeleted = `${DEMO_SPEC}environments:\n  prod:\n    image: null\n`;
    expect(errors(envDeleted)).toEqual(['service.yaml:12:12 error SCHEMA_REQUIRED environments.prod.image: Missing required key "image".']);
    const badBase = DEMO_SPEC.replace('port: 8080', 'port: 0') + '  kubernetes:\n    replicas: 3\nenvironments:\n  prod:\n    replicas: 5\n';
    expect(errors(badBase)).toEqual(['service.yaml:6:11 error SCHEMA_MINIMUM ports[0].port: Must be >= 1.']);
  });
});
