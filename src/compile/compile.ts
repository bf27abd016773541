/**
 * `compile()`: the whole pipeline, pure (no file system): parse → validate → environment overlay →
 * per-target view → normalize → emit → serialize. Returns every artifact and every diagnostic;
 * when an error diagnostic is present the caller must not write (the CLI refuses).
 */
import { builtinEmitters } from '../emitters/index.js';
import { resolveParameterTokens } from '../emitters/common/parameters.js';
import type { EmitContext, Emitter } from '../emitters/types.js';
import { applyEnvironment, enabledTargets, normalize, resolveTarget, type ResolvedSpec, type ServiceSpec } from '../model/normalize/index.js';
import { applyDeployValues } from '../model/normalize/deploy-values.js';
import { TARGETS, type ServiceModel, type TargetName } from '../model/types.js';
import { validateSpec } from '../schema/validate.js';
import { builtinRules } from '../rules/index.js';
import { applySuppressions, runRules } from '../rules/engine.js';
import type { AnyRuleModule, RuleConfig } from '../rules/types.js';
import { appendDiagnostics, capDiagnostics, compareDiagnostics, DiagnosticError, hasErrors, type Diagnostic, type DiagnosticInput, type SpecPath } from '../core/diagnostics.js';
import { attachPositions, readSpecInput } from '../core/source.js';
import { redactDiagnostics } from '../core/redact.js';
import { serializeArtifact, type Artifact } from '../core/serialize.js';
import { verifyArtifacts } from '../verify/index.js';
import { applyPatches, readPatchFile, type PatchDeclaration, type PatchFileInput, type PatchSet } from '../core/patch.js';
import { isSafeRelativePath, type OutputFile } from '../core/output.js';

export type { OutputFile };

export interface CompileOptions {
  /** File name used in diagnostics (default `service.yaml`). */
  file?: string;
  /** Environment overlay to apply (`environments.<env>`). */
  env?: string;
  /**
   * Deploy-time values (`--set KEY=VALUE`): `image`, `sidecars.<name>.image`, `replicas`,
   * `env.<NAME>`, `parameters.<Name>.default`; each set everywhere the spec gives that field.
   */
  set?: Readonly<Record<string, string>>;
  /** Targets to generate (default: the targets the spec enables). */
  targets?: readonly string[];
  /** Extra emitters (plugins), run after the built-ins of the same target. */
  emitters?: readonly Emitter[];
  /** Replace the built-in emitters entirely. */
  builtinEmitters?: readonly Emitter[];
  /** Extra rules (plugins), run with the built-ins. */
  rules?: readonly AnyRuleModule[];
  /** Severity and options per rule id: `'off' | 'warn' | 'error'` or `[level, options]` (a config file's `rules` key). */
  ruleConfig?: RuleConfig;
  /** Replace the built-in rules entirely (`[]` runs only `rules`). */
  builtinRules?: readonly AnyRuleModule[];
  /** JSON Patch side files (as read by the caller), applied after the spec's own `patches`. */
  patchFiles?: readonly PatchFileInput[];
  /** Warning/info codes the project has acknowledged (config `acknowledgedDeprecations`): not reported. */
  acknowledgedDeprecations?: readonly string[];
  /**
   * Check every artifact against the targets' bundled schemas (default `true`): a violation is an
   * error, so no artifact a target would reject comes back with `files`. `false` skips the check.
   */
  verify?: boolean;
}

export interface CompileResult {
  /** The service name, when the spec got far enough to have one. */
  service?: string;
  artifacts: Artifact[];
  files: OutputFile[];
  diagnostics: Diagnostic[];
  /** The models built, per target (for rules, templates and tools). */
  models: Partial<Record<TargetName, ServiceModel>>;
  /** Rule diagnostics the spec's `suppress` entries removed, each with its reason (SARIF keeps them). */
  suppressed: Diagnostic[];
  /** The environments the spec defines (`environments.<name>`), sorted, once the spec is valid. */
  environments?: string[];
}

const KEY_CODES = new Set(['SCHEMA_UNKNOWN_KEY', 'SCHEMA_KEY_NAME', 'FORBIDDEN_KEY']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function compile(input: string | Uint8Array | object, options: CompileOptions = {}): CompileResult {
  const file = options.file ?? 'service.yaml';
  const diagnostics: Diagnostic[] = [];
  const result: CompileResult = { artifacts: [], files: [], diagnostics, models: {}, suppressed: [] };
  const { source, value, fromText } = readSpecInput(file, input, diagnostics);
  const finish = (): CompileResult => {
    // Diagnostics about other files (templates, patch files) keep their own positions.
    attachPositions(source, diagnostics.filter((d) => d.file === undefined || d.file === file), KEY_CODES);
    attachPositions(source, result.suppressed);
    dropAcknowledged(diagnostics, options.acknowledgedDeprecations);
    for (const d of [...diagnostics, ...result.suppressed]) if (d.file === undefined && fromText) d.file = file;
    diagnostics.sort(compareDiagnostics);
    dedupe(diagnostics);
    capDiagnostics(diagnostics);
    // No secret value of the spec is ever printed, whichever check wrote the message.
    redactDiagnostics(diagnostics, value, source, file, KEY_CODES);
    redactDiagnostics(result.suppressed, value, source, file);
    return result;
  };
  if (hasErrors(diagnostics)) return finish();
  if (!isPlainObject(value)) {
    diagnostics.push({ code: 'SCHEMA_TYPE', severity: 'error', message: 'A spec is a map of keys (apiVersion, name, image, ...).', source: 'schema', path: [] });
    return finish();
  }
  appendDiagnostics(diagnostics, validateSpec(value));
  let spec = value as unknown as ServiceSpec;
  if (options.set && Object.keys(options.set).length && !hasErrors(diagnostics)) {
    // Values from the command line replace the spec's before anything reads them; the result is
    // checked against the schema again (each value was checked for its field already).
    const withValues = applyDeployValues(spec, options.set, (d) => diagnostics.push({ source: 'cli', ...d }));
    if (!withValues) return finish();
    spec = withValues;
    appendDiagnostics(diagnostics, validateSpec(spec));
  }
  // Overlay contents are checked through the merged views, together with the rest, so one run
  // reports every problem.
  const validated = validateViews(spec, diagnostics);
  if (hasErrors(diagnostics)) return finish();
  const raw = spec;
  result.service = raw.name;
  result.environments = Object.keys(raw.environments ?? {}).sort();

  const report = (d: DiagnosticInput & { path: SpecPath }) => diagnostics.push({ source: 'model', ...d, path: d.path });
  const resolved = applyEnvironment(raw, options.env, report);
  if (!resolved) return finish();
  if (hasErrors(diagnostics)) return finish();
  result.service = resolved.spec.name;

  // Targets of extra emitters (plugins, templates) are valid `targets` too; they select no built-in.
  const extraTargets = new Set((options.emitters ?? []).map((e) => e.target));
  const builtinRequested = options.targets?.filter((t) => !extraTargets.has(t) || (TARGETS as readonly string[]).includes(t));
  const selected = options.targets?.length && !builtinRequested?.length ? [] : selectTargets(resolved.spec, builtinRequested, diagnostics);
  if (hasErrors(diagnostics)) return finish();

  // Views and models per target, built lazily and once.
  const views = new Map<TargetName, ResolvedSpec>();
  const view = (t: TargetName): ResolvedSpec => {
    let v = views.get(t);
    if (!v) {
      // Built (and validated) by validateViews; merged again only if it could not build them.
      v = validated.get(resolved.environment ?? '')?.targets.get(t) ?? resolveTarget(resolved, t);
      views.set(t, v);
    }
    return v;
  };
  const modelFor = (t: TargetName): ServiceModel => {
    let m = result.models[t];
    if (!m) {
      m = normalize(view(t), t, report);
      result.models[t] = m;
    }
    return m;
  };
  const envModels = new Map<TargetName, Map<string, ServiceModel>>();
  const environmentsFor = (t: TargetName): ReadonlyMap<string, ServiceModel> => {
    let m = envModels.get(t);
    if (!m) {
      m = new Map();
      for (const name of Object.keys(raw.environments ?? {}).sort()) {
        const quiet = () => undefined; // problems of other environments are reported when they are compiled
        const known = validated.get(name)?.targets.get(t);
        const r = known ? undefined : applyEnvironment(raw, name, quiet);
        const v = known ?? (r ? resolveTarget(r, t) : undefined);
        if (v) m.set(name, normalize(v, t, quiet));
      }
      envModels.set(t, m);
    }
    return m;
  };

  // Rules run once the spec is valid and every selected target normalized without error.
  for (const t of selected) modelFor(t);
  if (!hasErrors(diagnostics)) {
    const rules = [...(options.builtinRules ?? builtinRules), ...(options.rules ?? [])];
    const run = runRules({
      rules,
      ...(options.ruleConfig ? { config: options.ruleConfig } : {}),
      spec: resolved.spec,
      document: raw,
      ...(resolved.environment ? { environment: resolved.environment } : {}),
      targets: selected,
      origin: resolved.origin,
      view,
      model: modelFor,
    });
    appendDiagnostics(diagnostics, run.diagnostics);
    result.suppressed = applySuppressions(diagnostics, raw.suppress, new Set(rules.map((r) => r.id)), run.enabled);
  }

  const emitters = [...(options.builtinEmitters ?? builtinEmitters), ...(options.emitters ?? [])];
  // Every target is emitted when the spec, the models and the rules are clean, so one target's
  // emitter error does not hide another's: the run writes nothing either way.
  const emit = !hasErrors(diagnostics);
  for (const t of selected) {
    const model = modelFor(t);
    if (!emit) continue;
    for (const emitter of emitters.filter((e) => e.target === t)) {
      runEmitter(emitter, model, t, { modelFor, environmentsFor }, result);
    }
  }
  // Plugin emitters for targets that are not built in run once, on the base model.
  for (const emitter of (options.emitters ?? []).filter((e) => !(TARGETS as readonly string[]).includes(e.target))) {
    if (options.targets && !options.targets.includes(emitter.target)) continue;
    runEmitter(emitter, modelFor(selected[0] ?? 'ecs'), selected[0] ?? 'ecs', { modelFor, environmentsFor }, result);
  }
  // Parameter uses: Ref/Fn::Sub in CloudFormation, the default elsewhere (before patches, which see the result).
  const firstModel = selected.map((t) => result.models[t]).find((m) => m !== undefined);
  if (!hasErrors(diagnostics) && firstModel) {
    result.artifacts = resolveParameterTokens(result.artifacts, firstModel.parameters, (d) => diagnostics.push({ source: 'model', ...d }));
  }
  if (!hasErrors(diagnostics)) patchAll(raw, options.patchFiles, result);
  if (options.verify !== false && !hasErrors(diagnostics)) diagnostics.push(...verifyArtifacts(result.artifacts));
  if (!hasErrors(diagnostics)) serializeAll(result);
  return finish();
}


/** JSON Patch overrides: the spec's `patches`, then each side file, in order. */
function patchAll(spec: ServiceSpec, files: readonly PatchFileInput[] | undefined, result: CompileResult): void {
  const sets: PatchSet[] = [];
  const own = (spec as { patches?: PatchDeclaration[] }).patches;
  if (own?.length) sets.push({ patches: own, base: ['patches'] });
  for (const f of files ?? []) {
    const set = readPatchFile(f, result.diagnostics);
    if (set) sets.push(set);
  }
  if (sets.length && !hasErrors(result.diagnostics)) applyPatches(result.artifacts, sets, result.diagnostics);
}

function dropAcknowledged(diags: Diagnostic[], codes: readonly string[] | undefined): void {
  if (!codes?.length) return;
  const set = new Set(codes);
  const kept = diags.filter((d) => d.severity === 'error' || !set.has(d.code));
  diags.splice(0, diags.length, ...kept);
}

/**
 * Every view a spec defines — the base, each environment, and each of those with each target's
 * overrides — validated against the full schema, errors mapped to where the value was written.
 * Returns the views it built, by environment ('' for none), for compile() to use.
 * (The generated validator leaves overlay contents to this step; see scripts/schema-artifacts.ts.)
 */
function validateViews(raw: ServiceSpec, diagnostics: Diagnostic[]): Map<string, { targets: Map<TargetName, ResolvedSpec> }> {
  const built = new Map<string, { targets: Map<TargetName, ResolvedSpec> }>();
  const quiet = () => undefined;
  // Views are merged from maps only; a spec whose sections have the wrong type already has errors.
  const targets = raw.targets as unknown;
  const sections = isPlainObject(targets) ? Object.values(targets) : [];
  if (!sections.every((x) => x === undefined || isPlainObject(x))) return built;
  const envs = (isPlainObject(raw.environments) ? raw.environments : {}) as Record<string, unknown>;
  const bases: ResolvedSpec[] = [applyEnvironment(raw, undefined, quiet)!];
  for (const name of Object.keys(envs).sort()) {
    const overlay = envs[name];
    if (!isPlainObject(overlay)) continue;
    const envTargets = overlay.targets as unknown;
    if (envTargets !== undefined && envTargets !== null && !(isPlainObject(envTargets) && Object.values(envTargets).every((x) => x === null || isPlainObject(x)))) continue;
    const env = applyEnvironment(raw, name, quiet);
    if (!env) continue;
    revalidate(env, raw, diagnostics);
    bases.push(env);
  }
  for (const base of bases) {
    const byTarget = new Map<TargetName, ResolvedSpec>();
    for (const t of TARGETS) {
      const v = resolveTarget(base, t);
      if (v !== base) revalidate(v, base.spec, diagnostics);
      byTarget.set(t, v);
    }
    built.set(base.environment ?? '', { targets: byTarget });
  }
  return built;
}

/** The spec's required top-level fields (test/overlays.test.ts holds this to the schema). */
export const REQUIRED_SPEC_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'name', 'image']);

/**
 * Validate a view where it differs from the spec it was merged onto (`from`, already validated):
 * the top-level fields an overlay changed (merging keeps every other field's object as it was),
 * plus the required fields so that one deleted with `null` is reported. The schema has no
 * constraint across top-level fields, so nothing else can have become invalid.
 */
function revalidate(r: ResolvedSpec, from: object, diagnostics: Diagnostic[]): void {
  const view = r.spec as unknown as Record<string, unknown>;
  const base = from as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const k of Object.keys(view)) if (REQUIRED_SPEC_FIELDS.has(k) || view[k] !== base[k]) changed[k] = view[k];
  for (const d of validateSpec(changed)) {
    // A required field the overlay deleted (`image: null`): point at that null, not at the spec.
    const deleted = d.code === 'SCHEMA_REQUIRED' && d.path.length === 0 ? [...REQUIRED_SPEC_FIELDS].find((k) => k in base && !(k in view) && d.message.includes(`"${k}"`)) : undefined;
    diagnostics.push({ ...d, path: deleted ? r.origin([deleted]) : r.origin(d.path) });
  }
}

function selectTargets(spec: ServiceSpec, requested: readonly string[] | undefined, diagnostics: Diagnostic[]): TargetName[] {
  if (!requested || requested.length === 0) return enabledTargets(spec);
  const out: TargetName[] = [];
  for (const t of requested) {
    if ((TARGETS as readonly string[]).includes(t)) {
      if (!out.includes(t as TargetName)) out.push(t as TargetName);
    } else {
      diagnostics.push({ code: 'UNKNOWN_TARGET', severity: 'error', message: `Unknown target "${t}"; targets are ${TARGETS.join(', ')}.`, source: 'cli', path: [] });
    }
  }
  return TARGETS.filter((t) => out.includes(t));
}

function runEmitter(
  emitter: Emitter,
  model: ServiceModel,
  target: TargetName,
  env: { modelFor: (t: TargetName) => ServiceModel; environmentsFor: (t: TargetName) => ReadonlyMap<string, ServiceModel> },
  result: CompileResult,
): void {
  const ctx: EmitContext = {
    report: (d) =>
      result.diagnostics.push({ source: 'emitter', origin: emitter.name, ...d, path: d.path ? model.origin(d.path) : [] }),
    modelFor: env.modelFor,
    environments: () => env.environmentsFor(target),
  };
  try {
    if (emitter.applies && !emitter.applies(model)) return;
    const artifacts = emitter.emit(model, ctx);
    for (const a of artifacts) {
      if (!isSafeRelativePath(a.path)) {
        result.diagnostics.push({ code: 'ARTIFACT_PATH_INVALID', severity: 'error', message: `Emitter ${emitter.name} returned the unsafe path ${JSON.stringify(a.path)}.`, source: 'emitter', origin: emitter.name, path: [] });
        continue;
      }
      // Group by the spec's service name: a target may rename the service (e.g. Copilot's `api`).
      result.artifacts.push({ ...a, path: `${result.service ?? model.name}/${a.path}`, emitter: a.emitter || emitter.name });
    }
  } catch (err) {
    if (err instanceof DiagnosticError) {
      result.diagnostics.push({ source: 'emitter', origin: emitter.name, path: [], ...err.diagnostic });
      return;
    }
    result.diagnostics.push({
      code: 'EMITTER_FAILED',
      severity: 'error',
      message: `Emitter ${emitter.name} failed: ${err instanceof Error ? err.message : String(err)}`,
      source: 'emitter',
      origin: emitter.name,
      path: [],
    });
  }
}

function serializeAll(result: CompileResult): void {
  result.artifacts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const seen = new Set<string>();
  for (const a of result.artifacts) {
    if (seen.has(a.path)) {
      result.diagnostics.push({ code: 'ARTIFACT_PATH_CONFLICT', severity: 'error', message: `Two artifacts want the path ${a.path}.`, source: 'emitter', origin: a.emitter, path: [] });
      continue;
    }
    seen.add(a.path);
    try {
      // serializeArtifact refuses documents that are not plain data (assertPlain's errors).
      result.files.push({ path: a.path, content: serializeArtifact(a) });
    } catch (err) {
      result.diagnostics.push({ code: 'SERIALIZE_FAILED', severity: 'error', message: err instanceof Error ? err.message : String(err), source: 'emitter', origin: a.emitter, path: [] });
    }
  }
  if (hasErrors(result.diagnostics)) result.files = [];
}

function dedupe(diags: Diagnostic[]): void {
  const seen = new Set<string>();
  let w = 0;
  for (const d of diags) {
    const key = `${d.code}|${d.severity}|${d.path.join('\u0000')}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diags[w++] = d;
  }
  diags.length = w;
}
