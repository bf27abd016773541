/**
 * JSON Patch overrides (RFC 6902, applied with fast-json-patch): each patch selects exactly one
 * generated document (by target, artifact file, kind, name) and runs its operations on a copy.
 * Patches come from the spec's `patches` or from side files named in the config; they run after
 * the emitters and before serialization, so patched output still goes through the serializer's
 * checks. A failing patch is a `PATCH_*` diagnostic naming the patch, the op index and the op's
 * position in the file that declared it. Prototype keys are refused in every pointer.
 */
// The package ships index.ts beside its builds; name the ESM build so every loader (node, vitest,
// tsx, the bundler) takes the same compiled file.
import type { Operation } from 'fast-json-patch';
import * as jsonpatch from 'fast-json-patch/index.mjs';
import type { Diagnostic, SpecPath } from './diagnostics.js';
import type { Artifact, JsonObject } from './serialize.js';
import { locate, parseSource, type SourceFile } from './source.js';

/** One declared patch (the shape of `patches[]` in the spec and in side files). */
export interface PatchDeclaration {
  id?: string;
  target?: string;
  file?: string;
  kind?: string;
  name?: string;
  ops: Operation[];
}

/** Patches read from one place, with what is needed to point back into it. */
export interface PatchSet {
  patches: readonly PatchDeclaration[];
  /** Spec path of the list in its file (`['patches']` in a spec, `[]` for a side file holding a list). */
  base: SpecPath;
  /** The side file; undefined for the spec itself (the compiler positions those diagnostics). */
  source?: SourceFile;
}

/** A side file as the caller read it (compile() itself never touches the file system). */
export interface PatchFileInput {
  file: string;
  text: string;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

const REASONS: Record<string, [code: string, text: string]> = {
  TEST_OPERATION_FAILED: ['PATCH_TEST_FAILED', 'the `test` did not match the generated value'],
  OPERATION_PATH_UNRESOLVABLE: ['PATCH_PATH_NOT_FOUND', 'the path does not exist in the generated document'],
  OPERATION_FROM_UNRESOLVABLE: ['PATCH_PATH_NOT_FOUND', 'the `from` path does not exist in the generated document'],
  OPERATION_PATH_CANNOT_ADD: ['PATCH_PATH_NOT_FOUND', 'the parent of the path does not exist in the generated document'],
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX: ['PATCH_INVALID_OP', 'an array index in the path is not a number'],
  OPERATION_VALUE_OUT_OF_BOUNDS: ['PATCH_PATH_NOT_FOUND', 'the array index is past the end of the array'],
};

/** Read a side file: a YAML/JSON list of patches, or a map with a `patches` list. */
export function readPatchFile(input: PatchFileInput, diagnostics: Diagnostic[]): PatchSet | undefined {
  const parsed = parseSource(input.file, input.text);
  if (parsed.diagnostics.length) {
    diagnostics.push(...parsed.diagnostics.map((d) => ({ ...d, source: 'patch' as const })));
    return undefined;
  }
  const v = parsed.value;
  const isMapForm = v !== null && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { patches?: unknown }).patches);
  const list = isMapForm ? (v as { patches: unknown[] }).patches : v;
  if (!Array.isArray(list)) {
    diagnostics.push(at(parsed.source, [], { code: 'PATCH_FILE_INVALID', message: 'A patch file holds a list of patches (or a map with a `patches` list).' }));
    return undefined;
  }
  return { patches: list as PatchDeclaration[], base: isMapForm ? ['patches'] : [], source: parsed.source };
}

/** Apply every patch set to the artifacts in place; problems become diagnostics. */
export function applyPatches(artifacts: Artifact[], sets: readonly PatchSet[], diagnostics: Diagnostic[]): void {
  const budget: Budget = { ops: 0, growth: 0, cloned: new Set() };
  for (const set of sets) {
    for (let i = 0; i < set.patches.length; i++) {
      if (!applyOne(artifacts, set.patches[i]!, i, set, diagnostics, budget)) return;
    }
  }
}

/** Operations in one compile, over every patch (docs/limits.md). */
export const MAX_PATCH_OPS = 1000;
/** How much the patches of one compile may add, in JSON text characters (4 MiB; docs/limits.md). */
export const MAX_PATCH_GROWTH = 4 * 1024 * 1024;

/** Work done so far by the patches of one compile. */
interface Budget {
  ops: number;
  /** JSON characters added by add, replace and copy values. */
  growth: number;
  /** Documents already copied (each is copied once, before its first patch). */
  cloned: Set<object>;
  stopped?: boolean;
}

/** The length of `v`'s JSON text, counting no further than `limit` (so a huge value costs `limit`, not its size). */
export function jsonSize(v: unknown, limit: number): number {
  let n = 0;
  const stack: unknown[] = [v];
  while (stack.length && n <= limit) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') {
      n += typeof x === 'string' ? x.length + 2 : String(x).length;
      continue;
    }
    n += 2;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length && n <= limit; i++) {
        n += 1;
        stack.push(x[i]);
      }
    } else {
      for (const k in x) {
        if (n > limit) break;
        if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
        n += k.length + 4;
        stack.push((x as Record<string, unknown>)[k]);
      }
    }
  }
  return n;
}

/** The value a JSON Pointer names, or undefined. */
function valueAt(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let cur = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Applies one patch; false when a work bound was hit (then no further patch runs). */
function applyOne(artifacts: Artifact[], patch: PatchDeclaration, index: number, set: PatchSet, diagnostics: Diagnostic[], budget: Budget): boolean {
  applyChecked(artifacts, patch, index, set, diagnostics, budget);
  return !budget.stopped;
}

function applyChecked(artifacts: Artifact[], patch: PatchDeclaration, index: number, set: PatchSet, diagnostics: Diagnostic[], budget: Budget): void {
  const where = [...set.base, index];
  const label = `Patch ${patch?.id ? `"${patch.id}"` : index}`;
  const report = (code: string, message: string, path: SpecPath = where) => diagnostics.push(at(set.source, path, { code, message }));
  if (!patch || typeof patch !== 'object' || !Array.isArray(patch.ops) || patch.ops.length === 0) {
    report('PATCH_INVALID', `${label} needs a non-empty \`ops\` list.`);
    return;
  }
  if (patch.target === undefined && patch.file === undefined && patch.kind === undefined) {
    report('PATCH_NO_SELECTOR', `${label} selects no artifact; give \`target\`, \`file\` or \`kind\`.`);
    return;
  }
  for (const [j, op] of patch.ops.entries()) {
    const problem = checkOp(op);
    if (problem) {
      report(problem[0], `${label}, op ${j}: ${problem[1]}.`, [...where, 'ops', j]);
      return;
    }
  }
  const matches = select(artifacts, patch);
  if (matches.length !== 1) {
    const what = describeSelector(patch);
    report(
      matches.length ? 'PATCH_AMBIGUOUS' : 'PATCH_NO_MATCH',
      matches.length
        ? `${label} matches ${matches.length} documents (${matches.map((m) => docLabel(m.artifact, m.doc)).join(', ')}); narrow it with \`file\`, \`kind\` or \`name\`.`
        : `${label} matches no generated document (${what}).`,
    );
    return;
  }
  const { artifact, doc } = matches[0]!;
  const documents = artifact.documents;
  if (!documents) {
    report('PATCH_TEXT_ARTIFACT', `${label} selects ${relativePath(artifact)}, which is text, not data; change its template instead.`);
    return;
  }
  // One op at a time: fast-json-patch validates a whole sequence up front and then reports index 0
  // for whichever op failed, and the diagnostic must name the op. Each document is copied once,
  // before its first patch (the emitters' objects may share parts); a failed patch leaves the
  // copy half done, which is harmless: an error means nothing is written.
  let out: unknown = documents[doc];
  if (!budget.cloned.has(out as object)) {
    out = jsonpatch.deepClone(out);
    budget.cloned.add(out as object);
  }
  for (const [j, op] of patch.ops.entries()) {
    if (++budget.ops > MAX_PATCH_OPS) {
      report('PATCH_TOO_MANY_OPS', `${label}, op ${j}: the patches of one spec may hold at most ${MAX_PATCH_OPS} operations in all.`, [...where, 'ops', j]);
      budget.stopped = true;
      return;
    }
    if (op.op === 'add' || op.op === 'replace' || op.op === 'copy') {
      const added = op.op === 'copy' ? valueAt(out, op.from) : op.value;
      budget.growth += jsonSize(added, MAX_PATCH_GROWTH - budget.growth);
      if (budget.growth > MAX_PATCH_GROWTH) {
        report('PATCH_TOO_LARGE', `${label}, op ${j} (${op.op} ${op.path}): the patches of one spec may add at most ${MAX_PATCH_GROWTH / 1024 / 1024} MiB of JSON to the generated documents.`, [...where, 'ops', j]);
        budget.stopped = true;
        return;
      }
    }
    try {
      out = jsonpatch.applyOperation(out, op, true, true, true, j).newDocument;
    } catch (err) {
      const e = err as { name?: string; message?: string };
      const [code, text] = REASONS[e.name ?? ''] ?? ['PATCH_FAILED', firstLine(e.message ?? String(err))];
      report(code, `${label}, op ${j} (${op.op} ${op.path}) on ${docLabel(artifact, doc)}: ${text}.`, [...where, 'ops', j]);
      return;
    }
  }
  if (out === null || typeof out !== 'object' || Array.isArray(out)) {
    report('PATCH_RESULT_INVALID', `${label} turns ${docLabel(artifact, doc)} into something that is not a map.`);
    return;
  }
  if (out !== documents[doc]) budget.cloned.add(out);
  documents[doc] = out as JsonObject;
}

/** Shape and safety checks fast-json-patch would either miss or report without the op's position. */
function checkOp(op: Operation): [string, string] | undefined {
  if (!op || typeof op !== 'object' || !OPS.has((op as { op?: string }).op ?? '')) return ['PATCH_INVALID_OP', '`op` must be one of add, remove, replace, move, copy, test'];
  for (const key of ['path', 'from'] as const) {
    const p = (op as unknown as Record<string, unknown>)[key];
    if (p === undefined && key === 'from' && op.op !== 'move' && op.op !== 'copy') continue;
    if (typeof p !== 'string' || (p !== '' && !p.startsWith('/'))) return ['PATCH_INVALID_OP', `\`${key}\` must be a JSON Pointer starting with "/"`];
    const bad = p.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).find((s) => FORBIDDEN.has(s));
    if (bad !== undefined) return ['PATCH_FORBIDDEN_PATH', `\`${key}\` ${JSON.stringify(p)} names "${bad}", which could modify object prototypes`];
  }
  const name: string = op.op;
  if ((name === 'add' || name === 'replace' || name === 'test') && !('value' in op)) return ['PATCH_INVALID_OP', `\`${name}\` needs a \`value\``];
  return undefined;
}

interface Match {
  artifact: Artifact;
  doc: number;
}

/** Artifact paths in a compile result start with `<service>/`; selectors name the part after it. */
function relativePath(a: Artifact): string {
  const slash = a.path.indexOf('/');
  return slash < 0 ? a.path : a.path.slice(slash + 1);
}

function select(artifacts: readonly Artifact[], p: PatchDeclaration): Match[] {
  const out: Match[] = [];
  for (const a of artifacts) {
    if (p.target !== undefined && a.emitter.split(':')[0] !== p.target) continue;
    if (p.file !== undefined && relativePath(a) !== p.file && a.path !== p.file) continue;
    if (!a.documents) {
      // Text artifacts cannot be patched; count them only when named precisely, to say so.
      if (p.file !== undefined && p.kind === undefined && p.name === undefined) out.push({ artifact: a, doc: -1 });
      continue;
    }
    a.documents.forEach((d, i) => {
      const meta = d.metadata as { name?: unknown } | undefined;
      if (p.kind !== undefined && a.kind !== p.kind && d.kind !== p.kind) return;
      if (p.name !== undefined && meta?.name !== p.name) return;
      out.push({ artifact: a, doc: i });
    });
  }
  return out;
}

function describeSelector(p: PatchDeclaration): string {
  return (['target', 'file', 'kind', 'name'] as const)
    .filter((k) => p[k] !== undefined)
    .map((k) => `${k} ${JSON.stringify(p[k])}`)
    .join(', ');
}

function docLabel(a: Artifact, doc: number): string {
  const d = a.documents?.[doc];
  const name = (d?.metadata as { name?: unknown } | undefined)?.name;
  const rel = relativePath(a);
  return (a.documents?.length ?? 0) > 1 ? `${rel}#${doc}${typeof d?.kind === 'string' ? ` (${d.kind}${typeof name === 'string' ? ` ${name}` : ''})` : ''}` : rel;
}

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).trim().replace(/\.$/, '');
}

/** A patch diagnostic; side-file diagnostics are positioned here, spec ones by the compiler. */
function at(source: SourceFile | undefined, path: SpecPath, d: { code: string; message: string }): Diagnostic {
  const diag: Diagnostic = { ...d, severity: 'error', source: 'patch', path };
  if (source) {
    const pos = locate(source, path) ?? { line: 1, column: 1 };
    Object.assign(diag, { file: source.file }, pos);
  }
  return diag;
}
