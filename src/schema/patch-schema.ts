/**
 * `patches`: RFC 6902 JSON Patch overrides aimed at one generated document, applied after the
 * emitters and before serialization (see `src/core/patch.ts` and docs/extending.md).
 */
import { arr, enumOf, obj, str, type JsonSchema } from './dsl.js';

const pointer = (d: string) => str(`${d} A JSON Pointer (RFC 6901) such as \`/containerDefinitions/0/cpu\`; \`~1\` escapes \`/\`.`, { pattern: '^(/.*)?$' });

export const patchOperation: JsonSchema = obj(
  'One RFC 6902 operation.',
  {
    op: enumOf('Operation.', ['add', 'remove', 'replace', 'move', 'copy', 'test']),
    path: pointer('Where the operation applies.'),
    from: pointer('Source of `move` and `copy`.'),
    value: { description: 'Value for `add`, `replace` and `test` (any JSON value).' },
  },
  ['op', 'path'],
);

export const patchDeclaration: JsonSchema = obj(
  'A JSON Patch aimed at exactly one generated document: select it by `target`, `file` (the artifact path under the service folder, e.g. `ecs/task-definition.json`), `kind` (artifact kind or Kubernetes kind) and `name` (Kubernetes `metadata.name`).',
  {
    id: str('A label used in diagnostics (default: the patch index).'),
    target: str('Target of the emitter that wrote the artifact (`ecs`, `kubernetes`, ... or a plugin target).'),
    file: str('Artifact path under the service folder, e.g. `ecs/task-definition.json`.'),
    kind: str('Artifact kind (`ecs-task-definition`, `cloudformation`, ...) or Kubernetes document kind (`Deployment`).'),
    name: str('Kubernetes `metadata.name` of the document.'),
    ops: arr('The operations, applied in order; the patch fails as a whole when one fails.', patchOperation, { minItems: 1 }),
  },
  ['ops'],
);

export const patchesSchema: JsonSchema = arr(
  'JSON Patch overrides (RFC 6902) for generated output that the spec cannot express; applied after the emitters, in order.',
  patchDeclaration,
);
