/**
 * Which generated document an input document stands for: a Kubernetes object by kind and name, a
 * CloudFormation template by the logical IDs it shares, a task definition JSON by the artifact kind
 * (and family), a Copilot manifest by its name. Each generated document answers for one input.
 */
import { canonicalize, type Artifact, type JsonObject } from '../core/serialize.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** One generated document, as the serializer will order it. */
export interface GeneratedDoc {
  artifact: Artifact;
  index: number;
  value: JsonObject;
}

export function generatedDocs(artifacts: readonly Artifact[]): GeneratedDoc[] {
  return artifacts.flatMap((artifact) => (artifact.documents ?? []).map((d, index) => ({ artifact, index, value: canonicalize(d) })));
}

const metaOf = (v: Record<string, unknown>): Record<string, unknown> => (isObject(v.metadata) ? v.metadata : {});

function score(source: Record<string, unknown>, g: GeneratedDoc): number {
  const v = g.value as Record<string, unknown>;
  if (typeof source.apiVersion === 'string' && typeof source.kind === 'string') {
    const [a, b] = [metaOf(source), metaOf(v)];
    const sameNamespace = a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
    return v.kind === source.kind && a.name === b.name && sameNamespace ? 1 : 0;
  }
  if (isObject(source.Resources)) {
    if (!isObject(v.Resources)) return 0;
    const ids = new Set(Object.keys(v.Resources));
    return Object.keys(source.Resources).filter((k) => ids.has(k)).length;
  }
  if (Array.isArray(source.containerDefinitions)) {
    if (g.artifact.kind !== 'ecs-task-definition') return 0;
    return v.family === source.family ? 2 : 1;
  }
  if (g.artifact.kind === 'copilot-manifest' && typeof source.type === 'string') return v.name === source.name ? 2 : 1;
  return 0;
}

/** The generated document `source` stands for, among those not yet `taken`. */
export function matchDocument(source: Record<string, unknown>, docs: readonly GeneratedDoc[], taken: Set<GeneratedDoc>): GeneratedDoc | undefined {
  let best: GeneratedDoc | undefined;
  let bestScore = 0;
  for (const g of docs) {
    if (taken.has(g)) continue;
    const s = score(source, g);
    if (s > bestScore) [best, bestScore] = [g, s];
  }
  return best;
}

/** The artifact path under the service folder (`ecs/task-definition.json`), as patches name it. */
export function artifactFile(a: Artifact): string {
  const slash = a.path.indexOf('/');
  return slash < 0 ? a.path : a.path.slice(slash + 1);
}

/** `target` + `file`, and the document's `kind` and `name` when its file holds several. */
export function selector(g: GeneratedDoc): { target: string; file: string; kind?: string; name?: string } {
  const out: { target: string; file: string; kind?: string; name?: string } = { target: g.artifact.emitter.split(':')[0]!, file: artifactFile(g.artifact) };
  if ((g.artifact.documents?.length ?? 0) > 1) {
    const v = g.value as Record<string, unknown>;
    if (typeof v.kind === 'string') out.kind = v.kind;
    const name = metaOf(v).name;
    if (typeof name === 'string') out.name = name;
  }
  return out;
}
