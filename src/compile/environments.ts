/**
 * Every environment side by side (`codegen generate --all-envs`, `compileEnvironments()`): the
 * base (the spec without an environment) where a single run writes it, `<service>/…`, and beside it
 * `<service>/environments/<env>/…` with what each environment's users deploy:
 * - Kubernetes: a kustomize overlay over `<service>/kubernetes/` (images, JSON 6902 patches for
 *   what differs, deletions, objects only the environment has) — `kubectl apply -k` per environment;
 * - CloudFormation (ECS service, App Mesh): `<stem>.parameters`, the environment's parameter values
 *   in the template configuration format (`{"Parameters": {...}}`, as `aws cloudformation deploy
 *   --parameter-overrides file://…` and CodePipeline read it); when the template differs in more
 *   than parameter defaults, the environment's own template beside it as well;
 * - any other file (the ECS task definition JSON, plugin output) only when it differs from the base;
 * - Copilot: nothing, its manifest carries every environment in its `environments:` section.
 * All or nothing: an error in any environment writes no file.
 */
import { posix } from 'node:path';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { serializeArtifact, type Artifact, type Json, type JsonObject } from '../core/serialize.js';
import { buildOverlay, type K8sDoc } from '../emitters/kubernetes/overlay.js';
import { verifyArtifacts } from '../verify/index.js';
import { compile, type CompileOptions, type CompileResult } from './compile.js';

/** The folder under each service that holds the environments. */
export const ENVIRONMENTS_FOLDER = 'environments';

/** Artifact kinds of the files written here that no verifier knows (they are checked by kustomize and the AWS CLI). */
const OWN_KINDS = new Set(['kustomize-patch', 'cloudformation-parameters']);

function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Compile the base and every environment; the result holds the files of all of them. */
export function compileEnvironments(input: string | Uint8Array | object, options: Omit<CompileOptions, 'env'> = {}): CompileResult {
  const base = compile(input, options);
  if (hasErrors(base.diagnostics) || base.service === undefined) return base;
  const results = (base.environments ?? []).map((env) => [env, compile(input, { ...options, env })] as const);
  const diagnostics = mergeDiagnostics([base.diagnostics, ...results.map(([, r]) => r.diagnostics)]);
  const suppressed = mergeDiagnostics([base.suppressed, ...results.map(([, r]) => r.suppressed)]);
  const out: CompileResult = { ...base, diagnostics, suppressed, files: [], artifacts: [] };
  if (hasErrors(diagnostics)) return out;
  const extra: Artifact[] = [];
  for (const [env, r] of results) extra.push(...environmentArtifacts(base.artifacts, r.artifacts, base.service, env));
  if (options.verify !== false) {
    // The new files, checked with the base beside them (the overlays name its folder); the base's
    // own findings are already in.
    const own = new Map(extra.map((a) => [a.path, a]));
    const found = verifyArtifacts([...base.artifacts, ...extra]).filter((d) => {
      const a = d.file !== undefined ? own.get(d.file) : undefined;
      return a !== undefined && !(d.code === 'VERIFY_UNRECOGNIZED' && OWN_KINDS.has(a.kind));
    });
    diagnostics.splice(0, diagnostics.length, ...mergeDiagnostics([diagnostics, found]));
    if (hasErrors(diagnostics)) return out;
  }
  out.artifacts = [...base.artifacts, ...extra].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  try {
    out.files = [...base.files, ...extra.map((a) => ({ path: a.path, content: serializeArtifact(a) }))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  } catch (err) {
    diagnostics.push({ code: 'SERIALIZE_FAILED', severity: 'error', message: err instanceof Error ? err.message : String(err), source: 'emitter', path: [] });
    out.files = [];
  }
  return out;
}

/** One list, each diagnostic once, in the usual order. */
function mergeDiagnostics(lists: readonly (readonly Diagnostic[])[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of lists.flat()) {
    const key = `${d.code}|${d.severity}|${d.file ?? ''}|${d.path.join('\u0000')}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(compareDiagnostics);
}

const K8S = 'kubernetes/';
const KUSTOMIZATION = 'kubernetes/kustomization.yaml';

function k8sDocs(artifacts: readonly Artifact[], rel: (a: Artifact) => string): K8sDoc[] {
  return artifacts
    .filter((a) => rel(a).startsWith(K8S) && rel(a) !== KUSTOMIZATION && a.kind === 'kubernetes')
    .flatMap((a) => (a.documents ?? []).map((doc) => ({ file: rel(a).slice(K8S.length), doc })));
}

/** A template with every parameter's `Default` left out: what stays when only the values differ. */
function withoutDefaults(doc: JsonObject): JsonObject {
  if (!isObject(doc.Parameters)) return doc;
  const parameters: JsonObject = {};
  for (const [k, p] of Object.entries(doc.Parameters)) {
    if (isObject(p)) {
      const { Default: _d, ...rest } = p;
      parameters[k] = rest;
    } else parameters[k] = p;
  }
  return { ...doc, Parameters: parameters };
}

/** `{"Parameters": {name: value}}` for every parameter with a default (values as strings). */
function parameterValues(doc: JsonObject): JsonObject {
  const values: JsonObject = {};
  const params = isObject(doc.Parameters) ? doc.Parameters : {};
  for (const k of Object.keys(params).sort()) {
    const p = params[k];
    if (isObject(p) && p.Default !== undefined) values[k] = String(p.Default);
  }
  return { Parameters: values };
}

function sameDocuments(a: Artifact, b: Artifact): boolean {
  return a.text === b.text && JSON.stringify(a.documents ?? null) === JSON.stringify(b.documents ?? null);
}

/** The files one environment adds beside the base (paths `<service>/environments/<env>/…`). */
export function environmentArtifacts(base: readonly Artifact[], env: readonly Artifact[], service: string, name: string): Artifact[] {
  const prefix = `${service}/`;
  const rel = (a: Artifact) => (a.path.startsWith(prefix) ? a.path.slice(prefix.length) : a.path);
  const folder = `${service}/${ENVIRONMENTS_FOLDER}/${name}/`;
  const baseBy = new Map(base.map((a) => [rel(a), a]));
  const out: Artifact[] = [];

  const envK8s = k8sDocs(env, rel);
  if (envK8s.length || env.some((a) => rel(a) === KUSTOMIZATION)) {
    if (baseBy.has(KUSTOMIZATION)) {
      for (const f of buildOverlay(k8sDocs(base, rel), envK8s, `../../../${K8S.slice(0, -1)}`)) {
        const list = Array.isArray(f.doc);
        out.push({
          path: `${folder}${K8S}${f.path}`,
          format: 'yaml',
          kind: f.path === 'kustomization.yaml' ? 'kustomization' : list ? 'kustomize-patch' : 'kubernetes',
          emitter: 'kubernetes:overlay',
          // A JSON 6902 patch file is one YAML list; the serializer writes any JSON value.
          documents: [f.doc as JsonObject],
        });
      }
    } else {
      // No base kustomization to build on: the environment's own Kubernetes files.
      for (const a of env) if (rel(a).startsWith(K8S)) out.push({ ...a, path: `${folder}${rel(a)}` });
    }
  }

  for (const a of env) {
    const r = rel(a);
    if (r.startsWith(K8S) || a.kind === 'copilot-manifest') continue;
    const b = baseBy.get(r);
    if (a.kind === 'cloudformation' && a.documents?.length === 1) {
      const doc = a.documents[0]!;
      const stem = posix.basename(r).replace(/(\.cfn)?\.(ya?ml|json)$/, '');
      const dir = posix.dirname(r);
      out.push({ path: `${folder}${dir === '.' ? '' : `${dir}/`}${stem}.parameters`, format: 'json', kind: 'cloudformation-parameters', emitter: a.emitter, documents: [parameterValues(doc)] });
      const sameTemplate = b?.documents?.length === 1 && JSON.stringify(withoutDefaults(b.documents[0]!)) === JSON.stringify(withoutDefaults(doc));
      if (!sameTemplate) out.push({ ...a, path: `${folder}${r}` });
      continue;
    }
    if (!b || !sameDocuments(a, b)) out.push({ ...a, path: `${folder}${r}` });
  }
  return out;
}
