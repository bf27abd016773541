/**
 * Emitters: pure, synchronous functions from the normalized model to artifacts (plain objects +
 * relative paths). The core orders keys, applies patches and serializes; emitters never touch the
 * file system, the clock or the environment.
 */
import type { DiagnosticInput } from '../core/diagnostics.js';
import type { Artifact } from '../core/serialize.js';
import type { ServiceModel, TargetName } from '../model/types.js';

export type { Artifact };

export interface EmitContext {
  /** Report a diagnostic; `path` is a path in the spec (use `model.origin` for overridden values... the core does it). */
  report(d: DiagnosticInput): void;
  /** The model resolved for another target (for cross-target artifacts such as a meshed task definition). */
  modelFor(target: TargetName): ServiceModel;
  /** Models per environment name (base overlays applied, same target), for emitters that write per-env overrides. */
  environments(): ReadonlyMap<string, ServiceModel>;
}

export interface Emitter {
  /** `target:artifact`, e.g. `ecs:task-definition`. */
  name: string;
  /** The target this emitter belongs to; `--target` selects by it. Plugins may use their own target names. */
  target: TargetName | (string & {});
  /** One line for `codegen list`. */
  description: string;
  /** Whether the emitter has anything to write for this model (default: always). */
  applies?(model: ServiceModel): boolean;
  emit(model: ServiceModel, ctx: EmitContext): Artifact[];
}

/** Identity helper for typing emitters (plugins use it). */
export function defineEmitter(e: Emitter): Emitter {
  return e;
}
