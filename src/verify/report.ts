/**
 * How verifiers report: every violation becomes a `VERIFY_<KIND>` diagnostic on the artifact
 * file, with a JSON Pointer into the document at the start of the message (prefixed with `#N`
 * when the artifact holds several YAML documents).
 */
import type { Diagnostic, Severity } from '../core/diagnostics.js';
import type { Artifact } from '../core/serialize.js';

export type Pointer = readonly (string | number)[];

/** RFC 6901 JSON Pointer: `/spec/containers/0/name`, `~` and `/` escaped. */
export function pointer(path: Pointer): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Collects the diagnostics of one document of one artifact. */
export class Reporter {
  constructor(
    private readonly artifact: Artifact,
    private readonly docIndex: number,
    /** Where diagnostics go (shared by every document of a run). */
    readonly out: Diagnostic[] = [],
  ) {}

  add(code: string, path: Pointer, message: string, severity: Severity = 'error', hint?: string): void {
    const many = (this.artifact.documents?.length ?? 0) > 1;
    const where = `${many ? `#${this.docIndex}` : ''}${pointer(path) || (many ? '' : '/')}`;
    const text = /[.!?]$/.test(message) ? message : `${message}.`;
    this.out.push({
      code,
      severity,
      message: `${where}: ${text}`,
      source: 'verify',
      origin: this.artifact.emitter,
      path: [],
      file: this.artifact.path,
      ...(hint ? { hint } : {}),
    });
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A short, deterministic rendering of a value for messages. */
export function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
