/**
 * A residual patch the target's checks refuse: the ops at the place a check names are left out
 * (each reported at its place in the input) until the rest passes; when a check names no place,
 * or no op there, the whole patch is left out. The input itself fails the target's checks there,
 * so codegen's value stays.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { locate } from '../core/source.js';
import type { CompileResult } from '../compile/compile.js';
import { documentError } from '../importers/types.js';
import type { PatchEntry } from '../importers/write.js';
import { pathOf, type ResidualOp } from '../importers/residual.js';
import { residual, type Residual } from './entry.js';
import { artifactFile } from './match.js';

/** How often the ops a check names are left out before the whole patch is. */
const ROUNDS = 8;

/** The JSON Pointer a verifier puts at the start of its message (`/a/b: ...`, `#2/a: ...`). */
function failingPointer(d: Diagnostic): string | undefined {
  if (d.source !== 'verify') return undefined;
  return /^(?:#[0-9]+)?(\/.*?)?: /.exec(d.message)?.[1] ?? (/^(?:#[0-9]+)?: /.test(d.message) ? '' : undefined);
}

const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

const text = (d: Diagnostic) => `${d.code}: ${d.message.replace(/\.$/, '')}`;

/** `r` without what the target refuses; undefined when nothing of it can be kept. */
export function refine(r: Residual, compileWith: (entry: PatchEntry) => CompileResult, diagnostics: Diagnostic[]): Residual | undefined {
  const id = r.entry.patch.id;
  // Said only when the rest of the patch is kept; a patch left out whole is one diagnostic.
  const said: Diagnostic[] = [];
  let current = r;
  for (let round = 0; round < ROUNDS; round++) {
    const errors = compileWith(current.entry).diagnostics.filter((d) => d.severity === 'error');
    if (!errors.length) {
      diagnostics.push(...said);
      return current;
    }
    const refused = new Map<ResidualOp, Diagnostic>();
    for (const e of errors) {
      const at = e.file === current.g.artifact.path ? failingPointer(e) : undefined;
      const hit = at === undefined ? [] : current.ops.filter((op) => op.op !== 'move' && within(op.path, at));
      if (!hit.length) {
        diagnostics.push({ ...documentError(r.view.doc, 'IMPORT_EXACT_REFUSED', `This document is not kept as written: as the patch "${id}" of ${artifactFile(r.g.artifact)} it fails ${text(e)}; the spec generates codegen's version.`), severity: 'warning' });
        return undefined;
      }
      for (const op of hit) if (!refused.has(op)) refused.set(op, e);
    }
    for (const [op, e] of refused) {
      const path = [...r.view.prefix, ...pathOf(op.path, r.view.value)].slice(0, op.op === 'remove' ? -1 : undefined);
      const d: Diagnostic = { code: 'IMPORT_EXACT_REFUSED', severity: 'warning', message: `Not kept as written: with it, ${artifactFile(r.g.artifact)} fails ${text(e)}; codegen's value stays here.`, source: 'import', path, file: r.view.doc.source.file };
      const pos = locate(r.view.doc.source, path, true);
      if (pos) Object.assign(d, { line: pos.line, column: pos.column });
      said.push(d);
    }
    const ops = current.ops.filter((op) => !refused.has(op));
    if (!ops.length) {
      diagnostics.push(...said);
      return undefined;
    }
    current = residual(r.view, r.g, id, ops, true);
  }
  return undefined;
}
