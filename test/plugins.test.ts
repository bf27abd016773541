/** Plugins: what a module may export, and how its failures are reported. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/compile.js';
import { loadPlugins } from '../src/project/plugins.js';

const SPEC = `apiVersion: codegen/v1\nname: demo\nregion: us-east-1\nimage: nginx:1.27.3\nports:\n  - port: 80\ntargets:\n  ecs:\n    executionRoleArn: arn:aws:iam::123456789012:role/exec\n`;

function plugin(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-plugin-'));
  writeFileSync(join(dir, 'p.mjs'), source);
  return dir;
}

const artifact = `[{ path: 'extra/x.json', format: 'json', kind: 'x', emitter: 'x:y', documents: [{ name: m.name }] }]`;

describe('plugins', () => {
  it('collects emitters and rules from named exports, a default object and arrays', async () => {
    const dir = plugin(`
      export const a = { name: 'x:a', target: 'x', description: 'a', emit: (m) => ${artifact.replace('extra/x.json', 'extra/a.json')} };
      export default { emitters: [{ name: 'x:b', target: 'x', description: 'b', emit: () => [] }], rules: [{ id: 'r1', meta: {}, check: () => {} }] };
      export const more = [{ id: 'r2', meta: {}, check: () => {} }];
    `);
    const p = await loadPlugins(['./p.mjs'], dir, 'codegen.config.json');
    expect(p.diagnostics).toEqual([]);
    expect(p.emitters.map((e) => e.name).sort()).toEqual(['x:a', 'x:b']);
    expect(p.rules.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    const r = compile(SPEC, { emitters: p.emitters });
    expect(r.files.map((f) => f.path)).toContain('demo/extra/a.json');
  });

  it('refuses an emitter whose name a built-in already has', async () => {
    const dir = plugin(`export const e = { name: 'ecs:task-definition', target: 'ecs', description: '', emit: () => [] };`);
    const p = await loadPlugins(['./p.mjs'], dir, 'c.json');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['PLUGIN_EMITTER_CONFLICT']);
    expect(p.emitters).toEqual([]);
  });

  it('an emitter that throws, returns a Promise or no array is a diagnostic naming the plugin', async () => {
    const dir = plugin(`
      export const t = { name: 'p:throws', target: 'p', description: '', emit: () => { throw new Error('kaput'); } };
      export const a = { name: 'p:async', target: 'p', description: '', emit: async () => [] };
      export const n = { name: 'p:none', target: 'p', description: '', emit: () => 42 };
    `);
    const p = await loadPlugins(['./p.mjs'], dir, 'c.json');
    const r = compile(SPEC, { emitters: p.emitters });
    expect(r.files).toEqual([]);
    const failed = r.diagnostics.filter((d) => d.code === 'PLUGIN_EMITTER_FAILED');
    expect(failed).toHaveLength(3);
    for (const d of failed) expect(d.message).toMatch(/^Plugin \.\/p\.mjs: emitter p:/);
    expect(failed.map((d) => d.message).join('\n')).toMatch(/kaput[\s\S]*Promise|Promise[\s\S]*kaput/);
  });

  it('plugin targets can be selected with targets, alone or with built-ins', async () => {
    const dir = plugin(`export const e = { name: 'x:y', target: 'x', description: '', emit: (m) => ${artifact} };`);
    const p = await loadPlugins(['./p.mjs'], dir, 'c.json');
    expect(compile(SPEC, { emitters: p.emitters, targets: ['x'] }).files.map((f) => f.path)).toEqual(['demo/extra/x.json']);
    expect(compile(SPEC, { emitters: p.emitters, targets: ['ecs', 'x'] }).files.map((f) => f.path)).toEqual(['demo/ecs/service.cfn.yaml', 'demo/ecs/task-definition.json', 'demo/extra/x.json']);
    expect(compile(SPEC, { emitters: p.emitters, targets: ['nope'] }).diagnostics.map((d) => d.code)).toContain('UNKNOWN_TARGET');
  });
});
