/**
 * Reading importer inputs: one file may hold several YAML documents (a Kubernetes stream) or one
 * JSON object (an ECS task definition). Every document keeps its positions, so a field the importer
 * does not carry is reported at `file:line:column`. Hostile input is refused the way the spec
 * reader refuses it (size, aliases, nesting), plus what only an importer meets: templates.
 */
import { isUtf8 } from 'node:buffer';
import type { Document, Node } from 'yaml';
import { LineIndex, yamlLibrary } from '../core/lazy-yaml.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { decodeSpec, MAX_DEPTH, type SourceFile } from '../core/source.js';
import { CLOUDFORMATION_TAGS } from './cfn-tags.js';

/** A file handed to an importer: its name (for diagnostics) and its bytes or text. */
export interface ImportInput {
  file: string;
  content: string | Uint8Array;
}

/** Largest input accepted (all files together): manifests of a few dozen services fit easily. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

/** One YAML or JSON document with the source it came from (for `locate`). */
export interface InputDocument {
  source: SourceFile;
  /** Index of the document in its file (0 for a single document). */
  index: number;
  /** Index of the item, when the document is an item of a Kubernetes `kind: List`. */
  item?: number;
  value: unknown;
}

function at(file: string, code: string, message: string, lc?: LineIndex, offset?: number, hint?: string): Diagnostic {
  const pos = lc && offset !== undefined ? lc.linePos(offset) : { line: 1, col: 1 };
  return { code, severity: 'error', message, source: 'yaml', path: [], file, line: pos.line, column: pos.col, ...(hint ? { hint } : {}) };
}

function depth(v: unknown, d = 0): number {
  if (d > MAX_DEPTH || v === null || typeof v !== 'object') return d;
  let max = d;
  for (const x of Object.values(v)) {
    max = Math.max(max, depth(x, d + 1));
    if (max > MAX_DEPTH) break;
  }
  return max;
}

/** Text of an input, or a diagnostic (not UTF-8, too large). */
export function inputText(input: ImportInput): { text?: string; diagnostic?: Diagnostic } {
  const bytes = typeof input.content === 'string' ? Buffer.from(input.content, 'utf8') : input.content;
  if (bytes.length > MAX_IMPORT_BYTES) {
    return { diagnostic: at(input.file, 'IMPORT_TOO_LARGE', `The input is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; import one application's files at a time.`) };
  }
  if (typeof input.content === 'string') return { text: input.content.replace(/^\ufeff/, '') };
  if (isUtf8(bytes) || bytes.length <= 1024 * 1024) {
    const d = decodeSpec(input.file, bytes);
    if (d.diagnostic) return { diagnostic: { ...d.diagnostic, message: d.diagnostic.message.replace('The spec', 'The input') } };
    return { text: d.text! };
  }
  return { diagnostic: at(input.file, 'INPUT_NOT_UTF8', 'The input is not valid UTF-8; save it as UTF-8.') };
}

/** The items of a Kubernetes `kind: List` (`apiVersion: v1`, every item an object with a kind) with their YAML nodes; undefined for anything else. */
function listItems(value: unknown, doc: Document.Parsed): [unknown, Node][] | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (v.apiVersion !== 'v1' || v.kind !== 'List' || !Array.isArray(v.items) || !v.items.length) return undefined;
  if (!v.items.every((i) => i !== null && typeof i === 'object' && !Array.isArray(i) && typeof (i as Record<string, unknown>).kind === 'string')) return undefined;
  const seq = yamlLibrary().isMap(doc.contents) ? doc.contents.get('items', true) : undefined;
  if (!yamlLibrary().isSeq(seq) || seq.items.length !== v.items.length) return undefined;
  return v.items.map((item, i) => [item, seq.items[i] as Node]);
}

/** A document whose contents are one node of another (what positions are looked up in: its contents and range). */
function itemDocument(node: Node): Document.Parsed {
  const doc = new (yamlLibrary().Document)() as unknown as Document.Parsed;
  doc.contents = node as Document.Parsed['contents'];
  doc.range = (node.range ?? [0, 0, 0]) as Document.Parsed['range'];
  return doc;
}

/** Every document of a file, each with positions; problems go to `out` (and no document is returned). */
export function readDocuments(input: ImportInput, out: Diagnostic[], opts: { cloudformation?: boolean } = {}): InputDocument[] {
  const { text, diagnostic } = inputText(input);
  if (diagnostic) {
    out.push(diagnostic);
    return [];
  }
  // CloudFormation dynamic references ({{resolve:...}}) are values, not template syntax.
  const template = /\{\{(?!resolve:)/.exec(text!);
  if (template) {
    const before = text!.slice(0, template.index);
    const line = before.split('\n').length;
    const column = template.index - before.lastIndexOf('\n');
    out.push({
      ...at(input.file, 'IMPORT_TEMPLATE', 'The input is a template (it holds `{{`), not a manifest: its values are not known until it is rendered.', undefined, undefined, 'render it first (helm template, kustomize build) and import the output'),
      line,
      column,
    });
    return [];
  }
  const lineCounter = new LineIndex();
  if (text!.trim() === '') {
    out.push(at(input.file, 'INPUT_EMPTY', 'The input is empty.'));
    return [];
  }
  const parsed = yamlLibrary().parseAllDocuments(text!, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', ...(opts.cloudformation ? { customTags: CLOUDFORMATION_TAGS } : {}) });
  const docs = Array.isArray(parsed) ? parsed : [];
  const result: InputDocument[] = [];
  let failed = false;
  docs.forEach((doc, index) => {
    for (const e of doc.errors) {
      out.push(at(input.file, e.code === 'DUPLICATE_KEY' ? 'YAML_DUPLICATE_KEY' : `YAML_${e.code}`, e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), lineCounter, e.pos[0]));
      failed = true;
    }
    if (failed || doc.contents === null) return;
    for (const w of doc.warnings) {
      if (w.code !== 'TAG_RESOLVE_FAILED') continue;
      const tag = /tag: (\S+)/.exec(w.message)?.[1] ?? 'tag';
      out.push({ ...at(input.file, 'IMPORT_UNKNOWN_TAG', `The YAML tag ${tag} is not understood here; the value is read without it.`, lineCounter, w.pos[0]), severity: 'warning', source: 'import' });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 0 });
    } catch {
      out.push(at(input.file, 'YAML_ALIAS', 'YAML aliases (*name) are not read by the importer.', lineCounter, doc.range[0], 'write the value out'));
      failed = true;
      return;
    }
    if (depth(value) > MAX_DEPTH) {
      out.push(at(input.file, 'YAML_TOO_DEEP', `Nesting is deeper than ${MAX_DEPTH} levels.`, lineCounter, doc.range[0]));
      failed = true;
      return;
    }
    const items = listItems(value, doc);
    if (items) {
      // `kubectl get … -o yaml` prints several objects as one `kind: List`: each item is read as a
      // document of its own, its positions those of the item in the file.
      items.forEach(([item, node], i) => result.push({ source: { file: input.file, text: text!, doc: itemDocument(node), lineCounter }, index, item: i, value: item }));
      return;
    }
    result.push({ source: { file: input.file, text: text!, doc, lineCounter }, index, value });
  });
  if (failed) return [];
  if (!result.length) out.push(at(input.file, 'INPUT_EMPTY', 'The input holds no document.'));
  return result;
}
