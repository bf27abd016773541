/**
 * The built-in emitters, sorted by name. A new emitter touches its file, this list, a fixture and
 * its test — nothing else.
 */
import ecsService from './ecs-service-cfn.js';
import ecsTaskDefinition from './ecs-task-definition.js';
import type { Emitter } from './types.js';

export const builtinEmitters: readonly Emitter[] = [ecsService, ecsTaskDefinition].sort((a, b) => (a.name < b.name ? -1 : 1));

export { defineEmitter } from './types.js';
export type { EmitContext, Emitter } from './types.js';
