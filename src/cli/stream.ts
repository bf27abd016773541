/**
 * `generate --stdout`: every artifact of a run as one YAML stream. Each file becomes a document
 * introduced by `---` and a `# Source: <service>/<path>` comment (the path `generate` would write
 * under the output folder; the framing `helm template` uses), followed by the file's bytes
 * unchanged: JSON files are YAML documents too, so `kubectl`, `yq` and any YAML reader read the
 * whole stream, and splitting it at the `# Source:` lines gives back the files byte for byte.
 *
 * Kubernetes folders are streamed in their kustomization's `resources` order (a Namespace before
 * what lives in it), and `kustomization.yaml` itself is left out: it is kustomize's build file,
 * not an object the API server accepts, so `kubectl apply -f -` would reject it. A text artifact
 * (a Markdown runbook) is not YAML and cannot be in the stream: the caller reports it.
 */
import { escapeControl } from '../core/diagnostics.js';
import type { Artifact } from '../core/serialize.js';

export interface StreamFile {
  path: string;
  content: string;
}

const isKustomization = (a: Artifact) => a.documents?.length === 1 && a.documents[0]!.kind === 'Kustomization' && String(a.documents[0]!.apiVersion ?? '').startsWith('kustomize.config.k8s.io/');

const folderOf = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));

/**
 * One spec's files in stream order, without kustomization files; `text` lists the files that are
 * not YAML or JSON. Artifacts and files share their paths (`<service>/<target>/<file>`).
 */
export function streamFiles(files: readonly StreamFile[], artifacts: readonly Artifact[]): { files: StreamFile[]; text: string[] } {
  const byPath = new Map(artifacts.map((a) => [a.path, a]));
  // Folder → the order its kustomization lists its resources in.
  const order = new Map<string, string[]>();
  for (const [path, a] of byPath) {
    if (!isKustomization(a)) continue;
    const resources = a.documents![0]!.resources;
    const folder = folderOf(path);
    order.set(folder, Array.isArray(resources) ? resources.filter((r): r is string => typeof r === 'string').map((r) => `${folder}/${r}`) : []);
  }
  const out: StreamFile[] = [];
  const text: string[] = [];
  const done = new Set<string>();
  for (const f of files) {
    if (done.has(f.path)) continue;
    const listed = order.get(folderOf(f.path));
    const group = listed ? [...listed.map((p) => files.find((x) => x.path === p)).filter((x): x is StreamFile => x !== undefined), ...files.filter((x) => folderOf(x.path) === folderOf(f.path) && !listed.includes(x.path))] : [f];
    for (const g of group) {
      if (done.has(g.path)) continue;
      done.add(g.path);
      const a = byPath.get(g.path);
      if (a && isKustomization(a)) continue;
      if (a?.format === 'text' || (!a && !/\.(ya?ml|json)$/.test(g.path))) text.push(g.path);
      else out.push(g);
    }
  }
  return { files: out, text };
}

/** The stream: `---`, the `# Source:` line, then the file's text, for each file. */
export function formatStream(files: readonly StreamFile[]): string {
  let out = '';
  for (const f of files) out += `---\n# Source: ${escapeControl(f.path)}\n${f.content}${f.content.endsWith('\n') ? '' : '\n'}`;
  return out;
}
