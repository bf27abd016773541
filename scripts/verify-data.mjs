#!/usr/bin/env node
/**
 * Data the verifier reads, derived from the vendored schemas (vendor/schemas/):
 *
 *   node scripts/verify-data.mjs --index          rewrite vendor/schemas/kubernetes/index.json, the
 *                                                 "apiVersion kind" → schema file map (so a run reads
 *                                                 only the schemas its documents need)
 *   node scripts/verify-data.mjs --compact DIR    write a copy of vendor/schemas to DIR with the
 *                                                 schemas' documentation keywords (description,
 *                                                 markdownDescription, examples, $comment) removed:
 *                                                 the build ships it as dist/vendor-schemas, which the
 *                                                 verifier reads ~8× less of at start-up. Evaluation
 *                                                 ignores those keywords, so the result is the same
 *                                                 (test/verify/verify-data.test.ts proves it). The
 *                                                 Copilot field model loses its `paths` listing, which
 *                                                 the verifier never reads (COMPACT_DATA).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'vendor', 'schemas');

/** Folders whose schemas the Kubernetes verifier indexes by x-kubernetes-group-version-kind. */
export const KUBERNETES_FOLDERS = ['kubernetes/v1.34.0', 'kubernetes/crds/gateway-api-v1.3.0', 'kubernetes/crds/argo-rollouts-v1.9.1'];

export function kubernetesIndex(dir = vendor) {
  const out = {};
  for (const folder of KUBERNETES_FOLDERS) {
    for (const name of readdirSync(join(dir, folder)).filter((n) => n.endsWith('.json')).sort()) {
      const schema = JSON.parse(readFileSync(join(dir, folder, name), 'utf8'));
      for (const g of schema['x-kubernetes-group-version-kind'] ?? []) out[`${g.group ? `${g.group}/${g.version}` : g.version} ${g.kind}`] = `${folder}/${name}`;
    }
  }
  return out;
}

/** Folders holding JSON Schemas (the ECS API model and the Copilot field model are other formats: copied as they are). */
const SCHEMA_FOLDERS = ['cloudformation/', 'kubernetes/', 'kustomize/'];

const DOC_KEYWORDS = new Set(['description', 'markdownDescription', 'examples', '$comment']);
/** Keywords whose value maps names to schemas (a key there is a name, not a keyword). */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** Keywords whose value is data, copied as is. */
const DATA = new Set(['enum', 'const', 'default', 'required', 'x-kubernetes-group-version-kind']);

/** A schema without its documentation keywords; names and data values are never touched. */
export function compactSchema(schema) {
  if (Array.isArray(schema)) return schema.map(compactSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (DOC_KEYWORDS.has(k) && (typeof v === 'string' || Array.isArray(v))) continue;
    if (NAME_MAPS.has(k) && v && typeof v === 'object' && !Array.isArray(v)) out[k] = Object.fromEntries(Object.entries(v).map(([n, x]) => [n, compactSchema(x)]));
    else if (DATA.has(k)) out[k] = v;
    else out[k] = compactSchema(v);
  }
  return out;
}

/**
 * Data files the verifier reads only in part: the part it never reads is left out of the copy. The
 * Copilot field model's `paths` (every field path of every workload type, for people reading the
 * file) is 80% of its 86 kB, and every run with a Copilot target parsed it.
 */
const COMPACT_DATA = {
  'copilot/manifest-fields.json': ({ paths, ...used }) => used,
};

function compactTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    const rel = relative(vendor, src).split('\\').join('/');
    if (statSync(src).isDirectory()) compactTree(src, dst);
    else if (name.endsWith('.json') && SCHEMA_FOLDERS.some((f) => rel.startsWith(f))) writeFileSync(dst, `${JSON.stringify(compactSchema(JSON.parse(readFileSync(src, 'utf8'))))}\n`);
    else if (Object.hasOwn(COMPACT_DATA, rel)) writeFileSync(dst, `${JSON.stringify(COMPACT_DATA[rel](JSON.parse(readFileSync(src, 'utf8'))))}\n`);
    else copyFileSync(src, dst);
  }
}

const [flag, arg] = process.argv.slice(2);
if (flag === '--index') {
  writeFileSync(join(vendor, 'kubernetes', 'index.json'), `${JSON.stringify(kubernetesIndex(), null, 2)}\n`);
} else if (flag === '--compact' && arg) {
  const tmp = `${arg}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  compactTree(vendor, tmp);
  rmSync(arg, { recursive: true, force: true });
  renameSync(tmp, arg);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stderr.write('usage: node scripts/verify-data.mjs --index | --compact DIR\n');
  process.exitCode = 2;
}
