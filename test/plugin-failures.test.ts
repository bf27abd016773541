/**
 * Plugin failures are diagnostics (issue 15, item 11): an async emitter's rejection, process.exit()
 * in an emitter, a rule or at import, a throw from a timer, an unhandled rejection, an exit from a
 * timer, and an import that never settles — each ends in exit 1 with a diagnostic, no stack trace,
 * and the output folder byte-identical. The cases that raise process-level events (timers,
 * rejections, an empty event loop) run the built CLI; the others run in-process, where
 * Object.prototype and process.exit are checked afterwards too.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SPEC, runCli } from './helpers/cli.js';
import { runChild } from './helpers/process.js';

const emitter = (body: string) => `export const e = { name: 'p:x', target: 'ecs', description: 'test', emit(model) { ${body} } };\n`;
const rule = (body: string) => `export const r = { id: 'p/r', meta: { type: 'problem', docs: { description: 'test', recommended: true }, defaultSeverity: 'error', messages: { m: 'm' } }, check(ctx) { ${body} } };\n`;

/** A project: service.yaml, a config naming plugin.mjs, and an output folder with one file in it already. */
function project(plugin: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'codegen-plugin-fail-'));
  writeFileSync(join(dir, 'package.json'), '{}\n');
  writeFileSync(join(dir, 'service.yaml'), DEMO_SPEC);
  writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ plugins: ['./plugin.mjs'] }));
  writeFileSync(join(dir, 'plugin.mjs'), plugin);
  mkdirSync(join(dir, 'out/demo'), { recursive: true });
  writeFileSync(join(dir, 'out/demo/existing.yaml'), 'do: not touch\n');
  return dir;
}

function outputUnchanged(dir: string): void {
  expect(readdirSync(join(dir, 'out'), { recursive: true }).sort()).toEqual(['demo', 'demo/existing.yaml']);
  expect(readFileSync(join(dir, 'out/demo/existing.yaml'), 'utf8')).toBe('do: not touch\n');
}

describe('plugin failures inside codegen\'s calls (in-process)', () => {
  const cases: [string, string, RegExp][] = [
    ['an async emitter that rejects', emitter(`return Promise.reject(new Error('async kaput'));`), /error PLUGIN_EMITTER_FAILED Plugin \.\/plugin\.mjs: emitter p:x returned a Promise; emitters are synchronous\./],
    ['an async emitter function', emitter(`return (async () => { throw new Error('async kaput'); })();`), /PLUGIN_EMITTER_FAILED .*returned a Promise/],
    ['process.exit(0) in an emitter', emitter(`process.exit(0);`), /error PLUGIN_EMITTER_FAILED Plugin \.\/plugin\.mjs: emitter p:x failed: called process\.exit\(0\)/],
    ['process.reallyExit(0) in an emitter', emitter(`process.reallyExit(0);`), /PLUGIN_EMITTER_FAILED .*failed: called process\.exit\(0\)/],
    ['process.exit(0) when the module is imported', `process.exit(0);\n${emitter('return [];')}`, /error PLUGIN_LOAD_FAILED plugins\[0\]: Plugin \.\/plugin\.mjs: could not be loaded: called process\.exit\(0\)\./],
    ['process.exit(0) in a rule', rule(`process.exit(0);`), /error RULE_FAILED .*Rule p\/r failed: called process\.exit\(0\)/],
    ['an async rule that rejects', rule(`return Promise.reject(new Error('rule kaput'));`), /error RULE_FAILED .*Rule p\/r failed: check\(\) returned a Promise; rules are synchronous/],
  ];
  for (const [name, plugin, expected] of cases) {
    it(name, async () => {
      const dir = project(plugin);
      const proto = Object.getOwnPropertyNames(Object.prototype).sort();
      const exit = process.exit;
      const r = await runCli(['generate', 'service.yaml', '--out', 'out'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at |PLUGIN_EXIT/); // reported once, where it happened
      outputUnchanged(dir);
      expect(process.exit).toBe(exit);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(proto);
      // Let any rejection the plugin left surface now: vitest fails the file on an unhandled one.
      await new Promise((res) => setTimeout(res, 10));
    });
  }
});

describe('plugin failures outside codegen\'s calls (the built CLI)', () => {
  const cases: [string, string, RegExp][] = [
    ['a throw from a timer', emitter(`setTimeout(() => { throw new Error('timer kaput'); }, 0); return [];`), /error PLUGIN_ASYNC_FAILED plugins\[0\]: Plugin \.\/plugin\.mjs threw an error outside any call codegen made \(from a timer or a callback\): timer kaput/],
    ['an unhandled rejection', emitter(`Promise.reject(new Error('nobody listens')); return [];`), /error PLUGIN_UNHANDLED_REJECTION plugins\[0\]: Plugin \.\/plugin\.mjs rejected a Promise that nothing handled: nobody listens/],
    ['process.exit(0) from a timer', emitter(`setTimeout(() => process.exit(0), 0); return [];`), /error PLUGIN_EXIT A plugin or the config called process\.exit\(0\) during the run/],
    ['an immediate that throws at import', `setImmediate(() => { throw new Error('at import'); });\n${emitter('return [];')}`, /PLUGIN_ASYNC_FAILED .*at import/],
  ];
  for (const [name, plugin, expected] of cases) {
    it(name, async () => {
      const dir = project(plugin);
      const r = await runChild(['generate', 'service.yaml', '--out', 'out'], dir, { timeoutMs: 30_000 });
      expect(r.timedOut).toBe(false);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      outputUnchanged(dir);
    });
  }

  it('an import that never settles: the run does not end as a silent success', async () => {
    const dir = project(`await new Promise(() => {});\n${emitter('return [];')}`);
    const r = await runChild(['generate', 'service.yaml', '--out', 'out'], dir, { timeoutMs: 30_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('codegen: the run ended before it finished (plugin or config code called process.exit(), or left nothing to wait for); nothing was written.');
    outputUnchanged(dir);
  });

  it('a timer a plugin leaves behind neither keeps the process alive nor changes its status', async () => {
    const dir = project(emitter(`setInterval(() => {}, 1000); setTimeout(() => process.exit(0), 2000); return [];`));
    const r = await runChild(['generate', 'service.yaml', '--out', 'out', '--max-warnings', '0'], dir, { timeoutMs: 30_000 });
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(1); // the warnings fail the run; the plugin's later exit(0) does not turn it into a success
    expect(r.ms).toBeLessThan(20_000);
    outputUnchanged(dir);
  });

  it('a JavaScript config that throws from a timer is caught the same way', async () => {
    const dir = project(emitter('return [];'));
    writeFileSync(join(dir, 'codegen.config.json'), '{}');
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'codegen.config.json'));
    writeFileSync(join(dir, 'codegen.config.mjs'), `setTimeout(() => { throw new Error('config timer'); }, 0);\nexport default {};\n`);
    const r = await runChild(['generate', 'service.yaml', '--out', 'out'], dir, { timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/PLUGIN_ASYNC_FAILED .*config timer/);
    outputUnchanged(dir);
  });
});
