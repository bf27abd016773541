/**
 * `importSpec(kind, inputs, options)`: what teams already run → codegen specs, with a diagnostic
 * for every source field that is not carried. Pure: inputs are given as text or bytes, specs come
 * back as text and objects; nothing touches the file system.
 */
import { compareDiagnostics, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { validateSpec } from '../schema/validate.js';
import { importAppmesh } from './appmesh/index.js';
import { importCompose } from './compose/index.js';
import { importCopilot } from './copilot/index.js';
import { importEcs } from './ecs/index.js';
import { importKubernetes } from './kubernetes/index.js';
import { readDocuments, MAX_IMPORT_BYTES, type ImportInput } from './read.js';
import { IMPORT_KINDS, type ImportContext, type Importer, type ImportKind, type ImportOptions, type ImportResult, type ImportedSpec } from './types.js';
import { specText } from './write.js';

export { IMPORT_KINDS, MAX_IMPORT_BYTES };
export type { ImportInput, ImportKind, ImportOptions, ImportResult, ImportedSpec };

const IMPORTERS: Record<ImportKind, Importer> = {
  kubernetes: importKubernetes,
  ecs: importEcs,
  copilot: importCopilot,
  compose: importCompose,
  appmesh: importAppmesh,
};

function fail(code: string, message: string, hint?: string): ImportResult {
  return { specs: [], diagnostics: [{ code, severity: 'error', message, source: 'import', path: [], ...(hint ? { hint } : {}) }] };
}

export function importSpec(kind: string, inputs: readonly ImportInput[], options: ImportOptions = {}): ImportResult {
  const importer = Object.hasOwn(IMPORTERS, kind) ? IMPORTERS[kind as ImportKind] : undefined;
  if (!importer) return fail('IMPORT_UNKNOWN_KIND', `Unknown import kind "${kind}".`, `one of ${IMPORT_KINDS.join(', ')}`);
  if (!inputs.length) return fail('IMPORT_NO_INPUT', 'No input files were given.');
  const diagnostics: Diagnostic[] = [];
  const total = inputs.reduce((n, i) => n + (typeof i.content === 'string' ? i.content.length : i.content.byteLength), 0);
  if (total > MAX_IMPORT_BYTES) return fail('IMPORT_TOO_LARGE', `The inputs hold ${total} bytes, more than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; import one application's files at a time.`);
  // ECS and App Mesh inputs may be CloudFormation written with the short-form intrinsics (!Ref, !Sub, ...).
  const cloudformation = kind === 'ecs' || kind === 'appmesh';
  const documents = inputs.flatMap((i) => readDocuments(i, diagnostics, { cloudformation }));
  const ctx: ImportContext = { documents, diagnostics, options };
  const drafts = hasErrors(diagnostics) ? [] : importer(ctx);
  const specs: ImportedSpec[] = [];
  const names = new Set<string>();
  for (const draft of drafts) {
    const { text, object } = specText(draft, options.schema);
    const name = String(object.name);
    if (names.has(name)) {
      diagnostics.push({ code: 'IMPORT_DUPLICATE_NAME', severity: 'error', message: `Two imported specs are named ${name}.`, source: 'import', path: [] });
      continue;
    }
    names.add(name);
    for (const d of validateSpec(object)) diagnostics.push({ ...d, message: `The imported spec ${name} is not valid: ${d.message}`, file: `${name}.yaml` });
    specs.push({ name, text, object });
  }
  diagnostics.sort(compareDiagnostics);
  return { specs: hasErrors(diagnostics) ? [] : specs, diagnostics };
}
