/**
 * What `codegen import --exact` compares: each input document as the artifact it stands for (a
 * `describe-task-definition` output without its wrapper and read-only fields, a Kubernetes object
 * without the fields the API server fills in), and the ECS task definition JSON that belongs to a
 * template given with it. Pure; the comparison itself runs above the pipeline.
 */
import { SERVER_ANNOTATIONS, SERVER_METADATA } from './kubernetes/api-fields.js';
import type { InputDocument } from './read.js';
import type { ImportKind } from './types.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** An input document as the artifact it stands for. */
export interface ArtifactView {
  doc: InputDocument;
  /** The document as the target reads it (a copy where something was left out). */
  value: Record<string, unknown>;
  /** Where `value` sits in the document (`['taskDefinition']` in describe-task-definition output). */
  prefix: string[];
}

/** Fields `describe-task-definition` adds that RegisterTaskDefinition does not take. */
export const TASK_DEFINITION_READ_ONLY = ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt'];


function without(v: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(v).filter(([k]) => !keys.includes(k)));
}

function taskDefinitionJson(v: unknown): Record<string, unknown> | undefined {
  return isObject(v) && Array.isArray(v.containerDefinitions) ? v : undefined;
}

function kubernetesView(v: Record<string, unknown>): Record<string, unknown> {
  const out = without(v, ['status']);
  if (isObject(v.metadata)) {
    const metadata = without(v.metadata, SERVER_METADATA);
    if (isObject(metadata.annotations)) {
      const annotations = without(metadata.annotations, SERVER_ANNOTATIONS);
      if (Object.keys(annotations).length) metadata.annotations = annotations;
      else delete metadata.annotations;
    }
    out.metadata = metadata;
  }
  return out;
}

/** The document as the artifact it stands for; undefined for a Compose file (no target writes one). */
export function artifactView(kind: ImportKind, doc: InputDocument): ArtifactView | undefined {
  const v = doc.value;
  if (kind === 'compose' || !isObject(v)) return undefined;
  const wrapped = taskDefinitionJson(v.taskDefinition);
  if (wrapped) return { doc, value: without(wrapped, TASK_DEFINITION_READ_ONLY), prefix: ['taskDefinition'] };
  if (taskDefinitionJson(v)) return { doc, value: without(v, TASK_DEFINITION_READ_ONLY), prefix: [] };
  if (typeof v.apiVersion === 'string' && typeof v.kind === 'string') return { doc, value: kubernetesView(v), prefix: [] };
  return { doc, value: v, prefix: [] };
}

/** The literal `Family` of each task definition a template declares. */
function templateFamilies(v: unknown): string[] {
  if (!isObject(v) || !isObject(v.Resources)) return [];
  return Object.values(v.Resources).flatMap((r) => (isObject(r) && r.Type === 'AWS::ECS::TaskDefinition' && isObject(r.Properties) && typeof r.Properties.Family === 'string' ? [r.Properties.Family] : []));
}

/**
 * Task definition JSON documents given with a template that declares the same family: the same
 * task definition, which the spec drafted from the template generates as `ecs/task-definition.json`.
 * `--exact` drafts the spec from the template alone and keeps what the JSON holds beyond it as a
 * patch of that file.
 */
export function companionTaskDefinitions(documents: readonly InputDocument[]): Set<InputDocument> {
  const families = new Set(documents.flatMap((d) => templateFamilies(d.value)));
  const out = new Set<InputDocument>();
  for (const d of documents) {
    const v = d.value;
    const td = isObject(v) ? (taskDefinitionJson(v.taskDefinition) ?? taskDefinitionJson(v)) : undefined;
    if (td && typeof td.family === 'string' && families.has(td.family)) out.add(d);
  }
  return out;
}
