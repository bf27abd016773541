/**
 * `codegen import ecs`: a RegisterTaskDefinition JSON (also as `aws ecs describe-task-definition`
 * prints it: the read-only fields it adds are ignored) or a CloudFormation template holding the task
 * definition and the ECS service around it.
 */
import { TASK_DEFINITION_READ_ONLY } from '../exact.js';
import { Tracker } from '../fields.js';
import { documentError, guessKind, type ImportContext } from '../types.js';
import { newDraft, type SpecDraft } from '../write.js';
import { importTemplate } from './template.js';
import { INCOMPLETE } from './appmesh.js';
import { isMeshDocument, mergeMesh } from './mesh-merge.js';
import type { InputDocument } from '../read.js';
import { serviceName } from './names.js';
import { JSON_READER, readTaskDefinition } from './task.js';

/** Fields `describe-task-definition` adds that RegisterTaskDefinition does not take. */
const READ_ONLY = TASK_DEFINITION_READ_ONLY;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function importEcs(ctx: ImportContext): SpecDraft[] {
  const drafts: SpecDraft[] = [];
  const meshDocs: InputDocument[] = [];
  for (const doc of ctx.documents) {
    const v = doc.value;
    if (isMeshDocument(doc)) {
      meshDocs.push(doc);
      continue;
    }
    const tracker = new Tracker(doc, ctx.diagnostics);
    if (isObject(v) && (isObject(v.Resources) || 'AWSTemplateFormatVersion' in v)) {
      drafts.push(...importTemplate(tracker, ctx));
      continue;
    }
    const wrapped = isObject(v) && isObject(v.taskDefinition);
    const root = tracker.root();
    const td = wrapped ? root.get('taskDefinition') : root;
    if (!isObject(td.value) || !Array.isArray((td.value as Record<string, unknown>).containerDefinitions)) {
      const other = guessKind(v);
      ctx.diagnostics.push(documentError(doc, 'IMPORT_WRONG_KIND', 'This is not an ECS task definition (no containerDefinitions) or CloudFormation template (no Resources).', other && other !== 'ecs' ? `it looks like ${other} input: codegen import ${other}` : undefined));
      continue;
    }
    for (const k of READ_ONLY) td.get(k).use();
    const family = td.get('family').value;
    const name = ctx.options.name ?? (typeof family === 'string' ? serviceName(family) : undefined);
    if (!name) {
      ctx.diagnostics.push(documentError(doc, 'IMPORT_NO_NAME', 'The task definition has no family to name the service after.', 'pass --name NAME'));
      continue;
    }
    const draft = newDraft(name, [`Imported by \`codegen import ecs\` from ${doc.source.file}.`]);
    draft.spec.targets = { ecs: {} };
    readTaskDefinition(td, draft, JSON_READER);
    if (wrapped) {
      const tags = root.get('tags');
      const labels: Record<string, string> = {};
      for (const t of tags.items()) {
        const k = t.get('key').str();
        const val = t.get('value').str();
        if (k !== undefined && val !== undefined) labels[k] = val;
      }
      if (Object.keys(labels).length) {
        draft.spec.labels = { ...((draft.spec.labels as Record<string, string> | undefined) ?? {}), ...labels };
        tags.note('The task definition tags are read as labels (codegen tags every resource it writes with them).');
      }
    }
    const ecs = (draft.spec.targets as Record<string, Record<string, unknown>>).ecs!;
    if (ecs.executionRoleArn === undefined && draft.spec.secrets) {
      draft.comments.push({ path: ['targets', 'ecs'], text: 'No execution role in the input: the CloudFormation target creates one scoped to the secrets.' });
    }
    tracker.leftovers(`Task definition ${String(family)}`);
    drafts.push(draft);
  }
  mergeMesh(drafts, meshDocs, ctx, INCOMPLETE);
  return drafts;
}
