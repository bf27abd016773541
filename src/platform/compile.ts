/**
 * `compilePlatform()`: the platform pipeline, pure (no file system): parse → validate → normalize →
 * emit → serialize. Same diagnostics (file:line:column) and same all-or-nothing rule as
 * `compile()` for services: with an error, no files.
 */
import { compareDiagnostics, hasErrors, type Diagnostic, type DiagnosticInput, type SpecPath } from '../core/diagnostics.js';
import type { OutputFile } from '../core/output.js';
import { attachPositions, readSpecInput } from '../core/source.js';
import { assertPlain, serializeArtifact, type Artifact } from '../core/serialize.js';
import { emitPlatform, PLATFORM_EMITTER } from './emit-cfn.js';
import type { PlatformModel } from './model.js';
import { normalizePlatform, type PlatformSpec } from './normalize.js';
import { PLATFORM_KIND } from './schema.js';
import { validatePlatformSpec } from './validate.js';
import { verifyArtifacts } from '../verify/index.js';

export interface PlatformCompileOptions {
  /** File name used in diagnostics (default `platform.yaml`). */
  file?: string;
  /** Date (`YYYY-MM-DD`) EKS version support is judged on (default: the version table's review date). */
  asOf?: string;
  /** Check the template against the bundled CloudFormation schemas (default `true`); a violation is an error. */
  verify?: boolean;
}

export interface PlatformCompileResult {
  /** The platform name, when the spec got far enough to have one (also its output folder). */
  platform?: string;
  model?: PlatformModel;
  artifacts: Artifact[];
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

const KEY_CODES = new Set(['SCHEMA_UNKNOWN_KEY', 'FORBIDDEN_KEY']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * True when the spec declares `kind: Platform` at its top level (the CLI's dispatch). A cheap text
 * check, so a service spec is not parsed twice: a block-style `kind:` key at column 0, or a JSON
 * `"kind": "Platform"` member.
 */
export function isPlatformSpec(text: string | Uint8Array): boolean {
  const t = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, Math.min(text.byteLength, 65536)).toString('utf8');
  // Both patterns hold the word: most specs are told apart without compiling either.
  return t.includes('Platform') && (/^kind:[ \t]*["']?Platform["']?[ \t]*(#.*)?$/m.test(t) || /"kind"\s*:\s*"Platform"/.test(t));
}

export function compilePlatform(input: string | Uint8Array | object, options: PlatformCompileOptions = {}): PlatformCompileResult {
  const file = options.file ?? 'platform.yaml';
  const diagnostics: Diagnostic[] = [];
  const result: PlatformCompileResult = { artifacts: [], files: [], diagnostics };
  const { source, value, fromText } = readSpecInput(file, input, diagnostics);
  const finish = (): PlatformCompileResult => {
    attachPositions(source, diagnostics, KEY_CODES);
    for (const d of diagnostics) if (d.file === undefined && fromText) d.file = file;
    diagnostics.sort(compareDiagnostics);
    if (hasErrors(diagnostics)) result.files = [];
    return result;
  };
  if (hasErrors(diagnostics)) return finish();
  if (!isPlainObject(value)) {
    diagnostics.push({ code: 'SCHEMA_TYPE', severity: 'error', message: 'A platform spec is a map of keys (apiVersion, kind, name, ...).', source: 'schema', path: [] });
    return finish();
  }
  for (const d of validatePlatformSpec(value)) diagnostics.push(d);
  if (hasErrors(diagnostics)) return finish();
  const spec = value as unknown as PlatformSpec;
  result.platform = spec.name;

  const report = (d: DiagnosticInput & { path: SpecPath }) => diagnostics.push({ source: 'model', ...d, path: d.path });
  const model = normalizePlatform(spec, report, options.asOf !== undefined ? { asOf: options.asOf } : {});
  result.model = model;
  if (hasErrors(diagnostics)) return finish();

  try {
    result.artifacts = emitPlatform(model);
    if (options.verify !== false) {
      diagnostics.push(...verifyArtifacts(result.artifacts));
      if (hasErrors(diagnostics)) return finish();
    }
    for (const a of result.artifacts) {
      for (const [i, d] of (a.documents ?? []).entries()) assertPlain(d, `${a.path}#${i}`);
      result.files.push({ path: a.path, content: serializeArtifact(a) });
    }
  } catch (err) {
    diagnostics.push({ code: 'EMITTER_FAILED', severity: 'error', message: `Emitter ${PLATFORM_EMITTER} failed: ${err instanceof Error ? err.message : String(err)}`, source: 'emitter', origin: PLATFORM_EMITTER, path: [] });
  }
  return finish();
}
