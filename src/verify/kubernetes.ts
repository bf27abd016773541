/**
 * Kubernetes documents against the vendored OpenAPI-derived JSON Schemas (v1.34.0 core kinds plus
 * the Gateway API HTTPRoute and Argo Rollouts Rollout CRDs), evaluated strictly: an object schema
 * with declared properties rejects unknown fields, like kubeconform `-strict`.
 */
import { evaluate, type Schema, type Violation } from './json-schema.js';
import { k8sChecks } from './schema-checks.generated.js';
import { runCheck, useCompiled } from './compiled-check.js';
import { isObject, type Reporter } from './report.js';
import { readData, schemasOverridden } from './vendor.js';

interface Entry {
  file: string;
  label: string;
  schema?: Schema;
}

let index: Map<string, Entry> | undefined;
const STRICT = { strict: true } as const;

/**
 * "apiVersion kind" → schema file, from `kubernetes/index.json` (written by
 * `node scripts/verify-data.mjs --index`; a test keeps it equal to what the schemas declare), so a
 * run parses only the schemas its documents need.
 */
function schemaIndex(): Map<string, Entry> {
  if (index) return index;
  const built = new Map<string, Entry>();
  for (const [key, file] of Object.entries(readData<Record<string, string>>('kubernetes/index.json'))) built.set(key, { file, label: schemaLabel(file) });
  return (index = built);
}

/** How a message names a schema file's release: `v1.34.0`, `gateway-api v1.3.0`. */
export function schemaLabel(file: string): string {
  const release = file.split('/').slice(-2)[0]!;
  return release.startsWith('v') ? release : release.replace(/-(v[0-9.]+)$/, ' $1');
}

/**
 * The schema's label and its violations for `doc`: from the compiled check of the bundled schema
 * (schema-checks.generated.ts; no file read) for a process's first COMPILED_USES documents of the
 * kind, then from evaluating the schema; once setSchemasRoot() has named another folder, from
 * evaluating that folder's schema. Undefined when no schema is bundled for the kind.
 */
function violations(key: string, doc: unknown): { label: string; found: Violation[] } | undefined {
  if (!schemasOverridden()) {
    const { kinds } = k8sChecks();
    const compiled = Object.hasOwn(kinds, key) ? kinds[key] : undefined;
    if (!compiled) return undefined;
    if (useCompiled(key)) return { label: schemaLabel(compiled[0]), found: runCheck(compiled[1], doc) };
  }
  const entry = schemaIndex().get(key);
  return entry && { label: entry.label, found: evaluate(schemaOf(entry), doc, STRICT) };
}

/** The schema as read (shared, never changed): it is evaluated strictly, with no copy made. */
function schemaOf(entry: Entry): Schema {
  return (entry.schema ??= readData<Record<string, unknown>>(entry.file));
}

/** A strategic-merge patch without its `$`-directives (`$patch`, `$setElementOrder/...`, `$retainKeys`, ...), at any depth. */
function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => !(isObject(x) && Object.keys(x).length === 1 && '$patch' in x)).map(withoutDirectives);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = withoutDirectives(x);
  return out;
}

/** `partial`: a strategic-merge patch, checked without required fields or the metadata.name rule. */
export function verifyKubernetes(doc: Record<string, unknown>, r: Reporter, options: { partial?: boolean } = {}): void {
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    r.add('VERIFY_K8S_SCHEMA', [], 'a Kubernetes object needs string apiVersion and kind');
    return;
  }
  // A strategic-merge patch may carry kustomize/kubectl directives (`$patch: delete`, `$retainKeys`, ...).
  const result = violations(`${apiVersion} ${kind}`, options.partial ? withoutDirectives(doc) : doc);
  if (!result) {
    r.add('VERIFY_K8S_NO_SCHEMA', [], `no schema is bundled for ${apiVersion} ${kind}, so it was not checked`, 'info');
    return;
  }
  for (const v of result.found) {
    if (options.partial && v.keyword === 'required') continue;
    r.add('VERIFY_K8S_SCHEMA', v.path, `${v.message} (${apiVersion} ${kind}, schema ${result.label})`);
  }
  const metadata = doc.metadata;
  if (options.partial) return;
  if (!isObject(metadata) || typeof metadata.name !== 'string' || metadata.name === '') {
    r.add('VERIFY_K8S_SCHEMA', ['metadata', 'name'], `metadata.name is required as a non-empty string (${apiVersion} ${kind})`);
  }
}
