/**
 * kustomize `kustomization.yaml` against SchemaStore's kustomization.json, strict as kustomize's
 * own decoder (unknown fields are errors), plus kustomize's rules: kind Kustomization/Component,
 * the apiVersion, no label in both commonLabels and labels, and every local file or folder it names
 * is among the generated artifacts (a file must sit in or below the kustomization's folder).
 */
import { posix } from 'node:path';
import { runCheck, useCompiled } from './compiled-check.js';
import { evaluate, type Schema, type Violation } from './json-schema.js';
import { isObject, show, type Pointer, type Reporter } from './report.js';
import { k8sChecks } from './schema-checks.generated.js';
import { withKustomizeFields } from './kustomize-schema.js';
import { readData, schemasOverridden } from './vendor.js';

let strict: Schema | undefined;

/** The violations of `doc`: the compiled check of the bundled schema for a process's first COMPILED_USES kustomizations, then the schema evaluated (that of another folder once setSchemasRoot() named one). */
function schemaViolations(doc: Record<string, unknown>): Violation[] {
  if (!schemasOverridden() && useCompiled('kustomization')) return runCheck(k8sChecks().kustomization, doc);
  strict ??= withKustomizeFields(readData<Record<string, unknown>>('kustomize/kustomization.json'));
  return evaluate(strict, doc);
}

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function isRemote(ref: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(ref) || ['github.com/', 'gitlab.com/', 'bitbucket.org/'].some((host) => ref.startsWith(host)) || ref.includes('?ref=') || ref.startsWith('git@');
}

interface Named {
  ref: string;
  path: Pointer;
  /** Folders (a kustomization inside) are allowed outside the kustomization's folder; files are not. */
  folder: 'yes' | 'no' | 'maybe';
}

function namedPaths(doc: Record<string, unknown>): Named[] {
  const out: Named[] = [];
  const strings = (field: string, folder: Named['folder']) => {
    const v = doc[field];
    if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && !x.includes('\n') && out.push({ ref: x, path: [field, i], folder }));
  };
  strings('resources', 'maybe');
  strings('bases', 'yes');
  strings('components', 'yes');
  strings('crds', 'no');
  strings('configurations', 'no');
  strings('patchesStrategicMerge', 'no');
  for (const field of ['patches', 'patchesJson6902', 'replacements']) {
    const v = doc[field];
    if (Array.isArray(v)) v.forEach((x, i) => isObject(x) && typeof x.path === 'string' && out.push({ ref: x.path, path: [field, i, 'path'], folder: 'no' }));
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    const v = doc[field];
    if (!Array.isArray(v)) continue;
    v.forEach((g, i) => {
      if (!isObject(g)) return;
      for (const list of ['files', 'envs']) {
        if (Array.isArray(g[list])) {
          (g[list] as unknown[]).forEach((f, j) => typeof f === 'string' && out.push({ ref: f.includes('=') ? f.slice(f.indexOf('=') + 1) : f, path: [field, i, list, j], folder: 'no' }));
        }
      }
      if (typeof g.env === 'string') out.push({ ref: g.env, path: [field, i, 'env'], folder: 'no' });
    });
  }
  return out.filter((n) => !isRemote(n.ref));
}

function rules(doc: Record<string, unknown>, r: Reporter): void {
  const kind = doc.kind ?? 'Kustomization';
  if (kind !== 'Kustomization' && kind !== 'Component') r.add('VERIFY_KUSTOMIZE_SCHEMA', ['kind'], `kind must be Kustomization or Component, not ${show(kind)}`);
  const want = kind === 'Component' ? 'kustomize.config.k8s.io/v1alpha1' : 'kustomize.config.k8s.io/v1beta1';
  if (doc.apiVersion !== undefined && doc.apiVersion !== want) r.add('VERIFY_KUSTOMIZE_SCHEMA', ['apiVersion'], `apiVersion of a ${String(kind)} must be ${want}, not ${show(doc.apiVersion)}`);
  const common = isObject(doc.commonLabels) ? Object.keys(doc.commonLabels) : [];
  if (Array.isArray(doc.labels)) {
    doc.labels.forEach((l: unknown, i: number) => {
      const pairs = isObject(l) && isObject(l.pairs) ? Object.keys(l.pairs) : [];
      for (const k of pairs.filter((p) => common.includes(p))) r.add('VERIFY_KUSTOMIZE_SCHEMA', ['labels', i, 'pairs', k], `the label "${k}" is also in commonLabels; kustomize refuses it in both`);
    });
  }
}

/** A relative folder path without `.`, `..` or empty segments (or `.` itself): what posix.resolve() only prefixes with the working folder. */
export function isClean(dir: string): boolean {
  if (dir === '.') return true;
  if (dir === '' || dir.startsWith('/')) return false;
  for (const seg of dir.split('/')) if (seg === '' || seg === '.' || seg === '..') return false;
  return true;
}

/**
 * Whether the normalized path `target` is `dir` or below it, as `posix.relative(dir, target)`
 * tells (it does not start with `..`). For a clean `dir` and a `target` that does not climb out
 * with `..`, both resolve against the same working folder, so the text says it without resolving.
 */
export function within(dir: string, clean: boolean, target: string): boolean {
  if (clean && target !== '..' && !target.startsWith('../')) return dir === '.' || target === dir || target.startsWith(`${dir}/`);
  const rel = posix.relative(dir, target);
  return rel !== '..' && !rel.startsWith('../');
}

/**
 * `artifactPath` is the kustomization's own path; `allPaths` every artifact path of the run
 * (references are resolved against them, not against the file system).
 */
export function verifyKustomization(doc: Record<string, unknown>, r: Reporter, artifactPath: string, allPaths: ReadonlySet<string>): void {
  for (const v of schemaViolations(doc)) r.add('VERIFY_KUSTOMIZE_SCHEMA', v.path, v.message);
  rules(doc, r);
  const dir = posix.dirname(artifactPath);
  const clean = isClean(dir);
  const folders = new Set<string>();
  for (const p of allPaths) if (KUSTOMIZATION_FILES.includes(posix.basename(p))) folders.add(posix.dirname(p));
  for (const n of namedPaths(doc)) {
    // (posix.join normalizes: no second normalize.)
    let target = posix.join(dir, n.ref);
    if (target.endsWith('/')) target = target.slice(0, -1);
    if (n.folder !== 'no' && folders.has(target)) continue;
    if (n.folder !== 'yes' && allPaths.has(target)) {
      if (!within(dir, clean, target)) r.add('VERIFY_KUSTOMIZE_REFERENCE', n.path, `"${n.ref}" is a file outside the kustomization's folder, which kustomize's load restrictor refuses`);
      continue;
    }
    const what = n.folder === 'yes' ? 'a folder with a kustomization' : n.folder === 'no' ? 'a file' : 'a file or a folder with a kustomization';
    r.add('VERIFY_KUSTOMIZE_REFERENCE', n.path, `"${n.ref}" names ${what} that is not among the generated artifacts`);
  }
}
