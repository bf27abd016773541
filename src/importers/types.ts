/** The importer contract: inputs in, drafts of specs and diagnostics out, no file system. */
import type { Diagnostic } from '../core/diagnostics.js';
import type { InputDocument } from './read.js';
import type { SpecDraft } from './write.js';

export const IMPORT_KINDS = ['copilot', 'ecs', 'kubernetes', 'compose', 'appmesh'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  /** `$schema` reference written in the modeline (default: the one `codegen init` writes). */
  schema?: string;
  /** Service name for inputs that carry none (an ECS task definition's family is used otherwise). */
  name?: string;
  /** CloudFormation parameter values (`--parameter KEY=VALUE`), used before a parameter's Default. */
  parameters?: Record<string, string>;
}

export interface ImportedSpec {
  name: string;
  /** The spec as YAML text, ready to write. */
  text: string;
  /** The same spec as an object. */
  object: Record<string, unknown>;
}

export interface ImportResult {
  specs: ImportedSpec[];
  diagnostics: Diagnostic[];
}

/** What every importer receives: the documents of every input, read with positions. */
export interface ImportContext {
  documents: InputDocument[];
  diagnostics: Diagnostic[];
  options: ImportOptions;
}

export type Importer = (ctx: ImportContext) => SpecDraft[];

/** A diagnostic about a whole document (wrong kind, not a manifest), at its first line. */
export function documentError(doc: InputDocument, code: string, message: string, hint?: string): Diagnostic {
  const range = doc.source.doc?.contents?.range;
  const pos = range ? doc.source.lineCounter.linePos(range[0]) : { line: 1, col: 1 };
  return { code, severity: 'error', message, source: 'import', path: [], file: doc.source.file, line: pos.line, column: pos.col, ...(hint ? { hint } : {}) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Which importer a document looks like it belongs to (for "wrong kind" hints). */
export function guessKind(v: unknown): ImportKind | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.apiVersion === 'string' && typeof v.kind === 'string') return String(v.apiVersion).startsWith('appmesh.k8s.aws/') ? 'appmesh' : 'kubernetes';
  if (isObject(v.Resources) || 'AWSTemplateFormatVersion' in v) {
    const types = Object.values(v.Resources ?? {}).map((r) => (isObject(r) ? String(r.Type) : ''));
    return types.some((t) => t.startsWith('AWS::AppMesh::')) && !types.includes('AWS::ECS::TaskDefinition') ? 'appmesh' : 'ecs';
  }
  if (Array.isArray(v.containerDefinitions) || (isObject(v.taskDefinition) && Array.isArray(v.taskDefinition.containerDefinitions))) return 'ecs';
  if (isObject(v.services)) return 'compose';
  if (typeof v.type === 'string' && /Service$|Job$/.test(v.type)) return 'copilot';
  return undefined;
}
