/**
 * The rule engine: resolves each rule's severity and options from configuration, runs the enabled
 * rules, turns their reports into diagnostics (paths mapped to where the value was written) and
 * applies the spec's own `suppress` entries.
 */
import { evaluate, type Schema } from '../verify/json-schema.js';
import { formatPath, type Diagnostic, type Severity, type SpecPath } from '../core/diagnostics.js';
import type { ServiceModel, TargetName } from '../model/types.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../schema/spec.generated.js';
import type { AnyRuleModule, RuleConfig, RuleConfigEntry, RuleContext, RuleLevel } from './types.js';

export interface RuleRunInput {
  rules: readonly AnyRuleModule[];
  config?: RuleConfig;
  spec: ServiceSpec;
  /** The spec as written, every overlay included (`RuleContext.document`). */
  document?: ServiceSpec;
  environment?: string;
  targets: readonly TargetName[];
  /** Maps a path in `spec` to where it was written. */
  origin(path: SpecPath): SpecPath;
  /** The spec seen by one target, with its own origin mapping. */
  view(target: TargetName): { spec: ServiceSpec; origin(path: SpecPath): SpecPath };
  model(target: TargetName): ServiceModel;
}

export interface RuleRunResult {
  diagnostics: Diagnostic[];
  /** Rules that ran (enabled), by id. */
  enabled: ReadonlySet<string>;
}

const LEVELS: Record<RuleLevel, Severity | undefined> = { off: undefined, warn: 'warning', error: 'error' };
// Rule options are checked with the project's own small JSON Schema evaluator (the one --verify
// uses): no schema compilation, and no ajv in the start-up path of every run.

function configError(code: string, message: string, ruleId?: string): Diagnostic {
  return { code, severity: 'error', message, source: 'rule', ...(ruleId ? { origin: ruleId } : {}), path: [] };
}

/** Severity and options for one rule, or a configuration problem. */
function resolve(rule: AnyRuleModule, entry: RuleConfigEntry | undefined, out: Diagnostic[]): { severity?: Severity; options: object } {
  const defaults = { ...(rule.meta.defaultOptions ?? {}) };
  if (entry === undefined) return { ...(rule.meta.docs.recommended ? { severity: rule.meta.defaultSeverity } : {}), options: defaults };
  const [level, options] = typeof entry === 'string' ? [entry, undefined] : [entry[0], entry[1]];
  if (typeof level !== 'string' || !Object.hasOwn(LEVELS, level)) {
    out.push(configError('RULE_CONFIG_INVALID', `Rule ${rule.id}: the level must be "off", "warn" or "error", not ${JSON.stringify(level)}.`, rule.id));
    return { options: defaults };
  }
  const merged = { ...defaults, ...(options ?? {}) };
  if (options !== undefined) {
    if (!rule.meta.schema) {
      out.push(configError('RULE_OPTIONS_INVALID', `Rule ${rule.id} takes no options.`, rule.id));
      return { options: defaults };
    }
    const problems = evaluate(rule.meta.schema as Schema, merged);
    if (problems.length) {
      const e = problems[0]!;
      const at = e.path.map((p) => `/${String(p)}`).join('');
      out.push(configError('RULE_OPTIONS_INVALID', `Rule ${rule.id}: options${at} ${e.message}.`, rule.id));
      return { options: defaults };
    }
  }
  const severity = LEVELS[level];
  return { ...(severity ? { severity } : {}), options: merged };
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (m, k: string) => (data && Object.hasOwn(data, k) ? String(data[k]) : m));
}

/** Run every enabled rule once. Never throws: a failing rule becomes a RULE_FAILED diagnostic. */
export function runRules(input: RuleRunInput): RuleRunResult {
  const diagnostics: Diagnostic[] = [];
  const enabled = new Set<string>();
  const byId = new Map<string, AnyRuleModule>();
  for (const rule of input.rules) {
    if (byId.has(rule.id)) diagnostics.push(configError('RULE_DUPLICATE', `Two rules have the id "${rule.id}".`, rule.id));
    else byId.set(rule.id, rule);
  }
  for (const id of Object.keys(input.config ?? {}).sort()) {
    if (!byId.has(id)) diagnostics.push(configError('RULE_CONFIG_UNKNOWN', `The configuration names the rule "${id}", which is not loaded.`));
  }
  const views = new Map<TargetName, ReturnType<RuleRunInput['view']>>();
  const view = (t: TargetName) => {
    let v = views.get(t);
    if (!v) views.set(t, (v = input.view(t)));
    return v;
  };
  for (const rule of byId.values()) {
    const { severity, options } = resolve(rule, input.config && Object.hasOwn(input.config, rule.id) ? input.config[rule.id] : undefined, diagnostics);
    if (!severity) continue;
    enabled.add(rule.id);
    const ctx: RuleContext<string, object> = {
      id: rule.id,
      options,
      spec: input.spec,
      ...(input.document ? { document: input.document } : {}),
      ...(input.environment ? { environment: input.environment } : {}),
      targets: input.targets,
      view: (t) => view(t).spec,
      model: input.model,
      report(r) {
        const template = Object.hasOwn(rule.meta.messages, r.messageId) ? (rule.meta.messages as Record<string, string>)[r.messageId] : undefined;
        if (typeof template !== 'string') throw new Error(`unknown messageId "${r.messageId}"`);
        diagnostics.push({
          code: rule.id,
          messageId: r.messageId,
          severity,
          message: interpolate(template, r.data),
          source: 'rule',
          origin: rule.id,
          // [] is the whole spec, never an overlay's section.
          path: r.path.length === 0 || r.written ? [...r.path] : r.target ? view(r.target).origin(r.path) : input.origin(r.path),
          ...(r.hint ? { hint: r.hint } : {}),
          ...(rule.meta.sensitive ? { redact: true } : {}),
          ...(rule.meta.docs.url ? { url: rule.meta.docs.url } : {}),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (err) {
      diagnostics.push(configError('RULE_FAILED', `Rule ${rule.id} failed: ${err instanceof Error ? err.message : String(err)}`, rule.id));
    }
  }
  return { diagnostics, enabled };
}

export interface Suppression {
  rule: string;
  path?: string;
  reason: string;
}

/** True when `path` is `prefix` or below it (`health.liveness` covers `health.liveness.timeout`). */
function under(path: SpecPath, prefix: string | undefined): boolean {
  if (!prefix) return true;
  const p = formatPath(path);
  return p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`);
}

/**
 * Remove rule diagnostics the spec suppresses. Returns the suppressed ones (with their reason, for
 * SARIF) and adds warnings for entries that name an unknown rule or suppress nothing.
 */
export function applySuppressions(
  diagnostics: Diagnostic[],
  suppress: readonly Suppression[] | undefined,
  known: ReadonlySet<string>,
  enabled: ReadonlySet<string>,
): Diagnostic[] {
  if (!suppress?.length) return [];
  const used = new Set<number>();
  const suppressed: Diagnostic[] = [];
  let w = 0;
  for (const d of diagnostics) {
    const i = d.source === 'rule' && d.messageId ? suppress.findIndex((s) => s.rule === d.code && under(d.path, s.path)) : -1;
    if (i >= 0) {
      used.add(i);
      suppressed.push({ ...d, suppression: { reason: suppress[i]!.reason } });
    } else diagnostics[w++] = d;
  }
  diagnostics.length = w;
  suppress.forEach((s, i) => {
    if (!known.has(s.rule)) {
      diagnostics.push({ code: 'SUPPRESSION_UNKNOWN_RULE', severity: 'warning', message: `No rule is named "${s.rule}".`, source: 'rule', path: ['suppress', i, 'rule'] });
    } else if (enabled.has(s.rule) && !used.has(i)) {
      diagnostics.push({ code: 'SUPPRESSION_UNUSED', severity: 'warning', message: `This entry suppresses nothing: ${s.rule} reports no problem${s.path ? ` under ${s.path}` : ''}.`, hint: 'remove it', source: 'rule', path: ['suppress', i] });
    }
  });
  return suppressed;
}
