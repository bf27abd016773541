/**
 * Plugins: JS/TS modules exporting emitters (`defineEmitter`) and rules (`defineRule`), listed in
 * the config and imported only then. Whatever a plugin does wrong — fails to import, exports
 * something that is neither, throws or returns a Promise from `emit` or `check`, calls
 * `process.exit()` — becomes a diagnostic that names the plugin; it never crashes the run. What it
 * does outside those calls (timers, callbacks, unhandled rejections) is caught by the run's
 * PluginGuard (plugin-guard.ts).
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileKind } from '../core/read-file.js';
import { markReported, type PluginGuard } from './plugin-guard.js';
import { builtinEmitters } from '../emitters/index.js';
import type { Emitter } from '../emitters/types.js';
import type { AnyRuleModule } from '../rules/types.js';
import { DiagnosticError, type Diagnostic } from '../core/diagnostics.js';

/** A rule contributed by a plugin: a rule module as the engine defines it (`defineRule`, src/rules). */
export type PluginRule = AnyRuleModule;

export interface LoadedPlugins {
  emitters: Emitter[];
  rules: PluginRule[];
  diagnostics: Diagnostic[];
  /** The plugins' module files (inputs of the run: never overwritten or pruned). */
  files: string[];
}

const isEmitter = (v: unknown): v is Emitter =>
  !!v && typeof v === 'object' && typeof (v as Emitter).emit === 'function' && typeof (v as Emitter).name === 'string' && typeof (v as Emitter).target === 'string';
const isRule = (v: unknown): v is PluginRule =>
  !!v && typeof v === 'object' && typeof (v as PluginRule).check === 'function' && typeof (v as PluginRule).id === 'string' && typeof (v as PluginRule).meta === 'object';

/**
 * Import each plugin (relative to `dir`, or a package resolved from it) and collect its units.
 * `guard` (a run's PluginGuard) learns each module's file, to name it when its code fails later.
 */
export async function loadPlugins(specifiers: readonly string[], dir: string, configFile: string, guard?: PluginGuard): Promise<LoadedPlugins> {
  const out: LoadedPlugins = { emitters: [], rules: [], diagnostics: [], files: [] };
  const taken = new Map<string, string>(builtinEmitters.map((e) => [e.name, 'the built-in emitters']));
  for (const [i, spec] of specifiers.entries()) {
    const report = (code: string, message: string) =>
      out.diagnostics.push({ code, severity: 'error', message: `Plugin ${spec}: ${message}`, source: 'plugin', origin: spec, path: ['plugins', i], file: configFile });
    let mod: Record<string, unknown>;
    try {
      const file = resolvePlugin(spec, dir);
      // Importing a FIFO or a device would wait forever: only a regular file is imported.
      const st = statSync(file);
      if (!st.isFile()) {
        report('PLUGIN_LOAD_FAILED', `could not be loaded: ${file} is ${fileKind(st)}, not a module file.`);
        continue;
      }
      out.files.push(file);
      const url = pathToFileURL(file).href;
      guard?.register(spec, ['plugins', i], url);
      mod = (await import(url)) as Record<string, unknown>;
    } catch (err) {
      markReported(err);
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || code === 'ENOENT' ? 'the module was not found' : err instanceof Error ? err.message.split('\n')[0] : String(err);
      report('PLUGIN_LOAD_FAILED', `could not be loaded: ${why}.`);
      continue;
    }
    const units = new Set<unknown>();
    for (const key of Object.keys(mod).sort()) {
      const v = mod[key];
      for (const u of Array.isArray(v) ? v : v && typeof v === 'object' && !isEmitter(v) && !isRule(v) ? [...asList((v as { emitters?: unknown }).emitters), ...asList((v as { rules?: unknown }).rules)] : [v]) units.add(u);
    }
    let found = 0;
    for (const u of units) {
      if (isEmitter(u)) {
        found++;
        const other = taken.get(u.name);
        if (other) {
          report('PLUGIN_EMITTER_CONFLICT', `emitter ${u.name} is already defined by ${other}.`);
          continue;
        }
        taken.set(u.name, `plugin ${spec}`);
        out.emitters.push(guardEmitter(u, spec));
      } else if (isRule(u)) {
        found++;
        out.rules.push(guardRule(u));
      }
    }
    if (!found) report('PLUGIN_EMPTY', 'exports no emitter (defineEmitter) and no rule (defineRule).');
  }
  return out;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The module file of a plugin: a path relative to the config's folder, or a package resolved from it. */
function resolvePlugin(spec: string, dir: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) return resolve(dir, spec);
  return createRequire(join(dir, 'noop.js')).resolve(spec);
}

/** A result that is a Promise: its rejection is handled here (the caller reports the Promise itself). */
function isThenable(r: unknown): r is PromiseLike<unknown> {
  if (!r || (typeof r !== 'object' && typeof r !== 'function') || typeof (r as PromiseLike<unknown>).then !== 'function') return false;
  Promise.resolve(r).catch(() => undefined);
  return true;
}

/** A plugin rule whose `check` returns a Promise or calls process.exit fails (RULE_FAILED) with a plain message. */
function guardRule(rule: PluginRule): PluginRule {
  return {
    ...rule,
    check(ctx) {
      let r: unknown;
      try {
        r = rule.check(ctx);
      } catch (err) {
        markReported(err);
        throw err;
      }
      if (isThenable(r)) throw new Error('check() returned a Promise; rules are synchronous');
    },
  };
}

/** Wrap a plugin emitter so its failures name the plugin and async results are refused. */
function guardEmitter(e: Emitter, plugin: string): Emitter {
  const fail = (message: string): never => {
    throw new DiagnosticError({ code: 'PLUGIN_EMITTER_FAILED', severity: 'error', message: `Plugin ${plugin}: emitter ${e.name} ${message}`, source: 'plugin', origin: e.name });
  };
  const wrapped: Emitter = {
    name: e.name,
    target: e.target,
    description: typeof e.description === 'string' ? e.description : `Emitter from ${plugin}.`,
    emit(model, ctx) {
      let r: unknown;
      try {
        r = e.emit(model, ctx);
      } catch (err) {
        if (err instanceof DiagnosticError) throw err;
        markReported(err);
        fail(`failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (isThenable(r)) fail('returned a Promise; emitters are synchronous.');
      if (!Array.isArray(r)) fail('must return an array of artifacts.');
      return r as ReturnType<Emitter['emit']>;
    },
  };
  if (e.applies) {
    const applies = e.applies.bind(e);
    wrapped.applies = (model) => {
      try {
        return applies(model);
      } catch (err) {
        markReported(err);
        return fail(`failed in applies(): ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }
  return wrapped;
}
