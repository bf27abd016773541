/**
 * `codegen.config.{mjs,js,json}`: found from the working directory upward, validated against its
 * own JSON Schema, and turned into what one CLI run needs (spec files from globs, output folder,
 * compile options with patches, template and plugin emitters, rule settings). Handlebars, ajv and
 * plugins are imported only when the config uses them.
 */
import type { RuleConfig } from '../rules/types.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Emitter } from '../emitters/types.js';
import type { TemplateEntry } from '../templates/index.js';
import { CONFIG_SCHEMA } from './config-schema.js';
import { compareDiagnostics, type Diagnostic, type SpecPath } from '../core/diagnostics.js';
import type { PatchFileInput } from '../core/patch.js';
import { loadPlugins, type PluginRule } from './plugins.js';
import { attachPositions, parseSource, type SourceFile } from '../core/source.js';
import { patternRule } from '../schema/pattern-rules.js';

export const CONFIG_FILES = ['codegen.config.mjs', 'codegen.config.js', 'codegen.config.json'] as const;

export type { TemplateEntry };

export interface CodegenConfig {
  $schema?: string;
  specs?: string[];
  out?: string;
  targets?: string[];
  env?: string;
  allEnvironments?: boolean;
  rules?: Record<string, unknown>;
  plugins?: string[];
  templates?: TemplateEntry[];
  patches?: string[];
  acknowledgedDeprecations?: string[];
}

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Folder that relative paths in the config start from. */
  dir: string;
  config: CodegenConfig;
}

/** The nearest config file from `cwd` upward, or undefined. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const p = join(dir, name);
      if (existsSync(p)) return p;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Load and validate a config file. `display` is the name used in diagnostics. */
export async function loadConfig(file: string, display: string): Promise<{ config?: LoadedConfig; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const fail = (code: string, message: string) => {
    diagnostics.push({ code, severity: 'error', message, source: 'cli', path: [], file: display });
    return { diagnostics };
  };
  let value: unknown;
  let source: SourceFile | undefined;
  if (file.endsWith('.json')) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      return fail('CONFIG_UNREADABLE', `Cannot read the config: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
    }
    const parsed = parseSource(display, text);
    if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics.map((d) => ({ ...d, code: d.code.replace(/^(YAML|INPUT)_/, 'CONFIG_') })) };
    value = parsed.value;
    source = parsed.source;
  } else {
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      value = mod.default ?? mod;
    } catch (err) {
      return fail('CONFIG_LOAD_FAILED', `The config could not be loaded: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  const problems = await validateConfig(value);
  for (const p of problems) diagnostics.push({ ...p, file: display });
  attachPositions(source, diagnostics, new Set(['CONFIG_UNKNOWN_KEY']));
  diagnostics.sort(compareDiagnostics);
  if (diagnostics.length) return { diagnostics };
  return { config: { file, dir: dirname(file), config: value as CodegenConfig }, diagnostics };
}

/**
 * Validate a config value against `CONFIG_SCHEMA`. The schema uses a small subset of JSON Schema
 * (type, properties, required, additionalProperties, items, enum, pattern, minLength, oneOf), checked
 * here directly: compiling it with ajv at run time cost ~250 ms per CLI start, too slow for a hook.
 */
export async function validateConfig(value: unknown): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  check(value, CONFIG_SCHEMA, [], out);
  return out;
}

type Node = { [k: string]: unknown };

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v;
}

function check(v: unknown, s: Node, path: (string | number)[], out: Diagnostic[]): void {
  const err = (keyword: string, message: string, at = path) =>
    out.push({ code: `CONFIG_${keyword}`, severity: 'error', message, source: 'cli', path: at });
  if (Array.isArray(s.oneOf)) {
    const branches = s.oneOf as Node[];
    const fits = branches.filter((b) => {
      const tmp: Diagnostic[] = [];
      check(v, b, path, tmp);
      return tmp.length === 0;
    });
    if (fits.length !== 1) {
      // Report the branch of the value's own type, which says most.
      const same = branches.find((b) => b.type === typeOf(v) || (b.type === 'object' && typeOf(v) === 'object'));
      if (same) check(v, same, path, out);
      else err('TYPE', `Config value must be one of: ${String(s.description ?? '')}`);
    }
    return;
  }
  const t = s.type as string | undefined;
  if (t && !(t === typeOf(v) || (t === 'number' && typeOf(v) === 'integer'))) {
    err('TYPE', `Config value must be ${t === 'array' ? 'an' : 'a'} ${t}.`);
    return;
  }
  if (Array.isArray(s.enum) && !(s.enum as unknown[]).includes(v)) err('ENUM', `Config value must be one of ${(s.enum as unknown[]).map((x) => JSON.stringify(x)).join(', ')}.`);
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && v.length < s.minLength) err('MIN_LENGTH', 'Config value must not be empty.');
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) err('PATTERN', `Config value ${patternRule(s.pattern)}.`);
  }
  if (Array.isArray(v) && s.items) v.forEach((x, i) => check(x, s.items as Node, [...path, i], out));
  if (typeOf(v) === 'object') {
    const obj = v as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Node>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) err('REQUIRED', `Config needs "${r}".`);
    for (const [k, x] of Object.entries(obj)) {
      if (Object.hasOwn(props, k)) check(x, props[k]!, [...path, k], out);
      else if (s.additionalProperties === false) err('UNKNOWN_KEY', `Unknown config key "${k}".`, [...path, k]);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') check(x, s.additionalProperties as Node, [...path, k], out);
    }
  }
}

/** Everything a CLI run takes from the config. */
export interface Project {
  config?: LoadedConfig;
  /** Spec files from the config's globs, relative to cwd (only when the command line gives none). */
  specs: string[];
  /** Output folder relative to cwd, when the config sets one. */
  out?: string;
  targets?: string[];
  env?: string;
  /** Write every environment side by side (`--all-envs`). */
  allEnvironments?: boolean;
  /** Options to spread into `compile()` (rule settings are passed through to the rule engine). */
  compileOptions: {
    emitters?: Emitter[];
    patchFiles?: PatchFileInput[];
    acknowledgedDeprecations?: string[];
    rules?: PluginRule[];
    ruleConfig?: RuleConfig;
  };
  diagnostics: Diagnostic[];
}

/**
 * Find (or take `explicit`), load and apply the config. Never throws for a problem in the config
 * or its plugins, templates and patch files: those are diagnostics.
 */
export async function resolveProject(cwd: string, explicit?: string, wantSpecs = false): Promise<Project> {
  const project: Project = { specs: [], compileOptions: {}, diagnostics: [] };
  const file = explicit !== undefined ? resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return project;
  const show = (abs: string) => relative(cwd, abs).split(sep).join('/') || abs;
  if (!existsSync(file)) {
    project.diagnostics.push({ code: 'CONFIG_NOT_FOUND', severity: 'error', message: 'No such config file.', source: 'cli', path: [], file: show(file) });
    return project;
  }
  const loaded = await loadConfig(file, show(file));
  project.diagnostics.push(...loaded.diagnostics);
  if (!loaded.config) return project;
  const { config: c, dir } = loaded.config;
  project.config = loaded.config;
  if (c.out !== undefined) project.out = show(resolve(dir, c.out));
  if (c.targets) project.targets = c.targets;
  if (c.env !== undefined) project.env = c.env;
  if (c.allEnvironments) project.allEnvironments = true;
  if (wantSpecs && c.specs) {
    const { expandGlobs } = await import('./globs.js');
    project.specs = expandGlobs(c.specs, dir, [c.out ?? 'out']).map((r) => show(join(dir, r)));
    if (project.specs.length === 0) {
      project.diagnostics.push({ code: 'CONFIG_NO_SPECS', severity: 'error', message: `No spec file matches ${c.specs.map((s) => JSON.stringify(s)).join(', ')}.`, source: 'cli', path: ['specs'], file: show(file) });
    }
  }
  const opts = project.compileOptions;
  if (c.rules) opts.ruleConfig = c.rules as RuleConfig; // checked by the rule engine (unknown ids, levels, options)
  if (c.acknowledgedDeprecations?.length) opts.acknowledgedDeprecations = c.acknowledgedDeprecations;
  const report = (code: string, message: string, path: SpecPath) =>
    project.diagnostics.push({ code, severity: 'error', message, source: 'cli', path, file: show(file) });
  for (const [i, p] of (c.patches ?? []).entries()) {
    try {
      (opts.patchFiles ??= []).push({ file: show(resolve(dir, p)), text: readFileSync(resolve(dir, p), 'utf8') });
    } catch (err) {
      report('CONFIG_PATCH_FILE_UNREADABLE', `Cannot read the patch file ${p}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`, ['patches', i]);
    }
  }
  const emitters: Emitter[] = [];
  if (c.templates?.length) {
    const { loadTemplateEmitters } = await import('../templates/index.js');
    const t = await loadTemplateEmitters(c.templates, dir, show);
    emitters.push(...t.emitters);
    for (const d of t.problems) report(d.code, d.message, ['templates', d.index]);
  }
  if (c.plugins?.length) {
    const p = await loadPlugins(c.plugins, dir, show(file));
    emitters.push(...p.emitters);
    if (p.rules.length) opts.rules = p.rules;
    project.diagnostics.push(...p.diagnostics);
  }
  if (emitters.length) opts.emitters = emitters;
  attachConfigPositions(project.diagnostics, loaded.config, show(file));
  return project;
}

/** Config-path diagnostics of a JSON config get their line and column. */
function attachConfigPositions(diags: Diagnostic[], config: LoadedConfig, display: string): void {
  if (!config.file.endsWith('.json')) return;
  const mine = diags.filter((d) => d.file === display && d.line === undefined);
  if (!mine.length) return;
  try {
    const { source } = parseSource(display, readFileSync(config.file, 'utf8'));
    attachPositions(source, mine);
  } catch {
    // positions are a nicety
  }
}
