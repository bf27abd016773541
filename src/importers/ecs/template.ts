/** CloudFormation template (task definition + ECS service + load balancing + scaling) → spec. */
import type { Tracker } from '../fields.js';
import type { ImportContext } from '../types.js';
import type { SpecDraft } from '../write.js';

export function importTemplate(tracker: Tracker, ctx: ImportContext): SpecDraft[] {
  void tracker;
  void ctx;
  return [];
}
