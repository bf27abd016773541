/**
 * Diagnostics of an exact import: a field the importer reported as not carried that a residual
 * patch now carries says so (IMPORT_CARRIED_AS_PATCH, at the source's file:line:column), and every
 * other operation of the patch gets a diagnostic of its own, so the cost of the migration stays
 * visible. Values are never printed (they may be secrets).
 */
import type { Diagnostic, SpecPath } from '../core/diagnostics.js';
import { locate } from '../core/source.js';
import type { ArtifactView } from '../importers/exact.js';
import { pathOf, type ResidualOp } from '../importers/residual.js';

/** Codes of the importers' "not carried as written" diagnostics. */
const NOT_CARRIED = new Set(['IMPORT_NOT_CARRIED', 'IMPORT_VALUE_CHANGED', 'IMPORT_AMBIGUOUS']);

export const CARRIED = 'IMPORT_CARRIED_AS_PATCH';

function overlaps(a: SpecPath, b: SpecPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
}

/** Lines of the document in its file (several documents may share one file). */
function lines(view: ArtifactView): [number, number] | undefined {
  const range = view.doc.source.doc?.range;
  if (!range) return undefined;
  const lc = view.doc.source.lineCounter;
  return [lc.linePos(range[0]).line, lc.linePos(range[2] ?? range[1]).line];
}

/** Where an op acts in the source document (a removed key: the map it is not in). */
function sourcePath(op: ResidualOp, view: ArtifactView): SpecPath {
  const path = pathOf(op.path, view.value);
  return [...view.prefix, ...(op.op === 'remove' ? path.slice(0, -1) : path)];
}

function keyName(op: ResidualOp): string {
  const key = op.path.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^[0-9]+$/.test(key) ? `item ${key}` : `"${key}"`;
}

function opMessage(op: ResidualOp, id: string): string {
  const name = keyName(op);
  if (op.op === 'add') return `codegen does not write ${name} here; the patch "${id}" in the spec adds it as written.`;
  if (op.op === 'remove') return `codegen writes ${name} here, which the source does not hold; the patch "${id}" in the spec removes it.`;
  return `codegen writes another value for ${name}; the patch "${id}" in the spec keeps the source's.`;
}

function at(view: ArtifactView, path: SpecPath, d: Diagnostic): Diagnostic {
  const pos = locate(view.doc.source, path, true);
  if (pos) Object.assign(d, { line: pos.line, column: pos.column });
  return d;
}

/**
 * Rewrite the not-carried diagnostics of `view`'s document that `ops` now carry; add a warning for
 * each value op no such diagnostic covers, and one info for the keys kept in the source's order.
 */
export function reportCarried(diagnostics: Diagnostic[], view: ArtifactView, id: string, ops: readonly ResidualOp[]): void {
  const file = view.doc.source.file;
  const span = lines(view);
  const inDoc = (d: Diagnostic) => d.file === file && (!span || d.line === undefined || (d.line >= span[0] && d.line <= span[1]));
  const paths = ops.map((op) => sourcePath(op, view));
  const values = ops.flatMap((op, i) => (op.op === 'move' ? [] : [i]));
  const covered = new Set<number>();
  for (const d of diagnostics) {
    if (!NOT_CARRIED.has(d.code) || !inDoc(d)) continue;
    // A removed key is not in the source, so no diagnostic of the source is about it (its path,
    // the map it is not in, would otherwise overlap everything in that map).
    const hits = values.filter((i) => ops[i]!.op !== 'remove' && overlaps(d.path, paths[i]!));
    if (!hits.length) continue;
    for (const i of hits) covered.add(i);
    d.code = CARRIED;
    d.severity = 'warning';
    d.message = `The patch "${id}" in the spec keeps this as written; without it: ${d.message}`;
  }
  for (const i of values) {
    // Under an op a diagnostic already names (a field added whole), nothing more to say.
    if (covered.has(i) || values.some((j) => j !== i && covered.has(j) && paths[j]!.length <= paths[i]!.length && overlaps(paths[j]!, paths[i]!))) continue;
    diagnostics.push(at(view, paths[i]!, { code: CARRIED, severity: 'warning', message: opMessage(ops[i]!, id), source: 'import', path: paths[i]!, file }));
  }
  const moved = ops.flatMap((op, i) => (op.op === 'move' ? [i] : []));
  if (moved.length) {
    const names = moved.slice(0, 4).map((i) => keyName(ops[i]!));
    const more = moved.length > 4 ? ` and ${moved.length - 4} more` : '';
    const message = `${moved.length === 1 ? `${names[0]} stands` : `${moved.length} keys (${names.join(', ')}${more}) stand`} elsewhere in the key order codegen writes; the patch "${id}" in the spec keeps the source's order.`;
    diagnostics.push(at(view, paths[moved[0]!]!, { code: CARRIED, severity: 'info', message, source: 'import', path: paths[moved[0]!]!, file }));
  }
}
