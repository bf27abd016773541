/**
 * Rules: best-practice checks over the validated spec. A rule reports spec paths and a messageId;
 * the engine adds the severity (from configuration), the message text and, through the core,
 * file:line:column. Rules never read their own severity.
 */
import type { Severity, SpecPath } from '../core/diagnostics.js';
import type { ServiceModel, TargetName } from '../model/types.js';
import type { JsonSchema } from '../schema/dsl.js';
import type { CodegenServiceSpecV1 as ServiceSpec } from '../schema/spec.generated.js';

/** What configuration may say about one rule: a level, or a level with options (ESLint style). */
export type RuleLevel = 'off' | 'warn' | 'error';
export type RuleConfigEntry = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Record<string, unknown>];
/** `{ 'no-mutable-image-tag': 'error', 'require-production-replicas': ['warn', { min: 3 }] }`. */
export type RuleConfig = Readonly<Record<string, RuleConfigEntry>>;

export interface RuleMeta<M extends string, O extends object> {
  /** `problem`: likely to break or hurt in production; `suggestion`: a better way exists. */
  type: 'problem' | 'suggestion';
  docs: {
    /** One line, shown in docs and SARIF. */
    description: string;
    /** On by default (at `defaultSeverity`); false means off until configured. */
    recommended: boolean;
    /** Docs page; filled by `createRule` for built-ins. */
    url?: string;
  };
  /** Severity when the configuration gives none (or gives only `'warn'`/`'error'` without options). */
  defaultSeverity: Exclude<Severity, 'info'>;
  /** Message templates keyed by messageId; `{{name}}` is replaced from `data`. One sentence each. */
  messages: Record<M, string>;
  /** JSON Schema of the options object (checked before the rule runs). */
  schema?: JsonSchema;
  defaultOptions?: O;
  /** The reported values may be secrets: output never echoes them (code frames are masked). */
  sensitive?: boolean;
}

export interface RuleReport<M extends string> {
  messageId: M;
  /**
   * Path in the spec the rule read: in `ctx.spec` when `target` is absent, in `ctx.view(target)`
   * when present. The engine maps it to where the value was written (base, `targets.<t>` or
   * `environments.<e>`).
   */
  path: SpecPath;
  target?: TargetName;
  /** `path` is a path in `ctx.document` (as written): reported as it is, with no overlay mapping. */
  written?: boolean;
  data?: Record<string, string | number>;
  hint?: string;
}

export interface RuleContext<M extends string = string, O extends object = Record<string, unknown>> {
  readonly id: string;
  /** Options: `defaultOptions` shallow-merged with the configured ones. */
  readonly options: O;
  /** The validated spec with the environment overlay applied; `targets` sections kept, `environments` removed. */
  readonly spec: ServiceSpec;
  /**
   * The spec as written, every overlay included (`environments`, `targets`, `patches`): for rules
   * that must see every value that can reach any artifact, whichever environment is compiled.
   * Report paths in it with `written: true`. Absent when a caller runs rules without one.
   */
  readonly document?: ServiceSpec;
  /** The environment overlay being compiled (`--env`), if any. */
  readonly environment?: string;
  /** Targets being compiled, in canonical order. */
  readonly targets: readonly TargetName[];
  /** The spec as target T sees it: core fields repeated under `targets.<T>` merged over the base. */
  view(target: TargetName): ServiceSpec;
  /** The normalized model for target T (defaults filled, units converted). */
  model(target: TargetName): ServiceModel;
  report(r: RuleReport<M>): void;
}

export interface RuleModule<M extends string = string, O extends object = Record<string, unknown>> {
  /** Rule id: kebab-case; the built-in's file name and docs page name. Plugins may prefix `scope/`. */
  id: string;
  meta: RuleMeta<M, O>;
  /** Runs once per compile, after schema validation and normalization succeeded. Pure. */
  check(ctx: RuleContext<M, O>): void;
}

/** A rule of any message/option type, as stored in registries and passed to `compile`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuleModule = RuleModule<string, any>;
