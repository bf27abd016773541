/**
 * codegen's programmatic API. `compile()` is pure (no file system); `writeOutputs()` and
 * `checkOutputs()` are the file-system side the CLI uses.
 */
export { compile, isSafeRelativePath } from './core/compile.js';
export type { CompileOptions, CompileResult, OutputFile } from './core/compile.js';
export { formatDiagnostic, formatPath, hasErrors } from './core/diagnostics.js';
export type { Diagnostic, DiagnosticInput, Severity, SpecPath } from './core/diagnostics.js';
export { serializeArtifact } from './core/serialize.js';
export type { Artifact, Json, JsonObject } from './core/serialize.js';
export { checkOutputs, writeOutputs, OutputError } from './core/write.js';
export type { CheckResult, WriteResult } from './core/write.js';
export { builtinEmitters, defineEmitter } from './emitters/index.js';
export type { EmitContext, Emitter } from './emitters/index.js';
export type * from './model/types.js';
export { TARGETS } from './model/types.js';
export type { CodegenServiceSpecV1 as ServiceSpec } from './schema/spec.generated.js';
export { ARTIFACT_KINDS, detectKind, verifyArtifacts } from './verify/index.js';
export type { VerifiedKind } from './verify/index.js';
