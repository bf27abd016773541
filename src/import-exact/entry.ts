/** One residual patch being built: the input document, the generated one, the ops, the spec entry. */
import type { ArtifactView } from '../importers/exact.js';
import { guardOps, type ResidualOp } from '../importers/residual.js';
import type { PatchEntry } from '../importers/write.js';
import { artifactFile, selector, type GeneratedDoc } from './match.js';

export interface Residual {
  view: ArtifactView;
  g: GeneratedDoc;
  ops: ResidualOp[];
  entry: PatchEntry;
  /** Some ops were left out because the target refuses them (reported when they were). */
  refined: boolean;
}

export /** A residual with its patch entry: guards first, then the ops, and the comment above. */
function residual(view: ArtifactView, g: GeneratedDoc, id: string, ops: ResidualOp[], refined = false): Residual {
  return { view, g, ops, refined, entry: { patch: { id, ...selector(g), ops: [...guardOps(g.value, ops), ...ops] }, comment: comment(view, g, ops) } };
}

/** `label` and the paths after it, wrapped at about 100 columns. */
function list(label: string, paths: string[]): string[] {
  const shown = paths.length > 8 ? [...paths.slice(0, 8), `and ${paths.length - 8} more`] : paths;
  const lines = [label];
  shown.forEach((p, i) => {
    const word = `${p}${i === shown.length - 1 ? '.' : ','}`;
    if (lines[lines.length - 1]!.length + word.length + 1 > 100) lines.push(`  ${word}`);
    else lines[lines.length - 1] += ` ${word}`;
  });
  return lines;
}

/** Why the patch is there: which input, which file, what it changes. */
function comment(view: ArtifactView, g: GeneratedDoc, ops: readonly ResidualOp[]): string {
  const doc = view.doc.item !== undefined ? ` (item ${view.doc.item + 1} of its List)` : view.doc.index > 0 ? ` (document ${view.doc.index + 1})` : '';
  const values = ops.filter((o) => o.op !== 'move').map((o) => `${o.op} ${o.path}`);
  const order = ops.filter((o) => o.op === 'move').map((o) => o.path);
  return [
    `Kept by \`codegen import --exact\` from ${view.doc.source.file}${doc}: what it holds beyond the spec,`,
    `so that ${artifactFile(g.artifact)} is generated as written there.`,
    ...(values.length ? list('Values the spec has no form for or codegen writes otherwise:', values) : []),
    ...(order.length ? list("Keys in the source's order (a move onto itself puts the key last):", order) : []),
  ].join('\n');
}
