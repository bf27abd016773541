/**
 * `importSpec(kind, inputs, { exact: true })` (`codegen import --exact`): the importer drafts the
 * spec, the pipeline compiles it, and each generated document is compared with the input document
 * it stands for; what differs (fields the spec has no form for, values codegen writes otherwise,
 * key order) is added to the spec as a JSON Patch of that document, so the spec generates the
 * input as written. Every field so carried is still reported. Above `compile` in the layers (the
 * importers may not compile); pure like both.
 */
import { compareDiagnostics, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { compile, type CompileResult } from '../compile/compile.js';
import { artifactView, companionTaskDefinitions, type ArtifactView } from '../importers/exact.js';
import { importSpec as importDrafts, IMPORT_KINDS, type ImportInput, type ImportOptions, type ImportResult, type ImportedSpec } from '../importers/index.js';
import { readDocuments, type InputDocument } from '../importers/read.js';
import { documentError } from '../importers/types.js';
import { guardOps, residualOps, type ResidualOp } from '../importers/residual.js';
import { withPatches } from '../importers/write.js';
import { generatedDocs, matchDocument, selector, artifactFile, type GeneratedDoc } from './match.js';
import { residual, type Residual } from './entry.js';
import { refine } from './refine.js';
import { reportCarried } from './report.js';

export interface ExactImportOptions extends ImportOptions {
  /**
   * Keep what the spec cannot say as spec `patches`, one per generated document that differs from
   * its input, so the spec generates every input document as written (values and key order).
   */
  exact?: boolean;
}

export function importSpec(kind: string, inputs: readonly ImportInput[], options: ExactImportOptions = {}): ImportResult {
  const { exact, ...rest } = options;
  if (!exact || !(IMPORT_KINDS as readonly string[]).includes(kind) || !inputs.length) return importDrafts(kind, inputs, rest);
  if (kind === 'compose') {
    const result = importDrafts(kind, inputs, rest);
    result.diagnostics.push({ code: 'IMPORT_EXACT_NOT_APPLICABLE', severity: 'info', message: 'A Compose file is not a file codegen generates, so --exact has nothing to keep as written: the specs are the plain import.', source: 'import', path: [] });
    return result;
  }
  const scratch: Diagnostic[] = [];
  const read = inputs.map((input) => ({ input, docs: readDocuments(input, scratch, { cloudformation: kind === 'ecs' || kind === 'appmesh' }) }));
  // Unreadable input: the plain import reports it the usual way.
  if (hasErrors(scratch)) return importDrafts(kind, inputs, rest);
  const documents = read.flatMap((r) => r.docs);
  const companions = kind === 'ecs' ? companionTaskDefinitions(documents) : new Set<InputDocument>();
  const aside = read.filter((r) => r.docs.length > 0 && r.docs.every((d) => companions.has(d)));
  const result = importDrafts(kind, read.filter((r) => !aside.includes(r)).map((r) => r.input), rest);
  if (hasErrors(result.diagnostics) || !result.specs.length) return result;
  const diagnostics = result.diagnostics;
  for (const r of aside) for (const d of r.docs) diagnostics.push({ ...documentError(d, 'IMPORT_CHOICE', `This task definition has the family of the template's task definition: the spec is drafted from the template, which generates it as ecs/task-definition.json; what it holds beyond that is kept as a patch.`), severity: 'info' });

  const compiled = result.specs.map((spec) => ({ spec, out: compile(spec.text, { file: `${spec.name}.yaml` }) }));
  const docs = compiled.flatMap(({ spec, out }) => generatedDocs(out.artifacts).map((g) => ({ spec, g })));
  const taken = new Set<GeneratedDoc>();
  const pairs = new Map<ImportedSpec, { view: ArtifactView; g: GeneratedDoc }[]>();
  for (const doc of documents) {
    const view = artifactView(kind as Parameters<typeof artifactView>[0], doc);
    if (!view) continue;
    const g = matchDocument(view.value, docs.map((d) => d.g), taken);
    if (!g) {
      diagnostics.push({ ...documentError(doc, 'IMPORT_EXACT_NO_MATCH', 'No file the imported spec generates stands for this document, so it cannot be kept as written.'), severity: 'info' });
      continue;
    }
    taken.add(g);
    const spec = docs.find((d) => d.g === g)!.spec;
    pairs.set(spec, [...(pairs.get(spec) ?? []), { view, g }]);
  }
  const specs = compiled.map(({ spec, out }) => exactSpec(spec, out, pairs.get(spec) ?? [], diagnostics));
  diagnostics.sort(compareDiagnostics);
  return { specs, diagnostics };
}

const firstError = (r: CompileResult) => r.diagnostics.find((d) => d.severity === 'error');

/** The spec with a patch for each generated document that differs from its input document. */
function exactSpec(spec: ImportedSpec, drafted: CompileResult, pairs: { view: ArtifactView; g: GeneratedDoc }[], diagnostics: Diagnostic[]): ImportedSpec {
  const file = `${spec.name}.yaml`;
  const problem = firstError(drafted);
  if (problem) {
    diagnostics.push({ code: 'IMPORT_EXACT_FAILED', severity: 'warning', message: `The imported spec ${spec.name} does not compile (${problem.code}: ${problem.message.replace(/\.$/, '')}), so what its inputs hold beyond it cannot be kept as patches; it is written without them.`, source: 'import', path: [], file });
    return spec;
  }
  const ids = new Set<string>();
  let residuals: Residual[] = [];
  for (const { view, g } of pairs) {
    const ops = residualOps(g.value, view.value);
    if (!ops.length) continue;
    const where = selector(g);
    const id = uniqueId(`exact-${[where.file.replace(/\.[a-z]+$/, ''), where.kind, where.name].filter(Boolean).join('-')}`, ids);
    residuals.push(residual(view, g, id, ops));
  }
  if (!residuals.length) return spec;
  let out = withPatches(spec, residuals.map((r) => r.entry));
  let result = compile(out.text, { file });
  if (firstError(result)) {
    // What the target's checks refuse (the input itself does not pass them) is left out, and said so.
    residuals = residuals.flatMap((r) => refine(r, (entry) => compile(withPatches(spec, [entry]).text, { file }), diagnostics) ?? []);
    out = withPatches(spec, residuals.map((r) => r.entry));
    result = compile(out.text, { file });
    if (firstError(result)) return spec;
  }
  const after = generatedDocs(result.artifacts);
  for (const r of residuals) {
    const now = after.find((d) => d.artifact.path === r.g.artifact.path && d.index === r.g.index);
    const left = now ? residualOps(now.value, r.view.value) : [];
    reportCarried(diagnostics, r.view, r.entry.patch.id, r.ops);
    // An op left out above was reported there; otherwise the document must now be the input.
    if (!r.refined && (!now || left.length)) diagnostics.push({ ...documentError(r.view.doc, 'IMPORT_EXACT_PARTIAL', `The patch "${r.entry.patch.id}" brings ${artifactFile(r.g.artifact)} closer to this document but not to it exactly: ${left[0]?.path || 'the document'} still differs (the serializer writes the top-level keys of a Kubernetes object or a template in a fixed order).`), severity: 'warning' });
  }
  return { name: spec.name, ...out };
}

function uniqueId(base: string, ids: Set<string>): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  let id = clean;
  for (let n = 2; ids.has(id); n++) id = `${clean}-${n}`;
  ids.add(id);
  return id;
}
