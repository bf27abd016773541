/**
 * `codegen.config.{mjs,js,json}`: found from the working directory upward to the project root (the
 * nearest folder with `.git` or `package.json`; the working directory alone when there is none),
 * validated against its own JSON Schema, and turned into what one CLI run needs (spec files from
 * globs, output folder, compile options with patches, template and plugin emitters, rule
 * settings). A JavaScript config runs code: it is loaded only from the project root or when named
 * with `--config`. A config's `out` stays inside the config's folder unless the command line gives
 * `--out`. Handlebars, ajv and plugins are imported only when the config uses them.
 */
import type { RuleConfig } from '../rules/types.js';
import { existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileKind, NotRegularFileError, readRegularFile } from '../core/read-file.js';
import { markReported, PluginGuard } from './plugin-guard.js';
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

/** What makes a folder a project root (as for ESLint and Prettier users: the repository or the package). */
export const ROOT_MARKERS = ['.git', 'package.json'] as const;

/** The nearest folder from `cwd` upward holding `.git` or `package.json`, or undefined. */
export function projectRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; ) {
    if (ROOT_MARKERS.some((m) => lstatSync(join(dir, m), { throwIfNoEntry: false }))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The nearest config file from `cwd` upward, never above the project root (`projectRoot`); without
 * a project root only `cwd` itself is searched. Undefined when there is none.
 */
export function findConfig(cwd: string, root = projectRoot(cwd) ?? resolve(cwd)): string | undefined {
  for (let dir = resolve(cwd); ; ) {
    for (const name of CONFIG_FILES) {
      const p = join(dir, name);
      if (existsSync(p) || lstatSync(p, { throwIfNoEntry: false })) return p;
    }
    const parent = dirname(dir);
    if (dir === root || parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * True when `target` is `dir` or inside it, also once symbolic links on the way are resolved (a
 * link inside the folder must not lead out of it).
 */
export function insideFolder(dir: string, target: string): boolean {
  if (target !== dir && !target.startsWith(dir + sep)) return false;
  let base = target;
  const rest: string[] = [];
  while (!lstatSync(base, { throwIfNoEntry: false })) {
    const parent = dirname(base);
    if (parent === base) break;
    rest.unshift(basename(base));
    base = parent;
  }
  try {
    const real = join(realpathSync(base), ...rest);
    const realDir = realpathSync(dir);
    return real === realDir || real.startsWith(realDir + sep);
  } catch {
    return false; // a dangling link: nowhere codegen can tell
  }
}

/** Load and validate a config file. `display` is the name used in diagnostics. */
export async function loadConfig(file: string, display: string): Promise<{ config?: LoadedConfig; diagnostics: Diagnostic[] }> {
  const kind = (() => {
    const st = statSync(file, { throwIfNoEntry: false });
    return st && !st.isFile() ? fileKind(st) : undefined;
  })();
  if (kind) {
    return { diagnostics: [{ code: 'CONFIG_UNREADABLE', severity: 'error', message: `Cannot read the config: it is ${kind}, not a regular file.`, source: 'cli', path: [], file: display }] };
  }
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
      text = readRegularFile(file);
    } catch (err) {
      const why = err instanceof NotRegularFileError ? `it is ${err.kind}, not a regular file` : ((err as NodeJS.ErrnoException).code ?? String(err));
      return fail('CONFIG_UNREADABLE', `Cannot read the config: ${why}.`);
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
      markReported(err);
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
  /** Absolute paths of the files the config brings in (itself, patch files, templates, plugins): never overwritten or pruned. */
  inputs: string[];
  /** Catches what plugin or config code does outside codegen's calls (only with `guard: true`); the caller settles and stops it. */
  guard?: PluginGuard;
  diagnostics: Diagnostic[];
}

export interface ResolveOptions {
  /**
   * The config's `out` will be used (the command writes or compares output and the command line
   * gives no `--out`): it must stay inside the config's folder.
   */
  usesOut?: boolean;
  /** Catch failures of plugin and JavaScript config code outside codegen's calls (a CLI run; see PluginGuard). */
  guard?: boolean;
}

/**
 * Find (or take `explicit`), load and apply the config. Never throws for a problem in the config
 * or its plugins, templates and patch files: those are diagnostics.
 */
export async function resolveProject(cwd: string, explicit?: string, wantSpecs = false, options: ResolveOptions = {}): Promise<Project> {
  const project: Project = { specs: [], compileOptions: {}, inputs: [], diagnostics: [] };
  const root = explicit === undefined ? (projectRoot(cwd) ?? resolve(cwd)) : undefined;
  const file = explicit !== undefined ? resolve(cwd, explicit) : findConfig(cwd, root);
  if (!file) return project;
  const show = (abs: string) => relative(cwd, abs).split(sep).join('/') || abs;
  if (!existsSync(file) && !lstatSync(file, { throwIfNoEntry: false })) {
    project.diagnostics.push({ code: 'CONFIG_NOT_FOUND', severity: 'error', message: 'No such config file.', source: 'cli', path: [], file: show(file) });
    return project;
  }
  const isJs = !file.endsWith('.json');
  if (isJs && root !== undefined && dirname(file) !== root) {
    // Found on the way up, not at the root: code there is not imported unless asked for by name.
    project.diagnostics.push({
      code: 'CONFIG_JS_NOT_AT_ROOT',
      severity: 'error',
      message: `A JavaScript config runs code, so codegen loads one only from the project root (${show(root) || '.'}, the nearest folder with .git or package.json) or when it is named with --config; it did not load this one.`,
      hint: `pass --config ${show(file)} to use it, or write the config as codegen.config.json`,
      source: 'cli',
      path: [],
      file: show(file),
    });
    return project;
  }
  const attach = (ds: Diagnostic[]) => (project.config ? attachConfigPositions(ds, project.config, show(file)) : undefined);
  if (options.guard && isJs) {
    project.guard = new PluginGuard(show(file), attach);
    project.guard.start();
  }
  const loaded = await loadConfig(file, show(file));
  project.diagnostics.push(...loaded.diagnostics);
  if (!loaded.config) return project;
  const { config: c, dir } = loaded.config;
  project.config = loaded.config;
  project.inputs.push(file);
  const report = (code: string, message: string, path: SpecPath, hint?: string) =>
    project.diagnostics.push({ code, severity: 'error', message, ...(hint ? { hint } : {}), source: 'cli', path, file: show(file) });
  if (c.out !== undefined) {
    project.out = show(resolve(dir, c.out));
    if (options.usesOut && !insideFolder(dir, resolve(dir, c.out))) {
      report('CONFIG_OUT_OUTSIDE', `The config's out (${c.out}) leads outside the config's folder; a config writes only inside its own folder.`, ['out'], 'pass --out on the command line to write there');
    }
  }
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
  for (const [i, p] of (c.patches ?? []).entries()) {
    const abs = resolve(dir, p);
    try {
      (opts.patchFiles ??= []).push({ file: show(abs), text: readRegularFile(abs) });
      project.inputs.push(abs);
    } catch (err) {
      const why = err instanceof NotRegularFileError ? `it is ${err.kind}, not a regular file` : ((err as NodeJS.ErrnoException).code ?? String(err));
      report('CONFIG_PATCH_FILE_UNREADABLE', `Cannot read the patch file ${p}: ${why}.`, ['patches', i]);
    }
  }
  const emitters: Emitter[] = [];
  if (c.templates?.length) {
    const { loadTemplateEmitters } = await import('../templates/index.js');
    const t = await loadTemplateEmitters(c.templates, dir, show);
    emitters.push(...t.emitters);
    for (const d of t.problems) report(d.code, d.message, ['templates', d.index]);
    for (const e of c.templates) if (e !== 'runbook') project.inputs.push(resolve(dir, e.template));
  }
  if (c.plugins?.length) {
    if (options.guard && !project.guard) {
      project.guard = new PluginGuard(show(file), attach);
      project.guard.start();
    }
    const p = await loadPlugins(c.plugins, dir, show(file), project.guard);
    emitters.push(...p.emitters);
    if (p.rules.length) opts.rules = p.rules;
    project.diagnostics.push(...p.diagnostics);
    project.inputs.push(...p.files);
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
    const { source } = parseSource(display, readRegularFile(config.file));
    attachPositions(source, mine);
  } catch {
    // positions are a nicety
  }
}
