/**
 * codegen's programmatic API. `compile()` is pure (no file system); `writeOutputs()` and
 * `checkOutputs()` are the file-system side the CLI uses.
 */
export { compile } from './compile/compile.js';
export { compileEnvironments } from './compile/environments.js';
export type { CompileOptions, CompileResult } from './compile/compile.js';
export { isSafeRelativePath } from './core/output.js';
export type { OutputFile } from './core/output.js';
export { formatDiagnostic, formatPath, hasErrors } from './core/diagnostics.js';
export type { Diagnostic, DiagnosticInput, Severity, SpecPath } from './core/diagnostics.js';
export { serializeArtifact } from './core/serialize.js';
export type { Artifact, Json, JsonObject } from './core/serialize.js';
export { checkOutputs, writeOutputs, OutputError } from './project/write.js';
export type { CheckResult, WriteResult } from './project/write.js';
export { builtinEmitters, defineEmitter } from './emitters/index.js';
export type { EmitContext, Emitter } from './emitters/index.js';
export type * from './model/types.js';
export { TARGETS } from './model/types.js';
export type { CodegenServiceSpecV1 as ServiceSpec } from './schema/spec.generated.js';
export { compilePlatform } from './platform/compile.js';
export type { PlatformCompileOptions, PlatformCompileResult } from './platform/compile.js';
export type { PlatformModel } from './platform/model.js';
export { platformImport, platformImportList } from './platform/imports.js';
export { exportName as platformExportName, PLATFORM_EXPORTS } from './platform/exports.js';
export type { PlatformExport } from './platform/exports.js';
export type { CodegenPlatformSpecV1 as PlatformSpec } from './platform/spec.generated.js';
export { builtinRules, createRule, defineRule } from './rules/index.js';
export type { AnyRuleModule, RuleConfig, RuleConfigEntry, RuleContext, RuleLevel, RuleMeta, RuleModule, RuleReport } from './rules/index.js';
export { formatDiagnostics, FORMATS } from './cli/reporters.js';
export type { ReportFormat, ReportOptions } from './cli/reporters.js';
export { applyPatches, readPatchFile } from './core/patch.js';
export type { PatchDeclaration, PatchFileInput, PatchSet } from './core/patch.js';
export { findConfig, loadConfig, resolveProject } from './project/config.js';
export { expandGlobs } from './project/globs.js';
export type { CodegenConfig, LoadedConfig, Project, TemplateEntry } from './project/config.js';
export { CONFIG_SCHEMA } from './project/config-schema.js';
export { loadPlugins } from './project/plugins.js';
export type { LoadedPlugins } from './project/plugins.js';
export { DiagnosticError } from './core/diagnostics.js';
// Template support is importable without cost: Handlebars itself is imported by loadHandlebars().
export { createRunbookEmitter, createTemplateEmitter, loadHandlebars, loadTemplateEmitters, plainModel } from './templates/index.js';
export type { Handlebars, TemplateEmitterOptions } from './templates/index.js';
export { ARTIFACT_KINDS, detectKind, verifyArtifacts } from './verify/index.js';
export type { VerifiedKind } from './verify/index.js';
// codegen import: what teams run today (Kubernetes, ECS, Copilot, Compose) → specs. Pure, like compile().
export { IMPORT_KINDS } from './importers/index.js';
export type { ImportInput, ImportKind, ImportOptions, ImportResult, ImportedSpec } from './importers/index.js';
// importSpec with `exact: true` keeps what the spec cannot say as patches (it compiles the draft).
export { importSpec } from './import-exact/index.js';
export type { ExactImportOptions } from './import-exact/index.js';
// codegen graph: what the generated files deploy, drawn as Mermaid text or SVG. Pure, like compile().
export { graph, graphSpec, linkPanels, renderGraph, GRAPH_FORMATS } from './graph/index.js';
export type { DeployGraph, GraphEdge, GraphFormat, GraphGroup, GraphNode, GraphOptions, GraphPanels, GraphResult, NodeKind, ServiceGraph } from './graph/index.js';
